package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
)

// The keys each mapping accepts, in the order messages list them.
var (
	topKeys        = []string{"version", "store", "cache", "gazetteer", "extraction", "sources", "exports"}
	gazetteerKeys  = []string{"file", "fold_institutions"}
	extractionKeys = []string{"workers"}
	sourceKeys     = []string{"path", "split_on", "feed", "fetch_articles", "timeout", "retries"}
	exportKeys     = []string{"path", "format", "graph", "since", "until", "min_weight", "events", "types",
		"top", "ego", "depth", "window", "multi", "include_hypothetical", "betweenness_samples"}
)

// parser turns the YAML node tree into a Config, reporting the first
// problem as an *Error at its node.
type parser struct {
	file string // the name in messages
	dir  string // what relative paths are resolved against
}

// errAt returns an *Error at n (or without a place when n is nil).
func (p *parser) errAt(n *yaml.Node, format string, args ...any) *Error {
	e := &Error{File: p.file, Msg: oneLine(fmt.Sprintf(format, args...))}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

// yamlLineRE reads the line out of yaml.v3's syntax errors.
var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlErr turns a yaml.v3 syntax error into an *Error.
func (p *parser) yamlErr(err error) *Error {
	msg := oneLine(err.Error())
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: p.file, Line: line, Msg: "invalid YAML: " + m[2]}
	}
	return &Error{File: p.file, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// oneLine joins the lines of s with "; ".
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	var parts []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, "; ")
}

// parse reads the one YAML document in data into a Config.
func (p *parser) parse(data []byte) (*Config, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, p.errAt(nil, "the file is empty: it needs at least a sources list (`newsgraph init` writes an example)")
		}
		return nil, p.yamlErr(err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		return nil, p.errAt(&next, "a second YAML document: a config file holds one (remove the \"---\" line)")
	case !errors.Is(err, io.EOF):
		return nil, p.yamlErr(err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, p.errAt(nil, "the file is empty: it needs at least a sources list (`newsgraph init` writes an example)")
		}
		root = root.Content[0]
	}

	cfg := &Config{File: p.file, Dir: p.dir, Gazetteer: Gazetteer{FoldInstitutions: true}}
	var store, cache string
	var sourcesNode, exportsNode *yaml.Node
	err := p.mapping(root, "the config", topKeys, func(key string, k, v *yaml.Node) error {
		var err error
		switch key {
		case "version":
			var n int
			if n, err = p.integer(v, "version"); err == nil && n != Version {
				err = p.errAt(v, "version %d: this newsgraph reads version %d", n, Version)
			}
		case "store":
			store, err = p.path(v, "store", "a folder")
		case "cache":
			cache, err = p.path(v, "cache", "a folder")
		case "gazetteer":
			err = p.gazetteer(v, &cfg.Gazetteer)
		case "extraction":
			err = p.mapping(v, "extraction", extractionKeys, func(_ string, _, v *yaml.Node) error {
				n, err := p.integer(v, "workers")
				if err == nil && n < 0 {
					err = p.errAt(v, "workers %d: want 0 (one per CPU) or more", n)
				}
				cfg.Workers = n
				return err
			})
		case "sources":
			sourcesNode = v
		case "exports":
			exportsNode = v
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if store == "" {
		store = DefaultStore
	}
	cfg.Store = resolve(p.dir, store)
	cfg.Cache = cfg.Store + CacheSuffix
	if cache != "" {
		cfg.Cache = resolve(p.dir, cache)
	}
	if sourcesNode == nil || isNull(sourcesNode) {
		at := sourcesNode
		if at == nil {
			at = root
		}
		return nil, p.errAt(at, "no sources: add a sources list, such as \"sources: [{path: articles}]\"")
	}
	if cfg.Sources, err = p.sources(sourcesNode); err != nil {
		return nil, err
	}
	if exportsNode != nil && !isNull(exportsNode) {
		if cfg.Exports, err = p.exports(exportsNode, cfg); err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

// deref follows aliases to the node they name.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// isNull reports whether n is an empty value ("key:" with nothing after it,
// "~" or "null").
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// describe names what n holds, for "got …" in messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "nothing"
		}
		v := n.Value
		if len(v) > 60 {
			v = v[:57] + "..."
		}
		return strconv.Quote(v)
	}
	return "something else"
}

// mapping calls fn for each key of the mapping n, in file order, after
// checking that the key is one of known and not given twice. what names
// the mapping in messages. A null n is an empty mapping.
func (p *parser) mapping(n *yaml.Node, what string, known []string, fn func(key string, k, v *yaml.Node) error) error {
	n = deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return p.errAt(n, "%s: want a mapping (\"key: value\" lines), got %s", what, describe(n))
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k == nil || v == nil || k.Kind != yaml.ScalarNode {
			return p.errAt(n.Content[i], "%s: keys must be plain words", what)
		}
		key := k.Value
		if key == "<<" {
			return p.errAt(k, "%s: merge keys (<<) are not supported; write the keys out", what)
		}
		if !slices.Contains(known, key) {
			return p.errAt(k, "unknown key %q in %s (%s)", key, what, suggest(key, known))
		}
		if first, ok := seen[key]; ok {
			return p.errAt(k, "key %q given twice in %s (first at line %d)", key, what, first.Line)
		}
		seen[key] = k
		if err := fn(key, k, v); err != nil {
			return err
		}
	}
	return nil
}

