package export

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/testshared"
)

// gexf* mirror the parts of a GEXF 1.3 document that the tests check.
type (
	gexfDoc struct {
		XMLName xml.Name  `xml:"http://gexf.net/1.3 gexf"`
		Version string    `xml:"version,attr"`
		Graph   gexfGraph `xml:"graph"`
	}
	gexfGraph struct {
		DefaultEdgeType string           `xml:"defaultedgetype,attr"`
		Mode            string           `xml:"mode,attr"`
		TimeFormat      string           `xml:"timeformat,attr"`
		Attributes      []gexfAttributes `xml:"attributes"`
		NodeList        struct {
			Count int        `xml:"count,attr"`
			Nodes []gexfNode `xml:"node"`
		} `xml:"nodes"`
		EdgeList struct {
			Count int        `xml:"count,attr"`
			Edges []gexfEdge `xml:"edge"`
		} `xml:"edges"`
	}
	gexfAttributes struct {
		Class string     `xml:"class,attr"`
		Attrs []gexfAttr `xml:"attribute"`
	}
	gexfAttr struct {
		ID    string `xml:"id,attr"`
		Title string `xml:"title,attr"`
		Type  string `xml:"type,attr"`
	}
	gexfNode struct {
		ID     string      `xml:"id,attr"`
		Label  string      `xml:"label,attr"`
		Start  string      `xml:"start,attr"`
		End    string      `xml:"end,attr"`
		Values []gexfValue `xml:"attvalues>attvalue"`
		Color  *gexfColor  `xml:"http://gexf.net/1.3/viz color"`
		Size   *gexfSize   `xml:"http://gexf.net/1.3/viz size"`
	}
	gexfEdge struct {
		ID     string      `xml:"id,attr"`
		Source string      `xml:"source,attr"`
		Target string      `xml:"target,attr"`
		Label  *string     `xml:"label,attr"`
		Weight string      `xml:"weight,attr"`
		Type   string      `xml:"type,attr"`
		Start  string      `xml:"start,attr"`
		End    string      `xml:"end,attr"`
		Values []gexfValue `xml:"attvalues>attvalue"`
	}
	gexfValue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
	gexfColor struct {
		R int `xml:"r,attr"`
		G int `xml:"g,attr"`
		B int `xml:"b,attr"`
	}
	gexfSize struct {
		Value float64 `xml:"value,attr"`
	}
)

// wantDate returns s when it is a YYYY-MM-DD date of year 1 or later, and
// "" otherwise: the oracle for the writer's isDate.
func wantDate(v any) string {
	s, _ := v.(string)
	if len(s) != 10 {
		return ""
	}
	if d, err := time.Parse(time.DateOnly, s); err != nil || d.Year() < 1 {
		return ""
	}
	return s
}

// wantInterval returns the start and end a node or edge should have, from
// the attributes startName and endName where declared declares them.
func wantInterval(declared []graph.Attr, attrs graph.AttrValues, startName, endName string) (string, string) {
	var s, e string
	if hasAttr(declared, startName) {
		s = wantDate(attrs.Get(startName))
	}
	if hasAttr(declared, endName) {
		e = wantDate(attrs.Get(endName))
	}
	if s != "" && e != "" && e < s {
		s, e = e, s
	}
	return s, e
}

