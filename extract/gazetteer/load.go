package gazetteer

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/newsgraph/newsgraph/news"
)

//go:embed data/builtin.yaml
var builtinYAML string

// builtin parses the embedded data once; the result is never modified.
var builtin = sync.OnceValues(func() ([]Entry, error) {
	return parse("builtin.yaml", []byte(builtinYAML), formatYAML)
})

// Builtin returns a fresh copy of the built-in entries (data/builtin.yaml):
// countries, regions and international organisations. See the package
// documentation for what it holds.
func Builtin() ([]Entry, error) {
	es, err := builtin()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	out := make([]Entry, len(es))
	for i, e := range es {
		out[i] = clone(e)
	}
	return out, nil
}

// Default returns a Gazetteer of the built-in entries with DefaultOptions.
func Default() (*Gazetteer, error) {
	es, err := Builtin()
	if err != nil {
		return nil, err
	}
	return New(es, DefaultOptions())
}

// EntryError reports a problem with one entry, in a file or in the slice
// given to New.
type EntryError struct {
	File  string // the file, or "" for entries given to New
	Entry int    // position of the entry, from 1
	Name  string // its name, or "" when it has none
	Err   error
}

// Error returns "gaz.yaml: entry 3: missing name", or
// "gaz.yaml: entry 4 (Atlantis): unknown type ..." when the entry has a
// name.
func (e *EntryError) Error() string {
	file := e.File
	if file == "" {
		file = "gazetteer"
	}
	if e.Name != "" {
		return fmt.Sprintf("%s: entry %d (%s): %v", file, e.Entry, e.Name, e.Err)
	}
	return fmt.Sprintf("%s: entry %d: %v", file, e.Entry, e.Err)
}

// Unwrap returns the underlying error.
func (e *EntryError) Unwrap() error { return e.Err }

type format int

const (
	formatSniff format = iota
	formatYAML
	formatJSON
)

// Load reads entries from a user file: YAML for .yaml and .yml, JSON for
// .json, and for any other name JSON when the first non-blank character
// is '[' or '{', YAML otherwise. The file holds either a list of entries
// or a mapping whose only key is "entries", holding the list. Unknown
// fields are errors, so a misspelt key is not silently ignored. Every
// entry is checked as New checks it; errors name the file and the entry
// ("gaz.yaml: entry 3: missing name"). Types are accepted in any case and
// returned in upper case, and white space in names is tidied.
func Load(path string) ([]Entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	f := formatSniff
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		f = formatYAML
	case ".json":
		f = formatJSON
	}
	return parse(path, data, f)
}

// fileEntries is the mapping form of a gazetteer file.
type fileEntries struct {
	Entries *[]*Entry `json:"entries" yaml:"entries"`
}

