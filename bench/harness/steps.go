package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/bench/gen/newsgen"
)

//go:embed refs.py
var refsPy []byte

// tools are the programs the steps run.
type tools struct {
	newsgraph  string
	graphbench string
	refprose   string
	spin       string // the parallel step's reference: pure CPU work
	graphTest  string // the graph package's test binary, or ""
	exportTest string // the export package's test binary, or ""
	refsPy     string
	python     bool // cfg.python has igraph and networkx
}

// buildTools compiles what the selected steps need, once.
func (h *harness) buildTools(ctx context.Context) error {
	bin := filepath.Join(h.cfg.work, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return err
	}
	// build runs `go VERB... -o bin/out PKG` in dir.
	build := func(dir, out string, args ...string) (string, error) {
		path := filepath.Join(bin, out)
		start := time.Now()
		pkg := args[len(args)-1]
		args = append(append(args[:len(args)-1:len(args)-1], "-o", path), pkg)
		_, _, err := runChild(ctx, child{name: "go " + strings.Join(args, " "), path: "go", args: args, dir: dir})
		if err != nil {
			return "", err
		}
		h.logf("built %s in %s", out, time.Since(start).Round(100*time.Millisecond))
		return path, nil
	}
	var err error
	s := h.step
	if s("extract") || s("build") || s("rebuild") || s("parallel") || s("query") || s("export") || s("refs") && h.cfg.refProse {
		if h.tools.newsgraph, err = build(h.cfg.src, "newsgraph", "build", "./cmd/newsgraph"); err != nil {
			return fmt.Errorf("building newsgraph from %s (use --src to build another tree): %w", h.cfg.src, err)
		}
	}
	if s("parallel") {
		if h.tools.spin, err = build(h.cfg.repo, "spin", "build", "./bench/harness/spin"); err != nil {
			return err
		}
	}
	if s("analysis") || s("refs") {
		if h.tools.graphbench, err = build(h.cfg.repo, "graphbench", "build", "./bench/harness/graphbench"); err != nil {
			return err
		}
	}
	if s("refs") && h.cfg.refProse {
		if h.tools.refprose, err = build(h.cfg.repo, "refprose", "build", "./bench/harness/refprose"); err != nil {
			return err
		}
	}
	if s("refs") {
		h.tools.refsPy = filepath.Join(bin, "refs.py")
		if err := os.WriteFile(h.tools.refsPy, refsPy, 0o644); err != nil {
			return err
		}
		h.tools.python = h.env.python != ""
		if !h.tools.python {
			h.note("igraph and networkx: not found under %s, so their references were not run.", h.cfg.python)
		}
	}
	if h.cfg.packageBenches && s("analysis") && (slices.Contains(h.cfg.graphs, 10_000) || slices.Contains(h.cfg.graphs, 100_000)) {
		if h.tools.graphTest, err = build(h.cfg.src, "graph.test", "test", "-c", "./graph"); err != nil {
			return err
		}
	}
	if h.cfg.packageBenches && s("export") {
		if h.tools.exportTest, err = build(h.cfg.src, "export.test", "test", "-c", "./export"); err != nil {
			return err
		}
	}
	return nil
}

// corpusRun is everything measured on one corpus size.
type corpusRun struct {
	n       int
	path    string
	words   int64
	bytes   int64
	genTime time.Duration

	extract *usage

	build      *usage
	db         string
	sum        buildSummary
	storeBytes int64

	rebuild *usage

	parallel []*parallelRun

	exec    *latency // process start: newsgraph --help
	queries []*latency

	exports []exportRun
}

// buildSummary is what `newsgraph build` prints.
type buildSummary struct {
	articles, triples, actors int
	parsed                    bool
}

