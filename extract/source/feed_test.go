package source

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

func TestReadFeedFiles(t *testing.T) {
	r := readAll(t, Options{}, "testdata/feeds/world.rss", "testdata/feeds/politics.atom", "testdata/feeds/latin1.xml", "testdata/feeds/summaries.rss")
	const nw = "Northwind Daily — World"
	const mp = "The Meridian Post: Politics"
	want := []news.Article{
		{
			ID:    "https://northwind.example/world/2024/03/valdoria-ostmark-border",
			Title: "Valdoria and Ostmark agree to reopen border crossings",
			Text: "Valdoria and Ostmark agree to reopen border crossings\n\n" +
				"Valdoria and Ostmark agreed on Tuesday to reopen three border crossings closed since the autumn, the foreign ministers of both countries said after talks in Lindberg.\n\n" +
				"Ostmark’s foreign minister, Hanna Reiss, said the first crossing would open & handle freight within a week.\n\n" +
				"The Lindberg crossing in 2023.",
			Date:   "2024-03-05", // as written, though it is 6 March in UTC
			URL:    "https://northwind.example/world/2024/03/valdoria-ostmark-border",
			Source: nw,
		},
		{
			ID:    "world#nwd-20240306-0042", // a GUID that is not a URI gets the file stem
			Title: "Harbour workers in Port Calder end strike",
			Text: "Harbour workers in Port Calder end strike\n\n" +
				"Harbour workers in Port Calder voted to end a nine-day strike after the port authority offered a 6% pay rise.\n\n" +
				"The union said ships would be unloaded from Thursday.",
			Date:   "2024-03-06", // dc:date
			URL:    "https://northwind.example/world/2024/03/port-calder-strike",
			Source: nw,
		},
		{
			ID:     "https://northwind.example/world/2024/03/ostmark-rates", // no GUID: the link
			Title:  "Ostmark central bank holds rates",
			Text:   "Ostmark central bank holds rates\n\nThe Ostmark central bank kept its main rate at 4.25% on Wednesday, citing stubborn food prices.",
			URL:    "https://northwind.example/world/2024/03/ostmark-rates",
			Source: nw,
		},
		{
			ID:    "tag:meridianpost.example,2024:entry-7781",
			Title: "Senate rejects Calder budget plan", // type="html" title
			Text: "Senate rejects Calder budget plan\n\n" +
				"The Senate of Calder rejected Prime Minister Ilse Vormann's budget plan by 41 votes to 38 on Monday.\n\n" +
				"Opposition leader Tomas Brenner called on the government to resign.",
			Date:   "2024-04-01",
			URL:    "https://meridianpost.example/politics/senate-rejects-budget",
			Source: mp,
		},
		{
			ID:     "tag:meridianpost.example,2024:entry-7790",
			Title:  "Mayor of Lindberg meets Valdorian envoy",
			Text:   "Mayor of Lindberg meets Valdorian envoy\n\nThe mayor of Lindberg met the Valdorian envoy, Karel Dusek, to discuss the reopened crossings & trade.",
			Date:   "2024-04-02", // updated only
			URL:    "https://meridianpost.example/politics/lindberg-envoy",
			Source: mp,
		},
		{
			ID:     "https://courrier.example/retraites",
			Title:  "Réforme des retraites adoptée",
			Text:   "Réforme des retraites adoptée\n\nLe parlement de Valdoria a adopté la réforme des retraites lundi.",
			Date:   "2024-01-15",
			URL:    "https://courrier.example/retraites",
			Source: "Le Courrier de Valdoria",
		},
		{
			ID:     "summaries#cw-1001",
			Title:  "Calder and Valdoria sign fisheries deal",
			Text:   "Calder and Valdoria sign fisheries deal\n\nCalder and Valdoria signed a fisheries deal on Thursday.",
			Date:   "2024-04-11",
			URL:    "https://calderwire.example/stories/fisheries-deal.html", // resolved against the channel link
			Source: "Calder Wire",
		},
		{
			ID:     "summaries#cw-1002",
			Title:  "Ostmark recalls ambassador from Calder",
			Text:   "Ostmark recalls ambassador from Calder\n\nOstmark recalled its ambassador from Calder after a spying row.",
			Date:   "2024-04-11",
			URL:    "https://calderwire.example/stories/missing.html",
			Source: "Calder Wire",
		},
	}
	if diff := cmp.Diff(want, r.articles); diff != "" {
		t.Errorf("articles mismatch (-want +got):\n%s", diff)
	}
	wantWarn := []string{`testdata/feeds/world.rss: item 3 "https://northwind.example/world/2024/03/gallery": no article text, skipped`}
	if diff := cmp.Diff(wantWarn, r.warnings); diff != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s", diff)
	}
	for _, a := range r.articles {
		if err := validArticle(a); err != nil {
			t.Error(err)
		}
		if !strings.HasPrefix(a.Text, a.Title+"\n\n") {
			t.Errorf("%s: Text does not start with the title and a blank line", a.ID)
		}
	}
}

