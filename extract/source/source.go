package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/news"
)

// Sentinel errors. The first three are the Err of a *Warning (which adds
// the path, so they carry no package prefix); the last two are wrapped in
// the errors Read returns for bad paths. Match them with errors.Is.
var (
	// ErrEmpty means the file is empty or holds only white space.
	ErrEmpty = errors.New("empty file, skipped")
	// ErrBinary means the file looks binary (see the package comment).
	ErrBinary = errors.New("binary file, skipped")
	// ErrNoText means the file has content but no article text, e.g. an HTML
	// page with only scripts and navigation, or a dump with only
	// separators and boilerplate.
	ErrNoText = errors.New("no article text, skipped")
	// ErrNoMatch means a glob pattern matched no file.
	ErrNoMatch = errors.New("source: no files match the pattern")
	// ErrNoStdin means "-" was given but Options.Stdin is nil.
	ErrNoStdin = errors.New("source: standard input (\"-\") is not available")
)

// DefaultSplitOn is the separator used for scrape dumps when
// Options.SplitOn is nil: a line reading "Source link", in any case, with
// optional spaces around it.
const DefaultSplitOn = `(?mi)^[ \t]*Source link[ \t]*$`

var defaultSplit = regexp.MustCompile(DefaultSplitOn)

// Options controls how sources are read. The zero value is ready to use.
type Options struct {
	// SplitOn matches the separator lines of multi-article scrape dumps. A
	// text file with at least one match is split at the matches. Nil means
	// DefaultSplitOn. Empty matches are ignored.
	SplitOn *regexp.Regexp

	// Stdin is read for the path "-". Nil means there is no standard input
	// and "-" is an error.
	Stdin io.Reader

	// Warn is called with a *Warning for every non-fatal problem: an empty
	// or binary file, a bad JSON Lines line, a file that is not a feed, a
	// feed item without text, a duplicate id. Nil drops them.
	Warn func(error)
}

func (o Options) split() *regexp.Regexp {
	if o.SplitOn != nil {
		return o.SplitOn
	}
	return defaultSplit
}

// Warning is a non-fatal problem with one input, e.g.
// "corpus/x.jsonl:7: invalid JSON: …". The input, or the bad line of it, is
// skipped and reading goes on; a duplicate id is only reported, and both
// articles are delivered.
type Warning struct {
	Path string // the file as given, "-" for standard input
	Line int    // 1-based line number, or 0 when not known
	Err  error  // what went wrong, e.g. ErrEmpty or ErrBinary
}

// Error returns a one-line message naming the file and, when known, the
// line: "x.bin: binary file, skipped".
func (w *Warning) Error() string {
	p := w.Path
	if p == "" {
		p = "source"
	}
	msg := "unknown problem"
	if w.Err != nil {
		msg = oneLine(w.Err.Error())
	}
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p, w.Line, msg)
	}
	return fmt.Sprintf("%s: %s", p, msg)
}

// Unwrap returns w.Err, so errors.Is(w, ErrBinary) works.
func (w *Warning) Unwrap() error { return w.Err }

func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Read reads every article from paths and calls fn once per article, in a
// deterministic order: paths in the order given, and the files of a folder
// or a glob pattern sorted by path (folders are read recursively). A path
// may be a file, a folder, a glob pattern (filepath.Match syntax, used when
// no file has that exact name) or "-" for Options.Stdin.
//
// All paths are checked before any article is delivered: paths that do not
// exist, patterns that match nothing and "-" without Options.Stdin are
// reported together in one error naming each of them. An error from fn
// stops reading and is returned as is. ctx is checked between files and
// every few hundred JSON Lines; its error is returned when it is done.
func Read(ctx context.Context, paths []string, opts Options, fn func(news.Article) error) error {
	items, err := plan(paths, opts)
	if err != nil {
		return err
	}
	s := newSink(opts, fn)
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if it.stdin {
			if err := readStdin(ctx, opts.Stdin, s); err != nil {
				return err
			}
			continue
		}
		if err := readFile(ctx, it, osOpen, s); err != nil {
			return err
		}
	}
	return nil
}

