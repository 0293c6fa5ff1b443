package export

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// actorNodeAttrs and actorEdgeAttrs are the attribute columns of graph.Build
// plus the community measure, as the writers see them.
func actorNodeAttrs() []graph.Attr {
	return []graph.Attr{
		{Name: "actor_id", Kind: graph.String}, {Name: "actor_type", Kind: graph.String},
		{Name: "aliases", Kind: graph.String}, {Name: "mentions", Kind: graph.Int},
		{Name: "articles", Kind: graph.Int}, {Name: "first_seen", Kind: graph.String},
		{Name: "last_seen", Kind: graph.String}, {Name: "degree", Kind: graph.Int},
		{Name: "strength", Kind: graph.Double}, {Name: "pagerank", Kind: graph.Double},
		{Name: "betweenness", Kind: graph.Double}, {Name: "community", Kind: graph.Int},
	}
}

func actorEdgeAttrs() []graph.Attr {
	return []graph.Attr{
		{Name: "predicate", Kind: graph.String}, {Name: "event", Kind: graph.String},
		{Name: "events", Kind: graph.String}, {Name: "conflict", Kind: graph.Double},
		{Name: "n_articles", Kind: graph.Int}, {Name: "first_date", Kind: graph.String},
		{Name: "last_date", Kind: graph.String}, {Name: "evidence", Kind: graph.String},
		{Name: "hypothetical", Kind: graph.Bool},
	}
}

// actorNetwork is the network of the testdata/actors.* golden files: an
// actor graph as graph.Build makes it, with communities and dates, and with
// the awkward cases: text that needs escaping or holds illegal characters,
// a key that needs escaping, missing and invalid dates, an end date before
// its start, a community past the palette, missing measures, an empty edge
// label and a NaN weight.
func actorNetwork() *graph.Network {
	return &graph.Network{
		Directed:  true,
		NodeAttrs: actorNodeAttrs(),
		EdgeAttrs: actorEdgeAttrs(),
		Nodes: []graph.Node{
			{Key: "norway", Label: "Norway", Attrs: map[string]any{
				"actor_id": "norway", "actor_type": "GPE", "aliases": "Norway; Norwegian", "mentions": 7,
				"articles": 3, "first_seen": "2025-02-03", "last_seen": "2025-03-01", "degree": 2,
				"strength": 4.0, "pagerank": 0.4, "betweenness": 1.5, "community": 0,
			}},
			{Key: "kenya", Label: "Kenya", Attrs: map[string]any{
				"actor_id": "kenya", "actor_type": "GPE", "aliases": "Kenya; Kenyan", "mentions": 4,
				"articles": 2, "first_seen": "2025-02-03", "last_seen": "2025-02-03", "degree": 2,
				"strength": 4.5, "pagerank": 0.1, "betweenness": 0.0, "community": 1,
			}},
			{Key: `smith & "sons"`, Label: "Smith & Sons <Ltd> \"Global\"\x07", Attrs: map[string]any{
				"actor_id": `smith & "sons"`, "actor_type": "ORG", "aliases": "S&S\x00; Smith\xff", "mentions": 1,
				"articles": 1, "first_seen": "", "last_seen": "", "degree": 2,
				"strength": math.NaN(), "pagerank": 0.0, "betweenness": math.Inf(1), "community": 0,
			}},
			{Key: "ana-maria", Label: "Ana María\tO'Neil", Attrs: map[string]any{
				"actor_id": "ana-maria", "actor_type": "PERSON", "aliases": "Ana María", "mentions": 2,
				"articles": 1, "first_seen": "2025-02-30", "last_seen": "2025-01-15", "degree": 2,
				"strength": 1.0, "pagerank": 0.25, "betweenness": 0.5, "community": 21,
			}},
			{Key: "un", Label: "United Nations", Attrs: map[string]any{
				"actor_id": "un", "actor_type": "ORG", // no mentions, dates, measures or community
			}},
		},
		Edges: []graph.Edge{
			{From: 0, To: 1, Weight: 3, Label: "agree", Attrs: graph.ValuesOf(map[string]any{
				"predicate": "agree", "event": "AGREE", "events": "AGREE:2; CONSULT:1", "conflict": 3.5,
				"n_articles": 2, "first_date": "2025-02-03", "last_date": "2025-02-10",
				"evidence": "Norway and Kenya agree on \"harbour\" inspections & more.", "hypothetical": false,
			})},
			{From: 1, To: 2, Weight: 1.5, Label: "", Attrs: graph.ValuesOf(map[string]any{
				"predicate": "hire", "event": "", "events": "", "conflict": 0.0, "n_articles": 1,
				"first_date": "2025-02-20", "last_date": "2025-02-05", // end before start
				"evidence": "Kenya hired <Smith & Sons>.", "hypothetical": true,
			})},
			{From: 2, To: 3, Weight: math.NaN(), Label: "pay", Attrs: graph.ValuesOf(map[string]any{
				"predicate": "pay", "event": "", "events": "", "n_articles": 1,
				"evidence": "Line one,\r\nline \"two\"\x00 \xe2\x80\xa8end\xff", // no dates, no conflict
			})},
			{From: 3, To: 0, Weight: 1, Label: "accuse", Attrs: graph.ValuesOf(map[string]any{
				"predicate": "accuse", "event": "ACCUSE", "events": "ACCUSE:1", "conflict": -5.0,
				"n_articles": 1, "first_date": "2025-01-15", "last_date": "2025-01-15",
				"evidence": "Ana María accused Norway.", "hypothetical": false,
			})},
			{From: 4, To: 0, Weight: 2, Label: "meet", Attrs: graph.ValuesOf(map[string]any{
				"predicate": "meet", "n_articles": 2, "first_date": "not a date", "last_date": "2025-03-01",
			})},
		},
	}
}

