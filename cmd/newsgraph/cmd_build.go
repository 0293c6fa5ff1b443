package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/source"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/news"
	"github.com/newsgraph/newsgraph/store"
)

func newBuildCmd(io streams) *cobra.Command {
	var (
		f       sourceFlags
		db      string
		workers int
		wait    time.Duration
	)
	c := &cobra.Command{
		Use:   "build PATH...",
		Short: "Extract triples from articles into the store (incremental)",
		Long: `build reads articles, extracts their triples and stores them. Articles are
keyed by id and content: running build again on the same input changes
nothing, and an edited article replaces its own triples.

It prints a summary: articles read, new, changed and unchanged, triples and
actors in the store, and the time taken.

A build works on a copy of the store (made at its first change, so a build
that changes nothing copies nothing) and publishes it when it finishes:
queries and exports running meanwhile answer from the last published state,
and a build that is killed or fails leaves the store as it was. Ctrl-C
publishes the articles finished so far and exits with status 130. One build
writes a store at a time: another one exits with status 75 naming it, or
waits for it with --wait. A build stops with an error, publishing nothing,
when the disk holding the store has less than 256 MiB free
($NEWSGRAPH_MIN_FREE sets the margin in MiB, 0 turns the check off).

` + exitStatuses,
		Example: `  newsgraph build ../shared/corpus/articles --db news.db
  newsgraph build dump.txt feed.jsonl 'pages/*.html'
  newsgraph build articles/ --wait 10m      # after the build already running`,
		Args: requireArgs("PATH"),
		RunE: func(c *cobra.Command, args []string) error {
			limitMemory()
			opts, err := f.sourceOptions(io)
			if err != nil {
				return err
			}
			newX, err := f.extractorFactory(true)
			if err != nil {
				return err
			}
			ctx := c.Context()
			st, err := openWriterWith(ctx, db, store.Options{Wait: wait})
			if err != nil {
				return err
			}
			progress, finish := newBuildProgress(io.err)
			sum, err := buildInto(ctx, st, lazyExtractors(newX), workers, progress, func(ctx context.Context, yield func(news.Article) error) error {
				return source.Read(ctx, args, opts, yield)
			})
			finish()
			return finishBuild(ctx, io, st, db, sum, err)
		},
	}
	f.add(c)
	dbFlag(c, &db)
	waitFlag(c, &wait)
	c.Flags().IntVar(&workers, "workers", 0, "extracting goroutines (default: one per CPU)")
	return c
}

// openWriter opens the store in db for writing, waiting up to wait for
// another writer to finish (0: not at all); see openWriterWith.
func openWriter(db string, wait time.Duration) (*store.Store, error) {
	return openWriterWith(context.Background(), db, store.Options{Wait: wait})
}

// openWriterWith opens the store in db for writing with opts (Wait, Fresh),
// ctx cancelling the wait. $NEWSGRAPH_MIN_FREE, in MiB, sets the free-space
// margin (0 turns the check off). A writer already at work gives a
// *store.LockError (exit status 75) naming it, with a hint at --wait when
// opts.Wait is 0; Ctrl-C during the wait gives exit status 130. The caller
// publishes what it writes with Commit (see finishBuild) or discards it
// with Close.
func openWriterWith(ctx context.Context, db string, opts store.Options) (*store.Store, error) {
	if v := os.Getenv("NEWSGRAPH_MIN_FREE"); v != "" {
		mib, err := strconv.ParseInt(v, 10, 64)
		if err != nil || mib < 0 || mib > 1<<40 {
			return nil, fmt.Errorf("NEWSGRAPH_MIN_FREE=%q: want a whole number of MiB", v)
		}
		opts.MinFree = mib << 20
		if mib == 0 {
			opts.MinFree = -1
		}
	}
	st, err := store.OpenContext(ctx, db, opts)
	var le *store.LockError
	switch {
	case err == nil:
		return st, nil
	case errors.As(err, &le) && opts.Wait == 0:
		return nil, fmt.Errorf("%w (--wait DURATION waits for it)", err)
	case ctx.Err() != nil:
		return nil, &statusError{exitInterrupted, fmt.Errorf("interrupted while waiting for the writer of %s to finish; nothing was changed", db)}
	}
	return nil, err
}

