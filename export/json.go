package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// JSON writes n to w in graphology's serialisation format
// (https://graphology.github.io/serialization), which graphology's
// Graph.from and graph.import, sigma.js and Gephi Lite load, streaming it
// node by node through a bufio.Writer, and returns the first error,
// wrapped with context. The output is a pure function of n:
//
//	{"attributes":{},
//	 "options":{"type":"directed","multi":false,"allowSelfLoops":false},
//	 "nodes":[
//	 {"key":"kenya","attributes":{"label":"Kenya","mentions":3,…}},
//	 …],
//	 "edges":[
//	 {"key":"e0","source":"kenya","target":"norway","attributes":{"weight":2,"label":"agree",…}},
//	 …]}
//
// with one node or edge a line. options.type is "directed" or "undirected"
// from n.Directed; multi is true only when two edges join the same ordered
// pair (unordered when undirected) and allowSelfLoops only when an edge
// joins a node to itself, so that graphology accepts every edge. Node keys
// are the ids of GEXF and CSV: the Keys when every node has a distinct
// non-empty Key, "n<i>" otherwise; edge j has key "e<j>".
//
// A node's attributes are "label" (Node.Label) and then n.NodeAttrs; an
// edge's are "weight" (Edge.Weight), "label" (Edge.Label) and then
// n.EdgeAttrs. Attribute names are made unique as in GraphML, the reserved
// names being those written here and "type", which sigma.js reads as the
// name of a rendering program. No positions, sizes or colours are invented:
// Gephi Lite lays out a graph without x and y itself, and sigma.js needs a
// layout (graphology-layout) run first.
//
// Values are converted as in GraphML, with JSON types: strings, numbers
// (ints clamped to 32 bits), true and false; NaN and ±Inf, which JSON
// cannot hold, are written as null, for weights too. Text is cleaned as in
// GraphML (C0 controls other than tab and line breaks, U+FFFE, U+FFFF and
// invalid UTF-8 are dropped) and escaped as JSON, with U+2028 and U+2029
// escaped too.
//
// n must be non-nil, and every edge's From and To must index n.Nodes;
// otherwise JSON writes nothing and returns an error wrapping
// ErrInvalidNetwork.
func JSON(w io.Writer, n *graph.Network) error {
	if err := validate(n); err != nil {
		return err
	}
	j := &jsonWriter{w: bufio.NewWriterSize(w, bufSize)}
	j.network(n)
	if j.err == nil {
		j.err = j.w.Flush()
	}
	if j.err != nil {
		return fmt.Errorf("export: write json: %w", j.err)
	}
	return nil
}

// jsonWriter writes JSON to a bufio.Writer, keeping the first error and
// turning later writes into no-ops. Each node and edge is assembled in buf
// and written at once.
type jsonWriter struct {
	w   *bufio.Writer
	err error
	buf []byte
}

// flushBuf writes buf.
func (j *jsonWriter) flushBuf() {
	if j.err == nil {
		_, j.err = j.w.Write(j.buf)
	}
}

// jsonColumn is one attribute: its key in Attrs, its kind, and the quoted
// JSON name with the colon and the comma before it.
type jsonColumn struct {
	attr string
	kind graph.AttrKind
	name string // `,"name":`
}

// jsonColumns returns the columns of attrs, named as in GraphML while
// avoiding reserved.
func jsonColumns(attrs []graph.Attr, reserved []string) []jsonColumn {
	names := uniqueNames(attrs, reserved)
	cols := make([]jsonColumn, len(attrs))
	for i, a := range attrs {
		cols[i] = jsonColumn{attr: a.Name, kind: a.Kind, name: "," + strconv.Quote(names[i]) + ":"}
	}
	return cols
}