// generate writes the corpus of n articles.
func (h *harness) generate(ctx context.Context, n int) (*corpusRun, error) {
	c := &corpusRun{n: n, path: filepath.Join(h.cfg.work, fmt.Sprintf("corpus-%d.jsonl", n))}
	f, err := os.Create(c.path)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	st, err := newsgen.New(newsgen.Config{Articles: n, Seed: h.cfg.seed}).WriteJSONL(ctx, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	c.genTime, c.words, c.bytes = time.Since(start), st.Words, st.Bytes
	h.logf("corpus %s: %s words, %s MB in %s", sizeLabel(n), count(st.Words), mb(st.Bytes), c.genTime.Round(time.Millisecond))
	return c, nil
}

func (h *harness) newsgraph(ctx context.Context, name string, args ...string) (usage, error) {
	u, _, err := runChild(ctx, child{name: "newsgraph " + name, path: h.tools.newsgraph, args: args, dir: h.cfg.work})
	return u, err
}

func (h *harness) extract(ctx context.Context, c *corpusRun) error {
	h.logf("extract %s (load %s)...", sizeLabel(c.n), loadNow())
	u, err := h.newsgraph(ctx, "extract", "extract", c.path)
	if err != nil {
		return err
	}
	c.extract = &u
	h.logf("extract %s: %s s, %.0f words/CPU-s, peak RSS %s MB", sizeLabel(c.n), secs(u.Wall), float64(c.words)/u.CPU.Seconds(), mb(u.MaxRSS))
	return nil
}

var summaryRE = regexp.MustCompile(`(\d+) articles, (\d+) triples, (\d+) actors`)

func (h *harness) build(ctx context.Context, c *corpusRun) error {
	c.db = filepath.Join(h.cfg.work, fmt.Sprintf("db-%d", c.n))
	os.RemoveAll(c.db)
	h.logf("build %s (load %s)...", sizeLabel(c.n), loadNow())
	var out bytes.Buffer
	u, _, err := runChild(ctx, child{name: "newsgraph build", path: h.tools.newsgraph, args: []string{"build", c.path, "--db", c.db}, dir: h.cfg.work, stdout: &out})
	if err != nil {
		return err
	}
	c.build = &u
	if m := summaryRE.FindStringSubmatch(out.String()); m != nil {
		c.sum.articles, _ = strconv.Atoi(m[1])
		c.sum.triples, _ = strconv.Atoi(m[2])
		c.sum.actors, _ = strconv.Atoi(m[3])
		c.sum.parsed = true
	} else {
		h.note("build %s: the summary line \"N articles, N triples, N actors\" was not found in build's output, so per-triple figures are missing.", sizeLabel(c.n))
	}
	if c.storeBytes, err = diskUsage(c.db); err != nil {
		return err
	}
	h.logf("build %s: %s s, %s triples, store %s MB, peak RSS %s MB", sizeLabel(c.n), secs(u.Wall), count(c.sum.triples), mb(c.storeBytes), mb(u.MaxRSS))
	return nil
}

func (h *harness) rebuild(ctx context.Context, c *corpusRun) error {
	u, err := h.newsgraph(ctx, "build (again)", "build", c.path, "--db", c.db)
	if err != nil {
		return err
	}
	c.rebuild = &u
	h.logf("rebuild %s: %s s (%.1f%% of the first)", sizeLabel(c.n), secs(u.Wall), 100*u.Wall.Seconds()/c.build.Wall.Seconds())
	return nil
}

// parallelRun is one command run with GOMAXPROCS set, several times.
type parallelRun struct {
	command string // "extract", "build", spinCommand or memorySpinCommand
	procs   int    // GOMAXPROCS
	runs    []usage
}

// best returns the run with the shortest wall time: the one least slowed
// by other work on the machine.
func (p *parallelRun) best() usage {
	return slices.MinFunc(p.runs, func(a, b usage) int { return cmp.Compare(a.Wall, b.Wall) })
}

// spinCommand and memorySpinCommand name the parallel step's reference
// runs (bench/harness/spin) in its table: pure CPU work, and work bound by
// the caches (random reads in a shared table about as large as the
// extraction models, spinTableMiB).
const (
	spinCommand       = "CPU loop (reference)"
	memorySpinCommand = "memory loop (reference)"
)

// spinTableMiB is the size of the memory loop's shared table: about that
// of the tagger and entity model (extract/prosemodel: 8.3 MB in all).
const spinTableMiB = 8

// spinTableIterations is the memory loop's steps in each piece of work:
// about 0.2 s here on one core.
const spinTableIterations = 100_000_000

// spinChunks is how many pieces of work the reference CPU loop does beside
// runs on n articles: an even number, so that two threads share them
// evenly, of about 0.28 s each here, making it about half as long as
// extract on one core (1k articles: 8 pieces, 2.3 s against 5.3).
func spinChunks(n int) int { return max(2, 2*(n/250)) }

// parallel runs extract and build (into a new store) on c with GOMAXPROCS
// 1 and 2, and the reference CPU loop likewise, interleaved so that a
// change of load on the machine strikes all alike, each
// h.cfg.parallelRuns times.
func (h *harness) parallel(ctx context.Context, c *corpusRun) error {
	procs := []int{1, 2}
	for _, cmd := range []string{"extract", "build", spinCommand, memorySpinCommand} {
		for _, p := range procs {
			c.parallel = append(c.parallel, &parallelRun{command: cmd, procs: p})
		}
	}
	db := filepath.Join(h.cfg.work, fmt.Sprintf("db-parallel-%d", c.n))
	defer os.RemoveAll(db)
	for i := range h.cfg.parallelRuns {
		for _, r := range c.parallel {
			path, args := h.tools.newsgraph, []string{"extract", c.path}
			name := fmt.Sprintf("newsgraph %s (GOMAXPROCS=%d, run %d)", r.command, r.procs, i+1)
			switch r.command {
			case "build":
				os.RemoveAll(db)
				args = []string{"build", c.path, "--db", db}
			case spinCommand:
				path, args = h.tools.spin, []string{"--chunks", fmt.Sprint(spinChunks(c.n))}
				name = fmt.Sprintf("spin (GOMAXPROCS=%d, run %d)", r.procs, i+1)
			case memorySpinCommand:
				path, args = h.tools.spin, []string{"--chunks", fmt.Sprint(spinChunks(c.n)),
					"--iterations", fmt.Sprint(spinTableIterations), "--table-mib", fmt.Sprint(spinTableMiB)}
				name = fmt.Sprintf("spin --table-mib %d (GOMAXPROCS=%d, run %d)", spinTableMiB, r.procs, i+1)
			}
			h.logf("%s (load %s)...", name, loadNow())
			u, _, err := runChild(ctx, child{name: name, path: path, args: args, dir: h.cfg.work,
				env: []string{fmt.Sprintf("GOMAXPROCS=%d", r.procs)}})
			if err != nil {
				return err
			}
			r.runs = append(r.runs, u)
			h.logf("%s: %s s wall, %s s CPU", name, secs(u.Wall), secs(u.CPU))
		}
	}
	return nil
}

// latency is the distribution of one query's wall times over its runs.
type latency struct {
	name     string
	runs     []time.Duration
	maxRSS   int64
	noMatch  int
	cpuTotal time.Duration
}

func (l *latency) quantile(q float64) time.Duration {
	s := slices.Clone(l.runs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	// Nearest rank.
	i := int(float64(len(s))*q+0.999999) - 1
	return s[max(0, min(len(s)-1, i))]
}

// queries times query actor, relations and evidence on the store, each run
// a new process as a user runs it, with targets drawn by frequency.
func (h *harness) queries(ctx context.Context, c *corpusRun) error {
	db := c.db
	out, err := output(ctx, h.cfg.work, h.tools.newsgraph, "query", "actors", "--db", db, "--format", "jsonl")
	if err != nil {
		return err
	}
	type actor struct {
		Name     string `json:"actor"`
		ID       string `json:"id"`
		Mentions int    `json:"mentions"`
	}
	var actors []actor
	total := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a actor
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			return fmt.Errorf("query actors: %w", err)
		}
		actors = append(actors, a)
		total += a.Mentions
	}
	if len(actors) == 0 {
		return fmt.Errorf("query actors: the store at %s has no actors", db)
	}
	r := rand.New(rand.NewPCG(h.cfg.seed, 7))
	pick := func() actor {
		x := r.IntN(total)
		for _, a := range actors {
			if x < a.Mentions {
				return a
			}
			x -= a.Mentions
		}
		return actors[0]
	}
	partners := map[string][]string{}
	partner := func(id string) (string, error) {
		p, ok := partners[id]
		if !ok {
			out, err := output(ctx, h.cfg.work, h.tools.newsgraph, "query", "relations", "--from", id, "--db", db, "--format", "jsonl")
			if err != nil && !strings.Contains(err.Error(), "exit status 1") {
				return "", err
			}
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				var rel struct {
					ToID string `json:"to_id"`
				}
				if json.Unmarshal([]byte(line), &rel) == nil && rel.ToID != "" {
					p = append(p, rel.ToID)
				}
			}
			partners[id] = p
		}
		if len(p) == 0 {
			return "", nil
		}
		return p[r.IntN(len(p))], nil
	}
	n := h.cfg.queryRuns
	type job struct {
		name string
		args [][]string
	}
	jobs := []job{{name: "process start (`newsgraph --help`)"}, {name: "`query actor NAME`"}, {name: "`query relations --from X`"}, {name: "`query evidence X Y`"}}
	for range n {
		jobs[0].args = append(jobs[0].args, []string{"--help"})
		jobs[1].args = append(jobs[1].args, []string{"query", "actor", strings.ToLower(pick().Name), "--db", db})
		jobs[2].args = append(jobs[2].args, []string{"query", "relations", "--from", pick().ID, "--db", db})
	}
	for tries := 0; len(jobs[3].args) < n && tries < 20*n; tries++ {
		x := pick()
		y, err := partner(x.ID)
		if err != nil {
			return err
		}
		if y != "" {
			jobs[3].args = append(jobs[3].args, []string{"query", "evidence", x.ID, y, "--db", db})
		}
	}
	h.logf("query %s: %d runs each (load %s)...", sizeLabel(c.n), n, loadNow())
	for i, j := range jobs {
		l := &latency{name: j.name}
		for _, args := range j.args {
			u, code, err := runChild(ctx, child{name: "newsgraph " + strings.Join(args, " "), path: h.tools.newsgraph, args: args, dir: h.cfg.work,
				ok: func(code int) bool { return code == 0 || code == 1 }})
			if err != nil {
				return err
			}
			if code == 1 {
				l.noMatch++
			}
			l.runs = append(l.runs, u.Wall)
			l.cpuTotal += u.CPU
			l.maxRSS = max(l.maxRSS, u.MaxRSS)
		}
		if i == 0 {
			c.exec = l
		} else {
			c.queries = append(c.queries, l)
		}
		h.logf("  %s: median %s ms, p99 %s ms", l.name, ms(l.quantile(0.5)), ms(l.quantile(0.99)))
	}
	return nil
}