// checkGEXF checks that out is a well-formed GEXF 1.3 document for n: the
// graph's type and mode, attributes declared once each with GraphML's
// names and GEXF types, every node and edge in order with its id, label,
// weight, dates and a value for every attribute, colours and sizes where n
// has communities and PageRanks. It returns the parsed document.
func checkGEXF(t testing.TB, out []byte, n *graph.Network) *gexfDoc {
	t.Helper()
	checkWellFormed(t, out)
	var doc gexfDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("unmarshal GEXF: %v", err)
	}
	g := &doc.Graph
	wantType := map[bool]string{true: "directed", false: "undirected"}[n.Directed]
	if doc.Version != "1.3" || g.DefaultEdgeType != wantType {
		t.Errorf("version %q, defaultedgetype %q; want 1.3 and %s", doc.Version, g.DefaultEdgeType, wantType)
	}

	dynamic := false
	for _, nd := range n.Nodes {
		if s, e := wantInterval(n.NodeAttrs, nd.Attrs, attrFirstSeen, attrLastSeen); s+e != "" {
			dynamic = true
		}
	}
	for _, e := range n.Edges {
		if s, en := wantInterval(n.EdgeAttrs, e.Attrs, attrFirstDate, attrLastDate); s+en != "" {
			dynamic = true
		}
	}
	if want := map[bool][2]string{true: {"dynamic", "date"}, false: {"static", ""}}[dynamic]; [2]string{g.Mode, g.TimeFormat} != want {
		t.Errorf("mode %q timeformat %q, want %q", g.Mode, g.TimeFormat, want)
	}

	nodeNames := uniqueNames(n.NodeAttrs, []string{"label", "id"})
	edgeNames := uniqueNames(n.EdgeAttrs, []string{"label", "weight", "id", "edgelabel", "edgeid"})
	var wantDecl []gexfAttributes
	for _, c := range []struct {
		class string
		attrs []graph.Attr
		names []string
	}{{"node", n.NodeAttrs, nodeNames}, {"edge", n.EdgeAttrs, edgeNames}} {
		if len(c.attrs) == 0 {
			continue
		}
		decl := gexfAttributes{Class: c.class}
		for i, a := range c.attrs {
			typ := map[graph.AttrKind]string{graph.Int: "integer", graph.Double: "double", graph.Bool: "boolean"}[a.Kind]
			if typ == "" {
				typ = "string"
			}
			decl.Attrs = append(decl.Attrs, gexfAttr{ID: c.names[i], Title: c.names[i], Type: typ})
		}
		wantDecl = append(wantDecl, decl)
	}
	if diff := cmp.Diff(wantDecl, g.Attributes); diff != "" {
		t.Errorf("attribute declarations mismatch (-want +got):\n%s", diff)
	}

	nodes, edges := g.NodeList.Nodes, g.EdgeList.Edges
	if g.NodeList.Count != len(n.Nodes) || len(nodes) != len(n.Nodes) || g.EdgeList.Count != len(n.Edges) || len(edges) != len(n.Edges) {
		t.Fatalf("nodes count=%d, %d nodes, edges count=%d, %d edges; want %d nodes and %d edges",
			g.NodeList.Count, len(nodes), g.EdgeList.Count, len(edges), len(n.Nodes), len(n.Edges))
	}
	ids := wantNodeIDs(n)
	maxRank := 0.0
	for _, nd := range n.Nodes {
		if f := toFloat(nd.Attrs[attrPageRank]); f > maxRank && !math.IsInf(f, 0) {
			maxRank = f
		}
	}
	for i, got := range nodes {
		nd := n.Nodes[i]
		elem := "node " + strconv.Itoa(i)
		if got.ID != ids[i] || got.Label != stripIllegal(nd.Label) {
			t.Errorf("%s: id %q label %q, want %q and %q", elem, got.ID, got.Label, ids[i], stripIllegal(nd.Label))
		}
		var s, e string
		if dynamic {
			s, e = wantInterval(n.NodeAttrs, nd.Attrs, attrFirstSeen, attrLastSeen)
		}
		if got.Start != s || got.End != e {
			t.Errorf("%s: start %q end %q, want %q and %q", elem, got.Start, got.End, s, e)
		}
		checkGEXFValues(t, elem, got.Values, n.NodeAttrs, nodeNames, nd.Attrs)

		var wantColor *gexfColor
		if c, ok := nd.Attrs[attrCommunity]; ok && c != nil && hasAttr(n.NodeAttrs, attrCommunity) {
			r, g, b := communityColor(toInt(c))
			wantColor = &gexfColor{int(r), int(g), int(b)}
		}
		if diff := cmp.Diff(wantColor, got.Color); diff != "" {
			t.Errorf("%s: viz:color mismatch (-want +got):\n%s", elem, diff)
		}
		var wantSize *gexfSize
		if p, ok := nd.Attrs[attrPageRank]; ok && p != nil && hasAttr(n.NodeAttrs, attrPageRank) {
			f := toFloat(p)
			if !(f > 0) || math.IsInf(f, 0) {
				f = 0
			}
			size := 10.0
			if maxRank > 0 {
				size = 10 + 40*math.Sqrt(f/maxRank)
			}
			wantSize = &gexfSize{math.Round(size*100) / 100}
		}
		if diff := cmp.Diff(wantSize, got.Size); diff != "" {
			t.Errorf("%s: viz:size mismatch (-want +got):\n%s", elem, diff)
		}
	}
	for j, got := range edges {
		e := n.Edges[j]
		elem := "edge " + strconv.Itoa(j)
		want := [3]string{"e" + strconv.Itoa(j), ids[e.From], ids[e.To]}
		if g := [3]string{got.ID, got.Source, got.Target}; g != want {
			t.Errorf("%s is %q, want %q", elem, g, want)
		}
		switch l := stripIllegal(e.Label); {
		case e.Label == "" && got.Label != nil:
			t.Errorf("%s: label %q, want none", elem, *got.Label)
		case e.Label != "" && (got.Label == nil || *got.Label != l):
			t.Errorf("%s: label %v, want %q", elem, got.Label, l)
		}
		if w, err := strconv.ParseFloat(got.Weight, 64); err != nil || w != wantWeight(e.Weight) {
			t.Errorf("%s: weight %q, want %v", elem, got.Weight, wantWeight(e.Weight))
		}
		if got.Type != "" {
			t.Errorf("%s: type %q, want none (defaultedgetype applies)", elem, got.Type)
		}
		var s, en string
		if dynamic {
			s, en = wantInterval(n.EdgeAttrs, e.Attrs, attrFirstDate, attrLastDate)
		}
		if got.Start != s || got.End != en {
			t.Errorf("%s: start %q end %q, want %q and %q", elem, got.Start, got.End, s, en)
		}
		checkGEXFValues(t, elem, got.Values, n.EdgeAttrs, edgeNames, e.Attrs)
	}
	return &doc
}

