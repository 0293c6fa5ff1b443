package graph

import (
	"context"
	"fmt"
)

// actorAttrs declares the node columns that describe the actor itself.
func actorAttrs() []Attr {
	return []Attr{
		{"actor_id", String}, {"actor_type", String}, {"aliases", String},
		{"mentions", Int}, {"articles", Int}, {"first_seen", String}, {"last_seen", String},
	}
}

// measureAttrs declares the node columns Analyse writes. Names avoid those
// Gephi reads as visual properties (size, color, x, y). in_strength,
// out_strength, hub and authority exist for directed graphs only.
func measureAttrs(directed bool) []Attr {
	attrs := []Attr{{"degree", Int}, {"in_degree", Int}, {"out_degree", Int}, {"strength", Double}}
	if directed {
		attrs = append(attrs, Attr{"in_strength", Double}, Attr{"out_strength", Double})
	}
	attrs = append(attrs,
		Attr{"betweenness", Double}, Attr{"betweenness_norm", Double},
		Attr{"closeness", Double}, Attr{"harmonic", Double},
		Attr{"eigenvector", Double}, Attr{"pagerank", Double})
	if directed {
		attrs = append(attrs, Attr{"hub", Double}, Attr{"authority", Double})
	}
	return append(attrs, Attr{"community", Int}, Attr{"component", Int})
}

// Analyse computes every measure of the package documentation for the
// nodes of n and writes them as node attributes, declaring their columns
// after n's existing NodeAttrs (a column already declared is not declared
// twice). It also sets n.Modularity, n.Communities, n.Components,
// n.BetweennessSamples and n.Warnings. Parallel edges are merged (weights
// summed) and self-loops ignored. samples chooses exact or sampled
// betweenness as Options.BetweennessSamples does. Analyse returns an error
// wrapping ctx.Err() when ctx is done before it finishes.
func Analyse(ctx context.Context, n *Network, samples int) error {
	if n == nil {
		return fmt.Errorf("graph: analyse: nil network")
	}
	for _, a := range measureAttrs(n.Directed) {
		if !hasAttr(n.NodeAttrs, a.Name) {
			n.NodeAttrs = append(n.NodeAttrs, a)
		}
	}
	n.Modularity, n.Communities, n.Components, n.BetweennessSamples, n.Warnings = 0, 0, 0, 0, nil
	for i := range n.Nodes {
		if n.Nodes[i].Attrs == nil {
			n.Nodes[i].Attrs = map[string]any{}
		}
	}
	g, err := newCSR(len(n.Nodes), n.Directed, n.Edges)
	if err != nil {
		return fmt.Errorf("graph: analyse: %w", err)
	}
	set := func(name string, vals []float64) {
		for i, v := range vals {
			n.Nodes[i].Attrs[name] = v
		}
	}
	setInt := func(name string, vals []int) {
		for i, v := range vals {
			n.Nodes[i].Attrs[name] = v
		}
	}

	// Degree and strength.
	for v := range int32(g.n) {
		out, outW := g.out.of(v)
		in, inW := g.in.of(v)
		a := n.Nodes[v].Attrs
		if g.directed {
			a["degree"], a["in_degree"], a["out_degree"] = len(in)+len(out), len(in), len(out)
			a["in_strength"], a["out_strength"] = sum(inW), sum(outW)
			a["strength"] = sum(inW) + sum(outW)
		} else {
			a["degree"], a["in_degree"], a["out_degree"] = len(out), len(out), len(out)
			a["strength"] = sum(outW)
		}
	}

	// Shortest paths.
	bc, err := betweenness(ctx, g, samples)
	if err != nil {
		return fmt.Errorf("graph: betweenness: %w", err)
	}
	set("betweenness", bc.raw)
	set("betweenness_norm", bc.norm)
	n.BetweennessSamples = bc.samples
	clo, harm, err := closeness(ctx, g)
	if err != nil {
		return fmt.Errorf("graph: closeness: %w", err)
	}
	set("closeness", clo)
	set("harmonic", harm)

	// Spectral measures.
	pr, ok, err := pageRank(ctx, g)
	if err != nil {
		return fmt.Errorf("graph: pagerank: %w", err)
	}
	if !ok {
		n.Warnings = append(n.Warnings, iterError("pagerank", pageRankIter))
	}
	set("pagerank", pr)
	var ev []float64
	if g.directed && len(g.out.adj) > 0 && acyclic(g) {
		ev = dagEigenvector(g)
		n.Warnings = append(n.Warnings, "eigenvector: the directed graph has no cycle, so eigenvector centrality "+
			"is degenerate (networkx does not converge); the values are the limit of its iteration, non-zero only "+
			"at the ends of the longest chains: prefer pagerank")
	} else {
		ev, ok, err = eigenvector(ctx, g)
		if err != nil {
			return fmt.Errorf("graph: eigenvector: %w", err)
		}
		if !ok {
			n.Warnings = append(n.Warnings, fmt.Sprintf("eigenvector: no convergence after %d iterations (chains of "+
				"cycles of equal weight make eigenvector centrality ill-defined, and networkx fails too); the values "+
				"are the last iterate: prefer pagerank", spectralIter))
		}
	}
	set("eigenvector", ev)
	if g.directed {
		hub, auth, ok, err := hits(ctx, g)
		if err != nil {
			return fmt.Errorf("graph: hits: %w", err)
		}
		if !ok {
			n.Warnings = append(n.Warnings, iterError("hits", spectralIter))
		}
		set("hub", hub)
		set("authority", auth)
	}

	// Groups, on the undirected version of the graph.
	u := g.undirected()
	comm, count, q, err := louvain(ctx, u)
	if err != nil {
		return fmt.Errorf("graph: louvain: %w", err)
	}
	setInt("community", comm)
	n.Communities, n.Modularity = count, q
	comp, ncomp := components(u)
	setInt("component", comp)
	n.Components = ncomp
	return nil
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

func hasAttr(attrs []Attr, name string) bool {
	for _, a := range attrs {
		if a.Name == name {
			return true
		}
	}
	return false
}