// readFixture reads a file under testdata.
func readFixture(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("testdata", filepath.FromSlash(name)))
}

// rssDoc wraps items in an RSS 2.0 document.
func rssDoc(items ...string) string {
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>` +
		strings.Join(items, "") + `</channel></rss>`
}

func TestFeedItemIDs(t *testing.T) {
	long := "x" + strings.Repeat("0123456789", 60)
	tests := []struct {
		name string
		item string
		want string
	}{
		{"URL GUID as it is", `<item><guid>https://w.example/a</guid><link>https://w.example/b</link><description>Text.</description></item>`, "https://w.example/a"},
		{"URN GUID as it is", `<item><guid>urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427</guid><description>Text.</description></item>`, "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427"},
		{"plain GUID gets the stem", `<item><guid> 42 </guid><link>https://w.example/b</link><description>Text.</description></item>`, "wire#42"},
		{"no GUID: the link", `<item><link>https://w.example/b</link><description>Text.</description></item>`, "https://w.example/b"},
		{"relative link gets the stem", `<item><link>/b</link><description>Text.</description></item>`, "wire#/b"},
		{"no GUID or link: hash of title and date", `<item><title>T</title><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate><description>Text.</description></item>`, "wire#" + shortHash("T\n2024-01-01\nMon, 01 Jan 2024 10:00:00 GMT")},
		{"long GUID is hashed", `<item><guid>` + long + `</guid><description>Text.</description></item>`, "wire#" + shortHash(long)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(rssDoc(tt.item))
			for run := 0; run < 2; run++ { // the same item gives the same id every time
				r := parseAll(t, "wire.rss", data, Options{})
				if len(r.articles) != 1 {
					t.Fatalf("got %d articles (warnings %q), want 1", len(r.articles), r.warnings)
				}
				if got := r.articles[0].ID; got != tt.want {
					t.Errorf("ID = %q, want %q", got, tt.want)
				}
			}
		})
	}
}

