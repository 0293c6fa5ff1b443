package graph

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/news"
)

// Source is what the graph is built from: every stored triple and actor
// mention. The store satisfies it. EachMention need not group mentions in
// any order.
type Source interface {
	EachTriple(ctx context.Context, fn func(news.Triple) error) error
	EachMention(ctx context.Context, fn func(news.Mention) error) error
}

// actorStats aggregates one actor's mentions.
type actorStats struct {
	id, name  string
	types     map[string]int
	aliases   map[string]bool
	mentions  int
	articles  map[uint32]struct{} // by strtab index of the article id
	dates     dateSpan
	kept      bool // passes Options.Types
	nodeIndex int
}

// unitKey names one co-mention unit: a sentence of an article, or a whole
// article (sentence −1).
type unitKey struct {
	doc      uint32 // the article id's strtab index
	sentence int
}

// unit is the actors named in one co-mention unit.
type unit struct {
	date string
	ids  []string
}

// edgeKey identifies one edge by the strtab indexes of its actors' ids and
// event type: an ordered pair for the relation graph (with the event type
// when Options.Multi, else ""), an unordered one (from < to) for the
// co-mention graph (event ""). Indexes instead of the strings make a key 12
// bytes instead of 48 (a 100k-article store has 617,781 edges).
type edgeKey struct{ from, to, event uint32 }

// edgeStats aggregates the triples or co-mentions of one edge; its key is
// the edges map's.
type edgeStats struct {
	weight     float64
	predicates counts // relation graph only
	events     counts // relation graph only
	score      float64
	scored     int
	articles   docSet
	dates      dateSpan
	evidence   string
	evidenceC  float64
}

// dateSpan is the first and last date (YYYY-MM-DD, so that string order is
// date order) of an actor's mentions or an edge's triples, as strtab
// indexes plus one (0: no date yet): 8 bytes instead of 32 with the
// strings, for each of a large store's hundreds of thousands of edges.
type dateSpan struct{ first, last uint32 }

// widen adds date d ("" for none) to the span.
func (s *dateSpan) widen(d string, tab *strtab) {
	if d == "" {
		return
	}
	first, last := s.get(tab)
	if s.first != 0 && d >= first && d <= last {
		return
	}
	i := tab.id(d) + 1
	if s.first == 0 || d < first {
		s.first = i
	}
	if s.last == 0 || d > last {
		s.last = i
	}
}

// get returns the first and last dates, "" when there is none.
func (s dateSpan) get(tab *strtab) (first, last string) {
	if s.first == 0 {
		return "", ""
	}
	return tab.strs[s.first-1], tab.strs[s.last-1]
}

// counts counts strings, by their strtab index. An edge has one to three
// predicates and event types, most of them one, and a slice searched from
// the front holds them in a fraction of a map's memory: with three maps an
// edge, the edges of a store of 10 000 generated articles (114 000) took
// 110 MB while an export read them, two thirds of its heap. An entry is 8
// bytes (24 with the string).
type counts []keyCount

type keyCount struct {
	key uint32 // strtab index
	n   uint32
}

// add counts k once more.
func (c *counts) add(k uint32) {
	for i := range *c {
		if (*c)[i].key == k {
			(*c)[i].n++
			return
		}
	}
	*c = append(*c, keyCount{k, 1})
}

// top returns the key with the largest count, ties broken alphabetically;
// "" when there is none.
func (c counts) top(tab *strtab) string {
	best, bestN := "", uint32(0)
	for _, kc := range c {
		if key := tab.strs[kc.key]; kc.n > bestN || kc.n == bestN && key < best {
			best, bestN = key, kc.n
		}
	}
	return best
}

// n returns the count of key k, 0 when there is none.
func (c counts) n(k uint32) int {
	for _, kc := range c {
		if kc.key == k {
			return int(kc.n)
		}
	}
	return 0
}

