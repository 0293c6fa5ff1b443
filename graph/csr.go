package graph

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// csr is a compact adjacency of a simple graph in compressed sparse row
// form: the neighbours of node v are adj[start[v]:start[v+1]], sorted by
// index, with the matching weights in w. Indexes are int32 to halve the
// memory traffic of the traversals, which dominate the cost of the measures.
//
// For a directed graph out holds the successors and in the predecessors;
// for an undirected one both are the same rows, each edge appearing in the
// rows of both its ends.
type csr struct {
	n        int
	directed bool
	out, in  rows
}

// rows is one adjacency direction of a csr.
type rows struct {
	start []int32   // len n+1
	adj   []int32   // neighbour indexes, sorted within a row
	w     []float64 // weight of each entry of adj
}

// of returns the neighbours of v and their weights.
func (r rows) of(v int32) ([]int32, []float64) {
	lo, hi := r.start[v], r.start[v+1]
	return r.adj[lo:hi], r.w[lo:hi]
}

// nbrs returns the neighbours of v.
func (r rows) nbrs(v int32) []int32 {
	return r.adj[r.start[v]:r.start[v+1]]
}

// arc is one weighted link u → v while a csr is being made.
type arc struct {
	u, v int32
	w    float64
}

// newCSR returns the adjacency of n nodes linked by edges. Parallel edges
// are merged, their weights summed; self-loops are left out (Build makes
// none). Edges of an undirected graph are entered in both directions.
func newCSR(n int, directed bool, edges []Edge) (*csr, error) {
	if n > math.MaxInt32 || 2*len(edges) > math.MaxInt32 {
		return nil, fmt.Errorf("graph: %d nodes and %d edges exceed the int32 adjacency", n, len(edges))
	}
	arcs := make([]arc, 0, len(edges))
	for i, e := range edges {
		if e.From < 0 || e.From >= n || e.To < 0 || e.To >= n {
			return nil, fmt.Errorf("graph: edge %d: node index out of range [0, %d)", i, n)
		}
		if e.From == e.To {
			continue
		}
		u, v := int32(e.From), int32(e.To)
		if !directed && v < u {
			u, v = v, u
		}
		arcs = append(arcs, arc{u, v, e.Weight})
	}
	arcs = mergeArcs(arcs)
	g := &csr{n: n, directed: directed}
	if directed {
		g.out = rowsOf(n, arcs)
		rev := make([]arc, len(arcs))
		for i, a := range arcs {
			rev[i] = arc{a.v, a.u, a.w}
		}
		g.in = rowsOf(n, mergeArcs(rev))
		return g, nil
	}
	both := make([]arc, 0, 2*len(arcs))
	for _, a := range arcs {
		both = append(both, a, arc{a.v, a.u, a.w})
	}
	g.out = rowsOf(n, mergeArcs(both))
	g.in = g.out
	return g, nil
}

// mergeArcs sorts arcs by (u, v) and merges duplicates, summing weights.
func mergeArcs(arcs []arc) []arc {
	slices.SortFunc(arcs, func(a, b arc) int { return cmp.Or(cmp.Compare(a.u, b.u), cmp.Compare(a.v, b.v)) })
	out := arcs[:0]
	for _, a := range arcs {
		if k := len(out) - 1; k >= 0 && out[k].u == a.u && out[k].v == a.v {
			out[k].w += a.w
			continue
		}
		out = append(out, a)
	}
	return out
}

// rowsOf lays out arcs sorted by (u, v) as rows.
func rowsOf(n int, arcs []arc) rows {
	r := rows{start: make([]int32, n+1), adj: make([]int32, len(arcs)), w: make([]float64, len(arcs))}
	for i, a := range arcs {
		r.start[a.u+1]++
		r.adj[i], r.w[i] = a.v, a.w
	}
	for v := range n {
		r.start[v+1] += r.start[v]
	}
	return r
}

// undirected returns g with directions dropped: one edge per linked pair
// weighing the sum of both directions. An undirected g is returned as is.
func (g *csr) undirected() *csr {
	if !g.directed {
		return g
	}
	both := make([]arc, 0, 2*len(g.out.adj))
	for u := range int32(g.n) {
		adj, w := g.out.of(u)
		for i, v := range adj {
			both = append(both, arc{u, v, w[i]}, arc{v, u, w[i]})
		}
	}
	r := rowsOf(g.n, mergeArcs(both))
	return &csr{n: g.n, out: r, in: r}
}

// edgeCount returns the number of distinct linked pairs (ordered when
// directed).
func (g *csr) edgeCount() int {
	if g.directed {
		return len(g.out.adj)
	}
	return len(g.out.adj) / 2
}