// parse decodes and checks the entries in data, read from name.
func parse(name string, data []byte, f format) ([]Entry, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if f == formatSniff {
		f = formatYAML
		if t := bytes.TrimSpace(data); len(t) > 0 && (t[0] == '[' || t[0] == '{') {
			f = formatJSON
		}
	}
	// Entries decode as pointers so that a null entry keeps its place
	// (yaml.v3 drops null values from a []Entry) and is reported.
	var (
		entries []*Entry
		err     error
	)
	if f == formatJSON {
		entries, err = decodeJSON(data)
	} else {
		entries, err = decodeYAML(data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := make([]Entry, len(entries))
	for i, e := range entries {
		if e == nil {
			return nil, &EntryError{File: name, Entry: i + 1, Err: errors.New("empty entry")}
		}
		c, err := normalize(*e)
		if err != nil {
			return nil, &EntryError{File: name, Entry: i + 1, Name: strings.TrimSpace(e.Name), Err: err}
		}
		out[i] = c
	}
	return out, nil
}

// shapeError reports a file that is neither a list nor a mapping.
func shapeError() error {
	return errors.New(`want a list of entries or a mapping with the key "entries"`)
}

func decodeJSON(data []byte) ([]*Entry, error) {
	t := bytes.TrimSpace(data)
	if len(t) == 0 {
		return nil, errors.New("empty file")
	}
	dec := json.NewDecoder(bytes.NewReader(t))
	dec.DisallowUnknownFields()
	var entries []*Entry
	switch t[0] {
	case '[':
		if err := dec.Decode(&entries); err != nil {
			return nil, err
		}
	case '{':
		var fe fileEntries
		if err := dec.Decode(&fe); err != nil {
			return nil, err
		}
		if fe.Entries == nil {
			return nil, errors.New(`missing key "entries"`)
		}
		entries = *fe.Entries
	default:
		return nil, shapeError()
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the entries")
	}
	return entries, nil
}

func decodeYAML(data []byte) (entries []*Entry, err error) {
	// yaml.v3 reports errors by panicking internally and recovering; keep
	// any panic that escapes it from reaching the caller.
	defer func() {
		if r := recover(); r != nil {
			entries, err = nil, fmt.Errorf("yaml: %v", r)
		}
	}()
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("empty file")
		}
		return nil, err
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	// Decode again with a strict decoder: a node cannot reject unknown
	// fields.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	switch doc.Kind {
	case yaml.SequenceNode:
		if err := dec.Decode(&entries); err != nil {
			return nil, err
		}
	case yaml.MappingNode:
		var fe fileEntries
		if err := dec.Decode(&fe); err != nil {
			return nil, err
		}
		if fe.Entries == nil {
			return nil, errors.New(`missing key "entries"`)
		}
		entries = *fe.Entries
	default:
		return nil, shapeError()
	}
	return entries, nil
}

// normalize checks an entry and returns a tidy deep copy: white space
// trimmed and collapsed, type in upper case.
func normalize(e Entry) (Entry, error) {
	e = clone(e)
	e.Name = tidy(e.Name)
	if e.Name == "" {
		return e, errors.New("missing name")
	}
	if err := checkForm(e.Name); err != nil {
		return e, fmt.Errorf("name: %w", err)
	}
	e.Type = strings.ToUpper(strings.TrimSpace(e.Type))
	switch e.Type {
	case news.Person, news.Org, news.GPE:
	case "":
		return e, errors.New("missing type")
	default:
		return e, fmt.Errorf("unknown type %q (want %s, %s or %s)", e.Type, news.Person, news.Org, news.GPE)
	}
	for _, l := range []struct {
		what string
		list []string
	}{{"alias", e.Aliases}, {"demonym", e.Demonyms}, {"capital", e.Capitals}, {"city", e.Cities}, {"exclude", e.Exclude}} {
		if err := tidyForms(l.what, l.list); err != nil {
			return e, err
		}
	}
	for i := range e.Institutions {
		in := &e.Institutions[i]
		in.Name = tidy(in.Name)
		if in.Name == "" {
			return e, fmt.Errorf("institution %d: missing name", i+1)
		}
		if err := checkForm(in.Name); err != nil {
			return e, fmt.Errorf("institution %d: name: %w", i+1, err)
		}
		if err := tidyForms("institution "+in.Name+": alias", in.Aliases); err != nil {
			return e, err
		}
	}
	return e, nil
}

// tidyForms tidies the forms in list in place and checks them.
func tidyForms(what string, list []string) error {
	for i, s := range list {
		list[i] = tidy(s)
		if list[i] == "" {
			return fmt.Errorf("%s %d: empty", what, i+1)
		}
		if err := checkForm(list[i]); err != nil {
			return fmt.Errorf("%s %q: %w", what, list[i], err)
		}
	}
	return nil
}

// checkForm rejects forms that cannot name an actor.
func checkForm(s string) error {
	if news.ActorID(s) == "" {
		return errors.New("no letters or digits")
	}
	if isThe(fold(s)) || strings.EqualFold(s, "the") {
		return errors.New(`only "the"`)
	}
	return nil
}

// tidy trims s and collapses runs of white space to one space.
func tidy(s string) string { return strings.Join(strings.Fields(s), " ") }
