package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/news"
)

// findEgo returns the index of the node Options.Ego names: by id, then by
// news.ActorID of the name, then by name, then by alias (both
// case-insensitive). A name or alias shared by several actors is an error
// that lists their ids.
func findEgo(n *Network, actors map[string]*actorStats, opts *Options) (int, error) {
	ego := strings.TrimSpace(opts.Ego)
	for _, key := range []string{ego, news.ActorID(ego)} {
		if i, ok := slices.BinarySearchFunc(n.Nodes, key, func(nd Node, k string) int { return cmp.Compare(nd.Key, k) }); ok {
			return i, nil
		}
	}
	match := func(same func(nd Node) bool) (int, error) {
		var hits []int
		for i, nd := range n.Nodes {
			if same(nd) {
				hits = append(hits, i)
			}
		}
		if len(hits) > 1 {
			ids := make([]string, len(hits))
			for j, i := range hits {
				ids[j] = n.Nodes[i].Key
			}
			return -1, fmt.Errorf("graph: ego %q is ambiguous: it names %s; give an id", opts.Ego, strings.Join(ids, ", "))
		}
		if len(hits) == 1 {
			return hits[0], nil
		}
		return -1, nil
	}
	byName := func(nd Node) bool { return strings.EqualFold(nd.Label, ego) }
	byAlias := func(nd Node) bool {
		for alias := range actors[nd.Key].aliases {
			if strings.EqualFold(alias, ego) {
				return true
			}
		}
		return false
	}
	for _, same := range []func(Node) bool{byName, byAlias} {
		if i, err := match(same); err != nil || i >= 0 {
			return i, err
		}
	}
	known := actors[ego] != nil || actors[news.ActorID(ego)] != nil
	for _, a := range actors {
		known = known || strings.EqualFold(a.name, ego)
	}
	if known {
		return -1, fmt.Errorf("%w %q: the actor has no edge in the %s graph with these filters", ErrUnknownActor, opts.Ego, opts.Kind)
	}
	return -1, fmt.Errorf("%w %q: no actor with that id, name or alias in the %s graph", ErrUnknownActor, opts.Ego, opts.Kind)
}

// egoNodes returns, in increasing order, the indexes of the nodes at most
// depth steps from node ego, following edges in either direction.
func egoNodes(n *Network, ego, depth int) []int {
	adj := make([][]int, len(n.Nodes))
	for _, e := range n.Edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
	}
	dist := make([]int, len(n.Nodes))
	for i := range dist {
		dist[i] = -1
	}
	dist[ego] = 0
	queue := []int{ego}
	for head := 0; head < len(queue); head++ {
		v := queue[head]
		if dist[v] == depth {
			continue
		}
		for _, w := range adj[v] {
			if dist[w] < 0 {
				dist[w] = dist[v] + 1
				queue = append(queue, w)
			}
		}
	}
	slices.Sort(queue)
	return queue
}

// topNodes returns, in increasing order, the indexes of the top nodes with
// the highest PageRank (ties by index, that is by id). Node ego, unless
// negative, is always among them.
func topNodes(ctx context.Context, n *Network, top, ego int) ([]int, error) {
	g, err := newCSR(len(n.Nodes), n.Directed, n.Edges)
	if err != nil {
		return nil, err
	}
	pr, _, err := pageRank(ctx, g)
	if err != nil {
		return nil, err
	}
	order := make([]int, len(n.Nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(pr[b], pr[a]) })
	keep := order[:top]
	if ego >= 0 && !slices.Contains(keep, ego) {
		keep[top-1] = ego
	}
	slices.Sort(keep)
	return keep, nil
}

// induced returns the subnetwork of n on the nodes keep (increasing
// indexes) and the edges among them. Node and edge values are shared with
// n, which must not be used afterwards.
func induced(n *Network, keep []int) *Network {
	index := make([]int, len(n.Nodes))
	for i := range index {
		index[i] = -1
	}
	out := &Network{Directed: n.Directed, NodeAttrs: n.NodeAttrs, EdgeAttrs: n.EdgeAttrs}
	for j, i := range keep {
		index[i] = j
		out.Nodes = append(out.Nodes, n.Nodes[i])
	}
	for _, e := range n.Edges {
		if f, t := index[e.From], index[e.To]; f >= 0 && t >= 0 {
			e.From, e.To = f, t
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}

// indexOf returns the position of x in the increasing slice s, or -1.
func indexOf(s []int, x int) int {
	if i, ok := slices.BinarySearch(s, x); ok {
		return i
	}
	return -1
}
