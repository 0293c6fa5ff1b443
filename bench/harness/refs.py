"""Reference timings of igraph and networkx for newsgraph's benchmark harness.

Usage: python3 refs.py igraph|networkx GRAPHML [--sample-budget N]

Loads the directed, weighted GraphML written by bench/harness/graphbench
(load not timed), then times betweenness, PageRank, Louvain and closeness
the way newsgraph computes them, one JSON object per measure on stdout:
tool, measure, seconds (wall), cpu_seconds, sources and extrapolated.

- betweenness: unweighted shortest paths on the directed graph. igraph:
  exact (python-igraph has no source sampling, so it is skipped above
  --exact-limit nodes); networkx: betweenness_centrality with k sampled
  sources, time scaled by n/k.
- pagerank: damping 0.85, edge-weighted. igraph: PRPACK; networkx:
  pagerank (scipy), default tol.
- louvain: on the undirected graph with the weights of a->b and b->a summed.
  igraph: community_multilevel; networkx: louvain_communities(seed=1).
- closeness: incoming hop distances, as newsgraph and networkx define it.
  igraph: closeness(mode="in") on all nodes, or a sample above the limit;
  networkx: BFS on the reversed graph from a sample, time scaled by n/k.

Run single-threaded: the harness sets OMP_NUM_THREADS and the BLAS thread
variables to 1.
"""

import json
import random
import resource
import sys
import time


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(fn):
    w, c = time.perf_counter(), cpu()
    out = fn()
    return out, time.perf_counter() - w, cpu() - c


def emit(tool, measure, n, m, wall, cpu_s, sources=0, scale=1.0, note=""):
    rec = {"tool": tool, "measure": measure, "nodes": n, "edges": m,
           "seconds": wall * scale, "cpu_seconds": cpu_s * scale}
    if sources:
        rec["sources"] = sources
    if scale != 1.0:
        rec["extrapolated"] = True
    if note:
        rec["note"] = note
    print(json.dumps(rec), flush=True)


def sample_size(budget, m, n):
    """Sources to time: about budget/m of them, at least 5, at most n."""
    return max(5, min(n, budget // max(m, 1)))


def run_igraph(path, budget, exact_limit):
    import igraph
    g = igraph.Graph.Read_GraphML(path)
    n, m = g.vcount(), g.ecount()
    w = [float(x) for x in g.es["weight"]]
    if n <= exact_limit:
        _, wall, c = timed(lambda: g.betweenness(directed=True))
        emit("igraph", "betweenness", n, m, wall, c)
    else:
        emit("igraph", "betweenness", n, m, 0, 0,
             note="skipped: python-igraph 0.10 has no source sampling and exact takes too long")
    _, wall, c = timed(lambda: g.pagerank(damping=0.85, weights=w, directed=True))
    emit("igraph", "pagerank", n, m, wall, c, note="PRPACK, edge-weighted")
    u = g.copy()
    u.es["weight"] = w
    u.to_undirected(mode="collapse", combine_edges={"weight": "sum"})
    parts, wall, c = timed(lambda: u.community_multilevel(weights="weight"))
    emit("igraph", "louvain", n, m, wall, c, note="%d communities" % len(parts))
    if n <= exact_limit:
        _, wall, c = timed(lambda: g.closeness(mode="in"))
        emit("igraph", "closeness", n, m, wall, c)
    else:
        k = sample_size(budget, m, n)
        vs = random.Random(1).sample(range(n), k)
        _, wall, c = timed(lambda: g.closeness(vertices=vs, mode="in"))
        emit("igraph", "closeness", n, m, wall, c, sources=k, scale=n / k,
             note="timed on %d random nodes, scaled by n/k" % k)


def run_networkx(path, budget):
    import networkx as nx
    g = nx.read_graphml(path)
    for _, _, d in g.edges(data=True):
        d["weight"] = float(d["weight"])
    n, m = g.number_of_nodes(), g.number_of_edges()
    k = sample_size(budget, m, n)
    _, wall, c = timed(lambda: nx.betweenness_centrality(g, k=k, normalized=False, seed=1))
    emit("networkx", "betweenness", n, m, wall, c, sources=k, scale=n / k,
         note="betweenness_centrality(k=%d), scaled by n/k" % k)
    _, wall, c = timed(lambda: nx.pagerank(g, alpha=0.85, weight="weight"))
    emit("networkx", "pagerank", n, m, wall, c, note="scipy, tol 1e-6")
    u = nx.Graph()
    u.add_nodes_from(g.nodes())
    for a, b, d in g.edges(data=True):
        if u.has_edge(a, b):
            u[a][b]["weight"] += d["weight"]
        else:
            u.add_edge(a, b, weight=d["weight"])
    parts, wall, c = timed(lambda: nx.community.louvain_communities(u, weight="weight", seed=1))
    emit("networkx", "louvain", n, m, wall, c, note="%d communities" % len(parts))
    r = g.reverse(copy=True)
    nodes = list(r.nodes())
    sample = random.Random(1).sample(nodes, k)

    def clo():
        out = {}
        for v in sample:
            d = nx.single_source_shortest_path_length(r, v)
            tot = sum(d.values())
            reached = len(d) - 1
            out[v] = (reached / tot) * (reached / (n - 1)) if tot > 0 and n > 1 else 0.0
        return out
    _, wall, c = timed(clo)
    emit("networkx", "closeness", n, m, wall, c, sources=k, scale=n / k,
         note="closeness_centrality's BFS on %d random nodes, scaled by n/k" % k)


def main(argv):
    if len(argv) < 3 or argv[1] not in ("igraph", "networkx"):
        sys.exit(__doc__)
    budget, exact_limit = 5_000_000, 20_000
    args = argv[3:]
    while args:
        if args[0] == "--sample-budget":
            budget = int(args[1])
        elif args[0] == "--exact-limit":
            exact_limit = int(args[1])
        else:
            sys.exit("unknown flag %s" % args[0])
        args = args[2:]
    if argv[1] == "igraph":
        run_igraph(argv[2], budget, exact_limit)
    else:
        run_networkx(argv[2], budget)


if __name__ == "__main__":
    main(sys.argv)
