package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/lemma"
	"github.com/newsgraph/newsgraph/news"
)

// Kind says how a gold item counts.
type Kind string

// Gold item kinds.
const (
	Direct   Kind = "direct"   // the sentence names both actors: required
	Coref    Kind = "coref"    // one actor only by surname, title or pronoun: required
	Optional Kind = "optional" // a right answer that is not required: never missed
)

// maxLine is the longest gold line read, in bytes.
const maxLine = 1 << 20

// Item is one gold triple.
type Item struct {
	Doc        string   `json:"doc"`            // article id (file stem)
	Anchor     string   `json:"anchor"`         // verbatim piece of the evidence sentence
	Subject    string   `json:"subject"`        // canonical subject name
	Object     string   `json:"object"`         // canonical object name
	Predicates []string `json:"predicates"`     // accepted predicates
	Kind       Kind     `json:"kind"`           // Direct, Coref or Optional
	Symmetric  bool     `json:"symmetric"`      // the relation holds both ways
	Line       int      `json:"line,omitempty"` // 1-based line in the gold file, 0 when not read from one
}

// validate reports what is wrong with it, or nil.
func (it Item) validate() error {
	switch {
	case strings.TrimSpace(it.Doc) == "":
		return errors.New("no doc")
	case strings.TrimSpace(it.Anchor) == "":
		return errors.New("no anchor")
	case strings.TrimSpace(it.Subject) == "":
		return errors.New("no subject")
	case strings.TrimSpace(it.Object) == "":
		return errors.New("no object")
	case news.ActorID(it.Subject) == news.ActorID(it.Object):
		return fmt.Errorf("subject and object are both %q", it.Subject)
	case len(it.Predicates) == 0:
		return errors.New("no predicates")
	}
	for _, p := range it.Predicates {
		if strings.TrimSpace(p) == "" {
			return errors.New("empty predicate")
		}
	}
	switch it.Kind {
	case Direct, Coref, Optional:
	default:
		return fmt.Errorf("kind %q, want direct, coref or optional", it.Kind)
	}
	return nil
}

// LineError is a problem with one line or record of an input file.
type LineError struct {
	File string // the file as named by the caller
	Line int    // 1-based line number
	Err  error
}

// Error returns "file:line: message".
func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns e.Err.
func (e *LineError) Unwrap() error { return e.Err }

// goldLine is the wire form of one gold line. Pointers tell a missing field
// from an empty one.
type goldLine struct {
	Doc        *string  `json:"doc"`
	Anchor     *string  `json:"anchor"`
	Subject    *string  `json:"subject"`
	Object     *string  `json:"object"`
	Predicates []string `json:"predicates"`
	Kind       *string  `json:"kind"`
	Symmetric  *bool    `json:"symmetric"`
}

// ParseGoldLine parses one line of a gold file. It rejects unknown and
// missing fields (symmetric may be left out and is then false), trailing
// data and items that fail the checks listed in the package documentation.
func ParseGoldLine(line []byte) (Item, error) {
	var g goldLine
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return Item{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Item{}, errors.New("invalid JSON: data after the object")
	}
	var missing []string
	str := func(name string, p *string) string {
		if p == nil {
			missing = append(missing, name)
			return ""
		}
		return *p
	}
	it := Item{
		Doc:        str("doc", g.Doc),
		Anchor:     str("anchor", g.Anchor),
		Subject:    str("subject", g.Subject),
		Object:     str("object", g.Object),
		Predicates: g.Predicates,
		Kind:       Kind(str("kind", g.Kind)),
	}
	if g.Predicates == nil {
		missing = append(missing, "predicates")
	}
	if len(missing) > 0 {
		return Item{}, fmt.Errorf("missing %s", strings.Join(missing, ", "))
	}
	if g.Symmetric != nil {
		it.Symmetric = *g.Symmetric
	}
	if err := it.validate(); err != nil {
		return Item{}, err
	}
	return it, nil
}

