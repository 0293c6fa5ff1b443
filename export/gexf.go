package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/newsgraph/newsgraph/graph"
)

// GEXF names. The namespaces are those of the GEXF 1.3 RELAX NG grammar
// (gexf.rng: ns="http://gexf.net/1.3"; viz.rng included with
// ns="http://gexf.net/1.3/viz"), not the older www.gexf.net/1.2draft ones.
const (
	gexfNS       = "http://gexf.net/1.3"
	gexfVizNS    = "http://gexf.net/1.3/viz"
	gexfSchema   = "http://gexf.net/1.3/gexf.xsd"
	gexfPreamble = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<gexf xmlns="` + gexfNS + `" xmlns:viz="` + gexfVizNS + `" xmlns:xsi="` + xsiNS + `"` +
		` xsi:schemaLocation="` + gexfNS + ` ` + gexfSchema + `" version="1.3">` + "\n" +
		"  <meta>\n    <creator>newsgraph</creator>\n  </meta>\n"
)

// Node sizes written as viz:size: minNodeSize + (maxNodeSize − minNodeSize)
// · √(pagerank / highest pagerank), so that the most central node has size
// maxNodeSize, a node of PageRank 0 has size minNodeSize (Gephi's default
// node size), and a node's area grows roughly with its PageRank.
const (
	minNodeSize = 10
	maxNodeSize = 50
)

// communityPalette holds the colours of viz:color, as 6-digit hex RGB:
// Kenneth L. Kelly's 22 colours of maximum contrast ("Twenty-two colors of
// maximum contrast", Color Engineering 3(6), 1965) without white and black,
// in Kelly's order, so that the first communities get the most distinct
// colours. Community c gets colour c mod 20.
const communityPalette = "" +
	"f3c300" + // vivid yellow
	"875692" + // strong purple
	"f38400" + // vivid orange
	"a1caf1" + // very light blue
	"be0032" + // vivid red
	"c2b280" + // greyish yellow
	"848482" + // medium grey
	"008856" + // vivid green
	"e68fac" + // strong purplish pink
	"0067a5" + // strong blue
	"f99379" + // strong yellowish pink
	"604e97" + // strong violet
	"f6a600" + // vivid orange yellow
	"b3446c" + // strong purplish red
	"dcd300" + // vivid greenish yellow
	"882d17" + // strong reddish brown
	"8db600" + // vivid yellowish green
	"654522" + // deep yellowish brown
	"e25822" + // vivid reddish orange
	"2b3d26" //   dark olive green

// paletteSize is the number of colours in communityPalette.
const paletteSize = len(communityPalette) / 6

// communityColor returns the r, g and b of community c's colour.
func communityColor(c int64) (r, g, b uint8) {
	i := int(c % int64(paletteSize))
	if i < 0 {
		i += paletteSize
	}
	hex := communityPalette[6*i : 6*i+6]
	v, _ := strconv.ParseUint(hex, 16, 32) // constant, always valid
	return uint8(v >> 16), uint8(v >> 8), uint8(v)
}

// GEXF writes n to w as a GEXF 1.3 document for Gephi, streaming it through
// a bufio.Writer, and returns the first error, wrapped with context. The
// output validates against the GEXF 1.3 RELAX NG grammar and is a pure
// function of n.
//
// The graph's defaultedgetype is "directed" or "undirected" from
// n.Directed; edges carry no type of their own. Nodes get ids from their
// Keys when every node has a distinct non-empty Key, and "n0", "n1", … in
// order of n.Nodes otherwise; edge j has id "e<j>". Node.Label and
// Edge.Label become the label attributes (an empty edge label is left out)
// and Edge.Weight the weight attribute.
//
// n.NodeAttrs and n.EdgeAttrs are declared in <attributes class="node">
// and <attributes class="edge"> with GEXF types string, integer, double and
// boolean. An attribute's id and title are the same name as in GraphML:
// sanitised, and renamed with a suffix "_2", "_3", … when it collides with
// an earlier one or with a name Gephi reserves (see GraphML). Every node
// and edge has an <attvalue> for every declared attribute, converted as in
// GraphML (missing values as the kind's zero; NaN and ±Inf as 0).
//
// Appearance, when n has the attributes for it:
//
//   - viz:color: a node with an Int "community" value c gets colour c mod
//     20 of Kelly's 20 colours of maximum contrast (without white and
//     black, in Kelly's order); a node without one gets no colour.
//   - viz:size: a node with a "pagerank" value p gets
//     10 + 40·√(p / highest pagerank of any node), from 10 to 50 (negative,
//     NaN and infinite values count as 0); a node without one gets no size.
//
// Time: when a node has a date in a declared "first_seen" or "last_seen",
// or an edge in a declared "first_date" or "last_date", the graph is
// dynamic (mode="dynamic", timeformat="date") and such nodes and edges get
// start and end attributes, so that Gephi's Timeline plays the graph. A date must be
// YYYY-MM-DD and a real day; other values are left out, and an end before
// its start is swapped with it. Elements without dates have no start or
// end and are present throughout. Without any date the graph is static.
//
// Text is escaped and cleaned as in GraphML. n must be non-nil, and every
// edge's From and To must index n.Nodes; otherwise GEXF writes nothing and
// returns an error wrapping ErrInvalidNetwork.
func GEXF(w io.Writer, n *graph.Network) error {
	if err := validate(n); err != nil {
		return err
	}
	x := &xmlWriter{w: bufio.NewWriterSize(w, bufSize)}
	x.gexf(n)
	if x.err == nil {
		x.err = x.w.Flush()
	}
	if x.err != nil {
		return fmt.Errorf("export: write gexf: %w", x.err)
	}
	return nil
}

// gexfType returns the GEXF attribute type of kind.
func gexfType(kind graph.AttrKind) string {
	switch kind {
	case graph.Int:
		return "integer"
	case graph.Double:
		return "double"
	case graph.Bool:
		return "boolean"
	}
	return "string"
}

// gexfPlan is what the GEXF writer decides about a Network before writing
// it.
type gexfPlan struct {
	ids                []string // node ids
	nodeCols, edgeCols []column // declared attributes
	dynamic            bool     // whether any element has a date
	nodeStart, nodeEnd string   // declared date attributes, or ""
	edgeStart, edgeEnd string
	colour, size       bool    // whether community and pagerank are declared
	maxRank            float64 // the highest PageRank, for sizes
}

// gexf writes the whole document for a validated n.
func (x *xmlWriter) gexf(n *graph.Network) {
	p := &gexfPlan{
		ids:       nodeIDs(n),
		nodeCols:  gexfColumns(n.NodeAttrs, []string{"label", "id"}),
		edgeCols:  gexfColumns(n.EdgeAttrs, []string{"label", "weight", "id", "edgelabel", "edgeid"}),
		dynamic:   hasDates(n),
		nodeStart: declared(n.NodeAttrs, attrFirstSeen),
		nodeEnd:   declared(n.NodeAttrs, attrLastSeen),
		edgeStart: declared(n.EdgeAttrs, attrFirstDate),
		edgeEnd:   declared(n.EdgeAttrs, attrLastDate),
		colour:    hasAttr(n.NodeAttrs, attrCommunity),
		size:      hasAttr(n.NodeAttrs, attrPageRank),
	}
	if p.size {
		for i := range n.Nodes {
			if v, ok := n.Nodes[i].Attrs[attrPageRank]; ok && v != nil {
				p.maxRank = max(p.maxRank, rank(v))
			}
		}
	}

	x.str(gexfPreamble)
	x.str(`  <graph defaultedgetype="`)
	if n.Directed {
		x.str("directed")
	} else {
		x.str("undirected")
	}
	if p.dynamic {
		x.str(`" mode="dynamic" timeformat="date">` + "\n")
	} else {
		x.str(`" mode="static">` + "\n")
	}
	x.gexfDeclare("node", p.nodeCols)
	x.gexfDeclare("edge", p.edgeCols)
	x.gexfNodes(n, p)
	x.gexfEdges(n, p)
	x.str("  </graph>\n</gexf>\n")
}

