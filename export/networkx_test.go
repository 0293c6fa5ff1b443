package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// python is the interpreter of the networkx test: the system one, which
// python3-networkx installs into.
const python = "/usr/bin/python3"

// nxGraph is what testdata/networkx_load.py prints.
type nxGraph struct {
	Directed   bool                      `json:"directed"`
	Multigraph bool                      `json:"multigraph"`
	Mode       string                    `json:"mode"`
	Nodes      map[string]map[string]any `json:"nodes"`
	Edges      map[string]nxEdge         `json:"edges"`
}

type nxEdge struct {
	Source string         `json:"source"`
	Target string         `json:"target"`
	Attrs  map[string]any `json:"attrs"`
}

// readWithNetworkx writes n with write into a file named name and returns
// what networkx reads from it, skipping t when networkx is not installed.
func readWithNetworkx(t *testing.T, format string, write func(io.Writer, *graph.Network) error, n *graph.Network) nxGraph {
	t.Helper()
	if _, err := os.Stat(python); err != nil {
		t.Skipf("python3-networkx not installed (%s: %v)", python, err)
	}
	path := filepath.Join(t.TempDir(), "g."+format)
	if err := WriteFile(path, func(w io.Writer) error { return write(w, n) }); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(python, filepath.Join("testdata", "networkx_load.py"), format, path)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == 3 {
			t.Skipf("python3-networkx not installed: %s", bytes.TrimSpace(stderr.Bytes()))
		}
		t.Fatalf("networkx cannot read the %s: %v\n%s", format, err, stderr.Bytes())
	}
	var g nxGraph
	if err := json.Unmarshal(stdout.Bytes(), &g); err != nil {
		t.Fatalf("decode networkx_load.py output: %v\n%s", err, stdout.Bytes())
	}
	return g
}

// jsonNumber returns v as encoding/json decodes the number or other value
// Python printed for it.
func jsonNumber(v any) any {
	switch v := v.(type) {
	case int64:
		return float64(v)
	}
	return v
}

// wantNetworkx returns what networkx should read from n written as format
// (graphml or gexf). The GEXF colours, sizes and dates come from the
// document as checkGEXF parses and checks it.
func wantNetworkx(t *testing.T, n *graph.Network, format string) nxGraph {
	gexf := format == "gexf"
	g := nxGraph{Directed: n.Directed, Mode: "", Nodes: map[string]map[string]any{}, Edges: map[string]nxEdge{}}
	ids := wantNodeIDs(n)
	if !gexf {
		for i := range ids {
			ids[i] = "n" + strconv.Itoa(i)
		}
	}
	nodeNames := uniqueNames(n.NodeAttrs, []string{"label", "id"})
	edgeNames := uniqueNames(n.EdgeAttrs, []string{"label", "weight", "id", "edgelabel", "edgeid"})
	// set adds a value as networkx reads it: GraphML's empty strings are
	// absent (an empty <data> has no text).
	set := func(m map[string]any, name string, v any) {
		if s, ok := v.(string); ok && s == "" && !gexf {
			return
		}
		m[name] = jsonNumber(v)
	}
	var doc *gexfDoc
	if gexf {
		doc = checkGEXF(t, writeWith(t, GEXF, n), n)
		g.Mode = doc.Graph.Mode
	}
	for i, nd := range n.Nodes {
		attrs := map[string]any{}
		set(attrs, "label", stripIllegal(nd.Label))
		if gexf {
			attrs["label"] = stripIllegal(nd.Label) // the label attribute is always there
		}
		for k, a := range n.NodeAttrs {
			set(attrs, nodeNames[k], wantValue(a.Kind, nd.Attrs[a.Name]))
		}
		if gexf {
			got := doc.Graph.NodeList.Nodes[i]
			viz := map[string]any{}
			if c := got.Color; c != nil {
				viz["color"] = map[string]any{"r": float64(c.R), "g": float64(c.G), "b": float64(c.B), "a": 1.0}
			}
			if s := got.Size; s != nil {
				viz["size"] = s.Value
			}
			if len(viz) > 0 {
				attrs["viz"] = viz
			}
			if got.Start != "" {
				attrs["start"] = got.Start
			}
			if got.End != "" {
				attrs["end"] = got.End
			}
		}
		g.Nodes[ids[i]] = attrs
	}
	for j, e := range n.Edges {
		attrs := map[string]any{"weight": wantWeight(e.Weight)}
		if e.Label != "" {
			set(attrs, "label", stripIllegal(e.Label))
		}
		for k, a := range n.EdgeAttrs {
			set(attrs, edgeNames[k], wantValue(a.Kind, e.Attrs.Get(a.Name)))
		}
		if gexf {
			got := doc.Graph.EdgeList.Edges[j]
			if got.Start != "" {
				attrs["start"] = got.Start
			}
			if got.End != "" {
				attrs["end"] = got.End
			}
		}
		g.Edges["e"+strconv.Itoa(j)] = nxEdge{Source: ids[e.From], Target: ids[e.To], Attrs: attrs}
	}
	return g
}

// TestNetworkx reads the GraphML and the GEXF with networkx
// (read_graphml, read_gexf) and compares node and edge counts, labels,
// weights, attribute values, and for GEXF colours, sizes and dates.
func TestNetworkx(t *testing.T) {
	undirected := actorNetwork()
	undirected.Directed = false
	tests := []struct {
		format string
		write  func(io.Writer, *graph.Network) error
	}{
		{"graphml", GraphML},
		{"gexf", GEXF},
	}
	networks := []struct {
		name string
		n    *graph.Network
	}{
		{"actors directed", actorNetwork()},
		{"actors undirected", undirected},
	}
	for _, tt := range tests {
		for _, nw := range networks {
			t.Run(tt.format+"/"+nw.name, func(t *testing.T) {
				got := readWithNetworkx(t, tt.format, tt.write, nw.n)
				want := wantNetworkx(t, nw.n, tt.format)
				if !nw.n.Directed { // networkx does not keep the order of undirected endpoints
					for _, g := range []nxGraph{got, want} {
						for id, e := range g.Edges {
							e.Source, e.Target = min(e.Source, e.Target), max(e.Source, e.Target)
							g.Edges[id] = e
						}
					}
				}
				if len(got.Nodes) != len(nw.n.Nodes) || len(got.Edges) != len(nw.n.Edges) {
					t.Errorf("networkx read %d nodes and %d edges, want %d and %d",
						len(got.Nodes), len(got.Edges), len(nw.n.Nodes), len(nw.n.Edges))
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("networkx reads the %s differently (-want +got):\n%s", tt.format, diff)
				}
			})
		}
	}
}
