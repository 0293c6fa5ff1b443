package graph

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	gonumgraph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// TestAgainstGonum checks the flat-array betweenness and PageRank against
// gonum's own network.Betweenness and network.PageRankSparse on random
// unweighted graphs in which every node has a successor (so that no
// dangling-node convention is involved).
func TestAgainstGonum(t *testing.T) {
	for _, directed := range []bool{true, false} {
		rng := rand.New(rand.NewPCG(7, 11))
		const nodes = 40
		seen := map[[2]int]bool{}
		var edges [][3]float64
		link := func(u, v int) {
			if u == v {
				return
			}
			k := [2]int{u, v}
			if !directed && v < u {
				k = [2]int{v, u}
			}
			if seen[k] {
				return
			}
			seen[k] = true
			edges = append(edges, [3]float64{float64(k[0]), float64(k[1]), 1})
		}
		for u := range nodes {
			link(u, (u+1)%nodes)
			for range 2 {
				link(u, rng.IntN(nodes))
			}
		}
		n := testNetwork(directed, nodes, edges)
		if err := Analyse(context.Background(), n, -1); err != nil {
			t.Fatal(err)
		}
		g := simple.NewDirectedGraph()
		u := simple.NewUndirectedGraph()
		for i := range nodes {
			g.AddNode(simple.Node(i))
			u.AddNode(simple.Node(i))
		}
		for _, e := range edges {
			f, to := simple.Node(int64(e[0])), simple.Node(int64(e[1]))
			g.SetEdge(g.NewEdge(f, to))
			if !directed {
				g.SetEdge(g.NewEdge(to, f))
				u.SetEdge(u.NewEdge(f, to))
			}
		}
		pr := network.PageRankSparse(g, 0.85, 1e-12)
		var bc map[int64]float64
		if directed {
			bc = network.Betweenness(g)
		} else {
			bc = network.Betweenness(u)
		}
		for i, node := range n.Nodes {
			wantBC := bc[int64(i)]
			if !directed {
				wantBC /= 2 // gonum counts each unordered pair twice
			}
			if got := node.Attrs["betweenness"].(float64); math.Abs(got-wantBC) > 1e-9 {
				t.Errorf("directed=%v node %d: betweenness %v, gonum %v", directed, i, got, wantBC)
			}
			if got := node.Attrs["pagerank"].(float64); math.Abs(got-pr[int64(i)]) > 1e-6 {
				t.Errorf("directed=%v node %d: pagerank %v, gonum %v", directed, i, got, pr[int64(i)])
			}
		}
	}
}

// TestModularityMatchesGonum: the modularity summed from community totals
// (sumModularity, used for large graphs) equals gonum's community.Q on
// random weighted undirected graphs, for the partition Louvain finds and
// for random ones.
func TestModularityMatchesGonum(t *testing.T) {
	for seed := range uint64(5) {
		rng := rand.New(rand.NewPCG(seed, 13))
		n := 20 + rng.IntN(60)
		var edges []Edge
		for range 3 * n {
			u, v := rng.IntN(n), rng.IntN(n)
			edges = append(edges, Edge{From: u, To: v, Weight: float64(1 + rng.IntN(5))})
		}
		g, err := newCSR(n, false, edges)
		if err != nil {
			t.Fatal(err)
		}
		found, count, _, err := louvain(context.Background(), g)
		if err != nil {
			t.Fatal(err)
		}
		random := make([]int, n)
		for v := range random {
			random[v] = rng.IntN(4)
		}
		for _, p := range []struct {
			name  string
			comm  []int
			count int
		}{{"louvain", found, count}, {"random", random, 4}} {
			groups := make([][]gonumgraph.Node, p.count)
			for v, c := range p.comm {
				groups[c] = append(groups[c], simple.Node(v))
			}
			want := community.Q(undirectedView{g}, groups, 1)
			if got := sumModularity(g, p.comm, p.count); math.Abs(got-want) > 1e-12 {
				t.Errorf("seed %d, %s partition: sumModularity %.15g, community.Q %.15g", seed, p.name, got, want)
			}
		}
	}
}
