package graph

import (
	"context"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// ctxEvery is how many sources a traversal worker handles between checks of
// ctx.Err().
const ctxEvery = 64

// betweennessSeed seeds the choice of pivots for sampled betweenness, so
// that the same graph always gives the same values.
const betweennessSeed = 0x6e657773 // "news"

// betweennessResult is raw betweenness with how it was computed.
type betweennessResult struct {
	raw     []float64 // networkx normalized=False: pairs (undirected) or ordered pairs (directed)
	norm    []float64 // networkx normalized=True
	samples int       // pivots used; 0 when exact
}

// pivots returns the BFS sources for betweenness: all nodes when exact, or
// k nodes drawn with a fixed seed, in increasing order, when sampled.
func pivots(n, samples int) (srcs []int32, k int) {
	switch {
	case samples == 0 && n > DefaultExactBetweenness:
		k = DefaultBetweennessSamples
	case samples > 0:
		k = samples
	}
	if k <= 0 || k >= n {
		srcs = make([]int32, n)
		for i := range srcs {
			srcs[i] = int32(i)
		}
		return srcs, 0
	}
	perm := rand.New(rand.NewPCG(betweennessSeed, uint64(n))).Perm(n)[:k]
	srcs = make([]int32, k)
	for i, p := range perm {
		srcs[i] = int32(p)
	}
	slices.Sort(srcs)
	return srcs, k
}

// betweenness computes shortest-path betweenness ignoring weights (every
// edge one hop), with Brandes' algorithm from every source, or from k
// pivots scaled by n/k (Brandes & Pich 2007).
//
// Sources are split into a number of chunks that depends only on the node
// count; each chunk is handled by one worker, in source order, into its own
// accumulator, and the accumulators are summed in chunk order. The result is
// thus the same on every machine, whatever GOMAXPROCS.
func betweenness(ctx context.Context, g *csr, samples int) (betweennessResult, error) {
	n := g.n
	srcs, k := pivots(n, samples)
	res := betweennessResult{raw: make([]float64, n), norm: make([]float64, n), samples: k}
	if n == 0 {
		return res, nil
	}
	// At most 64 chunks, and at most 64 MiB of accumulators.
	chunks := min(64, max(1, (8<<20)/n), len(srcs))
	accs := make([][]float64, chunks)
	err := parallelChunks(ctx, chunks, func() func(c int) error {
		b := newBrandes(n)
		return func(c int) error {
			acc := make([]float64, n)
			lo, hi := c*len(srcs)/chunks, (c+1)*len(srcs)/chunks
			for i, s := range srcs[lo:hi] {
				if i%ctxEvery == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				b.source(g, s, acc)
			}
			accs[c] = acc
			return nil
		}
	})
	if err != nil {
		return res, err
	}
	for _, acc := range accs {
		for v, x := range acc {
			res.raw[v] += x
		}
	}
	// Every unordered pair is seen from both ends in an undirected graph.
	scale := 1.0
	if !g.directed {
		scale = 0.5
	}
	if k > 0 {
		scale *= float64(n) / float64(k)
	}
	norm := 0.0
	if n > 2 {
		norm = 1 / float64((n-1)*(n-2))
		if !g.directed {
			norm *= 2
		}
	}
	for v := range res.raw {
		res.raw[v] *= scale
		res.norm[v] = res.raw[v] * norm
	}
	return res, nil
}

// parallelChunks runs chunks 0..chunks-1 on min(GOMAXPROCS, chunks)
// workers. newWorker is called once per worker to set up its buffers and
// returns the function that handles one chunk. The first error stops the
// remaining work and is returned.
func parallelChunks(ctx context.Context, chunks int, newWorker func() func(c int) error) error {
	workers := min(runtime.GOMAXPROCS(0), chunks)
	var (
		next    atomic.Int64
		wg      sync.WaitGroup
		errOnce sync.Once
		first   error
		failed  atomic.Bool
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			do := newWorker()
			for !failed.Load() {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				if err := do(c); err != nil {
					errOnce.Do(func() { first = err })
					failed.Store(true)
					return
				}
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// brandes holds one worker's per-source buffers, reset after each source
// in time proportional to the nodes reached.
type brandes struct {
	dist  []int32   // hops from the source, -1 when not reached
	sigma []float64 // number of shortest paths from the source
	delta []float64 // dependency of the source on each node
	order []int32   // nodes in BFS order (the stack S of Brandes 2001)
}

func newBrandes(n int) *brandes {
	b := &brandes{dist: make([]int32, n), sigma: make([]float64, n), delta: make([]float64, n), order: make([]int32, 0, n)}
	for i := range b.dist {
		b.dist[i] = -1
	}
	return b
}

// source adds the dependencies of source s on every other node to acc.
// Predecessor lists are not stored: walking back in reverse BFS order, the
// successors w of v on shortest paths are the out-neighbours one hop
// further, whose dependencies are already final. Once final, delta[w] is
// replaced by (1 + delta[w]) / sigma[w], the share each of w's
// predecessors receives per shortest path through it, saving a division per
// edge.
func (b *brandes) source(g *csr, s int32, acc []float64) {
	dist, sigma, delta := b.dist, b.sigma, b.delta
	order := append(b.order[:0], s)
	dist[s], sigma[s] = 0, 1
	for head := 0; head < len(order); head++ {
		v := order[head]
		dv, sv := dist[v]+1, sigma[v]
		for _, w := range g.out.nbrs(v) {
			switch dw := dist[w]; {
			case dw < 0:
				dist[w] = dv
				sigma[w] = sv
				order = append(order, w)
			case dw == dv:
				sigma[w] += sv
			}
		}
	}
	for i := len(order) - 1; i > 0; i-- {
		v := order[i]
		dv := dist[v] + 1
		sum := 0.0
		for _, w := range g.out.nbrs(v) {
			if dist[w] == dv {
				sum += delta[w]
			}
		}
		dep := sigma[v] * sum
		acc[v] += dep
		delta[v] = (1 + dep) / sigma[v]
	}
	for _, v := range order {
		dist[v], sigma[v], delta[v] = -1, 0, 0
	}
	b.order = order
}

// closeness computes, for every node v, networkx's closeness_centrality
// (wf_improved=True) and harmonic_centrality from the hop distances of the
// nodes that reach v: for a directed graph the incoming distances, as
// networkx computes them on the reversed graph. Each node's values come from
// its own BFS over the in-rows and are written in place, so the result does
// not depend on the number of workers.
func closeness(ctx context.Context, g *csr) (clo, harm []float64, err error) {
	n := g.n
	clo, harm = make([]float64, n), make([]float64, n)
	if n == 0 {
		return clo, harm, nil
	}
	const block = 64
	chunks := (n + block - 1) / block
	err = parallelChunks(ctx, chunks, func() func(c int) error {
		dist := make([]int32, n)
		for i := range dist {
			dist[i] = -1
		}
		order := make([]int32, 0, n)
		return func(c int) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			for t := int32(c * block); t < int32(min(n, (c+1)*block)); t++ {
				// BFS over the in-rows, level by level: reached nodes at
				// distance d add d to the total and 1/d to the harmonic sum.
				order = append(order[:0], t)
				dist[t] = 0
				var total int64
				h := 0.0
				for lo, d := 0, int32(1); lo < len(order); d++ {
					hi := len(order)
					for _, v := range order[lo:hi] {
						for _, w := range g.in.nbrs(v) {
							if dist[w] < 0 {
								dist[w] = d
								order = append(order, w)
							}
						}
					}
					if k := len(order) - hi; k > 0 {
						total += int64(k) * int64(d)
						h += float64(k) / float64(d)
					}
					lo = hi
				}
				if reached := len(order) - 1; total > 0 && n > 1 {
					r := float64(reached)
					clo[t] = r / float64(total) * r / float64(n-1)
				}
				harm[t] = h
				for _, v := range order {
					dist[v] = -1
				}
			}
			return nil
		}
	})
	return clo, harm, err
}
