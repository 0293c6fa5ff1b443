package graph

import (
	"context"
	"fmt"
	"math"
)

// Power iterations stop when the L1 change between two iterates falls below
// n·powerTol, far tighter than networkx's default tol=1e-6 so that the
// values are those of the fixed point itself (see doc.go), or after maxIter
// iterations with a warning.
const (
	powerTol     = 1e-12
	pageRankIter = 1000
	spectralIter = 10000
	damping      = 0.85
	ctxEveryIter = 16
)

// iterError is the warning for a power iteration that did not converge.
func iterError(measure string, iter int) string {
	return fmt.Sprintf("%s: no convergence after %d iterations; the values are the last iterate", measure, iter)
}

// pageRank computes networkx.pagerank(G, alpha=0.85, weight="weight"):
// a walker follows an out-edge with probability proportional to its weight
// or, with probability 1−0.85, jumps to a node chosen uniformly; a node
// without out-edges (dangling) sends its whole rank to a uniform jump. An
// undirected edge is walked both ways. The values sum to 1. ok is false when
// the iteration did not converge.
func pageRank(ctx context.Context, g *csr) (x []float64, ok bool, err error) {
	n := g.n
	if n == 0 {
		return nil, true, nil
	}
	outW := make([]float64, n)
	for u := range int32(n) {
		_, w := g.out.of(u)
		for _, x := range w {
			outW[u] += x
		}
	}
	x = make([]float64, n)
	next := make([]float64, n)
	share := make([]float64, n) // x[u] / outW[u]
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for it := range pageRankIter {
		if it%ctxEveryIter == 0 {
			if err := ctx.Err(); err != nil {
				return nil, false, err
			}
		}
		dangling := 0.0
		for u, s := range outW {
			if s == 0 {
				dangling += x[u]
				share[u] = 0
			} else {
				share[u] = x[u] / s
			}
		}
		base := (damping*dangling + 1 - damping) / float64(n)
		diff := 0.0
		for v := range int32(n) {
			adj, w := g.in.of(v)
			sum := 0.0
			for i, u := range adj {
				sum += w[i] * share[u]
			}
			next[v] = base + damping*sum
			diff += math.Abs(next[v] - x[v])
		}
		x, next = next, x
		if diff < float64(n)*powerTol {
			return x, true, nil
		}
	}
	return x, false, nil
}

// eigenvector computes networkx.eigenvector_centrality(G, weight="weight"):
// the power iteration x ← (Aᵀ + I)x from the uniform vector, normalised to
// unit Euclidean length, where x[v] gathers the weights of the edges into v
// (for a directed graph, the in-edges, as networkx). Adding I keeps the
// iteration from oscillating on bipartite graphs without moving its fixed
// point. ok is false when the iteration did not converge.
func eigenvector(ctx context.Context, g *csr) (x []float64, ok bool, err error) {
	n := g.n
	if n == 0 {
		return nil, true, nil
	}
	x = make([]float64, n)
	next := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for it := range spectralIter {
		if it%ctxEveryIter == 0 {
			if err := ctx.Err(); err != nil {
				return nil, false, err
			}
		}
		norm := 0.0
		for v := range int32(n) {
			adj, w := g.in.of(v)
			sum := x[v]
			for i, u := range adj {
				sum += w[i] * x[u]
			}
			next[v] = sum
			norm += sum * sum
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1
		}
		diff := 0.0
		for v := range next {
			next[v] /= norm
			diff += math.Abs(next[v] - x[v])
		}
		x, next = next, x
		if diff < float64(n)*powerTol {
			return x, true, nil
		}
	}
	return x, false, nil
}

// hits computes networkx.hits(G) with its default normalized=True on a
// directed graph: the authorities are the principal right singular vector
// of the weighted adjacency matrix A (the principal eigenvector of AᵀA,
// found here by power iteration from the uniform vector), the hubs are A
// times it, and each is scaled to sum to 1. A graph without edges gives
// zeros. ok is false when the iteration did not converge.
func hits(ctx context.Context, g *csr) (hub, auth []float64, ok bool, err error) {
	n := g.n
	hub, auth = make([]float64, n), make([]float64, n)
	if n == 0 || len(g.out.adj) == 0 {
		return hub, auth, true, nil
	}
	next := make([]float64, n)
	for i := range auth {
		auth[i] = 1 / float64(n)
	}
	hubsOf := func(a []float64) float64 { // hub = A·a; returns its sum
		total := 0.0
		for u := range int32(n) {
			adj, w := g.out.of(u)
			sum := 0.0
			for i, v := range adj {
				sum += w[i] * a[v]
			}
			hub[u] = sum
			total += sum
		}
		return total
	}
	ok = false
	for it := range spectralIter {
		if it%ctxEveryIter == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, false, err
			}
		}
		hubsOf(auth)
		total := 0.0
		for v := range int32(n) {
			adj, w := g.in.of(v)
			sum := 0.0
			for i, u := range adj {
				sum += w[i] * hub[u]
			}
			next[v] = sum
			total += sum
		}
		diff := 0.0
		for v := range next {
			next[v] /= total
			diff += math.Abs(next[v] - auth[v])
		}
		auth, next = next, auth
		if diff < float64(n)*powerTol {
			ok = true
			break
		}
	}
	if total := hubsOf(auth); total > 0 {
		for u := range hub {
			hub[u] /= total
		}
	}
	return hub, auth, ok, nil
}

// topoOrder returns the nodes of the directed graph g in a topological
// order (Kahn's algorithm), or nil when g has a cycle.
func topoOrder(g *csr) []int32 {
	indeg := make([]int32, g.n)
	for _, v := range g.out.adj {
		indeg[v]++
	}
	order := make([]int32, 0, g.n)
	for v, d := range indeg {
		if d == 0 {
			order = append(order, int32(v))
		}
	}
	for head := 0; head < len(order); head++ {
		for _, w := range g.out.nbrs(order[head]) {
			if indeg[w]--; indeg[w] == 0 {
				order = append(order, w)
			}
		}
	}
	if len(order) < g.n {
		return nil
	}
	return order
}

// acyclic reports whether the directed graph g has no cycle.
func acyclic(g *csr) bool { return topoOrder(g) != nil }

// dagEigenvector returns the limit of networkx's eigenvector iteration on a
// directed acyclic graph, where it does not converge in any useful number
// of iterations. Aᵀ is then nilpotent: with L the length of the longest
// path, (I + Aᵀ)ᵏ·1 = Σ_{j≤L} C(k, j)·(Aᵀ)ʲ·1 is dominated by the j = L term
// as k grows, so the normalised iterate tends to (Aᵀ)ᴸ·1 — the weighted
// number of longest paths ending at each node — scaled to unit length.
func dagEigenvector(g *csr) []float64 {
	order := topoOrder(g)
	depth := make([]int32, g.n) // longest path ending at each node
	longest := int32(0)
	for _, u := range order {
		for _, v := range g.out.nbrs(u) {
			depth[v] = max(depth[v], depth[u]+1)
			longest = max(longest, depth[v])
		}
	}
	x := make([]float64, g.n)
	next := make([]float64, g.n)
	for i := range x {
		x[i] = 1
	}
	for range longest {
		top := 0.0
		for v := range int32(g.n) {
			adj, w := g.in.of(v)
			sum := 0.0
			for i, u := range adj {
				sum += w[i] * x[u]
			}
			next[v] = sum
			top = max(top, sum)
		}
		for v := range next {
			next[v] /= top // keep long chains from overflowing
		}
		x, next = next, x
	}
	norm := math.Sqrt(dot(x, x))
	for v := range x {
		x[v] /= norm
	}
	return x
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
