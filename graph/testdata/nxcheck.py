#!/usr/bin/python3
"""Oracle for graph/networkx_test.go: the same measures, computed by networkx.

Reads a JSON file (argv[1]) holding a list of graphs:

    {"name": str, "directed": bool, "n": int,
     "edges": [[from, to, weight], ...],          # node indexes 0..n-1
     "community": [int, ...],                     # the Go partition, by node
     "pivots": [int, ...] or null}                # sampled-betweenness sources

and prints one JSON object mapping each name to {measure: [value by node]}
plus "modularity" (networkx.community.modularity of the Go partition on the
undirected version, weights of a->b and b->a summed) and
"louvain_modularity" (networkx's own Louvain, for comparison only).

Power iterations run with a tolerance far below networkx's defaults so that
their results are the fixed points themselves, which is what the Go code
computes; with the defaults networkx stops within about 1e-6 of them.
"""

import json
import sys
import warnings

import networkx as nx

# networkx 2.8 warns that hits will change its matrix type in 3.0.
warnings.filterwarnings("ignore", category=FutureWarning)


def undirected_sum(G):
    U = nx.Graph()
    U.add_nodes_from(G)
    for u, v, w in G.edges(data="weight"):
        if U.has_edge(u, v):
            U[u][v]["weight"] += w
        else:
            U.add_edge(u, v, weight=w)
    return U


def component_ids(G):
    comps = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    comps = sorted((sorted(c) for c in comps), key=lambda c: (-len(c), c[0]))
    ids = {}
    for i, c in enumerate(comps):
        for v in c:
            ids[v] = i
    return ids


def measures(spec):
    n = spec["n"]
    G = nx.DiGraph() if spec["directed"] else nx.Graph()
    G.add_nodes_from(range(n))
    for u, v, w in spec["edges"]:
        G.add_edge(u, v, weight=float(w))

    def vec(d):
        return [float(d[i]) for i in range(n)]

    out = {
        "degree": vec(dict(G.degree())),
        "strength": vec(dict(G.degree(weight="weight"))),
        "betweenness": vec(nx.betweenness_centrality(G, normalized=False)),
        "betweenness_norm": vec(nx.betweenness_centrality(G, normalized=True)),
        "closeness": vec(nx.closeness_centrality(G)),
        "harmonic": vec(nx.harmonic_centrality(G)),
        "eigenvector": vec(nx.eigenvector_centrality(G, weight="weight", max_iter=100000, tol=1e-14)),
        "pagerank": vec(nx.pagerank(G, alpha=0.85, weight="weight", max_iter=100000, tol=1e-15)),
        "component": vec(component_ids(G)),
    }
    if G.is_directed():
        out["in_degree"] = vec(dict(G.in_degree()))
        out["out_degree"] = vec(dict(G.out_degree()))
        out["in_strength"] = vec(dict(G.in_degree(weight="weight")))
        out["out_strength"] = vec(dict(G.out_degree(weight="weight")))
        hubs, auths = nx.hits(G, max_iter=100000, tol=1e-14)
        out["hub"] = vec(hubs)
        out["authority"] = vec(auths)
    if spec.get("pivots"):
        k = len(spec["pivots"])
        sub = nx.betweenness_centrality_subset(G, sources=spec["pivots"], targets=list(G), normalized=False)
        out["betweenness_sampled"] = [x * n / k for x in vec(sub)]

    U = undirected_sum(G)
    groups = {}
    for v, c in enumerate(spec["community"]):
        groups.setdefault(c, set()).add(v)
    out["modularity"] = nx.community.modularity(U, list(groups.values()), weight="weight")
    theirs = nx.community.louvain_communities(U, weight="weight", seed=1)
    out["louvain_modularity"] = nx.community.modularity(U, theirs, weight="weight")
    return out


def main():
    with open(sys.argv[1]) as f:
        specs = json.load(f)
    json.dump({s["name"]: measures(s) for s in specs}, sys.stdout)


if __name__ == "__main__":
    main()
