package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/store"
)

// actorProfile is the result of `query actor`.
type actorProfile struct {
	ID           string          `json:"id"`
	Name         string          `json:"name"`
	Type         string          `json:"type"`
	Aliases      []string        `json:"aliases"`
	Mentions     int             `json:"mentions"`
	Articles     int             `json:"articles"`
	FirstSeen    string          `json:"first_seen"`
	LastSeen     string          `json:"last_seen"`
	EventsOut    []eventCount    `json:"events_out"`
	EventsIn     []eventCount    `json:"events_in"`
	RelationsOut []actorRelation `json:"relations_out"`
	RelationsIn  []actorRelation `json:"relations_in"`
}

// eventCount is the number of relations of one event type.
type eventCount struct {
	Event   string `json:"event"`
	Triples int    `json:"triples"`
}

// actorRelation is one (event type, other actor) group of an actor's
// relations.
type actorRelation struct {
	Event     string `json:"event"`
	Other     string `json:"other"`
	Triples   int    `json:"triples"`
	Articles  int    `json:"articles"`
	Predicate string `json:"predicate"`
	FirstDate string `json:"first_date"`
	LastDate  string `json:"last_date"`
	OtherID   string `json:"other_id"`
}

func newQueryActorCmd(s streams) *cobra.Command {
	var (
		f     queryFlags
		rf    relationFlags
		limit int
	)
	c := &cobra.Command{
		Use:   "actor NAME",
		Short: "Show one actor: names, counts, dates and main relations",
		Long: `actor shows the actor NAME refers to: canonical name, type, aliases, mention
and article counts, first and last seen, its relations by event type, and its
strongest relations out (as subject) and in (as object), grouped by event type
and other actor, most relations first.

NAME may be any alias or spelling seen in the articles, in any case and with
or without accents, or the actor id. When it names several actors the most
mentioned is shown and the others are named on stderr. An unknown NAME exits
with status 1 and suggestions ("did you mean") on stderr.

Fields (JSON): id, name, type, aliases (list), mentions, articles,
first_seen, last_seen, events_out and events_in (lists of {event, triples}),
relations_out and relations_in (lists of {event, other, triples, articles,
predicate, first_date, last_date, other_id}). An empty event is a relation
without a PLOVER event type.

TSV and CSV write one record a line, the first field naming it: "id", "name",
"type", "aliases" (joined with "; "), "mentions", "articles", "first_seen",
"last_seen" followed by the value; "events_out" and "events_in" followed by
event and triples; "relation_out" and "relation_in" followed by the fields of
relations_out in the order above. jsonl writes the JSON object on one line.

` + queryExitStatuses,
		Example: `  newsgraph query actor putin
  newsgraph query actor "Zelénskyy" --format json
  newsgraph query actor russia -n 5 --since 2024-01 --event threaten,assault`,
		Args: exactArgs("NAME"),
		RunE: func(c *cobra.Command, args []string) error {
			filter, err := rf.filter()
			if err != nil {
				return err
			}
			st, format, err := f.open(s)
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := c.Context()
			a, err := resolveActor(ctx, st, s, args[0])
			if err != nil {
				return err
			}
			p, err := buildProfile(c, st, a, filter, limit)
			if err != nil {
				return err
			}
			return writeProfile(s.out, format, p)
		},
	}
	f.add(c)
	rf.add(c)
	c.Flags().IntVarP(&limit, "limit", "n", 10, "show the `N` strongest relations each way (0: all)")
	return c
}

// buildProfile gathers the actor's relation groups both ways.
func buildProfile(c *cobra.Command, st *store.Store, a store.ActorInfo, filter store.RelationFilter, limit int) (actorProfile, error) {
	ctx := c.Context()
	p := actorProfile{
		ID: a.ID, Name: a.Name, Type: a.Type, Aliases: a.Aliases, Mentions: a.Mentions, Articles: a.Articles,
		FirstSeen: a.FirstSeen, LastSeen: a.LastSeen,
		EventsOut: []eventCount{}, EventsIn: []eventCount{}, RelationsOut: []actorRelation{}, RelationsIn: []actorRelation{},
	}
	out, in := filter, filter
	out.From, in.To = a.ID, a.ID
	// The two index ranges are read at once: a frequent actor has a
	// hundred thousand relations each way.
	var (
		inGroups []store.RelationGroup
		inErr    error
		wg       sync.WaitGroup
	)
	wg.Go(func() { inGroups, inErr = st.RelationGroups(ctx, in) })
	outGroups, err := st.RelationGroups(ctx, out)
	wg.Wait()
	if err = cmp.Or(err, inErr); err != nil {
		return p, err
	}
	p.EventsOut, p.EventsIn = eventTotals(outGroups), eventTotals(inGroups)
	if limit > 0 {
		outGroups = outGroups[:min(limit, len(outGroups))]
		inGroups = inGroups[:min(limit, len(inGroups))]
	}
	var ids []string
	for _, g := range outGroups {
		ids = append(ids, g.ObjectID)
	}
	for _, g := range inGroups {
		ids = append(ids, g.SubjectID)
	}
	names, err := actorNames(ctx, st, ids)
	if err != nil {
		return p, err
	}
	rel := func(g store.RelationGroup, other string) actorRelation {
		return actorRelation{Event: g.Event, Other: names[other], Triples: g.Triples, Articles: g.Articles,
			Predicate: g.Predicate, FirstDate: g.FirstDate, LastDate: g.LastDate, OtherID: other}
	}
	for _, g := range outGroups {
		p.RelationsOut = append(p.RelationsOut, rel(g, g.ObjectID))
	}
	for _, g := range inGroups {
		p.RelationsIn = append(p.RelationsIn, rel(g, g.SubjectID))
	}
	return p, nil
}