// String writes the counts as "A:3; B:1", most frequent first, ties
// alphabetically.
func (c counts) String(tab *strtab) string {
	sorted := slices.Clone(c)
	slices.SortFunc(sorted, func(a, b keyCount) int {
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(tab.strs[a.key], tab.strs[b.key]))
	})
	parts := make([]string, len(sorted))
	for i, kc := range sorted {
		parts[i] = tab.strs[kc.key] + ":" + strconv.Itoa(int(kc.n))
	}
	return strings.Join(parts, "; ")
}

// docSet is a set of article ids, by their strtab index: a slice while it
// is small (most edges come from one or two articles), a map past
// smallDocSet.
type docSet struct {
	few  []uint32
	many map[uint32]struct{}
}

const smallDocSet = 8

// add puts doc in the set.
func (s *docSet) add(doc uint32) {
	switch {
	case s.many != nil:
		s.many[doc] = struct{}{}
	case slices.Contains(s.few, doc):
	case len(s.few) < smallDocSet:
		s.few = append(s.few, doc)
	default:
		s.many = make(map[uint32]struct{}, 2*smallDocSet)
		for _, d := range s.few {
			s.many[d] = struct{}{}
		}
		s.many[doc] = struct{}{}
		s.few = nil
	}
}

// len returns the number of ids in the set.
func (s *docSet) len() int {
	if s.many != nil {
		return len(s.many)
	}
	return len(s.few)
}

// strtab interns the strings an aggregation keeps: actor ids and names,
// aliases, types, article ids, predicates, event types and dates. The
// source decodes a stored article's triples or mentions into strings that
// share one buffer, and any one of them kept (an edge's key, an actor's
// alias) kept the whole buffer: at 100 000 articles these buffers were 83
// MiB of an export's 787 MiB live peak. Interned, each string is kept once,
// in a copy of its own, and sets of article ids and the counts of
// predicates and event types hold 4-byte indexes.
type strtab struct {
	index map[string]uint32
	strs  []string
}

func newStrtab() *strtab { return &strtab{index: map[string]uint32{}} }

// id returns the index of s, adding a copy of it if it is new.
func (t *strtab) id(s string) uint32 {
	if i, ok := t.index[s]; ok {
		return i
	}
	s = strings.Clone(s)
	i := uint32(len(t.strs))
	t.strs = append(t.strs, s)
	t.index[s] = i
	return i
}

// intern returns the table's copy of s.
func (t *strtab) intern(s string) string { return t.strs[t.id(s)] }

