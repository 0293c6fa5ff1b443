package main

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/ingest"
)

// fakeClock is a clock tests move by hand.
type fakeClock struct{ t time.Time }

func newFakeClock() *fakeClock { return &fakeClock{t: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)} }

// now returns the clock's time.
func (c *fakeClock) now() time.Time { return c.t }

// add moves the clock on by d.
func (c *fakeClock) add(d time.Duration) { c.t = c.t.Add(d) }

// terminalIs is a terminal test that answers v for every writer.
func terminalIs(v bool) func(io.Writer) bool { return func(io.Writer) bool { return v } }

// countBars counts the bar redraws in terminal output.
func countBars(out string) int { return strings.Count(out, "\r\x1b[K") }

// lastBar returns what follows the last redraw in terminal output.
func lastBar(out string) string { return out[strings.LastIndex(out, "\r\x1b[K")+len("\r\x1b[K"):] }

// reporterFor returns a reporter writing to w, failing the test on an
// error.
func reporterFor(t *testing.T, w io.Writer, o reportOptions) *reporter {
	t.Helper()
	r, err := newReporter(w, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRenderBar(t *testing.T) {
	tests := []struct {
		name        string
		done, total int
		elapsed     time.Duration
		want        string
	}{
		{"start, total known", 0, 200, 0, "[>                   ]   0%  0/200 articles  0.0/s  ETA --:--"},
		{"half way", 100, 200, 10 * time.Second, "[==========>         ]  50%  100/200 articles  10.0/s  ETA 0:10"},
		{"done", 200, 200, 20 * time.Second, "[====================] 100%  200/200 articles  10.0/s  ETA 0:00"},
		{"hours left", 1, 10000, 2 * time.Second, "[>                   ]   0%  1/10000 articles  0.5/s  ETA 5:33:18"},
		{"unknown total", 1234, 0, 14 * time.Second, "1234 articles  88.1/s  0:14"},
		{"past the total", 250, 200, 65 * time.Second, "250 articles  3.8/s  1:05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderBar("articles", tt.done, tt.total, tt.elapsed); got != tt.want {
				t.Errorf("renderBar(%d, %d, %s)\n got %q\nwant %q", tt.done, tt.total, tt.elapsed, got, tt.want)
			}
		})
	}
}

// TestBarThrottle checks that the bar is redrawn at most 10 times a second
// however often progress is reported, and erased at the end.
func TestBarThrottle(t *testing.T) {
	clk := newFakeClock()
	var out bytes.Buffer
	r := reporterFor(t, &out, reportOptions{terminal: terminalIs(true), now: clk.now})
	p := r.startProgress("articles", 2000)
	for i := 1; i <= 2000; i++ { // 2000 articles in 2 seconds
		clk.add(time.Millisecond)
		p.ingest(ingest.Summary{Read: i})
	}
	// One draw at the start, then one per 100 ms: 21 in all.
	if n := countBars(out.String()); n < 15 || n > 21 {
		t.Errorf("%d draws for 2 s of progress, want about 20", n)
	}
	if got, want := lastBar(out.String()), "[====================] 100%  2000/2000 articles  1000.0/s  ETA 0:00"; got != want {
		t.Errorf("last bar %q, want %q", got, want)
	}
	p.finish()
	if !strings.HasSuffix(out.String(), "\r\x1b[K") {
		t.Errorf("the bar is not erased at the end: %q", out.String()[out.Len()-40:])
	}
	n := out.Len()
	p.update(5)
	if out.Len() != n {
		t.Error("a finished progress drew again")
	}
}

// TestTerminalLines checks that messages print above the bar, which is
// redrawn under them.
func TestTerminalLines(t *testing.T) {
	clk := newFakeClock()
	var out bytes.Buffer
	r := reporterFor(t, &out, reportOptions{terminal: terminalIs(true), now: clk.now})
	r.info("rebuild started", "config", "/srv/news/newsgraph.yaml", "sources", 2)
	p := r.startProgress("articles", 0)
	clk.add(time.Second)
	p.update(10)
	r.warn("article skipped", "id", "a b")
	r.error("source failed", "err", "HTTP 500")
	p.finish()
	want := "rebuild started  config=/srv/news/newsgraph.yaml sources=2\n" +
		"\r\x1b[K0 articles  0.0/s  0:00" +
		"\r\x1b[K10 articles  10.0/s  0:01" +
		"\r\x1b[Kwarning: article skipped  id=\"a b\"\n10 articles  10.0/s  0:01" +
		"\r\x1b[Kerror: source failed  err=\"HTTP 500\"\n10 articles  10.0/s  0:01" +
		"\r\x1b[K"
	if out.String() != want {
		t.Errorf("terminal output\n got %q\nwant %q", out.String(), want)
	}
}