// exportRun is one `newsgraph export`.
type exportRun struct {
	format string
	bytes  int64
	u      usage
}

func (h *harness) exports(ctx context.Context, c *corpusRun) error {
	for _, format := range []string{"graphml", "gexf"} {
		path := filepath.Join(h.cfg.work, fmt.Sprintf("export-%d.%s", c.n, format))
		u, err := h.newsgraph(ctx, "export", "export", "--db", c.db, "--format", format, "-o", path)
		if err != nil {
			return err
		}
		info, err := os.Stat(path)
		if err != nil {
			return err
		}
		c.exports = append(c.exports, exportRun{format: format, bytes: info.Size(), u: u})
		h.logf("export %s %s: %s MB in %s s", sizeLabel(c.n), format, mb(info.Size()), secs(u.Wall))
		os.Remove(path)
	}
	return nil
}

// writerRun is one sub-benchmark of export's BenchmarkWriters.
type writerRun struct {
	name string
	mbs  float64
	nsOp float64
}

var benchLineRE = regexp.MustCompile(`^Benchmark(\S+?)(?:-(\d+))?\s+(\d+)\s+([\d.]+) ns/op(?:\s+([\d.]+) MB/s)?`)

func (h *harness) exportWriters(ctx context.Context) error {
	var out bytes.Buffer
	_, _, err := runChild(ctx, child{name: "export.test", path: h.tools.exportTest, dir: filepath.Join(h.cfg.src, "export"),
		args: []string{"-test.run", "^$", "-test.bench", "^BenchmarkWriters$", "-test.benchtime", "5x"}, stdout: &out})
	if err != nil {
		return err
	}
	for _, line := range strings.Split(out.String(), "\n") {
		m := benchLineRE.FindStringSubmatch(line)
		if m == nil || !strings.HasPrefix(m[1], "Writers/") {
			continue
		}
		ns, _ := strconv.ParseFloat(m[4], 64)
		mbs, _ := strconv.ParseFloat(m[5], 64)
		h.writers = append(h.writers, writerRun{name: strings.TrimPrefix(m[1], "Writers/"), mbs: mbs, nsOp: ns})
	}
	if len(h.writers) == 0 {
		h.note("export's BenchmarkWriters printed no result line.")
	}
	return nil
}

