package source

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/newsgraph/newsgraph/news"
)

// TestTextArticle pins the date and title rules on many article heads.
func TestTextArticle(t *testing.T) {
	long := strings.Repeat("word ", 31) + "end"
	tests := []struct {
		name string
		in   string
		want news.Article // ID and Source are not set by textArticle
	}{
		{
			name: "date line then headline",
			in:   "Tuesday, 02 January 2024 12:17 GMT\n\nRussia launches air strikes on Ukraine\n\nBody text.",
			want: news.Article{Title: "Russia launches air strikes on Ukraine", Date: "2024-01-02", Text: "Russia launches air strikes on Ukraine\n\nBody text."},
		},
		{
			name: "iso date line",
			in:   "2024-01-02T10:00:00Z\nHeadline of the day\nBody text.",
			want: news.Article{Title: "Headline of the day", Date: "2024-01-02", Text: "Headline of the day\n\nBody text."},
		},
		{
			name: "section label dropped",
			in:   "Kremlin\n\nPutin sacks top general after the summer offensive stalls\n\nVLADIMIR Putin has fired his top general.",
			want: news.Article{Title: "Putin sacks top general after the summer offensive stalls", Text: "Putin sacks top general after the summer offensive stalls\n\nVLADIMIR Putin has fired his top general."},
		},
		{
			name: "short line before a short line is the title",
			in:   "Ukraine war\n\nPutin resigns\n\nBody text here.",
			want: news.Article{Title: "Ukraine war", Text: "Ukraine war\n\nPutin resigns\n\nBody text here."},
		},
		{
			name: "headline without blank line gets its own paragraph",
			in:   "Russia assault in Kyiv claims 12 lives; Trump urges Putin: Cease hostilities immediately\nIn the midst of turmoil, Russia attacked Kyiv.\nMore text.",
			want: news.Article{Title: "Russia assault in Kyiv claims 12 lives; Trump urges Putin: Cease hostilities immediately", Text: "Russia assault in Kyiv claims 12 lives; Trump urges Putin: Cease hostilities immediately\n\nIn the midst of turmoil, Russia attacked Kyiv.\nMore text."},
		},
		{
			name: "quoted headline",
			in:   "‘I should probably write him a thank you letter’\n\nBody.",
			want: news.Article{Title: "‘I should probably write him a thank you letter’", Text: "‘I should probably write him a thank you letter’\n\nBody."},
		},
		{
			name: "inner full stop is fine",
			in:   "Trump says Putin wants a deal. Kremlin says aims are ‘unchanged’\n\nBody.",
			want: news.Article{Title: "Trump says Putin wants a deal. Kremlin says aims are ‘unchanged’", Text: "Trump says Putin wants a deal. Kremlin says aims are ‘unchanged’\n\nBody."},
		},
		{
			name: "quote closing after punctuation is a sentence",
			in:   "He said \"no.\"\n\nBody.",
			want: news.Article{Text: "He said \"no.\"\n\nBody."},
		},
		{
			name: "question is a sentence",
			in:   "What happens next?\n\nBody.",
			want: news.Article{Text: "What happens next?\n\nBody."},
		},
		{
			name: "too long for a title",
			in:   long + "\n\nBody.",
			want: news.Article{Text: long + "\n\nBody."},
		},
		{
			name: "no letters",
			in:   "1234\n\nBody.",
			want: news.Article{Text: "1234\n\nBody."},
		},
		{
			name: "UPI dateline opening the body is not a title",
			in:   "Aug. 7 (UPI) — The Kremlin announced Thursday that a meeting will be held\n\nMore.",
			want: news.Article{Text: "Aug. 7 (UPI) — The Kremlin announced Thursday that a meeting will be held\n\nMore."},
		},
		{
			name: "UPI dateline alone is a date line without year",
			in:   "Aug. 7 (UPI)\n\nKremlin agrees to Putin-Trump meeting\n\nBody.",
			want: news.Article{Title: "Kremlin agrees to Putin-Trump meeting", Text: "Kremlin agrees to Putin-Trump meeting\n\nBody."},
		},
		{
			name: "ambiguous numeric date line",
			in:   "02/01/2024\n\nHeadline here\n\nBody.",
			want: news.Article{Title: "Headline here", Text: "Headline here\n\nBody."},
		},
		{
			name: "date line after the title",
			in:   "Headline here\n2 Jan 2024\nBody.",
			want: news.Article{Title: "Headline here", Date: "2024-01-02", Text: "Headline here\n\nBody."},
		},
		{
			name: "first date wins",
			in:   "2024-01-02\n\nKremlin\n\nPutin meets Xi in Beijing for talks on trade\n\nUpdated: January 3, 2024\n\nBody.",
			want: news.Article{Title: "Putin meets Xi in Beijing for talks on trade", Date: "2024-01-02", Text: "Putin meets Xi in Beijing for talks on trade\n\nBody."},
		},
		{
			name: "dated agency dateline in the body",
			in:   "Headline here\n\nWASHINGTON, Jan. 2, 2024 (Reuters) - The president said.",
			want: news.Article{Title: "Headline here", Date: "2024-01-02", Text: "Headline here\n\nWASHINGTON, Jan. 2, 2024 (Reuters) - The president said."},
		},
		{
			name: "section suffix cut",
			in:   "Russia seeking buffer zones, says Kremlin | Russia-Ukraine war News\n\nBody.",
			want: news.Article{Title: "Russia seeking buffer zones, says Kremlin", Text: "Russia seeking buffer zones, says Kremlin\n\nBody."},
		},
		{
			name: "markdown heading",
			in:   "# Markdown title\n\nBody.",
			want: news.Article{Title: "Markdown title", Text: "Markdown title\n\nBody."},
		},
		{
			name: "title only",
			in:   "Title only",
			want: news.Article{Title: "Title only", Text: "Title only"},
		},
		{
			name: "body only",
			in:   "Just one sentence of body text.",
			want: news.Article{Text: "Just one sentence of body text."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textArticle(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("textArticle(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseTextFiles(t *testing.T) {
	tests := []struct {
		path string
		want []news.Article
	}{
		{
			path: "testdata/formats/article.txt",
			want: []news.Article{{
				ID:     "article",
				Title:  "Leaders meet in Geneva to discuss the ceasefire plan",
				Date:   "2025-03-03",
				Text:   "Leaders meet in Geneva to discuss the ceasefire plan\n\nGENEVA (Reuters) — Foreign ministers from France and Germany met on Monday to discuss a ceasefire plan for the region.\n\nThe talks are expected to continue on Tuesday.",
				Source: "testdata/formats/article.txt",
			}},
		},
		{
			path: "testdata/formats/crlf-bom.txt",
			want: []news.Article{{
				ID:     "crlf-bom",
				Title:  "Breaking news",
				Text:   "Breaking news\n\nA line with a bad byte \ufffd here and a bell.\nOld Mac line\nend.\n\nLast paragraph.",
				Source: "testdata/formats/crlf-bom.txt",
			}},
		},
		{
			path: "testdata/formats/dump.txt",
			want: []news.Article{
				{
					ID:     "dump#1",
					Title:  "Senate passes the annual defence budget after a long debate",
					Text:   "Senate passes the annual defence budget after a long debate\n\nThe Senate passed the defence budget on Thursday by a wide margin.",
					Source: "testdata/formats/dump.txt",
				},
				{
					ID:     "dump#2",
					Title:  "Germany and France sign a new energy agreement in Berlin",
					Text:   "Germany and France sign a new energy agreement in Berlin\n\nThe two countries signed the agreement in Berlin on Wednesday.",
					Source: "testdata/formats/dump.txt",
				},
				{
					ID:     "dump#3",
					Title:  "Japan hosts a summit on regional trade",
					Date:   "2024-05-01",
					Text:   "Japan hosts a summit on regional trade\n\nJapan hosted leaders from ten countries.",
					Source: "testdata/formats/dump.txt",
				},
			},
		},
		{
			path: "testdata/formats/notes.log", // unknown extension, named explicitly
			want: []news.Article{{
				ID:     "notes",
				Title:  "Plain notes with an unknown extension",
				Text:   "Plain notes with an unknown extension\n\nThey are read as plain text when named.",
				Source: "testdata/formats/notes.log",
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := readAll(t, Options{}, tt.path)
			if diff := cmp.Diff(tt.want, r.articles); diff != "" {
				t.Errorf("articles mismatch (-want +got):\n%s", diff)
			}
			if len(r.warnings) > 0 {
				t.Errorf("unexpected warnings: %q", r.warnings)
			}
		})
	}
}

func TestDumps(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		splitOn  *regexp.Regexp
		wantIDs  []string
		wantWarn []string
	}{
		{"no separator", "One article\n\nWith body text.", nil, []string{"d"}, nil},
		{"separators first and last", "Source link\nFirst article here\n\nBody one is here.\nSOURCE LINK\nSecond article here\n\nBody two is here.\nSource link\n", nil, []string{"d#1", "d#2"}, nil},
		{"lone article with a stray separator", "Only article here\n\nIts body text.\n\nSource link\n", nil, []string{"d"}, nil},
		{"boilerplate parts dropped", "Advertisement\n\n7\nSource link\nReal article here\n\nIts body text.\nSource link\nRead more\nShare\nSource link\nAnother real article\n\nMore body text.", nil, []string{"d#1", "d#2"}, nil},
		{"separator inside a line is not a separator", "Click the Source link below for more.\n\nBody text is here.", nil, []string{"d"}, nil},
		{"only a date line", "MOSCOW, Jan 2, 2024 (Reuters) -", nil, nil, []string{"d.txt: no article text, skipped"}},
		{"dump part with only a date line", "2 Jan 2024\nSource link\nA real story here\n\nBody.\nSource link\nTuesday, 02 January 2024 12:17 GMT\nSource link\nAnother story here\n\nBody.", nil, []string{"d#1", "d#2"}, nil},
		{"only separators", "Source link\n\n  \nSource link", nil, nil, []string{"d.txt: no article text, skipped"}},
		{"custom separator", "First story here\n\nBody one.\n-----\nSecond story here\n\nBody two.", regexp.MustCompile(`(?m)^-{5,}$`), []string{"d#1", "d#2"}, nil},
		{"empty matches ignored", "First story here\n\nBody one.", regexp.MustCompile(`x*`), []string{"d"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parseAll(t, "d.txt", []byte(tt.in), Options{SplitOn: tt.splitOn})
			if diff := cmp.Diff(tt.wantIDs, r.ids(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("ids mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantWarn, r.warnings); diff != "" {
				t.Errorf("warnings mismatch (-want +got):\n%s", diff)
			}
			for _, a := range r.articles {
				if err := validArticle(a); err != nil {
					t.Error(err)
				}
			}
		})
	}
}
