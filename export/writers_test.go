package export

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// writers are the package's streaming writers, by name.
func writers() []struct {
	name  string
	write func(io.Writer, *graph.Network) error
} {
	return []struct {
		name  string
		write func(io.Writer, *graph.Network) error
	}{
		{"graphml", GraphML},
		{"gexf", GEXF},
		{"csv-nodes", CSVNodes},
		{"csv-edges", CSVEdges},
		{"json", JSON},
	}
}

func TestWritersInvalid(t *testing.T) {
	two := []graph.Node{{Label: "a"}, {Label: "b"}}
	tests := []struct {
		name string
		n    *graph.Network
		want string
	}{
		{"nil", nil, "nil network"},
		{"negative source", &graph.Network{Nodes: two, Edges: []graph.Edge{{From: -1, To: 0}}}, "edge 0: source node index -1 out of range [0, 2)"},
		{"target past end", &graph.Network{Nodes: two, Edges: []graph.Edge{{From: 0, To: 1}, {From: 1, To: 2}}}, "edge 1: target node index 2 out of range [0, 2)"},
		{"edge without nodes", &graph.Network{Edges: []graph.Edge{{}}}, "edge 0: source node index 0 out of range [0, 0)"},
	}
	for _, w := range writers() {
		for _, tt := range tests {
			t.Run(w.name+"/"+tt.name, func(t *testing.T) {
				var buf bytes.Buffer
				err := w.write(&buf, tt.n)
				if !errors.Is(err, ErrInvalidNetwork) {
					t.Fatalf("error = %v, want one wrapping ErrInvalidNetwork", err)
				}
				if !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error = %q, want it to contain %q", err, tt.want)
				}
				if buf.Len() != 0 {
					t.Errorf("wrote %d bytes for an invalid network", buf.Len())
				}
			})
		}
	}
}

func TestWritersWriteError(t *testing.T) {
	errDisk := errors.New("disk full")
	big := buildLikeNetwork(5, 2000, 4000, true)
	tests := []struct {
		name  string
		n     *graph.Network
		limit int
	}{
		{"small at once", actorNetwork(), 0},
		{"small on flush", actorNetwork(), 100},
		{"large at once", big, 0},
		{"large mid-stream", big, 200 << 10},
	}
	for _, w := range writers() {
		for _, tt := range tests {
			t.Run(w.name+"/"+tt.name, func(t *testing.T) {
				err := w.write(&failWriter{limit: tt.limit, err: errDisk}, tt.n)
				if !errors.Is(err, errDisk) {
					t.Errorf("error = %v, want %v", err, errDisk)
				}
				if !strings.HasPrefix(err.Error(), "export: write ") {
					t.Errorf("error %q lacks context", err)
				}
			})
		}
	}
}

// TestEscaping writes awkward text (quotes, markup, separators, control
// characters, invalid UTF-8, non-characters, line separators) as keys,
// labels, attribute names and values in every format, and checks that each
// reader gets the cleaned text back from a valid document.
func TestEscaping(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"quotes", `say "hi" and 'bye'`},
		{"markup", "<b>Smith & Sons</b> ]]> &amp; &#0;"},
		{"separators", "a,b;c\td|e"},
		{"line breaks", "one\ntwo\r\nthree\rfour"},
		{"control characters", "nul\x00bel\x07esc\x1bdel\x7f"},
		{"invalid UTF-8", "bad\xff\xfe\xc3(\xed\xa0\x80end"},
		{"non-characters", "x\ufffe\uffffy\ufffd"},
		{"line separators", "ls\u2028ps\u2029"},
		{"backslashes", `C:\path\"x"\u0041`},
		{"white space only", " \t "},
		{"unicode", "Ana María 日本語 \U0001F600"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.text
			n := &graph.Network{
				Directed:  true,
				NodeAttrs: []graph.Attr{{Name: s, Kind: graph.String}, {Name: "aliases", Kind: graph.String}},
				EdgeAttrs: []graph.Attr{{Name: "evidence", Kind: graph.String}, {Name: s, Kind: graph.Int}},
				Nodes: []graph.Node{
					{Key: s + "1", Label: s, Attrs: map[string]any{s: s, "aliases": []string{s, s}}},
					{Key: "k", Label: "plain"},
				},
				Edges: []graph.Edge{{From: 0, To: 1, Weight: 1, Label: s, Attrs: graph.ValuesOf(map[string]any{"evidence": s, s: "7"})}},
			}
			checkDocument(t, writeWith(t, GraphML, n), n)
			checkGEXF(t, writeWith(t, GEXF, n), n)
			checkCSV(t, n)
			checkJSON(t, writeWith(t, JSON, n), n)
		})
	}
}

// BenchmarkWriters measures every format on a generated 10k-node,
// 50k-edge network with graph.Build's attributes, reporting MB/s of output.
func BenchmarkWriters(b *testing.B) {
	n := buildLikeNetwork(6, 10_000, 50_000, true)
	for _, w := range writers() {
		b.Run(w.name, func(b *testing.B) {
			var size countWriter
			if err := w.write(&size, n); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				if err := w.write(io.Discard, n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// countWriter counts the bytes written to it.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
