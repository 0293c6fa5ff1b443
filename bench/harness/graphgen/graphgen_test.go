package graphgen

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestEdges(t *testing.T) {
	es := Edges(200, 1000)
	if len(es) != 1000 {
		t.Fatalf("%d edges, want 1000", len(es))
	}
	seen := map[[2]int]bool{}
	for _, e := range es {
		if e.From == e.To || seen[[2]int{e.From, e.To}] || e.From < 0 || e.To >= 200 || e.Weight < 1 || e.Weight > 5 {
			t.Fatalf("bad edge %+v", e)
		}
		seen[[2]int{e.From, e.To}] = true
	}
	again := Edges(200, 1000)
	for i := range es {
		if es[i].From != again[i].From || es[i].To != again[i].To || es[i].Weight != again[i].Weight {
			t.Fatal("Edges is not deterministic")
		}
	}
}

func TestReach(t *testing.T) {
	n := Network(4, 0)
	if n.Nodes[3].Key != "n3" {
		t.Errorf("key %q", n.Nodes[3].Key)
	}
	// 0 → 1 → 2, 3 alone.
	es := []graph.Edge{{From: 0, To: 1, Weight: 1}, {From: 1, To: 2, Weight: 1}}
	got := Reach(4, es, []int{0, 1, 2, 3})
	want := []int{3, 2, 1, 1}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Reach = %v, want %v", got, want)
		}
	}
}
