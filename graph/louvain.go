package graph

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
)

// louvainSeed seeds the node order of the Louvain local moves.
const louvainSeed = 0x6c6f7576 // "louv"

// louvainPasses bounds the local-moving passes of one Louvain level; a pass
// that moves no node ends the level long before in practice.
const louvainPasses = 1000

// level is one level of the Louvain aggregation: an undirected weighted
// graph whose nodes are the communities of the level below, with the weight
// inside each community kept as a self-loop.
type level struct {
	r    rows      // links between distinct nodes, in both directions
	self []float64 // weight of the edges inside each node, each edge once
	k    []float64 // weighted degree: Σ links + 2·self
	m2   float64   // Σ k, twice the total edge weight
}

// louvain partitions the undirected graph g with the Louvain method (Blondel
// et al. 2008) at resolution 1 and returns each node's community, numbered
// from 0 by decreasing size (ties by lowest node index), the number of
// communities and the partition's modularity on g. Nodes are visited in an
// order shuffled with a fixed seed, so the result is deterministic. A graph
// without edges gives one community per node and modularity 0.
func louvain(ctx context.Context, g *csr) (comm []int, count int, q float64, err error) {
	n := g.n
	membership := make([]int32, n)
	for i := range membership {
		membership[i] = int32(i)
	}
	lv := &level{r: g.out, self: make([]float64, n), k: make([]float64, n)}
	for u := range int32(n) {
		_, w := g.out.of(u)
		for _, x := range w {
			lv.k[u] += x
		}
		lv.m2 += lv.k[u]
	}
	rng := rand.New(rand.NewPCG(louvainSeed, uint64(n)))
	for lv.m2 > 0 {
		if err := ctx.Err(); err != nil {
			return nil, 0, 0, err
		}
		moved, part, size := lv.localMoves(rng)
		if !moved {
			break
		}
		for i, c := range membership {
			membership[i] = part[c]
		}
		lv = lv.aggregate(part, size)
	}
	comm, count = renumber(membership)
	return comm, count, modularity(g, comm, count), nil
}

// localMoves moves nodes one at a time to the neighbouring community with
// the largest modularity gain until a pass moves none. It returns whether
// any node moved and the partition with communities numbered 0..size-1.
func (lv *level) localMoves(rng *rand.Rand) (moved bool, part []int32, size int) {
	n := len(lv.k)
	comm := make([]int32, n)
	tot := make([]float64, n) // Σ k of each community
	for i := range comm {
		comm[i] = int32(i)
		tot[i] = lv.k[i]
	}
	order := rng.Perm(n)
	linkW := make([]float64, n) // weight from the node to each community
	touched := make([]bool, n)
	var cands []int32
	eps := 1e-12 * lv.m2
	for range louvainPasses {
		moves := 0
		for _, i := range order {
			ci, ki := comm[i], lv.k[i]
			adj, w := lv.r.of(int32(i))
			cands = cands[:0]
			for j, v := range adj {
				c := comm[v]
				if !touched[c] {
					touched[c] = true
					cands = append(cands, c)
				}
				linkW[c] += w[j]
			}
			tot[ci] -= ki
			// The gain of joining c is (linkW[c] − tot[c]·ki/m2)/m, up to the
			// constant loss of leaving ci; staying wins ties.
			best, bestGain := ci, linkW[ci]-tot[ci]*ki/lv.m2
			for _, c := range cands {
				if gain := linkW[c] - tot[c]*ki/lv.m2; gain > bestGain+eps {
					best, bestGain = c, gain
				}
			}
			tot[best] += ki
			if best != ci {
				comm[i] = best
				moves++
			}
			for _, c := range cands {
				linkW[c], touched[c] = 0, false
			}
		}
		if moves == 0 {
			break
		}
		moved = true
	}
	ids := make([]int32, n)
	for i := range ids {
		ids[i] = -1
	}
	part = make([]int32, n)
	for i, c := range comm {
		if ids[c] < 0 {
			ids[c] = int32(size)
			size++
		}
		part[i] = ids[c]
	}
	return moved, part, size
}

// aggregate returns the level whose nodes are the size communities of part.
func (lv *level) aggregate(part []int32, size int) *level {
	next := &level{self: make([]float64, size), k: make([]float64, size), m2: lv.m2}
	var arcs []arc
	for u := range int32(len(part)) {
		cu := part[u]
		next.self[cu] += lv.self[u]
		next.k[cu] += lv.k[u]
		adj, w := lv.r.of(u)
		for j, v := range adj {
			if cv := part[v]; cv != cu {
				arcs = append(arcs, arc{cu, cv, w[j]})
			} else if u < v {
				next.self[cu] += w[j]
			}
		}
	}
	next.r = rowsOf(size, mergeArcs(arcs))
	return next
}

// renumber maps community labels to 0..count-1 by decreasing size, ties by
// lowest member index.
func renumber(membership []int32) (comm []int, count int) {
	type group struct{ label, first, size int }
	byLabel := map[int32]*group{}
	var groups []*group
	for i, c := range membership {
		g := byLabel[c]
		if g == nil {
			g = &group{label: int(c), first: i}
			byLabel[c] = g
			groups = append(groups, g)
		}
		g.size++
	}
	slices.SortFunc(groups, func(a, b *group) int { return cmp.Or(cmp.Compare(b.size, a.size), cmp.Compare(a.first, b.first)) })
	id := make(map[int32]int, len(groups))
	for i, g := range groups {
		id[int32(g.label)] = i
	}
	comm = make([]int, len(membership))
	for i, c := range membership {
		comm[i] = id[c]
	}
	return comm, len(groups)
}

// components labels the connected components of the undirected graph g,
// numbered from 0 by decreasing size (ties by lowest node index), and
// returns the labels and their count.
func components(g *csr) (comp []int, count int) {
	label := make([]int32, g.n)
	for i := range label {
		label[i] = -1
	}
	var queue []int32
	next := int32(0)
	for s := range int32(g.n) {
		if label[s] >= 0 {
			continue
		}
		label[s] = next
		queue = append(queue[:0], s)
		for head := 0; head < len(queue); head++ {
			adj, _ := g.out.of(queue[head])
			for _, v := range adj {
				if label[v] < 0 {
					label[v] = next
					queue = append(queue, v)
				}
			}
		}
		next++
	}
	return renumber(label)
}
