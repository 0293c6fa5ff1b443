package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// wantCSVNodes returns the table CSVNodes should write for n, as
// encoding/csv reads it back.
func wantCSVNodes(n *graph.Network) [][]string {
	ids := wantNodeIDs(n)
	header := append([]string{"Id", "Label"}, uniqueNames(n.NodeAttrs, []string{"id", "label"})...)
	rows := [][]string{header}
	for i, nd := range n.Nodes {
		row := []string{ids[i], stripIllegal(nd.Label)}
		for _, a := range n.NodeAttrs {
			row = append(row, wantField(a.Kind, nd.Attrs[a.Name]))
		}
		rows = append(rows, row)
	}
	return rows
}

// wantCSVEdges returns the table CSVEdges should write for n, as
// encoding/csv reads it back.
func wantCSVEdges(n *graph.Network) [][]string {
	ids := wantNodeIDs(n)
	header := append([]string{"Source", "Target", "Type", "Id", "Label", "Weight"},
		uniqueNames(n.EdgeAttrs, []string{"source", "target", "type", "id", "label", "weight"})...)
	typ := "Undirected"
	if n.Directed {
		typ = "Directed"
	}
	rows := [][]string{header}
	for j, e := range n.Edges {
		row := []string{ids[e.From], ids[e.To], typ, "e" + strconv.Itoa(j), stripIllegal(e.Label),
			strconv.FormatFloat(wantWeight(e.Weight), 'g', -1, 64)}
		for _, a := range n.EdgeAttrs {
			row = append(row, wantField(a.Kind, e.Attrs.Get(a.Name)))
		}
		rows = append(rows, row)
	}
	return rows
}

// readCSV parses out with encoding/csv, strictly: every record with the
// header's number of fields, quotes only where RFC 4180 allows them.
func readCSV(t testing.TB, out []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(out))
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("output is not valid CSV: %v\n%s", err, out)
	}
	return records
}

// checkCSV checks that CSVNodes and CSVEdges write n as the expected
// tables, and that every line break is inside a quoted field.
func checkCSV(t testing.TB, n *graph.Network) {
	t.Helper()
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer, *graph.Network) error
		want  [][]string
	}{
		{"nodes", func(b *bytes.Buffer, n *graph.Network) error { return CSVNodes(b, n) }, wantCSVNodes(n)},
		{"edges", func(b *bytes.Buffer, n *graph.Network) error { return CSVEdges(b, n) }, wantCSVEdges(n)},
	} {
		var buf bytes.Buffer
		if err := tt.write(&buf, n); err != nil {
			t.Fatalf("CSV %s: %v", tt.name, err)
		}
		got := readCSV(t, buf.Bytes())
		// encoding/csv turns \r\n inside quoted fields into \n.
		for _, row := range tt.want {
			for k := range row {
				row[k] = strings.ReplaceAll(row[k], "\r\n", "\n")
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("CSV %s mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestCSVGolden(t *testing.T) {
	checkGolden(t, "actors.nodes.csv", writeWith(t, CSVNodes, actorNetwork()))
	checkGolden(t, "actors.edges.csv", writeWith(t, CSVEdges, actorNetwork()))
}

func TestCSVReadBack(t *testing.T) {
	for _, tt := range schemaNetworks() {
		t.Run(tt.name, func(t *testing.T) {
			checkCSV(t, tt.n)
		})
	}
}

func TestCSVField(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain", "plain"},
		{"", ""},
		{"a,b", `"a,b"`},
		{`say "hi"`, `"say ""hi"""`},
		{`"`, `""""`},
		{"two\nlines", "\"two\nlines\""},
		{"cr\rlf", "\"cr\rlf\""},
		{"tab\there", "\"tab\there\""},
		{" lead", `" lead"`},
		{"trail ", `"trail "`},
		{"in side", "in side"},
		{"nul\x00bel\x07", "nulbel"},
		{"bad\xff\xfeutf8", "badutf8"},
		{"Ana María", "Ana María"},
		{"'quote'", "'quote'"},
		{"=1+2", "=1+2"},
	}
	for _, tt := range tests {
		if got := string(appendCSVField(nil, tt.in)); got != tt.want {
			t.Errorf("appendCSVField(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCSVTypeColumn(t *testing.T) {
	for _, directed := range []bool{true, false} {
		n := randomNetwork(7, 5, 5, directed)
		rows := readCSV(t, writeWith(t, CSVEdges, n))
		want := map[bool]string{true: "Directed", false: "Undirected"}[directed]
		for _, row := range rows[1:] {
			if row[2] != want {
				t.Errorf("directed=%v: Type %q, want %q", directed, row[2], want)
			}
		}
	}
}

func TestWriteCSV(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the -o folder
		err   string                                // "" for success
	}{
		{"existing folder", func(t *testing.T, dir string) string { return dir }, ""},
		{"new nested folder", func(t *testing.T, dir string) string { return filepath.Join(dir, "a", "b") }, ""},
		{"replace old files", func(t *testing.T, dir string) string {
			for _, f := range []string{CSVNodesFile, CSVEdgesFile} {
				if err := os.WriteFile(filepath.Join(dir, f), []byte("old\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			return dir
		}, ""},
		{"a file, not a folder", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "graph.csv")
			if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}, "not a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := tt.setup(t, t.TempDir())
			n := actorNetwork()
			err := WriteCSV(out, n)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("WriteCSV error = %v, want one mentioning %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("WriteCSV: %v", err)
			}
			if names := dirEntries(t, out); !slices.Equal(names, []string{CSVEdgesFile, CSVNodesFile}) {
				t.Errorf("folder holds %q, want edges.csv and nodes.csv only", names)
			}
			for file, want := range map[string][]byte{
				CSVNodesFile: writeWith(t, CSVNodes, n),
				CSVEdgesFile: writeWith(t, CSVEdges, n),
			} {
				got, err := os.ReadFile(filepath.Join(out, file))
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s holds %d bytes (%v), want %d", file, len(got), err, len(want))
				}
			}
		})
	}
}

func TestWriteCSVInvalid(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	err := WriteCSV(dir, &graph.Network{Edges: []graph.Edge{{From: 0, To: 1}}})
	if !errors.Is(err, ErrInvalidNetwork) {
		t.Fatalf("WriteCSV error = %v, want ErrInvalidNetwork", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("WriteCSV created %s for an invalid network", dir)
	}
}

func FuzzCSV(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, label1, label2, name, value string, i int64, fl float64, directed bool) {
		checkCSV(t, fuzzNetwork(label1, label2, name, value, i, fl, directed))
	})
}

// TestWantField pins the test oracle's CSV formatting of the odd values.
func TestWantField(t *testing.T) {
	tests := []struct {
		kind graph.AttrKind
		v    any
		want string
	}{
		{graph.Double, math.NaN(), "0"},
		{graph.Double, 1e21, "1e+21"},
		{graph.Int, int64(math.MaxInt64), "2147483647"},
		{graph.Bool, "1", "true"},
		{graph.String, []string{"a", "b"}, "a; b"},
		{graph.String, nil, ""},
	}
	for _, tt := range tests {
		if got := wantField(tt.kind, tt.v); got != tt.want {
			t.Errorf("wantField(%v, %#v) = %q, want %q", tt.kind, tt.v, got, tt.want)
		}
	}
}
