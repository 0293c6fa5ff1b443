package export

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/testshared"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// smallNetwork is the network of testdata/small.graphml: three nodes, typed
// attributes, a label that needs escaping and holds a control character,
// attribute names that need sanitising or renaming, and missing values.
func smallNetwork() *graph.Network {
	return &graph.Network{
		Directed: true,
		NodeAttrs: []graph.Attr{
			{Name: "kind", Kind: graph.String},
			{Name: "mentions", Kind: graph.Int},
			{Name: "pagerank", Kind: graph.Double},
			{Name: "person", Kind: graph.Bool},
		},
		EdgeAttrs: []graph.Attr{
			{Name: "predicate", Kind: graph.String},
			{Name: "event type", Kind: graph.String},
			{Name: "Weight", Kind: graph.Int},
		},
		Nodes: []graph.Node{
			{Key: "Q1", Label: "Smith & Sons <Ltd> \"Global\"\x07", Attrs: map[string]any{
				"kind": "org", "mentions": 3, "pagerank": 0.25, "person": false,
			}},
			{Key: "Q2", Label: "Ana María", Attrs: map[string]any{
				"kind": "person", "mentions": 12, "pagerank": 0.5, "person": true,
			}},
			{Key: "Q3", Label: "Bob\tBuilder", Attrs: map[string]any{
				"kind": "person", "pagerank": 0.125, // mentions and person missing
			}},
		},
		Edges: []graph.Edge{
			{From: 0, To: 1, Weight: 2, Label: "acquired", Attrs: graph.ValuesOf(map[string]any{
				"predicate": "acquire", "event type": "Transaction", "Weight": 2,
			})},
			{From: 1, To: 2, Weight: 1.5, Label: "met", Attrs: graph.ValuesOf(map[string]any{
				"predicate": "meet", "Weight": 1, // event type missing
			})},
			{From: 2, To: 0, Weight: 1, Label: "sued"}, // no attributes at all
		},
	}
}

// randomNetwork returns a network of nodes nodes and edges edges with one
// attribute of each kind on nodes and two on edges, from a seeded PCG.
func randomNetwork(seed uint64, nodes, edges int, directed bool) *graph.Network {
	rng := rand.New(rand.NewPCG(seed, 0x6e657773))
	n := &graph.Network{
		Directed: directed,
		NodeAttrs: []graph.Attr{
			{Name: "kind", Kind: graph.String},
			{Name: "mentions", Kind: graph.Int},
			{Name: "pagerank", Kind: graph.Double},
			{Name: "person", Kind: graph.Bool},
		},
		EdgeAttrs: []graph.Attr{
			{Name: "predicate", Kind: graph.String},
			{Name: "articles", Kind: graph.Int},
		},
		Nodes: make([]graph.Node, nodes),
		Edges: make([]graph.Edge, edges),
	}
	kinds := []string{"person", "org", "place", "group & party", "<unknown>"}
	for i := range n.Nodes {
		n.Nodes[i] = graph.Node{
			Key:   fmt.Sprintf("Q%d", i),
			Label: fmt.Sprintf("Actor %d \"%c\" & co", i, 'A'+rune(i%26)),
			Attrs: map[string]any{
				"kind":     kinds[rng.IntN(len(kinds))],
				"mentions": rng.IntN(1000),
				"pagerank": rng.Float64() / float64(nodes),
				"person":   rng.IntN(2) == 0,
			},
		}
	}
	predicates := []string{"meet", "accuse", "support", "sue", "attack"}
	for i := range n.Edges {
		from, to := rng.IntN(nodes), rng.IntN(nodes)
		n.Edges[i] = graph.Edge{
			From:   from,
			To:     to,
			Weight: float64(1 + rng.IntN(20)),
			Label:  predicates[rng.IntN(len(predicates))],
			Attrs: graph.ValuesOf(map[string]any{
				"predicate": predicates[rng.IntN(len(predicates))],
				"articles":  1 + rng.IntN(50),
			}),
		}
	}
	return n
}

// writeGraphML returns the GraphML of n, failing t on an error.
func writeGraphML(t testing.TB, n *graph.Network) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := GraphML(&buf, n); err != nil {
		t.Fatalf("GraphML: %v", err)
	}
	return buf.Bytes()
}

