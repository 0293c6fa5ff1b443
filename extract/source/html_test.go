package source

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

func TestParseHTMLFiles(t *testing.T) {
	tests := []struct {
		path string
		want news.Article
	}{
		{
			path: "testdata/formats/page.html",
			want: news.Article{
				ID:    "page",
				Title: "Ministers meet in Rome to discuss trade",
				Text: "Ministers meet in Rome to discuss trade\n\n" +
					"Trade ministers from Italy and Spain met in Rome on Tuesday.\n\n" +
					"They discussed tariffs & quotas. No deal was signed.\n\n" +
					"The ministers in Rome.\n\n" +
					"First point\nSecond point",
				Date:   "2024-03-05",
				URL:    "https://example.com/rome-trade",
				Source: "testdata/formats/page.html",
			},
		},
		{
			path: "testdata/formats/page-main.html",
			want: news.Article{
				ID:     "page-main",
				Title:  "Parliament approves the budget",
				Text:   "Parliament approves the budget\n\nPosted yesterday\n\nThe parliament approved the budget\non Monday evening.\n\nYes 250\nNo 120",
				Date:   "2023-11-20",
				Source: "testdata/formats/page-main.html",
			},
		},
		{
			path: "testdata/formats/page-ld.html",
			want: news.Article{
				ID:     "page-ld",
				Title:  "Floods hit the north",
				Text:   "Floods hit the north\n\nHeavy rain caused floods in the north of the country.",
				Date:   "2022-07-14",
				Source: "testdata/formats/page-ld.html",
			},
		},
		{
			path: "testdata/formats/page-latin1.html",
			want: news.Article{
				ID:     "page-latin1",
				Title:  "Café owners protest",
				Text:   "Café owners protest\n\nCafé owners protested in Liège – the mayor listened.",
				Source: "testdata/formats/page-latin1.html",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := readAll(t, Options{}, tt.path)
			if diff := cmp.Diff([]news.Article{tt.want}, r.articles); diff != "" {
				t.Errorf("articles mismatch (-want +got):\n%s", diff)
			}
			if len(r.warnings) > 0 {
				t.Errorf("unexpected warnings: %q", r.warnings)
			}
		})
	}
}

func TestHTMLArticle(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want news.Article
	}{
		{
			name: "fragment without html element",
			in:   "<p>One &amp; two</p><p>Three</p>",
			want: news.Article{Text: "One & two\n\nThree"},
		},
		{
			name: "inline elements join without extra spaces",
			in:   "<p>Pu<b>tin</b> met <a href=x>Xi</a>, then left.</p>",
			want: news.Article{Text: "Putin met Xi, then left."},
		},
		{
			name: "h1 fallback title kept in place",
			in:   "<body><h1>Storm  hits\n coast</h1><p>Winds rose.</p></body>",
			want: news.Article{Title: "Storm hits coast", Text: "Storm hits coast\n\nWinds rose."},
		},
		{
			name: "main preferred over body",
			in:   "<body><div>Cookie banner</div><main><p>Main text.</p></main><div>Footer-ish</div></body>",
			want: news.Article{Text: "Main text."},
		},
		{
			name: "role main",
			in:   `<body><div>Menu</div><div role="main"><p>Main text.</p></div></body>`,
			want: news.Article{Text: "Main text."},
		},
		{
			name: "meta name date and og url",
			in:   `<head><meta name="pubdate" content="2021-06-01"><meta property="og:url" content="https://e.com/a"></head><body><p>Text.</p></body>`,
			want: news.Article{Text: "Text.", Date: "2021-06-01", URL: "https://e.com/a"},
		},
		{
			name: "itemprop datePublished",
			in:   `<body><article><p>Text.</p><span itemprop="datePublished">March 4, 2020</span></article></body>`,
			want: news.Article{Text: "Text.\n\nMarch 4, 2020", Date: "2020-03-04"},
		},
		{
			name: "pre keeps line breaks",
			in:   "<pre>line one\nline two</pre>",
			want: news.Article{Text: "line one\nline two"},
		},
		{
			name: "aria hidden and svg title dropped",
			in:   `<p>Visible.</p><p aria-hidden="true">Invisible.</p><svg><title>Icon</title></svg>`,
			want: news.Article{Text: "Visible."},
		},
		{
			name: "comments dropped",
			in:   "<p>Before<!-- a comment -->after.</p>",
			want: news.Article{Text: "Beforeafter."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := htmlArticle([]byte(tt.in))
			if !ok {
				t.Fatalf("htmlArticle(%q) found no text", tt.in)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("htmlArticle(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestHTMLDeepNesting checks that a very deep page neither overflows the
// stack nor loses its text.
func TestHTMLDeepNesting(t *testing.T) {
	const depth = 20000
	page := strings.Repeat("<div>", depth) + "deep text" + strings.Repeat("</div>", depth)
	page = "<title>A deep page - Site</title><script>skip()</script>" + page
	r := parseAll(t, "deep.html", []byte(page), Options{})
	want := []news.Article{{ID: "deep", Title: "A deep page", Text: "A deep page\n\ndeep text", Source: "deep.html"}}
	if diff := cmp.Diff(want, r.articles); diff != "" {
		t.Errorf("articles mismatch (-want +got):\n%s", diff)
	}
}
