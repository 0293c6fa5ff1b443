package source

import (
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