// network writes the whole document for a validated n.
func (j *jsonWriter) network(n *graph.Network) {
	ids := nodeIDs(n)
	nodeCols := jsonColumns(n.NodeAttrs, []string{"label", "type"})
	edgeCols := jsonColumns(n.EdgeAttrs, []string{"label", "weight", "type"})
	multi, loops := multiAndLoops(n)

	b := append(j.buf[:0], `{"attributes":{},"options":{"type":`...)
	if n.Directed {
		b = append(b, `"directed"`...)
	} else {
		b = append(b, `"undirected"`...)
	}
	b = strconv.AppendBool(append(b, `,"multi":`...), multi)
	b = strconv.AppendBool(append(b, `,"allowSelfLoops":`...), loops)
	j.buf = append(b, `},"nodes":[`...)
	j.flushBuf()
	for i := range n.Nodes {
		if j.err != nil {
			return
		}
		nd := &n.Nodes[i]
		b := j.buf[:0]
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(append(b, "\n"+`{"key":`...), ids[i])
		b = appendJSONString(append(b, `,"attributes":{"label":`...), nd.Label)
		j.buf = append(appendJSONValues(b, nodeCols, nd.Attrs), "}}"...)
		j.flushBuf()
	}
	j.buf = append(j.buf[:0], "\n"+`],"edges":[`...)
	j.flushBuf()
	for k := range n.Edges {
		if j.err != nil {
			return
		}
		e := &n.Edges[k]
		b := j.buf[:0]
		if k > 0 {
			b = append(b, ',')
		}
		b = appendEdgeID(append(b, "\n"+`{"key":"`...), k)
		b = appendJSONString(append(b, `","source":`...), ids[e.From])
		b = appendJSONString(append(b, `,"target":`...), ids[e.To])
		b = appendJSONDouble(append(b, `,"attributes":{"weight":`...), e.Weight)
		b = appendJSONString(append(b, `,"label":`...), e.Label)
		j.buf = append(appendJSONValues(b, edgeCols, e.Attrs), "}}"...)
		j.flushBuf()
	}
	j.buf = append(j.buf[:0], "\n]}\n"...)
	j.flushBuf()
}

// multiAndLoops reports whether two edges of n join the same pair of nodes
// (ordered when n is directed) and whether an edge joins a node to itself.
func multiAndLoops(n *graph.Network) (multi, loops bool) {
	seen := make(map[[2]int]struct{}, len(n.Edges))
	for _, e := range n.Edges {
		from, to := e.From, e.To
		if from == to {
			loops = true
		}
		if !n.Directed && to < from {
			from, to = to, from
		}
		k := [2]int{from, to}
		if _, dup := seen[k]; dup {
			multi = true
		}
		seen[k] = struct{}{}
	}
	return multi, loops
}

// appendJSONValues appends the name and value of each of cols.
func appendJSONValues[V graph.AttrValues](dst []byte, cols []jsonColumn, values V) []byte {
	for _, c := range cols {
		dst = append(dst, c.name...)
		v := values.Get(c.attr)
		switch c.kind {
		case graph.Int:
			dst = strconv.AppendInt(dst, toInt(v), 10)
		case graph.Double:
			dst = appendJSONDouble(dst, toFloat(v))
		case graph.Bool:
			dst = strconv.AppendBool(dst, toBool(v))
		default:
			dst = appendJSONString(dst, toString(v))
		}
	}
	return dst
}

// appendJSONDouble appends f as a JSON number in strconv's shortest 'g'
// format, or null when f is NaN or infinite.
func appendJSONDouble(dst []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(dst, "null"...)
	}
	return strconv.AppendFloat(dst, f, 'g', -1, 64)
}

// appendJSONString appends s, cleaned, as a JSON string: '"' and '\\' are
// escaped, tab and line breaks are written as \t, \n and \r, and U+2028 and
// U+2029 as \u2028 and \u2029 so that the output is also valid JavaScript.
func appendJSONString(dst []byte, s string) []byte {
	s = cleanText(s)
	dst = append(dst, '"')
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var esc string
			switch c {
			case '"':
				esc = `\"`
			case '\\':
				esc = `\\`
			case '\n':
				esc = `\n`
			case '\r':
				esc = `\r`
			case '\t':
				esc = `\t`
			default:
				i++ // cleanText left no other control characters
				continue
			}
			dst = append(append(dst, s[last:i]...), esc...)
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[last:i]...)
			if r == '\u2028' {
				dst = append(dst, `\u2028`...)
			} else {
				dst = append(dst, `\u2029`...)
			}
			last = i + size
		}
		i += size
	}
	return append(append(dst, s[last:]...), '"')
}
