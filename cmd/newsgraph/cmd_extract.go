package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract/source"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/news"
)

func newExtractCmd(io streams) *cobra.Command {
	var (
		f       sourceFlags
		quotes  bool
		workers int
	)
	c := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Print the triples found in articles as JSON Lines, without storing them",
		Long: `extract reads articles and prints one JSON object per triple on standard
output: doc, sentence, subject, subject_type, predicate, object, object_type,
event, negated, hypothetical, confidence, date and more. Nothing is stored.

With --quotes it prints the statements attributed to actors instead ("X said
..." is no relation between actors, but it says who said what): doc,
sentence, sentence_index, speaker_id, speaker, speaker_type, verb (the
reporting verb's lemma), text (the quotation, or the reported clause), date.

PATH may be a file, a folder (read recursively), a glob pattern, or - for
standard input. Formats: .txt (one article, or a scrape dump split on
separator lines), .jsonl, .html.

Articles are extracted on several goroutines (--workers, one per CPU by
default) and printed in input order: the output does not depend on the
number of workers.

` + exitStatuses,
		Example: `  newsgraph extract article.txt
  newsgraph extract 'corpus/*.txt' | jq -r '[.subject,.predicate,.object]|@tsv'
  cat dump.txt | newsgraph extract - --split-on '^-----$'
  newsgraph extract --quotes article.txt | jq -r '[.speaker,.text]|@tsv'`,
		Args: requireArgs("PATH"),
		RunE: func(c *cobra.Command, args []string) error {
			tuneExtractGC()
			opts, err := f.sourceOptions(io)
			if err != nil {
				return err
			}
			newX, err := f.extractorFactory(false)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(io.out)
			ctx := c.Context()
			read := func(yield func(news.Article) error) error { return source.Read(ctx, args, opts, yield) }
			// The workers' extractors wait for the models at their first
			// article, so that reading starts while the models load.
			lazy := lazyExtractors(newX)
			xopts := ingest.Options{Workers: workers, NewExtractor: func() (ingest.Extractor, error) { return lazy() }}
			err = ingest.ExtractTo(ctx, read, xopts, w, func(buf []byte, ex news.Extraction) ([]byte, error) {
				if quotes {
					return appendJSONLines(buf, ex.Quotes)
				}
				return appendJSONLines(buf, ex.Triples)
			})
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			return err
		},
	}
	f.add(c)
	c.Flags().BoolVar(&quotes, "quotes", false, "print who said what (quotes attributed to actors) instead of triples")
	c.Flags().IntVar(&workers, "workers", 0, "extracting goroutines (default: one per CPU)")
	return c
}

// appendJSONLines appends vs to buf as JSON Lines, one value a line, with
// no HTML escaping (what json.Encoder writes with SetEscapeHTML(false)).
func appendJSONLines[T any](buf []byte, vs []T) ([]byte, error) {
	b := bytes.NewBuffer(buf)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	for _, v := range vs {
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}

// requireArgs asks for at least one positional argument, as a usage error.
func requireArgs(what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usageError{fmt.Errorf("%s: missing %s argument (see %s --help)", c.Name(), what, c.CommandPath())}
		}
		return nil
	}
}

// extractGCPercent is the collector's GOGC during extract, unless GOGC says
// otherwise. Extraction makes much short-lived garbage over a small live
// heap, and collecting it half as often saves CPU for a little memory.
// Measured on 2026-12-07 with generated corpora (bench/gen), interleaved
// runs on two shared cores, with the tagger and entity model of
// extract/prosemodel: 10 000 articles 20.0-20.4 CPU-s and 77-79 MB peak
// RSS against 21.1-24.3 CPU-s and 61 MB with GOGC 100 (two runs each);
// 1 000 articles 2.26 against 2.36 CPU-s, 73 against 56 MB. The soft
// limit of build (buildMemoryLimit) bounds the heap all the same.
const extractGCPercent = 200

// tuneExtractGC sets the collector for extract: extractGCPercent and
// buildMemoryLimit, each unless its environment variable is set.
func tuneExtractGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(extractGCPercent)
	}
	limitMemory()
}
