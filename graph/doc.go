// Package graph builds actor graphs from stored triples and mentions and
// computes their network measures.
//
// # Graphs
//
// Build returns one of two graphs as a Network: a plain, deterministically
// ordered value (nodes by actor id, edges by from id, to id, event type) that
// the export package writes without knowing how it was made. Nodes are the
// actors that take part in at least one edge; an empty source gives an empty
// Network, not an error.
//
// The relation graph (Relations) is directed, subject → object, with one
// edge per ordered pair whose Weight is the number of supporting triples.
// Negated and hypothetical triples are left out unless
// Options.IncludeHypothetical. Its edge attributes:
//
//	predicate   most frequent predicate (also the edge Label)
//	event       most frequent PLOVER event type
//	events      counts by event type, "CONSULT:2; ASSAULT:1"
//	n_<type>    one Int column per PLOVER event type that occurs among the
//	            network's edges (n_consult, n_threaten, ...), in PLOVER
//	            order (EventTypes), then any other type alphabetically;
//	            types that occur nowhere get no column, so the columns
//	            follow the filters (Options.Events)
//	conflict    mean cooperation (+10) – conflict (−10) score of the triples
//	            that have an event type; 0 when none has
//	n_articles  distinct articles
//	first_date, last_date  earliest and latest article date
//	evidence    the sentence of the most confident triple (the first one
//	            read on ties)
//
// With Options.Multi there is one edge per (ordered pair, event type)
// instead, labelled with its event type; triples without one make their own
// edge, labelled with its most frequent predicate.
//
// The co-mention graph (Comention) is undirected: an edge joins two actors
// named in the same unit, a sentence (SentenceWindow, the default) or an
// article (ArticleWindow), weighing the number of such units. Its edge
// attributes are n_articles, first_date, last_date and two measures of
// association that, unlike the raw count, are not dominated by the actors
// named everywhere. Over the U units that name at least one actor kept by
// the filters, with n(a) the units naming a and n(ab) those naming both:
//
//	pmi      normalised pointwise mutual information (Bouma 2009),
//	         log(p(ab) / (p(a)·p(b))) / −log p(ab) with p(x) = n(x)/U, in
//	         [−1, 1]: 1 when a and b only ever appear together, 0 when
//	         independent, negative when they avoid each other
//	jaccard  n(ab) / (n(a) + n(b) − n(ab)), in (0, 1]
//
// # Filters
//
// Options filters in this order: article dates (Since, Until, inclusive),
// event types (Events; for the co-mention graph, the units that hold a
// triple of those types) and hypothetical triples; actor types (Types, an
// actor's type being the most frequent type of its mentions); MinWeight;
// the ego network (Ego, Depth: the actors within Depth steps following edges
// either way, and every edge among them); Top (the Top actors by PageRank on
// what is left, and the edges among them). All measures, PageRank included,
// are then computed on the final graph: after Top, on the kept subgraph, so
// the kept actors' values differ from those they had in the whole graph.
// Actor attributes (mentions, articles, first_seen, last_seen) count the
// mentions inside the date window.
//
// # Measures
//
// Analyse (called by Build) writes these node attributes; names avoid
// those Gephi reads as visual properties (size, color, x, y). Parallel
// edges are merged with their weights summed and self-loops are ignored, so
// Options.Multi changes no measure. Each matches networkx 2.8 on the same
// graph (checked to 1e-6 by networkx_test.go with graph/testdata/nxcheck.py):
//
//	degree, in_degree, out_degree
//	    edges at the node; for an undirected graph all three are the degree.
//	strength, in_strength, out_strength
//	    summed edge weights (networkx degree(weight="weight"));
//	    in_/out_strength for the directed graph only.
//	betweenness
//	    shortest-path betweenness counting hops, not weights, as Gephi and
//	    networkx.betweenness_centrality(normalized=False): the number of
//	    ordered pairs (directed) or pairs (undirected) whose shortest paths
//	    go through the node, each pair's share split evenly among its
//	    shortest paths. Brandes' algorithm (Brandes 2001, "A faster
//	    algorithm for betweenness centrality", J. Math. Sociol. 25:163).
//	betweenness_norm
//	    networkx normalized=True: betweenness / ((n−1)(n−2)) for a directed
//	    graph, 2·betweenness / ((n−1)(n−2)) for an undirected one; 0 when
//	    n ≤ 2.
//	closeness
//	    networkx.closeness_centrality with its default wf_improved=True:
//	    (r/Σd)·(r/(n−1)), with r the number of other nodes that reach the
//	    node and Σd their hop distances to it (Wasserman & Faust 1994), 0
//	    when none does. For a directed graph these are incoming distances,
//	    as networkx computes them on the reversed graph.
//	harmonic
//	    networkx.harmonic_centrality: Σ 1/d over the other nodes that reach
//	    the node, in hops (Boldi & Vigna 2014), unnormalised.
//	eigenvector
//	    networkx.eigenvector_centrality(weight="weight"): the power
//	    iteration x ← (Aᵀ + I)x from the uniform vector, unit Euclidean
//	    length, where a node gathers the weights of the edges into it (the
//	    in-edges of a directed graph). On a disconnected graph, as in
//	    networkx, the values concentrate on the component with the largest
//	    eigenvalue and the others tend to 0. On a directed acyclic graph the
//	    measure is degenerate (every eigenvalue of A is 0) and networkx does
//	    not converge: Analyse writes the exact limit of its iteration,
//	    (Aᵀ)ᴸ·1 normalised with L the longest path length, non-zero only at
//	    the ends of the longest chains, and adds a warning. When the
//	    iteration does not converge otherwise (cycles of equal weight
//	    feeding one another, where it creeps towards its limit), the last
//	    of 10,000 iterates is written, with a warning.
//	pagerank
//	    networkx.pagerank(alpha=0.85, weight="weight"): a random walk that
//	    follows an out-edge with probability proportional to its weight and
//	    with probability 0.15, or always from a node without out-edges
//	    (dangling), jumps to a node chosen uniformly (Brin & Page 1998). An
//	    undirected edge is walked both ways. The values sum to 1.
//	hub, authority
//	    networkx.hits, directed graph only (Kleinberg 1999, "Authoritative
//	    sources in a hyperlinked environment", J. ACM 46:604): authorities
//	    are the principal right singular vector of the weighted adjacency
//	    matrix A, hubs A times it, each scaled to sum to 1. A graph without
//	    edges gives zeros. Should the largest singular value be shared (two
//	    disconnected parts exactly alike), networkx's ARPACK picks an
//	    arbitrary vector of the space and the two may differ.
//	community
//	    Louvain community (Blondel, Guillaume, Lambiotte & Lefebvre 2008,
//	    "Fast unfolding of communities in large networks", J. Stat. Mech.
//	    P10008) at resolution 1, on the weighted undirected graph; for the
//	    relation graph on its undirected version, where the weights of a→b
//	    and b→a are summed. Nodes are visited in an order shuffled with a
//	    fixed seed, so the same graph gives the same partition. Ids run from
//	    0, the largest community, ties by the lowest node index.
//	    Network.Modularity is the partition's modularity on that undirected
//	    graph, as networkx.community.modularity computes it.
//	component
//	    weakly connected component, 0 the largest (ties by lowest node
//	    index); Network.Components is their number.
//
// Power iterations (pagerank, eigenvector, hits) stop when the L1 change
// between iterates falls below n·1e-12, far below networkx's default
// tol=1e-6, so the values are the fixed points themselves; networkx with its
// defaults stops about 1e-6 short of them. A power iteration that does not
// converge adds a sentence to Network.Warnings.
//
// # Cost
//
// The measures run over a compact adjacency (compressed sparse rows with
// int32 indexes). Betweenness is Brandes' algorithm over flat arrays, one
// breadth-first search per source with buffers reused across sources,
// parallel over sources on GOMAXPROCS workers; the sources are split into
// chunks that depend on the node count only, each with its own accumulator,
// summed in order, so the values are the same on every machine. It costs
// O(n·m): exact up to DefaultExactBetweenness (5,000) nodes; above that,
// unless Options.BetweennessSamples says otherwise, it is estimated from
// DefaultBetweennessSamples (1,000) source pivots drawn with a fixed seed,
// scaled by n/k (Brandes & Pich 2007, "Centrality estimation in large
// networks", Int. J. Bifurc. Chaos 17:2303). The estimate is unbiased; its
// relative error shrinks like 1/√k and is largest for actors of low
// betweenness, so the ranking of the most central actors is the reliable
// part. Network.BetweennessSamples records k (0 when exact).
// Closeness and harmonic run one breadth-first search per node, in
// parallel, O(n·m) time and O(n + m) memory. PageRank, eigenvector and HITS
// are power iterations over the adjacency, O(m) each; Louvain is
// near-linear. Long loops check ctx and return its error when it is done.
//
// Actors: a person named by surname alone in some articles ("Zelensky") is
// merged into the one person whose full name ends with that surname
// ("Volodymyr Zelensky"); when several full names share it, nothing is
// merged. Ids already fold romanisation variants (news.ActorID).
package graph
