package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/ingest"
)

// How often progress is shown: the bar at most 10 times a second, a log
// line every 10 seconds.
const (
	barInterval = 100 * time.Millisecond
	logInterval = 10 * time.Second
)

// Log formats of --log-format.
const (
	logText = "text"
	logJSON = "json"
)

// reportOptions choose how a long-running command (build, rebuild) reports
// on stderr.
type reportOptions struct {
	// quiet reports errors only: no progress, no information, no warnings.
	quiet bool
	// logFormat is "text" or "json" for log/slog records whatever stderr
	// is, or "" for the default: a progress bar and plain lines on a
	// terminal, text records elsewhere (a pipe, a file, the journal).
	logFormat string
	// terminal reports whether w is a terminal; nil means isTerminal.
	// Tests inject it.
	terminal func(w io.Writer) bool
	// now is the clock; nil means time.Now. Tests inject it.
	now func() time.Time
}

// reporter tells people and log collectors what a long command does. On a
// terminal it draws a progress bar on stderr and prints messages as plain
// lines above it ("source read  source=… articles=3", "warning: …");
// elsewhere every message is a log/slog record (text or JSON) and progress
// is a record every 10 seconds. Its methods are safe for concurrent use.
type reporter struct {
	log  *slog.Logger
	term *termWriter // nil unless a progress bar is drawn
	now  func() time.Time
}

// newReporter returns a reporter writing to w (stderr). A log format other
// than "", "text" or "json" is a usage error.
func newReporter(w io.Writer, o reportOptions) (*reporter, error) {
	level := slog.LevelInfo
	if o.quiet {
		level = slog.LevelError
	}
	r := &reporter{now: o.now}
	if r.now == nil {
		r.now = time.Now
	}
	terminal := o.terminal
	if terminal == nil {
		terminal = isTerminal
	}
	hopts := &slog.HandlerOptions{Level: level}
	switch o.logFormat {
	case "":
		if terminal(w) {
			t := newTermWriter(w, level)
			r.log = slog.New(t)
			if !o.quiet {
				r.term = t // draws the bar
			}
		} else {
			r.log = slog.New(slog.NewTextHandler(w, hopts))
		}
	case logText:
		r.log = slog.New(slog.NewTextHandler(w, hopts))
	case logJSON:
		r.log = slog.New(slog.NewJSONHandler(w, hopts))
	default:
		return nil, usageError{fmt.Errorf("--log-format %q: want text or json", o.logFormat)}
	}
	return r, nil
}

// newBuildProgress returns the ingest progress callback and its finish
// function for a command that reports with the default options on w:
// a bar on a terminal, a text log record every 10 seconds elsewhere.
// build can pass progress as ingest.Options.Progress and call finish once
// ingest.Run returns.
func newBuildProgress(w io.Writer) (progress func(ingest.Summary), finish func()) {
	r, _ := newReporter(w, reportOptions{}) // the default options cannot fail
	p := r.startProgress("articles", 0)
	return p.ingest, p.finish
}

// info logs msg with slog-style key-value pairs at level INFO.
func (r *reporter) info(msg string, args ...any) { r.log.Info(msg, args...) }

// warn logs msg with slog-style key-value pairs at level WARN.
func (r *reporter) warn(msg string, args ...any) { r.log.Warn(msg, args...) }

// error logs msg with slog-style key-value pairs at level ERROR.
func (r *reporter) error(msg string, args ...any) { r.log.Error(msg, args...) }

// progress tracks one phase that handles countable things ("articles").
type progress struct {
	r     *reporter
	what  string
	total int // expected count, 0 when unknown
	start time.Time

	mu       sync.Mutex
	done     int
	last     time.Time // when progress was last shown
	finished bool
}

// startProgress starts showing the progress of a phase; total is the
// expected count, or 0 when it is not known (the bar then shows the count
// and the rate, without percentage or ETA).
func (r *reporter) startProgress(what string, total int) *progress {
	now := r.now()
	p := &progress{r: r, what: what, total: total, start: now, last: now}
	if r.term != nil {
		r.term.setBar(renderBar(what, 0, total, 0))
	}
	return p
}

// update records that done things are finished, and shows it when the
// last showing is old enough: at most 10 times a second on a terminal,
// every 10 seconds in logs.
func (p *progress) update(done int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.finished {
		return
	}
	p.done = done
	now := p.r.now()
	elapsed := now.Sub(p.start)
	if t := p.r.term; t != nil {
		if now.Sub(p.last) >= barInterval {
			p.last = now
			t.setBar(renderBar(p.what, done, p.total, elapsed))
		}
		return
	}
	if now.Sub(p.last) >= logInterval {
		p.last = now
		args := []any{p.what, done, "rate", roundRate(done, elapsed)}
		if p.total > 0 && done <= p.total {
			args = append(args, "expected", p.total)
		}
		p.r.info("progress", args...)
	}
}