// suggest says which known key was probably meant, or lists them all.
func suggest(key string, known []string) string {
	lower := strings.ToLower(key)
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(lower, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" && len(lower) >= 3 {
		for _, k := range known {
			if strings.HasPrefix(k, lower) {
				best = k
				break
			}
		}
	}
	if best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	return "known keys: " + strings.Join(known, ", ")
}

// editDistance is the Levenshtein distance of a and b, in bytes.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// scalar returns the text of the scalar n.
func (p *parser) scalar(n *yaml.Node, what string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", p.errAt(n, "%s: want a single value, got %s", what, describe(n))
	}
	return n.Value, nil
}

// text returns a non-empty scalar; want says what it should be.
func (p *parser) text(n *yaml.Node, what, want string) (string, error) {
	s, err := p.scalar(n, what)
	if err != nil {
		return "", err
	}
	if isNull(n) || strings.TrimSpace(s) == "" {
		return "", p.errAt(n, "%s: want %s, got nothing", what, want)
	}
	return s, nil
}

// path returns a non-empty path value as written (not yet resolved).
func (p *parser) path(n *yaml.Node, what, want string) (string, error) {
	s, err := p.text(n, what, want)
	if err != nil {
		return "", err
	}
	if strings.ContainsRune(s, 0) {
		return "", p.errAt(n, "%s: a NUL byte in a path", what)
	}
	return s, nil
}

// boolean reads true or false (also yes/no, on/off, in any case).
func (p *parser) boolean(n *yaml.Node, what string) (bool, error) {
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "true", "yes", "on":
			return true, nil
		case "false", "no", "off":
			return false, nil
		}
	}
	return false, p.errAt(n, "%s: want true or false, got %s", what, describe(n))
}

// integer reads a whole number as YAML writes it (42, 0x2a, 1_000).
func (p *parser) integer(n *yaml.Node, what string) (int, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		var i int
		if err := n.Decode(&i); err == nil {
			return i, nil
		}
	}
	return 0, p.errAt(n, "%s: want a whole number, got %s", what, describe(n))
}

// number reads a finite number, whole or not.
func (p *parser) number(n *yaml.Node, what string) (float64, error) {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		var f float64
		if err := n.Decode(&f); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f, nil
		}
	}
	return 0, p.errAt(n, "%s: want a number, got %s", what, describe(n))
}

// duration reads a positive Go duration with its unit ("30s", "2m").
func (p *parser) duration(n *yaml.Node, what string) (time.Duration, error) {
	s, err := p.scalar(n, what)
	if err != nil {
		return 0, err
	}
	d, perr := time.ParseDuration(strings.TrimSpace(s))
	if perr != nil || n.Tag == "!!int" || n.Tag == "!!float" {
		return 0, p.errAt(n, "%s: want a duration with a unit, such as 30s or 2m, got %s", what, describe(n))
	}
	if d <= 0 {
		return 0, p.errAt(n, "%s: want a duration above zero, got %s", what, s)
	}
	return d, nil
}

// date returns a YYYY-MM-DD value; null gives "".
func (p *parser) date(n *yaml.Node, what string) (string, error) {
	if isNull(n) {
		return "", nil
	}
	s, err := p.scalar(n, what)
	if err != nil {
		return "", err
	}
	s = strings.TrimSpace(s)
	if _, perr := time.Parse(time.DateOnly, s); perr != nil {
		return "", p.errAt(n, "%s: want a date as YYYY-MM-DD, got %s", what, describe(n))
	}
	return s, nil
}