// gexfNodes writes the <nodes> element.
func (x *xmlWriter) gexfNodes(n *graph.Network, p *gexfPlan) {
	x.buf = strconv.AppendInt(append(x.buf[:0], `    <nodes count="`...), int64(len(n.Nodes)), 10)
	x.buf = append(x.buf, "\">\n"...)
	x.bytes(x.buf)
	for i := range n.Nodes {
		if x.err != nil {
			return
		}
		nd := &n.Nodes[i]
		x.str(`      <node id="`)
		x.attr(p.ids[i])
		x.str(`" label="`)
		x.attr(nd.Label)
		x.str(`"`)
		if p.dynamic {
			interval(x, nd.Attrs, p.nodeStart, p.nodeEnd)
		}
		x.str(">\n")
		attvalues(x, p.nodeCols, nd.Attrs, "        ")
		if v, ok := nd.Attrs[attrCommunity]; ok && v != nil && p.colour {
			r, g, b := communityColor(toInt(v))
			x.buf = strconv.AppendUint(append(x.buf[:0], `        <viz:color r="`...), uint64(r), 10)
			x.buf = strconv.AppendUint(append(x.buf, `" g="`...), uint64(g), 10)
			x.buf = strconv.AppendUint(append(x.buf, `" b="`...), uint64(b), 10)
			x.buf = append(x.buf, "\"/>\n"...)
			x.bytes(x.buf)
		}
		if v, ok := nd.Attrs[attrPageRank]; ok && v != nil && p.size {
			x.buf = append(x.buf[:0], `        <viz:size value="`...)
			x.buf = strconv.AppendFloat(x.buf, nodeSize(rank(v), p.maxRank), 'f', -1, 64)
			x.buf = append(x.buf, "\"/>\n"...)
			x.bytes(x.buf)
		}
		x.str("      </node>\n")
	}
	x.str("    </nodes>\n")
}