// checkGEXFValues checks that values holds one attvalue per attribute, in
// order, each the value the writers should write.
func checkGEXFValues(t testing.TB, elem string, values []gexfValue, attrs []graph.Attr, names []string, data graph.AttrValues) {
	t.Helper()
	var want []gexfValue
	for i, a := range attrs {
		want = append(want, gexfValue{For: names[i], Value: wantField(a.Kind, data.Get(a.Name))})
	}
	if diff := cmp.Diff(want, values); diff != "" {
		t.Errorf("%s: attvalues mismatch (-want +got):\n%s", elem, diff)
	}
}

// checkWellFormed fails t unless out is well-formed XML.
func checkWellFormed(t testing.TB, out []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(out))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("output is not well-formed XML: %v\n%s", err, out)
		}
	}
}

// validateGEXF checks path against the GEXF 1.3 RELAX NG grammar with
// xmllint, skipping t when the shared schemas or xmllint are absent.
func validateGEXF(t *testing.T, path string) {
	t.Helper()
	script := testshared.Path(t, "schemas/validate-gexf.sh")
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not installed: apt-get install libxml2-utils")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash not installed: validate-gexf.sh needs it")
	}
	out, err := exec.Command("bash", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("%s does not validate against the GEXF 1.3 grammar: %v\n%s", path, err, out)
	}
}

func TestGEXFGolden(t *testing.T) {
	got := writeWith(t, GEXF, actorNetwork())
	checkGolden(t, "actors.gexf", got)
	checkGEXF(t, got, actorNetwork())
}

// duplicateKeys is a network whose keys cannot be ids: two are equal once
// cleaned.
func duplicateKeys() *graph.Network {
	return &graph.Network{Nodes: []graph.Node{{Key: "a\x00", Label: "A"}, {Key: "a", Label: "B"}, {Key: "c"}},
		Edges: []graph.Edge{{From: 0, To: 1, Weight: 1}, {From: 2, To: 2, Weight: 2}}}
}

