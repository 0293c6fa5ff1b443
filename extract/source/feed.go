package source

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/newsgraph/newsgraph/news"
)

// ErrNotFeed means content read as a feed (a .rss, .atom or .xml file, or
// a fetched feed) is not an RSS, Atom or JSON feed that can be parsed. It is
// wrapped with the parser's reason: "not an RSS or Atom feed: …".
var ErrNotFeed = errors.New("not an RSS or Atom feed")

// errNoItems is the Err of the *Warning for a feed file without items.
var errNoItems = errors.New("feed has no items, skipped")

// feedSniffLen is how much of the start of an input is looked at to decide
// whether it is a feed.
const feedSniffLen = 64 << 10

// looksLikeFeed reports whether data starts like an XML feed: after white
// space and a byte order mark, '<', and a root element named rss, RDF
// (RSS 1.0) or feed (Atom).
func looksLikeFeed(data []byte) bool {
	head := bytes.TrimPrefix(data[:min(len(data), feedSniffLen)], utf8BOM)
	if t := bytes.TrimLeft(head, " \t\r\n\f\v"); len(t) == 0 || t[0] != '<' {
		return false
	}
	ok := false
	safely(func() {
		switch gofeed.DetectFeedType(bytes.NewReader(head)) {
		case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
			ok = true
		}
	})
	return ok
}

// safely runs fn and turns a panic into an error, so that no feed, however
// malformed, can crash the caller through the third-party parser.
func safely(fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parser failure: %v", r)
		}
	}()
	fn()
	return nil
}

// xmlEncodingRe finds the encoding declaration of an XML prolog.
var xmlEncodingRe = regexp.MustCompile(`^(\s*<\?xml[^>]*?\sencoding\s*=\s*)["'][^"']*["']`)

// parseFeedBytes parses a whole feed with gofeed. Content with a UTF-16
// byte order mark is decoded first (and its prolog made to say so); content
// that looks binary, or that gofeed cannot read, gives an error wrapping
// ErrNotFeed (or ErrBinary).
func parseFeedBytes(data []byte) (*gofeed.Feed, error) {
	utf16 := bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM)
	raw, err := decodeBytes(data)
	if err != nil {
		return nil, err
	}
	if utf16 {
		raw = xmlEncodingRe.ReplaceAll(raw, []byte(`${1}"UTF-8"`))
	}
	var feed *gofeed.Feed
	perr := safely(func() { feed, err = gofeed.NewParser().Parse(bytes.NewReader(raw)) })
	if perr != nil {
		err = perr
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrNotFeed, oneLine(err.Error()))
	}
	if feed == nil {
		return nil, fmt.Errorf("%w: no feed found", ErrNotFeed)
	}
	return feed, nil
}

// feedParams says how a parsed feed becomes articles.
type feedParams struct {
	stem   string   // prefix of ids that are not absolute URIs
	source string   // Article.Source when the feed has no title
	base   *url.URL // resolves relative item links; nil means the feed's own link, when absolute
}

// feedArticles turns the items of feed into articles, in feed order; see the
// package comment. Items without text are reported in skipped and left out.
func feedArticles(feed *gofeed.Feed, p feedParams) (arts []news.Article, skipped []error) {
	source := singleLine(feed.Title)
	if source == "" {
		source = p.source
	}
	if p.base == nil {
		if u, err := parseHTTPURL(singleLine(feed.Link)); err == nil {
			p.base = u
		}
	}
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		a := news.Article{
			Title:  singleLine(markupText(it.Title)),
			Date:   itemDate(it),
			URL:    itemLink(it, p.base),
			Source: source,
		}
		a.ID = itemID(it, a, p.stem)
		body := markupText(it.Content)
		if body == "" {
			body = markupText(it.Description)
		}
		if body == "" || body == a.Title {
			skipped = append(skipped, fmt.Errorf("item %d %q: %w", i+1, a.ID, ErrNoText))
			continue
		}
		a.Text = withTitle(a.Title, body)
		arts = append(arts, a)
	}
	return arts, skipped
}

