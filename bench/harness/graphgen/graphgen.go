// Package graphgen makes the synthetic actor graphs the benchmarks analyse:
// directed, weighted, with targets skewed towards low node indexes so that
// a few hubs are linked from everywhere, as in news where a handful of
// actors are named in every article.
//
// The construction is the one of the graph package's own benchmarks
// (graph/bench_test.go, benchGraph): a PCG seeded (3, 4), sources uniform,
// target ⌊r²·n⌋ for r uniform in [0, 1), weights 1–5, no self-loops or
// repeated pairs. So Edges(10000, 50000) is exactly the graph of
// BenchmarkBetweennessExact, BenchmarkPageRank and the others, and figures
// from `go test -bench ./graph` and from the references computed here on
// the same graph can be set side by side.
package graphgen

import (
	"math/rand/v2"

	"github.com/newsgraph/newsgraph/graph"
)

// Edges returns the edges of the graph of n nodes and m distinct directed
// edges. m must be well below n·(n−1).
func Edges(n, m int) []graph.Edge {
	rng := rand.New(rand.NewPCG(3, 4))
	seen := make(map[[2]int]bool, m)
	es := make([]graph.Edge, 0, m)
	for len(es) < m {
		u := rng.IntN(n)
		r := rng.Float64()
		v := int(r * r * float64(n))
		if u == v || seen[[2]int{u, v}] {
			continue
		}
		seen[[2]int{u, v}] = true
		es = append(es, graph.Edge{From: u, To: v, Weight: float64(1 + rng.IntN(5))})
	}
	return es
}

// Network returns the graph as a graph.Network with node keys "n0", "n1",
// ... and no attributes, ready for graph.Analyse or an export writer.
func Network(n, m int) *graph.Network {
	net := &graph.Network{Directed: true, Nodes: make([]graph.Node, n), Edges: Edges(n, m)}
	for i := range net.Nodes {
		net.Nodes[i] = graph.Node{Key: nodeKey(i), Label: nodeKey(i)}
	}
	return net
}

func nodeKey(i int) string {
	const digits = "0123456789"
	if i == 0 {
		return "n0"
	}
	var b [24]byte
	p := len(b)
	for ; i > 0; i /= 10 {
		p--
		b[p] = digits[i%10]
	}
	p--
	b[p] = 'n'
	return string(b[p:])
}

// Reach returns, for each of the sources in order, the number of nodes
// reachable from it along out-edges, itself included: the number of nodes
// a BFS from it dequeues.
func Reach(n int, edges []graph.Edge, sources []int) []int {
	start := make([]int32, n+1)
	for _, e := range edges {
		start[e.From+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	adj := make([]int32, len(edges))
	fill := append([]int32(nil), start[:n]...)
	for _, e := range edges {
		adj[fill[e.From]] = int32(e.To)
		fill[e.From]++
	}
	seen := make([]bool, n)
	queue := make([]int32, 0, n)
	out := make([]int, len(sources))
	for i, s := range sources {
		queue = append(queue[:0], int32(s))
		seen[s] = true
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			for _, w := range adj[start[v]:start[v+1]] {
				if !seen[w] {
					seen[w] = true
					queue = append(queue, w)
				}
			}
		}
		out[i] = len(queue)
		for _, v := range queue {
			seen[v] = false
		}
	}
	return out
}
