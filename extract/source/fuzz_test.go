package source

import (
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/news"
)

// addSeeds adds the testdata files matching pattern to the corpus of f.
func addSeeds(f *testing.F, pattern string) {
	files, err := filepath.Glob(filepath.Join("testdata", "*", pattern))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// fuzzParse checks that Parse never fails or panics on any content and that
// every article it delivers is valid.
func fuzzParse(t *testing.T, name string, data []byte) {
	opts := Options{Warn: func(err error) {
		if err.Error() == "" {
			t.Error("empty warning")
		}
	}}
	err := Parse(name, data, opts, func(a news.Article) error {
		if err := validArticle(a); err != nil {
			t.Errorf("%v\ninput: %q", err, data)
		}
		return nil
	})
	if err != nil {
		t.Errorf("Parse(%q) = %v, want no error", name, err)
	}
}

func FuzzParseText(f *testing.F) {
	addSeeds(f, "*.txt")
	for _, s := range []string{
		"Tuesday, 02 January 2024 12:17 GMT\n\nHeadline\n\nBody.",
		"Kremlin\r\n\r\nPutin sacks top general after offensive stalls\r\nBody.",
		"Aug. 7 (UPI) — Body.\nSource link\n\ufeffx\x00\xff",
		"MOSCOW, Jan 2, 2024 (Reuters) -",
		"\xfe\xff\x00a\x00b",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, "fuzz.txt", data) })
}

