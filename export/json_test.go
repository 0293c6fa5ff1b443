package export

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// graphology mirrors graphology's serialisation format.
type graphology struct {
	Attributes map[string]any `json:"attributes"`
	Options    struct {
		Type           string `json:"type"`
		Multi          bool   `json:"multi"`
		AllowSelfLoops bool   `json:"allowSelfLoops"`
	} `json:"options"`
	Nodes []graphologyNode `json:"nodes"`
	Edges []graphologyEdge `json:"edges"`
}

type graphologyNode struct {
	Key        string         `json:"key"`
	Attributes map[string]any `json:"attributes"`
}

type graphologyEdge struct {
	Key        string         `json:"key"`
	Source     string         `json:"source"`
	Target     string         `json:"target"`
	Attributes map[string]any `json:"attributes"`
}

// wantGraphology returns the document JSON should write for n, except for
// the options' multi and allowSelfLoops, which TestJSONOptions checks.
func wantGraphology(n *graph.Network) graphology {
	var g graphology
	g.Attributes = map[string]any{}
	g.Options.Type = map[bool]string{true: "directed", false: "undirected"}[n.Directed]
	g.Nodes, g.Edges = []graphologyNode{}, []graphologyEdge{}
	ids := wantNodeIDs(n)
	nodeNames := uniqueNames(n.NodeAttrs, []string{"label", "type"})
	edgeNames := uniqueNames(n.EdgeAttrs, []string{"label", "weight", "type"})
	for i, nd := range n.Nodes {
		attrs := map[string]any{"label": stripIllegal(nd.Label)}
		for k, a := range n.NodeAttrs {
			attrs[nodeNames[k]] = wantJSONValue(a.Kind, nd.Attrs[a.Name])
		}
		g.Nodes = append(g.Nodes, graphologyNode{Key: ids[i], Attributes: attrs})
	}
	for j, e := range n.Edges {
		var weight any = e.Weight
		if math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) {
			weight = nil
		}
		attrs := map[string]any{"label": stripIllegal(e.Label), "weight": weight}
		for k, a := range n.EdgeAttrs {
			attrs[edgeNames[k]] = wantJSONValue(a.Kind, e.Attrs.Get(a.Name))
		}
		g.Edges = append(g.Edges, graphologyEdge{Key: "e" + strconv.Itoa(j), Source: ids[e.From], Target: ids[e.To], Attributes: attrs})
	}
	return g
}

// checkJSON checks that out is valid JSON holding graphology's format for
// n, and returns the decoded document.
func checkJSON(t testing.TB, out []byte, n *graph.Network) graphology {
	t.Helper()
	if !json.Valid(out) {
		t.Fatalf("output is not valid JSON:\n%s", out)
	}
	var got graphology
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("decode: %v", err)
	}
	want := wantGraphology(n)
	want.Options.Multi, want.Options.AllowSelfLoops = got.Options.Multi, got.Options.AllowSelfLoops
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON mismatch (-want +got):\n%s", diff)
	}
	return got
}

func TestJSONGolden(t *testing.T) {
	got := writeWith(t, JSON, actorNetwork())
	checkGolden(t, "actors.json", got)
	checkJSON(t, got, actorNetwork())
}

func TestJSONStructure(t *testing.T) {
	for _, tt := range schemaNetworks() {
		t.Run(tt.name, func(t *testing.T) {
			checkJSON(t, writeWith(t, JSON, tt.n), tt.n)
		})
	}
}

// TestJSONEmpty checks that an empty network gives empty arrays, not null.
func TestJSONEmpty(t *testing.T) {
	got := string(writeWith(t, JSON, &graph.Network{}))
	want := `{"attributes":{},"options":{"type":"undirected","multi":false,"allowSelfLoops":false},"nodes":[` + "\n" +
		`],"edges":[` + "\n]}\n"
	if got != want {
		t.Errorf("empty network:\n%s\nwant\n%s", got, want)
	}
}