func TestFeedItemText(t *testing.T) {
	tests := []struct {
		name      string
		item      string
		wantTitle string
		wantText  string
	}{
		{"content wins over description",
			`<item><title>T</title><description>Short.</description><content:encoded><![CDATA[<p>Long one.</p><p>Two.</p>]]></content:encoded></item>`,
			"T", "T\n\nLong one.\n\nTwo."},
		{"plain description keeps its paragraphs, entities decoded",
			`<item><title>T</title><description>One &amp;amp; two.

Three.</description></item>`,
			"T", "T\n\nOne & two.\n\nThree."},
		{"text already starting with the title",
			`<item><title>Calder votes</title><description>&lt;h2&gt;Calder votes&lt;/h2&gt;&lt;p&gt;Body.&lt;/p&gt;</description></item>`,
			"Calder votes", "Calder votes\n\nBody."},
		{"no title", `<item><description>Body only.</description></item>`, "", "Body only."},
		{"less-than sign is not a tag", `<item><title>5 &lt; 6</title><description>a &lt; b</description></item>`, "5 < 6", "5 < 6\n\na < b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(rssDoc(tt.item), `<rss version="2.0">`, `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">`, 1)
			r := parseAll(t, "t.rss", []byte(doc), Options{})
			if len(r.articles) != 1 {
				t.Fatalf("got %d articles (warnings %q), want 1", len(r.articles), r.warnings)
			}
			a := r.articles[0]
			if a.Title != tt.wantTitle || a.Text != tt.wantText {
				t.Errorf("got title %q text %q, want %q %q", a.Title, a.Text, tt.wantTitle, tt.wantText)
			}
		})
	}
}

func TestFeedSniffing(t *testing.T) {
	feed, err := readFixture("feeds/politics.atom")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		file    string
		wantIDs []string
	}{
		{"standard input", "-", []string{"tag:meridianpost.example,2024:entry-7781", "tag:meridianpost.example,2024:entry-7790"}},
		{"unknown extension", "politics", []string{"tag:meridianpost.example,2024:entry-7781", "tag:meridianpost.example,2024:entry-7790"}},
		{".txt stays text", "politics.txt", []string{"politics"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parseAll(t, tt.file, feed, Options{})
			if diff := cmp.Diff(tt.wantIDs, r.ids()); diff != "" {
				t.Errorf("ids mismatch (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("Read from standard input", func(t *testing.T) {
		r := readAll(t, Options{Stdin: bytes.NewReader(append([]byte("\n\n"), feed...))}, "-")
		if len(r.articles) != 2 || r.articles[0].Source != "The Meridian Post: Politics" {
			t.Errorf("got %+v, want the 2 entries of the feed", r.articles)
		}
	})
	t.Run("HTML on standard input stays HTML", func(t *testing.T) {
		r := readAll(t, Options{Stdin: strings.NewReader("<html><body><p>Hello there.</p></body></html>")}, "-")
		if diff := cmp.Diff([]string{"stdin"}, r.ids()); diff != "" {
			t.Errorf("ids mismatch (-want +got):\n%s", diff)
		}
	})
}

func TestFeedUTF16(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-16"?>` + rssDoc(`<item><guid>https://w.example/é</guid><title>Été</title><description>Chaleur à Lindberg.</description></item>`)[len(`<?xml version="1.0"?>`):]
	var buf bytes.Buffer
	buf.Write([]byte{0xFF, 0xFE})
	for _, u := range utf16.Encode([]rune(doc)) {
		_ = binary.Write(&buf, binary.LittleEndian, u)
	}
	r := parseAll(t, "utf16.rss", buf.Bytes(), Options{})
	want := []news.Article{{ID: "https://w.example/é", Title: "Été", Text: "Été\n\nChaleur à Lindberg.", Source: "Test Wire"}}
	if diff := cmp.Diff(want, r.articles); diff != "" {
		t.Errorf("articles mismatch (-want +got):\n%s (warnings %q)", diff, r.warnings)
	}
}

func TestFeedFileProblems(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string
		want string
	}{
		{"not a feed", "x.xml", `<urlset><url/></urlset>`, "x.xml: not an RSS or Atom feed: failed to detect feed type, skipped"},
		{"truncated", "x.rss", `<rss><channel><item><title>a`, "x.rss: not an RSS or Atom feed: XML syntax error on line 1: unexpected EOF, skipped"},
		{"HTML named .rss", "x.rss", `<html><p>Hi</p></html>`, "x.rss: not an RSS or Atom feed: failed to detect feed type, skipped"},
		{"empty", "x.atom", " \n", "x.atom: empty file, skipped"},
		{"binary", "x.rss", "<rss>\x00\x01\x02", "x.rss: binary file, skipped"},
		{"no items", "x.rss", rssDoc(), "x.rss: feed has no items, skipped"},
		{"item without text", "x.rss", rssDoc(`<item><title>Only a title</title><guid>g1</guid></item>`), `x.rss: item 1 "x#g1": no article text, skipped`},
		{"item whose text is its title", "x.rss", rssDoc(`<item><title>Same</title><description>Same</description><guid>g1</guid></item>`), `x.rss: item 1 "x#g1": no article text, skipped`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parseAll(t, tt.file, []byte(tt.data), Options{})
			if len(r.articles) != 0 {
				t.Errorf("got %d articles, want none", len(r.articles))
			}
			if diff := cmp.Diff([]string{tt.want}, r.warnings); diff != "" {
				t.Errorf("warnings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadFeedStopsOnCallbackError(t *testing.T) {
	calls := 0
	stop := context.Canceled
	err := Read(context.Background(), []string{"testdata/feeds/world.rss"}, Options{}, func(news.Article) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("Read = %v after %d calls, want the callback's error after 1", err, calls)
	}
}
