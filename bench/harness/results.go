package main

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// report renders every result as Markdown.
func (h *harness) report() string {
	var b strings.Builder
	e := h.env
	fmt.Fprintf(&b, "# newsgraph benchmarks\n\n")
	fmt.Fprintf(&b, "Written by `go run ./bench/harness` (see its package documentation for what each step runs). ")
	fmt.Fprintf(&b, "The machine is shared, so absolute times drift from run to run: compare the ratios, measured side by side in this one run. ")
	fmt.Fprintf(&b, "The load columns give the 1-minute load average when each step started: above about %d (one per CPU), other work competed with it.\n\n", e.nproc)
	fmt.Fprintf(&b, "- date: %s\n", e.date.Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "- machine: %d CPUs (nproc), %s, %s RAM; load average at start %s\n", e.nproc, e.cpu, e.memory, e.load)
	fmt.Fprintf(&b, "- Go: %s\n", e.goVersion)
	if e.commit != "" {
		fmt.Fprintf(&b, "- newsgraph built from: %s (%s)\n", h.cfg.src, e.commit)
	}
	if e.python != "" {
		fmt.Fprintf(&b, "- references: prose v2.0.0, gonum v0.17.0, %s\n", e.python)
	}
	fmt.Fprintf(&b, "- command: `go run ./bench/harness%s`\n", quoteArgs(h.cfg.args))
	fmt.Fprintf(&b, "- total time: %s\n\n", h.elapsed.Round(time.Second))

	for _, t := range h.tables() {
		b.WriteString(t.markdown())
		b.WriteString("\n")
	}
	if len(h.notes) > 0 {
		b.WriteString("### Notes\n\n")
		for _, n := range h.notes {
			fmt.Fprintf(&b, "- %s\n", n)
		}
	}
	return b.String()
}

func quoteArgs(args []string) string {
	var b strings.Builder
	for _, a := range args {
		b.WriteByte(' ')
		if strings.ContainsAny(a, " \t'\"$") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		b.WriteString(a)
	}
	return b.String()
}

