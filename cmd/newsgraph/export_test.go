package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/testshared"
)

// buildTestStore builds testdata/articles into a new store and returns its
// path.
func buildTestStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "news.db")
	if code, _, stderr := runCLI(t, "", "build", "testdata/articles", "--db", db); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	return db
}

// TestExportFormats builds the test articles and exports the relations
// graph in every format, to files and to standard output, and checks that
// each output is valid and holds the same actors and relations.
func TestExportFormats(t *testing.T) {
	db := buildTestStore(t)
	dir := t.TempDir()

	graphml := filepath.Join(dir, "g.graphml")
	if code, _, stderr := runCLI(t, "", "export", "--db", db, "--format", "graphml", "-o", graphml); code != 0 {
		t.Fatalf("export graphml: exit %d: %s", code, stderr)
	}
	nodes, edges := checkGraphML(t, graphml)
	if nodes < 5 || edges < 4 {
		t.Fatalf("relations graph has %d nodes, %d edges; want at least 5 and 4", nodes, edges)
	}

	t.Run("gexf file from extension", func(t *testing.T) {
		path := filepath.Join(dir, "g.gexf")
		code, stdout, stderr := runCLI(t, "", "export", "--db", db, "-o", path)
		if code != 0 || stdout != "" || !strings.Contains(stderr, "wrote "+path) {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		checkGEXFOutput(t, b, nodes, edges)
		validateGEXFFile(t, path)
	})
	t.Run("gexf stdout", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, "", "export", "--db", db, "--format", "GEXF")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		checkGEXFOutput(t, []byte(stdout), nodes, edges)
	})
	t.Run("csv folder", func(t *testing.T) {
		out := filepath.Join(dir, "csv", "relations")
		code, _, stderr := runCLI(t, "", "export", "--db", db, "--format", "csv", "-o", out)
		if code != 0 || !strings.Contains(stderr, "nodes.csv and edges.csv in "+out) {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		nodeRows := readCSVFile(t, filepath.Join(out, "nodes.csv"))
		edgeRows := readCSVFile(t, filepath.Join(out, "edges.csv"))
		if len(nodeRows)-1 != nodes || len(edgeRows)-1 != edges {
			t.Errorf("csv has %d nodes and %d edges, want %d and %d", len(nodeRows)-1, len(edgeRows)-1, nodes, edges)
		}
		if h := strings.Join(nodeRows[0][:2], ","); h != "Id,Label" {
			t.Errorf("nodes.csv header starts %q, want Id,Label", h)
		}
		if h := strings.Join(edgeRows[0][:6], ","); h != "Source,Target,Type,Id,Label,Weight" {
			t.Errorf("edges.csv header starts %q", h)
		}
		ids := map[string]bool{}
		for _, row := range nodeRows[1:] {
			ids[row[0]] = true
		}
		for _, row := range edgeRows[1:] {
			if !ids[row[0]] || !ids[row[1]] || row[2] != "Directed" {
				t.Errorf("edge row %q: unknown endpoint or not Directed", row)
			}
		}
	})
	t.Run("json stdout", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, "", "export", "--db", db, "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var g struct {
			Options struct {
				Type string `json:"type"`
			} `json:"options"`
			Nodes []struct {
				Key        string         `json:"key"`
				Attributes map[string]any `json:"attributes"`
			} `json:"nodes"`
			Edges []struct {
				Source, Target string
				Attributes     map[string]any `json:"attributes"`
			} `json:"edges"`
		}
		if err := json.Unmarshal([]byte(stdout), &g); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, stdout)
		}
		if g.Options.Type != "directed" || len(g.Nodes) != nodes || len(g.Edges) != edges {
			t.Errorf("type %q, %d nodes, %d edges; want directed, %d and %d", g.Options.Type, len(g.Nodes), len(g.Edges), nodes, edges)
		}
		keys := map[string]bool{}
		for _, nd := range g.Nodes {
			keys[nd.Key] = true
			if _, ok := nd.Attributes["label"].(string); !ok {
				t.Errorf("node %q has no label", nd.Key)
			}
		}
		for _, e := range g.Edges {
			if !keys[e.Source] || !keys[e.Target] {
				t.Errorf("edge %s → %s: unknown endpoint", e.Source, e.Target)
			}
			if w, ok := e.Attributes["weight"].(float64); !ok || w < 1 {
				t.Errorf("edge %s → %s: weight %v", e.Source, e.Target, e.Attributes["weight"])
			}
		}
	})
	t.Run("json file", func(t *testing.T) {
		path := filepath.Join(dir, "g.json")
		if code, _, stderr := runCLI(t, "", "export", "--db", db, "--format", "json", "-o", path); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		b, err := os.ReadFile(path)
		if err != nil || !json.Valid(b) {
			t.Errorf("%s is not valid JSON (%v)", path, err)
		}
	})
}

func TestExportUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"csv to stdout", []string{"export", "--format", "csv"}, "-o DIR"},
		{"csv to dash", []string{"export", "--format", "csv", "-o", "-"}, "-o DIR"},
		{"unknown format", []string{"export", "--format", "dot"}, "supported formats: graphml, gexf, csv, json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// --db points nowhere: a usage error must come before the store is opened.
			args := append(tt.args, "--db", filepath.Join(t.TempDir(), "none"))
			code, stdout, stderr := runCLI(t, "", args...)
			if code != exitUsage || !strings.Contains(stderr, tt.msg) || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d mentioning %q", code, stdout, stderr, exitUsage, tt.msg)
			}
			if strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("error message is not one line: %q", stderr)
			}
		})
	}
}

// checkGEXFOutput checks that b is a GEXF 1.3 document with the given
// numbers of nodes and edges, dynamic because the test articles are dated.
func checkGEXFOutput(t *testing.T, b []byte, nodes, edges int) {
	t.Helper()
	var doc struct {
		XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
		Graph   struct {
			Mode  string `xml:"mode,attr"`
			Type  string `xml:"defaultedgetype,attr"`
			Nodes []struct {
				Start string `xml:"start,attr"`
			} `xml:"nodes>node"`
			Edges []struct {
				Weight string `xml:"weight,attr"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("not GEXF 1.3: %v\n%s", err, b)
	}
	g := doc.Graph
	if g.Mode != "dynamic" || g.Type != "directed" || len(g.Nodes) != nodes || len(g.Edges) != edges {
		t.Errorf("mode %q, type %q, %d nodes, %d edges; want dynamic, directed, %d and %d",
			g.Mode, g.Type, len(g.Nodes), len(g.Edges), nodes, edges)
	}
	if len(g.Nodes) > 0 && g.Nodes[0].Start == "" {
		t.Errorf("first node has no start date")
	}
}

// validateGEXFFile validates path against the GEXF 1.3 grammar when
// xmllint is installed.
func validateGEXFFile(t *testing.T, path string) {
	t.Helper()
	script := testshared.Path(t, "schemas/validate-gexf.sh")
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Log("schema validation skipped: xmllint not installed (apt-get install libxml2-utils)")
		return
	}
	if out, err := exec.Command("bash", script, path).CombinedOutput(); err != nil {
		t.Errorf("GEXF schema validation failed: %v\n%s", err, out)
	}
}

// readCSVFile reads a CSV file with encoding/csv.
func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s is not CSV with a header: %v\n%s", path, err, b)
	}
	return rows
}

// TestExportGraphMLKeys checks the GraphML of a built graph against issue
// 4's list, as far as graph.Build promises it: label and weight keys Gephi
// reads, the actor and relation attributes, the measures used for colour
// and size, and no attribute named like a Gephi visual property.
func TestExportGraphMLKeys(t *testing.T) {
	db := buildTestStore(t)
	code, stdout, stderr := runCLI(t, "", "export", "--db", db, "--format", "graphml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Keys []struct {
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
		} `xml:"key"`
	}
	if err := xml.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, k := range doc.Keys {
		keys[k.For+"/"+k.Name] = true
		switch strings.ToLower(k.Name) {
		case "x", "y", "z", "xpos", "ypos", "size", "r", "g", "b", "color":
			t.Errorf("%s key %q is one Gephi reads as a visual property", k.For, k.Name)
		}
	}
	for _, want := range []string{
		"node/label", "node/actor_type", "node/aliases", "node/first_seen", "node/last_seen",
		"node/pagerank", "node/community",
		"edge/label", "edge/weight", "edge/predicate", "edge/event", "edge/first_date", "edge/last_date", "edge/evidence",
	} {
		if !keys[want] {
			t.Errorf("GraphML lacks the %s key", want)
		}
	}
}
