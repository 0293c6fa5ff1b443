package export

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Names of the two files WriteCSV writes.
const (
	CSVNodesFile = "nodes.csv"
	CSVEdgesFile = "edges.csv"
)

// CSVNodes writes the nodes of n to w as the nodes table of Gephi's
// spreadsheet import (Data Laboratory → Import Spreadsheet): a header
// "Id,Label" followed by one column per n.NodeAttrs, then one row per node
// in order of n.Nodes. It streams through a bufio.Writer and returns the
// first error, wrapped with context.
//
// Id is the node's id as in GEXF and JSON: its Key when every node has a
// distinct non-empty Key, "n<i>" otherwise. Attribute columns are named as
// in GraphML (sanitised, unique), except that the reserved names are "id"
// and "label". Values are converted as in GraphML: missing values as the
// kind's zero, ints clamped to 32 bits, NaN and ±Inf as 0, booleans as true
// and false, a []string joined with "; ".
//
// Fields follow RFC 4180 with "\n" line ends: a field holding a comma, a
// double quote, a tab or a line break, or starting or ending with a space,
// is quoted, with double quotes doubled. Text is cleaned as in GraphML (C0
// controls other than tab and line breaks, U+FFFE, U+FFFF and invalid UTF-8
// are dropped), so every format carries the same strings.
//
// n must be non-nil, and every edge's From and To must index n.Nodes;
// otherwise CSVNodes writes nothing and returns an error wrapping
// ErrInvalidNetwork.
func CSVNodes(w io.Writer, n *graph.Network) error {
	if err := validate(n); err != nil {
		return err
	}
	c := &csvWriter{w: bufio.NewWriterSize(w, bufSize)}
	c.nodes(n)
	return c.finish("nodes")
}

// CSVEdges writes the edges of n to w as the edges table of Gephi's
// spreadsheet import: a header "Source,Target,Type,Id,Label,Weight"
// followed by one column per n.EdgeAttrs, then one row per edge in order of
// n.Edges. Source and Target are the node ids CSVNodes writes, Type is
// "Directed" or "Undirected" from n.Directed, edge j has Id "e<j>", and
// Weight is Edge.Weight (0 for NaN and ±Inf). Attribute columns are named
// as in GraphML, the reserved names being "source", "target", "type", "id",
// "label" and "weight"; values and fields are written as by CSVNodes.
//
// n must be non-nil, and every edge's From and To must index n.Nodes;
// otherwise CSVEdges writes nothing and returns an error wrapping
// ErrInvalidNetwork.
func CSVEdges(w io.Writer, n *graph.Network) error {
	if err := validate(n); err != nil {
		return err
	}
	c := &csvWriter{w: bufio.NewWriterSize(w, bufSize)}
	c.edges(n)
	return c.finish("edges")
}

// WriteCSV writes the nodes and edges of n into the folder dir as
// nodes.csv (CSVNodes) and edges.csv (CSVEdges), each replaced atomically
// with WriteFile: nodes first, so that a failure leaves either both old
// files, a new nodes.csv beside the old edges.csv, or both new ones. dir is
// created, with its parents, when it does not exist. An invalid Network is
// reported before anything is created.
func WriteCSV(dir string, n *graph.Network) error {
	if err := validate(n); err != nil {
		return err
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return fmt.Errorf("export: write csv to %s: not a folder", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: write csv: %w", err)
	}
	if err := WriteFile(filepath.Join(dir, CSVNodesFile), func(w io.Writer) error { return CSVNodes(w, n) }); err != nil {
		return err
	}
	return WriteFile(filepath.Join(dir, CSVEdgesFile), func(w io.Writer) error { return CSVEdges(w, n) })
}

// csvWriter writes CSV to a bufio.Writer, keeping the first error and
// turning later writes into no-ops. Each row is assembled in buf and
// written at once.
type csvWriter struct {
	w   *bufio.Writer
	err error
	buf []byte
}

// row writes buf, which holds a row without its line end, and a line end.
func (c *csvWriter) row() {
	if c.err == nil {
		c.buf = append(c.buf, '\n')
		_, c.err = c.w.Write(c.buf)
	}
}

// finish flushes the writer and returns its first error, wrapped with
// what was written.
func (c *csvWriter) finish(what string) error {
	if c.err == nil {
		c.err = c.w.Flush()
	}
	if c.err != nil {
		return fmt.Errorf("export: write csv %s: %w", what, c.err)
	}
	return nil
}

// header writes the header row: fixed, then names.
func (c *csvWriter) header(fixed string, names []string) {
	c.buf = append(c.buf[:0], fixed...)
	for _, name := range names {
		c.buf = appendCSVField(append(c.buf, ','), name)
	}
	c.row()
}

// nodes writes the nodes table of a validated n.
func (c *csvWriter) nodes(n *graph.Network) {
	ids := nodeIDs(n)
	c.header("Id,Label", uniqueNames(n.NodeAttrs, []string{"id", "label"}))
	for i := range n.Nodes {
		if c.err != nil {
			return
		}
		nd := &n.Nodes[i]
		c.buf = appendCSVField(c.buf[:0], ids[i])
		c.buf = appendCSVField(append(c.buf, ','), nd.Label)
		c.buf = appendCSVValues(c.buf, n.NodeAttrs, nd.Attrs)
		c.row()
	}
}

// edges writes the edges table of a validated n.
func (c *csvWriter) edges(n *graph.Network) {
	ids := nodeIDs(n)
	c.header("Source,Target,Type,Id,Label,Weight",
		uniqueNames(n.EdgeAttrs, []string{"source", "target", "type", "id", "label", "weight"}))
	typ := ",Undirected,"
	if n.Directed {
		typ = ",Directed,"
	}
	for j := range n.Edges {
		if c.err != nil {
			return
		}
		e := &n.Edges[j]
		c.buf = appendCSVField(c.buf[:0], ids[e.From])
		c.buf = appendCSVField(append(c.buf, ','), ids[e.To])
		c.buf = appendEdgeID(append(c.buf, typ...), j)
		c.buf = appendCSVField(append(c.buf, ','), e.Label)
		c.buf = appendDouble(append(c.buf, ','), e.Weight)
		c.buf = appendCSVValues(c.buf, n.EdgeAttrs, e.Attrs)
		c.row()
	}
}

// appendCSVValues appends a comma and the field of each of attrs.
func appendCSVValues[V graph.AttrValues](dst []byte, attrs []graph.Attr, values V) []byte {
	for _, a := range attrs {
		dst = append(dst, ',')
		v := values.Get(a.Name)
		var ok bool
		if dst, ok = appendScalar(dst, a.Kind, v); !ok {
			dst = appendCSVField(dst, toString(v))
		}
	}
	return dst
}

// appendCSVField appends s, cleaned, as a CSV field, quoted when it holds a
// comma, a double quote, a tab or a line break, or starts or ends with a
// space.
func appendCSVField(dst []byte, s string) []byte {
	s = cleanText(s)
	quote := s != "" && (s[0] == ' ' || s[len(s)-1] == ' ') ||
		strings.ContainsAny(s, ",\"\r\n\t")
	if !quote {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		dst = append(append(dst, s[:i+1]...), '"')
		s = s[i+1:]
	}
	return append(append(dst, s...), '"')
}
