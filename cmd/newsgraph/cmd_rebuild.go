package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/source"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/news"
	"github.com/newsgraph/newsgraph/store"
)

// Exit statuses beyond those of every command: rebuild's partial status,
// and the status of a command stopped by Ctrl-C or SIGTERM after it put
// its affairs in order (build and rebuild).
const (
	exitPartial     = 3   // some sources failed; what the others gave was published
	exitInterrupted = 130 // SIGINT or SIGTERM (128 + SIGINT, as shells report it)
)

// rebuildExitStatuses is the EXIT STATUS part of rebuild's help.
const rebuildExitStatuses = `Exit status:
  0    success: every source read, the store published, every export written
  1    error. When reading or storing failed, nothing was published and the
       store is as before; when an export failed (an ego actor not in the
       graph, a full disk), the store was published and the other exports
       written; when publishing failed, the exports may be ahead of the
       store until the next run
  2    usage error: bad flags, no config file (newsgraph init writes one),
       or a mistake in it (the message names its line)
  3    partial: some sources failed (each is reported); what the others gave
       was published and the exports rewritten from it. With --from-scratch
       nothing is published then, and the store is as before
  75   the store is busy: another writer held it longer than --wait
  130  interrupted (Ctrl-C, SIGTERM): the articles stored until then were
       published (with --from-scratch, nothing was); the exports were not
       rewritten`

// statusError is an error with an exit status of its own (exitPartial,
// exitInterrupted); exitCode prints its message and returns the status.
type statusError struct {
	status int
	err    error
}

// Error returns the message of the wrapped error.
func (e *statusError) Error() string { return e.err.Error() }

// Unwrap returns the wrapped error.
func (e *statusError) Unwrap() error { return e.err }

// exitStatusOf returns the exit status err asks for when it is or wraps a
// *statusError.
func exitStatusOf(err error) (int, bool) {
	var se *statusError
	if errors.As(err, &se) {
		return se.status, true
	}
	return 0, false
}

// rebuildOptions are the flags of rebuild.
type rebuildOptions struct {
	config      string
	prune       bool
	fromScratch bool
	wait        time.Duration
	quiet       bool
	logFormat   string
}

func newRebuildCmd(s streams) *cobra.Command {
	var opts rebuildOptions
	c := &cobra.Command{
		Use:   "rebuild",
		Short: "Bring the store and the exports up to date with the config file's sources",
		Long: `rebuild does what newsgraph.yaml says (the file in the working folder, or
--config FILE; ` + "`newsgraph init`" + ` writes a commented one): it reads every source
in order, extracts and stores the articles that are new or changed (an
article whose text is unchanged is skipped by its content hash), optionally
deletes the stored articles no source gave (--prune), rewrites every export
from the store, and publishes the new state of the store atomically: readers
see the old state or the new one, never a mix.

Running it again on unchanged sources writes no triple and rewrites every
export with the same bytes. Feeds are fetched with conditional requests
(ETag, Last-Modified) through a cache folder beside the store. A source that
fails (a missing folder, a feed that answers 503 after its retries) is
reported and the others are still read: the run ends with exit status 3.

Progress goes to stderr: a bar (articles/s, ETA from the store's article
count) on a terminal; log/slog records elsewhere, text by default, JSON with
--log-format json (for journald and log collectors), a progress record every
10 seconds. --quiet prints errors only. stdout is not used.

Ctrl-C (or SIGTERM) stops the run: the articles stored so far are published
(except with --from-scratch) and the command exits with status 130; the
exports are rewritten by the next run.

--prune deletes the articles that no source gave in this run, such as those
of a removed file. It is skipped when a source failed. Feeds list only their
recent items, so with feed sources it also deletes the articles that have
dropped off the feeds.

--from-scratch builds a new store from empty, extracting every article
again, and publishes it in place of the old one (a new generation: readers
of the old one are not disturbed, and the old one stays published if the
run fails). Use it after changing the gazetteer or upgrading newsgraph. It
publishes nothing when a source failed or the run was interrupted.

` + rebuildExitStatuses,
		Example: `  newsgraph init && newsgraph rebuild
  newsgraph rebuild --config /srv/news/newsgraph.yaml --wait 10m --log-format json
  newsgraph rebuild --prune
  newsgraph rebuild --from-scratch`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			limitMemory()
			ro := reportOptions{quiet: opts.quiet}
			if c.Flags().Changed("log-format") {
				ro.logFormat = opts.logFormat
			}
			rep, err := newReporter(s.err, ro)
			if err != nil {
				return err
			}
			return runRebuild(c.Context(), opts, rep)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.config, "config", "", "config `FILE` (default ./"+config.FileName+")")
	f.BoolVar(&opts.prune, "prune", false, "delete stored articles that no source gave in this run")
	f.BoolVar(&opts.fromScratch, "from-scratch", false, "build a new store from empty, extracting every article again")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print errors only")
	f.StringVar(&opts.logFormat, "log-format", logText, "log record `FORMAT` when stderr is not a terminal, or when given: text or json")
	waitFlag(c, &opts.wait)
	return c
}