// validateSchema checks path against the official GraphML schema with
// xmllint, skipping t when the shared schemas or xmllint are absent.
func validateSchema(t *testing.T, path string) {
	t.Helper()
	script := testshared.Path(t, "schemas/validate-graphml.sh")
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not installed: apt-get install libxml2-utils")
	}
	out, err := exec.Command("sh", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("%s does not validate against the GraphML schema: %v\n%s", path, err, out)
	}
}

func TestGraphMLGolden(t *testing.T) {
	tests := []struct {
		golden string
		n      func() *graph.Network
	}{
		{"small.graphml", smallNetwork},
		{"actors.graphml", actorNetwork},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			got := writeGraphML(t, tt.n())
			checkGolden(t, tt.golden, got)
			checkDocument(t, got, tt.n())
		})
	}
}

func TestGraphMLSchema(t *testing.T) {
	for _, golden := range []string{"small.graphml", "actors.graphml"} {
		t.Run(golden, func(t *testing.T) {
			validateSchema(t, filepath.Join("testdata", golden))
		})
	}
	for _, tt := range schemaNetworks() {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.name+".graphml")
			if err := WriteFile(path, func(w io.Writer) error { return GraphML(w, tt.n) }); err != nil {
				t.Fatal(err)
			}
			validateSchema(t, path)
		})
	}
}

func TestGraphMLEdgeDefault(t *testing.T) {
	tests := []struct {
		directed bool
		want     string
	}{
		{true, `<graph id="G" edgedefault="directed">`},
		{false, `<graph id="G" edgedefault="undirected">`},
	}
	for _, tt := range tests {
		t.Run(strconv.FormatBool(tt.directed), func(t *testing.T) {
			n := randomNetwork(3, 4, 4, tt.directed)
			got := writeGraphML(t, n)
			if !bytes.Contains(got, []byte(tt.want)) {
				t.Errorf("output lacks %s:\n%s", tt.want, got)
			}
			doc := checkDocument(t, got, n)
			if want := strings.TrimSuffix(strings.TrimPrefix(tt.want, `<graph id="G" edgedefault="`), `">`); doc.Graph.EdgeDefault != want {
				t.Errorf("edgedefault = %q, want %q", doc.Graph.EdgeDefault, want)
			}
		})
	}
}

// TestGraphMLParse parses a generated network's output back and checks that
// every node and edge is there with a value for every declared key.
func TestGraphMLParse(t *testing.T) {
	n := randomNetwork(4, 200, 800, true)
	checkDocument(t, writeGraphML(t, n), n)
}

// failWriter accepts limit bytes and then fails with err.
type failWriter struct {
	limit int
	err   error
}

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.limit {
		n := w.limit
		w.limit = 0
		return n, w.err
	}
	w.limit -= len(p)
	return len(p), nil
}