// itemDate is the item's publication date, else its update date, as
// YYYY-MM-DD: the calendar date written in the feed, whatever its zone.
func itemDate(it *gofeed.Item) string {
	for _, s := range []string{it.Published, it.Updated} {
		if d := parseDateValue(singleLine(s)); d != "" {
			return d
		}
	}
	for _, t := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if t != nil && t.Year() > 0 && t.Year() < 10000 {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// itemLink is the item's link, else its first link, resolved against base
// when it is relative.
func itemLink(it *gofeed.Item, base *url.URL) string {
	link := singleLine(it.Link)
	for _, l := range it.Links {
		if link != "" {
			break
		}
		link = singleLine(l)
	}
	if link == "" || base == nil {
		return link
	}
	u, err := url.Parse(link)
	if err != nil || u.IsAbs() {
		return link
	}
	return base.ResolveReference(u).String()
}

// maxRawID is the longest GUID or link used in an id as it is; longer ones
// are hashed.
const maxRawID = 512

// itemID returns the article id of an item; see the package comment.
func itemID(it *gofeed.Item, a news.Article, stem string) string {
	key := singleLine(it.GUID)
	if key == "" {
		key = a.URL
	}
	switch {
	case key == "":
		return stem + "#" + shortHash(a.Title+"\n"+a.Date+"\n"+singleLine(it.Published))
	case len(key) > maxRawID:
		return stem + "#" + shortHash(key)
	case isAbsURI(key):
		return key
	}
	return stem + "#" + key
}

// shortHash is the first 16 hex digits of the SHA-256 of s.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// uriSchemeRe is an absolute URI: a scheme, a colon and something after it
// ("https://…", "urn:uuid:…", "tag:example.com,2024:…").
var uriSchemeRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:\S`)

// isAbsURI reports whether s is an absolute URI, which makes a globally
// unique id on its own.
func isAbsURI(s string) bool {
	if !uriSchemeRe.MatchString(s) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && (u.Host != "" || u.Opaque != "")
}

// tagRe finds something that looks like an HTML start or end tag or a
// comment in a feed field; "5 < 6" does not match.
var tagRe = regexp.MustCompile(`<(?:[A-Za-z][A-Za-z0-9:-]*(?:\s|/?>)|/[A-Za-z]|!--)`)

// markupText reduces a feed field to plain text: HTML (anything holding a
// tag) is read with the package's HTML text extraction (block elements end
// paragraphs, scripts and the like are dropped, entities are decoded);
// other text has its entities decoded. The result is normalised.
func markupText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if !tagRe.MatchString(s) {
		return normalizeString(html.UnescapeString(s))
	}
	var text string
	if safely(func() { text = htmlFragmentText(s) }) != nil {
		return normalizeString(html.UnescapeString(s))
	}
	return text
}

// htmlFragmentText is the visible text of an HTML fragment.
func htmlFragmentText(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		// Too deeply nested for the parser: read it token by token.
		a, _ := flatArticle([]byte(s))
		return a.Text
	}
	return normalizeString(extractText(doc))
}

// parseFeedFile reads a feed file (or standard input holding a feed): each
// item becomes an article. A file that is not a feed, or has no items,
// gives a *Warning; so does each item without text.
func parseFeedFile(ctx context.Context, in input, data []byte, s *sink) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0 {
		s.warn(in.path, 0, ErrEmpty)
		return nil
	}
	feed, err := parseFeedBytes(data)
	if err != nil {
		if errors.Is(err, ErrNotFeed) {
			err = fmt.Errorf("%w, skipped", err)
		}
		s.warn(in.path, 0, err)
		return nil
	}
	if len(feed.Items) == 0 {
		s.warn(in.path, 0, errNoItems)
		return nil
	}
	arts, skipped := feedArticles(feed, feedParams{stem: in.stem, source: in.path})
	for _, err := range skipped {
		s.warn(in.path, 0, err)
	}
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.emit(a, in.path, 0); err != nil {
			return err
		}
	}
	return nil
}