// ReadFS is Read over an fs.FS, used for the embedded demo corpus: it reads
// every supported file under root (a slash-separated fs path; "." for the
// whole tree), recursively, sorted by path, skipping hidden names. When root
// is a file, that file alone is read, as if named explicitly.
// Article.Source is the file's path inside fsys.
func ReadFS(ctx context.Context, fsys fs.FS, root string, opts Options, fn func(news.Article) error) error {
	if !fs.ValidPath(root) {
		return fmt.Errorf("source: %q is not a valid fs path", root)
	}
	fi, err := fs.Stat(fsys, root)
	if err != nil {
		return fmt.Errorf("source: %w", err)
	}
	var items []item
	if fi.IsDir() {
		var files []string
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != root && isHidden(d.Name()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && supported(p) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("source: %w", err)
		}
		sort.Strings(files)
		for _, f := range files {
			items = append(items, item{path: f})
		}
	} else {
		items = []item{{path: root, explicit: true}}
	}
	open := func(p string) (io.ReadCloser, error) { return fsys.Open(p) }
	s := newSink(opts, fn)
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := readFile(ctx, it, open, s); err != nil {
			return err
		}
	}
	return nil
}

// Parse reads the articles held in one file's content and calls fn for each.
// name decides the format by its extension (an unknown extension means plain
// text, or a feed when the content is an RSS or Atom document) and gives the
// id stem and Article.Source; the name "-" (or "") means standard input: the
// format is sniffed and the id stem is "stdin". Problems
// that leave the rest readable go to opts.Warn; an error from fn stops
// parsing and is returned.
func Parse(name string, data []byte, opts Options, fn func(news.Article) error) error {
	in := stdinInput()
	if name != "-" && name != "" {
		in = fileInput(name, true)
	}
	if in.format == formatSniff {
		in.format = sniff(data)
	}
	return parseData(context.Background(), in, data, newSink(opts, fn))
}

// format is how a file's content is read.
type format int

const (
	formatUnknown format = iota
	formatText
	formatJSONL
	formatHTML
	formatFeed
	formatSniff
)

var extFormats = map[string]format{
	".txt":      formatText,
	".text":     formatText,
	".md":       formatText,
	".markdown": formatText,
	".jsonl":    formatJSONL,
	".ndjson":   formatJSONL,
	".html":     formatHTML,
	".htm":      formatHTML,
	".xhtml":    formatHTML,
	".rss":      formatFeed,
	".atom":     formatFeed,
	".xml":      formatFeed,
}

// formatOf returns the format for a file name by its extension, or
// formatUnknown.
func formatOf(name string) format {
	return extFormats[strings.ToLower(path.Ext(filepath.ToSlash(name)))]
}

func supported(name string) bool { return formatOf(name) != formatUnknown }

func isHidden(name string) bool { return len(name) > 1 && name[0] == '.' && name != ".." }

// input describes one file being parsed.
type input struct {
	path   string // as given; used for Source and warnings
	stem   string // id stem
	format format
	// sniffFeed makes content that looks like a feed read as a feed: set
	// for files named explicitly with an unknown extension.
	sniffFeed bool
}

func fileInput(p string, explicit bool) input {
	f := formatOf(p)
	sniffFeed := false
	if f == formatUnknown && explicit {
		f, sniffFeed = formatText, true
	}
	base := path.Base(filepath.ToSlash(p))
	stem := strings.TrimSuffix(base, path.Ext(base))
	if stem == "" {
		stem = base
	}
	return input{path: p, stem: stem, format: f, sniffFeed: sniffFeed}
}

func stdinInput() input { return input{path: "-", stem: "stdin", format: formatSniff} }

// sniff picks the format of standard input from its first non-space byte,
// and reads markup whose root element is rss, RDF or feed as a feed.
func sniff(data []byte) format {
	f, _ := sniffPrefix(data)
	if f == formatHTML && looksLikeFeed(data) {
		return formatFeed
	}
	return f
}

