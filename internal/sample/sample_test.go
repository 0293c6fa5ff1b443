package sample_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/sample"
)

// dateLayouts are the forms an article's first line may take.
var dateLayouts = []string{
	"Monday, 02 January 2006 15:04 MST",
	"2006-01-02",
	"January 2, 2006",
}

// goldTriple is one line of gold.jsonl.
type goldTriple struct {
	Doc        string   `json:"doc"`
	Anchor     string   `json:"anchor"`
	Subject    string   `json:"subject"`
	Object     string   `json:"object"`
	Predicates []string `json:"predicates"`
	Kind       string   `json:"kind"`
	Symmetric  bool     `json:"symmetric"`
}

// readArticles returns the text of every sample article keyed by file name
// without ".txt".
func readArticles(t *testing.T) map[string]string {
	t.Helper()
	names, err := fs.Glob(sample.Articles, "articles/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	docs := make(map[string]string, len(names))
	for _, name := range names {
		b, err := fs.ReadFile(sample.Articles, name)
		if err != nil {
			t.Fatal(err)
		}
		docs[strings.TrimSuffix(path.Base(name), ".txt")] = string(b)
	}
	return docs
}

// parseDate parses an article's date line in any of dateLayouts, and checks
// that a written weekday agrees with the date.
func parseDate(line string) (time.Time, bool) {
	for _, layout := range dateLayouts {
		d, err := time.Parse(layout, line)
		if err != nil {
			continue
		}
		if strings.HasPrefix(layout, "Monday") && !strings.HasPrefix(line, d.Weekday().String()+",") {
			return time.Time{}, false
		}
		return d, true
	}
	return time.Time{}, false
}

func TestArticles(t *testing.T) {
	docs := readArticles(t)
	if len(docs) < 20 {
		t.Fatalf("got %d articles, want at least 20", len(docs))
	}
	total := 0
	for doc, text := range docs {
		words := len(strings.Fields(text))
		total += words
		if words < 100 || words > 400 {
			t.Errorf("%s: %d words, want 100 to 400", doc, words)
		}
		lines := strings.Split(text, "\n")
		if len(lines) < 5 {
			t.Errorf("%s: %d lines, want a date, a blank line, a headline, a blank line and paragraphs", doc, len(lines))
			continue
		}
		date, ok := parseDate(lines[0])
		if !ok {
			t.Errorf("%s: first line %q is not a date in any of %q", doc, lines[0], dateLayouts)
		} else if want := date.Format("2006-01-02"); !strings.HasPrefix(doc, want+"-") {
			t.Errorf("%s: dated %s, but the file name does not start with %s-", doc, lines[0], want)
		}
		if lines[1] != "" {
			t.Errorf("%s: second line %q, want it blank", doc, lines[1])
		}
		headline := lines[2]
		if headline == "" || strings.TrimSpace(headline) != headline || strings.HasSuffix(headline, ".") {
			t.Errorf("%s: headline %q, want a non-empty trimmed line with no final period", doc, headline)
		}
		if lines[3] != "" {
			t.Errorf("%s: fourth line %q, want it blank", doc, lines[3])
		}
		if strings.TrimSpace(lines[4]) == "" {
			t.Errorf("%s: no paragraph after the headline", doc)
		}
	}
	t.Logf("%d articles, %d words in all", len(docs), total)
}

func TestGold(t *testing.T) {
	docs := readArticles(t)
	var aliases map[string][]string
	if err := json.Unmarshal(sample.Aliases, &aliases); err != nil {
		t.Fatalf("aliases.json: %v", err)
	}
	perDoc := make(map[string]int)
	sc := bufio.NewScanner(bytes.NewReader(sample.Gold))
	for n := 1; sc.Scan(); n++ {
		var g goldTriple
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			t.Errorf("gold.jsonl:%d: %v", n, err)
			continue
		}
		text, ok := docs[g.Doc]
		if !ok {
			t.Errorf("gold.jsonl:%d: no article %q", n, g.Doc)
			continue
		}
		perDoc[g.Doc]++
		if !strings.Contains(text, g.Anchor) {
			t.Errorf("gold.jsonl:%d: anchor %q is not in %s", n, g.Anchor, g.Doc)
		}
		if w := len(strings.Fields(g.Anchor)); w < 6 || w > 12 {
			t.Errorf("gold.jsonl:%d: anchor %q has %d words, want 6 to 12", n, g.Anchor, w)
		}
		for _, actor := range []string{g.Subject, g.Object} {
			if _, ok := aliases[actor]; !ok {
				t.Errorf("gold.jsonl:%d: actor %q has no entry in aliases.json", n, actor)
			}
		}
		if g.Subject == g.Object {
			t.Errorf("gold.jsonl:%d: subject and object are both %q", n, g.Subject)
		}
		if len(g.Predicates) == 0 {
			t.Errorf("gold.jsonl:%d: no predicates", n)
		}
		if g.Kind != "direct" && g.Kind != "coref" {
			t.Errorf("gold.jsonl:%d: kind %q, want direct or coref", n, g.Kind)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for doc := range docs {
		if c := perDoc[doc]; c < 2 || c > 4 {
			t.Errorf("%s: %d gold triples, want 2 to 4", doc, c)
		}
	}
}

func TestAliases(t *testing.T) {
	var aliases map[string][]string
	if err := json.Unmarshal(sample.Aliases, &aliases); err != nil {
		t.Fatalf("aliases.json: %v", err)
	}
	owner := make(map[string]string)
	for canonical, names := range aliases {
		found := false
		for _, name := range names {
			found = found || name == canonical
			if other, ok := owner[name]; ok && other != canonical {
				t.Errorf("alias %q belongs to both %q and %q", name, other, canonical)
			}
			owner[name] = canonical
		}
		if !found {
			t.Errorf("aliases of %q do not include the name itself", canonical)
		}
	}
}