func (h *harness) tables() []*table {
	var ts []*table
	add := func(t *table) {
		if len(t.rows) > 0 {
			ts = append(ts, t)
		}
	}
	mainCorpora := h.mainCorpora()

	corpus := &table{title: "Corpus", intro: fmt.Sprintf("Synthetic news from `go run ./bench/gen --seed %d` (JSON Lines). Words are runs of non-space in title and text, the same count for every extractor.", h.cfg.seed),
		head: []string{"articles", "words", "words/article", "MB", "generated in s"}}
	for _, c := range h.corpora {
		corpus.add(count(c.n), count(c.words), fmt.Sprint(c.words/int64(c.n)), mb(c.bytes), secs(c.genTime))
	}
	add(corpus)

	ex := &table{title: "Extraction", intro: "`newsgraph extract CORPUS > /dev/null`; CPU time and peak RSS from the child's rusage.",
		head: []string{"articles", "wall s", "CPU s", "words/CPU-s", "words/wall-s", "articles/s", "peak RSS MB", "load"}}
	for _, c := range h.corpora {
		if u := c.extract; u != nil {
			ex.add(count(c.n), secs(u.Wall), secs(u.CPU), count(int64(float64(c.words)/u.CPU.Seconds())),
				count(int64(float64(c.words)/u.Wall.Seconds())), fsig(float64(c.n)/u.Wall.Seconds()), mb(u.MaxRSS), loadCell(u.Load))
		}
	}
	add(ex)

	bd := &table{title: "Build", intro: "`newsgraph build CORPUS --db DIR` into a new store; store size is du of DIR.",
		head: []string{"articles", "triples", "actors", "wall s", "CPU s", "articles/s", "triples/s", "store MB", "bytes/triple", "peak RSS MB", "load"}}
	for _, c := range mainCorpora {
		if u := c.build; u != nil {
			tr, bpt, tps := "?", "?", "?"
			if c.sum.parsed {
				tr, tps = count(c.sum.triples), count(int64(float64(c.sum.triples)/u.Wall.Seconds()))
				if c.sum.triples > 0 {
					bpt = fmt.Sprint(c.storeBytes / int64(c.sum.triples))
				}
			}
			bd.add(count(c.n), tr, count(c.sum.actors), secs(u.Wall), secs(u.CPU), fsig(float64(c.n)/u.Wall.Seconds()), tps, mb(c.storeBytes), bpt, mb(u.MaxRSS), loadCell(u.Load))
		}
	}
	add(bd)

	rb := &table{title: "No-change rebuild", intro: "The same `build` run a second time on the same input and store: every article unchanged.",
		head: []string{"articles", "first build s", "rebuild s", "rebuild / first", "rebuild peak RSS MB", "load"}}
	for _, c := range mainCorpora {
		if c.rebuild != nil && c.build != nil {
			rb.add(count(c.n), secs(c.build.Wall), secs(c.rebuild.Wall), fmt.Sprintf("%.1f%%", 100*c.rebuild.Wall.Seconds()/c.build.Wall.Seconds()), mb(c.rebuild.MaxRSS), loadCell(c.rebuild.Load))
		}
	}
	add(rb)

	add(h.parallelTable())

	q := &table{title: "Queries", intro: fmt.Sprintf("Each run is a new `newsgraph` process on the built store (read-only), output to /dev/null, %d runs each; targets drawn with the actors' mention frequencies, evidence pairs among each subject's partners.", h.cfg.queryRuns),
		head: []string{"articles", "query", "median ms", "p99 ms", "mean CPU ms", "peak RSS MB", "no match"}}
	for _, c := range mainCorpora {
		for _, l := range append([]*latency{c.exec}, c.queries...) {
			if l == nil {
				continue
			}
			q.add(count(c.n), l.name, ms(l.quantile(0.5)), ms(l.quantile(0.99)), ms(l.cpuTotal/time.Duration(len(l.runs))), mb(l.maxRSS), fmt.Sprint(l.noMatch))
		}
	}
	add(q)

	exp := &table{title: "Export", intro: "`newsgraph export --db DIR --format F -o FILE`: reading the store, building the graph, every measure, writing. MB/s is file size / wall time of the whole command.",
		head: []string{"articles", "format", "file MB", "wall s", "MB/s", "peak RSS MB", "load"}}
	for _, c := range mainCorpora {
		for _, x := range c.exports {
			exp.add(count(c.n), x.format, mb(x.bytes), secs(x.u.Wall), fsig(float64(x.bytes)/1e6/x.u.Wall.Seconds()), mb(x.u.MaxRSS), loadCell(x.u.Load))
		}
	}
	if len(h.writers) > 0 {
		var parts []string
		for _, w := range h.writers {
			parts = append(parts, fmt.Sprintf("%s %s MB/s", w.name, fsig(w.mbs)))
		}
		exp.notes = append(exp.notes, "The writers alone (export's `BenchmarkWriters`, a 10k-node 50k-edge network with every attribute, to io.Discard, 5 runs): "+strings.Join(parts, ", ")+".")
	}
	add(exp)

	add(h.proseTable())
	for _, g := range h.graphs {
		add(h.graphTable(g))
	}
	add(h.flatnessTable())
	return ts
}

// mainCorpora are the corpora of --articles (not the extra reference one).
func (h *harness) mainCorpora() []*corpusRun {
	var out []*corpusRun
	for _, c := range h.corpora {
		for _, n := range h.cfg.articles {
			if c.n == n {
				out = append(out, c)
			}
		}
	}
	return out
}

func (h *harness) proseTable() *table {
	t := &table{title: "Extraction reference: prose v2",
		head: []string{"extractor", "articles", "words", "wall s", "CPU s", "words/CPU-s", "peak RSS MB", "load", "ours / prose v2 (words/CPU-s)"}}
	p := h.refText
	if p == nil || p.corpus.extract == nil {
		return t
	}
	c := p.corpus
	t.intro = fmt.Sprintf("The same %s articles: newsgraph's `extract` (sentences, tagging, entities, coreference, triples) against prose v2's whole pipeline (`prose.NewDocument` with default options: tokenise, segment, tag, named entities; model loaded once; refprose). Both CPU times from rusage, start-up included (prose v2's model load: %s s).", count(c.n), fsig(p.res.LoadSeconds))
	ours := float64(c.words) / c.extract.CPU.Seconds()
	theirs := float64(p.res.Words) / p.u.CPU.Seconds()
	t.add("newsgraph extract", count(c.n), count(c.words), secs(c.extract.Wall), secs(c.extract.CPU), count(int64(ours)), mb(c.extract.MaxRSS), loadCell(c.extract.Load), ratio(ours, theirs))
	t.add("prose v2 NewDocument", count(p.res.Articles), count(p.res.Words), secs(p.u.Wall), secs(p.u.CPU), count(int64(theirs)), mb(p.u.MaxRSS), loadCell(p.u.Load), "1")
	if p.res.Words != c.words {
		t.notes = append(t.notes, fmt.Sprintf("Word counts differ (%d vs %d): refprose counts title and text as newsgraph's reader joins them.", p.res.Words, c.words))
	}
	return t
}