// TestReportModes checks what each mode prints for the same events: plain
// lines and a bar on a terminal, text or JSON records elsewhere (progress
// every 10 s), errors only with --quiet.
func TestReportModes(t *testing.T) {
	events := func(r *reporter, clk *fakeClock) {
		r.info("source read", "source", 1, "articles", 3)
		p := r.startProgress("articles", 40)
		for i := 1; i <= 40; i++ {
			clk.add(time.Second)
			p.update(i)
		}
		p.finish()
		r.warn("article skipped", "id", "x")
		r.error("source failed", "source", 2)
	}
	tests := []struct {
		name  string
		opts  reportOptions
		check func(t *testing.T, out string)
	}{
		{"terminal", reportOptions{terminal: terminalIs(true)}, func(t *testing.T, out string) {
			for _, s := range []string{"source read  source=1 articles=3\n", "ETA", "warning: article skipped  id=x\n", "error: source failed  source=2\n"} {
				if !strings.Contains(out, s) {
					t.Errorf("lacks %q", s)
				}
			}
			if strings.Contains(out, "level=") || strings.Contains(out, "progress") {
				t.Error("log records on a terminal")
			}
		}},
		{"pipe: text records", reportOptions{terminal: terminalIs(false)}, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSpace(out), "\n")
			// 1 info, 4 progress records (at 10, 20, 30, 40 s), 1 warning, 1 error.
			if len(lines) != 7 || strings.Contains(out, "\r") {
				t.Fatalf("%d lines:\n%s", len(lines), out)
			}
			for i, want := range []string{
				`level=INFO msg="source read" source=1 articles=3`,
				`level=INFO msg=progress articles=10 rate=1 expected=40`,
				`level=INFO msg=progress articles=40 rate=1 expected=40`,
				`level=WARN msg="article skipped" id=x`,
				`level=ERROR msg="source failed" source=2`,
			} {
				if !strings.Contains(out, want) {
					t.Errorf("record %d: lacks %q", i, want)
				}
			}
		}},
		{"json on a terminal when asked", reportOptions{terminal: terminalIs(true), logFormat: logJSON}, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) != 7 {
				t.Fatalf("%d lines:\n%s", len(lines), out)
			}
			var rec struct {
				Level, Msg string
				Articles   int
				Rate       float64
			}
			if err := json.Unmarshal([]byte(lines[1]), &rec); err != nil || rec.Msg != "progress" || rec.Articles != 10 || rec.Rate != 1 {
				t.Errorf("progress record %q: %+v %v", lines[1], rec, err)
			}
		}},
		{"quiet", reportOptions{terminal: terminalIs(true), quiet: true}, func(t *testing.T, out string) {
			if out != "error: source failed  source=2\n" {
				t.Errorf("got %q", out)
			}
		}},
		{"quiet json", reportOptions{terminal: terminalIs(false), quiet: true, logFormat: logJSON}, func(t *testing.T, out string) {
			if strings.Count(out, "\n") != 1 || !strings.Contains(out, `"level":"ERROR","msg":"source failed","source":2}`) {
				t.Errorf("got %q", out)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := newFakeClock()
			tt.opts.now = clk.now
			var out bytes.Buffer
			events(reporterFor(t, &out, tt.opts), clk)
			tt.check(t, out.String())
		})
	}
	if _, err := newReporter(io.Discard, reportOptions{logFormat: "xml"}); err == nil {
		t.Error("no error for --log-format xml")
	}
}

// TestBuildProgress checks the helper build uses: no output on a pipe
// before 10 s.
func TestBuildProgress(t *testing.T) {
	var out bytes.Buffer
	progress, finish := newBuildProgress(&out)
	progress(ingest.Summary{Read: 1})
	finish()
	if out.Len() != 0 {
		t.Errorf("output on a pipe within 10 s: %q", out.String())
	}
}
