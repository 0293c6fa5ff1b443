package config

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
)

// cmpConfig compares configs: regular expressions by their source,
// graph options by their exported fields.
var cmpConfig = cmp.Options{
	cmp.Comparer(func(a, b *regexp.Regexp) bool {
		if a == nil || b == nil {
			return a == b
		}
		return a.String() == b.String()
	}),
	cmpopts.IgnoreUnexported(graph.Options{}),
}

func TestLoadGood(t *testing.T) {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file string
		want *Config
	}{
		{"minimal.yaml", &Config{
			File:      filepath.Join("testdata", "minimal.yaml"),
			Dir:       dir,
			Store:     filepath.Join(dir, "newsgraph.db"),
			Cache:     filepath.Join(dir, "newsgraph.db.cache"),
			Gazetteer: Gazetteer{FoldInstitutions: true},
			Sources:   []Source{{Kind: PathSource, Raw: ".", Path: dir, Timeout: DefaultTimeout, Retries: DefaultRetries, Line: 2}},
		}},
		{"good.yaml", &Config{
			File:      filepath.Join("testdata", "good.yaml"),
			Dir:       dir,
			Store:     filepath.Join(dir, "data", "news.db"),
			Cache:     "/var/cache/newsgraph",
			Gazetteer: Gazetteer{File: filepath.Join(dir, "gazetteer.yaml"), FoldInstitutions: false},
			Workers:   3,
			Sources: []Source{
				{Kind: PathSource, Raw: "articles", Path: filepath.Join(dir, "articles"), Timeout: DefaultTimeout, Retries: DefaultRetries, Line: 11},
				{Kind: PathSource, Raw: "dumps/*.txt", Path: filepath.Join(dir, "dumps", "*.txt"), SplitOn: regexp.MustCompile(`^-- cut --$`),
					Timeout: DefaultTimeout, Retries: DefaultRetries, Line: 12},
				{Kind: FeedSource, Raw: "https://example.com/world/rss.xml", URL: "https://example.com/world/rss.xml",
					FetchArticles: true, Timeout: 5 * time.Second, Retries: 0, Line: 14},
				{Kind: FeedSource, Raw: "saved/world.rss", Path: filepath.Join(dir, "saved", "world.rss"), Timeout: DefaultTimeout, Retries: DefaultRetries, Line: 18},
			},
			Exports: []Export{
				{Raw: "out/relations.graphml", Path: filepath.Join(dir, "out", "relations.graphml"), Format: export.FormatGraphML,
					Graph: graph.Options{Kind: graph.Relations, Depth: 1}, Line: 20},
				{Raw: "out/threats.json", Path: filepath.Join(dir, "out", "threats.json"), Format: export.FormatJSON,
					Graph: graph.Options{Kind: graph.Relations, Since: "2025-01-01", Until: "2025-12-31", MinWeight: 2,
						Events: []string{"THREATEN", "COERCE"}, Types: []string{"PERSON", "GPE"}, Top: 50, Ego: "Vladimir Putin", Depth: 2,
						Multi: true, IncludeHypothetical: true, BetweennessSamples: -1}, Line: 21},
				{Raw: "out/comention.gexf", Path: filepath.Join(dir, "out", "comention.gexf"), Format: export.FormatGEXF,
					Graph: graph.Options{Kind: graph.Comention, Window: graph.ArticleWindow, Depth: 1}, Line: 35},
				{Raw: "out/gephi", Path: filepath.Join(dir, "out", "gephi"), Format: export.FormatCSV,
					Graph: graph.Options{Kind: graph.Relations, Depth: 1}, Line: 38},
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := Load(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got, cmpConfig); d != "" {
				t.Errorf("Load (-want +got):\n%s", d)
			}
		})
	}
}