// list returns the items of a list of scalars, or of one comma-separated
// scalar; empty items are dropped.
func (p *parser) list(n *yaml.Node, what string) ([]string, []*yaml.Node, error) {
	var vals []string
	var nodes []*yaml.Node
	add := func(s string, at *yaml.Node) {
		for _, part := range strings.Split(s, ",") {
			if part = strings.TrimSpace(part); part != "" {
				vals = append(vals, part)
				nodes = append(nodes, at)
			}
		}
	}
	switch {
	case isNull(n):
	case n.Kind == yaml.ScalarNode:
		add(n.Value, n)
	case n.Kind == yaml.SequenceNode:
		for _, it := range n.Content {
			it = deref(it)
			if it == nil || it.Kind != yaml.ScalarNode {
				return nil, nil, p.errAt(n, "%s: want a list of words, got an item that is %s", what, describe(it))
			}
			add(it.Value, it)
		}
	default:
		return nil, nil, p.errAt(n, "%s: want a list such as [A, B], got %s", what, describe(n))
	}
	return vals, nodes, nil
}

// gazetteer reads the gazetteer section into g.
func (p *parser) gazetteer(n *yaml.Node, g *Gazetteer) error {
	return p.mapping(n, "gazetteer", gazetteerKeys, func(key string, _, v *yaml.Node) error {
		var err error
		switch key {
		case "file":
			if isNull(v) {
				return nil
			}
			var f string
			if f, err = p.path(v, "gazetteer file", "a YAML or JSON file"); err == nil {
				g.File = resolve(p.dir, f)
			}
		case "fold_institutions":
			g.FoldInstitutions, err = p.boolean(v, "fold_institutions")
		}
		return err
	})
}

// sources reads the sources list.
func (p *parser) sources(n *yaml.Node) ([]Source, error) {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		return nil, p.errAt(n, "sources: want a list (lines starting with \"- path:\" or \"- feed:\"), got %s", describe(n))
	}
	if len(n.Content) == 0 {
		return nil, p.errAt(n, "no sources: the sources list is empty")
	}
	out := make([]Source, 0, len(n.Content))
	for i, item := range n.Content {
		s, err := p.source(deref(item), i+1)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// source reads one item of the sources list.
func (p *parser) source(n *yaml.Node, idx int) (Source, error) {
	what := fmt.Sprintf("source %d", idx)
	if n.Kind != yaml.MappingNode {
		return Source{}, p.errAt(n, "%s: want a mapping such as \"- path: articles\" or \"- feed: https://…\", got %s", what, describe(n))
	}
	s := Source{Line: n.Line, Timeout: DefaultTimeout, Retries: DefaultRetries}
	keys := map[string]*yaml.Node{}
	err := p.mapping(n, what, sourceKeys, func(key string, k, v *yaml.Node) error {
		keys[key] = k
		var err error
		switch key {
		case "path":
			s.Raw, err = p.path(v, what+" path", "a file, folder or glob pattern")
			if err == nil && s.Raw == "-" {
				err = p.errAt(v, "%s path: standard input (\"-\") cannot be a source of a config", what)
			}
			if err == nil && hasScheme(s.Raw) {
				err = p.errAt(v, "%s path: %q is a URL; read feeds with \"feed:\"", what, s.Raw)
			}
		case "feed":
			s.Raw, err = p.path(v, what+" feed", "an http(s) URL or a feed file")
			if err == nil && hasScheme(s.Raw) {
				u, uerr := url.Parse(strings.TrimSpace(s.Raw))
				switch {
				case uerr != nil:
					err = p.errAt(v, "%s feed: invalid URL %q", what, s.Raw)
				case u.Scheme != "http" && u.Scheme != "https":
					err = p.errAt(v, "%s feed: unsupported URL scheme %q (want http or https)", what, u.Scheme)
				case u.Host == "":
					err = p.errAt(v, "%s feed: URL %q has no host", what, s.Raw)
				default:
					s.URL = u.String()
				}
			}
		case "split_on":
			var expr string
			if expr, err = p.text(v, what+" split_on", "a regular expression"); err == nil {
				re, rerr := regexp.Compile(expr)
				if rerr != nil {
					return p.errAt(v, "%s split_on: %v", what, rerr)
				}
				s.SplitOn = re
			}
		case "fetch_articles":
			s.FetchArticles, err = p.boolean(v, what+" fetch_articles")
		case "timeout":
			s.Timeout, err = p.duration(v, what+" timeout")
		case "retries":
			s.Retries, err = p.integer(v, what+" retries")
			if err == nil && (s.Retries < 0 || s.Retries > 100) {
				err = p.errAt(v, "%s retries %d: want 0 to 100", what, s.Retries)
			}
		}
		return err
	})
	if err != nil {
		return Source{}, err
	}
	pathKey, feedKey := keys["path"], keys["feed"]
	switch {
	case pathKey != nil && feedKey != nil:
		return Source{}, p.errAt(feedKey, "%s: give path or feed, not both", what)
	case pathKey == nil && feedKey == nil:
		return Source{}, p.errAt(n, "%s: give path (a file, folder or glob pattern) or feed (a URL or feed file)", what)
	case pathKey != nil:
		s.Kind = PathSource
		for _, k := range []string{"fetch_articles", "timeout", "retries"} {
			if at := keys[k]; at != nil {
				return Source{}, p.errAt(at, "%s: %s applies to feed sources only", what, k)
			}
		}
		s.Path = resolve(p.dir, s.Raw)
	default:
		s.Kind = FeedSource
		if at := keys["split_on"]; at != nil {
			return Source{}, p.errAt(at, "%s: split_on applies to path sources only", what)
		}
		if s.URL == "" {
			for _, k := range []string{"fetch_articles", "timeout", "retries"} {
				if at := keys[k]; at != nil {
					return Source{}, p.errAt(at, "%s: %s applies to feed URLs only; %q is a file", what, k, s.Raw)
				}
			}
			s.Path = resolve(p.dir, s.Raw)
		}
	}
	return s, nil
}

// exports reads the exports list.
func (p *parser) exports(n *yaml.Node, cfg *Config) ([]Export, error) {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		return nil, p.errAt(n, "exports: want a list (lines starting with \"- path:\"), got %s", describe(n))
	}
	type claim struct {
		idx, line int
	}
	claimed := map[string]claim{}
	out := make([]Export, 0, len(n.Content))
	for i, item := range n.Content {
		item = deref(item)
		e, pathNode, err := p.export(item, i+1)
		if err != nil {
			return nil, err
		}
		what := fmt.Sprintf("export %d", i+1)
		for _, dir := range []string{cfg.Store, cfg.Cache} {
			if e.Path == dir || strings.HasPrefix(e.Path, dir+string(filepath.Separator)) {
				return nil, p.errAt(pathNode, "%s: path %q is inside the store or cache folder %s", what, e.Raw, dir)
			}
		}
		paths := []string{e.Path}
		if e.Format == export.FormatCSV {
			paths = append(paths, filepath.Join(e.Path, export.CSVNodesFile), filepath.Join(e.Path, export.CSVEdgesFile))
		}
		for _, pth := range paths {
			if c, ok := claimed[pth]; ok {
				return nil, p.errAt(pathNode, "%s: path %q is also written by export %d (line %d)", what, e.Raw, c.idx, c.line)
			}
		}
		for _, pth := range paths {
			claimed[pth] = claim{idx: i + 1, line: item.Line}
		}
		out = append(out, e)
	}
	return out, nil
}

