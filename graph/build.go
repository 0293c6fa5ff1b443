package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/newsgraph/newsgraph/news"
)

// Source is what the graph is built from: every stored triple and actor
// mention. The store satisfies it.
type Source interface {
	EachTriple(ctx context.Context, fn func(news.Triple) error) error
	EachMention(ctx context.Context, fn func(news.Mention) error) error
}

// Kind selects which graph to build.
type Kind string

// Graph kinds.
const (
	Relations Kind = "relations" // directed: subject → object, one edge per ordered pair
	Comention Kind = "comention" // undirected: actors named in the same sentence
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

// Options controls what goes into a graph.
type Options struct {
	Kind Kind
	// IncludeHypothetical keeps negated and hypothetical triples, which are
	// left out by default: "did not meet" is no meeting.
	IncludeHypothetical bool
}

// actorStats aggregates one actor's mentions.
type actorStats struct {
	id, name  string
	types     map[string]int
	aliases   map[string]bool
	mentions  int
	articles  map[string]bool
	first     string
	last      string
	nodeIndex int
}

// edgeStats aggregates the triples or co-mentions of one pair.
type edgeStats struct {
	from, to   string
	weight     float64
	predicates map[string]int
	events     map[string]int
	score      float64
	scored     int
	articles   map[string]bool
	first      string
	last       string
	evidence   string
	evidenceC  float64
}

// Build reads src and returns the analysed network of the kind asked for.
// Nodes are the actors that take part in at least one edge, sorted by id;
// edges are sorted by (from, to). An empty store gives an empty network.
func Build(ctx context.Context, src Source, opts Options) (*Network, error) {
	if opts.Kind == "" {
		opts.Kind = Relations
	}
	actors := map[string]*actorStats{}
	err := src.EachMention(ctx, func(m news.Mention) error {
		a := actors[m.ActorID]
		if a == nil {
			a = &actorStats{id: m.ActorID, name: m.Name, types: map[string]int{}, aliases: map[string]bool{}, articles: map[string]bool{}}
			actors[m.ActorID] = a
		}
		a.types[m.Type]++
		a.aliases[m.Text] = true
		a.mentions++
		a.articles[m.Doc] = true
		a.first, a.last = widen(a.first, a.last, m.Date)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: read mentions: %w", err)
	}
	edges := map[[2]string]*edgeStats{}
	edgeFor := func(from, to string) *edgeStats {
		if opts.Kind == Comention && to < from {
			from, to = to, from
		}
		k := [2]string{from, to}
		e := edges[k]
		if e == nil {
			e = &edgeStats{from: from, to: to, predicates: map[string]int{}, events: map[string]int{}, articles: map[string]bool{}}
			edges[k] = e
		}
		return e
	}
	switch opts.Kind {
	case Relations:
		err = src.EachTriple(ctx, func(t news.Triple) error {
			if (t.Negated || t.Hypothetical) && !opts.IncludeHypothetical {
				return nil
			}
			if t.SubjectID == t.ObjectID || actors[t.SubjectID] == nil || actors[t.ObjectID] == nil {
				return nil
			}
			e := edgeFor(t.SubjectID, t.ObjectID)
			e.weight++
			e.predicates[t.Predicate]++
			if t.Event != "" {
				e.events[t.Event]++
				e.score += t.Score
				e.scored++
			}
			e.articles[t.Doc] = true
			e.first, e.last = widen(e.first, e.last, t.Date)
			if t.Confidence > e.evidenceC || e.evidence == "" {
				e.evidence, e.evidenceC = t.Sentence, t.Confidence
			}
			return nil
		})
	case Comention:
		err = comentions(ctx, src, edgeFor)
	default:
		return nil, fmt.Errorf("graph: unknown graph kind %q", opts.Kind)
	}
	if err != nil {
		return nil, fmt.Errorf("graph: read %s: %w", opts.Kind, err)
	}
	return assemble(ctx, opts.Kind, actors, edges)
}

// comentions counts, for every pair of distinct actors, the sentences that
// name both.
func comentions(ctx context.Context, src Source, edgeFor func(from, to string) *edgeStats) error {
	var (
		doc      string
		sentence = -1
		date     string
		ids      []string
	)
	flush := func() {
		slices.Sort(ids)
		ids = slices.Compact(ids)
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				e := edgeFor(ids[i], ids[j])
				e.weight++
				e.articles[doc] = true
				e.first, e.last = widen(e.first, e.last, date)
			}
		}
		ids = ids[:0]
	}
	err := src.EachMention(ctx, func(m news.Mention) error {
		if m.Doc != doc || m.Sentence != sentence {
			flush()
			doc, sentence, date = m.Doc, m.Sentence, m.Date
		}
		ids = append(ids, m.ActorID)
		return nil
	})
	flush()
	return err
}