// eventTotals sums groups by event type, most relations first, then by
// name ("" last among equals).
func eventTotals(groups []store.RelationGroup) []eventCount {
	sums := map[string]int{}
	for _, g := range groups {
		sums[g.Event] += g.Triples
	}
	out := make([]eventCount, 0, len(sums))
	for e, n := range sums {
		out = append(out, eventCount{e, n})
	}
	sortEventCounts(out)
	return out
}

func sortEventCounts(ec []eventCount) {
	slices.SortFunc(ec, func(a, b eventCount) int {
		if c := cmp.Compare(b.Triples, a.Triples); c != 0 {
			return c
		}
		if (a.Event == "") != (b.Event == "") {
			if a.Event == "" {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.Event, b.Event)
	})
}

// eventLabel shows an empty event type in tables.
func eventLabel(e string, f outputFormat) string {
	if e == "" && f == formatTable {
		return "(none)"
	}
	return e
}

func writeProfile(w io.Writer, f outputFormat, p actorProfile) error {
	switch f {
	case formatJSON:
		return encodeJSON(w, p)
	case formatJSONL:
		return encodeJSONLine(w, p)
	case formatTable:
		return writeProfileTable(w, p)
	}
	rows := [][]string{
		{"id", p.ID}, {"name", p.Name}, {"type", p.Type}, {"aliases", strings.Join(p.Aliases, "; ")},
		{"mentions", strconv.Itoa(p.Mentions)}, {"articles", strconv.Itoa(p.Articles)},
		{"first_seen", p.FirstSeen}, {"last_seen", p.LastSeen},
	}
	for _, e := range p.EventsOut {
		rows = append(rows, []string{"events_out", e.Event, strconv.Itoa(e.Triples)})
	}
	for _, e := range p.EventsIn {
		rows = append(rows, []string{"events_in", e.Event, strconv.Itoa(e.Triples)})
	}
	rel := func(kind string, r actorRelation) []string {
		return []string{kind, r.Event, r.Other, strconv.Itoa(r.Triples), strconv.Itoa(r.Articles), r.Predicate, r.FirstDate, r.LastDate, r.OtherID}
	}
	for _, r := range p.RelationsOut {
		rows = append(rows, rel("relation_out", r))
	}
	for _, r := range p.RelationsIn {
		rows = append(rows, rel("relation_in", r))
	}
	return writeText(w, f, nil, rows)
}

func writeProfileTable(w io.Writer, p actorProfile) error {
	seen := "undated"
	if p.FirstSeen != "" {
		seen = p.FirstSeen + " to " + p.LastSeen
	}
	events := func(ec []eventCount) string {
		if len(ec) == 0 {
			return "none"
		}
		parts := make([]string, len(ec))
		for i, e := range ec {
			parts[i] = eventLabel(e.Event, formatTable) + " " + strconv.Itoa(e.Triples)
		}
		return strings.Join(parts, ", ")
	}
	head := [][]string{
		{"actor", p.Name + " (" + p.Type + ")"},
		{"id", p.ID},
		{"aliases", strings.Join(p.Aliases, ", ")},
		{"mentions", fmt.Sprintf("%d in %d articles", p.Mentions, p.Articles)},
		{"seen", seen},
		{"events out", events(p.EventsOut)},
		{"events in", events(p.EventsIn)},
	}
	if err := writeTable(w, true, nil, head); err != nil {
		return err
	}
	section := func(title, otherCol string, rs []actorRelation) error {
		if _, err := fmt.Fprintf(w, "\n%s\n", title); err != nil {
			return err
		}
		if len(rs) == 0 {
			_, err := fmt.Fprintln(w, "  none")
			return err
		}
		rows := make([][]string, len(rs))
		for i, r := range rs {
			rows[i] = []string{eventLabel(r.Event, formatTable), r.Other, strconv.Itoa(r.Triples), strconv.Itoa(r.Articles),
				r.Predicate, r.FirstDate, r.LastDate}
		}
		return writeTable(w, true, []string{"event", otherCol, "triples", "articles", "predicate", "first_date", "last_date"}, rows)
	}
	if err := section("Relations out (strongest first)", "object", p.RelationsOut); err != nil {
		return err
	}
	return section("Relations in (strongest first)", "subject", p.RelationsIn)
}

// exactArgs requires exactly the named arguments, as a usage error.
func exactArgs(names ...string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < len(names) {
			return usageError{fmt.Errorf("missing %s (see %s --help)", strings.Join(names[len(args):], " and "), c.CommandPath())}
		}
		if len(args) > len(names) {
			return usageError{fmt.Errorf("too many arguments: want %s (see %s --help)", strings.Join(names, " "), c.CommandPath())}
		}
		return nil
	}
}