func TestSanitizeName(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"pagerank", "pagerank"},
		{"page_rank-2.0", "page_rank-2.0"},
		{"event type", "event_type"},
		{"Größe", "Gr__e"},
		{"2nd", "_2nd"},
		{"-x", "_-x"},
		{".hidden", ".hidden"},
		{"_ok", "_ok"},
		{"", "_"},
		{" ", "_"},
		{"a:b", "a_b"},
		{"a<b>&\"c\"", "a_b___c_"},
		{"bad\xffutf8", "bad_utf8"},
		{"\x00", "_"},
		{"日本", "__"},
	}
	for _, tt := range tests {
		if got := sanitizeName(tt.in); got != tt.want {
			t.Errorf("sanitizeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUniqueNames(t *testing.T) {
	tests := []struct {
		name     string
		attrs    []string
		reserved []string
		want     []string
	}{
		{"distinct", []string{"a", "b"}, nil, []string{"a", "b"}},
		{"reserved", []string{"label", "Label", "LABEL_2"}, []string{"label"}, []string{"label_2", "Label_3", "LABEL_2_2"}},
		{"same after sanitising", []string{"event type", "event-type", "event_type"}, nil, []string{"event_type", "event-type", "event_type_2"}},
		{"case-insensitive", []string{"Score", "score"}, nil, []string{"Score", "score_2"}},
		{"suffix taken", []string{"x", "x_2", "x"}, nil, []string{"x", "x_2", "x_3"}},
		{"empty names", []string{"", "", "_"}, nil, []string{"_", "__2", "__3"}},
		{"edge reserved", []string{"weight", "id", "edgeId", "EdgeLabel"}, []string{"label", "weight", "id", "edgelabel", "edgeid"},
			[]string{"weight_2", "id_2", "edgeId_2", "EdgeLabel_2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			attrs := make([]graph.Attr, len(tt.attrs))
			for i, a := range tt.attrs {
				attrs[i] = graph.Attr{Name: a}
			}
			if diff := cmp.Diff(tt.want, uniqueNames(attrs, tt.reserved)); diff != "" {
				t.Errorf("uniqueNames(%q) mismatch (-want +got):\n%s", tt.attrs, diff)
			}
		})
	}
}

// TestKeyIDs checks the key id assignment: built-in keys first, then the
// Network's attributes in order, never d3 for a node attribute nor d7 for an
// edge attribute (Gephi reads those as labels).
func TestKeyIDs(t *testing.T) {
	attrs := func(prefix string, k int) []graph.Attr {
		a := make([]graph.Attr, k)
		for i := range a {
			a[i] = graph.Attr{Name: fmt.Sprintf("%s%d", prefix, i), Kind: graph.AttrKind(i % 4)}
		}
		return a
	}
	tests := []struct {
		name         string
		nodes, edges int
		want         []string // "for/id/name"
	}{
		{"none", 0, 0, []string{"node/d0/label", "edge/d1/label", "edge/d2/weight"}},
		{"nodes", 2, 0, []string{"node/d0/label", "edge/d1/label", "edge/d2/weight", "node/d4/n0", "node/d5/n1"}},
		{"edges", 0, 6, []string{"node/d0/label", "edge/d1/label", "edge/d2/weight",
			"edge/d3/e0", "edge/d4/e1", "edge/d5/e2", "edge/d6/e3", "edge/d8/e4", "edge/d9/e5"}},
		{"both", 3, 2, []string{"node/d0/label", "edge/d1/label", "edge/d2/weight",
			"node/d4/n0", "node/d5/n1", "node/d6/n2", "edge/d8/e0", "edge/d9/e1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := &graph.Network{NodeAttrs: attrs("n", tt.nodes), EdgeAttrs: attrs("e", tt.edges)}
			doc := checkDocument(t, writeGraphML(t, n), n)
			var got []string
			for _, k := range doc.Keys {
				got = append(got, k.For+"/"+k.ID+"/"+k.Name)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("keys mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain", "plain"},
		{`a & b < c > d "e" 'f'`, `a &amp; b &lt; c &gt; d "e" 'f'`},
		{"]]>", "]]&gt;"},
		{"tab\tnl\ncr\r", "tab\tnl\ncr&#xD;"},
		{"nul\x00bel\x07esc\x1bdel\x7f", "nulbelescdel\x7f"},
		{"nbsp\u00a0c1\u0085", "nbsp\u00a0c1\u0085"},
		{"bad\xff\xfeutf8", "badutf8"},
		{"surrogate\xed\xa0\x80\xed\xbf\xbf", "surrogate"},
		{"nonchar\ufffe\uffff", "nonchar"},
		{"replacement\ufffd", "replacement\ufffd"},
		{"astral\U0001F600\U0010FFFF", "astral\U0001F600\U0010FFFF"},
		{"truncated\xe2\x82", "truncated"},
		{"", ""},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		x := &xmlWriter{w: bufio.NewWriter(&buf)}
		x.text(tt.in)
		if err := x.w.Flush(); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tt.want {
			t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

type stringer struct{}

func (stringer) String() string { return "stringer" }

type panicker struct{}

func (panicker) String() string { panic("boom") }

func TestValueConversion(t *testing.T) {
	var nilPtr *int
	tests := []struct {
		kind graph.AttrKind
		in   any
		want string
	}{
		{graph.String, nil, ""},
		{graph.String, "a & b", "a &amp; b"},
		{graph.String, []string{"x", "y<z"}, "x; y&lt;z"},
		{graph.String, 42, "42"},
		{graph.String, int64(-7), "-7"},
		{graph.String, uint8(7), "7"},
		{graph.String, 0.1, "0.1"},
		{graph.String, float32(0.1), "0.1"},
		{graph.String, true, "true"},
		{graph.String, stringer{}, "stringer"},
		{graph.String, panicker{}, "%!v(PANIC=String method: boom)"},
		{graph.String, nilPtr, "&lt;nil&gt;"},
		{graph.Int, nil, "0"},
		{graph.Int, 42, "42"},
		{graph.Int, int64(math.MaxInt64), "2147483647"},
		{graph.Int, math.MinInt64, "-2147483648"},
		{graph.Int, uint64(math.MaxUint64), "2147483647"},
		{graph.Int, 2.5, "3"},
		{graph.Int, -2.5, "-3"},
		{graph.Int, float32(1.4), "1"},
		{graph.Int, math.NaN(), "0"},
		{graph.Int, math.Inf(-1), "0"},
		{graph.Int, 1e300, "2147483647"},
		{graph.Int, true, "1"},
		{graph.Int, " 17 ", "17"},
		{graph.Int, "3.7", "4"},
		{graph.Int, "99999999999999999999", "2147483647"},
		{graph.Int, "seven", "0"},
		{graph.Int, []string{"5"}, "5"},
		{graph.Int, stringer{}, "0"},
		{graph.Double, nil, "0"},
		{graph.Double, 0.25, "0.25"},
		{graph.Double, 1e21, "1e+21"},
		{graph.Double, 1e-7, "1e-07"},
		{graph.Double, 100000.0, "100000"},
		{graph.Double, math.NaN(), "0"},
		{graph.Double, math.Inf(1), "0"},
		{graph.Double, 3, "3"},
		{graph.Double, uint64(1 << 60), "1.152921504606847e+18"},
		{graph.Double, float32(0.1), "0.10000000149011612"},
		{graph.Double, false, "0"},
		{graph.Double, "2.5e3", "2500"},
		{graph.Double, "1e999", "0"},
		{graph.Double, "NaN", "0"},
		{graph.Double, "x", "0"},
		{graph.Double, []string{"1.5"}, "1.5"},
		{graph.Bool, nil, "false"},
		{graph.Bool, true, "true"},
		{graph.Bool, 1, "true"},
		{graph.Bool, 0.0, "false"},
		{graph.Bool, math.NaN(), "false"},
		{graph.Bool, "TRUE", "true"},
		{graph.Bool, " 1 ", "true"},
		{graph.Bool, "yes", "false"},
		{graph.Bool, []string{"t"}, "true"},
		{graph.Bool, stringer{}, "false"},
		{graph.AttrKind(99), 5, "5"}, // unknown kinds are declared and written as string
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		x := &xmlWriter{w: bufio.NewWriter(&buf)}
		x.data(column{kind: tt.kind}, tt.in)
		if err := x.w.Flush(); err != nil {
			t.Fatal(err)
		}
		got := strings.TrimSuffix(buf.String(), "</data>\n")
		if got != tt.want {
			t.Errorf("%v value %#v written as %q, want %q", tt.kind, tt.in, got, tt.want)
		}
	}
}

// gml* mirror the parts of a GraphML document that the tests check.
type (
	gmlDoc struct {
		XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		Keys    []gmlKey `xml:"key"`
		Graph   gmlGraph `xml:"graph"`
	}
	gmlKey struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	gmlGraph struct {
		ID          string    `xml:"id,attr"`
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []gmlNode `xml:"node"`
		Edges       []gmlEdge `xml:"edge"`
	}
	gmlNode struct {
		ID   string    `xml:"id,attr"`
		Data []gmlData `xml:"data"`
	}
	gmlEdge struct {
		ID     string    `xml:"id,attr"`
		Source string    `xml:"source,attr"`
		Target string    `xml:"target,attr"`
		Data   []gmlData `xml:"data"`
	}
	gmlData struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
)

// checkDocument checks that out is a well-formed GraphML document for n:
// keys declared once each with safe unique names, every node and edge
// present in order with a parseable value for every key of its kind, and
// labels, weights and string values round-tripping after illegal characters
// are removed. It returns the parsed document.
func checkDocument(t testing.TB, out []byte, n *graph.Network) *gmlDoc {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(out))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("output is not well-formed XML: %v\n%s", err, out)
		}
	}
	var doc gmlDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("unmarshal output: %v", err)
	}

	keys := make(map[string]gmlKey)
	names := map[string]map[string]bool{"node": {}, "edge": {}}
	var nodeKeys, edgeKeys []string
	for _, k := range doc.Keys {
		if _, dup := keys[k.ID]; dup {
			t.Errorf("key id %s declared twice", k.ID)
		}
		keys[k.ID] = k
		if !validName(k.Name) {
			t.Errorf("key %s: attr.name %q is not a safe NMTOKEN", k.ID, k.Name)
		}
		lower := strings.ToLower(k.Name)
		if names[k.For][lower] {
			t.Errorf("key %s: attr.name %q repeats a %s key name", k.ID, k.Name, k.For)
		}
		names[k.For][lower] = true
		switch k.For {
		case "node":
			if k.ID == gephiNodeLabelID {
				t.Errorf("node key %s (%s) has Gephi's label id", k.ID, k.Name)
			}
			nodeKeys = append(nodeKeys, k.ID)
		case "edge":
			if k.ID == gephiEdgeLabelID {
				t.Errorf("edge key %s (%s) has Gephi's label id", k.ID, k.Name)
			}
			edgeKeys = append(edgeKeys, k.ID)
		default:
			t.Errorf("key %s is for %q", k.ID, k.For)
		}
	}
	if len(nodeKeys) != 1+len(n.NodeAttrs) || len(edgeKeys) != 2+len(n.EdgeAttrs) {
		t.Fatalf("%d node and %d edge keys, want %d and %d", len(nodeKeys), len(edgeKeys), 1+len(n.NodeAttrs), 2+len(n.EdgeAttrs))
	}
	if got := keys[nodeLabelID]; got != (gmlKey{nodeLabelID, "node", "label", "string"}) {
		t.Errorf("node label key = %+v", got)
	}
	if got := keys[edgeLabelID]; got != (gmlKey{edgeLabelID, "edge", "label", "string"}) {
		t.Errorf("edge label key = %+v", got)
	}
	if got := keys[weightID]; got != (gmlKey{weightID, "edge", "weight", "double"}) {
		t.Errorf("edge weight key = %+v", got)
	}
	for i, a := range n.NodeAttrs {
		if k := keys[nodeKeys[1+i]]; k.Type != a.Kind.String() {
			t.Errorf("node attr %q: key type %q, want %q", a.Name, k.Type, a.Kind)
		}
	}
	for i, a := range n.EdgeAttrs {
		if k := keys[edgeKeys[2+i]]; k.Type != a.Kind.String() {
			t.Errorf("edge attr %q: key type %q, want %q", a.Name, k.Type, a.Kind)
		}
	}

	wantDirection := "undirected"
	if n.Directed {
		wantDirection = "directed"
	}
	if doc.Graph.ID != "G" || doc.Graph.EdgeDefault != wantDirection {
		t.Errorf("graph id=%q edgedefault=%q, want G and %s", doc.Graph.ID, doc.Graph.EdgeDefault, wantDirection)
	}
	if len(doc.Graph.Nodes) != len(n.Nodes) || len(doc.Graph.Edges) != len(n.Edges) {
		t.Fatalf("%d nodes and %d edges, want %d and %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(n.Nodes), len(n.Edges))
	}

	for i, got := range doc.Graph.Nodes {
		want := n.Nodes[i]
		if id := fmt.Sprintf("n%d", i); got.ID != id {
			t.Errorf("node %d has id %q, want %q", i, got.ID, id)
		}
		values := checkData(t, "node "+got.ID, got.Data, nodeKeys, keys)
		if l, w := values[nodeLabelID], stripIllegal(want.Label); l != w {
			t.Errorf("node %s label = %q, want %q", got.ID, l, w)
		}
		for j, a := range n.NodeAttrs {
			checkString(t, "node "+got.ID, a, want.Attrs, values[nodeKeys[1+j]])
		}
	}
	for i, got := range doc.Graph.Edges {
		want := n.Edges[i]
		wantEdge := [3]string{fmt.Sprintf("e%d", i), fmt.Sprintf("n%d", want.From), fmt.Sprintf("n%d", want.To)}
		if e := [3]string{got.ID, got.Source, got.Target}; e != wantEdge {
			t.Errorf("edge %d is %q, want %q", i, e, wantEdge)
		}
		values := checkData(t, "edge "+got.ID, got.Data, edgeKeys, keys)
		if l, w := values[edgeLabelID], stripIllegal(want.Label); l != w {
			t.Errorf("edge %s label = %q, want %q", got.ID, l, w)
		}
		wantWeight := want.Weight
		if math.IsNaN(wantWeight) || math.IsInf(wantWeight, 0) {
			wantWeight = 0
		}
		if w, err := strconv.ParseFloat(values[weightID], 64); err != nil || w != wantWeight {
			t.Errorf("edge %s weight = %q, want %v", got.ID, values[weightID], wantWeight)
		}
		for j, a := range n.EdgeAttrs {
			checkString(t, "edge "+got.ID, a, want.Attrs, values[edgeKeys[2+j]])
		}
	}
	return &doc
}

// checkData checks that data holds exactly one value for each of ids, in
// order, parseable as its key's type, and returns the values by key id.
func checkData(t testing.TB, elem string, data []gmlData, ids []string, keys map[string]gmlKey) map[string]string {
	t.Helper()
	var got []string
	values := make(map[string]string, len(data))
	for _, d := range data {
		got = append(got, d.Key)
		values[d.Key] = d.Value
		switch keys[d.Key].Type {
		case "int":
			if _, err := strconv.ParseInt(d.Value, 10, 32); err != nil {
				t.Errorf("%s: int key %s has value %q: %v", elem, d.Key, d.Value, err)
			}
		case "double":
			if f, err := strconv.ParseFloat(d.Value, 64); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				t.Errorf("%s: double key %s has value %q", elem, d.Key, d.Value)
			}
		case "boolean":
			if d.Value != "true" && d.Value != "false" {
				t.Errorf("%s: boolean key %s has value %q", elem, d.Key, d.Value)
			}
		}
	}
	if diff := cmp.Diff(ids, got); diff != "" {
		t.Errorf("%s: data keys mismatch (-want +got):\n%s", elem, diff)
	}
	return values
}

// checkString checks that a string attribute's value round-trips.
func checkString(t testing.TB, elem string, a graph.Attr, attrs graph.AttrValues, got string) {
	t.Helper()
	if a.Kind != graph.String {
		return
	}
	want := ""
	switch v := attrs.Get(a.Name).(type) {
	case string:
		want = stripIllegal(v)
	case []string:
		want = stripIllegal(strings.Join(v, "; "))
	default:
		return
	}
	if got != want {
		t.Errorf("%s: attr %q = %q, want %q", elem, a.Name, got, want)
	}
}

// validName reports whether s is an attr.name as GraphML promises them.
func validName(s string) bool {
	if s == "" || s[0] == '-' || '0' <= s[0] && s[0] <= '9' {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// stripIllegal returns s without the bytes of invalid UTF-8 and the
// characters outside XML 1.0's Char production, as the tests expect labels
// to come back.
func stripIllegal(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		legal := r == '\t' || r == '\n' || r == '\r' ||
			0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
		if legal && (r != utf8.RuneError || size > 1) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// fuzzNetwork builds a small network whose labels, attribute names and
// values come from fuzzed input, including values of the wrong Go type.
func fuzzNetwork(label1, label2, name, value string, i int64, f float64, directed bool) *graph.Network {
	return &graph.Network{
		Directed: directed,
		NodeAttrs: []graph.Attr{
			{Name: name, Kind: graph.String},
			{Name: name, Kind: graph.Int},
			{Name: name + "x", Kind: graph.Double},
			{Name: value, Kind: graph.Bool},
			{Name: "label", Kind: graph.String},
		},
		EdgeAttrs: []graph.Attr{
			{Name: label1, Kind: graph.String},
			{Name: label2, Kind: graph.Double},
			{Name: "weight", Kind: graph.Int},
		},
		Nodes: []graph.Node{
			{Label: label1, Attrs: map[string]any{name: value, name + "x": f, value: value}},
			{Label: label2, Attrs: map[string]any{name: i, value: label1, "label": []string{label1, label2}}},
			{Label: label1 + label2},
		},
		Edges: []graph.Edge{
			{From: 0, To: 1, Weight: f, Label: value, Attrs: graph.ValuesOf(map[string]any{label1: value, label2: value})},
			{From: 1, To: 2, Weight: float64(i), Label: name, Attrs: graph.ValuesOf(map[string]any{label1: []string{label1, label2}, label2: f, "weight": f})},
			{From: 2, To: 2, Label: label1},
		},
	}
}

func FuzzGraphML(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, label1, label2, name, value string, i int64, fl float64, directed bool) {
		n := fuzzNetwork(label1, label2, name, value, i, fl, directed)
		var buf bytes.Buffer
		if err := GraphML(&buf, n); err != nil {
			t.Fatalf("GraphML: %v", err)
		}
		checkDocument(t, buf.Bytes(), n)
	})
}