// loadConfig loads the config file path, or FileName in the working folder
// when path is "". A config that cannot be used is a usage error.
func loadConfig(path string) (*config.Config, error) {
	if path == "" {
		p, err := config.Find(".")
		if err != nil {
			return nil, usageError{err}
		}
		path = p
	}
	cfg, err := config.Load(path)
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) || errors.Is(err, os.ErrNotExist) {
			return nil, usageError{err}
		}
		return nil, err
	}
	return cfg, nil
}

// configExtractors returns a constructor of extractors sharing the
// gazetteer cfg asks for.
func configExtractors(cfg *config.Config) (func() (ingest.Extractor, error), error) {
	entries, err := gazetteer.Builtin()
	if err != nil {
		return nil, err
	}
	if cfg.Gazetteer.File != "" {
		user, err := gazetteer.Load(cfg.Gazetteer.File)
		if err != nil {
			return nil, fmt.Errorf("%s: gazetteer: %w", cfg.File, err)
		}
		entries = append(entries, user...)
	}
	g, err := gazetteer.New(entries, gazetteer.Options{FoldInstitutions: cfg.Gazetteer.FoldInstitutions})
	if err != nil {
		return nil, err
	}
	return func() (ingest.Extractor, error) {
		return &lazyExtractor{newX: func() (*extract.Extractor, error) {
			return extract.New(extract.Options{Gazetteer: g})
		}}, nil
	}, nil
}

// rebuildResult is what a rebuild did, for the final report.
type rebuildResult struct {
	ingest.Summary
	pruned  int
	exports int
	failed  []error // sources that failed, in order
	counts  store.Counts
}

// runRebuild runs rebuild as opts and the config file say, reporting to
// rep. See the command's help for what it does and what it publishes when.
func runRebuild(ctx context.Context, opts rebuildOptions, rep *reporter) error {
	start := time.Now()
	cfg, err := loadConfig(opts.config)
	if err != nil {
		return err
	}
	newX, err := configExtractors(cfg)
	if err != nil {
		return err
	}
	if opts.fromScratch || opts.prune {
		for _, src := range cfg.Sources {
			if src.URL != "" {
				rep.warn("feeds list only their recent items: with --prune or --from-scratch, the articles that dropped off a feed are deleted",
					"feed", src.Raw)
				break
			}
		}
	}

	rep.info("rebuild started", "config", cfg.File, "store", cfg.Store, "sources", len(cfg.Sources), "exports", len(cfg.Exports))
	st, err := openWriterWith(ctx, cfg.Store, store.Options{Wait: opts.wait, Fresh: opts.fromScratch})
	if err != nil {
		return err
	}
	defer st.Close() // discards what was not committed

	var res rebuildResult
	expected := 0
	if !opts.fromScratch {
		if c, err := st.Counts(ctx); err == nil {
			expected = c.Articles
		}
	}

	// Read and ingest.
	rd := &sourceReader{cfg: cfg, rep: rep, seen: map[[16]byte]uint32{}}
	p := rep.startProgress("articles", expected)
	res.Summary, err = ingest.Run(ctx, func(yield func(news.Article) error) error {
		return rd.read(ctx, yield)
	}, st, ingest.Options{Workers: cfg.Workers, NewExtractor: newX, Rules: extract.Version, Progress: p.ingest})
	p.finish()
	res.failed = rd.failed
	interrupted := ctx.Err() != nil
	if err != nil && !interrupted {
		return fmt.Errorf("rebuild: %w; nothing was published", err)
	}
	rep.info("articles ingested", "read", res.Read, "new", res.New, "changed", res.Changed, "unchanged", res.Unchanged,
		"triples", res.Triples, "seconds", seconds(res.Elapsed))

	if opts.fromScratch && interrupted {
		// A new store missing the articles not read yet would lose them.
		return &statusError{exitInterrupted, errors.New("interrupted: --from-scratch published nothing: the store is as before")}
	}
	if opts.fromScratch && len(res.failed) > 0 {
		return &statusError{exitPartial, fmt.Errorf("%s; --from-scratch published nothing: the store is as before", failedSummary(res.failed, len(cfg.Sources)))}
	}

	// A rebuild into a new store loads in bulk: end the load here, with
	// the collector set for it, rather than at the first read below.
	if _, err := countsAfterIngest(context.WithoutCancel(ctx), st); err != nil {
		return fmt.Errorf("rebuild: %w; nothing was published", err)
	}

	// Prune.
	if opts.prune && !opts.fromScratch && !interrupted {
		if len(res.failed) > 0 {
			rep.warn("--prune skipped: a source failed, and its articles would look removed")
		} else if res.pruned, err = pruneArticles(ctx, st, rd.seen, rep); err != nil && ctx.Err() == nil {
			return fmt.Errorf("rebuild: %w; nothing was published", err)
		}
		interrupted = ctx.Err() != nil
	}

	// Exports.
	var exportErrs []error
	if !interrupted {
		res.exports, exportErrs = writeExports(ctx, st, cfg.Exports, rep)
		interrupted = ctx.Err() != nil
	}

	// Publish.
	res.counts, _ = st.Counts(context.WithoutCancel(ctx))
	if err := st.Commit(); err != nil {
		return fmt.Errorf("rebuild: publish: %w", err)
	}
	rep.info("rebuild finished", "read", res.Read, "new", res.New, "changed", res.Changed, "unchanged", res.Unchanged,
		"pruned", res.pruned, "failed_sources", len(res.failed), "exports", res.exports,
		"articles", res.counts.Articles, "triples", res.counts.Triples, "actors", res.counts.Actors,
		"seconds", seconds(time.Since(start)))

	switch {
	case interrupted:
		return &statusError{exitInterrupted, fmt.Errorf("interrupted: published the %d new or changed articles stored before it; the exports were not rewritten (run rebuild again)",
			res.New+res.Changed)}
	case len(exportErrs) > 0:
		return fmt.Errorf("%d of %d exports failed (first: %w); the store was published and the other exports written", len(exportErrs), len(cfg.Exports), exportErrs[0])
	case len(res.failed) > 0:
		return &statusError{exitPartial, fmt.Errorf("%s; what the others gave was published", failedSummary(res.failed, len(cfg.Sources)))}
	}
	return nil
}

