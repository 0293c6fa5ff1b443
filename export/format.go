package export

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Format is an output format, named as on the command line.
type Format string

// Output formats.
const (
	FormatGraphML Format = "graphml" // GraphML: one file
	FormatGEXF    Format = "gexf"    // GEXF 1.3: one file
	FormatCSV     Format = "csv"     // Gephi spreadsheet CSV: nodes.csv and edges.csv in a folder
	FormatJSON    Format = "json"    // graphology JSON: one file
)

// Formats lists the formats in the order help texts name them.
func Formats() []Format { return []Format{FormatGraphML, FormatGEXF, FormatCSV, FormatJSON} }

// ParseFormat returns the Format named s, ignoring case.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Formats() {
		if f == known {
			return f, nil
		}
	}
	return "", fmt.Errorf("export: unknown format %q: supported formats: graphml, gexf, csv, json", s)
}

// FormatOfPath returns the single-file format that path's extension names
// (.graphml, .gexf, .json, ignoring case), and false for any other.
func FormatOfPath(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".graphml":
		return FormatGraphML, true
	case ".gexf":
		return FormatGEXF, true
	case ".json":
		return FormatJSON, true
	}
	return "", false
}

// OneFile reports whether f writes a single document, to a file or a
// stream; CSV writes two files into a folder (WriteCSV).
func (f Format) OneFile() bool { return f != FormatCSV }

// Write writes n to w in the single-file format f. It fails for CSV, which
// needs two files: use WriteCSV, or CSVNodes and CSVEdges.
func (f Format) Write(w io.Writer, n *graph.Network) error {
	switch f {
	case FormatGraphML:
		return GraphML(w, n)
	case FormatGEXF:
		return GEXF(w, n)
	case FormatJSON:
		return JSON(w, n)
	case FormatCSV:
		return fmt.Errorf("export: csv writes two files (nodes.csv and edges.csv): use WriteCSV")
	}
	return fmt.Errorf("export: unknown format %q", string(f))
}