// proseRun is the prose v2 reference on one corpus.
type proseRun struct {
	corpus *corpusRun
	u      usage
	res    struct {
		Articles    int     `json:"articles"`
		Words       int64   `json:"words"`
		Tokens      int     `json:"tokens"`
		Entities    int     `json:"entities"`
		LoadSeconds float64 `json:"load_seconds"`
		Seconds     float64 `json:"seconds"`
		CPUSeconds  float64 `json:"cpu_seconds"`
	}
}

func (h *harness) refProse(ctx context.Context, c *corpusRun) error {
	h.logf("prose v2 on %s (load %s)...", sizeLabel(c.n), loadNow())
	var out bytes.Buffer
	u, _, err := runChild(ctx, child{name: "refprose", path: h.tools.refprose, args: []string{c.path}, stdout: &out})
	if err != nil {
		return err
	}
	p := &proseRun{corpus: c, u: u}
	if err := json.Unmarshal(out.Bytes(), &p.res); err != nil {
		return fmt.Errorf("refprose output: %w", err)
	}
	h.refText = p
	h.logf("prose v2 %s: %s s, %.0f words/CPU-s", sizeLabel(c.n), secs(u.Wall), float64(p.res.Words)/u.CPU.Seconds())
	return nil
}

// measureRun is one timing of one measure by one tool.
type measureRun struct {
	Tool         string  `json:"tool"`
	Measure      string  `json:"measure"`
	Seconds      float64 `json:"seconds"`
	CPUSeconds   float64 `json:"cpu_seconds"`
	Sources      int     `json:"sources"`
	Extrapolated bool    `json:"extrapolated"`
	Note         string  `json:"note"`
	threads      int     // newsgraph's package benchmarks: GOMAXPROCS
	rss          int64   // peak RSS of the process that ran it (0: not known)
	load         float64 // load average when that process started
	stopped      bool    // stopped at --ref-timeout: Seconds is a lower bound
}

