package graph

import (
	"context"
	"errors"
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// karate is Zachary's karate club (Zachary 1977, J. Anthropol. Res. 33:452),
// 34 members and 78 friendships, members numbered from 0 as in networkx.
var karate = [][2]int{
	{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8}, {0, 10}, {0, 11}, {0, 12}, {0, 13},
	{0, 17}, {0, 19}, {0, 21}, {0, 31}, {1, 2}, {1, 3}, {1, 7}, {1, 13}, {1, 17}, {1, 19}, {1, 21}, {1, 30},
	{2, 3}, {2, 7}, {2, 8}, {2, 9}, {2, 13}, {2, 27}, {2, 28}, {2, 32}, {3, 7}, {3, 12}, {3, 13}, {4, 6},
	{4, 10}, {5, 6}, {5, 10}, {5, 16}, {6, 16}, {8, 30}, {8, 32}, {8, 33}, {9, 33}, {13, 33}, {14, 32},
	{14, 33}, {15, 32}, {15, 33}, {18, 32}, {18, 33}, {19, 33}, {20, 32}, {20, 33}, {22, 32}, {22, 33},
	{23, 25}, {23, 27}, {23, 29}, {23, 32}, {23, 33}, {24, 25}, {24, 27}, {24, 31}, {25, 31}, {26, 29},
	{26, 33}, {27, 33}, {28, 31}, {28, 33}, {29, 32}, {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33},
	{32, 33},
}

func karateNetwork() *Network {
	var edges [][3]float64
	for _, e := range karate {
		edges = append(edges, [3]float64{float64(e[0]), float64(e[1]), 1})
	}
	return testNetwork(false, 34, edges)
}

func analysed(t *testing.T, n *Network, samples int) *Network {
	t.Helper()
	if err := Analyse(context.Background(), n, samples); err != nil {
		t.Fatal(err)
	}
	return n
}

// attr is one expected node attribute value.
type attr struct {
	node int
	name string
	want float64
}

func checkAttrs(t *testing.T, n *Network, want []attr) {
	t.Helper()
	for _, w := range want {
		got := floatsOf(n, w.name)[w.node]
		if math.Abs(got-w.want) > 1e-6 {
			t.Errorf("%s(%d) = %.9g, want %.9g", w.name, w.node, got, w.want)
		}
	}
}

func TestKarateClub(t *testing.T) {
	n := analysed(t, karateNetwork(), 0)
	// Published values for the karate club: betweenness and closeness as in
	// networkx's and igraph's documentation, the eigenvector and PageRank
	// fixed points.
	checkAttrs(t, n, []attr{
		{0, "degree", 16}, {33, "degree", 17},
		{0, "betweenness", 231.0714285714286}, {33, "betweenness", 160.5515873015873},
		{32, "betweenness", 76.69047619047619}, {2, "betweenness", 75.85079365079366},
		{0, "betweenness_norm", 0.43763528138528146},
		{0, "closeness", 0.5689655172413793}, {33, "closeness", 0.55}, {2, "closeness", 0.559322033898305},
		{0, "harmonic", 23.166666666666657}, {33, "harmonic", 23.25},
		{33, "eigenvector", 0.3733634702915571}, {0, "eigenvector", 0.35549144452448955},
		{33, "pagerank", 0.10091918233261697}, {0, "pagerank", 0.09699728538830413},
	})
	// The best partition has Q = 0.4198 (Brandes et al. 2008); Louvain
	// finds 0.4156–0.4198 depending on the node order.
	if n.Modularity < 0.41 || n.Modularity > 0.41979 {
		t.Errorf("Louvain modularity %.4f, want in [0.41, 0.4198]", n.Modularity)
	}
	t.Logf("karate club: %d communities, Q = %.4f", n.Communities, n.Modularity)
	if n.Communities < 3 || n.Communities > 5 || n.Components != 1 {
		t.Errorf("%d communities, %d components; want 3–5 and 1", n.Communities, n.Components)
	}
	// The instructor (0) and the administrator (33) end up apart.
	if c := intsOf(n, "community"); c[0] == c[33] {
		t.Errorf("nodes 0 and 33 in the same community %d", c[0])
	}
}

func TestHandGraphs(t *testing.T) {
	golden := (1 + math.Sqrt(5)) / 2
	tests := []struct {
		name     string
		directed bool
		nodes    int
		edges    [][3]float64
		want     []attr
		q        float64
		warn     string // in the only warning; none when empty
	}{
		{
			// a → b → c.
			name: "directed path", directed: true, nodes: 3,
			edges: [][3]float64{{0, 1, 1}, {1, 2, 1}},
			want: []attr{
				{1, "betweenness", 1}, {1, "betweenness_norm", 0.5}, {0, "betweenness", 0},
				// Incoming distances: c is reached from b (1) and a (2).
				{2, "closeness", 2.0 / 3}, {1, "closeness", 0.5}, {0, "closeness", 0},
				{2, "harmonic", 1.5}, {1, "harmonic", 1}, {0, "harmonic", 0},
				{1, "in_degree", 1}, {1, "out_degree", 1}, {1, "degree", 2},
				// Acyclic: the limit of the iteration, the end of the longest path.
				{0, "eigenvector", 0}, {1, "eigenvector", 0}, {2, "eigenvector", 1},
			},
			warn: "no cycle",
		},
		{
			// A star with four leaves: the hub lies between all C(4,2) pairs.
			name: "star", nodes: 5,
			edges: [][3]float64{{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}},
			want: []attr{
				{0, "betweenness", 6}, {0, "betweenness_norm", 1}, {1, "betweenness", 0},
				{0, "closeness", 1}, {1, "closeness", 4.0 / 7}, {0, "harmonic", 4}, {1, "harmonic", 2.5},
				// Eigenvalue 2: hub = 2·leaf, unit length.
				{0, "eigenvector", 2 / math.Sqrt(8)}, {1, "eigenvector", 1 / math.Sqrt(8)},
				// h = 0.03 + 3.4·l, l = 0.03 + 0.2125·h.
				{1, "pagerank", 0.036375 / 0.2775}, {0, "pagerank", 0.03 + 3.4*0.036375/0.2775},
				{0, "strength", 4}, {0, "degree", 4}, {0, "in_degree", 4},
			},
		},
		{
			// a → b with b dangling: b's rank returns uniformly.
			name: "dangling", directed: true, nodes: 2,
			edges: [][3]float64{{0, 1, 1}},
			want:  []attr{{0, "pagerank", 20.0 / 57}, {1, "pagerank", 37.0 / 57}},
			warn:  "no cycle",
		},
		{
			// a → b, a → c, d → b: AᵀA = [[2 1] [1 1]] on (b, c), whose
			// principal eigenvector is (1, 1/φ).
			name: "hits", directed: true, nodes: 4,
			edges: [][3]float64{{0, 1, 1}, {0, 2, 1}, {3, 1, 1}},
			want: []attr{
				{1, "authority", 1 / golden}, {2, "authority", 1 / (golden * golden)}, {0, "authority", 0},
				{0, "hub", 1 / golden}, {3, "hub", 1 / (golden * golden)}, {1, "hub", 0},
				// Acyclic, longest paths of length 1: two end at b, one at c
				// (networkx approaches 0.894425, 0.447217 after 10⁵ iterations).
				{1, "eigenvector", 2 / math.Sqrt(5)}, {2, "eigenvector", 1 / math.Sqrt(5)}, {0, "eigenvector", 0},
			},
			warn: "no cycle",
		},
		{
			// Weighted 3-cycle: PageRank 1/3 each whatever the weights.
			name: "cycle", directed: true, nodes: 3,
			edges: [][3]float64{{0, 1, 5}, {1, 2, 1}, {2, 0, 2}},
			want: []attr{
				{0, "pagerank", 1.0 / 3}, {1, "pagerank", 1.0 / 3}, {2, "pagerank", 1.0 / 3},
				{0, "out_strength", 5}, {0, "in_strength", 2}, {0, "strength", 7},
			},
		},
		{
			// Two triangles joined by one edge: Q = 2·(3/7 − (7/14)²).
			name: "two triangles", nodes: 6,
			edges: [][3]float64{{0, 1, 1}, {1, 2, 1}, {0, 2, 1}, {3, 4, 1}, {4, 5, 1}, {3, 5, 1}, {2, 3, 1}},
			want: []attr{
				{0, "community", 0}, {1, "community", 0}, {2, "community", 0},
				{3, "community", 1}, {4, "community", 1}, {5, "community", 1},
				{2, "betweenness", 6}, {3, "betweenness", 6}, // {0,1}×{3,4,5}
			},
			q: 6.0/7 - 0.5,
		},
		{
			// Components by size: {2,3,4} is 0, {0,1} is 1, the isolated 5
			// is 2.
			name: "components", nodes: 6,
			edges: [][3]float64{{0, 1, 1}, {2, 3, 1}, {3, 4, 1}},
			want: []attr{
				{0, "component", 1}, {1, "component", 1}, {2, "component", 0}, {4, "component", 0}, {5, "component", 2},
				{5, "closeness", 0},
				// 5 is dangling: its only rank is the uniform jump and its own
				// dangling share, x = (0.15 + 0.85·x)/6.
				{5, "pagerank", 0.025 / (1 - 0.85/6)},
			},
			q: 4.0 / 9, // {0,1} and {2,3,4} each add 2/9; the isolated {5} adds 0
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := analysed(t, testNetwork(tt.directed, tt.nodes, tt.edges), 0)
			checkAttrs(t, n, tt.want)
			if tt.warn == "" && len(n.Warnings) > 0 || tt.warn != "" && (len(n.Warnings) != 1 || !strings.Contains(n.Warnings[0], tt.warn)) {
				t.Errorf("warnings %q, want one mentioning %q", n.Warnings, tt.warn)
			}
			if tt.q != 0 && math.Abs(n.Modularity-tt.q) > 1e-9 {
				t.Errorf("modularity %.9g, want %.9g", n.Modularity, tt.q)
			}
		})
	}
}

