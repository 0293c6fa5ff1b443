package source

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/news"
)

// result is what one Read or Parse call delivered.
type result struct {
	articles []news.Article
	warnings []string
}

func (r *result) opts() Options {
	return Options{Warn: func(err error) { r.warnings = append(r.warnings, err.Error()) }}
}

func (r *result) add(a news.Article) error {
	r.articles = append(r.articles, a)
	return nil
}

func (r *result) ids() []string {
	ids := []string{}
	for _, a := range r.articles {
		ids = append(ids, a.ID)
	}
	return ids
}

// readAll runs Read and fails the test on error.
func readAll(t *testing.T, opts Options, paths ...string) *result {
	t.Helper()
	var r result
	if opts.Warn == nil {
		opts.Warn = r.opts().Warn
	}
	if err := Read(context.Background(), paths, opts, r.add); err != nil {
		t.Fatalf("Read(%q): %v", paths, err)
	}
	return &r
}

// parseAll runs Parse and fails the test on error.
func parseAll(t *testing.T, name string, data []byte, opts Options) *result {
	t.Helper()
	var r result
	if opts.Warn == nil {
		opts.Warn = r.opts().Warn
	}
	if err := Parse(name, data, opts, r.add); err != nil {
		t.Fatalf("Parse(%q): %v", name, err)
	}
	return &r
}

// validArticle checks what every article must satisfy, whatever the input.
func validArticle(a news.Article) error {
	for field, v := range map[string]string{"ID": a.ID, "Title": a.Title, "Text": a.Text, "Date": a.Date, "URL": a.URL, "Source": a.Source} {
		if !utf8.ValidString(v) {
			return fmt.Errorf("%s is not valid UTF-8: %q", field, v)
		}
	}
	if a.ID == "" {
		return fmt.Errorf("empty ID")
	}
	if strings.TrimSpace(a.Text) == "" {
		return fmt.Errorf("%s: empty Text", a.ID)
	}
	for _, r := range a.Text {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return fmt.Errorf("%s: control character %U in Text", a.ID, r)
		}
	}
	if strings.Contains(a.Text, "\n\n\n") {
		return fmt.Errorf("%s: more than one blank line in a row", a.ID)
	}
	if strings.ContainsAny(a.Title, "\n\r") {
		return fmt.Errorf("%s: line break in Title %q", a.ID, a.Title)
	}
	if a.Date != "" {
		if _, err := time.Parse(time.DateOnly, a.Date); err != nil {
			return fmt.Errorf("%s: bad Date %q", a.ID, a.Date)
		}
	}
	return nil
}