// graphRun is everything measured on one generated graph.
type graphRun struct {
	nodes, edges int
	runs         []measureRun
}

func (g *graphRun) find(tool, measure string, threads int) *measureRun {
	for i := range g.runs {
		r := &g.runs[i]
		if r.Tool == tool && r.Measure == measure && r.threads == threads && (r.Seconds > 0 || r.stopped) {
			return r
		}
	}
	return nil
}

// analyse times newsgraph's measures and the references on the graph of
// n nodes and m edges.
func (h *harness) analyse(ctx context.Context, n, m int) error {
	g := &graphRun{nodes: n, edges: m}
	h.graphs = append(h.graphs, g)
	label := fmt.Sprintf("%s/%s", sizeLabel(n), sizeLabel(m))
	nb := func(args ...string) []string { return append(args, "--nodes", fmt.Sprint(n), "--edges", fmt.Sprint(m)) }
	// collect runs one timing process, which prints a JSON object per
	// measure, expected in the order of measures (tool's). A reference
	// still running after --ref-timeout is stopped: the measure it was on
	// is recorded as stopped, those after it as not run.
	collect := func(name, path string, args []string, env []string, threads int, limit time.Duration, tool string, measures ...string) error {
		cctx, cancel := ctx, context.CancelFunc(func() {})
		if limit > 0 {
			cctx, cancel = context.WithTimeout(ctx, limit)
		}
		defer cancel()
		var out bytes.Buffer
		u, _, err := runChild(cctx, child{name: name, path: path, args: args, env: env, stdout: &out})
		stopped := err != nil && ctx.Err() == nil && cctx.Err() != nil
		if err != nil && !stopped {
			return err
		}
		done := map[string]bool{}
		sc := bufio.NewScanner(&out)
		for sc.Scan() {
			var r measureRun
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				if stopped {
					break // a line cut short
				}
				return fmt.Errorf("%s: %w: %q", name, err, sc.Text())
			}
			r.rss, r.threads, r.load = u.MaxRSS, threads, u.Load
			g.runs = append(g.runs, r)
			done[r.Measure] = true
			h.logf("  %s %s: %s s%s", r.Tool, r.Measure, fsig(r.Seconds), map[bool]string{true: " (extrapolated)"}[r.Extrapolated])
		}
		if stopped {
			first := true
			for _, m := range measures {
				if done[m] {
					continue
				}
				r := measureRun{Tool: tool, Measure: m, rss: u.MaxRSS, load: u.Load, Note: "not run: an earlier measure was stopped"}
				if first {
					r.stopped, r.Seconds, r.Note = true, limit.Seconds(), fmt.Sprintf("stopped after %s (--ref-timeout)", limit)
					h.logf("  %s %s: stopped after %s", tool, m, limit)
				}
				first = false
				g.runs = append(g.runs, r)
			}
		}
		return nil
	}
	if h.step("analysis") {
		h.logf("analysis %s: newsgraph (load %s)...", label, loadNow())
		if h.tools.graphTest != "" && (n == 10_000 || n == 100_000) && m == 5*n {
			if err := h.graphPackageBenches(ctx, g, n); err != nil {
				return err
			}
		}
		if err := collect("graphbench ours", h.tools.graphbench, nb("ours"), nil, 0, 0, "newsgraph", "analyse"); err != nil {
			return err
		}
	}
	if !h.step("refs") {
		return nil
	}
	h.logf("analysis %s: references (load %s)...", label, loadNow())
	// About 1e7 edge visits of Brandes per reference: 200 sources at 10k
	// nodes, 20 at 100k.
	sources := max(20, min(n, 10_000_000/m))
	for _, measure := range []string{"betweenness", "pagerank", "louvain"} {
		args := nb("gonum", "--measure", measure)
		if measure == "betweenness" {
			args = append(args, "--sources", fmt.Sprint(sources))
		}
		if err := collect("graphbench gonum "+measure, h.tools.graphbench, args, []string{"GOMAXPROCS=1"}, 0, h.cfg.refTimeout, "gonum", measure); err != nil {
			return err
		}
	}
	if !h.tools.python {
		return nil
	}
	graphml := filepath.Join(h.cfg.work, fmt.Sprintf("graph-%d.graphml", n))
	if _, _, err := runChild(ctx, child{name: "graphbench graphml", path: h.tools.graphbench, args: nb("graphml", "--out", graphml)}); err != nil {
		return err
	}
	single := []string{"OMP_NUM_THREADS=1", "OPENBLAS_NUM_THREADS=1", "MKL_NUM_THREADS=1"}
	for _, lib := range []string{"igraph", "networkx"} {
		if err := collect(lib, h.cfg.python, []string{h.tools.refsPy, lib, graphml}, single, 0, h.cfg.refTimeout, lib,
			"betweenness", "pagerank", "louvain", "closeness"); err != nil {
			return err
		}
	}
	os.Remove(graphml)
	return nil
}

