package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// statsDB builds testdata/articles into a fresh store and returns its path.
func statsDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "news.db")
	if code, _, stderr := runCLI(t, "", "build", "testdata/articles", "--db", db); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	return db
}

// tsvRows parses stats' piped output, checking its header.
func tsvRows(t *testing.T, out string) [][]string {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "measure\trank\tactor\ttype\tvalue\tid" {
		t.Fatalf("header %q", lines[0])
	}
	var rows [][]string
	for _, l := range lines[1:] {
		r := strings.Split(l, "\t")
		if len(r) != 6 {
			t.Fatalf("row %q has %d fields, want 6", l, len(r))
		}
		rows = append(rows, r)
	}
	return rows
}

// summaryRE is the summary stats writes on stderr.
var summaryRE = regexp.MustCompile(`^(relations|comention) graph: (\d+) actors, (\d+) edges, (\d+) components, (\d+) communities, modularity -?\d\.\d{4}`)

func TestStats(t *testing.T) {
	db := statsDB(t)

	code, out, stderr := runCLI(t, "", "stats", "--db", db, "--by", "all", "-n", "0")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, stderr)
	}
	m := summaryRE.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("stderr lacks the summary line:\n%s", stderr)
	}
	actors, _ := strconv.Atoi(m[2])
	rows := tsvRows(t, out)
	byMeasure := map[string][][]string{}
	for _, r := range rows {
		byMeasure[r[0]] = append(byMeasure[r[0]], r)
	}
	for _, measure := range statsMeasures() {
		rs := byMeasure[measure]
		if len(rs) != actors {
			t.Errorf("%s: %d rows, want one per actor (%d)", measure, len(rs), actors)
		}
		for i, r := range rs {
			if r[1] != strconv.Itoa(i+1) {
				t.Errorf("%s row %d has rank %s", measure, i, r[1])
			}
			if i > 0 {
				prev, _ := strconv.ParseFloat(rs[i-1][4], 64)
				cur, _ := strconv.ParseFloat(r[4], 64)
				if cur > prev || cur == prev && r[5] < rs[i-1][5] {
					t.Errorf("%s: row %d (%s %v) out of order after %s %v", measure, i, r[5], cur, rs[i-1][5], prev)
				}
			}
		}
	}
	value := func(measure, id string) float64 {
		t.Helper()
		for _, r := range byMeasure[measure] {
			if r[5] == id {
				v, err := strconv.ParseFloat(r[4], 64)
				if err != nil {
					t.Fatal(err)
				}
				return v
			}
		}
		t.Fatalf("no %s for %s", measure, id)
		return 0
	}
	// "Kari Vestby met ... Daniel Muriuki", "Muriuki urged the United
	// Nations": Muriuki lies on the path from Vestby to the UN.
	if b := value("betweenness", "daniel-muriuki"); b < 1 {
		t.Errorf("betweenness(daniel-muriuki) = %v, want at least 1", b)
	}
	// Mentions are the store's: the same as `query actors`.
	_, q, _ := runCLI(t, "", "query", "actors", "--db", db)
	for _, l := range strings.Split(strings.TrimSpace(q), "\n")[1:] {
		f := strings.Split(l, "\t")
		if !slices.ContainsFunc(byMeasure["mentions"], func(r []string) bool { return r[5] == f[6] }) {
			continue // an actor without edges is not in the graph
		}
		if got := value("mentions", f[6]); strconv.Itoa(int(got)) != f[2] {
			t.Errorf("mentions(%s) = %v, query actors says %s", f[6], got, f[2])
		}
	}
	// PageRank sums to 1 over the whole graph.
	total := 0.0
	for _, r := range byMeasure["pagerank"] {
		v, _ := strconv.ParseFloat(r[4], 64)
		total += v
	}
	if total < 0.9999 || total > 1.0001 {
		t.Errorf("PageRank sums to %v", total)
	}

	// The default: the top 20 by PageRank.
	code, out, _ = runCLI(t, "", "stats", "--db", db)
	if rows := tsvRows(t, out); code != 0 || len(rows) != min(20, actors) || rows[0][0] != "pagerank" {
		t.Errorf("default stats: exit %d, %d rows:\n%s", code, len(rows), out)
	}

	// Co-mentions by article: no hub or authority.
	code, out, stderr = runCLI(t, "", "stats", "--db", db, "--graph", "comention", "--window", "article", "--by", "all", "-n", "2")
	if code != 0 || !strings.HasPrefix(stderr, "comention graph: ") {
		t.Fatalf("comention stats: exit %d: %s", code, stderr)
	}
	for _, r := range tsvRows(t, out) {
		if r[0] == "hub" || r[0] == "authority" {
			t.Errorf("comention stats ranks by %s", r[0])
		}
	}

	// The ego network of Muriuki: him and his neighbours, fewer than all.
	code, out, stderr = runCLI(t, "", "stats", "--db", db, "--ego", "daniel muriuki", "--by", "degree", "-n", "0")
	if code != 0 {
		t.Fatalf("ego stats: exit %d: %s", code, stderr)
	}
	var ids []string
	for _, r := range tsvRows(t, out) {
		ids = append(ids, r[5])
	}
	for _, id := range []string{"daniel-muriuki", "kari-vestby", "united-nations"} {
		if !slices.Contains(ids, id) {
			t.Errorf("ego network %v lacks %s", ids, id)
		}
	}
	if len(ids) >= actors {
		t.Errorf("ego network has %d actors, the whole graph %d", len(ids), actors)
	}
}