// schemaNetworks are the networks every schema test writes: generated
// ones with and without dates and measures, and the edge cases.
func schemaNetworks() []struct {
	name string
	n    *graph.Network
} {
	return []struct {
		name string
		n    *graph.Network
	}{
		{"actors", actorNetwork()},
		{"build-like-directed", buildLikeNetwork(1, 300, 900, true)},
		{"build-like-undirected", buildLikeNetwork(2, 300, 900, false)},
		{"random-no-dates", randomNetwork(3, 100, 300, true)},
		{"small", smallNetwork()},
		{"empty", &graph.Network{}},
		{"nodes-only", &graph.Network{Nodes: []graph.Node{{Label: "only"}}}},
		{"duplicate-keys", duplicateKeys()},
		{"fuzz-like", fuzzNetwork("a\x00\r\n\ufffe\t", "]]>&#\xed\xa0\x80\"'", "1st name", "-x", -1<<40, math.Inf(1), true)},
	}
}

func TestGEXFSchema(t *testing.T) {
	t.Run("golden", func(t *testing.T) {
		validateGEXF(t, filepath.Join("testdata", "actors.gexf"))
	})
	for _, tt := range schemaNetworks() {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.name+".gexf")
			if err := WriteFile(path, func(w io.Writer) error { return GEXF(w, tt.n) }); err != nil {
				t.Fatal(err)
			}
			validateGEXF(t, path)
		})
	}
}

func TestGEXFParse(t *testing.T) {
	for _, tt := range schemaNetworks() {
		t.Run(tt.name, func(t *testing.T) {
			checkGEXF(t, writeWith(t, GEXF, tt.n), tt.n)
		})
	}
}

// TestGEXFDegrades checks that the appearance and time features switch off
// one by one when their attributes are absent, and that the document stays
// what checkGEXF expects.
func TestGEXFDegrades(t *testing.T) {
	without := func(attrs []graph.Attr, names ...string) []graph.Attr {
		var out []graph.Attr
	next:
		for _, a := range attrs {
			for _, name := range names {
				if a.Name == name {
					continue next
				}
			}
			out = append(out, a)
		}
		return out
	}
	tests := []struct {
		name               string
		edit               func(n *graph.Network)
		mode               string
		colours, sizes     int
		nodeDates, edgeEnd int // nodes with a start or end; edges with an end
	}{
		{"all", func(*graph.Network) {}, "dynamic", 4, 4, 3, 4},
		{"no community", func(n *graph.Network) { n.NodeAttrs = without(n.NodeAttrs, "community") }, "dynamic", 0, 4, 3, 4},
		{"no pagerank", func(n *graph.Network) { n.NodeAttrs = without(n.NodeAttrs, "pagerank") }, "dynamic", 4, 0, 3, 4},
		{"no node dates", func(n *graph.Network) { n.NodeAttrs = without(n.NodeAttrs, "first_seen", "last_seen") }, "dynamic", 4, 4, 0, 4},
		{"no edge dates", func(n *graph.Network) { n.EdgeAttrs = without(n.EdgeAttrs, "first_date", "last_date") }, "dynamic", 4, 4, 3, 0},
		{"no dates", func(n *graph.Network) {
			n.NodeAttrs = without(n.NodeAttrs, "first_seen", "last_seen")
			n.EdgeAttrs = without(n.EdgeAttrs, "first_date", "last_date")
		}, "static", 4, 4, 0, 0},
		{"empty dates", func(n *graph.Network) {
			for _, nd := range n.Nodes {
				nd.Attrs["first_seen"], nd.Attrs["last_seen"] = "", nil
			}
			for i := range n.Edges {
				n.Edges[i].Attrs.Set("first_date", "2025-13-01")
				n.Edges[i].Attrs.Set("last_date", 20250101)
			}
		}, "static", 4, 4, 0, 0},
		{"all pageranks zero", func(n *graph.Network) {
			for _, nd := range n.Nodes {
				if _, ok := nd.Attrs["pagerank"]; ok {
					nd.Attrs["pagerank"] = 0.0
				}
			}
		}, "dynamic", 4, 4, 3, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := actorNetwork()
			tt.edit(n)
			out := writeWith(t, GEXF, n)
			doc := checkGEXF(t, out, n)
			var colours, sizes, nodeDates, edgeEnd int
			for _, nd := range doc.Graph.NodeList.Nodes {
				if nd.Color != nil {
					colours++
				}
				if nd.Size != nil {
					sizes++
				}
				if nd.Start != "" || nd.End != "" {
					nodeDates++
				}
			}
			for _, e := range doc.Graph.EdgeList.Edges {
				if e.End != "" {
					edgeEnd++
				}
			}
			got := []any{doc.Graph.Mode, colours, sizes, nodeDates, edgeEnd}
			want := []any{tt.mode, tt.colours, tt.sizes, tt.nodeDates, tt.edgeEnd}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("mode, colours, sizes, dated nodes, edges with end (-want +got):\n%s", diff)
			}
			path := filepath.Join(t.TempDir(), "g.gexf")
			if err := WriteFile(path, func(w io.Writer) error { _, err := w.Write(out); return err }); err != nil {
				t.Fatal(err)
			}
			validateGEXF(t, path)
		})
	}
}