// graphPackageBenches runs the graph package's benchmarks on the same
// graph: by default they use the 10k/50k one, and NEWSGRAPH_BENCH_NODES
// makes them generate the 100k/500k one. At 10k every measure runs, on 1
// thread and on one per CPU; at 100k the ones that take seconds there
// (sampled betweenness, PageRank, Louvain), on 1 thread: exact betweenness
// and closeness take many minutes, and graph.Analyse (graphbench) times
// them already.
func (h *harness) graphPackageBenches(ctx context.Context, g *graphRun, n int) error {
	names := map[string]string{
		"BetweennessExact": "betweenness", "BetweennessSampled": "betweenness (1000 sources)",
		"Closeness": "closeness", "PageRank": "pagerank", "Louvain": "louvain", "Analyse": "analyse",
	}
	cpus, benches, env := "1", "BetweennessExact|BetweennessSampled|Closeness|PageRank|Louvain|Analyse", []string(nil)
	if n != 10_000 {
		benches, env = "BetweennessSampled|PageRank|Louvain", []string{fmt.Sprintf("NEWSGRAPH_BENCH_NODES=%d", n)}
	} else if h.env.nproc > 1 {
		cpus = fmt.Sprintf("1,%d", h.env.nproc)
	}
	var out bytes.Buffer
	u, _, err := runChild(ctx, child{name: "graph.test", path: h.tools.graphTest, dir: filepath.Join(h.cfg.src, "graph"),
		args: []string{"-test.run", "^$", "-test.bench", "^Benchmark(" + benches + ")$",
			"-test.benchtime", "1x", "-test.cpu", cpus}, env: env, stdout: &out})
	if err != nil {
		return err
	}
	for _, line := range strings.Split(out.String(), "\n") {
		m := benchLineRE.FindStringSubmatch(line)
		if m == nil || names[m[1]] == "" {
			continue
		}
		threads := 1
		if m[2] != "" {
			threads, _ = strconv.Atoi(m[2])
		}
		ns, _ := strconv.ParseFloat(m[4], 64)
		r := measureRun{Tool: "newsgraph", Measure: names[m[1]], Seconds: ns / 1e9, threads: threads, rss: u.MaxRSS, load: u.Load}
		g.runs = append(g.runs, r)
		h.logf("  newsgraph %s, %d thread(s): %s s", r.Measure, threads, fsig(r.Seconds))
	}
	return nil
}