// assemble turns the aggregates into a Network and computes its measures.
func assemble(ctx context.Context, kind Kind, actors map[string]*actorStats, edges map[[2]string]*edgeStats) (*Network, error) {
	inEdge := map[string]bool{}
	for k := range edges {
		inEdge[k[0]], inEdge[k[1]] = true, true
	}
	ids := make([]string, 0, len(inEdge))
	for id := range inEdge {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	n := &Network{Directed: kind == Relations, NodeAttrs: nodeAttrs, EdgeAttrs: edgeAttrs}
	for i, id := range ids {
		a := actors[id]
		a.nodeIndex = i
		n.Nodes = append(n.Nodes, Node{Key: id, Label: a.name, Attrs: map[string]any{
			"actor_id":   id,
			"actor_type": majority(a.types),
			"aliases":    strings.Join(sortedSet(a.aliases), "; "),
			"mentions":   a.mentions,
			"articles":   len(a.articles),
			"first_seen": a.first,
			"last_seen":  a.last,
		}})
	}
	keys := make([][2]string, 0, len(edges))
	for k := range edges {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	for _, k := range keys {
		e := edges[k]
		label, event := topKey(e.predicates), topKey(e.events)
		if kind == Comention {
			label = "co-mention"
		}
		score := 0.0
		if e.scored > 0 {
			score = e.score / float64(e.scored)
		}
		n.Edges = append(n.Edges, Edge{
			From: actors[e.from].nodeIndex, To: actors[e.to].nodeIndex, Weight: e.weight, Label: label,
			Attrs: map[string]any{
				"predicate":  topKey(e.predicates),
				"event":      event,
				"events":     countsString(e.events),
				"conflict":   score,
				"n_articles": len(e.articles),
				"first_date": e.first,
				"last_date":  e.last,
				"evidence":   e.evidence,
			},
		})
	}
	if err := measure(ctx, n); err != nil {
		return nil, err
	}
	return n, nil
}

// nodeAttrs and edgeAttrs declare the attribute columns every Network has.
// Names avoid those Gephi reads as visual properties (size, color, x, y).
var (
	nodeAttrs = []Attr{
		{"actor_id", String}, {"actor_type", String}, {"aliases", String},
		{"mentions", Int}, {"articles", Int}, {"first_seen", String}, {"last_seen", String},
		{"degree", Int}, {"in_degree", Int}, {"out_degree", Int}, {"strength", Double},
		{"pagerank", Double}, {"betweenness", Double},
	}
	edgeAttrs = []Attr{
		{"predicate", String}, {"event", String}, {"events", String}, {"conflict", Double},
		{"n_articles", Int}, {"first_date", String}, {"last_date", String}, {"evidence", String},
	}
)

// measure computes degree, strength, PageRank and betweenness for every node.
func measure(ctx context.Context, n *Network) error {
	if len(n.Nodes) == 0 {
		return nil // gonum's PageRank panics on an empty graph
	}
	in := make([]int, len(n.Nodes))
	out := make([]int, len(n.Nodes))
	strength := make([]float64, len(n.Nodes))
	for _, e := range n.Edges {
		out[e.From]++
		in[e.To]++
		strength[e.From] += e.Weight
		strength[e.To] += e.Weight
	}
	var pr, bc map[int64]float64
	if n.Directed {
		g := simple.NewWeightedDirectedGraph(0, 0)
		for i := range n.Nodes {
			g.AddNode(simple.Node(i))
		}
		for _, e := range n.Edges {
			g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e.From), simple.Node(e.To), e.Weight))
		}
		pr = network.PageRankSparse(g, 0.85, 1e-8)
		if err := ctx.Err(); err != nil {
			return err
		}
		// network.Betweenness counts hops, ignoring weights, as Gephi does.
		bc = network.Betweenness(g)
	} else {
		g := simple.NewWeightedUndirectedGraph(0, 0)
		for i := range n.Nodes {
			g.AddNode(simple.Node(i))
		}
		for _, e := range n.Edges {
			g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e.From), simple.Node(e.To), e.Weight))
		}
		// PageRank of an undirected graph: each edge walks both ways.
		d := simple.NewWeightedDirectedGraph(0, 0)
		for i := range n.Nodes {
			d.AddNode(simple.Node(i))
		}
		for _, e := range n.Edges {
			d.SetWeightedEdge(d.NewWeightedEdge(simple.Node(e.From), simple.Node(e.To), e.Weight))
			d.SetWeightedEdge(d.NewWeightedEdge(simple.Node(e.To), simple.Node(e.From), e.Weight))
		}
		pr = network.PageRankSparse(d, 0.85, 1e-8)
		if err := ctx.Err(); err != nil {
			return err
		}
		// gonum counts each unordered pair twice in an undirected graph.
		bc = network.Betweenness(g)
		for k := range bc {
			bc[k] /= 2
		}
	}
	for i := range n.Nodes {
		a := n.Nodes[i].Attrs
		a["in_degree"] = in[i]
		a["out_degree"] = out[i]
		a["degree"] = in[i] + out[i]
		if !n.Directed {
			a["in_degree"], a["out_degree"] = in[i]+out[i], in[i]+out[i]
		}
		a["strength"] = strength[i]
		a["pagerank"] = pr[int64(i)]
		a["betweenness"] = bc[int64(i)]
	}
	return nil
}

// widen extends the date range [first, last] by d (YYYY-MM-DD strings
// compare as dates; empty means unknown).
func widen(first, last, d string) (string, string) {
	if d == "" {
		return first, last
	}
	if first == "" || d < first {
		first = d
	}
	if last == "" || d > last {
		last = d
	}
	return first, last
}

// majority returns the most frequent key, ties broken alphabetically.
func majority(m map[string]int) string { return topKey(m) }

func topKey(m map[string]int) string {
	best, bestN := "", 0
	for k, n := range m {
		if n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	return best
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// countsString writes a count map as "A:3; B:1", most frequent first.
func countsString(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b)) })
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s:%d", k, m[k])
	}
	return strings.Join(parts, "; ")
}
