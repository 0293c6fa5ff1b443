package graph

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/news"
)

// ErrUnknownActor is wrapped by Build's error when Options.Ego names no
// actor of the graph.
var ErrUnknownActor = errors.New("graph: unknown actor")

// Kind selects which graph to build.
type Kind string

// Graph kinds.
const (
	Relations Kind = "relations" // directed: subject → object, one edge per ordered pair
	Comention Kind = "comention" // undirected: actors named in the same sentence or article
)

// ParseKind returns the Kind named s.
func ParseKind(s string) (Kind, error) {
	switch Kind(strings.ToLower(s)) {
	case Relations, "relation":
		return Relations, nil
	case Comention, "co-mention", "comentions":
		return Comention, nil
	}
	return "", fmt.Errorf("graph: unknown graph kind %q (want relations or comention)", s)
}

// Window is the unit within which two actors count as co-mentioned.
type Window string

// Co-mention windows.
const (
	SentenceWindow Window = "sentence" // named in the same sentence (the default)
	ArticleWindow  Window = "article"  // named anywhere in the same article
)

// ParseWindow returns the Window named s.
func ParseWindow(s string) (Window, error) {
	switch Window(strings.ToLower(s)) {
	case SentenceWindow, "sentences":
		return SentenceWindow, nil
	case ArticleWindow, "articles", "doc", "document":
		return ArticleWindow, nil
	}
	return "", fmt.Errorf("graph: unknown co-mention window %q (want sentence or article)", s)
}

// EventTypes returns the 18 PLOVER event types in PLOVER's order, from
// cooperation to conflict. They mirror the constants of package extract.
func EventTypes() []string {
	return []string{
		"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
		"DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
		"MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "INVESTIGATE",
	}
}

// ActorTypes returns the actor types a graph can be filtered on.
func ActorTypes() []string { return []string{news.Person, news.Org, news.GPE} }

// DefaultExactBetweenness is the node count up to which betweenness is
// computed exactly when Options.BetweennessSamples is 0.
const DefaultExactBetweenness = 5000

// DefaultBetweennessSamples is the number of pivots used above
// DefaultExactBetweenness nodes when Options.BetweennessSamples is 0.
const DefaultBetweennessSamples = 1000

// Options controls what goes into a graph. The zero value is the relation
// graph of every non-negated, non-hypothetical triple.
//
// Filters apply in this order: Since/Until, Events and IncludeHypothetical
// (on triples and mentions, before aggregation); Types (on actors);
// MinWeight (on aggregated edges; actors left without an edge are dropped);
// Ego and Depth; Top. Measures are computed on what is left.
type Options struct {
	Kind Kind // Relations (default) or Comention

	// IncludeHypothetical keeps negated and hypothetical triples, which are
	// left out by default: "did not meet" is no meeting.
	IncludeHypothetical bool

	// Multi, for the relation graph only, keeps one edge per (ordered pair,
	// event type) instead of one per pair; each edge's Label is its event
	// type. Triples without an event type make one more edge per pair,
	// labelled with their most frequent predicate. Measures are computed on
	// the graph with the parallel edges merged (weights summed), so they are
	// the same as without Multi.
	Multi bool

	// Window is the co-mention unit: SentenceWindow (default) or
	// ArticleWindow. Ignored for the relation graph.
	Window Window

	// Since and Until keep only triples and mentions of articles dated in
	// [Since, Until], both YYYY-MM-DD and inclusive; empty means unbounded.
	// When either is set, undated articles are left out.
	Since, Until string

	// MinWeight drops edges whose weight is below it.
	MinWeight float64

	// Events keeps only triples of these PLOVER event types (see
	// EventTypes; case-insensitive). For the co-mention graph it keeps only
	// the units (sentences or articles) that hold such a triple. Empty keeps
	// everything, including triples without an event type.
	Events []string

	// Types keeps only actors of these types (PERSON, ORG, GPE;
	// case-insensitive). An actor's type is the most frequent type of its
	// mentions.
	Types []string

	// Ego keeps only the actors within Depth steps of this actor, following
	// edges in either direction, and the edges among them. It is matched
	// against actor ids, then news.ActorID(Ego), then names and aliases
	// (case-insensitive). An actor that is not in the filtered graph gives an
	// error wrapping ErrUnknownActor.
	Ego string
	// Depth is the number of steps around Ego; less than 1 means 1.
	Depth int

	// Top keeps only the Top actors with the highest PageRank (ties by id)
	// and the edges among them, after every other filter; measures are then
	// recomputed on that subgraph. The Ego, when given, is always kept. 0
	// keeps all.
	Top int

	// BetweennessSamples chooses exact or sampled betweenness: 0 computes it
	// exactly up to DefaultExactBetweenness nodes and from
	// DefaultBetweennessSamples pivots above; k > 0 uses k pivots (exact
	// when k ≥ nodes); k < 0 is always exact. See doc.go.
	BetweennessSamples int

	// merged maps the ids of persons known only by a surname to the full
	// name they were merged into (see mergeSurnames); set by Build.
	merged map[string]string
}

// Validate reports the first invalid option, as Build would, without
// reading anything: an unknown kind, window, event or actor type, a date
// that is not YYYY-MM-DD, Since after Until, a negative MinWeight or Top,
// or Multi on the co-mention graph.
func (o Options) Validate() error { return o.validate() }

// validate checks and normalises opts: kinds and windows defaulted, dates,
// event and actor types checked and upper-cased.
func (o *Options) validate() error {
	if o.Kind == "" {
		o.Kind = Relations
	}
	if _, err := ParseKind(string(o.Kind)); err != nil {
		return err
	}
	if o.Window == "" {
		o.Window = SentenceWindow
	}
	w, err := ParseWindow(string(o.Window))
	if err != nil {
		return err
	}
	o.Window = w
	if o.Multi && o.Kind != Relations {
		return errors.New("graph: Multi applies to the relation graph only")
	}
	for _, d := range []struct{ name, v string }{{"since", o.Since}, {"until", o.Until}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			return fmt.Errorf("graph: %s date %q: want YYYY-MM-DD", d.name, d.v)
		}
	}
	if o.Since != "" && o.Until != "" && o.Since > o.Until {
		return fmt.Errorf("graph: since %s is after until %s", o.Since, o.Until)
	}
	if o.MinWeight < 0 {
		return fmt.Errorf("graph: negative minimum weight %v", o.MinWeight)
	}
	if o.Top < 0 {
		return fmt.Errorf("graph: negative top %d", o.Top)
	}
	o.Events, err = upperSet(o.Events, EventTypes(), "event type")
	if err != nil {
		return err
	}
	o.Types, err = upperSet(o.Types, ActorTypes(), "actor type")
	if err != nil {
		return err
	}
	if o.Depth < 1 {
		o.Depth = 1
	}
	return nil
}

// upperSet upper-cases, deduplicates and sorts vals, each of which must be
// one of allowed.
func upperSet(vals, allowed []string, what string) ([]string, error) {
	var out []string
	for _, v := range vals {
		u := strings.ToUpper(strings.TrimSpace(v))
		if !slices.Contains(allowed, u) {
			return nil, fmt.Errorf("graph: unknown %s %q (want one of %s)", what, v, strings.Join(allowed, ", "))
		}
		out = append(out, u)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// inDates reports whether date d lies in the window of opts.
func (o *Options) inDates(d string) bool {
	if o.Since == "" && o.Until == "" {
		return true
	}
	if d == "" {
		return false
	}
	return (o.Since == "" || d >= o.Since) && (o.Until == "" || d <= o.Until)
}
