package source

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/newsgraph/newsgraph/news"
)

// parseHTML reads one web page as one article.
func parseHTML(in input, data []byte, s *sink) error {
	raw, err := decodeBytes(data)
	if err != nil {
		s.warn(in.path, 0, err)
		return nil
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		s.warn(in.path, 0, ErrEmpty)
		return nil
	}
	a, ok := htmlArticle(raw)
	if !ok {
		s.warn(in.path, 0, ErrNoText)
		return nil
	}
	a.ID, a.Source = in.stem, in.path
	return s.emit(a, in.path, 0)
}

// htmlArticle extracts the article of a page; see the package comment. It
// reports false when the page has no visible text.
func htmlArticle(data []byte) (news.Article, bool) {
	data = decodeCharset(data)
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		// The parser refuses pathological pages (more than 512 open
		// elements); read their text token by token instead.
		return flatArticle(data)
	}
	var p page
	p.scan(doc)

	root := p.contentRoot(doc)
	text := normalizeString(extractText(root))
	if text == "" {
		return news.Article{}, false
	}

	var a news.Article
	a.Title = p.title()
	a.Date = p.date(root)
	a.URL = p.url()
	if a.Title != "" && !p.hasHeading(root, a.Title) {
		a.Text = withTitle(a.Title, text)
	} else {
		a.Text = text
	}
	return a, true
}

