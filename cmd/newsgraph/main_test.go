package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/testshared"
)

// runCLI runs the command line and returns its exit status, stdout and
// stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, streams{in: strings.NewReader(stdin), out: &out, err: &errb})
	return code, out.String(), errb.String()
}

func TestExtractJSONLines(t *testing.T) {
	code, out, stderr := runCLI(t, "", "extract", "testdata/articles/harbour.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) == 0 || lines[0] == "" {
		t.Fatal("no triples")
	}
	// The fields the extract command promises, pinned.
	want := []string{"doc", "sentence", "subject", "subject_type", "predicate", "object", "object_type",
		"event", "negated", "hypothetical", "confidence", "date"}
	found := map[string]bool{}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		for _, k := range want {
			if _, ok := m[k]; !ok {
				t.Errorf("line %q lacks %q", l, k)
			}
		}
		if m["doc"] != "harbour" || m["date"] != "2025-02-03" {
			t.Errorf("doc/date = %v/%v, want harbour/2025-02-03", m["doc"], m["date"])
		}
		found[m["subject"].(string)+" "+m["predicate"].(string)+" "+m["object"].(string)] = true
	}
	for _, tr := range []string{"Kari Vestby meet Daniel Muriuki", "European Union impose Coral Bay Front", "Daniel Muriuki urge United Nations"} {
		if !found[tr] {
			t.Errorf("missing triple %q; got %v", tr, found)
		}
	}
}

func TestBuildTwiceExportQuery(t *testing.T) {
	db := filepath.Join(t.TempDir(), "news.db")
	code, out, stderr := runCLI(t, "", "build", "testdata/articles", "--db", db)
	if code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "3 read, 3 new, 0 changed, 0 unchanged") {
		t.Errorf("first build summary:\n%s", out)
	}
	code, out, stderr = runCLI(t, "", "build", "--db", db, "testdata/articles")
	if code != 0 {
		t.Fatalf("second build: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "3 read, 0 new, 0 changed, 3 unchanged") {
		t.Errorf("second build should change nothing:\n%s", out)
	}

	graphml := filepath.Join(t.TempDir(), "g.graphml")
	code, _, stderr = runCLI(t, "", "export", "--db", db, "--format", "graphml", "-o", graphml)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	nodes, edges := checkGraphML(t, graphml)
	if nodes < 5 || edges < 4 {
		t.Errorf("relations graph has %d nodes, %d edges; want at least 5 and 4", nodes, edges)
	}
	code, out, stderr = runCLI(t, "", "export", "--db", db, "--graph", "comention")
	if code != 0 || !strings.Contains(out, `edgedefault="undirected"`) {
		t.Errorf("comention export to stdout: exit %d, %s", code, stderr)
	}

	code, out, stderr = runCLI(t, "", "query", "actors", "--db", db)
	if code != 0 {
		t.Fatalf("query actors: exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "actor\ttype\tmentions\t") || !strings.Contains(out, "Kenya\tGPE\t") {
		t.Errorf("query actors (piped: TSV with header):\n%s", out)
	}
}

func TestDemo(t *testing.T) {
	out := filepath.Join(t.TempDir(), "demo.graphml")
	code, stdout, stderr := runCLI(t, "", "demo", "-o", out)
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	for _, s := range []string{"Top actors by PageRank", "Strongest relations", "Wrote " + out} {
		if !strings.Contains(stdout, s) {
			t.Errorf("demo output lacks %q:\n%s", s, stdout)
		}
	}
	nodes, edges := checkGraphML(t, out)
	if nodes < 15 || edges < 20 {
		t.Errorf("demo graph has %d nodes and %d edges; want at least 15 and 20", nodes, edges)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"missing path", []string{"extract", "no/such/file.txt"}, 1, "no/such/file.txt"},
		{"no args", []string{"build"}, 2, "missing PATH"},
		{"bad flag", []string{"export", "--bogus"}, 2, "unknown flag"},
		{"bad format", []string{"export", "--format", "pdf"}, 2, "supported formats"},
		{"bad graph", []string{"export", "--graph", "tree"}, 2, "unknown graph kind"},
		{"no store", []string{"query", "actors", "--db", "/nonexistent/db"}, 1, "no store at /nonexistent/db"},
		{"bad split", []string{"extract", "--split-on", "(", "x.txt"}, 2, "--split-on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", code, stderr, tt.code, tt.msg)
			}
			if strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("error message is not one line: %q", stderr)
			}
		})
	}
}

func TestHelpHasExamples(t *testing.T) {
	for _, cmd := range [][]string{{"extract"}, {"build"}, {"export"}, {"query"}, {"query", "actors"}, {"demo"}} {
		code, out, _ := runCLI(t, "", append(cmd, "--help")...)
		if code != 0 || !strings.Contains(out, "Examples:") || !strings.Contains(out, "Exit status") {
			t.Errorf("%v --help: exit %d, lacks examples or exit statuses:\n%s", cmd, code, out)
		}
	}
}

func TestBuildSharedCorpusTwice(t *testing.T) {
	dir := testshared.Path(t, "corpus/articles")
	if testing.Short() {
		t.Skip("skipping the shared-corpus build in -short mode")
	}
	db := filepath.Join(t.TempDir(), "news.db")
	code, out, stderr := runCLI(t, "", "build", dir, "--db", db)
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	t.Log(out)
	code, out, stderr = runCLI(t, "", "build", dir, "--db", db)
	if code != 0 || !strings.Contains(out, " 0 new, 0 changed, ") {
		t.Fatalf("second build changed something: exit %d\n%s%s", code, out, stderr)
	}
}

// checkGraphML parses a GraphML file, validates it against the official
// schema when xmllint is installed, and returns its node and edge counts.
func checkGraphML(t *testing.T, path string) (nodes, edges int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "node":
				nodes++
			case "edge":
				edges++
			}
		}
	}
	script := testshared.Path(t, "schemas/validate-graphml.sh")
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Log("schema validation skipped: xmllint not installed (apt-get install libxml2-utils)")
		return nodes, edges
	}
	if out, err := exec.Command("sh", script, path).CombinedOutput(); err != nil {
		t.Errorf("GraphML schema validation failed: %v\n%s", err, out)
	}
	return nodes, edges
}
