"""Load a newsgraph GraphML file with networkx and print, as JSON, its node
and edge counts, the pagerank and betweenness attributes it carries, and the
same measures recomputed by networkx on the loaded graph (the oracle)."""
import json
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1])
label = {n: d.get("label", n) for n, d in g.nodes(data=True)}
attrs = {}
for n, d in g.nodes(data=True):
    attrs[label[n]] = {k: float(d[k]) for k in ("pagerank", "betweenness") if k in d}
pr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
bc = nx.betweenness_centrality(g, normalized=False, weight=None)
measures = {label[n]: {"pagerank": pr[n], "betweenness": bc[n]} for n in g.nodes}
json.dump({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
           "directed": g.is_directed(), "attrs": attrs, "measures": measures}, sys.stdout)