func TestStatsAligned(t *testing.T) {
	db := statsDB(t)
	var out, errb bytes.Buffer
	s := streams{out: &out, err: &errb}
	opts := statsOptions{db: db, by: "degree", limit: 3}
	opts.graph.add(&cobra.Command{Use: "stats"}) // the flags' defaults
	if err := runStats(context.Background(), s, opts, true); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 5 || lines[0] != "Top actors by degree" ||
		!regexp.MustCompile(`^#\s+actor\s+type\s+degree\s+id$`).MatchString(lines[1]) ||
		!regexp.MustCompile(`^1\s+\S.*\s+(PERSON|ORG|GPE)\s+\d+\s+\S+$`).MatchString(lines[2]) || strings.Contains(out.String(), "\t") {
		t.Errorf("aligned output:\n%s", out.String())
	}
}

func TestStatsErrors(t *testing.T) {
	db := statsDB(t)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"bad measure", []string{"--by", "fame"}, 2, `--by "fame"`},
		{"hub undirected", []string{"--graph", "comention", "--by", "hub"}, 2, "needs the directed graph"},
		{"bad graph", []string{"--graph", "tree"}, 2, "unknown graph kind"},
		{"bad window", []string{"--graph", "comention", "--window", "page"}, 2, "unknown co-mention window"},
		{"window on relations", []string{"--window", "article"}, 2, "--window applies to --graph comention"},
		{"multi on comention", []string{"--graph", "comention", "--multi"}, 2, "--multi applies to --graph relations"},
		{"bad event", []string{"--event", "CONSULT,HUG"}, 2, `unknown event type "HUG"`},
		{"bad type", []string{"--type", "LOC"}, 2, `unknown actor type "LOC"`},
		{"bad date", []string{"--since", "March"}, 2, "want YYYY-MM-DD"},
		{"dates reversed", []string{"--since", "2025-03-01", "--until", "2025-02-01"}, 2, "after until"},
		{"bad depth", []string{"--ego", "Kenya", "--depth", "0"}, 2, "--depth 0"},
		{"depth without ego", []string{"--depth", "2"}, 2, "--depth needs --ego"},
		{"negative top", []string{"--top", "-3"}, 2, "negative top"},
		{"negative n", []string{"-n", "-1"}, 2, "-n -1"},
		{"unknown ego", []string{"--ego", "Atlantis"}, 1, `unknown actor "Atlantis"`},
		{"nothing left", []string{"--event", "FIGHT"}, 1, "no actors in this graph"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", append([]string{"stats", "--db", db}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", code, stderr, tt.code, tt.msg)
			}
		})
	}
	if code, _, stderr := runCLI(t, "", "stats", "--db", "/nonexistent/db"); code != 1 || !strings.Contains(stderr, "no store at") {
		t.Errorf("no store: exit %d: %s", code, stderr)
	}
	code, out, _ := runCLI(t, "", "stats", "--help")
	if code != 0 || !strings.Contains(out, "Examples:") || !strings.Contains(out, "Exit status") || !strings.Contains(out, "--ego") {
		t.Errorf("stats --help: exit %d:\n%s", code, out)
	}
}

func TestExportGraphFlags(t *testing.T) {
	db := statsDB(t)
	full := filepath.Join(t.TempDir(), "full.graphml")
	if code, _, stderr := runCLI(t, "", "export", "--db", db, "-o", full); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	allNodes, _ := checkGraphML(t, full)
	ego := filepath.Join(t.TempDir(), "ego.graphml")
	code, _, stderr := runCLI(t, "", "export", "--db", db, "--ego", "Daniel Muriuki", "--top", "2", "-o", ego)
	if code != 0 {
		t.Fatalf("export --ego --top: exit %d: %s", code, stderr)
	}
	if nodes, _ := checkGraphML(t, ego); nodes != 2 || nodes >= allNodes {
		t.Errorf("export --ego --top 2: %d nodes (whole graph %d), want 2", nodes, allNodes)
	}
	code, out, stderr := runCLI(t, "", "export", "--db", db, "--graph", "comention", "--window", "article", "--min-weight", "1")
	if code != 0 || !strings.Contains(out, `attr.name="pmi"`) || !strings.Contains(out, `attr.name="jaccard"`) {
		t.Errorf("export comention by article: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "", "export", "--db", db, "--multi", "--graph", "comention"); code != 2 || !strings.Contains(stderr, "--multi") {
		t.Errorf("export --multi --graph comention: exit %d, %s", code, stderr)
	}
}