func TestCommunityColor(t *testing.T) {
	type rgb = [3]uint8
	color := func(c int64) rgb { r, g, b := communityColor(c); return rgb{r, g, b} }
	tests := []struct {
		community int64
		want      rgb
	}{
		{0, rgb{0xf3, 0xc3, 0x00}},
		{1, rgb{0x87, 0x56, 0x92}},
		{19, rgb{0x2b, 0x3d, 0x26}},
		{20, rgb{0xf3, 0xc3, 0x00}},
		{21, rgb{0x87, 0x56, 0x92}},
		{-1, rgb{0x2b, 0x3d, 0x26}},
		{math.MaxInt32, color(math.MaxInt32 % 20)},
	}
	for _, tt := range tests {
		if got := color(tt.community); got != tt.want {
			t.Errorf("community %d: colour %x, want %x", tt.community, got, tt.want)
		}
	}
	if paletteSize != 20 || len(communityPalette) != 6*20 {
		t.Fatalf("palette has %d colours (%d hex digits), want 20", paletteSize, len(communityPalette))
	}
	// Distinguishable: no two colours closer than 15 in CIE76 ΔE (a just
	// noticeable difference is about 2.3), and none too light to see on
	// Gephi's white background.
	for i := range int64(paletteSize) {
		a := cieLab(color(i))
		if a[0] > 85 {
			t.Errorf("colour %d %x has lightness %.1f, too light", i, color(i), a[0])
		}
		for j := i + 1; j < int64(paletteSize); j++ {
			b := cieLab(color(j))
			if d := math.Sqrt(math.Pow(a[0]-b[0], 2) + math.Pow(a[1]-b[1], 2) + math.Pow(a[2]-b[2], 2)); d < 15 {
				t.Errorf("colours %d %x and %d %x are too close: ΔE %.1f", i, color(i), j, color(j), d)
			}
		}
	}
}