// gexfEdges writes the <edges> element.
func (x *xmlWriter) gexfEdges(n *graph.Network, p *gexfPlan) {
	x.buf = strconv.AppendInt(append(x.buf[:0], `    <edges count="`...), int64(len(n.Edges)), 10)
	x.buf = append(x.buf, "\">\n"...)
	x.bytes(x.buf)
	for j := range n.Edges {
		if x.err != nil {
			return
		}
		e := &n.Edges[j]
		x.buf = appendEdgeID(append(x.buf[:0], `      <edge id="`...), j)
		x.buf = append(x.buf, `" source="`...)
		x.bytes(x.buf)
		x.attr(p.ids[e.From])
		x.str(`" target="`)
		x.attr(p.ids[e.To])
		if e.Label != "" {
			x.str(`" label="`)
			x.attr(e.Label)
		}
		x.buf = appendDouble(append(x.buf[:0], `" weight="`...), e.Weight)
		x.buf = append(x.buf, '"')
		x.bytes(x.buf)
		if p.dynamic {
			interval(x, e.Attrs, p.edgeStart, p.edgeEnd)
		}
		if len(p.edgeCols) == 0 {
			x.str("/>\n")
			continue
		}
		x.str(">\n")
		attvalues(x, p.edgeCols, e.Attrs, "        ")
		x.str("      </edge>\n")
	}
	x.str("    </edges>\n")
}

// gexfColumns returns the columns of attrs, whose ids are their unique
// sanitised names, avoiding reserved: the names GraphML gives them.
func gexfColumns(attrs []graph.Attr, reserved []string) []column {
	names := uniqueNames(attrs, reserved)
	cols := make([]column, len(attrs))
	for i, a := range attrs {
		cols[i] = column{attr: a.Name, kind: a.Kind, name: names[i], open: `<attvalue for="` + names[i] + `" value="`}
	}
	return cols
}

// gexfDeclare writes the <attributes> element of class elem declaring cols,
// or nothing when there are none. Ids and titles are NMTOKENs that need no
// escaping.
func (x *xmlWriter) gexfDeclare(elem string, cols []column) {
	if len(cols) == 0 {
		return
	}
	x.str(`    <attributes class="` + elem + "\">\n")
	for _, c := range cols {
		x.str(`      <attribute id="` + c.name + `" title="` + c.name + `" type="` + gexfType(c.kind) + "\"/>\n")
	}
	x.str("    </attributes>\n")
}