// graphMeasures are the rows of a graph table: the measure and whether a
// bigger number is better (never: all are times).
var graphMeasures = []struct{ key, label string }{
	{"betweenness", "betweenness (exact, all sources)"},
	{"betweenness (1000 sources)", "betweenness (1000 sampled sources)"},
	{"pagerank", "pagerank"},
	{"louvain", "louvain"},
	{"closeness", "closeness"},
	{"analyse", "graph.Analyse (every measure)"},
}

func (h *harness) graphTable(g *graphRun) *table {
	t := &table{
		title: fmt.Sprintf("Graph analysis: %s nodes, %s edges", count(g.nodes), count(g.edges)),
		intro: "Seconds per measure on the generated directed graph (bench/harness/graphgen: hubs, weights 1–5; the graph package's benchmarks use the same graphs), " +
			"graph construction and loading excluded. newsgraph: its package benchmarks on 1 thread and on one per CPU (at 100k nodes only sampled betweenness, PageRank and Louvain, on 1 thread), and graph.Analyse in a process of its own (one thread per CPU). " +
			"References single-threaded. * = timed on a random sample of sources and scaled by n/k; > = stopped at --ref-timeout. Ratios: newsgraph 1 thread / reference (below 1: newsgraph faster).",
		head: []string{"measure", "newsgraph 1 thread", fmt.Sprintf("newsgraph %d threads", h.env.nproc), "gonum", "igraph", "networkx", "ours/gonum", "ours/igraph", "ours/networkx"},
	}
	cell := func(r *measureRun) string {
		if r == nil {
			return "–"
		}
		s := fsig(r.Seconds)
		if r.stopped {
			return "> " + s
		}
		if r.Extrapolated {
			s += "*"
		}
		return s
	}
	sec := func(r *measureRun) float64 {
		if r == nil {
			return math.NaN()
		}
		return r.Seconds
	}
	for _, m := range graphMeasures {
		one, two := g.find("newsgraph", m.key, 1), g.find("newsgraph", m.key, h.env.nproc)
		if m.key == "analyse" {
			if r := g.find("newsgraph", "analyse", 0); r != nil {
				two = r // the graphbench process: default GOMAXPROCS
			}
		}
		gn, ig, nx := g.find("gonum", m.key, 0), g.find("igraph", m.key, 0), g.find("networkx", m.key, 0)
		if one == nil && two == nil && gn == nil && ig == nil && nx == nil {
			continue
		}
		ours := sec(one)
		vs := func(r *measureRun) string {
			if s := ratio(ours, sec(r)); r != nil && r.stopped && s != "–" {
				return "< " + s
			}
			return ratio(ours, sec(r))
		}
		t.add(m.label, cell(one), cell(two), cell(gn), cell(ig), cell(nx), vs(gn), vs(ig), vs(nx))
	}
	var rss []string
	for _, r := range g.runs {
		switch {
		case r.rss == 0:
		case r.Tool == "newsgraph" && r.threads == 1:
			rss = append(rss, fmt.Sprintf("newsgraph package benchmarks (one process) %s MB, load %s", mb(r.rss), loadCell(r.load)))
		case r.Tool == "gonum" || r.Tool == "newsgraph" && r.Measure == "analyse" && r.threads == 0:
			rss = append(rss, fmt.Sprintf("%s %s %s MB, load %s", r.Tool, r.Measure, mb(r.rss), loadCell(r.load)))
		case r.Tool == "igraph" || r.Tool == "networkx":
			rss = append(rss, fmt.Sprintf("%s (one process, every measure) %s MB, load %s", r.Tool, mb(r.rss), loadCell(r.load)))
		}
	}
	if len(rss) > 0 {
		t.notes = append(t.notes, "Peak RSS of each process (graph construction or GraphML load included) and the load average when it started: "+strings.Join(dedupe(rss), "; ")+".")
	}
	var notes []string
	for _, r := range g.runs {
		if r.Note != "" && r.Tool != "newsgraph" {
			notes = append(notes, fmt.Sprintf("%s %s: %s", r.Tool, r.Measure, r.Note))
		}
	}
	if len(notes) > 0 {
		t.notes = append(t.notes, "Settings: "+strings.Join(notes, "; ")+".")
	}
	if g.find("newsgraph", "pagerank", 1) == nil && g.find("newsgraph", "analyse", 0) != nil {
		t.notes = append(t.notes, "newsgraph's measures are unexported and its per-measure benchmarks use only the 10k/50k graph, so on this graph only graph.Analyse as a whole is timed (closeness, exact, dominates it).")
	}
	return t
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// flatnessTable compares the peak RSS of extract and build at corpus sizes
// ten times apart.
func (h *harness) flatnessTable() *table {
	t := &table{title: "Memory flatness",
		intro: "Peak RSS of `extract` and `build` at corpus sizes 10× apart. Target: the same within 20%, and under 300 MB at 100k articles (reported, not enforced).",
		head:  []string{"step", "small", "RSS MB", "large", "RSS MB", "change", "within 20%", "under 300 MB"}}
	cs := h.mainCorpora()
	for _, step := range []string{"extract", "build"} {
		get := func(c *corpusRun) *usage {
			if step == "extract" {
				return c.extract
			}
			return c.build
		}
		for i, a := range cs {
			for _, b := range cs[i+1:] {
				ua, ub := get(a), get(b)
				if ua == nil || ub == nil || b.n != 10*a.n {
					continue
				}
				change := float64(ub.MaxRSS)/float64(ua.MaxRSS) - 1
				under := "–"
				if b.n >= 100_000 {
					under = yesNo(ub.MaxRSS < 300e6)
				}
				t.add(step, count(a.n), mb(ua.MaxRSS), count(b.n), mb(ub.MaxRSS), fmt.Sprintf("%+.0f%%", 100*change), yesNo(math.Abs(change) <= 0.2), under)
			}
		}
	}
	return t
}

// loadCell formats a load average.
func loadCell(x float64) string {
	if x < 0 {
		return "?"
	}
	return fmt.Sprintf("%.2f", x)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// parallelTable compares each command on one core and on two: the speed-up
// is the best wall time with GOMAXPROCS=1 over the best with 2 (issue 7
// asks for at least 1.8).
func (h *harness) parallelTable() *table {
	t := &table{title: "Parallelism",
		head: []string{"command", "GOMAXPROCS", "wall s (each run)", "best wall s", "CPU s (best run)", "articles/s", "speed-up", "load (each run)"}}
	for _, c := range h.corpora {
		if len(c.parallel) == 0 {
			continue
		}
		t.intro = fmt.Sprintf("`newsgraph extract CORPUS` and `newsgraph build CORPUS --db DIR` (a new store each time) on the %s-article corpus with GOMAXPROCS=1 and 2, runs interleaved; speed-up = best wall time on 1 core / best on 2. Each run includes the command's start-up (0.1-0.2 s, the extraction models' load: 1.3-1.5× faster on two cores, where the three load at once) and, for build, the end of its bulk load (0.6-0.9 s at 3,000 articles, only 1.2-1.3× faster on two cores), so the smaller the corpus, the smaller the speed-up (`--parallel-articles`). Two references run the same way between them (bench/harness/spin): a loop of pure CPU work (no memory traffic, nothing shared), whose speed-up is what the machine gave a second thread in those minutes, and a loop of random reads in a table of %d MiB that the threads share, read-only, as extraction's workers share its models (about as large): what it gave work bound by the caches. The load is the 1-minute load average as each run started; it counts the harness's own previous run too.", sizeLabel(c.n), spinTableMiB)
		one := map[string]time.Duration{}
		for _, r := range c.parallel {
			var walls, loads []string
			for _, u := range r.runs {
				walls = append(walls, secs(u.Wall))
				loads = append(loads, loadCell(u.Load))
			}
			b := r.best()
			if r.procs == 1 {
				one[r.command] = b.Wall
			}
			speed := "–"
			if w, ok := one[r.command]; ok {
				speed = ratio(w.Seconds(), b.Wall.Seconds())
			}
			rate := fsig(float64(c.n) / b.Wall.Seconds())
			if r.command == spinCommand || r.command == memorySpinCommand {
				rate = "–"
			}
			t.add(r.command, fmt.Sprint(r.procs), strings.Join(walls, ", "), secs(b.Wall), secs(b.CPU),
				rate, speed, strings.Join(loads, ", "))
		}
	}
	if h.env.nproc < 2 {
		t.notes = append(t.notes, fmt.Sprintf("This machine has %d CPU: GOMAXPROCS=2 cannot run faster here.", h.env.nproc))
	}
	return t
}