// charsetRe finds a declared charset near the top of a page.
var charsetRe = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9._:-]+)`)

// decodeCharset decodes a page that declares a non-UTF-8 charset in a meta
// tag. Pages without a declaration are taken as UTF-8, so that invalid
// bytes become U+FFFD as in every other format.
func decodeCharset(data []byte) []byte {
	m := charsetRe.FindSubmatch(data[:min(len(data), 2048)])
	if m == nil {
		return data
	}
	enc, name := charset.Lookup(string(m[1]))
	if enc == nil || name == "utf-8" {
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// page holds the metadata found in a document.
type page struct {
	meta      map[string]string // lower-case property/name/itemprop → first content
	titleTag  string
	firstH1   string
	canonical string
	itemDate  string // itemprop="datePublished" on any element
	ldDate    string
	ldTitle   string
	articles  []*html.Node
	main      *html.Node
	body      *html.Node
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

func attrVal(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return strings.TrimSpace(v)
}

func isHTMLElem(n *html.Node, a atom.Atom) bool {
	return n.Type == html.ElementNode && n.DataAtom == a && n.Namespace == ""
}

// scan walks the whole document once, collecting metadata and candidate
// content roots.
func (p *page) scan(doc *html.Node) {
	p.meta = map[string]string{}
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.Namespace != "" {
			return n.Type == html.DocumentNode
		}
		if v := attrVal(n, "itemprop"); strings.EqualFold(v, "datePublished") && p.itemDate == "" {
			p.itemDate = firstNonEmpty(attrVal(n, "content"), attrVal(n, "datetime"), nodeText(n))
		}
		switch n.DataAtom {
		case atom.Meta:
			content := attrVal(n, "content")
			for _, k := range []string{"property", "name", "itemprop"} {
				key := strings.ToLower(attrVal(n, k))
				if key != "" && content != "" {
					if _, ok := p.meta[key]; !ok {
						p.meta[key] = content
					}
				}
			}
		case atom.Title:
			if p.titleTag == "" {
				p.titleTag = nodeText(n)
			}
		case atom.H1:
			if p.firstH1 == "" {
				p.firstH1 = nodeText(n)
			}
		case atom.Link:
			if p.canonical == "" && hasToken(attrVal(n, "rel"), "canonical") {
				p.canonical = attrVal(n, "href")
			}
		case atom.Script:
			if strings.EqualFold(attrVal(n, "type"), "application/ld+json") {
				p.scanLD(nodeText(n))
			}
			return false
		case atom.Article:
			p.articles = append(p.articles, n)
		case atom.Main:
			if p.main == nil {
				p.main = n
			}
		case atom.Body:
			if p.body == nil {
				p.body = n
			}
		}
		if p.main == nil && strings.EqualFold(attrVal(n, "role"), "main") {
			p.main = n
		}
		return true
	}, nil)
}

// scanLD reads datePublished and headline from a JSON-LD block.
func (p *page) scanLD(src string) {
	if p.ldDate != "" && p.ldTitle != "" {
		return
	}
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	// Breadth-first, so the top-level object wins over nested ones.
	queue := []any{v}
	for steps := 0; len(queue) > 0 && steps < 10000; steps++ {
		cur := queue[0]
		queue = queue[1:]
		switch cur := cur.(type) {
		case map[string]any:
			if s, ok := cur["datePublished"].(string); ok && p.ldDate == "" {
				p.ldDate = s
			}
			if s, ok := cur["headline"].(string); ok && p.ldTitle == "" {
				p.ldTitle = s
			}
			for _, val := range cur {
				queue = append(queue, val)
			}
		case []any:
			queue = append(queue, cur...)
		}
	}
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// contentRoot picks the element holding the article: the <article> with
// the most text, else <main>, else <body>, else the document.
func (p *page) contentRoot(doc *html.Node) *html.Node {
	var best *html.Node
	bestLen := 0
	for _, n := range p.articles {
		if l := len(strings.TrimSpace(extractText(n))); l > bestLen {
			best, bestLen = n, l
		}
	}
	switch {
	case best != nil:
		return best
	case p.main != nil && strings.TrimSpace(extractText(p.main)) != "":
		return p.main
	case p.body != nil:
		return p.body
	}
	return doc
}

// title returns og:title, then <title> without a site suffix, then the
// first <h1>, then the JSON-LD headline.
func (p *page) title() string {
	if t := singleLine(p.meta["og:title"]); t != "" {
		return t
	}
	if t := singleLine(p.titleTag); t != "" {
		return stripSuffix(t, " | ", " - ", " – ", " — ")
	}
	if t := singleLine(p.firstH1); t != "" {
		return t
	}
	return singleLine(p.ldTitle)
}

// dateMetaKeys are the meta tags holding a publication date, by priority.
var dateMetaKeys = []string{
	"article:published_time", "og:published_time", "og:article:published_time",
	"date", "pubdate", "publishdate", "publish-date", "publish_date",
	"dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "datepublished",
}

// date returns the first publication date found; see the package comment.
func (p *page) date(root *html.Node) string {
	for _, k := range dateMetaKeys {
		if d := parseDateValue(singleLine(p.meta[k])); d != "" {
			return d
		}
	}
	if d := parseDateValue(singleLine(p.itemDate)); d != "" {
		return d
	}
	var found string
	walk(root, func(n *html.Node) bool {
		if found != "" {
			return false
		}
		if isHTMLElem(n, atom.Time) {
			found = parseDateValue(singleLine(attrVal(n, "datetime")))
		}
		return true
	}, nil)
	if found != "" {
		return found
	}
	return parseDateValue(singleLine(p.ldDate))
}

// url returns the canonical link, then og:url.
func (p *page) url() string {
	if u := singleLine(p.canonical); u != "" {
		return u
	}
	return singleLine(p.meta["og:url"])
}

// hasHeading reports whether the content root holds an <h1> (outside the
// dropped elements) whose text is the title or the page's first <h1>, so
// that the text already carries the headline.
func (p *page) hasHeading(root *html.Node, title string) bool {
	found := false
	h1 := singleLine(p.firstH1)
	walk(root, func(n *html.Node) bool {
		if found || (n != root && skipped(n)) {
			return false
		}
		if isHTMLElem(n, atom.H1) {
			t := singleLine(nodeText(n))
			if t != "" && (strings.EqualFold(t, title) || strings.EqualFold(t, h1)) {
				found = true
			}
			return false
		}
		return true
	}, nil)
	return found
}

// walk visits the tree under root in document order without recursion, so
// deeply nested pages cannot exhaust the stack. enter returns whether to
// visit n's children; leave, if not nil, is called after them.
func walk(root *html.Node, enter func(*html.Node) bool, leave func(*html.Node)) {
	n := root
	for {
		if enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		if leave != nil {
			leave(n)
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
			if leave != nil {
				leave(n)
			}
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// nodeText is the raw text under n, white space folded.
func nodeText(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return true
	}, nil)
	return strings.Join(strings.Fields(b.String()), " ")
}

// dropped are the elements whose content is never article text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Footer: true, atom.Header: true, atom.Aside: true,
	atom.Form: true, atom.Svg: true, atom.Iframe: true, atom.Head: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
	atom.Math: true, atom.Dialog: true, atom.Title: true,
}

// skipped reports whether n's content is left out of the text.
func skipped(n *html.Node) bool {
	switch n.Type {
	case html.CommentNode, html.DoctypeNode:
		return true
	case html.ElementNode:
	default:
		return false
	}
	if n.Namespace != "" || dropped[n.DataAtom] {
		return true
	}
	if _, ok := attr(n, "hidden"); ok {
		return true
	}
	return strings.EqualFold(attrVal(n, "aria-hidden"), "true")
}

// Break levels between blocks of text.
const (
	brNone = iota
	brLine
	brPara
)

// blockBreak is the break an element puts around its content.
var blockBreak = map[atom.Atom]int{
	atom.P: brPara, atom.H1: brPara, atom.H2: brPara, atom.H3: brPara,
	atom.H4: brPara, atom.H5: brPara, atom.H6: brPara, atom.Blockquote: brPara,
	atom.Pre: brPara, atom.Ul: brPara, atom.Ol: brPara, atom.Dl: brPara,
	atom.Table: brPara, atom.Figure: brPara, atom.Section: brPara,
	atom.Article: brPara, atom.Main: brPara, atom.Hr: brPara, atom.Address: brPara,
	atom.Details: brPara,
	atom.Div:     brLine, atom.Li: brLine, atom.Br: brLine, atom.Tr: brLine,
	atom.Dt: brLine, atom.Dd: brLine, atom.Figcaption: brLine, atom.Caption: brLine,
	atom.Summary: brLine, atom.Body: brPara,
}

// textBuilder joins text nodes: white space folds to single spaces and
// block boundaries become line or paragraph breaks.
type textBuilder struct {
	b     strings.Builder
	brk   int  // pending break before the next word
	space bool // pending space before the next word
	pre   int  // depth inside <pre>
}

func (t *textBuilder) block(level int) {
	t.brk = max(t.brk, level)
	t.space = false
}

func (t *textBuilder) word(w string) {
	if t.b.Len() > 0 {
		switch {
		case t.brk == brPara:
			t.b.WriteString("\n\n")
		case t.brk == brLine:
			t.b.WriteByte('\n')
		case t.space:
			t.b.WriteByte(' ')
		}
	}
	t.brk, t.space = brNone, false
	t.b.WriteString(w)
}

func (t *textBuilder) text(s string) {
	if t.pre > 0 {
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				t.block(brLine)
			}
			t.words(line)
		}
		return
	}
	t.words(s)
}

func (t *textBuilder) words(s string) {
	for s != "" {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i == 0 {
			j := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
			if j < 0 {
				j = len(s)
			}
			t.space = true
			s = s[j:]
			continue
		}
		if i < 0 {
			i = len(s)
		}
		t.word(s[:i])
		s = s[i:]
	}
}

// extractText returns the visible text under root; see the package comment.
func extractText(root *html.Node) string {
	var t textBuilder
	walk(root, func(n *html.Node) bool {
		if n != root && skipped(n) {
			return false
		}
		switch n.Type {
		case html.TextNode:
			t.text(n.Data)
		case html.ElementNode:
			if lvl, ok := blockBreak[n.DataAtom]; ok {
				t.block(lvl)
			}
			switch n.DataAtom {
			case atom.Td, atom.Th:
				t.space = true
			case atom.Pre:
				t.pre++
			}
		}
		return true
	}, func(n *html.Node) {
		if n.Type != html.ElementNode || (n != root && skipped(n)) {
			return
		}
		if lvl, ok := blockBreak[n.DataAtom]; ok {
			t.block(lvl)
		}
		switch n.DataAtom {
		case atom.Td, atom.Th:
			t.space = true
		case atom.Pre:
			t.pre--
		}
	})
	return t.b.String()
}

// flatArticle reads a page the parser refused with the tokenizer alone:
// the text outside dropped elements, with block breaks, and the <title>.
func flatArticle(data []byte) (news.Article, bool) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var (
		t       textBuilder
		title   strings.Builder
		skip    int // depth inside dropped elements
		inTitle bool
	)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			switch {
			case inTitle:
				title.Write(z.Text())
			case skip == 0:
				t.text(string(z.Text()))
			}
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = tt == html.StartTagToken
			}
			if dropped[a] {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
			if lvl, ok := blockBreak[a]; ok {
				t.block(lvl)
			}
		}
	}
	text := normalizeString(t.b.String())
	if text == "" {
		return news.Article{}, false
	}
	a := news.Article{Title: stripSuffix(singleLine(title.String()), " | ", " - ", " – ", " — ")}
	a.Text = withTitle(a.Title, text)
	return a, true
}
