package source

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/news"
)

// Limits of the title and section-label rules; see the package comment.
const (
	maxTitleRunes  = 150
	maxTitleWords  = 25
	maxKickerRunes = 30
	maxKickerWords = 3
	minTitleWords  = 5 // a headline after a section label has at least this many words
	minPartWords   = 3 // a dump part needs this many words of real text
)

var mdHeadingRe = regexp.MustCompile(`^#{1,6}\s+`)

// parseText reads a plain-text file: one article, or a scrape dump of many.
func parseText(ctx context.Context, in input, data []byte, s *sink) error {
	raw, err := decodeBytes(data)
	if err != nil {
		s.warn(in.path, 0, err)
		return nil
	}
	text := normalize(raw)
	if text == "" {
		s.warn(in.path, 0, ErrEmpty)
		return nil
	}
	parts, isDump := splitDump(text, s.opts.split())
	if !isDump {
		parts = []string{text}
	}
	var arts []news.Article
	for _, part := range parts {
		if err := ctx.Err(); err != nil {
			return err
		}
		if part = tidyLines(part); isDump && isBoilerplatePart(part) {
			continue
		}
		// The text can be empty when it held only a date line.
		if a := textArticle(part); a.Text != "" {
			arts = append(arts, a)
		}
	}
	if len(arts) == 0 {
		s.warn(in.path, 0, ErrNoText)
		return nil
	}
	for n, a := range arts {
		a.ID, a.Source = fmt.Sprintf("%s#%d", in.stem, n+1), in.path
		if len(arts) == 1 {
			a.ID = in.stem // one article, or one with a stray separator line
		}
		if err := s.emit(a, in.path, 0); err != nil {
			return err
		}
	}
	return nil
}

// splitDump splits text at the non-empty matches of sep. It reports false
// when there are none, i.e. the text is not a dump.
func splitDump(text string, sep *regexp.Regexp) ([]string, bool) {
	var parts []string
	start := 0
	for _, loc := range sep.FindAllStringIndex(text, -1) {
		if loc[0] == loc[1] {
			continue
		}
		parts = append(parts, text[start:loc[0]])
		start = loc[1]
	}
	if parts == nil {
		return nil, false
	}
	return append(parts, text[start:]), true
}

// textArticle builds an article from normalised text, applying the date
// and title rules of the package comment. ID and Source are left empty.
func textArticle(text string) news.Article {
	lines := strings.Split(text, "\n")
	next := func(i int) int {
		for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
			i++
		}
		return i
	}
	drop := map[int]bool{}
	var date string

	// 1. A leading date line.
	i := next(0)
	if i < len(lines) {
		if d, ok := dateLine(lines[i]); ok {
			date, drop[i] = d, true
			i = next(i + 1)
		}
	}

	// 2–4. Section label, title, and a date line after the title.
	titleIdx := -1
	if i < len(lines) && isTitleLine(lines[i]) {
		if isKicker(lines[i]) {
			if j := next(i + 1); j < len(lines) && isTitleLine(lines[j]) && words(lines[j]) >= minTitleWords {
				drop[i] = true
				i = j
			}
		}
		titleIdx = i
		if j := next(i + 1); j < len(lines) {
			if d, ok := dateLine(lines[j]); ok {
				if date == "" {
					date = d
				}
				drop[j] = true
			}
		}
	}

	// 5. An agency dateline opening the body.
	if date == "" {
		for k := titleIdx + 1; k < len(lines); k++ {
			if drop[k] || strings.TrimSpace(lines[k]) == "" {
				continue
			}
			if dl, ok := parseDateline(strings.TrimSpace(lines[k])); ok {
				date = dl.date
			}
			break
		}
	}

	var a news.Article
	a.Date = date
	var b strings.Builder
	b.Grow(len(text) + 2)
	if titleIdx >= 0 {
		a.Title = cleanTitle(lines[titleIdx], " | ")
		b.WriteString(a.Title)
		b.WriteString("\n\n")
	}
	for k, l := range lines {
		if drop[k] || k == titleIdx {
			continue
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	a.Text = tidyLines(b.String())
	return a
}

// isTitleLine reports whether line can be a headline: short, holding a
// letter, without final sentence punctuation, and not a date or dateline.
func isTitleLine(line string) bool {
	s := strings.TrimSpace(line)
	if s == "" || utf8.RuneCountInString(s) > maxTitleRunes || words(s) > maxTitleWords {
		return false
	}
	if !hasLetter(s) || endsSentence(s) {
		return false
	}
	if _, ok := dateLine(s); ok {
		return false
	}
	if _, ok := parseDateline(s); ok {
		return false
	}
	return true
}

// isKicker reports whether a title-like line is short enough to be a
// section label ("Kremlin", "World news") when a headline follows it.
func isKicker(line string) bool {
	s := strings.TrimSpace(line)
	return words(s) <= maxKickerWords && utf8.RuneCountInString(s) <= maxKickerRunes
}

// endsSentence reports whether s ends in sentence punctuation, looking
// through closing quotes, brackets and Markdown emphasis marks.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'’”»›)]}*_", r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;,…", r)
}

// cleanTitle makes a title line into Article.Title: white space folded,
// a Markdown heading mark removed, and a short site or section suffix after
// one of seps cut.
func cleanTitle(line string, seps ...string) string {
	s := strings.Join(strings.Fields(line), " ")
	s = mdHeadingRe.ReplaceAllString(s, "")
	return stripSuffix(s, seps...)
}

// stripSuffix cuts a trailing " | Site name" (for each separator in seps)
// of at most 4 words from a title of at least 3 words before it.
func stripSuffix(s string, seps ...string) string {
	for range 3 {
		cut := false
		for _, sep := range seps {
			i := strings.LastIndex(s, sep)
			if i <= 0 {
				continue
			}
			head, tail := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
			if words(tail) <= 4 && words(head) >= 3 {
				s, cut = head, true
				break
			}
		}
		if !cut {
			break
		}
	}
	return s
}

// boilerplate lines: whole lines, compared lower-case with surrounding
// punctuation trimmed.
var boilerplate = map[string]bool{
	"ad": true, "advert": true, "advertisement": true, "sponsored": true,
	"share": true, "share this": true, "share this article": true, "share this story": true,
	"read more": true, "read next": true, "more": true, "related": true,
	"related articles": true, "related stories": true, "related content": true,
	"more stories": true, "most read": true, "top stories": true, "comments": true,
	"subscribe": true, "sign up": true, "newsletter": true, "click here": true,
	"continue reading": true, "source": true, "source link": true, "follow us": true,
	"print": true, "email": true, "image": true, "photo": true, "video": true,
	"listen": true, "watch": true, "loading": true, "loading...": true,
}

var creditRe = regexp.MustCompile(`(?i)^(?:credit|photo|image|picture)s?\s*:`)

// isBoilerplatePart reports whether a dump part holds no article: fewer
// than minPartWords words outside boilerplate lines and lines without
// letters.
func isBoilerplatePart(part string) bool {
	n := 0
	for _, line := range strings.Split(part, "\n") {
		l := strings.TrimSpace(line)
		if l == "" || !hasLetter(l) || isBoilerplateLine(l) {
			continue
		}
		n += words(l)
		if n >= minPartWords {
			return false
		}
	}
	return true
}

func isBoilerplateLine(l string) bool {
	key := strings.ToLower(strings.TrimFunc(l, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	}))
	if boilerplate[key] {
		return true
	}
	return creditRe.MatchString(l) && words(l) <= 6
}

func words(s string) int { return len(strings.Fields(s)) }

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
