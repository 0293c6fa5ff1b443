package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// ErrInvalidNetwork is wrapped by the errors that report a Network which
// cannot be written: a nil Network, or an edge whose endpoint is not an index
// into Nodes.
var ErrInvalidNetwork = errors.New("export: invalid network")

// GraphML names and the schema the output validates against.
const (
	graphmlNS       = "http://graphml.graphdrawing.org/xmlns"
	graphmlSchema   = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
	xsiNS           = "http://www.w3.org/2001/XMLSchema-instance"
	stringListSep   = "; "
	graphmlPreamble = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<graphml xmlns="` + graphmlNS + `" xmlns:xsi="` + xsiNS + `"` +
		` xsi:schemaLocation="` + graphmlNS + ` ` + graphmlSchema + `">` + "\n"
)

// Key ids of the built-in columns. The Network's own attributes get the
// following ids in declaration order, nodes first, skipping gephiNodeLabelID
// for node keys and gephiEdgeLabelID for edge keys.
const (
	nodeLabelID = "d0"
	edgeLabelID = "d1"
	weightID    = "d2"
	firstAttrID = 3
)

// Gephi's GraphML importer treats a node key with id "d3" and an edge key
// with id "d7" as the label, whatever its attr.name (they are yEd's default
// label ids), so no other column may have them.
const (
	gephiNodeLabelID = "d3"
	gephiEdgeLabelID = "d7"
)

// column is one declared <key> whose value is written for every node or
// every edge.
type column struct {
	attr string         // key into Node.Attrs or Edge.Attrs
	kind graph.AttrKind // value type
	name string         // the unique, sanitised name written (GEXF)
	open string         // the <data> or <attvalue> start, indented for GraphML
}

// GraphML writes n to w as a GraphML document, streaming it through a
// bufio.Writer, and returns the first error, wrapped with context.
//
// The document declares, in order:
//
//   - d0: "label" (string) for nodes, from Node.Label;
//   - d1: "label" (string) for edges, from Edge.Label;
//   - d2: "weight" (double) for edges, from Edge.Weight;
//   - one key per n.NodeAttrs, then one per n.EdgeAttrs, with ids from d3 on
//     in declaration order, except that a node attribute never gets d3 and an
//     edge attribute never gets d7: Gephi reads keys with those ids as labels.
//
// Each key's attr.type is the attribute's graph.AttrKind.String(). Its
// attr.name is the attribute's Name made a safe NMTOKEN: every character
// other than an ASCII letter, digit, '_', '-' or '.' becomes '_', a name
// starting with a digit or '-' gets a leading '_', and the empty name becomes
// "_". The name is then made unique among the keys for the same element,
// case-insensitively as Gephi compares them: a name already taken by an
// earlier attribute, or reserved ("label" and "id" for nodes; "label",
// "weight", "id", "edgelabel" and "edgeid" for edges, which Gephi maps onto
// its built-in columns), gets the first free suffix "_2", "_3", …, so
// "label" becomes "label_2". Gephi still maps node attributes named x, y, z,
// xpos, ypos, size, r, g or b, and edge attributes named r, g or b, onto
// position, size and colour.
//
// The single graph has id "G" and edgedefault "directed" or "undirected"
// from n.Directed. Node i has id "n<i>" and edge j has id "e<j>", in the
// order of n.Nodes and n.Edges; an edge's source and target are the ids of
// its From and To nodes. Node.Key is not written: declare it as an attribute
// to keep it.
//
// Every node and edge has a <data> element for every key of its kind.
// A missing or nil value is written as the kind's zero ("", 0, 0, false) and
// a value of another Go type is converted: numbers, bools and strings parse
// or format into the kind (ints are rounded from floats and parsed from
// strings, bools are non-zero numbers or strconv.ParseBool), a []string is
// joined with "; ", and anything else is formatted with fmt.Sprint for
// string keys and written as the zero value otherwise. GraphML's int is
// 32 bits wide, so int values are clamped to [math.MinInt32, math.MaxInt32].
// Doubles, including Edge.Weight, are formatted with strconv's 'g' format
// and shortest precision; NaN and ±Inf are written as 0, which GraphML
// readers can parse.
//
// Text is XML-escaped (& < > and \r in text content) and characters that
// are illegal in XML 1.0 are removed: C0 controls other than tab, newline
// and carriage return, U+FFFE, U+FFFF, and bytes that are not valid UTF-8
// (which includes encoded surrogates).
//
// n must be non-nil, and every edge's From and To must index n.Nodes;
// otherwise GraphML writes nothing and returns an error wrapping
// ErrInvalidNetwork.
func GraphML(w io.Writer, n *graph.Network) error {
	if err := validate(n); err != nil {
		return err
	}
	x := &xmlWriter{w: bufio.NewWriterSize(w, bufSize)}
	x.network(n)
	if x.err == nil {
		x.err = x.w.Flush()
	}
	if x.err != nil {
		return fmt.Errorf("export: write graphml: %w", x.err)
	}
	return nil
}

// validate reports whether n can be written.
func validate(n *graph.Network) error {
	if n == nil {
		return fmt.Errorf("%w: nil network", ErrInvalidNetwork)
	}
	for i, e := range n.Edges {
		if e.From < 0 || e.From >= len(n.Nodes) {
			return fmt.Errorf("%w: edge %d: source node index %d out of range [0, %d)",
				ErrInvalidNetwork, i, e.From, len(n.Nodes))
		}
		if e.To < 0 || e.To >= len(n.Nodes) {
			return fmt.Errorf("%w: edge %d: target node index %d out of range [0, %d)",
				ErrInvalidNetwork, i, e.To, len(n.Nodes))
		}
	}
	return nil
}

// xmlWriter writes GraphML or GEXF to a bufio.Writer, keeping the first
// error and turning later writes into no-ops.
type xmlWriter struct {
	w   *bufio.Writer
	err error
	buf []byte // scratch space for ids and numbers
}

// str writes s verbatim.
func (x *xmlWriter) str(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// bytes writes b verbatim.
func (x *xmlWriter) bytes(b []byte) {
	if x.err == nil {
		_, x.err = x.w.Write(b)
	}
}

// network writes the whole document for a validated n.
func (x *xmlWriter) network(n *graph.Network) {
	nodeCols, edgeCols := x.keys(n)

	if n.Directed {
		x.str("  <graph id=\"G\" edgedefault=\"directed\">\n")
	} else {
		x.str("  <graph id=\"G\" edgedefault=\"undirected\">\n")
	}
	for i := range n.Nodes {
		if x.err != nil {
			return
		}
		nd := &n.Nodes[i]
		x.buf = strconv.AppendInt(append(x.buf[:0], `    <node id="n`...), int64(i), 10)
		x.buf = append(x.buf, "\">\n"...)
		x.bytes(x.buf)
		x.str(`      <data key="` + nodeLabelID + `">`)
		x.text(nd.Label)
		x.str("</data>\n")
		for _, c := range nodeCols {
			x.data(c, nd.Attrs[c.attr])
		}
		x.str("    </node>\n")
	}
	for i := range n.Edges {
		if x.err != nil {
			return
		}
		e := &n.Edges[i]
		b := strconv.AppendInt(append(x.buf[:0], `    <edge id="e`...), int64(i), 10)
		b = strconv.AppendInt(append(b, `" source="n`...), int64(e.From), 10)
		b = strconv.AppendInt(append(b, `" target="n`...), int64(e.To), 10)
		x.buf = append(b, "\">\n      <data key=\""+edgeLabelID+"\">"...)
		x.bytes(x.buf)
		x.text(e.Label)
		b = append(x.buf[:0], "</data>\n      <data key=\""+weightID+"\">"...)
		x.buf = append(appendDouble(b, e.Weight), "</data>\n"...)
		x.bytes(x.buf)
		for _, c := range edgeCols {
			x.data(c, e.Attrs.Get(c.attr))
		}
		x.str("    </edge>\n")
	}
	x.str("  </graph>\n</graphml>\n")
}

