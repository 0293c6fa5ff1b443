package source

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/testshared"
	"github.com/newsgraph/newsgraph/news"
)

// TestSharedKremlinDump reads the shared scrape dump: 14 articles separated
// by "Source link" lines, each with a headline.
func TestSharedKremlinDump(t *testing.T) {
	path := testshared.Path(t, "corpus/dumps/kremlin-scrape.txt")
	r := readAll(t, Options{}, path)
	if len(r.warnings) > 0 {
		t.Errorf("unexpected warnings: %q", r.warnings)
	}
	if len(r.articles) != 14 {
		t.Fatalf("got %d articles, want 14: %q", len(r.articles), r.ids())
	}
	for i, a := range r.articles {
		t.Logf("%-18s %-10s %q", a.ID, a.Date, a.Title)
		if want := "kremlin-scrape#" + strconv.Itoa(i+1); a.ID != want {
			t.Errorf("article %d: ID = %q, want %q", i, a.ID, want)
		}
		checkCorpusArticle(t, a, path)
	}
}

// TestSharedArticles reads every shared article file: one article each,
// with a sensible headline; d001 carries a date line.
func TestSharedArticles(t *testing.T) {
	dir := testshared.Path(t, "corpus/articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no article files in %s (%v)", dir, err)
	}
	for _, f := range files {
		r := readAll(t, Options{}, f)
		stem := strings.TrimSuffix(filepath.Base(f), ".txt")
		if len(r.articles) != 1 || r.articles[0].ID != stem {
			t.Errorf("%s: got ids %q, want [%q]", f, r.ids(), stem)
			continue
		}
		if len(r.warnings) > 0 {
			t.Errorf("%s: unexpected warnings: %q", f, r.warnings)
		}
		a := r.articles[0]
		t.Logf("%-8s %-10s %q", a.ID, a.Date, a.Title)
		checkCorpusArticle(t, a, f)
	}
	if f := filepath.Join(dir, "d001.txt"); fileExists(f) {
		r := readAll(t, Options{}, f)
		if got := r.articles[0].Date; got != "2024-01-02" {
			t.Errorf("d001: Date = %q, want 2024-01-02 from its date line", got)
		}
		if strings.Contains(r.articles[0].Text, "12:17 GMT") {
			t.Error("d001: the date line is still in Text")
		}
	}
}

// TestSharedGoldAnchors checks that every evidence anchor of the shared
// gold triples appears verbatim in the Text of its article, so that
// normalisation keeps the sentences the evaluation looks for.
func TestSharedGoldAnchors(t *testing.T) {
	gold := testshared.Path(t, "eval/dev-gold.jsonl")
	dir := testshared.Path(t, "corpus/articles")
	data, err := os.ReadFile(gold)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, a := range readAll(t, Options{}, dir).articles {
		texts[a.ID] = a.Text
	}
	n := 0
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var g struct {
			Doc    string `json:"doc"`
			Anchor string `json:"anchor"`
		}
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			t.Fatalf("%s:%d: %v", gold, i+1, err)
		}
		text, ok := texts[g.Doc]
		if !ok || g.Anchor == "" {
			continue
		}
		n++
		if !strings.Contains(text, g.Anchor) {
			t.Errorf("%s: anchor %q not in Text", g.Doc, g.Anchor)
		}
	}
	t.Logf("%d anchors checked", n)
}

// checkCorpusArticle checks what every real article should look like.
func checkCorpusArticle(t *testing.T, a news.Article, path string) {
	t.Helper()
	if err := validArticle(a); err != nil {
		t.Error(err)
	}
	if a.Source != path {
		t.Errorf("%s: Source = %q, want %q", a.ID, a.Source, path)
	}
	if n := utf8.RuneCountInString(a.Title); n < 15 || n > maxTitleRunes {
		t.Errorf("%s: Title %q is not a headline", a.ID, a.Title)
	}
	if !strings.HasPrefix(a.Text, a.Title+"\n\n") {
		t.Errorf("%s: Text does not start with the title paragraph", a.ID)
	}
	if strings.Contains(a.Text, "Source link") {
		t.Errorf("%s: separator left in Text", a.ID)
	}
	if n := words(a.Text); n < 50 {
		t.Errorf("%s: only %d words of text", a.ID, n)
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// BenchmarkReadShared measures reading the whole shared corpus.
func BenchmarkReadShared(b *testing.B) {
	dir := testshared.Path(b, "corpus")
	for b.Loop() {
		n := 0
		err := Read(context.Background(), []string{dir}, Options{}, func(news.Article) error { n++; return nil })
		if err != nil || n == 0 {
			b.Fatalf("Read: %v, %d articles", err, n)
		}
	}
}
