package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/source"
	"github.com/newsgraph/newsgraph/news"
)

// evalOptions are the flags of the eval command.
type evalOptions struct {
	gold, aliases, plover string
	format                string
	verbose               bool
}

func (o *evalOptions) addFlags(c *cobra.Command) {
	c.Flags().StringVar(&o.gold, "gold", "", "gold triples `FILE` (JSON Lines: doc, anchor, subject, object, predicates, kind, symmetric)")
	c.Flags().StringVar(&o.aliases, "aliases", "", "aliases `FILE` for --gold (JSON: canonical name → surface forms)")
	c.Flags().StringVar(&o.plover, "plover", "", "benchmark `FILE`: PLOVER_GSR_CAMEO.json, or the PETRARCH GSR validation JSON Lines")
	c.Flags().StringVar(&o.format, "format", "", "output `FORMAT`: table, tsv or json (default: table on a terminal, tsv otherwise)")
	c.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "also list misses and false positives")
}

// check reports how the command was misused, as a usageError.
func (o *evalOptions) check(c *cobra.Command, args []string) error {
	bad := func(format string, a ...any) error {
		return usageError{fmt.Errorf("eval: "+format+" (see %s --help)", append(a, c.CommandPath())...)}
	}
	switch {
	case o.gold == "" && o.plover == "":
		return bad("give --gold FILE with the articles' PATH, or --plover FILE")
	case o.gold != "" && o.plover != "":
		return bad("--gold and --plover cannot be used together")
	case o.gold != "" && len(args) == 0:
		return bad("--gold needs the PATH of the articles it covers")
	case o.plover != "" && len(args) > 0:
		return bad("--plover reads its own sentences and takes no PATH, got %q", args)
	case o.aliases != "" && o.gold == "":
		return bad("--aliases is used only with --gold")
	}
	switch o.format {
	case "", "table", "tsv", "json":
	default:
		return bad("--format %q, want table, tsv or json", o.format)
	}
	return nil
}

func newEvalCmd(io streams) *cobra.Command {
	var (
		f    sourceFlags
		opts evalOptions
	)
	c := &cobra.Command{
		Use:   "eval (--gold FILE [--aliases FILE] PATH... | --plover FILE)",
		Short: "Measure extraction quality against gold triples or the PLOVER benchmark",
		Long: `eval extracts triples and scores them; nothing is stored.

With --gold, it reads the articles at PATH (as extract does), extracts those the
gold file covers, and scores them against the gold triples. A gold triple is
found when a triple from the same article has the anchor in its sentence, the
gold subject and object (names compared by id, through the --aliases file, or
by surname for people; either way round for symmetric items) and one of the
accepted predicates after lemmatising. Rows: direct, coref and all (both) gold
items, then the same with any predicate accepted (pair:...). Columns: gold
items, predicted triples, tp (gold items found), fp (predictions matching no
gold item, optional ones included), fn (gold items missed), precision
((predicted − fp) / predicted), recall (tp / gold), F1. Predictions matching
coref items count only in the coref row; unmatched ones count in direct and
all. Gold articles missing from PATH are left out, with a warning.

With --plover, it extracts each benchmark sentence as an article and counts a
sentence as found when a triple's subject names one of its source actors and
its object one of its target actors (shared content word, or the same
gazetteer actor: "Hungarian" names Hungary). Rows: all records, then one per
event type. Columns: records, found, triples, matched (triples linking their
record's actors), precision (matched / triples), recall (found / records), F1,
and event accuracy (found records where a matching triple has the record's
PLOVER event type). The PETRARCH GSR validation file (JSON Lines with CAMEO
codes) is read the same way, its codes mapped to countries.

--verbose also lists the misses and the false positives (with --format json
they are always included). The package documentation of
github.com/newsgraph/newsgraph/eval gives the exact rules.

Scores are results, not failures: eval exits 0 whenever it ran.

` + exitStatuses,
		Example: `  newsgraph eval --gold ../shared/eval/dev-gold.jsonl --aliases ../shared/eval/dev-aliases.json ../shared/corpus/articles
  newsgraph eval --gold gold.jsonl articles/ --verbose
  newsgraph eval --plover ../shared/benchmarks/plover/PLOVER_GSR_CAMEO.json
  newsgraph eval --plover gsr_validation.jsonl --format json | jq .total`,
		RunE: func(c *cobra.Command, args []string) error {
			if err := opts.check(c, args); err != nil {
				return err
			}
			if opts.gold != "" {
				return runEvalGold(c.Context(), io, &f, opts, args)
			}
			return runEvalPlover(c.Context(), io, &f, opts)
		},
	}
	f.add(c)
	opts.addFlags(c)
	return c
}

