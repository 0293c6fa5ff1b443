package graph

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

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