// cieLab converts an sRGB colour to CIE L*a*b* (D65).
func cieLab(c [3]uint8) [3]float64 {
	var lin [3]float64
	for k, v := range c {
		f := float64(v) / 255
		if f <= 0.04045 {
			lin[k] = f / 12.92
		} else {
			lin[k] = math.Pow((f+0.055)/1.055, 2.4)
		}
	}
	x := (0.4124*lin[0] + 0.3576*lin[1] + 0.1805*lin[2]) / 0.95047
	y := 0.2126*lin[0] + 0.7152*lin[1] + 0.0722*lin[2]
	z := (0.0193*lin[0] + 0.1192*lin[1] + 0.9505*lin[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

func TestNodeSize(t *testing.T) {
	tests := []struct {
		p, max, want float64
	}{
		{0.4, 0.4, 50},
		{0, 0.4, 10},
		{0.1, 0.4, 30},
		{0.25, 0.4, 41.62},
		{0.5, 0.4, 50}, // above the maximum: clamped
		{0, 0, 10},
		{1e-300, 1, 10},
	}
	for _, tt := range tests {
		if got := nodeSize(tt.p, tt.max); got != tt.want {
			t.Errorf("nodeSize(%v, %v) = %v, want %v", tt.p, tt.max, got, tt.want)
		}
	}
	for _, v := range []any{math.NaN(), math.Inf(1), math.Inf(-1), -0.5, "x", nil} {
		if got := rank(v); got != 0 {
			t.Errorf("rank(%v) = %v, want 0", v, got)
		}
	}
}

func TestIsDate(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"2025-02-03", true},
		{"2024-02-29", true},
		{"2000-02-29", true},
		{"1900-02-29", false},
		{"2025-02-29", false},
		{"2025-04-31", false},
		{"2025-12-31", true},
		{"2025-13-01", false},
		{"2025-00-10", false},
		{"2025-01-00", false},
		{"0000-01-01", false},
		{"0001-01-01", true},
		{"2025-1-01", false},
		{"2025/01/01", false},
		{"2025-01-01T00:00:00", false},
		{"+025-01-01", false},
		{"２０２5-01-01", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isDate(tt.in); got != tt.want {
			t.Errorf("isDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if got := wantDate(tt.in) != ""; got != tt.want {
			t.Errorf("test oracle wantDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestNodeIDs(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want []string
	}{
		{"keys", []string{"norway", "kenya"}, []string{"norway", "kenya"}},
		{"cleaned", []string{"a\x00b", "c\xff"}, []string{"ab", "c"}},
		{"empty key", []string{"a", ""}, []string{"n0", "n1"}},
		{"duplicate", []string{"a", "b", "a"}, []string{"n0", "n1", "n2"}},
		{"duplicate once cleaned", []string{"a\x07", "a"}, []string{"n0", "n1"}},
		{"none", nil, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := &graph.Network{}
			for _, k := range tt.keys {
				n.Nodes = append(n.Nodes, graph.Node{Key: k})
			}
			if diff := cmp.Diff(tt.want, nodeIDs(n)); diff != "" {
				t.Errorf("nodeIDs mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, wantNodeIDs(n)); diff != "" {
				t.Errorf("test oracle wantNodeIDs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAttrEscape(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain", "plain"},
		{`a & b < c > d "e" 'f'`, `a &amp; b &lt; c &gt; d &quot;e&quot; 'f'`},
		{"tab\tnl\ncr\r", "tab&#x9;nl&#xA;cr&#xD;"},
		{"nul\x00bel\x07", "nulbel"},
		{"bad\xffutf8\xed\xa0\x80", "badutf8"},
		{"nonchar\ufffe\uffff", "nonchar"},
		{"ok\u2028\U0001F600", "ok\u2028\U0001F600"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		x := &xmlWriter{w: bufio.NewWriter(&buf)}
		x.attr(tt.in)
		if err := x.w.Flush(); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tt.want {
			t.Errorf("attr(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzGEXF(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, label1, label2, name, value string, i int64, fl float64, directed bool) {
		n := fuzzNetwork(label1, label2, name, value, i, fl, directed)
		checkGEXF(t, writeWith(t, GEXF, n), n)
	})
}

// addFuzzSeeds adds the seeds of the writers' fuzz targets: the awkward
// characters of every format.
func addFuzzSeeds(f *testing.F) {
	f.Add("Alice", "Bob", "kind", "person", int64(3), 0.5, true)
	f.Add("Smith & Sons <Ltd> \"x\"", "a\x00b\x07c", "event type", "1", int64(-1), math.NaN(), false)
	f.Add("\r\n\r", "\t", "2nd", "TRUE", int64(math.MaxInt64), math.Inf(-1), true)
	f.Add("\xed\xa0\x80lone", "\ufffe\uffff\ufffd", "", "", int64(0), -0.0, false)
	f.Add("]]>", "<![CDATA[x]]>", "label", "weight", int64(1<<40), 1e300, true)
	f.Add("\xff\xfe", "日本語", "Größe", "d3", int64(7), 1e-320, false)
	f.Add(`a,"b"`, " lead", "type", "trail ", int64(2), 2.5, true)
	f.Add(`back\slash`, "\u2028\u2029", "community", "2025-02-03", int64(21), 0.1, false)
	f.Add("first_seen", "pagerank", "first_seen", "2025-02-03", int64(5), 0.3, true)
}