// seconds is d in seconds, to the millisecond, for log records: JSON
// readers get a number of seconds rather than slog's nanoseconds.
func seconds(d time.Duration) float64 { return float64(d.Milliseconds()) / 1000 }

// failedSummary says how many sources failed and the first problem.
func failedSummary(failed []error, total int) string {
	return fmt.Sprintf("%d of %d sources failed (first: %v)", len(failed), total, failed[0])
}

// sourceReader reads the sources of a config one after the other.
type sourceReader struct {
	cfg *config.Config
	rep *reporter
	// seen maps each article id (by news.IDDigest, so that a table with
	// an entry for every article does not keep the ids) to the 1-based
	// source that gave it.
	seen   map[[16]byte]uint32
	failed []error // one error per failed source, naming it
	cache  source.FetchCache
	cached bool // cache was set up (it may still be nil)
}

// stopError carries an error of the ingest callback through a source
// reader, to tell it from the source's own errors.
type stopError struct{ err error }

// Error returns the message of the callback's error.
func (e stopError) Error() string { return e.err.Error() }

// read calls yield for every article of every source, in order, once per
// id: an id already given by an earlier source (or earlier in the same
// source) is skipped, so that a rebuild never stores two versions of one
// article in turn. A source that fails is reported, appended to r.failed,
// and the next one is read. The error is not nil only when reading must
// stop: ctx is done or yield failed.
func (r *sourceReader) read(ctx context.Context, yield func(news.Article) error) error {
	for i, src := range r.cfg.Sources {
		idx := i + 1
		name := fmt.Sprintf("source %d (%s)", idx, src)
		n := 0
		emit := func(a news.Article) error {
			id := news.IDDigest(a.ID)
			if first, ok := r.seen[id]; ok {
				if int(first) != idx {
					r.rep.warn("article skipped: its id was given by an earlier source",
						"id", a.ID, "source", idx, "first_source", first)
				}
				return nil
			}
			r.seen[id] = uint32(idx)
			n++
			if err := yield(a); err != nil {
				return stopError{err}
			}
			return nil
		}
		var err error
		if src.URL != "" {
			err = r.fetch(ctx, src, emit)
		} else {
			err = r.readPath(ctx, src, name, emit)
		}
		var stop stopError
		switch {
		case errors.As(err, &stop):
			return stop.err
		case ctx.Err() != nil:
			return ctx.Err()
		case err != nil:
			err = fmt.Errorf("%s: %w", name, err)
			r.failed = append(r.failed, err)
			r.rep.error("source failed", "source", idx, "kind", string(src.Kind), "at", src.Raw, "err", oneLineErr(err))
			continue
		}
		r.rep.info("source read", "source", idx, "kind", string(src.Kind), "at", src.Raw, "articles", n)
	}
	return nil
}

