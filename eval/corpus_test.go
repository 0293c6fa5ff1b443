package eval_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/source"
	"github.com/newsgraph/newsgraph/internal/sample"
	"github.com/newsgraph/newsgraph/internal/testshared"
	"github.com/newsgraph/newsgraph/news"
)

// extractor returns an extractor with the default options.
func extractor(t testing.TB) *extract.Extractor {
	t.Helper()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// extractArticles extracts the articles.
func extractArticles(t testing.TB, x *extract.Extractor, articles []news.Article) []news.Extraction {
	t.Helper()
	var exs []news.Extraction
	for _, a := range articles {
		ex, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		exs = append(exs, ex)
	}
	return exs
}

// logScores logs a gold report's rows.
func logScores(t *testing.T, name string, r *eval.Report) {
	t.Helper()
	t.Logf("%s: %d docs scored, %d unread, %d triples ignored", name, len(r.Docs), len(r.Unread), r.Ignored)
	for _, row := range []struct {
		name string
		s    eval.Score
	}{
		{"direct", r.Strict.Direct}, {"coref", r.Strict.Coref}, {"all", r.Strict.All},
		{"pair:direct", r.Pair.Direct}, {"pair:coref", r.Pair.Coref}, {"pair:all", r.Pair.All},
	} {
		s := row.s
		t.Logf("  %-12s gold %3d tp %3d fn %3d pred %3d fp %3d  P %.3f R %.3f F1 %.3f",
			row.name, s.Gold, s.TP, s.FN, s.Predicted, s.FP, s.Precision, s.Recall, s.F1)
	}
	if testing.Verbose() {
		for _, m := range r.Misses {
			t.Logf("  miss %s:%d %s | %s -[%v]-> %s (%s): %s", m.Doc, m.Line, m.Kind, m.Anchor, m.Predicates, m.Object, m.Subject, m.Reason)
		}
		for _, fp := range r.FalsePositives {
			t.Logf("  fp %s: %s %s %s | %.90s", fp.Doc, fp.Subject, fp.Predicate, fp.Object, fp.Sentence)
		}
	}
}

// logPlover logs a benchmark report.
func logPlover(t *testing.T, name string, r *eval.PloverReport) {
	t.Helper()
	t.Logf("%s: %d records, %d scored, %d negative, %d skipped, %d unread", name, r.Records, r.Scored, r.Negative, r.Skipped, r.Unread)
	for _, s := range append([]eval.EventScore{r.Total}, r.ByEvent...) {
		t.Logf("  %-12s records %3d found %3d triples %3d matched %3d  P %.3f R %.3f F1 %.3f  events %d/%d (%.3f)",
			s.Event, s.Records, s.Found, s.Triples, s.Matched, s.Precision, s.Recall, s.F1, s.EventCorrect, s.EventJudged, s.EventAccuracy)
	}
	if testing.Verbose() {
		for _, m := range r.Misses {
			t.Logf("  miss %s %s %v -> %v got %q", m.ID, m.Event, m.Sources, m.Targets, m.Got)
		}
		for _, m := range r.WrongEvents {
			t.Logf("  wrong event %s %s %v -> %v got %q", m.ID, m.Event, m.Sources, m.Targets, m.Got)
		}
	}
}

// TestSampleCorpus scores the built-in sample corpus against its own gold
// and logs the figures.
// Recorded scores (README "Extraction quality"). A change that drops a score
// more than regressionMargin below its record fails the tests; raise the
// record when the extractor improves.
const (
	regressionMargin        = 0.02
	recordedDevDirectF1     = 0.827 // dev gold, direct triples
	recordedHeldOutDirectF1 = 0.692 // held-out gold, direct triples
	// held-out 2 gold (seven more articles), direct triples. Its misses
	// have not been read: keep it so, and it stays a blind measure.
	recordedHeldOut2DirectF1 = 0.547
	recordedSampleAllF1      = 0.643 // demo corpus gold, direct + coref
	recordedPloverF1         = 0.805 // PLOVER actor-pair F1
)

// checkFloor fails t when got has fallen more than regressionMargin below
// the recorded figure.
func checkFloor(t *testing.T, what string, got, recorded float64) {
	t.Helper()
	if got < recorded-regressionMargin {
		t.Errorf("%s = %.3f, below the recorded %.3f by more than %.2f", what, got, recorded, regressionMargin)
	}
}

func TestSampleCorpus(t *testing.T) {
	items, err := eval.ParseGold("sample gold.jsonl", bytes.NewReader(sample.Gold))
	if err != nil {
		t.Fatal(err)
	}
	aliases, err := eval.ParseAliases("sample aliases.json", sample.Aliases)
	if err != nil {
		t.Fatal(err)
	}
	g, err := eval.NewGold(items, aliases)
	if err != nil {
		t.Fatal(err)
	}
	var articles []news.Article
	err = source.ReadFS(context.Background(), sample.Articles, ".", source.Options{}, func(a news.Article) error {
		articles = append(articles, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r := g.Score(extractArticles(t, extractor(t), articles))
	logScores(t, "sample corpus", r)
	checkFloor(t, "sample corpus all F1", r.Strict.All.F1, recordedSampleAllF1)
	if len(r.Unread) > 0 {
		t.Errorf("gold documents not in the sample corpus: %q", r.Unread)
	}
	if r.Strict.All.Gold != len(items) {
		t.Errorf("scored %d gold items, want all %d", r.Strict.All.Gold, len(items))
	}
}

// TestSharedGold scores the shared articles against the development gold
// (../shared/eval) and two held-out golds (testdata/heldout-*,
// testdata/heldout2-*), annotated blind on articles the extractor was not
// tuned on, and logs the figures (misses and false positives only with
// -v, and better not read for held-out 2).
func TestSharedGold(t *testing.T) {
	tests := []struct {
		name, gold, aliases string
		floor               float64 // recorded direct F1
	}{
		{"dev", testshared.Path(t, "eval/dev-gold.jsonl"), testshared.Path(t, "eval/dev-aliases.json"), recordedDevDirectF1},
		{"held-out", "testdata/heldout-gold.jsonl", "testdata/heldout-aliases.json", recordedHeldOutDirectF1},
		{"held-out 2", "testdata/heldout2-gold.jsonl", "testdata/heldout2-aliases.json", recordedHeldOut2DirectF1},
	}
	corpus := testshared.Path(t, "corpus/articles")
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := eval.LoadGold(tt.gold, tt.aliases)
			if err != nil {
				t.Fatal(err)
			}
			var articles []news.Article
			err = source.Read(context.Background(), []string{corpus}, source.Options{}, func(a news.Article) error {
				if g.HasDoc(a.ID) {
					articles = append(articles, a)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			r := g.Score(extractArticles(t, x, articles))
			logScores(t, tt.name+" gold", r)
			checkFloor(t, tt.name+" gold direct F1", r.Strict.Direct.F1, tt.floor)
			if len(r.Unread) > 0 {
				t.Errorf("gold documents not in %s: %q", corpus, r.Unread)
			}
		})
	}
}

// TestSharedBenchmarks scores the PLOVER gold standard records and the
// PETRARCH GSR validation sentences and logs the figures.
func TestSharedBenchmarks(t *testing.T) {
	x := extractor(t)
	for _, rel := range []string{"benchmarks/plover/PLOVER_GSR_CAMEO.json", "benchmarks/petrarch-gsr/gsr_validation.jsonl"} {
		t.Run(filepath.Base(rel), func(t *testing.T) {
			p, err := eval.LoadPlover(testshared.Path(t, rel))
			if err != nil {
				t.Fatal(err)
			}
			r, err := p.Score(extractArticles(t, x, p.Articles()))
			if err != nil {
				t.Fatal(err)
			}
			logPlover(t, rel, r)
			if strings.Contains(rel, "PLOVER") {
				checkFloor(t, "PLOVER pair F1", r.Total.F1, recordedPloverF1)
			}
			if r.Unread != 0 {
				t.Errorf("%d records unread", r.Unread)
			}
		})
	}
}
