"""Read a GraphML or GEXF file with networkx and print what it holds as JSON.

usage: networkx_load.py graphml|gexf FILE

Prints {"directed", "multigraph", "mode", "nodes": {id: attrs},
"edges": {edge id: {"source", "target", "attrs"}}} for TestNetworkx in
export/networkx_test.go to compare. Exits with status 3, after a message,
when networkx cannot be imported.
"""

import json
import sys

try:
    import networkx as nx
    from networkx.readwrite import gexf as nxgexf
except ImportError as err:
    print("python3-networkx not installed: %s" % err, file=sys.stderr)
    sys.exit(3)

GEXF13 = "http://gexf.net/1.3"


def read(fmt, path):
    if fmt == "graphml":
        return nx.read_graphml(path)
    # networkx releases that predate GEXF 1.3 only know the 1.1draft and
    # 1.2draft namespaces: teach them the 1.3 ones, which read the same way.
    if not any(v["NS_GEXF"] == GEXF13 for v in nxgexf.GEXF.versions.values()):
        nxgexf.GEXF.versions["1.3"] = {
            "NS_GEXF": GEXF13,
            "NS_VIZ": GEXF13 + "/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": GEXF13 + " " + GEXF13 + "/gexf.xsd",
            "VERSION": "1.3",
        }
    return nx.read_gexf(path)


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    g = read(fmt, path)
    edges = {}
    for u, v, d in g.edges(data=True):
        d = dict(d)
        key = d.pop("id", None) or "%s|%s" % (u, v)  # GraphML ids: networkx >= 2.x keeps them
        edges[key] = {"source": str(u), "target": str(v), "attrs": d}
    out = {
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "mode": g.graph.get("mode", ""),
        "nodes": {str(n): d for n, d in g.nodes(data=True)},
        "edges": edges,
    }
    json.dump(out, sys.stdout, sort_keys=True, allow_nan=False, ensure_ascii=False)


if __name__ == "__main__":
    main()