func TestDeterministicAcrossWorkers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, samples := range []int{-1, 25} {
		var first []map[string]any
		for _, procs := range []int{1, 2, 3, 8} {
			runtime.GOMAXPROCS(procs)
			n := analysed(t, crossCheckGraphs()["directed"], samples)
			var attrs []map[string]any
			for _, nd := range n.Nodes {
				attrs = append(attrs, nd.Attrs)
			}
			if first == nil {
				first = attrs
				continue
			}
			if d := cmp.Diff(first, attrs); d != "" {
				t.Errorf("samples %d, GOMAXPROCS %d differs from GOMAXPROCS 1 (-1 +%d):\n%s", samples, procs, procs, d)
			}
		}
	}
}

func TestSampledBetweenness(t *testing.T) {
	n := crossCheckGraphs()["directed"]
	exact := floatsOf(analysed(t, n, -1), "betweenness")
	if n.BetweennessSamples != 0 {
		t.Errorf("exact run reports %d samples", n.BetweennessSamples)
	}
	if got := floatsOf(analysed(t, n, len(n.Nodes)), "betweenness"); !cmp.Equal(got, exact) {
		t.Errorf("samples = nodes is not exact")
	}
	analysed(t, n, 30)
	if n.BetweennessSamples != 30 {
		t.Errorf("BetweennessSamples = %d, want 30", n.BetweennessSamples)
	}
	// The estimate is unbiased: over the whole graph it is near the exact
	// total.
	var total, est float64
	for i, b := range floatsOf(n, "betweenness") {
		total += exact[i]
		est += b
	}
	if math.Abs(est-total) > 0.25*total {
		t.Errorf("sampled betweenness sums to %.1f, exact to %.1f", est, total)
	}
	if src, k := pivots(10000, 0); k != DefaultBetweennessSamples || len(src) != k {
		t.Errorf("default pivots above %d nodes: %d sources, k = %d", DefaultExactBetweenness, len(src), k)
	}
	if src, k := pivots(DefaultExactBetweenness, 0); k != 0 || len(src) != DefaultExactBetweenness {
		t.Errorf("default at %d nodes is not exact: %d sources, k = %d", DefaultExactBetweenness, len(src), k)
	}
}

func TestAnalyseCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Analyse(ctx, karateNetwork(), 0); !errors.Is(err, context.Canceled) {
		t.Errorf("Analyse with a cancelled context: %v, want context.Canceled", err)
	}
	if _, err := Build(ctx, source([]fact{{doc: "d", s: "a", p: "meet", o: "b"}}), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Build with a cancelled context: %v, want context.Canceled", err)
	}
}

// TestSampledBetweennessError states the error of betweenness estimated
// from DefaultBetweennessSamples (1,000) sources against the exact values,
// on the benchmark graph (10,000 nodes, 50,000 edges; one source in ten).
// Measured 2026-12-06: among the 100 most central nodes the relative error
// had median 0.078 and 90th percentile 0.175; the estimated top 20 shared
// 18 nodes with the exact one. The bounds leave room for another seed.
func TestSampledBetweennessError(t *testing.T) {
	if testing.Short() {
		t.Skip("exact betweenness on 10,000 nodes takes seconds")
	}
	g := benchGraph(t)
	ctx := context.Background()
	exact, err := betweenness(ctx, g, -1)
	if err != nil {
		t.Fatal(err)
	}
	est, err := betweenness(ctx, g, 0)
	if err != nil {
		t.Fatal(err)
	}
	if est.samples != DefaultBetweennessSamples {
		t.Fatalf("estimate from %d sources, want %d", est.samples, DefaultBetweennessSamples)
	}
	byExact := make([]int, g.n)
	for i := range byExact {
		byExact[i] = i
	}
	byEst := slices.Clone(byExact)
	slices.SortStableFunc(byExact, func(a, b int) int { return descending(exact.raw[a], exact.raw[b]) })
	slices.SortStableFunc(byEst, func(a, b int) int { return descending(est.raw[a], est.raw[b]) })
	var errs []float64
	for _, v := range byExact[:100] {
		errs = append(errs, math.Abs(est.raw[v]-exact.raw[v])/exact.raw[v])
	}
	slices.Sort(errs)
	median, p90 := errs[50], errs[90]
	shared := 0
	for _, v := range byEst[:20] {
		if slices.Contains(byExact[:20], v) {
			shared++
		}
	}
	t.Logf("top 100: relative error median %.3f, p90 %.3f; top 20: %d shared", median, p90, shared)
	if median > 0.15 || p90 > 0.3 || shared < 15 {
		t.Errorf("sampled betweenness: relative error median %.3f (want ≤ 0.15), p90 %.3f (≤ 0.3); %d of the top 20 shared (≥ 15)", median, p90, shared)
	}
}

// descending orders floats from the largest.
func descending(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}
