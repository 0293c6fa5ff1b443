package export

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format
		err  bool
	}{
		{"graphml", FormatGraphML, false},
		{"GEXF", FormatGEXF, false},
		{" csv ", FormatCSV, false},
		{"Json", FormatJSON, false},
		{"dot", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.err)
		}
		if err != nil && !strings.Contains(err.Error(), "graphml, gexf, csv, json") {
			t.Errorf("ParseFormat(%q) error %q does not list the formats", tt.in, err)
		}
	}
}

func TestFormatOfPath(t *testing.T) {
	tests := []struct {
		path string
		want Format
		ok   bool
	}{
		{"actors.graphml", FormatGraphML, true},
		{"out/Actors.GEXF", FormatGEXF, true},
		{"a.json", FormatJSON, true},
		{"nodes.csv", "", false}, // CSV is a folder
		{"actors.xml", "", false},
		{"", "", false},
		{"-", "", false},
	}
	for _, tt := range tests {
		if got, ok := FormatOfPath(tt.path); got != tt.want || ok != tt.ok {
			t.Errorf("FormatOfPath(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

// TestFormatWrite checks that Format.Write gives each writer's output, and
// refuses CSV and unknown formats.
func TestFormatWrite(t *testing.T) {
	n := actorNetwork()
	tests := []struct {
		f     Format
		write func(io.Writer, *graph.Network) error // nil: Write must fail
	}{
		{FormatGraphML, GraphML},
		{FormatGEXF, GEXF},
		{FormatJSON, JSON},
		{FormatCSV, nil},
		{Format("dot"), nil},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		err := tt.f.Write(&buf, n)
		if tt.write == nil {
			if err == nil || buf.Len() != 0 {
				t.Errorf("%s: Write wrote %d bytes, error %v; want an error and nothing", tt.f, buf.Len(), err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.f, err)
		}
		if want := writeWith(t, tt.write, n); !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s: Write differs from the format's writer", tt.f)
		}
		if !tt.f.OneFile() {
			t.Errorf("%s: OneFile = false", tt.f)
		}
	}
	if FormatCSV.OneFile() {
		t.Error("csv: OneFile = true")
	}
}
