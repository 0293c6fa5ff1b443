package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
)

// FileName is the name of the config file looked for in the working
// folder.
const FileName = "newsgraph.yaml"

// Version is the config format version this package reads.
const Version = 1

// Defaults of the keys left out.
const (
	// DefaultStore is the store folder, relative to the config file.
	DefaultStore = "newsgraph.db"
	// CacheSuffix is added to the store path to name the default feed
	// cache folder: "newsgraph.db.cache" beside "newsgraph.db".
	CacheSuffix = ".cache"
	// DefaultTimeout bounds one HTTP request of a feed source.
	DefaultTimeout = 30 * time.Second
	// DefaultRetries is how many times a failed feed request is tried
	// again.
	DefaultRetries = 2
)

// Config is a loaded and validated newsgraph.yaml. Paths in it are
// absolute and clean.
type Config struct {
	// File is the config file as named to Load (or the name given to
	// Parse); messages use it as it is.
	File string
	// Dir is the absolute folder relative paths were resolved against:
	// the config file's folder.
	Dir string

	// Store is the store folder.
	Store string
	// Cache is the folder of the feed cache (conditional requests):
	// Store + CacheSuffix unless the file says otherwise.
	Cache string

	// Gazetteer says which gazetteer the extractor uses.
	Gazetteer Gazetteer
	// Workers is the number of extracting goroutines; 0 means one per CPU.
	Workers int

	// Sources are the article sources, in file order; never empty.
	Sources []Source
	// Exports are the files written after each rebuild, in file order.
	Exports []Export
}

// Gazetteer is the gazetteer section.
type Gazetteer struct {
	// File is an extra gazetteer file (YAML or JSON entries added to the
	// built-in ones), or "" for none.
	File string
	// FoldInstitutions resolves institutions to their country ("the
	// Kremlin" → Russia); true unless the file says false.
	FoldInstitutions bool
}

// SourceKind says how a source is read.
type SourceKind string

// Source kinds.
const (
	// PathSource is a file, folder or glob pattern read with source.Read.
	PathSource SourceKind = "path"
	// FeedSource is an RSS or Atom feed: a URL fetched with a
	// source.Fetcher, or a feed file read with source.Read.
	FeedSource SourceKind = "feed"
)

// Source is one item of the sources list.
type Source struct {
	Kind SourceKind
	// Raw is the path or URL as written in the file, for messages.
	Raw string
	// Path is the absolute file, folder or glob pattern of a path source,
	// or the feed file of a feed source read from disk; "" for a feed URL.
	Path string
	// URL is the http or https URL of a feed source read over the
	// network; "" otherwise.
	URL string
	// SplitOn matches the separator lines of scrape dumps (path sources);
	// nil means the reader's default ("Source link").
	SplitOn *regexp.Regexp
	// FetchArticles fetches the linked page of items that are only a
	// summary (feed URLs).
	FetchArticles bool
	// Timeout bounds each request of a feed URL.
	Timeout time.Duration
	// Retries is how many times a failed request is tried again; 0 means
	// none.
	Retries int
	// Line is the line of the item in the file.
	Line int
}

// String names the source in messages: "path articles", "feed
// https://example.com/rss".
func (s Source) String() string { return string(s.Kind) + " " + s.Raw }

// Export is one item of the exports list.
type Export struct {
	// Raw is the path as written in the file, for messages.
	Raw string
	// Path is the absolute file written, or for FormatCSV the folder that
	// receives nodes.csv and edges.csv.
	Path string
	// Format is the output format.
	Format export.Format
	// Graph chooses and filters the graph; it has passed Validate.
	Graph graph.Options
	// Line is the line of the item in the file.
	Line int
}

// Error is a problem with a config file, at a place in it when Line is
// not 0. Its message is one line.
type Error struct {
	File   string // the file as named to Load
	Line   int    // 1-based; 0 when the problem has no place
	Column int    // 1-based; 0 when unknown
	Msg    string // the problem
}

// Error returns "FILE:LINE:COLUMN: problem".
func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ErrNotFound is wrapped by Find's error when the folder holds no
// FileName.
var ErrNotFound = errors.New("config: no " + FileName)

// Find returns the path of FileName in dir, or an error wrapping
// ErrNotFound that says how to make one.
func Find(dir string) (string, error) {
	p := filepath.Join(dir, FileName)
	fi, err := os.Stat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		where := dir
		if abs, aerr := filepath.Abs(dir); aerr == nil {
			where = abs
		}
		return "", fmt.Errorf("%w in %s: run `newsgraph init` to write one, or give --config FILE", ErrNotFound, where)
	case err != nil:
		return "", fmt.Errorf("config: %w", err)
	case fi.IsDir():
		return "", fmt.Errorf("config: %s is a folder", p)
	}
	return p, nil
}

// Load reads and validates the config file at path. Relative paths in it
// are resolved against path's folder. Problems with the content are
// *Error values.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, data, filepath.Dir(abs))
}

// Parse validates the config in data. name names it in messages; relative
// paths are resolved against dir, which should be absolute. Problems are
// *Error values. Parse never panics.
func Parse(name string, data []byte, dir string) (cfg *Config, err error) {
	defer func() {
		if r := recover(); r != nil {
			// yaml.v3 has panicked on hostile input before; a config
			// loader must not take the program down with it.
			cfg, err = nil, &Error{File: name, Msg: fmt.Sprintf("cannot parse: %v", r)}
		}
	}()
	p := &parser{file: name, dir: filepath.Clean(dir)}
	return p.parse(data)
}

// resolve makes p absolute against dir.
func resolve(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

// schemeRE matches a URL scheme, such as "https://" or "ftp://".
var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

// hasScheme reports whether s starts with a URL scheme.
func hasScheme(s string) bool { return schemeRE.MatchString(s) }

// otherFormat returns the format p's extension names when it is a known
// export format other than f.
func otherFormat(p string, f export.Format) (export.Format, bool) {
	g, ok := export.FormatOfPath(p)
	if !ok || g == f {
		return "", false
	}
	return g, true
}