// finishBuild ends a build's write to st given ingest's result: on success
// it publishes the store (Commit) and prints the summary; when ctx was
// cancelled (Ctrl-C, SIGTERM) it publishes the articles finished before,
// each of which ingest committed whole, prints the summary and returns a
// *statusError with exitInterrupted (130); on any other error it discards the
// build, leaving the store as it was, and says so.
func finishBuild(ctx context.Context, s streams, st *store.Store, db string, sum buildSummary, err error) error {
	switch {
	case err == nil:
		if err := st.Commit(); err != nil {
			return err
		}
		return printSummary(s, db, sum)
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		counts, cerr := countsAfterIngest(context.WithoutCancel(ctx), st)
		if cerr == nil {
			cerr = st.Commit()
		} else {
			st.Close()
		}
		done := sum.New + sum.Changed
		if cerr != nil {
			return fmt.Errorf("interrupted, and the %d articles finished could not be published: %w", done, cerr)
		}
		sum.Counts = counts
		if err := printSummary(s, db, sum); err != nil {
			return err
		}
		return &statusError{exitInterrupted, fmt.Errorf("interrupted: published the %d new or changed articles finished so far; run the same build again for the rest", done)}
	}
	st.Close()
	var se *store.SpaceError
	if errors.As(err, &se) {
		err = se // the cause, without the article it struck
	}
	return fmt.Errorf("%w; nothing of this build was published: %s is as it was", err, db)
}

// buildSummary is what build reports.
type buildSummary struct {
	ingest.Summary
	Counts store.Counts
}

// buildInto ingests the articles read by read into st.
// progress, when not nil, is called as articles are done.
func buildInto[X ingest.Extractor](ctx context.Context, st *store.Store, newX func() (X, error), workers int,
	progress func(ingest.Summary), read func(ctx context.Context, yield func(news.Article) error) error) (buildSummary, error) {
	sum, err := ingest.Run(ctx, func(yield func(news.Article) error) error { return read(ctx, yield) }, st, ingest.Options{
		Workers:      workers,
		NewExtractor: func() (ingest.Extractor, error) { return newX() },
		Rules:        extract.Version,
		Progress:     progress,
	})
	if err != nil {
		return buildSummary{Summary: sum}, err
	}
	counts, err := countsAfterIngest(ctx, st)
	return buildSummary{Summary: sum, Counts: counts}, err
}

func printSummary(io streams, db string, s buildSummary) error {
	_, err := fmt.Fprintf(io.out, "articles: %d read, %d new, %d changed, %d unchanged\nstore %s: %d articles, %d triples, %d actors, %d mentions\nelapsed: %s\n",
		s.Read, s.New, s.Changed, s.Unchanged, db, s.Counts.Articles, s.Counts.Triples, s.Counts.Actors, s.Counts.Mentions,
		s.Elapsed.Round(time.Millisecond))
	return err
}

// buildMemoryLimit is the Go heap's soft limit during build and rebuild,
// unless GOMEMLIMIT says otherwise. Extraction makes much short-lived
// garbage; without a limit the collector lets the heap grow to twice what
// is live, and peak memory then grows with the corpus. Measured on
// generated corpora (bench/gen) on 2026-12-06: with 192 MiB a build's peak
// RSS was 139 MB at 1 000 articles and 201 MB at 10 000 (28.8-31.3 s);
// with 128 MiB 132 and 150 MB (30.0 s), flat within 14%. The store alone
// (bench/storeload, 40 000 articles) ran at the same speed and peak with
// either limit: there the live heap is above both. (The limit counts the
// Go heap only; a bulk load's sort buffer, 32 MiB, is outside it: see
// store's sorter.) The end of a bulk load runs with other settings:
// endLoadGCPercent.
const buildMemoryLimit = 128 << 20

// limitMemory sets the soft memory limit for a long ingest.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(buildMemoryLimit)
	}
}

// The collector's settings while a bulk load ends (countsAfterIngest),
// unless GOGC or GOMEMLIMIT say otherwise. Then the live heap is mostly
// the buffers of badger's table builders (StreamWriter): pooled, so live
// for the whole end, and free of pointers, so a collection marks them for
// almost nothing. With the ingest's settings (GOGC 100, buildMemoryLimit)
// the heap grew to twice them: a 10k-article build peaked at 141-152 MB
// against 111 MB for 1k, and at 100 000 articles (bench/storeload), where
// four builders held 112 MiB, the collector ran without pause at the limit
// and the end took 37-155 s. With GOGC 10 and a 256 MiB limit, measured
// side by side on 2026-12-06: 1k 85-92 MB, 10k 100-107 MB; storeload
// 100 000 articles: end 20.5 s, 58.3k triples/s in all, peak 170 MB. The
// cost is CPU where the collector never reached the limit: storeload's
// end at 10 000 articles took 2.4 s instead of 1.9-2.0 (GOGC 25: 2.1-2.3
// s, but 10k builds peaked at 104-117 MB).
const (
	endLoadGCPercent   = 10
	endLoadMemoryLimit = 256 << 20
)

// countsAfterIngest returns st's counts after an ingest. A build into a
// new store loads in bulk, and Counts then ends the load: it runs with the
// collector set for it (endLoadGCPercent), and the settings are restored
// after.
func countsAfterIngest(ctx context.Context, st *store.Store) (store.Counts, error) {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(endLoadGCPercent))
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(endLoadMemoryLimit))
	}
	return st.Counts(ctx)
}