func TestJSONOptions(t *testing.T) {
	three := []graph.Node{{Key: "a"}, {Key: "b"}, {Key: "c"}}
	tests := []struct {
		name        string
		directed    bool
		edges       [][2]int
		multi, loop bool
	}{
		{"simple directed", true, [][2]int{{0, 1}, {1, 2}}, false, false},
		{"both directions directed", true, [][2]int{{0, 1}, {1, 0}}, false, false},
		{"both directions undirected", false, [][2]int{{0, 1}, {1, 0}}, true, false},
		{"parallel directed", true, [][2]int{{0, 1}, {2, 1}, {0, 1}}, true, false},
		{"self-loop", true, [][2]int{{0, 1}, {2, 2}}, false, true},
		{"self-loop twice undirected", false, [][2]int{{1, 1}, {1, 1}}, true, true},
		{"no edges", false, nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := &graph.Network{Directed: tt.directed, Nodes: three}
			for _, e := range tt.edges {
				n.Edges = append(n.Edges, graph.Edge{From: e[0], To: e[1], Weight: 1})
			}
			g := checkJSON(t, writeWith(t, JSON, n), n)
			if g.Options.Multi != tt.multi || g.Options.AllowSelfLoops != tt.loop {
				t.Errorf("multi=%v allowSelfLoops=%v, want %v and %v", g.Options.Multi, g.Options.AllowSelfLoops, tt.multi, tt.loop)
			}
		})
	}
}

func TestJSONReservedNames(t *testing.T) {
	n := &graph.Network{
		NodeAttrs: []graph.Attr{{Name: "label", Kind: graph.String}, {Name: "Type", Kind: graph.String}, {Name: "x", Kind: graph.Double}},
		EdgeAttrs: []graph.Attr{{Name: "weight", Kind: graph.Int}, {Name: "type", Kind: graph.String}, {Name: "size", Kind: graph.Double}},
		Nodes: []graph.Node{{Key: "a", Label: "A", Attrs: map[string]any{"label": "other", "Type": "PERSON", "x": 1.5}},
			{Key: "b", Label: "B"}},
		Edges: []graph.Edge{{From: 0, To: 1, Weight: 2, Label: "l", Attrs: graph.ValuesOf(map[string]any{"weight": 7, "type": "arrow", "size": 3.0})}},
	}
	g := checkJSON(t, writeWith(t, JSON, n), n)
	wantNode := map[string]any{"label": "A", "label_2": "other", "Type_2": "PERSON", "x": 1.5}
	if diff := cmp.Diff(wantNode, g.Nodes[0].Attributes); diff != "" {
		t.Errorf("node attributes mismatch (-want +got):\n%s", diff)
	}
	wantEdge := map[string]any{"weight": 2.0, "label": "l", "weight_2": 7.0, "type_2": "arrow", "size": 3.0}
	if diff := cmp.Diff(wantEdge, g.Edges[0].Attributes); diff != "" {
		t.Errorf("edge attributes mismatch (-want +got):\n%s", diff)
	}
}

func TestJSONString(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain", `"plain"`},
		{"", `""`},
		{`q"b\s`, `"q\"b\\s"`},
		{"tab\tnl\ncr\r", `"tab\tnl\ncr\r"`},
		{"nul\x00bel\x07esc\x1b", `"nulbelesc"`},
		{"bad\xff\xfeutf8\xed\xa0\x80", `"badutf8"`},
		{"nonchar\ufffe\uffff", `"nonchar"`},
		{"ls\u2028ps\u2029", `"ls\u2028ps\u2029"`},
		{"<html> & 'x' é 日本 \U0001F600", `"<html> & 'x' é 日本 ` + "\U0001F600" + `"`},
	}
	for _, tt := range tests {
		got := string(appendJSONString(nil, tt.in))
		if got != tt.want {
			t.Errorf("appendJSONString(%q) = %s, want %s", tt.in, got, tt.want)
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil || back != stripIllegal(tt.in) {
			t.Errorf("appendJSONString(%q) decodes to %q (%v), want %q", tt.in, back, err, stripIllegal(tt.in))
		}
	}
}

func TestJSONNonFinite(t *testing.T) {
	n := &graph.Network{
		NodeAttrs: []graph.Attr{{Name: "score", Kind: graph.Double}},
		Nodes: []graph.Node{{Key: "a", Attrs: map[string]any{"score": math.NaN()}},
			{Key: "b", Attrs: map[string]any{"score": math.Inf(-1)}}},
		Edges: []graph.Edge{{From: 0, To: 1, Weight: math.Inf(1)}},
	}
	out := writeWith(t, JSON, n)
	g := checkJSON(t, out, n)
	if v, ok := g.Nodes[0].Attributes["score"]; !ok || v != nil {
		t.Errorf("NaN score = %v (present %v), want null", v, ok)
	}
	if v, ok := g.Edges[0].Attributes["weight"]; !ok || v != nil {
		t.Errorf("infinite weight = %v (present %v), want null", v, ok)
	}
}

func FuzzJSON(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, label1, label2, name, value string, i int64, fl float64, directed bool) {
		n := fuzzNetwork(label1, label2, name, value, i, fl, directed)
		checkJSON(t, writeWith(t, JSON, n), n)
	})
}