// keys writes the XML declaration, the graphml start tag and the <key>
// declarations, and returns the columns of the Network's own node and edge
// attributes.
func (x *xmlWriter) keys(n *graph.Network) (nodeCols, edgeCols []column) {
	x.str(graphmlPreamble)
	x.key(nodeLabelID, "node", "label", graph.String)
	x.key(edgeLabelID, "edge", "label", graph.String)
	x.key(weightID, "edge", "weight", graph.Double)

	next := firstAttrID
	nextID := func(skip string) string {
		for {
			id := "d" + strconv.Itoa(next)
			next++
			if id != skip {
				return id
			}
		}
	}
	declare := func(attrs []graph.Attr, reserved []string, skip, elem string) []column {
		names := uniqueNames(attrs, reserved)
		cols := make([]column, len(attrs))
		for i, a := range attrs {
			id := nextID(skip)
			x.key(id, elem, names[i], a.Kind)
			cols[i] = column{attr: a.Name, kind: a.Kind, open: `      <data key="` + id + `">`}
		}
		return cols
	}
	// Names the Network's own attributes may not take, compared
	// case-insensitively: the built-in label and weight keys, and the names
	// that Gephi maps onto its built-in Id, Label and Weight columns.
	nodeCols = declare(n.NodeAttrs, []string{"label", "id"}, gephiNodeLabelID, "node")
	edgeCols = declare(n.EdgeAttrs, []string{"label", "weight", "id", "edgelabel", "edgeid"},
		gephiEdgeLabelID, "edge")
	return nodeCols, edgeCols
}