// export reads one item of the exports list; it returns the node of its
// path for messages about it.
func (p *parser) export(n *yaml.Node, idx int) (Export, *yaml.Node, error) {
	what := fmt.Sprintf("export %d", idx)
	if n.Kind != yaml.MappingNode {
		return Export{}, nil, p.errAt(n, "%s: want a mapping such as \"- path: relations.graphml\", got %s", what, describe(n))
	}
	e := Export{Line: n.Line}
	o := &e.Graph
	keys := map[string]*yaml.Node{}
	vals := map[string]*yaml.Node{}
	var format string
	err := p.mapping(n, what, exportKeys, func(key string, k, v *yaml.Node) error {
		keys[key], vals[key] = k, v
		var err error
		w := what + " " + key
		switch key {
		case "path":
			e.Raw, err = p.path(v, w, "a file (a folder for csv)")
			if err == nil && (e.Raw == "-" || hasScheme(e.Raw)) {
				err = p.errAt(v, "%s: want a file path, got %q", w, e.Raw)
			}
		case "format":
			format, err = p.text(v, w, "graphml, gexf, csv or json")
		case "graph":
			var s string
			if s, err = p.text(v, w, "relations or comention"); err == nil {
				if o.Kind, err = graph.ParseKind(s); err != nil {
					err = p.errAt(v, "%s %q: want relations or comention", w, s)
				}
			}
		case "window":
			var s string
			if s, err = p.text(v, w, "sentence or article"); err == nil {
				if o.Window, err = graph.ParseWindow(s); err != nil {
					err = p.errAt(v, "%s %q: want sentence or article", w, s)
				}
			}
		case "since":
			o.Since, err = p.date(v, w)
		case "until":
			o.Until, err = p.date(v, w)
		case "min_weight":
			o.MinWeight, err = p.number(v, w)
			if err == nil && o.MinWeight < 0 {
				err = p.errAt(v, "%s %v: want 0 or more", w, o.MinWeight)
			}
		case "events":
			o.Events, err = p.words(v, w, graph.EventTypes(), "PLOVER event type")
		case "types":
			o.Types, err = p.words(v, w, graph.ActorTypes(), "actor type")
		case "top":
			o.Top, err = p.integer(v, w)
			if err == nil && o.Top < 0 {
				err = p.errAt(v, "%s %d: want 0 (all) or more", w, o.Top)
			}
		case "ego":
			if !isNull(v) {
				var s string
				if s, err = p.scalar(v, w); err == nil {
					o.Ego = strings.TrimSpace(s)
				}
			}
		case "depth":
			o.Depth, err = p.integer(v, w)
			if err == nil && o.Depth < 1 {
				err = p.errAt(v, "%s %d: want 1 or more", w, o.Depth)
			}
		case "multi":
			o.Multi, err = p.boolean(v, w)
		case "include_hypothetical":
			o.IncludeHypothetical, err = p.boolean(v, w)
		case "betweenness_samples":
			o.BetweennessSamples, err = p.integer(v, w)
		}
		return err
	})
	if err != nil {
		return Export{}, nil, err
	}
	pathNode := vals["path"]
	if pathNode == nil {
		return Export{}, nil, p.errAt(n, "%s: path is missing (the file to write, or the folder for csv)", what)
	}
	e.Path = resolve(p.dir, e.Raw)

	if format == "" {
		f, ok := export.FormatOfPath(e.Raw)
		if !ok {
			return Export{}, nil, p.errAt(pathNode, "%s: no format, and path %q does not end in .graphml, .gexf or .json: add format: graphml, gexf, csv or json", what, e.Raw)
		}
		e.Format = f
	} else {
		f, ferr := export.ParseFormat(format)
		if ferr != nil {
			return Export{}, nil, p.errAt(vals["format"], "%s format %q: want graphml, gexf, csv or json", what, format)
		}
		e.Format = f
	}
	if e.Format == export.FormatCSV {
		if g, ok := export.FormatOfPath(e.Raw); ok || strings.EqualFold(filepath.Ext(e.Raw), ".csv") {
			name := "csv"
			if ok {
				name = string(g)
			}
			return Export{}, nil, p.errAt(pathNode, "%s: format csv writes %s and %s into the folder path, but %q looks like a %s file",
				what, export.CSVNodesFile, export.CSVEdgesFile, e.Raw, name)
		}
	} else if g, ok := otherFormat(e.Raw, e.Format); ok {
		return Export{}, nil, p.errAt(vals["format"], "%s: format %s, but path %q ends in the extension of %s", what, e.Format, e.Raw, g)
	}

	if o.Kind == "" {
		o.Kind = graph.Relations
	}
	if k := keys["window"]; k != nil && o.Kind != graph.Comention {
		return Export{}, nil, p.errAt(k, "%s: window applies to graph: comention only", what)
	}
	if k := keys["multi"]; k != nil && o.Multi && o.Kind != graph.Relations {
		return Export{}, nil, p.errAt(k, "%s: multi applies to graph: relations only", what)
	}
	if k := keys["depth"]; k != nil && o.Ego == "" {
		return Export{}, nil, p.errAt(k, "%s: depth needs ego", what)
	}
	if o.Depth == 0 {
		o.Depth = 1
	}
	if o.Kind == graph.Comention && o.Window == "" {
		o.Window = graph.SentenceWindow
	}
	if o.Since != "" && o.Until != "" && o.Since > o.Until {
		return Export{}, nil, p.errAt(vals["until"], "%s: until %s is before since %s", what, o.Until, o.Since)
	}
	if err := o.Validate(); err != nil {
		return Export{}, nil, p.errAt(n, "%s: %v", what, strings.TrimPrefix(err.Error(), "graph: "))
	}
	return e, pathNode, nil
}

// words reads a list of names that must each be one of allowed (ignoring
// case); it returns them upper-cased, in file order, without repeats.
func (p *parser) words(n *yaml.Node, what string, allowed []string, kind string) ([]string, error) {
	vals, nodes, err := p.list(n, what)
	if err != nil {
		return nil, err
	}
	var out []string
	for i, v := range vals {
		u := strings.ToUpper(v)
		if !slices.Contains(allowed, u) {
			return nil, p.errAt(nodes[i], "%s: unknown %s %q (want %s)", what, kind, v, strings.Join(allowed, ", "))
		}
		if !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	return out, nil
}
