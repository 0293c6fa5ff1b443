package source

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

func TestReadFolderRecursiveSorted(t *testing.T) {
	r := readAll(t, Options{}, "testdata/tree")
	want := []news.Article{
		{ID: "UPPER", Title: "Zebra article", Text: "Zebra article\n\nUpper-case extension.", Source: "testdata/tree/UPPER.TXT"},
		{ID: "a", Title: "Apple notes", Text: "Apple notes\n\nA markdown file.", Source: "testdata/tree/a.md"},
		{ID: "b", Title: "B article", Text: "B article\n\nFile b.txt.", Source: "testdata/tree/b.txt"},
		{ID: "x", Title: "B folder article", Text: "B folder article\n\nFile b/x.txt.", Source: "testdata/tree/b/x.txt"},
		{ID: "c1", Text: "First line.", Source: "testdata/tree/c.jsonl"},
		{ID: "c2", Text: "Second line.", Source: "testdata/tree/c.jsonl"},
		{ID: "page", Title: "Deep page", Text: "Deep page\n\nFound by walking.", Source: "testdata/tree/sub/deep/page.htm"},
	}
	if diff := cmp.Diff(want, r.articles); diff != "" {
		t.Errorf("articles mismatch (-want +got):\n%s", diff)
	}
	if len(r.warnings) > 0 {
		t.Errorf("unexpected warnings: %q", r.warnings)
	}
}