func runEvalGold(ctx context.Context, s streams, f *sourceFlags, opts evalOptions, paths []string) error {
	g, err := eval.LoadGold(opts.gold, opts.aliases)
	if err != nil {
		return err
	}
	srcOpts, err := f.sourceOptions(s)
	if err != nil {
		return err
	}
	gaz, err := f.loadGazetteer()
	if err != nil {
		return err
	}
	x, err := extract.New(extract.Options{Gazetteer: gaz})
	if err != nil {
		return err
	}
	var exs []news.Extraction
	read := 0
	err = source.Read(ctx, paths, srcOpts, func(a news.Article) error {
		read++
		if !g.HasDoc(a.ID) {
			return nil
		}
		ex, err := x.Extract(ctx, a)
		if err != nil {
			return fmt.Errorf("%s: %w", a.ID, err)
		}
		exs = append(exs, ex)
		return nil
	})
	if err != nil {
		return err
	}
	r := g.Score(exs)
	if len(r.Docs) == 0 {
		return fmt.Errorf("eval: none of the %d articles read is in %s (gold ids are file stems such as %q)", read, opts.gold, firstDoc(g))
	}
	for _, d := range r.Unread {
		fmt.Fprintf(s.err, "newsgraph: warning: gold article %q is not among the articles read; its gold triples are not scored\n", d)
	}
	fmt.Fprintf(s.err, "newsgraph: eval: %d articles read, %d of the %d gold articles scored\n", read, len(r.Docs), len(r.Docs)+len(r.Unread))

	if opts.format == "json" {
		return writeJSON(s, struct {
			Gold    string `json:"gold"`
			Aliases string `json:"aliases"`
			*eval.Report
		}{opts.gold, opts.aliases, r})
	}
	aligned := opts.format == "table" || (opts.format == "" && isTerminal(s.out))
	rows := [][]string{}
	for _, row := range []struct {
		kind string
		sc   eval.Score
	}{
		{"direct", r.Strict.Direct}, {"coref", r.Strict.Coref}, {"all", r.Strict.All},
		{"pair:direct", r.Pair.Direct}, {"pair:coref", r.Pair.Coref}, {"pair:all", r.Pair.All},
	} {
		sc := row.sc
		rows = append(rows, []string{row.kind, strconv.Itoa(sc.Gold), strconv.Itoa(sc.Predicted),
			strconv.Itoa(sc.TP), strconv.Itoa(sc.FP), strconv.Itoa(sc.FN),
			frac(sc.Precision, sc.Predicted), frac(sc.Recall, sc.Gold), frac(sc.F1, sc.Predicted+sc.Gold)})
	}
	if err := writeTable(s.out, aligned, []string{"kind", "gold", "predicted", "tp", "fp", "fn", "precision", "recall", "f1"}, rows); err != nil {
		return err
	}
	if !opts.verbose {
		return nil
	}
	rows = [][]string{}
	for _, m := range r.Misses {
		rows = append(rows, []string{m.Doc, strconv.Itoa(m.Line), string(m.Kind), m.Subject,
			strings.Join(m.Predicates, ","), m.Object, clip(m.Anchor, aligned), m.Reason})
	}
	if err := writeSection(s, aligned, fmt.Sprintf("Misses (%d)", len(r.Misses)),
		[]string{"doc", "line", "kind", "subject", "predicates", "object", "anchor", "reason"}, rows); err != nil {
		return err
	}
	return writeFalsePositives(s, aligned, r.FalsePositives)
}

// firstDoc returns one gold document id for hints.
func firstDoc(g *eval.Gold) string {
	if docs := g.Docs(); len(docs) > 0 {
		return docs[0]
	}
	return ""
}