// key writes one <key> declaration. id, elem and name are NMTOKENs that need
// no escaping.
func (x *xmlWriter) key(id, elem, name string, kind graph.AttrKind) {
	x.str(`  <key id="` + id + `" for="` + elem + `" attr.name="` + name +
		`" attr.type="` + kind.String() + "\"/>\n")
}

// data writes one <data> element holding v converted to c's kind.
func (x *xmlWriter) data(c column, v any) {
	x.str(c.open)
	x.value(c.kind, v)
	x.str("</data>\n")
}

// value writes v converted to kind, escaped as text for string kinds.
func (x *xmlWriter) value(kind graph.AttrKind, v any) {
	b, ok := appendScalar(x.buf[:0], kind, v)
	x.buf = b
	if ok {
		x.bytes(b)
		return
	}
	x.escape(toString(v), false)
}

// text writes s as XML character data: &, < and > are escaped, \r is
// written as a character reference so that parsers do not turn it into \n,
// and characters illegal in XML 1.0 are dropped.
func (x *xmlWriter) text(s string) { x.escape(s, false) }

// attr writes s as the value of an XML attribute between double quotes:
// as text, and with " escaped and tab and newline written as character
// references so that attribute-value normalisation keeps them.
func (x *xmlWriter) attr(s string) { x.escape(s, true) }

// escape writes s as character data, or as a double-quoted attribute value
// when inAttr is set, dropping the characters illegal in XML 1.0.
func (x *xmlWriter) escape(s string, inAttr bool) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var esc string
			switch c {
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\r':
				esc = "&#xD;"
			case '"', '\t', '\n':
				if !inAttr {
					i++
					continue
				}
				esc = attrEscape(c)
			default:
				if c >= 0x20 {
					i++
					continue
				}
				// Other C0 controls are illegal: drop them.
			}
			x.str(s[last:i])
			x.str(esc)
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if legalNonASCII(r, size) {
			i += size
			continue
		}
		x.str(s[last:i])
		i += size
		last = i
	}
	x.str(s[last:])
}

// attrEscape returns the escape of '"', '\t' or '\n', which only attribute
// values escape.
func attrEscape(c byte) string {
	switch c {
	case '"':
		return "&quot;"
	case '\t':
		return "&#x9;"
	}
	return "&#xA;"
}

// legalNonASCII reports whether the rune r, decoded from size bytes of
// UTF-8, is allowed in XML 1.0. Invalid UTF-8, including encoded surrogates,
// decodes as utf8.RuneError of size 1.
func legalNonASCII(r rune, size int) bool {
	if r == utf8.RuneError {
		return size > 1 // a genuine U+FFFD is legal
	}
	return r != 0xFFFE && r != 0xFFFF
}

// appendDouble appends f in strconv's shortest 'g' format, or 0 when f is
// NaN or infinite.
func appendDouble(dst []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(dst, '0')
	}
	return strconv.AppendFloat(dst, f, 'g', -1, 64)
}

// toString converts an attribute value for a string key.
func toString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []string:
		return strings.Join(v, stringListSep)
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(v), 'g', -1, 32)
	default:
		// fmt.Sprint formats every other integer type like strconv, and
		// recovers from a panicking String or Error method.
		return fmt.Sprint(v)
	}
}