func TestReadPaths(t *testing.T) {
	tests := []struct {
		name    string
		paths   []string
		wantIDs []string
	}{
		{"glob skips hidden files", []string{"testdata/tree/*.txt"}, []string{"b"}},
		{"glob of files and folders, sorted", []string{"testdata/tree/[ab]*"}, []string{"a", "b", "x"}},
		{"glob matches read as named", []string{"testdata/tree/*.csv"}, []string{"skip"}},
		{"explicit hidden pattern", []string{"testdata/tree/.*.txt"}, []string{".dot"}},
		{"paths in the order given", []string{"testdata/tree/b.txt", "testdata/tree/a.md"}, []string{"b", "a"}},
		{"a file named twice is read once", []string{"testdata/tree/b.txt", "testdata/tree/../tree/b.txt", "testdata/tree/b"}, []string{"b", "x"}},
		{"glob matching a folder walks it", []string{"testdata/tree/*/*"}, []string{"x", "page"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := readAll(t, Options{}, tt.paths...)
			if diff := cmp.Diff(tt.wantIDs, r.ids()); diff != "" {
				t.Errorf("ids mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadBadPaths(t *testing.T) {
	called := false
	err := Read(context.Background(),
		[]string{"testdata/tree", "testdata/nope.txt", "testdata/tree/*.xyz", "-", "testdata/[x"},
		Options{}, func(news.Article) error { called = true; return nil })
	if err == nil {
		t.Fatal("Read succeeded, want an error")
	}
	if called {
		t.Error("an article was delivered before the bad paths were reported")
	}
	want := strings.Join([]string{
		"source: stat testdata/nope.txt: no such file or directory",
		"source: no files match the pattern: testdata/tree/*.xyz",
		`source: standard input ("-") is not available`,
		"source: testdata/[x: syntax error in pattern",
	}, "\n")
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("error mismatch (-want +got):\n%s", diff)
	}
	for _, target := range []error{fs.ErrNotExist, ErrNoMatch, ErrNoStdin} {
		if !errors.Is(err, target) {
			t.Errorf("errors.Is(err, %v) = false", target)
		}
	}
}

func TestReadWarnings(t *testing.T) {
	r := readAll(t, Options{}, "testdata/bad")
	want := []string{
		"testdata/bad/binary.txt: binary file, skipped",
		"testdata/bad/blank.md: empty file, skipped",
		"testdata/bad/broken.rss: not an RSS or Atom feed: XML syntax error on line 3: unexpected EOF, skipped",
		"testdata/bad/empty.jsonl: empty file, skipped",
		"testdata/bad/empty.txt: empty file, skipped",
		"testdata/bad/junk.txt: binary file, skipped",
		"testdata/bad/nohtml.html: no article text, skipped",
		"testdata/bad/noitems.atom: feed has no items, skipped",
		"testdata/bad/notfeed.xml: not an RSS or Atom feed: failed to detect feed type, skipped",
		"testdata/bad/only-seps.txt: no article text, skipped",
	}
	if diff := cmp.Diff(want, r.warnings); diff != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s", diff)
	}
	if len(r.articles) != 0 {
		t.Errorf("got %d articles, want none", len(r.articles))
	}
}

func TestWarning(t *testing.T) {
	tests := []struct {
		w    *Warning
		want string
	}{
		{&Warning{Path: "x.bin", Err: ErrBinary}, "x.bin: binary file, skipped"},
		{&Warning{Path: "corpus/x.jsonl", Line: 7, Err: errors.New("invalid JSON: bad\nthing")}, "corpus/x.jsonl:7: invalid JSON: bad thing"},
		{&Warning{}, "source: unknown problem"},
	}
	for _, tt := range tests {
		if got := tt.w.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	var w *Warning
	if err := error(&Warning{Path: "e.txt", Err: ErrEmpty}); !errors.Is(err, ErrEmpty) || !errors.As(err, &w) {
		t.Error("a Warning does not unwrap to its Err")
	}
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []news.Article
	}{
		{
			name: "text",
			in:   "Stdin headline\n\nBody from stdin.",
			want: []news.Article{{ID: "stdin", Title: "Stdin headline", Text: "Stdin headline\n\nBody from stdin.", Source: "-"}},
		},
		{
			name: "json lines",
			in:   "\n  {\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n",
			want: []news.Article{{ID: "stdin#2", Text: "One.", Source: "-"}, {ID: "b", Text: "Two.", Source: "-"}},
		},
		{
			name: "html",
			in:   "\ufeff  <!doctype html><title>Page title</title><p>Para.</p>",
			want: []news.Article{{ID: "stdin", Title: "Page title", Text: "Page title\n\nPara.", Source: "-"}},
		},
		{
			name: "json lines after much white space",
			in:   strings.Repeat(" \n", 600) + `{"text":"Late."}`,
			want: []news.Article{{ID: "stdin#601", Text: "Late.", Source: "-"}},
		},
		{
			name: "dump",
			in:   "First story here\n\nBody one.\nSource link\nSecond story here\n\nBody two.",
			want: []news.Article{
				{ID: "stdin#1", Title: "First story here", Text: "First story here\n\nBody one.", Source: "-"},
				{ID: "stdin#2", Title: "Second story here", Text: "Second story here\n\nBody two.", Source: "-"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := readAll(t, Options{Stdin: strings.NewReader(tt.in)}, "-", "-")
			if diff := cmp.Diff(tt.want, r.articles); diff != "" {
				t.Errorf("articles mismatch (-want +got):\n%s", diff)
			}
		})
	}
	r := readAll(t, Options{Stdin: strings.NewReader(" \n\t")}, "-")
	if diff := cmp.Diff([]string{"-: empty file, skipped"}, r.warnings); diff != "" || len(r.articles) > 0 {
		t.Errorf("blank stdin: %d articles; warnings mismatch (-want +got):\n%s", len(r.articles), diff)
	}
}

func TestReadSymlinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.MkdirAll(filepath.Join(real, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "a.txt"), []byte("A story here\n\nBody."), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		filepath.Join(dir, "link"):             real,
		filepath.Join(real, "folder-link.txt"): filepath.Join(real, "sub"),
		filepath.Join(real, "dangling.txt"):    filepath.Join(dir, "missing.txt"),
		filepath.Join(real, "file-link.txt"):   filepath.Join(real, "a.txt"),
	}
	for link, target := range links {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	r := readAll(t, Options{}, filepath.Join(dir, "link"))
	want := []string{filepath.Join(dir, "link", "a.txt"), filepath.Join(dir, "link", "file-link.txt")}
	var got []string
	for _, a := range r.articles {
		got = append(got, a.Source)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sources mismatch (-want +got):\n%s", diff)
	}
}

func TestParseNames(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantIDs []string
	}{
		{"dir/Story.TXT", "Body.", []string{"Story"}},
		{"feed.NDJSON", `{"text":"x"}`, []string{"feed#1"}},
		{"page.HTM", "<p>x</p>", []string{"page"}},
		{"page.unknown", "<p>x</p>", []string{"page"}}, // read as text
		{"-", `{"text":"x"}`, []string{"stdin#1"}},
		{"", "plain", []string{"stdin"}},
		{".hidden", "plain", []string{".hidden"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parseAll(t, tt.name, []byte(tt.in), Options{})
			if diff := cmp.Diff(tt.wantIDs, r.ids()); diff != "" {
				t.Errorf("ids mismatch (-want +got):\n%s", diff)
			}
		})
	}
	r := parseAll(t, "page.unknown", []byte("<p>x</p>"), Options{})
	if got := r.articles[0].Text; got != "<p>x</p>" {
		t.Errorf("unknown extension: Text = %q, want the raw text", got)
	}
}

func TestReadStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), []string{"testdata/tree"}, Options{}, func(news.Article) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("Read = %v after %d articles, want the callback's error after 1", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Read(ctx, []string{"testdata/tree"}, Options{}, func(news.Article) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("Read = %v after %d articles, want context.Canceled after 1", err, n)
	}

	n = 0
	err = Parse("d.txt", []byte("A story\n\nBody.\nSource link\nB story\n\nBody."), Options{}, func(news.Article) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("Parse = %v after %d articles, want the callback's error after 1", err, n)
	}
}

func TestReadDuplicateIDs(t *testing.T) {
	r := readAll(t, Options{}, "testdata/tree/b.txt", "testdata/formats/article.txt")
	if len(r.warnings) != 0 {
		t.Errorf("unexpected warnings: %q", r.warnings)
	}
	var warnings []string
	opts := Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }}
	fsys := fstest.MapFS{
		"a/x.txt": {Data: []byte("One story\n\nBody.")},
		"b/x.txt": {Data: []byte("Two story\n\nBody.")},
	}
	n := 0
	if err := ReadFS(context.Background(), fsys, ".", opts, func(news.Article) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	want := []string{`b/x.txt: duplicate id "x", first read from a/x.txt`}
	if diff := cmp.Diff(want, warnings); diff != "" || n != 2 {
		t.Errorf("got %d articles; warnings mismatch (-want +got):\n%s", n, diff)
	}
}

func TestReadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"demo/b.txt":          {Data: []byte("B story here\n\nBody b.")},
		"demo/a/feed.jsonl":   {Data: []byte(`{"id":"f1","text":"Feed."}` + "\n")},
		"demo/a/page.html":    {Data: []byte("<p>Page.</p>")},
		"demo/.git/x.txt":     {Data: []byte("hidden")},
		"demo/readme.rst":     {Data: []byte("skipped")},
		"demo/empty.txt":      {Data: nil},
		"other/notes.unknown": {Data: []byte("Named file.")},
	}
	tests := []struct {
		root     string
		want     []news.Article
		wantWarn []string
	}{
		{
			root: "demo",
			want: []news.Article{
				{ID: "f1", Text: "Feed.", Source: "demo/a/feed.jsonl"},
				{ID: "page", Text: "Page.", Source: "demo/a/page.html"},
				{ID: "b", Title: "B story here", Text: "B story here\n\nBody b.", Source: "demo/b.txt"},
			},
			wantWarn: []string{"demo/empty.txt: empty file, skipped"},
		},
		{
			root: "other/notes.unknown",
			want: []news.Article{{ID: "notes", Text: "Named file.", Source: "other/notes.unknown"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.root, func(t *testing.T) {
			var r result
			if err := ReadFS(context.Background(), fsys, tt.root, r.opts(), r.add); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, r.articles); diff != "" {
				t.Errorf("articles mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantWarn, r.warnings); diff != "" {
				t.Errorf("warnings mismatch (-want +got):\n%s", diff)
			}
		})
	}
	for _, root := range []string{"missing", "../x"} {
		if err := ReadFS(context.Background(), fsys, root, Options{}, func(news.Article) error { return nil }); err == nil {
			t.Errorf("ReadFS(%q) succeeded, want an error", root)
		}
	}
}
