package source

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"

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
