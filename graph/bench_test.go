package graph

import (
	"context"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// benchGraph returns a directed graph of 10,000 nodes and 50,000 distinct
// weighted edges whose targets are skewed towards low indexes (a few hubs,
// as in news, where a handful of actors are named everywhere).
// NEWSGRAPH_BENCH_NODES=N makes it N nodes and 5N edges: with 100000, the
// graph of the harness's --graphs 100k (bench/harness/graphgen), so that
//
//	NEWSGRAPH_BENCH_NODES=100000 go test ./graph -run '^$' -bench 'Benchmark(BetweennessSampled|PageRank|Louvain)$' -benchtime 1x -cpu 1
//
// times those measures one by one there.
func benchGraph(b testing.TB) *csr {
	b.Helper()
	nodes, edges := 10_000, 50_000
	if v := os.Getenv("NEWSGRAPH_BENCH_NODES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 10 {
			b.Fatalf("NEWSGRAPH_BENCH_NODES=%q: want a number of nodes, 10 or more", v)
		}
		nodes, edges = n, 5*n
	}
	rng := rand.New(rand.NewPCG(3, 4))
	seen := map[[2]int]bool{}
	var es []Edge
	for len(es) < edges {
		u := rng.IntN(nodes)
		r := rng.Float64()
		v := int(r * r * float64(nodes))
		if u == v || seen[[2]int{u, v}] {
			continue
		}
		seen[[2]int{u, v}] = true
		es = append(es, Edge{From: u, To: v, Weight: float64(1 + rng.IntN(5))})
	}
	g, err := newCSR(nodes, true, es)
	if err != nil {
		b.Fatal(err)
	}
	return g
}

func BenchmarkBetweennessExact(b *testing.B) {
	g := benchGraph(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := betweenness(ctx, g, -1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBetweennessSampled(b *testing.B) {
	g := benchGraph(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := betweenness(ctx, g, 0); err != nil { // 1000 pivots above 5000 nodes
			b.Fatal(err)
		}
	}
}

func BenchmarkCloseness(b *testing.B) {
	g := benchGraph(b)
	ctx := context.Background()
	for b.Loop() {
		if _, _, err := closeness(ctx, g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPageRank(b *testing.B) {
	g := benchGraph(b)
	ctx := context.Background()
	for b.Loop() {
		if _, _, err := pageRank(ctx, g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEigenvector(b *testing.B) {
	g := benchGraph(b)
	ctx := context.Background()
	for b.Loop() {
		if _, _, err := eigenvector(ctx, g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHITS(b *testing.B) {
	g := benchGraph(b)
	ctx := context.Background()
	for b.Loop() {
		if _, _, _, err := hits(ctx, g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLouvain(b *testing.B) {
	g := benchGraph(b).undirected()
	ctx := context.Background()
	for b.Loop() {
		if _, _, _, err := louvain(ctx, g); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyse is every measure on the 10k/50k graph with the default
// (sampled) betweenness.
func BenchmarkAnalyse(b *testing.B) {
	g := benchGraph(b)
	n := &Network{Directed: true, Nodes: make([]Node, g.n)}
	for u := range int32(g.n) {
		adj, w := g.out.of(u)
		for i, v := range adj {
			n.Edges = append(n.Edges, Edge{From: int(u), To: int(v), Weight: w[i]})
		}
	}
	ctx := context.Background()
	for b.Loop() {
		if err := Analyse(ctx, n, 0); err != nil {
			b.Fatal(err)
		}
	}
}