// buildLikeNetwork returns a network of nodes nodes and edges edges with the
// attributes of actorNetwork, from a seeded PCG: what graph.Build gives for
// a large corpus. About one node in ten lacks dates.
func buildLikeNetwork(seed uint64, nodes, edges int, directed bool) *graph.Network {
	rng := rand.New(rand.NewPCG(seed, 0x67657866))
	n := &graph.Network{
		Directed:  directed,
		NodeAttrs: actorNodeAttrs(),
		EdgeAttrs: actorEdgeAttrs(),
		Nodes:     make([]graph.Node, nodes),
		Edges:     make([]graph.Edge, edges),
	}
	types := []string{"PERSON", "ORG", "GPE"}
	date := func() string {
		return fmt.Sprintf("2025-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
	}
	for i := range n.Nodes {
		first, last := date(), date()
		if last < first {
			first, last = last, first
		}
		if rng.IntN(10) == 0 {
			first, last = "", ""
		}
		n.Nodes[i] = graph.Node{
			Key:   fmt.Sprintf("actor-%d", i),
			Label: fmt.Sprintf("Actor %d \"%c\" & co", i, 'A'+rune(i%26)),
			Attrs: map[string]any{
				"actor_id":    fmt.Sprintf("actor-%d", i),
				"actor_type":  types[rng.IntN(len(types))],
				"aliases":     fmt.Sprintf("Actor %d; A%d", i, i),
				"mentions":    1 + rng.IntN(500),
				"articles":    1 + rng.IntN(100),
				"first_seen":  first,
				"last_seen":   last,
				"degree":      rng.IntN(50),
				"strength":    float64(rng.IntN(200)),
				"pagerank":    rng.Float64() / float64(nodes),
				"betweenness": rng.Float64() * 1000,
				"community":   rng.IntN(40),
			},
		}
	}
	predicates := []string{"meet", "accuse", "support", "sue", "attack"}
	events := []string{"CONSULT", "ACCUSE", "SUPPORT", "COERCE", "ASSAULT"}
	for j := range n.Edges {
		p := rng.IntN(len(predicates))
		first, last := date(), date()
		if last < first {
			first, last = last, first
		}
		n.Edges[j] = graph.Edge{
			From:   rng.IntN(nodes),
			To:     rng.IntN(nodes),
			Weight: float64(1 + rng.IntN(20)),
			Label:  predicates[p],
			Attrs: graph.ValuesOf(map[string]any{
				"predicate":    predicates[p],
				"event":        events[p],
				"events":       events[p] + ":2; CONSULT:1",
				"conflict":     rng.Float64()*20 - 10,
				"n_articles":   1 + rng.IntN(50),
				"first_date":   first,
				"last_date":    last,
				"evidence":     fmt.Sprintf("Actor %d said it would %s the <other> side & more.", j, predicates[p]),
				"hypothetical": rng.IntN(5) == 0,
			}),
		}
	}
	return n
}

// checkGolden compares got with testdata/name, rewriting the file first
// when -update is set.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if *update {
		if err := WriteFile(golden, func(w io.Writer) error {
			_, err := w.Write(got)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./export -run Golden -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("output mismatch against %s (-want +got):\n%s", golden, diff)
	}
}

// writeWith returns what write writes for n, failing t on an error.
func writeWith(t testing.TB, write func(io.Writer, *graph.Network) error, n *graph.Network) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, n); err != nil {
		t.Fatalf("write: %v", err)
	}
	return buf.Bytes()
}
