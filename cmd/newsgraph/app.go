package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/source"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/news"
	"github.com/newsgraph/newsgraph/store"
)

// Exit statuses, listed in every command's help.
const (
	exitOK      = 0
	exitFailure = 1  // an error, or a query that matched nothing
	exitUsage   = 2  // bad flags or arguments
	exitLocked  = 75 // another process is writing the store (EX_TEMPFAIL)
	// exitPartial (3) and exitInterrupted (130) are in cmd_rebuild.go.
	exitStatuses = `Exit status: 0 success; 1 error (or nothing matched); 2 usage error; 75 another process is writing the store (the message names it); 3 rebuild stored what it could but some sources failed; 130 a build interrupted (Ctrl-C) after publishing what it had finished.`
)

// streams are the command's standard input, output and error. stdout
// carries data only; progress, warnings and hints go to stderr.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// usageError marks errors in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// noMatchError is returned by queries that found nothing: exit status 1
// without an error message beyond the hint already printed.
var errNoMatch = errors.New("nothing matched")

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, io streams) int {
	root := newRoot(io)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	return exitCode(io, err)
}

// exitCode maps an error to the documented exit status, printing it once.
func exitCode(io streams, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errNoMatch) {
		return exitFailure
	}
	fmt.Fprintln(io.err, "newsgraph:", err)
	// A *statusError (cmd_rebuild.go) carries its own status: exitPartial,
	// exitInterrupted.
	if status, ok := exitStatusOf(err); ok {
		return status
	}
	var ue usageError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.Is(err, store.ErrLocked):
		return exitLocked
	}
	return exitFailure
}

func newRoot(io streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "newsgraph",
		Short: "Turn news articles into a knowledge graph of who does what to whom",
		Long: `newsgraph reads news articles (text files, folders, scrape dumps, JSON Lines,
HTML), extracts actor–relation–actor triples ("Medvedev threatens UK") with
their evidence sentences, stores them in an embedded database, and exports the
actor graph for Gephi.

` + exitStatuses,
		Example: `  newsgraph demo
  newsgraph build articles/ --db news.db
  newsgraph export --db news.db --format graphml -o actors.graphml`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(io.in)
	root.SetOut(io.out)
	root.SetErr(io.err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w (see %s --help)", err, c.CommandPath())}
	})
	root.AddCommand(newExtractCmd(io), newBuildCmd(io), newExportCmd(io), newQueryCmd(io), newDemoCmd(io), newEvalCmd(io), newStatsCmd(io), newInitCmd(io), newRebuildCmd(io))
	return root
}

// sourceFlags are the flags of commands that read articles.
type sourceFlags struct {
	splitOn   string
	gazetteer string
}

func (f *sourceFlags) add(c *cobra.Command) {
	c.Flags().StringVar(&f.splitOn, "split-on", "", "regular expression matching the separator lines of multi-article scrape dumps (default: lines reading \"Source link\")")
	c.Flags().StringVar(&f.gazetteer, "gazetteer", "", "extra gazetteer `FILE` (YAML or JSON: name, type, aliases) added to the built-in one")
}

// sourceOptions returns the reader options, with warnings printed on stderr.
func (f *sourceFlags) sourceOptions(io streams) (source.Options, error) {
	opts := source.Options{Stdin: io.in, Warn: func(err error) { fmt.Fprintln(io.err, "newsgraph: warning:", err) }}
	if f.splitOn != "" {
		re, err := regexp.Compile(f.splitOn)
		if err != nil {
			return opts, usageError{fmt.Errorf("--split-on: %w", err)}
		}
		opts.SplitOn = re
	}
	return opts, nil
}

// loadGazetteer returns the gazetteer the extractor uses: the built-in one,
// with the entries of the --gazetteer file added when given.
func (f *sourceFlags) loadGazetteer() (*gazetteer.Gazetteer, error) {
	entries, err := gazetteer.Builtin()
	if err != nil {
		return nil, err
	}
	if f.gazetteer != "" {
		user, err := gazetteer.Load(f.gazetteer)
		if err != nil {
			return nil, err
		}
		entries = append(entries, user...)
	}
	return gazetteer.New(entries, gazetteer.Options{FoldInstitutions: true})
}

// extractorFactory returns a constructor of extractors sharing one
// gazetteer. It starts loading the extraction models in the background
// first, so that they load while the gazetteer does and while the caller
// goes on setting up: on two cores `newsgraph extract` of one article took
// 70 ms instead of 80-100. The constructor waits for the load and reports
// its error (see extract.LoadModels). Commands that may extract nothing
// (build into a store that has the articles already) use lazyExtractors
// with lazy set: then nothing is loaded until an article needs it.
func (f *sourceFlags) extractorFactory(lazy bool) (func() (*extract.Extractor, error), error) {
	if !lazy {
		go extract.LoadModels() // its error, if any, comes back from extract.New
	}
	g, err := f.loadGazetteer()
	if err != nil {
		return nil, err
	}
	return func() (*extract.Extractor, error) { return extract.New(extract.Options{Gazetteer: g}) }, nil
}

// lazyExtractors returns a constructor of lazyExtractors on newX.
func lazyExtractors(newX func() (*extract.Extractor, error)) func() (*lazyExtractor, error) {
	return func() (*lazyExtractor, error) { return &lazyExtractor{newX: newX}, nil }
}

// lazyExtractor makes its extractor at the first article it extracts, so
// that a build or rebuild in which nothing changed loads no model (the
// models take 40-60 ms of CPU time to load), and that reading the articles
// starts while the models load.
type lazyExtractor struct {
	newX func() (*extract.Extractor, error)
	x    *extract.Extractor
	err  error
	once sync.Once
}

var _ ingest.Extractor = (*lazyExtractor)(nil)

// Extract makes the extractor if needed and extracts a.
func (l *lazyExtractor) Extract(ctx context.Context, a news.Article) (news.Extraction, error) {
	l.once.Do(func() { l.x, l.err = l.newX() })
	if l.err != nil {
		return news.Extraction{}, l.err
	}
	return l.x.Extract(ctx, a)
}

// dbFlag adds --db with its default from $NEWSGRAPH_DB.
func dbFlag(c *cobra.Command, dst *string) {
	def := os.Getenv("NEWSGRAPH_DB")
	if def == "" {
		def = "newsgraph.db"
	}
	c.Flags().StringVar(dst, "db", def, "store `DIR` (default $NEWSGRAPH_DB or ./newsgraph.db)")
}

// waitFlag adds --wait: how long a command that writes the store waits for
// another writer (a build) to finish before it gives up with exit status 75.
func waitFlag(c *cobra.Command, dst *time.Duration) {
	c.Flags().DurationVar(dst, "wait", 0, "when another newsgraph process is writing the store, wait up to `DURATION` (30s, 10m) for it to finish instead of exiting with status 75")
}

// openStore opens the store: for reading, the state the last build
// published, which works while a build runs and never waits; for writing
// (see openWriter), without waiting. A store that does not exist yet gets a
// message saying how to make one.
func openStore(dir string, readOnly bool) (*store.Store, error) {
	if !readOnly {
		return openWriter(dir, 0)
	}
	st, err := store.Open(dir, store.Options{ReadOnly: true})
	var ne *store.NoStoreError
	if errors.As(err, &ne) {
		if ne.Pending {
			return nil, fmt.Errorf("no store at %s yet: its first build has not finished", dir)
		}
		return nil, fmt.Errorf("no store at %s: run `newsgraph build PATH... --db %s` first", dir, dir)
	}
	return st, err
}