// sniffPrefix is sniff on the start of the input; it reports false when
// the start holds no non-space byte yet.
func sniffPrefix(data []byte) (format, bool) {
	data = bytes.TrimPrefix(data, utf8BOM)
	data = bytes.TrimLeft(data, " \t\r\n\f\v")
	switch {
	case len(data) == 0:
		return formatText, false
	case data[0] == '{':
		return formatJSONL, true
	case data[0] == '<':
		return formatHTML, true
	}
	return formatText, true
}

// readStdin reads standard input: JSON Lines are streamed, other formats
// are read whole.
func readStdin(ctx context.Context, r io.Reader, s *sink) error {
	const peekMax = 64 << 10
	br := bufio.NewReaderSize(r, peekMax)
	in := stdinInput()
	in.format = formatText
	for n := 512; ; n *= 2 {
		head, err := br.Peek(min(n, peekMax))
		if f, ok := sniffPrefix(head); ok {
			in.format = f
			break
		}
		if err != nil || n >= peekMax {
			break
		}
	}
	if in.format == formatJSONL {
		return parseJSONL(ctx, in, br, s)
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return fmt.Errorf("source: read standard input: %w", err)
	}
	if in.format == formatHTML && looksLikeFeed(data) {
		in.format = formatFeed
	}
	return parseData(ctx, in, data, s)
}

// item is one input to read, found by plan.
type item struct {
	path     string
	explicit bool // named directly or by a glob: unknown extensions read as text
	stdin    bool
}