// TestParseErrors checks that each kind of mistake gives one line naming
// the file, the line and the problem.
func TestParseErrors(t *testing.T) {
	const src = "sources:\n  - path: a\n"
	tests := []struct {
		name string
		yaml string
		want string // the whole message
	}{
		{"unknown top key", "store: x\nsoruces:\n  - path: a\n",
			`c.yaml:2:1: unknown key "soruces" in the config (did you mean "sources"?)`},
		{"unknown key without a near one", src + "colour: red\n",
			`c.yaml:3:1: unknown key "colour" in the config (known keys: version, store, cache, gazetteer, extraction, sources, exports)`},
		{"unknown export key", src + "exports:\n  - path: a.graphml\n    formt: gexf\n",
			`c.yaml:5:5: unknown key "formt" in export 1 (did you mean "format"?)`},
		{"unknown source key", "sources:\n  - path: a\n    split: x\n",
			`c.yaml:3:5: unknown key "split" in source 1 (did you mean "split_on"?)`},
		{"key twice", "store: a\nstore: b\n" + src,
			`c.yaml:2:1: key "store" given twice in the config (first at line 1)`},
		{"bad format", src + "exports:\n  - path: a.out\n    format: pdf\n",
			`c.yaml:5:13: export 1 format "pdf": want graphml, gexf, csv or json`},
		{"no format and no extension", src + "exports:\n  - path: a.out\n",
			`c.yaml:4:11: export 1: no format, and path "a.out" does not end in .graphml, .gexf or .json: add format: graphml, gexf, csv or json`},
		{"format against extension", src + "exports:\n  - path: a.graphml\n    format: gexf\n",
			`c.yaml:5:13: export 1: format gexf, but path "a.graphml" ends in the extension of graphml`},
		{"csv into a file", src + "exports:\n  - path: a.csv\n    format: csv\n",
			`c.yaml:4:11: export 1: format csv writes nodes.csv and edges.csv into the folder path, but "a.csv" looks like a csv file`},
		{"bad date", src + "exports:\n  - path: a.gexf\n    since: 2025-13-01\n",
			`c.yaml:5:12: export 1 since: want a date as YYYY-MM-DD, got "2025-13-01"`},
		{"date with time", src + "exports:\n  - path: a.gexf\n    until: 2025-01-01T10:00:00Z\n",
			`c.yaml:5:12: export 1 until: want a date as YYYY-MM-DD, got "2025-01-01T10:00:00Z"`},
		{"since after until", src + "exports:\n  - path: a.gexf\n    since: 2025-02-01\n    until: 2025-01-01\n",
			`c.yaml:6:12: export 1: until 2025-01-01 is before since 2025-02-01`},
		{"missing sources", "store: x\n",
			`c.yaml:1:1: no sources: add a sources list, such as "sources: [{path: articles}]"`},
		{"empty sources", "sources: []\n", `c.yaml:1:10: no sources: the sources list is empty`},
		{"null sources", "sources:\n", `c.yaml:1:9: no sources: add a sources list, such as "sources: [{path: articles}]"`},
		{"empty file", "# nothing\n", `c.yaml: the file is empty: it needs at least a sources list (` + "`newsgraph init`" + ` writes an example)`},
		{"source without path or feed", "sources:\n  - split_on: x\n",
			`c.yaml:2:5: source 1: give path (a file, folder or glob pattern) or feed (a URL or feed file)`},
		{"source with both", "sources:\n  - path: a\n    feed: b.rss\n",
			`c.yaml:3:5: source 1: give path or feed, not both`},
		{"source is text", "sources:\n  - articles\n",
			`c.yaml:2:5: source 1: want a mapping such as "- path: articles" or "- feed: https://…", got "articles"`},
		{"split_on on a feed", "sources:\n  - feed: https://x.org/rss\n    split_on: x\n",
			`c.yaml:3:5: source 1: split_on applies to path sources only`},
		{"timeout on a path", "sources:\n  - path: a\n    timeout: 3s\n",
			`c.yaml:3:5: source 1: timeout applies to feed sources only`},
		{"timeout on a feed file", "sources:\n  - feed: a.rss\n    timeout: 3s\n",
			`c.yaml:3:5: source 1: timeout applies to feed URLs only; "a.rss" is a file`},
		{"bad regexp", "sources:\n  - path: a\n    split_on: '(('\n",
			"c.yaml:3:15: source 1 split_on: error parsing regexp: missing closing ): `((`"},
		{"bad duration", "sources:\n  - feed: https://x.org/rss\n    timeout: 30\n",
			`c.yaml:3:14: source 1 timeout: want a duration with a unit, such as 30s or 2m, got "30"`},
		{"bad scheme", "sources:\n  - feed: ftp://x.org/rss\n",
			`c.yaml:2:11: source 1 feed: unsupported URL scheme "ftp" (want http or https)`},
		{"url as path", "sources:\n  - path: https://x.org/rss\n",
			`c.yaml:2:11: source 1 path: "https://x.org/rss" is a URL; read feeds with "feed:"`},
		{"negative retries", "sources:\n  - feed: https://x.org/rss\n    retries: -1\n",
			`c.yaml:3:14: source 1 retries -1: want 0 to 100`},
		{"bad bool", "sources:\n  - feed: https://x.org/rss\n    fetch_articles: sometimes\n",
			`c.yaml:3:21: source 1 fetch_articles: want true or false, got "sometimes"`},
		{"duplicate export path", src + "exports:\n  - path: out/a.graphml\n  - path: out/../out/a.graphml\n",
			`c.yaml:5:11: export 2: path "out/../out/a.graphml" is also written by export 1 (line 4)`},
		{"export over csv file", src + "exports:\n  - path: g\n    format: csv\n  - path: g/nodes.csv\n    format: json\n",
			`c.yaml:6:11: export 2: path "g/nodes.csv" is also written by export 1 (line 4)`},
		{"export in store", "store: db\n" + src + "exports:\n  - path: db/x.graphml\n",
			`c.yaml:5:11: export 1: path "db/x.graphml" is inside the store or cache folder /cfg/db`},
		{"bad event", src + "exports:\n  - path: a.gexf\n    events: [THREATEN, BOMB]\n",
			`c.yaml:5:24: export 1 events: unknown PLOVER event type "BOMB" (want AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, DEMAND, DISAPPROVE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT, FIGHT, INVESTIGATE)`},
		{"bad type", src + "exports:\n  - path: a.gexf\n    types: PERSON, THING\n",
			`c.yaml:5:12: export 1 types: unknown actor type "THING" (want PERSON, ORG, GPE)`},
		{"bad graph", src + "exports:\n  - path: a.gexf\n    graph: tree\n",
			`c.yaml:5:12: export 1 graph "tree": want relations or comention`},
		{"window on relations", src + "exports:\n  - path: a.gexf\n    window: article\n",
			`c.yaml:5:5: export 1: window applies to graph: comention only`},
		{"multi on comention", src + "exports:\n  - path: a.gexf\n    graph: comention\n    multi: true\n",
			`c.yaml:6:5: export 1: multi applies to graph: relations only`},
		{"depth without ego", src + "exports:\n  - path: a.gexf\n    depth: 2\n",
			`c.yaml:5:5: export 1: depth needs ego`},
		{"negative top", src + "exports:\n  - path: a.gexf\n    top: -5\n",
			`c.yaml:5:10: export 1 top -5: want 0 (all) or more`},
		{"weight not a number", src + "exports:\n  - path: a.gexf\n    min_weight: heavy\n",
			`c.yaml:5:17: export 1 min_weight: want a number, got "heavy"`},
		{"export without path", src + "exports:\n  - format: gexf\n",
			`c.yaml:4:5: export 1: path is missing (the file to write, or the folder for csv)`},
		{"exports not a list", src + "exports: a.graphml\n",
			`c.yaml:3:10: exports: want a list (lines starting with "- path:"), got "a.graphml"`},
		{"workers", "extraction:\n  workers: -2\n" + src,
			`c.yaml:2:12: workers -2: want 0 (one per CPU) or more`},
		{"version", "version: 2\n" + src, `c.yaml:1:10: version 2: this newsgraph reads version 1`},
		{"gazetteer as a string", "gazetteer: names.yaml\n" + src,
			`c.yaml:1:12: gazetteer: want a mapping ("key: value" lines), got "names.yaml"`},
		{"stdin", "sources:\n  - path: '-'\n",
			`c.yaml:2:11: source 1 path: standard input ("-") cannot be a source of a config`},
		{"syntax", "sources:\n  - path: a\n bad: [\n",
			`c.yaml:2: invalid YAML: did not find expected key`},
		{"two documents", src + "---\n" + src,
			`c.yaml:3:1: a second YAML document: a config file holds one (remove the "---" line)`},
		{"merge key", "base: &b {path: a}\n" + src,
			`c.yaml:1:1: unknown key "base" in the config (known keys: version, store, cache, gazetteer, extraction, sources, exports)`},
		{"merge key in a source", "sources:\n  - <<: {path: a}\n",
			`c.yaml:2:5: source 1: merge keys (<<) are not supported; write the keys out`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.yaml), "/cfg")
			if err == nil {
				t.Fatalf("no error for:\n%s", tt.yaml)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Errorf("error %T is not an *Error: %v", err, err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error\n got %s\nwant %s", got, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message has several lines: %q", err)
			}
		})
	}
}