func runEvalPlover(ctx context.Context, s streams, f *sourceFlags, opts evalOptions) error {
	p, err := eval.LoadPlover(opts.plover)
	if err != nil {
		return err
	}
	gaz, err := f.loadGazetteer()
	if err != nil {
		return err
	}
	p.Gazetteer = gaz
	x, err := extract.New(extract.Options{Gazetteer: gaz})
	if err != nil {
		return err
	}
	var exs []news.Extraction
	for _, a := range p.Articles() {
		ex, err := x.Extract(ctx, a)
		if err != nil {
			return fmt.Errorf("%s: %w", a.ID, err)
		}
		exs = append(exs, ex)
	}
	r, err := p.Score(exs)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.err, "newsgraph: eval: %d records: %d scored, %d negative, %d skipped (no usable source and target)\n",
		r.Records, r.Scored, r.Negative, r.Skipped)

	if opts.format == "json" {
		return writeJSON(s, struct {
			Benchmark string `json:"benchmark"`
			*eval.PloverReport
		}{opts.plover, r})
	}
	aligned := opts.format == "table" || (opts.format == "" && isTerminal(s.out))
	rows := [][]string{}
	for _, e := range append([]eval.EventScore{r.Total}, r.ByEvent...) {
		rows = append(rows, []string{e.Event, strconv.Itoa(e.Records), strconv.Itoa(e.Found),
			strconv.Itoa(e.Triples), strconv.Itoa(e.Matched),
			frac(e.Precision, e.Triples), frac(e.Recall, e.Records), frac(e.F1, e.Triples+e.Records),
			frac(e.EventAccuracy, e.EventJudged) + fmt.Sprintf(" (%d/%d)", e.EventCorrect, e.EventJudged)})
	}
	if err := writeTable(s.out, aligned, []string{"event", "records", "found", "triples", "matched", "precision", "recall", "f1", "event_accuracy"}, rows); err != nil {
		return err
	}
	if !opts.verbose {
		return nil
	}
	missRows := func(ms []eval.RecordMiss) [][]string {
		rows := [][]string{}
		for _, m := range ms {
			rows = append(rows, []string{m.ID, m.Event, strings.Join(m.Sources, "; "), strings.Join(m.Targets, "; "),
				strings.Join(m.Got, "; "), clip(m.Text, aligned)})
		}
		return rows
	}
	header := []string{"id", "event", "sources", "targets", "got", "text"}
	if err := writeSection(s, aligned, fmt.Sprintf("Misses (%d)", len(r.Misses)), header, missRows(r.Misses)); err != nil {
		return err
	}
	if err := writeSection(s, aligned, fmt.Sprintf("Found with another event type (%d)", len(r.WrongEvents)), header, missRows(r.WrongEvents)); err != nil {
		return err
	}
	return writeFalsePositives(s, aligned, r.FalsePositives)
}

// writeFalsePositives lists triples that matched nothing.
func writeFalsePositives(s streams, aligned bool, ts []news.Triple) error {
	rows := [][]string{}
	for _, t := range ts {
		rows = append(rows, []string{t.Doc, t.Subject, t.Predicate, t.Object, t.Event, clip(t.Sentence, aligned)})
	}
	return writeSection(s, aligned, fmt.Sprintf("False positives (%d)", len(ts)),
		[]string{"doc", "subject", "predicate", "object", "event", "sentence"}, rows)
}

// writeSection writes a blank line, a title line and a table.
func writeSection(s streams, aligned bool, title string, header []string, rows [][]string) error {
	if _, err := fmt.Fprintf(s.out, "\n%s\n", title); err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	return writeTable(s.out, aligned, header, rows)
}

// writeJSON writes v as indented JSON.
func writeJSON(s streams, v any) error {
	enc := json.NewEncoder(s.out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("eval: write JSON: %w", err)
	}
	return nil
}

// frac formats a ratio with three decimals, or "-" when its denominator
// (den) is 0 and the ratio is undefined.
func frac(v float64, den int) string {
	if den == 0 {
		return "-"
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

// clip shortens long text for aligned tables, where one long cell would
// push every row wide; tab-separated output keeps it whole.
func clip(s string, aligned bool) string {
	const limit = 100
	if !aligned {
		return s
	}
	if r := []rune(s); len(r) > limit {
		return string(r[:limit-1]) + "…"
	}
	return s
}
