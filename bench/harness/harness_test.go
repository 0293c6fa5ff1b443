package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSmoke runs the whole harness on a tiny corpus and graph, so that CI
// notices when a command, an output format or a reference it relies on
// changes. It takes a few seconds once the build cache is warm.
func TestSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds newsgraph and runs every step")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out := filepath.Join(t.TempDir(), "results.md")
	var stdout, stderr bytes.Buffer
	args := []string{"--articles", "12", "--graphs", "200", "--query-runs", "3", "--parallel-runs", "2", "--parallel-articles", "12", "--package-benches=false", "--out", out, "--work", t.TempDir()}
	if err := run(ctx, args, &stdout, &stderr); err != nil {
		t.Fatalf("harness: %v\n%s", err, stderr.String())
	}
	report, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(report, stdout.Bytes()) {
		t.Error("the report printed differs from the one written")
	}
	for _, want := range []string{
		"- command: `go run ./bench/harness --articles 12", "### Corpus", "### Extraction\n", "### Build", "### No-change rebuild",
		"### Parallelism", "### Queries", "`query evidence X Y`", "### Export", "| gexf", "### Extraction reference: prose v2",
		"### Graph analysis: 200 nodes, 1,000 edges", "| gonum", "graph.Analyse (every measure)",
	} {
		if !strings.Contains(string(report), want) {
			t.Errorf("no %q in the report:\n%s", want, report)
		}
	}
	for _, row := range []string{"build", "CPU loop (reference)", "memory loop (reference)"} {
		if !regexp.MustCompile(`\n\| ` + regexp.QuoteMeta(row) + ` +\| 2 +\|`).Match(report) {
			t.Errorf("no row for %s on 2 cores in the report:\n%s", row, report)
		}
	}
	if strings.Contains(string(report), "NaN") || strings.Contains(string(report), "Inf") {
		t.Errorf("a figure is not a number:\n%s", report)
	}
}

func TestParseSizes(t *testing.T) {
	got, err := parseSizes("10k, 1000,100,1M,1000")
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{100, 1000, 10_000, 1_000_000}; !slices.Equal(got, want) {
		t.Errorf("parseSizes = %v, want %v", got, want)
	}
	for _, bad := range []string{"", "x", "-5", "10kb"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q): no error", bad)
		}
	}
}

func TestQuantile(t *testing.T) {
	l := &latency{}
	for i := 100; i >= 1; i-- {
		l.runs = append(l.runs, time.Duration(i)*time.Millisecond)
	}
	if m, p := l.quantile(0.5), l.quantile(0.99); m != 50*time.Millisecond || p != 99*time.Millisecond {
		t.Errorf("median %s, p99 %s; want 50ms, 99ms", m, p)
	}
	l.runs = l.runs[:3] // 100, 99, 98 ms
	if p := l.quantile(0.99); p != 100*time.Millisecond {
		t.Errorf("p99 of 3 runs %s, want the largest", p)
	}
}

func TestFormats(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{fsig(1234.5), "1234"}, {fsig(12.345), "12.3"}, {fsig(1.2345), "1.23"}, {fsig(0.12345), "0.123"},
		{fsig(0.0012345), "0.0012"}, {count(1234567), "1,234,567"}, {count(12), "12"}, {ratio(1, 4), "0.250"},
		{ratio(1, 0), "–"}, {ratio(1, 1000), "0.001"}, {sizeLabel(10_000), "10k"}, {sizeLabel(1500), "1500"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	tb := &table{title: "T", head: []string{"a", "bb"}}
	tb.add("xyz", "1")
	want := "### T\n\n| a   | bb |\n|-----|----|\n| xyz | 1  |\n"
	if got := tb.markdown(); got != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", got, want)
	}
}