// TestRelativePaths checks that every path is resolved against the config
// file's folder, not the working folder, and that absolute ones stay.
func TestRelativePaths(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "conf")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(sub, FileName)
	data := `store: ../db
gazetteer:
  file: g.yaml
sources:
  - path: ./articles/../articles
  - path: /abs/src
  - feed: feeds/a.rss
exports:
  - path: ../out/r.graphml
`
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // somewhere else
	cfg, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{cfg.Dir, cfg.Store, cfg.Cache, cfg.Gazetteer.File, cfg.Sources[0].Path, cfg.Sources[1].Path, cfg.Sources[2].Path, cfg.Exports[0].Path}
	want := []string{sub, filepath.Join(dir, "db"), filepath.Join(dir, "db.cache"), filepath.Join(sub, "g.yaml"), filepath.Join(sub, "articles"),
		"/abs/src", filepath.Join(sub, "feeds", "a.rss"), filepath.Join(dir, "out", "r.graphml")}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("paths (-want +got):\n%s", d)
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	if _, err := Find(dir); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "newsgraph init") {
		t.Errorf("Find in an empty folder: %v, want ErrNotFound saying to run init", err)
	}
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, Example(), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(dir); err != nil || got != p {
		t.Errorf("Find = %q, %v; want %q", got, err, p)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !strings.Contains(err.Error(), "nope.yaml") {
		t.Errorf("Load of a missing file: %v", err)
	}
}