// ingest is an ingest.Options.Progress callback.
func (p *progress) ingest(s ingest.Summary) { p.update(s.Read) }

// finish stops showing progress; the bar is erased.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.finished {
		return
	}
	p.finished = true
	if p.r.term != nil {
		p.r.term.setBar("")
	}
}

// roundRate is done per second, to one decimal.
func roundRate(done int, elapsed time.Duration) float64 {
	if elapsed <= 0 {
		return 0
	}
	return float64(int(float64(done)/elapsed.Seconds()*10+0.5)) / 10
}

// renderBar draws the progress line: with a known total,
//
//	[=========>          ]  45%  1234/2740 articles  85.2/s  ETA 0:18
//
// and otherwise "1234 articles  85.2/s  0:14". A count past the total is
// shown as without one.
func renderBar(what string, done, total int, elapsed time.Duration) string {
	rate := 0.0
	if elapsed > 0 {
		rate = float64(done) / elapsed.Seconds()
	}
	if total <= 0 || done > total {
		return fmt.Sprintf("%d %s  %.1f/s  %s", done, what, rate, clock(elapsed))
	}
	const width = 20
	fill := done * width / total
	bar := strings.Repeat("=", fill)
	if fill < width {
		bar += ">" + strings.Repeat(" ", width-fill-1)
	}
	eta := "ETA --:--"
	if rate > 0 {
		eta = "ETA " + clock(time.Duration(float64(total-done)/rate*float64(time.Second)))
	}
	return fmt.Sprintf("[%s] %3d%%  %d/%d %s  %.1f/s  %s", bar, done*100/total, done, total, what, rate, eta)
}

// clock writes d as M:SS, or H:MM:SS from an hour.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// termWriter draws a progress bar on the last line of a terminal and
// prints log records above it as plain lines: the message, then the
// attributes as key=value, warnings and errors prefixed "warning:" and
// "error:". It is a slog.Handler.
type termWriter struct {
	w     io.Writer
	level slog.Level

	mu    *sync.Mutex // shared by the handlers WithAttrs derives
	bar   *string     // the bar line, "" when none; shared like mu
	attrs []slog.Attr // from WithAttrs
	group string      // from WithGroup, as a key prefix
}

var _ slog.Handler = (*termWriter)(nil)

// setBar replaces the bar line; "" erases it.
func (t *termWriter) setBar(line string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if line == *t.bar {
		return
	}
	*t.bar = line
	fmt.Fprintf(t.w, "\r\x1b[K%s", line)
}

// newTermWriter returns a termWriter on w printing records from level on.
func newTermWriter(w io.Writer, level slog.Level) *termWriter {
	return &termWriter{w: w, level: level, mu: new(sync.Mutex), bar: new(string)}
}

// Enabled reports whether records of level l are printed.
func (t *termWriter) Enabled(_ context.Context, l slog.Level) bool { return l >= t.level }

// Handle prints r above the bar: "message  key=value key=value".
func (t *termWriter) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	switch {
	case r.Level >= slog.LevelError:
		b.WriteString("error: ")
	case r.Level >= slog.LevelWarn:
		b.WriteString("warning: ")
	}
	b.WriteString(r.Message)
	sep := "  "
	write := func(a slog.Attr) bool {
		a.Value = a.Value.Resolve()
		if a.Equal(slog.Attr{}) {
			return true
		}
		key := a.Key
		if t.group != "" {
			key = t.group + "." + key
		}
		b.WriteString(sep)
		b.WriteString(key)
		b.WriteString("=")
		b.WriteString(termValue(a.Value))
		sep = " "
		return true
	}
	for _, a := range t.attrs {
		write(a)
	}
	r.Attrs(write)
	b.WriteString("\n")

	t.mu.Lock()
	defer t.mu.Unlock()
	var err error
	if *t.bar != "" {
		_, err = fmt.Fprintf(t.w, "\r\x1b[K%s%s", b.String(), *t.bar)
	} else {
		_, err = io.WriteString(t.w, b.String())
	}
	return err
}

// WithAttrs returns a handler that adds attrs to every record.
func (t *termWriter) WithAttrs(attrs []slog.Attr) slog.Handler {
	c := *t
	c.attrs = append(append([]slog.Attr(nil), t.attrs...), attrs...)
	return &c
}

// WithGroup returns a handler that prefixes keys with name.
func (t *termWriter) WithGroup(name string) slog.Handler {
	c := *t
	if c.group != "" {
		name = c.group + "." + name
	}
	c.group = name
	return &c
}

// termValue writes v as slog's text handler would, quoting strings only
// when they hold spaces, quotes or '='.
func termValue(v slog.Value) string {
	switch v.Kind() {
	case slog.KindString:
		s := v.String()
		if s == "" || strings.ContainsAny(s, " \t\n\"=") {
			return fmt.Sprintf("%q", s)
		}
		return s
	case slog.KindDuration:
		return v.Duration().Round(time.Millisecond).String()
	}
	return v.String()
}