// toInt converts an attribute value for an int key, clamped to the range
// of GraphML's 32-bit int.
func toInt(v any) int64 {
	var i int64
	switch v := v.(type) {
	case int:
		i = int64(v)
	case int64:
		i = v
	case int32:
		i = int64(v)
	case int16:
		i = int64(v)
	case int8:
		i = int64(v)
	case uint:
		i = uintToInt64(uint64(v))
	case uint64:
		i = uintToInt64(v)
	case uint32:
		i = int64(v)
	case uint16:
		i = int64(v)
	case uint8:
		i = int64(v)
	case float64:
		i = floatToInt64(v)
	case float32:
		i = floatToInt64(float64(v))
	case bool:
		if v {
			i = 1
		}
	case string:
		i = parseInt(v)
	case []string:
		i = parseInt(strings.Join(v, stringListSep))
	}
	return min(max(i, math.MinInt32), math.MaxInt32)
}

// uintToInt64 converts u, saturating at math.MaxInt64.
func uintToInt64(u uint64) int64 {
	if u > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(u)
}

// floatToInt64 rounds f to the nearest integer, saturating at the int64
// range; NaN and ±Inf give 0.
func floatToInt64(f float64) int64 {
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		return 0
	case f >= math.MaxInt64:
		return math.MaxInt64
	case f <= math.MinInt64:
		return math.MinInt64
	}
	return int64(math.Round(f))
}

// parseInt parses s, trimmed, as a decimal integer, or failing that as a
// float rounded to the nearest integer; it returns 0 when s is neither.
func parseInt(s string) int64 {
	s = strings.TrimSpace(s)
	i, err := strconv.ParseInt(s, 10, 64)
	if err == nil || errors.Is(err, strconv.ErrRange) {
		return i // saturated on ErrRange
	}
	return floatToInt64(parseFloat(s))
}

// parseFloat parses s, trimmed, as a float64; it returns 0 when s is not a
// number. Non-finite results are left for appendDouble to write as 0.
func parseFloat(s string) float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0
	}
	return f
}

// toFloat converts an attribute value for a double key.
func toFloat(v any) float64 {
	switch v := v.(type) {
	case float64:
		return v
	case float32:
		return float64(v)
	case int:
		return float64(v)
	case int64:
		return float64(v)
	case int32:
		return float64(v)
	case int16:
		return float64(v)
	case int8:
		return float64(v)
	case uint:
		return float64(v)
	case uint64:
		return float64(v)
	case uint32:
		return float64(v)
	case uint16:
		return float64(v)
	case uint8:
		return float64(v)
	case bool:
		if v {
			return 1
		}
		return 0
	case string:
		return parseFloat(v)
	case []string:
		return parseFloat(strings.Join(v, stringListSep))
	default:
		return 0
	}
}

// toBool converts an attribute value for a boolean key: numbers are true
// when non-zero, strings as strconv.ParseBool reads them (false when it
// cannot).
func toBool(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		b, _ := strconv.ParseBool(strings.TrimSpace(v))
		return b
	case []string:
		b, _ := strconv.ParseBool(strings.TrimSpace(strings.Join(v, stringListSep)))
		return b
	case nil:
		return false
	default:
		f := toFloat(v)
		return f != 0 && !math.IsNaN(f)
	}
}

// sanitizeName returns name as a GraphML attr.name that is an XML NMTOKEN
// and safe for Gephi: every character other than an ASCII letter, digit,
// '_', '-' or '.' (and every byte of invalid UTF-8) becomes '_', and a name
// that would start with a digit or '-' is prefixed with '_'. The empty name
// becomes "_".
func sanitizeName(name string) string {
	var b strings.Builder
	b.Grow(len(name) + 1)
	for i, r := range name {
		ok := r < utf8.RuneSelf && (isASCIILetter(byte(r)) || isDigit(byte(r)) ||
			r == '_' || r == '-' || r == '.')
		if i == 0 && (r == '-' || r < utf8.RuneSelf && isDigit(byte(r))) {
			b.WriteByte('_')
		}
		if ok {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// uniqueNames returns the sanitised attr.name of each of attrs, renamed
// where needed so that no two are equal, and none equals one of reserved,
// when compared case-insensitively. A later attribute that collides with an
// earlier one or a reserved name gets the first free suffix "_2", "_3", ….
func uniqueNames(attrs []graph.Attr, reserved []string) []string {
	taken := make(map[string]bool, len(attrs)+len(reserved))
	for _, r := range reserved {
		taken[strings.ToLower(r)] = true
	}
	names := make([]string, len(attrs))
	for i, a := range attrs {
		base := sanitizeName(a.Name)
		name := base
		for k := 2; taken[strings.ToLower(name)]; k++ {
			name = base + "_" + strconv.Itoa(k)
		}
		taken[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