// readPath reads a path source, or a feed file; a feed file that is not a
// feed is an error.
func (r *sourceReader) readPath(ctx context.Context, src config.Source, name string, emit func(news.Article) error) error {
	var notFeed error
	opts := source.Options{
		SplitOn: src.SplitOn,
		Warn: func(err error) {
			if src.Kind == config.FeedSource && errors.Is(err, source.ErrNotFeed) && notFeed == nil {
				notFeed = err
				return
			}
			r.rep.warn(oneLineErr(err), "source", name)
		},
	}
	if err := source.Read(ctx, []string{src.Path}, opts, emit); err != nil {
		return err
	}
	return notFeed
}

// fetch reads a feed URL through source.FetchAll with the feed cache.
func (r *sourceReader) fetch(ctx context.Context, src config.Source, emit func(news.Article) error) error {
	if !r.cached {
		r.cached = true
		c, err := source.NewFileCache(r.cfg.Cache)
		if err != nil {
			r.rep.warn("feed cache unusable: feeds are fetched whole", "err", oneLineErr(err))
		} else {
			r.cache = c
		}
	}
	retries := src.Retries
	if retries == 0 {
		retries = -1 // the Fetcher's "no retries"
	}
	f := &source.Fetcher{
		Timeout:       src.Timeout,
		Retries:       retries,
		FetchArticles: src.FetchArticles,
		Cache:         r.cache,
		Rand:          rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 0x6e67)),
		Warn:          func(err error) { r.rep.warn(oneLineErr(err), "feed", src.Raw) },
	}
	failed, err := f.FetchAll(ctx, []string{src.URL}, emit)
	if err != nil {
		return err
	}
	if len(failed) > 0 {
		return failed[0]
	}
	return nil
}

// oneLineErr is err's message on one line, for log records.
func oneLineErr(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", "; ")), " ")
}

// pruneArticles deletes the stored articles whose id is not in seen (by
// news.IDDigest).
func pruneArticles(ctx context.Context, st *store.Store, seen map[[16]byte]uint32, rep *reporter) (int, error) {
	var gone []string
	err := st.EachArticle(ctx, func(a store.ArticleInfo) error {
		if _, ok := seen[news.IDDigest(a.ID)]; !ok {
			gone = append(gone, a.ID)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("prune: %w", err)
	}
	for i, id := range gone {
		if err := st.DeleteArticle(ctx, id); err != nil {
			return i, fmt.Errorf("prune %q: %w", id, err)
		}
	}
	if len(gone) > 0 {
		shown := gone[:min(len(gone), 10)]
		rep.info("articles pruned", "count", len(gone), "ids", strings.Join(shown, " "))
	}
	return len(gone), nil
}

// writeExports writes every export from st, building each distinct graph
// once. An export that fails is reported and the others are still
// written; it stops early only when ctx is done.
func writeExports(ctx context.Context, st *store.Store, exports []config.Export, rep *reporter) (int, []error) {
	networks := map[string]*graph.Network{}
	written := 0
	var errs []error
	for i, e := range exports {
		if ctx.Err() != nil {
			break
		}
		key := fmt.Sprintf("%+v", e.Graph)
		n, ok := networks[key]
		if !ok {
			var err error
			if n, err = graph.Build(ctx, st, e.Graph); err != nil {
				if ctx.Err() != nil {
					break
				}
				err = fmt.Errorf("export %d (%s): %w", i+1, e.Raw, err)
				errs = append(errs, err)
				rep.error("export failed", "export", i+1, "path", e.Path, "err", oneLineErr(err))
				continue
			}
			networks[key] = n
		}
		if err := writeConfigExport(e, n); err != nil {
			err = fmt.Errorf("export %d (%s): %w", i+1, e.Raw, err)
			errs = append(errs, err)
			rep.error("export failed", "export", i+1, "path", e.Path, "err", oneLineErr(err))
			continue
		}
		written++
		rep.info("export written", "path", e.Path, "format", string(e.Format), "actors", len(n.Nodes), "edges", len(n.Edges))
	}
	return written, errs
}

// writeConfigExport writes n to e.Path atomically, creating its folder.
func writeConfigExport(e config.Export, n *graph.Network) error {
	if !e.Format.OneFile() {
		return export.WriteCSV(e.Path, n)
	}
	if err := os.MkdirAll(filepath.Dir(e.Path), 0o755); err != nil {
		return err
	}
	return export.WriteFile(e.Path, func(w io.Writer) error { return e.Format.Write(w, n) })
}
