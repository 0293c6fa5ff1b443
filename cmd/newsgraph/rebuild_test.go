package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/store"
)

// rebuildEnv is a folder holding a config file, for rebuild tests.
type rebuildEnv struct {
	t        *testing.T
	dir      string
	cfg      string // the config file
	articles string // the folder copyArticles copies; "" means testdata/articles
}

// newRebuildEnv writes cfg as newsgraph.yaml in a new folder.
func newRebuildEnv(t *testing.T, cfg string) *rebuildEnv {
	t.Helper()
	e := &rebuildEnv{t: t, dir: t.TempDir()}
	e.cfg = filepath.Join(e.dir, config.FileName)
	e.write(config.FileName, cfg)
	return e
}

// write writes a file under the env's folder.
func (e *rebuildEnv) write(name, data string) {
	e.t.Helper()
	p := filepath.Join(e.dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

// copyArticles copies testdata/articles (three articles) into the folder
// sub of the env.
func (e *rebuildEnv) copyArticles(sub string) {
	e.t.Helper()
	src := e.articles
	if src == "" {
		src = filepath.Join("testdata", "articles")
	}
	files, err := filepath.Glob(filepath.Join(src, "*"))
	if err != nil || len(files) == 0 {
		e.t.Fatalf("testdata/articles: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			e.t.Fatal(err)
		}
		e.write(filepath.Join(sub, filepath.Base(f)), string(data))
	}
}

// rebuildRun is the outcome of one rebuild.
type rebuildRun struct {
	code    int
	stdout  string
	stderr  string
	records []map[string]any // the JSON log records, in order
}

// finished returns the "rebuild finished" record, failing the test when
// there is none.
func (r rebuildRun) finished(t *testing.T) map[string]any {
	t.Helper()
	for _, rec := range r.records {
		if rec["msg"] == "rebuild finished" {
			return rec
		}
	}
	t.Fatalf("no \"rebuild finished\" record in:\n%s", r.stderr)
	return nil
}

// logFields returns the named numeric fields of a record as "name=value"
// pairs, for compact comparisons.
func logFields(rec map[string]any, names ...string) string {
	var parts []string
	for _, n := range names {
		parts = append(parts, fmt.Sprintf("%s=%v", n, rec[n]))
	}
	return strings.Join(parts, " ")
}

// rebuild runs `newsgraph rebuild --config FILE --log-format json args...`.
func (e *rebuildEnv) rebuild(args ...string) rebuildRun {
	e.t.Helper()
	return e.rebuildCtx(context.Background(), args...)
}

func (e *rebuildEnv) rebuildCtx(ctx context.Context, args ...string) rebuildRun {
	e.t.Helper()
	var out, errb bytes.Buffer
	argv := append([]string{"rebuild", "--config", e.cfg, "--log-format", "json"}, args...)
	code := run(ctx, argv, streams{in: strings.NewReader(""), out: &out, err: &errb})
	r := rebuildRun{code: code, stdout: out.String(), stderr: errb.String()}
	for _, line := range strings.Split(r.stderr, "\n") {
		if !strings.HasPrefix(line, "{") {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			e.t.Fatalf("log line %q: %v", line, err)
		}
		r.records = append(r.records, rec)
	}
	return r
}

// readExports returns the content of every file under dir, by relative path.
func readExports(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// storeArticles returns the ids of the articles the published store holds.
func storeArticles(t *testing.T, db string) []string {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ids := []string{}
	if err := st.EachArticle(context.Background(), func(a store.ArticleInfo) error {
		ids = append(ids, a.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestInitThenRebuild checks that the example init writes is accepted by
// rebuild as it is, from the working folder, and that init does not
// replace a file without --force.
func TestInitThenRebuild(t *testing.T) {
	articles, err := filepath.Abs(filepath.Join("testdata", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	code, out, stderr := runCLI(t, "", "init")
	if code != 0 || out != "" {
		t.Fatalf("init: exit %d, stdout %q, stderr %s", code, out, stderr)
	}
	data, err := os.ReadFile(config.FileName)
	if err != nil || !bytes.Equal(data, config.Example()) {
		t.Fatalf("init wrote %q (%v), want the example", data, err)
	}
	if fi, err := os.Stat("articles"); err != nil || !fi.IsDir() {
		t.Fatalf("init did not create articles/: %v", err)
	}
	if code, _, stderr := runCLI(t, "", "init"); code != 1 || !strings.Contains(stderr, "exists: use --force") {
		t.Errorf("init over a file: exit %d, %s", code, stderr)
	}
	if err := os.WriteFile(config.FileName, []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "init", "--force"); code != 0 {
		t.Errorf("init --force: exit %d, %s", code, stderr)
	}
	if data, _ := os.ReadFile(config.FileName); !bytes.Equal(data, config.Example()) {
		t.Error("init --force did not replace the file")
	}

	// The example as it is, on an empty folder, then on three articles.
	if code, _, stderr := runCLI(t, "", "rebuild"); code != 0 {
		t.Fatalf("rebuild of the example on no articles: exit %d: %s", code, stderr)
	}
	e := &rebuildEnv{t: t, dir: dir, cfg: filepath.Join(dir, config.FileName), articles: articles}
	e.copyArticles("articles")
	r := e.rebuild()
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("rebuild: exit %d, stdout %q:\n%s", r.code, r.stdout, r.stderr)
	}
	if got := logFields(r.finished(t), "read", "new", "articles", "exports"); got != "read=3 new=3 articles=3 exports=2" {
		t.Errorf("rebuild: %s", got)
	}
	nodes, edges := checkGraphML(t, filepath.Join(dir, "exports", "relations.graphml"))
	if nodes < 5 || edges < 4 {
		t.Errorf("relations.graphml has %d nodes, %d edges", nodes, edges)
	}
	if gexf, err := os.ReadFile(filepath.Join(dir, "exports", "comention.gexf")); err != nil || !bytes.Contains(gexf, []byte(`defaultedgetype="undirected"`)) {
		t.Errorf("comention.gexf: %v\n%.300s", err, gexf)
	}
}

// allExports is an exports section with every format.
const allExports = `exports:
  - path: out/relations.graphml
  - path: out/comention.gexf
    graph: comention
  - path: out/relations.json
    min_weight: 1
  - path: out/csv
    format: csv
    graph: comention
    window: article
`

// TestRebuildTwiceIdentical checks that a rebuild on unchanged sources
// writes no triple and rewrites every export with the same bytes, and that
// an edited article is re-extracted.
func TestRebuildTwiceIdentical(t *testing.T) {
	e := newRebuildEnv(t, "store: db\nsources:\n  - path: in\n"+allExports)
	e.copyArticles("in")
	r := e.rebuild()
	if r.code != 0 {
		t.Fatalf("first rebuild: exit %d:\n%s", r.code, r.stderr)
	}
	first := readExports(t, filepath.Join(e.dir, "out"))
	if len(first) != 5 {
		t.Fatalf("exports: %d files, want 5: %v", len(first), first)
	}
	r = e.rebuild()
	if r.code != 0 {
		t.Fatalf("second rebuild: exit %d:\n%s", r.code, r.stderr)
	}
	if got := logFields(r.finished(t), "read", "new", "changed", "unchanged", "articles"); got != "read=3 new=0 changed=0 unchanged=3 articles=3" {
		t.Errorf("second rebuild: %s", got)
	}
	second := readExports(t, filepath.Join(e.dir, "out"))
	for name, data := range first {
		if !bytes.Equal(data, second[name]) {
			t.Errorf("%s differs after a rebuild that changed nothing", name)
		}
	}

	e.write("in/warning.txt", "March 4, 2025\n\nTurkey warns NATO\n\nTurkey warned NATO against sending warships. Greece criticised Turkey.\n")
	r = e.rebuild()
	if got := logFields(r.finished(t), "read", "new", "changed", "unchanged"); r.code != 0 || got != "read=3 new=0 changed=1 unchanged=2" {
		t.Errorf("rebuild after an edit: exit %d, %s", r.code, got)
	}
	if bytes.Equal(readExports(t, filepath.Join(e.dir, "out"))["relations.graphml"], first["relations.graphml"]) {
		t.Error("relations.graphml unchanged after an article changed")
	}
}

// TestRebuildPrune checks that --prune deletes the articles of a removed
// file, that a rebuild without it keeps them, and that it is skipped when
// a source fails.
func TestRebuildPrune(t *testing.T) {
	e := newRebuildEnv(t, "store: db\nsources:\n  - path: in\n  - path: extra/*.txt\nexports:\n  - path: out/r.graphml\n")
	e.copyArticles("in")
	e.write("extra/e1.txt", "Brazil signed a trade agreement with Argentina on Monday.\n")
	if r := e.rebuild(); r.code != 0 {
		t.Fatalf("rebuild: exit %d:\n%s", r.code, r.stderr)
	}
	if err := os.Remove(filepath.Join(e.dir, "in", "harbour.txt")); err != nil {
		t.Fatal(err)
	}
	r := e.rebuild()
	if got := logFields(r.finished(t), "read", "pruned", "articles"); r.code != 0 || got != "read=3 pruned=0 articles=4" {
		t.Errorf("rebuild without --prune: exit %d, %s", r.code, got)
	}
	r = e.rebuild("--prune")
	if got := logFields(r.finished(t), "read", "new", "changed", "pruned", "articles"); r.code != 0 || got != "read=3 new=0 changed=0 pruned=1 articles=3" {
		t.Errorf("rebuild --prune: exit %d, %s\n%s", r.code, got, r.stderr)
	}
	if ids := storeArticles(t, filepath.Join(e.dir, "db")); strings.Join(ids, " ") != "aid-1 e1 warning" {
		t.Errorf("store after --prune: %v", ids)
	}
	if g, _ := os.ReadFile(filepath.Join(e.dir, "out", "r.graphml")); bytes.Contains(g, []byte("Muriuki")) {
		t.Error("the export still has an actor of the pruned article")
	}

	// A source that fails (its glob matches nothing now): partial, and
	// nothing pruned.
	if err := os.Remove(filepath.Join(e.dir, "extra", "e1.txt")); err != nil {
		t.Fatal(err)
	}
	r = e.rebuild("--prune")
	if got := logFields(r.finished(t), "pruned", "failed_sources", "articles"); r.code != exitPartial || got != "pruned=0 failed_sources=1 articles=3" {
		t.Errorf("rebuild --prune with a failed source: exit %d, %s\n%s", r.code, got, r.stderr)
	}
	if !strings.Contains(r.stderr, "--prune skipped") || !strings.Contains(r.stderr, "newsgraph: 1 of 2 sources failed") {
		t.Errorf("stderr does not say why:\n%s", r.stderr)
	}
}

// feedServer serves testdata/feeds/world.rss at /world.rss with an ETag,
// answering 304 to a matching If-None-Match, and HTTP 500 at /broken.rss.
type feedServer struct {
	*httptest.Server
	mu          sync.Mutex
	conditional int // requests of /world.rss answered 304
	block       chan struct{}
	hit         chan struct{} // closed at the first request of /slow.rss
}

func newFeedServer(t *testing.T) *feedServer {
	t.Helper()
	rss, err := os.ReadFile("testdata/feeds/world.rss")
	if err != nil {
		t.Fatal(err)
	}
	fs := &feedServer{block: make(chan struct{}), hit: make(chan struct{})}
	var once sync.Once
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/world.rss":
			if r.Header.Get("If-None-Match") == `"v1"` {
				fs.mu.Lock()
				fs.conditional++
				fs.mu.Unlock()
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(rss)
		case "/slow.rss":
			once.Do(func() { close(fs.hit) })
			select {
			case <-r.Context().Done():
			case <-fs.block:
			}
		default:
			http.Error(w, "broken", http.StatusInternalServerError)
		}
	}))
	t.Cleanup(func() {
		close(fs.block)
		fs.Close()
	})
	return fs
}

// TestRebuildFeeds checks feed sources served over HTTP: a good feed is
// ingested beside a folder, a failing one is reported and gives exit
// status 3 with the others published, and the next run fetches the good
// feed with a conditional request.
func TestRebuildFeeds(t *testing.T) {
	srv := newFeedServer(t)
	e := newRebuildEnv(t, fmt.Sprintf(`store: db
sources:
  - path: in
  - feed: %[1]s/broken.rss
    retries: 0
    timeout: 5s
  - feed: %[1]s/world.rss
exports:
  - path: out/r.graphml
`, srv.URL))
	e.copyArticles("in")
	r := e.rebuild()
	if r.code != exitPartial {
		t.Fatalf("exit %d, want %d (partial):\n%s", r.code, exitPartial, r.stderr)
	}
	if got := logFields(r.finished(t), "read", "new", "failed_sources", "articles", "exports"); got != "read=5 new=5 failed_sources=1 articles=5 exports=1" {
		t.Errorf("partial rebuild: %s", got)
	}
	wantMsg := "newsgraph: 1 of 3 sources failed (first: source 2 (feed " + srv.URL + "/broken.rss): feed " + srv.URL + "/broken.rss: HTTP 500 Internal Server Error); what the others gave was published"
	if !strings.Contains(r.stderr, wantMsg+"\n") {
		t.Errorf("stderr lacks %q:\n%s", wantMsg, r.stderr)
	}
	var failed map[string]any
	for _, rec := range r.records {
		if rec["msg"] == "source failed" {
			failed = rec
		}
	}
	if failed == nil || failed["level"] != "ERROR" || failed["source"] != 2.0 {
		t.Errorf("no ERROR record for source 2: %v", failed)
	}
	ids := storeArticles(t, filepath.Join(e.dir, "db"))
	if want := "aid-1 harbour https://wire.example/world/brazil-argentina-trade https://wire.example/world/france-poland-farms warning"; strings.Join(ids, " ") != want {
		t.Errorf("store: %v, want %s", ids, want)
	}
	if g, err := os.ReadFile(filepath.Join(e.dir, "out", "r.graphml")); err != nil || !bytes.Contains(g, []byte("Argentina")) {
		t.Errorf("the export lacks the feed's actors: %v", err)
	}
	if entries, err := os.ReadDir(filepath.Join(e.dir, "db.cache")); err != nil || len(entries) == 0 {
		t.Errorf("no feed cache beside the store: %v", err)
	}

	r = e.rebuild()
	if got := logFields(r.finished(t), "read", "new", "unchanged"); r.code != exitPartial || got != "read=5 new=0 unchanged=5" {
		t.Errorf("second rebuild: exit %d, %s", r.code, got)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if srv.conditional != 1 {
		t.Errorf("%d conditional requests of the good feed, want 1", srv.conditional)
	}
}

// TestRebuildInterrupted cancels a rebuild while it waits for a feed: the
// articles read before are published, the exports are not written, and
// the exit status is 130.
func TestRebuildInterrupted(t *testing.T) {
	srv := newFeedServer(t)
	e := newRebuildEnv(t, fmt.Sprintf("store: db\nsources:\n  - path: in\n  - feed: %s/slow.rss\nexports:\n  - path: out/r.graphml\n", srv.URL))
	e.copyArticles("in")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-srv.hit:
			cancel()
		case <-time.After(30 * time.Second):
		}
	}()
	r := e.rebuildCtx(ctx)
	if r.code != exitInterrupted {
		t.Fatalf("exit %d, want %d:\n%s", r.code, exitInterrupted, r.stderr)
	}
	// The articles finished before the cancel (all, some or none of the
	// folder's, depending on how far extraction had gone) are published,
	// and the message says how many.
	fin := r.finished(t)
	ids := storeArticles(t, filepath.Join(e.dir, "db"))
	if fin["new"] != float64(len(ids)) || fin["articles"] != float64(len(ids)) {
		t.Errorf("store holds %v; the log says %s", ids, logFields(fin, "new", "articles"))
	}
	if want := fmt.Sprintf("newsgraph: interrupted: published the %d new or changed articles stored before it; the exports were not rewritten (run rebuild again)\n", len(ids)); !strings.HasSuffix(r.stderr, want) {
		t.Errorf("stderr does not end with %q:\n%s", want, r.stderr)
	}
	for _, id := range ids {
		if id != "aid-1" && id != "harbour" && id != "warning" {
			t.Errorf("unexpected article %q", id)
		}
	}
	if _, err := os.Stat(filepath.Join(e.dir, "out", "r.graphml")); err == nil {
		t.Error("an export was written by an interrupted rebuild")
	}
}

// TestRebuildFromScratch checks that --from-scratch extracts everything
// again into a new store, and publishes nothing when a source fails.
func TestRebuildFromScratch(t *testing.T) {
	e := newRebuildEnv(t, "store: db\nsources:\n  - path: in\nexports:\n  - path: out/r.json\n")
	e.copyArticles("in")
	if r := e.rebuild(); r.code != 0 {
		t.Fatalf("rebuild: exit %d:\n%s", r.code, r.stderr)
	}
	before := readExports(t, filepath.Join(e.dir, "out"))
	r := e.rebuild("--from-scratch")
	if got := logFields(r.finished(t), "read", "new", "unchanged", "articles"); r.code != 0 || got != "read=3 new=3 unchanged=0 articles=3" {
		t.Errorf("--from-scratch: exit %d, %s", r.code, got)
	}
	if !bytes.Equal(before["r.json"], readExports(t, filepath.Join(e.dir, "out"))["r.json"]) {
		t.Error("--from-scratch on the same sources gave another export")
	}

	e.write(config.FileName, "store: db\nsources:\n  - path: in\n  - path: missing\nexports:\n  - path: out/r.json\n")
	r = e.rebuild("--from-scratch")
	if r.code != exitPartial || !strings.Contains(r.stderr, "--from-scratch published nothing") {
		t.Errorf("--from-scratch with a missing source: exit %d:\n%s", r.code, r.stderr)
	}
	if ids := storeArticles(t, filepath.Join(e.dir, "db")); len(ids) != 3 {
		t.Errorf("store after a failed --from-scratch: %v", ids)
	}
}

// TestRebuildErrors checks the statuses of a missing or bad config, bad
// flags and a busy store.
func TestRebuildErrors(t *testing.T) {
	t.Run("no config", func(t *testing.T) {
		t.Chdir(t.TempDir())
		code, _, stderr := runCLI(t, "", "rebuild")
		if code != exitUsage || !strings.Contains(stderr, "no newsgraph.yaml in ") || !strings.Contains(stderr, "newsgraph init") {
			t.Errorf("exit %d: %s", code, stderr)
		}
	})
	tests := []struct {
		name string
		cfg  string
		args []string
		code int
		want string
	}{
		{"unknown key", "sources:\n  - path: in\nexports:\n  - path: a.graphml\n    formt: gexf\n", nil, exitUsage,
			`newsgraph.yaml:5:5: unknown key "formt" in export 1 (did you mean "format"?)`},
		{"bad log format", "sources:\n  - path: in\n", []string{"--log-format", "xml"}, exitUsage, `--log-format "xml": want text or json`},
		{"missing gazetteer", "gazetteer:\n  file: nope.yaml\nsources:\n  - path: in\n", nil, exitFailure, "nope.yaml"},
		{"unknown ego", "store: db\nsources:\n  - path: in\nexports:\n  - path: a.graphml\n    ego: Nobody Known\n  - path: b.graphml\n", nil, exitFailure,
			"newsgraph: 1 of 2 exports failed (first: export 1 (a.graphml): graph: unknown actor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newRebuildEnv(t, tt.cfg)
			e.copyArticles("in")
			var out, errb bytes.Buffer
			code := run(context.Background(), append([]string{"rebuild", "--config", e.cfg}, tt.args...), streams{in: strings.NewReader(""), out: &out, err: &errb})
			if code != tt.code || !strings.Contains(errb.String(), tt.want) {
				t.Errorf("exit %d, want %d with %q:\n%s", code, tt.code, tt.want, errb.String())
			}
		})
	}

	t.Run("busy", func(t *testing.T) {
		e := newRebuildEnv(t, "store: db\nsources:\n  - path: in\n")
		e.copyArticles("in")
		st, err := store.Open(filepath.Join(e.dir, "db"), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		start := time.Now()
		r := e.rebuild("--wait", "300ms")
		if r.code != exitLocked {
			t.Errorf("exit %d, want %d:\n%s", r.code, exitLocked, r.stderr)
		}
		if waited := time.Since(start); waited < 250*time.Millisecond {
			t.Errorf("gave up after %s despite --wait 300ms", waited)
		}
	})
}

// TestRebuildFeedFiles checks feed sources read from files: a feed file
// is ingested, a file that is not a feed fails its source.
func TestRebuildFeedFiles(t *testing.T) {
	e := newRebuildEnv(t, "store: db\nsources:\n  - feed: feeds/world.rss\n  - feed: feeds/notes.rss\n")
	rss, err := os.ReadFile(filepath.Join("testdata", "feeds", "world.rss"))
	if err != nil {
		t.Fatal(err)
	}
	e.write("feeds/world.rss", string(rss))
	e.write("feeds/notes.rss", "Just some notes, not a feed.\n")
	r := e.rebuild()
	if got := logFields(r.finished(t), "read", "failed_sources", "articles"); r.code != exitPartial || got != "read=2 failed_sources=1 articles=2" {
		t.Errorf("exit %d, %s:\n%s", r.code, got, r.stderr)
	}
	if !strings.Contains(r.stderr, "source 2 (feed feeds/notes.rss)") || !strings.Contains(r.stderr, "not an RSS or Atom feed") {
		t.Errorf("stderr does not name the bad feed file:\n%s", r.stderr)
	}
}

// TestRebuildDuplicateIDs checks that an article id given by two sources
// is stored once, from the first, with a warning, and that the next run
// finds everything unchanged rather than flipping between the versions.
func TestRebuildDuplicateIDs(t *testing.T) {
	e := newRebuildEnv(t, "store: db\nsources:\n  - path: a\n  - path: b\n")
	e.copyArticles("a")
	e.write("b/harbour.txt", "Japan sent aid to Kenya on Tuesday.\n")
	r := e.rebuild()
	if got := logFields(r.finished(t), "read", "new", "articles"); r.code != 0 || got != "read=3 new=3 articles=3" {
		t.Errorf("first run: exit %d, %s", r.code, got)
	}
	var warned bool
	for _, rec := range r.records {
		if rec["level"] == "WARN" && rec["id"] == "harbour" && rec["first_source"] == 1.0 {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning about the id given twice:\n%s", r.stderr)
	}
	r = e.rebuild()
	if got := logFields(r.finished(t), "new", "changed", "unchanged"); got != "new=0 changed=0 unchanged=3" {
		t.Errorf("second run: %s", got)
	}
}

// TestRebuildOutputModes checks rebuild's stderr without --log-format on a
// pipe (text records) and with --quiet (nothing on success), and that
// stdout stays empty.
func TestRebuildOutputModes(t *testing.T) {
	e := newRebuildEnv(t, "store: db\nsources:\n  - path: in\n")
	e.copyArticles("in")
	code, out, stderr := runCLI(t, "", "rebuild", "--config", e.cfg)
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{`level=INFO msg="rebuild started"`, `level=INFO msg="source read" source=1 kind=path at=in articles=3`,
		`level=INFO msg="rebuild finished" read=3 new=3 changed=0 unchanged=0 pruned=0 failed_sources=0 exports=0 articles=3`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	code, out, stderr = runCLI(t, "", "rebuild", "--config", e.cfg, "--quiet")
	if code != 0 || out != "" || stderr != "" {
		t.Errorf("--quiet: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	e.write(config.FileName, "store: db\nsources:\n  - path: in\n  - path: gone\n")
	code, _, stderr = runCLI(t, "", "rebuild", "--config", e.cfg, "--quiet")
	if code != exitPartial || strings.Count(stderr, "\n") != 2 || !strings.Contains(stderr, `level=ERROR msg="source failed" source=2`) {
		t.Errorf("--quiet with a failed source: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestRebuildExportsMatchExportCmd checks that an export of the config
// gives the same bytes as `newsgraph export` with the same filters.
func TestRebuildExportsMatchExportCmd(t *testing.T) {
	e := newRebuildEnv(t, `store: db
sources:
  - path: in
exports:
  - path: out/r.graphml
    types: [PERSON, GPE]
    min_weight: 1
    top: 6
  - path: out/c.gexf
    graph: comention
    window: article
    since: 2025-01-01
`)
	e.copyArticles("in")
	if r := e.rebuild(); r.code != 0 {
		t.Fatalf("rebuild: exit %d:\n%s", r.code, r.stderr)
	}
	db := filepath.Join(e.dir, "db")
	for _, tt := range []struct {
		file string
		args []string
	}{
		{"r.graphml", []string{"--type", "PERSON,GPE", "--min-weight", "1", "--top", "6"}},
		{"c.gexf", []string{"--graph", "comention", "--window", "article", "--since", "2025-01-01"}},
	} {
		other := filepath.Join(t.TempDir(), tt.file)
		code, _, stderr := runCLI(t, "", append([]string{"export", "--db", db, "-o", other}, tt.args...)...)
		if code != 0 {
			t.Fatalf("export %v: exit %d: %s", tt.args, code, stderr)
		}
		want, _ := os.ReadFile(other)
		got, _ := os.ReadFile(filepath.Join(e.dir, "out", tt.file))
		if len(want) == 0 || !bytes.Equal(got, want) {
			t.Errorf("%s from rebuild (%d bytes) differs from export %v (%d bytes)", tt.file, len(got), tt.args, len(want))
		}
	}
}

// TestRebuildFromScratchInterrupted checks that an interrupted
// --from-scratch publishes nothing: a new store missing the sources not
// read yet would lose their articles.
func TestRebuildFromScratchInterrupted(t *testing.T) {
	srv := newFeedServer(t)
	e := newRebuildEnv(t, "store: db\nsources:\n  - path: in\n")
	e.copyArticles("in")
	if r := e.rebuild(); r.code != 0 {
		t.Fatalf("rebuild: exit %d:\n%s", r.code, r.stderr)
	}
	e.write("in2/extra.txt", "Brazil signed a trade agreement with Argentina on Monday.\n")
	e.write(config.FileName, fmt.Sprintf("store: db\nsources:\n  - path: in2\n  - feed: %s/slow.rss\n", srv.URL))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-srv.hit:
			cancel()
		case <-time.After(30 * time.Second):
		}
	}()
	r := e.rebuildCtx(ctx, "--from-scratch")
	if r.code != exitInterrupted || !strings.Contains(r.stderr, "newsgraph: interrupted: --from-scratch published nothing: the store is as before\n") {
		t.Errorf("exit %d:\n%s", r.code, r.stderr)
	}
	if ids := storeArticles(t, filepath.Join(e.dir, "db")); strings.Join(ids, " ") != "aid-1 harbour warning" {
		t.Errorf("store after an interrupted --from-scratch: %v", ids)
	}
}
