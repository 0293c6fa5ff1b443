package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

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
	)
	c := &cobra.Command{
		Use:   "build PATH...",
		Short: "Extract triples from articles into the store (incremental)",
		Long: `build reads articles, extracts their triples and stores them. Articles are
keyed by id and content: running build again on the same input changes
nothing, and an edited article replaces its own triples.

It prints a summary: articles read, new, changed and unchanged, triples and
actors in the store, and the time taken.

` + exitStatuses,
		Example: `  newsgraph build ../shared/corpus/articles --db news.db
  newsgraph build dump.txt feed.jsonl 'pages/*.html'`,
		Args: requireArgs("PATH"),
		RunE: func(c *cobra.Command, args []string) error {
			opts, err := f.sourceOptions(io)
			if err != nil {
				return err
			}
			newX, err := f.extractorFactory()
			if err != nil {
				return err
			}
			st, err := store.Open(db, store.Options{})
			if err != nil {
				return err
			}
			sum, err := buildInto(c.Context(), st, newX, workers, func(ctx context.Context, yield func(news.Article) error) error {
				return source.Read(ctx, args, opts, yield)
			})
			if cerr := st.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
			return printSummary(io, db, sum)
		},
	}
	f.add(c)
	dbFlag(c, &db)
	c.Flags().IntVar(&workers, "workers", 0, "extracting goroutines (default: one per CPU)")
	return c
}

// buildSummary is what build reports.
type buildSummary struct {
	ingest.Summary
	Counts store.Counts
}

// buildInto ingests the articles read by read into st.
func buildInto[X ingest.Extractor](ctx context.Context, st *store.Store, newX func() (X, error), workers int,
	read func(ctx context.Context, yield func(news.Article) error) error) (buildSummary, error) {
	sum, err := ingest.Run(ctx, func(yield func(news.Article) error) error { return read(ctx, yield) }, st, ingest.Options{
		Workers:      workers,
		NewExtractor: func() (ingest.Extractor, error) { return newX() },
	})
	if err != nil {
		return buildSummary{Summary: sum}, err
	}
	counts, err := st.Counts(ctx)
	return buildSummary{Summary: sum, Counts: counts}, err
}

func printSummary(io streams, db string, s buildSummary) error {
	_, err := fmt.Fprintf(io.out, "articles: %d read, %d new, %d changed, %d unchanged\nstore %s: %d articles, %d triples, %d actors, %d mentions\nelapsed: %s\n",
		s.Read, s.New, s.Changed, s.Unchanged, db, s.Counts.Articles, s.Counts.Triples, s.Counts.Actors, s.Counts.Mentions,
		s.Elapsed.Round(time.Millisecond))
	return err
}