func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[`) }

// plan expands paths into the files to read, in reading order, and reports
// every path that names nothing.
func plan(paths []string, opts Options) ([]item, error) {
	var (
		items []item
		errs  []error
		seen  = map[string]bool{}
	)
	wrap := func(err error) error {
		if err == nil || errors.Is(err, ErrNoMatch) {
			return err
		}
		return fmt.Errorf("source: %w", err)
	}
	add := func(it item) {
		key := "-"
		if !it.stdin {
			key = filepath.Clean(it.path)
		}
		if seen[key] {
			return
		}
		seen[key] = true
		items = append(items, it)
	}
	for _, p := range paths {
		if p == "-" {
			if opts.Stdin == nil {
				errs = append(errs, ErrNoStdin)
				continue
			}
			add(item{stdin: true})
			continue
		}
		its, err := expandPath(p, true)
		if err != nil && errors.Is(err, fs.ErrNotExist) && hasMeta(p) {
			its, err = expandGlob(p)
		}
		if err != nil {
			errs = append(errs, wrap(err))
			continue
		}
		for _, it := range its {
			add(it)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return items, nil
}

// expandPath returns the files p names: itself, or a folder's supported
// files.
func expandPath(p string, explicit bool) ([]item, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []item{{path: p, explicit: explicit}}, nil
	}
	files, err := walkDir(p)
	its := make([]item, len(files))
	for i, f := range files {
		its[i] = item{path: f}
	}
	return its, err
}

// expandGlob returns the files matched by the pattern p, each read as if
// named explicitly, and the files of matched folders, all sorted by path.
// Like a shell, a wildcard does not match a name starting with "." unless
// the pattern element starts with "." too.
func expandGlob(p string) ([]item, error) {
	matches, err := filepath.Glob(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	pat := strings.Split(filepath.ToSlash(filepath.Clean(p)), "/")
	var its []item
	for _, m := range matches {
		if globHidden(pat, strings.Split(filepath.ToSlash(filepath.Clean(m)), "/")) {
			continue
		}
		mi, err := expandPath(m, true)
		if err != nil {
			return nil, err
		}
		its = append(its, mi...)
	}
	if len(its) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrNoMatch, p)
	}
	sort.SliceStable(its, func(i, j int) bool {
		return filepath.ToSlash(its[i].path) < filepath.ToSlash(its[j].path)
	})
	return its, nil
}

// globHidden reports whether a wildcard element of the pattern matched a
// hidden name.
func globHidden(pat, match []string) bool {
	if len(pat) != len(match) {
		return false
	}
	for i := range pat {
		if hasMeta(pat[i]) && isHidden(match[i]) && !strings.HasPrefix(pat[i], ".") {
			return true
		}
	}
	return false
}

// walkDir returns the supported files under dir, recursively, sorted by
// slash-separated path, skipping hidden names.
// Symbolic links to folders inside dir are not followed; dir itself may be
// one.
func walkDir(dir string) ([]string, error) {
	root := dir
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		root = dir + string(filepath.Separator) // make WalkDir follow it
	}
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != root && isHidden(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !supported(p) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
				return nil // a dangling link, or a link to a folder
			}
		}
		files = append(files, p)
		return nil
	})
	sort.Slice(files, func(i, j int) bool {
		return filepath.ToSlash(files[i]) < filepath.ToSlash(files[j])
	})
	return files, err
}

type openFunc func(string) (io.ReadCloser, error)

func osOpen(p string) (io.ReadCloser, error) { return os.Open(p) }

// readFile reads and parses one file. JSON Lines are streamed; other
// formats are read whole.
func readFile(ctx context.Context, it item, open openFunc, s *sink) error {
	in := fileInput(it.path, it.explicit)
	f, err := open(it.path)
	if err != nil {
		return fmt.Errorf("source: %w", err)
	}
	defer f.Close()
	if in.format == formatJSONL {
		return parseJSONL(ctx, in, f, s)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return fmt.Errorf("source: read %s: %w", it.path, err)
	}
	return parseData(ctx, in, data, s)
}

// parseData parses a whole file's content.
func parseData(ctx context.Context, in input, data []byte, s *sink) error {
	if in.format == formatSniff {
		in.format = sniff(data)
	}
	if in.sniffFeed && looksLikeFeed(data) {
		in.format = formatFeed
	}
	switch in.format {
	case formatJSONL:
		return parseJSONL(ctx, in, bytes.NewReader(data), s)
	case formatHTML:
		return parseHTML(in, data, s)
	case formatFeed:
		return parseFeedFile(ctx, in, data, s)
	default:
		return parseText(ctx, in, data, s)
	}
}

// sink delivers articles to the callback, reports warnings and notices
// duplicate ids.
type sink struct {
	opts Options
	fn   func(news.Article) error
	// seen maps each id read (by news.IDDigest) to the source it was
	// first read from, as an index in paths. It holds an entry for every
	// article read, so at 100 000 a part of a build's peak: keyed by the
	// id's digest and holding an index, an entry takes 20 bytes of the
	// map's slot, against 32 with the path and about 70 with the id. Two
	// ids sharing a digest would only be warned of as duplicates.
	seen  map[[16]byte]uint32
	paths []string // the sources read, in order
}

func newSink(opts Options, fn func(news.Article) error) *sink {
	s := &sink{opts: opts, fn: fn}
	if opts.Warn != nil {
		s.seen = map[[16]byte]uint32{}
	}
	return s
}

func (s *sink) warn(p string, line int, err error) {
	if s.opts.Warn != nil {
		s.opts.Warn(&Warning{Path: p, Line: line, Err: err})
	}
}

// emit delivers a; line is the JSONL line number for warnings, or 0.
func (s *sink) emit(a news.Article, p string, line int) error {
	if s.seen != nil {
		k := news.IDDigest(a.ID)
		if first, dup := s.seen[k]; dup {
			s.warn(p, line, fmt.Errorf("duplicate id %q, first read from %s", a.ID, s.paths[first]))
		} else {
			if len(s.paths) == 0 || s.paths[len(s.paths)-1] != p {
				s.paths = append(s.paths, p)
			}
			s.seen[k] = uint32(len(s.paths) - 1)
		}
	}
	return s.fn(a)
}

// newLineReader returns a buffered reader for line-oriented input.
func newLineReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, 64<<10) }