// Build reads src and returns the analysed network that opts asks for (see
// Options for the filters and doc.go for the attributes). Nodes are the
// actors that take part in at least one edge (with Options.Top, the kept
// actors), sorted by id; edges are sorted by (from id, to id, event type).
// An empty store gives an empty network. Invalid options give an error
// before src is read.
func Build(ctx context.Context, src Source, opts Options) (*Network, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	tab := newStrtab()
	actors, units, err := readMentions(ctx, src, &opts, tab)
	if err != nil {
		return nil, fmt.Errorf("graph: read mentions: %w", err)
	}
	var (
		edges map[edgeKey]*edgeStats
		assoc associations
	)
	switch opts.Kind {
	case Relations:
		edges, err = relationEdges(ctx, src, &opts, actors, tab)
	case Comention:
		edges, assoc, err = comentionEdges(ctx, src, &opts, actors, units, tab)
	}
	if err != nil {
		return nil, fmt.Errorf("graph: read %s: %w", opts.Kind, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n := assemble(&opts, actors, edges, assoc, tab)
	ego := -1
	if opts.Ego != "" {
		i, err := findEgo(n, actors, &opts)
		if err != nil {
			return nil, err
		}
		keep := egoNodes(n, i, opts.Depth)
		n = induced(n, keep)
		ego = indexOf(keep, i)
	}
	if opts.Top > 0 && opts.Top < len(n.Nodes) {
		keep, err := topNodes(ctx, n, opts.Top, ego)
		if err != nil {
			return nil, fmt.Errorf("graph: top: %w", err)
		}
		n = induced(n, keep)
	}
	if err := Analyse(ctx, n, opts.BetweennessSamples); err != nil {
		return nil, err
	}
	return n, nil
}

// readMentions aggregates the mentions inside the date window by actor and,
// for the co-mention graph, collects the actors of each unit.
func readMentions(ctx context.Context, src Source, opts *Options, tab *strtab) (map[string]*actorStats, map[unitKey]*unit, error) {
	actors := map[string]*actorStats{}
	var units map[unitKey]*unit
	if opts.Kind == Comention {
		units = map[unitKey]*unit{}
	}
	err := src.EachMention(ctx, func(m news.Mention) error {
		if !opts.inDates(m.Date) || m.ActorID == "" {
			return nil
		}
		a := actors[m.ActorID]
		if a == nil {
			a = newActor(tab.intern(m.ActorID), tab.intern(m.Name))
			actors[a.id] = a
		}
		a.types[tab.intern(m.Type)]++
		if !a.aliases[m.Text] {
			a.aliases[tab.intern(m.Text)] = true
		}
		a.mentions++
		doc := tab.id(m.Doc)
		a.articles[doc] = struct{}{}
		a.dates.widen(m.Date, tab)
		if units != nil {
			k := unitKey{doc, m.Sentence}
			if opts.Window == ArticleWindow {
				k.sentence = -1
			}
			u := units[k]
			if u == nil {
				u = &unit{date: tab.intern(m.Date)}
				units[k] = u
			}
			u.ids = append(u.ids, a.id)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	opts.merged = mergeSurnames(actors, units, tab)
	for _, a := range actors {
		a.kept = keepType(opts, majority(a.types))
	}
	return actors, units, nil
}

// mergeSurnames folds each person known only by a one-word name ("Zelensky",
// from articles that never give the full name) into the one person whose
// full name ends with it ("Volodymyr Zelensky"), across articles. When two
// or more full names share the surname, nothing is merged: the graph keeps
// "Clinton" apart rather than guess between Bill and Hillary. It returns the
// merged ids, each to the id it now stands for, and updates actors and units
// (tab holds the actors' dates).
func mergeSurnames(actors map[string]*actorStats, units map[unitKey]*unit, tab *strtab) map[string]string {
	bySurname := map[string][]string{}
	for id, a := range actors {
		if i := strings.LastIndexByte(id, '-'); i > 0 && majority(a.types) == news.Person {
			bySurname[id[i+1:]] = append(bySurname[id[i+1:]], id)
		}
	}
	merged := map[string]string{}
	for id, a := range actors {
		if full := bySurname[id]; len(full) == 1 && !strings.Contains(id, "-") && majority(a.types) == news.Person {
			merged[id] = full[0]
		}
	}
	for from, to := range merged {
		a, b := actors[from], actors[to]
		for k, v := range a.types {
			b.types[k] += v
		}
		for k := range a.aliases {
			b.aliases[k] = true
		}
		for k := range a.articles {
			b.articles[k] = struct{}{}
		}
		b.mentions += a.mentions
		first, last := a.dates.get(tab)
		b.dates.widen(first, tab)
		b.dates.widen(last, tab)
		delete(actors, from)
	}
	for _, u := range units {
		for i, id := range u.ids {
			if to, ok := merged[id]; ok {
				u.ids[i] = to
			}
		}
	}
	return merged
}

func newActor(id, name string) *actorStats {
	return &actorStats{id: id, name: name, types: map[string]int{}, aliases: map[string]bool{}, articles: map[uint32]struct{}{}}
}

// keepType reports whether an actor of type typ passes Options.Types.
func keepType(opts *Options, typ string) bool {
	return len(opts.Types) == 0 || slices.Contains(opts.Types, typ)
}

// tripleOK reports whether t passes the date, hypothetical and event
// filters.
func tripleOK(opts *Options, t news.Triple) bool {
	if (t.Negated || t.Hypothetical) && !opts.IncludeHypothetical {
		return false
	}
	if len(opts.Events) > 0 && !slices.Contains(opts.Events, t.Event) {
		return false
	}
	return opts.inDates(t.Date)
}

// relationEdges aggregates the triples that pass the filters by ordered
// pair (and event type with Multi). An actor that has triples but no
// mention in the date window (a pronoun-resolved one, say) is taken from
// the triple.
func relationEdges(ctx context.Context, src Source, opts *Options, actors map[string]*actorStats, tab *strtab) (map[edgeKey]*edgeStats, error) {
	actor := func(id, name, typ string) *actorStats {
		a := actors[id]
		if a == nil {
			id = tab.intern(id)
			a = newActor(id, tab.intern(name))
			a.types[tab.intern(typ)]++
			a.kept = keepType(opts, typ)
			actors[id] = a
		}
		return a
	}
	edges := map[edgeKey]*edgeStats{}
	none := tab.id("")
	err := src.EachTriple(ctx, func(t news.Triple) error {
		if to, ok := opts.merged[t.SubjectID]; ok {
			t.SubjectID = to
		}
		if to, ok := opts.merged[t.ObjectID]; ok {
			t.ObjectID = to
		}
		if !tripleOK(opts, t) || t.SubjectID == "" || t.ObjectID == "" || t.SubjectID == t.ObjectID {
			return nil
		}
		if !actor(t.SubjectID, t.Subject, t.SubjectType).kept || !actor(t.ObjectID, t.Object, t.ObjectType).kept {
			return nil
		}
		k := edgeKey{from: tab.id(t.SubjectID), to: tab.id(t.ObjectID), event: none}
		if opts.Multi {
			k.event = tab.id(t.Event)
		}
		e := edges[k]
		if e == nil {
			e = &edgeStats{}
			edges[k] = e
		}
		e.weight++
		e.predicates.add(tab.id(t.Predicate))
		if t.Event != "" {
			e.events.add(tab.id(t.Event))
			e.score += t.Score
			e.scored++
		}
		e.articles.add(tab.id(t.Doc))
		e.dates.widen(t.Date, tab)
		if t.Confidence > e.evidenceC || e.evidence == "" {
			// A copy: the sentence shares its buffer with the whole
			// article's triples (see strtab).
			e.evidence, e.evidenceC = strings.Clone(t.Sentence), t.Confidence
		}
		return nil
	})
	return edges, err
}

// comentionEdges counts, for every pair of distinct kept actors, the units
// that name both, and their association strength (normalised PMI and
// Jaccard) over the units that name at least one kept actor. With
// Options.Events only the units holding a triple of those types count.
func comentionEdges(ctx context.Context, src Source, opts *Options, actors map[string]*actorStats, units map[unitKey]*unit, tab *strtab) (map[edgeKey]*edgeStats, associations, error) {
	var allowed map[unitKey]bool
	if len(opts.Events) > 0 {
		allowed = map[unitKey]bool{}
		err := src.EachTriple(ctx, func(t news.Triple) error {
			// An article without mentions has no unit to allow.
			if doc, ok := tab.index[t.Doc]; ok && tripleOK(opts, t) {
				k := unitKey{doc, t.SentenceIndex}
				if opts.Window == ArticleWindow {
					k.sentence = -1
				}
				allowed[k] = true
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	edges := map[edgeKey]*edgeStats{}
	none := tab.id("")
	unitsOf := map[string]int{} // units naming each actor
	total := 0
	var idx []uint32 // the unit's ids as strtab indexes, scratch space
	for k, u := range units {
		if allowed != nil && !allowed[k] {
			continue
		}
		ids := slices.DeleteFunc(u.ids, func(id string) bool { return !actors[id].kept })
		slices.Sort(ids)
		ids = slices.Compact(ids)
		if len(ids) == 0 {
			continue
		}
		total++
		idx = idx[:0]
		for _, id := range ids {
			idx = append(idx, tab.id(id))
		}
		for i, a := range ids {
			unitsOf[a]++
			for _, b := range idx[i+1:] {
				ek := edgeKey{from: idx[i], to: b, event: none}
				e := edges[ek]
				if e == nil {
					e = &edgeStats{}
					edges[ek] = e
				}
				e.weight++
				e.articles.add(k.doc)
				e.dates.widen(u.date, tab)
			}
		}
	}
	assoc := func(k edgeKey, e *edgeStats) (npmi, jaccard float64) {
		return association(e.weight, float64(unitsOf[tab.strs[k.from]]), float64(unitsOf[tab.strs[k.to]]), float64(total))
	}
	return edges, assoc, nil
}

// associations returns the association strength (normalised PMI and
// Jaccard) of a co-mention edge. assemble asks as it makes each edge, so
// that the edges' statistics need not hold them.
type associations func(k edgeKey, e *edgeStats) (npmi, jaccard float64)

// association returns the normalised pointwise mutual information and the
// Jaccard index of two actors named together in co units, alone or together
// in na and nb units, out of total units:
//
//	npmi = log(p(ab) / (p(a)·p(b))) / −log p(ab), p(x) = n(x)/total
//	jaccard = co / (na + nb − co)
//
// npmi is 1 when the actors always appear together, 0 when independent,
// and tends to −1 as they avoid each other; it is 1 when p(ab) = 1.
func association(co, na, nb, total float64) (npmi, jaccard float64) {
	if co <= 0 || total <= 0 {
		return 0, 0
	}
	jaccard = co / (na + nb - co)
	pab := co / total
	if pab >= 1 {
		return 1, jaccard
	}
	return math.Log(pab/((na/total)*(nb/total))) / -math.Log(pab), jaccard
}

// assemble turns the aggregates into a Network without measures, dropping
// edges lighter than Options.MinWeight and actors left without an edge. It
// takes edges over: the caller must not use the map after. Each edge's
// statistics become garbage as soon as its Edge is made, and the map as
// soon as the edges kept are listed, so that the collector can reuse their
// memory for the Network instead of holding both (the map alone is about
// 100 bytes an edge).
func assemble(opts *Options, actors map[string]*actorStats, edges map[edgeKey]*edgeStats, assoc associations, tab *strtab) *Network {
	type keyedEdge struct {
		key   edgeKey
		stats *edgeStats
	}
	kept := make([]keyedEdge, 0, len(edges))
	inEdge := map[string]bool{}
	for k, e := range edges {
		if e.weight < opts.MinWeight {
			continue
		}
		kept = append(kept, keyedEdge{k, e})
		inEdge[tab.strs[k.from]], inEdge[tab.strs[k.to]] = true, true
	}
	edges = nil
	slices.SortFunc(kept, func(a, b keyedEdge) int {
		return cmp.Or(cmp.Compare(tab.strs[a.key.from], tab.strs[b.key.from]), cmp.Compare(tab.strs[a.key.to], tab.strs[b.key.to]),
			cmp.Compare(tab.strs[a.key.event], tab.strs[b.key.event]))
	})
	ids := make([]string, 0, len(inEdge))
	for id := range inEdge {
		ids = append(ids, id)
	}
	slices.Sort(ids)

	directed := opts.Kind == Relations
	n := &Network{Directed: directed, NodeAttrs: actorAttrs(),
		Nodes: make([]Node, 0, len(ids)), Edges: make([]Edge, 0, len(kept))} // no slack, no copies while growing
	for i, id := range ids {
		a := actors[id]
		a.nodeIndex = i
		first, last := a.dates.get(tab)
		n.Nodes = append(n.Nodes, Node{Key: id, Label: a.name, Attrs: map[string]any{
			"actor_id":   id,
			"actor_type": majority(a.types),
			"aliases":    strings.Join(sortedSet(a.aliases), "; "),
			"mentions":   a.mentions,
			"articles":   len(a.articles),
			"first_seen": first,
			"last_seen":  last,
		}})
	}

	var (
		eventCols  []string
		eventNames map[string]string // event type → its count's attribute
		eventIDs   []uint32          // eventCols' strtab indexes
	)
	if directed {
		seen := map[string]bool{}
		for _, ke := range kept {
			for _, ev := range ke.stats.events {
				seen[tab.strs[ev.key]] = true
			}
		}
		eventCols = eventColumns(seen)
		eventIDs = make([]uint32, len(eventCols))
		for i, ev := range eventCols {
			eventIDs[i] = tab.id(ev)
		}
		n.EdgeAttrs = []Attr{{"predicate", String}, {"event", String}, {"events", String}}
		eventNames = make(map[string]string, len(eventCols))
		for _, ev := range eventCols {
			eventNames[ev] = eventAttr(ev)
			n.EdgeAttrs = append(n.EdgeAttrs, Attr{eventNames[ev], Int})
		}
		n.EdgeAttrs = append(n.EdgeAttrs, Attr{"conflict", Double})
	}
	n.EdgeAttrs = append(n.EdgeAttrs, Attr{"n_articles", Int}, Attr{"first_date", String}, Attr{"last_date", String})
	if directed {
		n.EdgeAttrs = append(n.EdgeAttrs, Attr{"evidence", String})
	} else {
		n.EdgeAttrs = append(n.EdgeAttrs, Attr{"pmi", Double}, Attr{"jaccard", Double})
	}

	strs := boxes[string]{} // predicates, event types and dates: few, on many edges
	for i := range kept {
		k, e := kept[i].key, kept[i].stats
		kept[i].stats = nil
		// In the order of n.EdgeAttrs, which the writers read them in:
		// for a relation, 8 and one a count of each event type the edge
		// has; for a co-mention, 5.
		size := 5
		if directed {
			size = 8 + len(e.events)
		}
		attrs := make(Values, 0, size)
		label := "co-mention"
		if directed {
			predicate := e.predicates.top(tab)
			label = predicate
			if ev := tab.strs[k.event]; opts.Multi && ev != "" {
				label = ev
			}
			score := 0.0
			if e.scored > 0 {
				score = e.score / float64(e.scored)
			}
			attrs = append(attrs, Value{"predicate", strs.box(predicate)}, Value{"event", strs.box(e.events.top(tab))}, Value{"events", strs.box(e.events.String(tab))})
			// Only the event types the edge has (an edge has one or two
			// of twenty): a missing count is written as 0 (see Network).
			for i, ev := range eventCols {
				if count := e.events.n(eventIDs[i]); count > 0 {
					attrs = append(attrs, Value{eventNames[ev], count})
				}
			}
			attrs = append(attrs, Value{"conflict", score})
		}
		first, last := e.dates.get(tab)
		attrs = append(attrs, Value{"n_articles", e.articles.len()}, Value{"first_date", strs.box(first)}, Value{"last_date", strs.box(last)})
		if directed {
			attrs = append(attrs, Value{"evidence", e.evidence})
		} else {
			pmi, jaccard := assoc(k, e)
			attrs = append(attrs, Value{"pmi", pmi}, Value{"jaccard", jaccard})
		}
		n.Edges = append(n.Edges, Edge{From: actors[tab.strs[k.from]].nodeIndex, To: actors[tab.strs[k.to]].nodeIndex, Weight: e.weight, Label: label, Attrs: attrs})
	}
	return n
}

// boxes holds one interface value for each distinct value an edge
// attribute takes, so that the edges sharing a value share its box: putting
// a string in an interface copies its header to the heap, 16 bytes, and the
// hundreds of thousands of edges of a large store name a few hundred
// predicates, event types and dates. (With the attribute lists sized
// exactly, 36 MB off the peak RSS of a 100k-article store's export.)
type boxes[T comparable] map[T]any

// box returns v in an interface, the same one for the same v.
func (b boxes[T]) box(v T) any {
	if x, ok := b[v]; ok {
		return x
	}
	x := any(v)
	b[v] = x
	return x
}

// eventColumns orders the event types seen: PLOVER's order, then any other
// type alphabetically.
func eventColumns(seen map[string]bool) []string {
	var cols []string
	for _, ev := range EventTypes() {
		if seen[ev] {
			cols = append(cols, ev)
			delete(seen, ev)
		}
	}
	return append(cols, sortedSet(seen)...)
}

// eventAttr returns the edge column counting triples of event type ev:
// "n_" and the type in lower case, anything but letters, digits and '_'
// replaced by '_' ("CONSULT" → "n_consult").
func eventAttr(ev string) string {
	return "n_" + strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '_'
	}, ev)
}

// majority returns the key with the largest count, ties broken
// alphabetically; "" for an empty map.
func majority(m map[string]int) string {
	best, bestN := "", 0
	for k, n := range m {
		if n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	return best
}

// sortedSet returns the keys of m in order.
func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