func FuzzParseJSONL(f *testing.F) {
	addSeeds(f, "*.jsonl")
	for _, s := range []string{
		`{"id":"x","title":"T","text":"Body","date":"2024-01-02T10:00:00Z","url":"u","source":"s"}`,
		`{"id":1e999,"text":"\u0000\ud800","date":1704196620000}`,
		"{\"text\":\"a\"}\r\n[1]\n{bad\n\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, "fuzz.jsonl", data) })
}

func FuzzParseHTML(f *testing.F) {
	addSeeds(f, "*.html")
	for _, s := range []string{
		"<p>One &amp; two</p>",
		`<meta charset="shift_jis"><title>x</title><p>` + "\x82\xa0" + `</p>`,
		`<script type="application/ld+json">{"datePublished":[{"x":"2024-01-02"}],"headline":7}</script><p>x</p>`,
		"<pre>a\n\nb</pre><table><tr><td>1<td>2</table><svg><p>in svg</p></svg>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, "fuzz.html", data) })
}

// FuzzFeed checks the feed reader: Parse of a .rss file (the path Read
// takes) and the parse-and-convert steps Fetch takes, with a base URL, never
// fail or panic, and every article is valid and starts with its title.
func FuzzFeed(f *testing.F) {
	addSeeds(f, "*.rss")
	addSeeds(f, "*.atom")
	addSeeds(f, "*.xml")
	for _, s := range []string{
		`<rss><channel><item><guid>g</guid><description>&lt;p&gt;x&lt;/p&gt;</description></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">&lt;b&gt;</title><content type="xhtml"><div><p>x</p></div></content><link href="../a"/></entry></feed>`,
		`<?xml version="1.0" encoding="UTF-16"?><rss><channel><item><title>t</title></item></channel></rss>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>t</title><description>d</description></item></rdf:RDF>`,
		"\xfe\xff\x00<\x00r",
		`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_text":"x"}]}`,
	} {
		f.Add([]byte(s))
	}
	base, _ := url.Parse("https://feeds.example/dir/feed.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "fuzz.rss", data)
		feed, err := parseFeedBytes(data)
		if err != nil {
			return
		}
		arts, _ := feedArticles(feed, feedParams{stem: base.String(), source: base.String(), base: base})
		for _, a := range arts {
			if err := validArticle(a); err != nil {
				t.Errorf("%v\ninput: %q", err, data)
			}
			if a.Title != "" && !startsWithFold(a.Text, a.Title) {
				t.Errorf("%s: Text %q does not start with Title %q", a.ID, a.Text, a.Title)
			}
		}
	})
}

// FuzzFlatObject checks flatObject against encoding/json: whatever it
// decodes, encoding/json decodes to the same map.
func FuzzFlatObject(f *testing.F) {
	for _, s := range []string{
		`{"id":"a1","title":"T","text":"Body\nmore","date":"2025-01-02","n":12,"x":-0.5e+3,"b":true,"c":false,"z":null}`,
		` { } `, `{"a":"\u00e9\u2028\"\\\/\b\f\n\r\t"}`, `{"a":"\ud83d\ude00"}`, "{\"a\":\"caf\xc3\xa9\",\"a\":\"dup\"}",
		"{\"a\":\"\xff\"}", "{\"a\":\"\x01\"}", "{\"a\":\"x\\n\xc3\"}", `{"a":[1]}`, `{"a":{"b":1}}`, `{"a":01}`, `{"a":1.}`, `{"a":-}`, `{"a":1e}`, `{"a":"x"} x`, `["a"]`, `{"a":"\x"}`, `{"a" "b"}`, `{"a":"b",}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		got, ok := flatObject(line)
		if !ok {
			return
		}
		want, err := decodeObject(line)
		if err != nil {
			t.Fatalf("flatObject(%q) = %v, encoding/json: %v", line, got, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("flatObject(%q) = %#v, encoding/json %#v", line, got, want)
		}
	})
}

// TestFlatObject checks which lines flatObject takes (FuzzFlatObject
// checks what it makes of them).
func TestFlatObject(t *testing.T) {
	for _, c := range []struct {
		line string
		ok   bool
	}{
		{`{"id":"a1","text":"Body\nmore \"quoted\" caf\u00e9","n":-12.5e3,"b":true,"z":null}`, true},
		{" {\"a\" : \"caf\xc3\xa9\" } \r", true},
		{`{}`, true},
		{`{"a":"\ud83d\ude00"}`, false}, // a surrogate pair: left to encoding/json
		{"{\"a\":\"\xff\"}", false},     // invalid UTF-8: encoding/json repairs it
		{`{"a":[1]}`, false},
		{`{"a":{"b":1}}`, false},
		{`{"a":01}`, false},
		{`{"a":"b",}`, false},
		{`{"a":"b"} x`, false},
		{`["a"]`, false},
		{``, false},
	} {
		if _, ok := flatObject([]byte(c.line)); ok != c.ok {
			t.Errorf("flatObject(%q): %v, want %v", c.line, ok, c.ok)
		}
	}
}

// startsWithFoldWhole is startsWithFold as first written, collapsing the
// whole first line.
func startsWithFoldWhole(text, title string) bool {
	first, _, _ := strings.Cut(text, "\n")
	first = strings.Join(strings.Fields(first), " ")
	if len(first) < len(title) || !strings.EqualFold(first[:len(title)], title) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(first[len(title):])
	return len(first) == len(title) || !(unicode.IsLetter(r) || unicode.IsDigit(r))
}

func FuzzStartsWithFold(f *testing.F) {
	f.Add("Putin meets Trump in Alaska\nBody", "Putin meets Trump")
	f.Add("  putin   MEETS\ttrump, says\n", "Putin meets Trump")
	f.Add("Putin meets Trumpet", "Putin meets Trump")
	f.Add("Caf\u00e9 \u00e9t\u00e9   "+strings.Repeat(" ", 200)+"x", "Caf\u00e9")
	f.Add("ab"+strings.Repeat(" ", 100)+"cd"+strings.Repeat("\t", 300)+"ef\xff", "ab cd ef")
	f.Fuzz(func(t *testing.T, text, title string) {
		if got, want := startsWithFold(text, title), startsWithFoldWhole(text, title); got != want {
			t.Fatalf("startsWithFold(%q, %q) = %v, want %v", text, title, got, want)
		}
	})
}