// TestExample checks that the example init writes is valid as it is and
// with its commented-out keys uncommented, so the comments do not lie.
func TestExample(t *testing.T) {
	cfg, err := Parse(FileName, Example(), "/srv/news")
	if err != nil {
		t.Fatalf("example: %v", err)
	}
	if len(cfg.Sources) != 1 || cfg.Sources[0].Path != "/srv/news/articles" || len(cfg.Exports) != 2 {
		t.Errorf("example: sources %+v, exports %+v", cfg.Sources, cfg.Exports)
	}
	for _, s := range cfg.Sources {
		if s.Kind == PathSource && !strings.HasPrefix(s.Path, "/srv/news/"+ExampleFolders()[0]) {
			t.Errorf("source %s is not under ExampleFolders", s)
		}
	}
	full := uncomment(string(Example()))
	if full == string(Example()) {
		t.Fatal("uncomment changed nothing")
	}
	cfg, err = Parse(FileName, []byte(full), "/srv/news")
	if err != nil {
		t.Fatalf("example with comments removed: %v\n%s", err, full)
	}
	if len(cfg.Sources) != 4 || len(cfg.Exports) != 5 || cfg.Gazetteer.File == "" || cfg.Cache != "/srv/news/newsgraph.db.cache" {
		t.Errorf("uncommented example: %d sources, %d exports, gazetteer %q, cache %q", len(cfg.Sources), len(cfg.Exports), cfg.Gazetteer.File, cfg.Cache)
	}
	// Every key the parser knows appears in the example.
	for _, keys := range [][]string{topKeys, gazetteerKeys, extractionKeys, sourceKeys, exportKeys} {
		for _, k := range keys {
			if !regexp.MustCompile(`(?m)^[ #-]*` + k + `:`).MatchString(full) {
				t.Errorf("key %q is not in the example", k)
			}
		}
	}
}