// ParseGold reads a gold file from r; name is used in errors. Blank lines
// are skipped. The first bad line stops reading with a *LineError.
func ParseGold(name string, r io.Reader) ([]Item, error) {
	items := []Item{}
	err := eachLine(name, r, func(n int, line []byte) error {
		it, err := ParseGoldLine(line)
		if err != nil {
			return err
		}
		it.Line = n
		items = append(items, it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return items, nil
}

// eachLine calls fn with every non-blank line of r and its 1-based number.
// An error from fn, or a line over maxLine bytes, stops reading and comes
// back as a *LineError; a read error is wrapped with name.
func eachLine(name string, r io.Reader, fn func(n int, line []byte) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, err := readLine(br)
		if err != nil && !errors.Is(err, io.EOF) {
			if errors.Is(err, errLineTooLong) {
				return &LineError{File: name, Line: n, Err: err}
			}
			return fmt.Errorf("%s: %w", name, err)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if ferr := fn(n, line); ferr != nil {
				return &LineError{File: name, Line: n, Err: ferr}
			}
		}
		if err != nil { // io.EOF
			return nil
		}
	}
}

var errLineTooLong = fmt.Errorf("line longer than %d bytes", maxLine)

// readLine returns the next line without its end, or io.EOF with the last
// line when the input ends.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxLine {
			return nil, errLineTooLong
		}
		switch {
		case err == nil:
			return bytes.TrimRight(line, "\r\n"), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		default:
			return bytes.TrimRight(line, "\r\n"), err
		}
	}
}

// ParseAliases reads an aliases file: one JSON object mapping each
// canonical actor name to the list of surface forms used for it. name is
// used in errors.
func ParseAliases(name string, data []byte) (map[string][]string, error) {
	var m map[string][]string
	if err := json.Unmarshal(data, &m); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, &LineError{File: name, Line: lineAt(data, se.Offset), Err: err}
		}
		return nil, fmt.Errorf("%s: want an object of name → list of names: %w", name, err)
	}
	if m == nil {
		return nil, fmt.Errorf("%s: want an object of name → list of names, got null", name)
	}
	return m, nil
}

// lineAt returns the 1-based line holding byte offset off of data.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

// Gold is a gold standard ready for scoring: its items, indexed by
// document, and the alias forms of each canonical actor. It is immutable
// and safe for concurrent use.
type Gold struct {
	items   []Item
	byDoc   map[string][]int    // doc → indexes into items
	forms   map[string][]string // ActorID of a canonical name → ActorIDs of its forms
	anchors []string            // normalised anchor of each item
	lem     *lemma.Lemmatizer
}

// NewGold indexes items and aliases (canonical name → surface forms; nil
// means none, so names match only by id and surname). It returns an error
// naming the first invalid item.
func NewGold(items []Item, aliases map[string][]string) (*Gold, error) {
	g := &Gold{
		items:   slices.Clone(items),
		byDoc:   map[string][]int{},
		forms:   map[string][]string{},
		anchors: make([]string, len(items)),
		lem:     lemma.New(),
	}
	for i, it := range g.items {
		if err := it.validate(); err != nil {
			if it.Line > 0 {
				return nil, fmt.Errorf("gold line %d: %w", it.Line, err)
			}
			return nil, fmt.Errorf("gold item %d: %w", i+1, err)
		}
		g.byDoc[it.Doc] = append(g.byDoc[it.Doc], i)
		g.anchors[i] = normText(it.Anchor)
	}
	for canon, forms := range aliases {
		k := news.ActorID(canon)
		for _, f := range forms {
			if fk := news.ActorID(f); fk != "" {
				g.forms[k] = append(g.forms[k], fk)
			}
		}
	}
	return g, nil
}

// LoadGold reads the gold file at goldPath and the aliases file at
// aliasesPath ("" for none) and returns them indexed.
func LoadGold(goldPath, aliasesPath string) (*Gold, error) {
	f, err := os.Open(goldPath)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	defer f.Close()
	items, err := ParseGold(goldPath, f)
	if err != nil {
		return nil, err
	}
	var aliases map[string][]string
	if aliasesPath != "" {
		data, err := os.ReadFile(aliasesPath)
		if err != nil {
			return nil, fmt.Errorf("aliases: %w", err)
		}
		if aliases, err = ParseAliases(aliasesPath, data); err != nil {
			return nil, err
		}
	}
	return NewGold(items, aliases)
}

// Items returns a copy of the gold items in file order.
func (g *Gold) Items() []Item { return slices.Clone(g.items) }

// Docs returns the ids of the documents the gold covers, sorted.
func (g *Gold) Docs() []string {
	docs := make([]string, 0, len(g.byDoc))
	for d := range g.byDoc {
		docs = append(docs, d)
	}
	slices.Sort(docs)
	return docs
}

// HasDoc reports whether the gold covers the document id.
func (g *Gold) HasDoc(id string) bool { _, ok := g.byDoc[id]; return ok }