// attvalues writes an <attvalues> element with one <attvalue> per column,
// indented by indent, or nothing when there are no columns.
func attvalues[V graph.AttrValues](x *xmlWriter, cols []column, attrs V, indent string) {
	if len(cols) == 0 {
		return
	}
	x.str(indent)
	x.str("<attvalues>\n")
	for _, c := range cols {
		x.str(indent)
		x.str("  ")
		x.str(c.open)
		v := attrs.Get(c.attr)
		b, ok := appendScalar(x.buf[:0], c.kind, v)
		x.buf = b
		if ok {
			x.bytes(b)
		} else {
			x.attr(toString(v))
		}
		x.str("\"/>\n")
	}
	x.str(indent)
	x.str("</attvalues>\n")
}

// interval writes the start and end attributes of an element whose dates
// are attrs[startName] and attrs[endName], leaving out those that are not
// dates and swapping an end that comes before its start.
func interval[V graph.AttrValues](x *xmlWriter, attrs V, startName, endName string) {
	start, end := dateRange(attrs, startName, endName)
	if start != "" {
		x.buf = append(append(append(x.buf[:0], ` start="`...), start...), '"')
		x.bytes(x.buf)
	}
	if end != "" {
		x.buf = append(append(append(x.buf[:0], ` end="`...), end...), '"')
		x.bytes(x.buf)
	}
}

// dateRange returns the dates attrs[startName] and attrs[endName], each
// "" when it is not a YYYY-MM-DD date or its name is "", swapped when end
// comes before start.
func dateRange[V graph.AttrValues](attrs V, startName, endName string) (start, end string) {
	if s, ok := attrs.Get(startName).(string); ok && startName != "" && isDate(s) {
		start = s
	}
	if s, ok := attrs.Get(endName).(string); ok && endName != "" && isDate(s) {
		end = s
	}
	if start != "" && end != "" && end < start {
		start, end = end, start
	}
	return start, end
}

// declared returns name when attrs declares it, and "" otherwise: values
// of undeclared attributes are ignored.
func declared(attrs []graph.Attr, name string) string {
	if hasAttr(attrs, name) {
		return name
	}
	return ""
}

// hasDates reports whether any node or edge of n has a date that GEXF
// writes as its start or end.
func hasDates(n *graph.Network) bool {
	if s, e := declared(n.NodeAttrs, attrFirstSeen), declared(n.NodeAttrs, attrLastSeen); s+e != "" {
		for i := range n.Nodes {
			if start, end := dateRange(n.Nodes[i].Attrs, s, e); start+end != "" {
				return true
			}
		}
	}
	if s, e := declared(n.EdgeAttrs, attrFirstDate), declared(n.EdgeAttrs, attrLastDate); s+e != "" {
		for i := range n.Edges {
			if start, end := dateRange(n.Edges[i].Attrs, s, e); start+end != "" {
				return true
			}
		}
	}
	return false
}

// isDate reports whether s is a YYYY-MM-DD date of a real day from year 1
// on: what xsd:date accepts and Gephi parses, without a time zone.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && !isDigit(c) {
			return false
		}
	}
	year, _ := strconv.Atoi(s[:4])
	month, _ := strconv.Atoi(s[5:7])
	day, _ := strconv.Atoi(s[8:])
	if year < 1 || month < 1 || month > 12 || day < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}

// rank returns a PageRank value as a float for sizing: negative, NaN and
// infinite values count as 0.
func rank(v any) float64 {
	f := toFloat(v)
	if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
		return 0
	}
	return f
}

// nodeSize returns the viz:size of a node of PageRank p when the highest
// is maxRank, rounded to two decimals.
func nodeSize(p, maxRank float64) float64 {
	s := float64(minNodeSize)
	if maxRank > 0 {
		s += (maxNodeSize - minNodeSize) * math.Sqrt(min(p/maxRank, 1))
	}
	return math.Round(s*100) / 100
}
