package eval

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/news"
)

// Score is the outcome for one kind of gold item. See the package
// documentation for what counts where.
type Score struct {
	Gold      int     `json:"gold"`      // gold items of the kind: the recall denominator
	TP        int     `json:"tp"`        // gold items found
	FN        int     `json:"fn"`        // gold items missed
	Predicted int     `json:"predicted"` // predicted triples counted: the precision denominator
	FP        int     `json:"fp"`        // predicted triples that match no gold item
	Precision float64 `json:"precision"` // (Predicted − FP) / Predicted, 0 when nothing was predicted
	Recall    float64 `json:"recall"`    // TP / Gold, 0 when there is no gold item
	F1        float64 `json:"f1"`        // harmonic mean of Precision and Recall
}

// Correct returns the number of predictions that match a gold item.
func (s Score) Correct() int { return s.Predicted - s.FP }

// finish computes the ratios from the counts.
func (s *Score) finish() {
	s.FN = s.Gold - s.TP
	s.Precision = ratio(s.Predicted-s.FP, s.Predicted)
	s.Recall = ratio(s.TP, s.Gold)
	s.F1 = f1(s.Precision, s.Recall)
}

// Scores holds one Score per row: direct items, coref items, and both.
type Scores struct {
	Direct Score `json:"direct"`
	Coref  Score `json:"coref"`
	All    Score `json:"all"`
}

// Miss is a required gold item that no prediction matched, with the
// reason: what the extractor gave in the anchor's sentence instead.
type Miss struct {
	Item
	Reason string `json:"reason"`
}

// Report is the outcome of scoring against a Gold.
type Report struct {
	Docs           []string      `json:"docs"`            // gold documents scored, sorted
	Unread         []string      `json:"unread"`          // gold documents without an extraction: not scored
	Ignored        int           `json:"ignored"`         // triples of documents the gold does not cover
	Strict         Scores        `json:"strict"`          // subject, object, anchor and predicate must match
	Pair           Scores        `json:"pair"`            // as Strict, but any predicate is accepted
	Misses         []Miss        `json:"misses"`          // required items not found (strict), by document and line
	FalsePositives []news.Triple `json:"false_positives"` // predictions matching no item (strict), by document in extraction order
}

// Score scores the extractions against the gold. Every extraction whose
// article the gold covers is scored, also one without triples; see
// ScoreTriples.
func (g *Gold) Score(exs []news.Extraction) *Report {
	docs := []string{} // not nil: no extraction means nothing was read
	texts := map[string]string{}
	var triples []news.Triple
	for _, ex := range exs {
		docs = append(docs, ex.Article.ID)
		texts[ex.Article.ID] = ex.Article.Text
		triples = append(triples, ex.Triples...)
	}
	return g.score(docs, triples, texts)
}

// ScoreTriples scores triples against the gold. docs are the ids of the
// articles that were extracted; gold documents among them (or named by a
// triple's Doc) are scored, the other gold documents are reported as
// Unread. A nil docs means every gold document was extracted.
func (g *Gold) ScoreTriples(docs []string, triples []news.Triple) *Report {
	return g.score(docs, triples, nil)
}

// score is ScoreTriples with the article texts, when known, used to tell
// an anchor missing from its article from one the extractor gave nothing
// for.
func (g *Gold) score(docs []string, triples []news.Triple, texts map[string]string) *Report {
	r := &Report{Docs: []string{}, Unread: []string{}, Misses: []Miss{}, FalsePositives: []news.Triple{}}
	read := map[string]bool{}
	if docs == nil {
		for d := range g.byDoc {
			read[d] = true
		}
	}
	for _, d := range docs {
		read[d] = read[d] || g.HasDoc(d)
	}
	preds := map[string][]news.Triple{}
	for _, t := range triples {
		if !g.HasDoc(t.Doc) {
			r.Ignored++
			continue
		}
		read[t.Doc] = true
		preds[t.Doc] = append(preds[t.Doc], t)
	}
	for _, d := range g.Docs() {
		if read[d] {
			r.Docs = append(r.Docs, d)
		} else {
			r.Unread = append(r.Unread, d)
		}
	}
	var strict, pair tally
	for _, doc := range r.Docs {
		text, ok := texts[doc]
		if ok {
			text = normText(text)
		}
		g.scoreDoc(r, docInput{preds[doc], g.byDoc[doc], text, ok}, &strict, &pair)
	}
	r.Strict = strict.scores()
	r.Pair = pair.scores()
	return r
}

// kindSet is a set of item kinds.
type kindSet uint8

func (s *kindSet) add(k Kind) { *s |= 1 << kindIndex(k) }

func (s kindSet) has(k Kind) bool { return s&(1<<kindIndex(k)) != 0 }

func kindIndex(k Kind) uint {
	switch k {
	case Direct:
		return 0
	case Coref:
		return 1
	}
	return 2
}

// tally accumulates counts for one Scores.
type tally struct {
	gold, found [3]int // by kindIndex
	// Predictions by the first class they fit: direct, coref, optional,
	// none.
	direct, coref, optional, none int
}

func (t *tally) item(k Kind, found bool) {
	t.gold[kindIndex(k)]++
	if found {
		t.found[kindIndex(k)]++
	}
}

func (t *tally) prediction(s kindSet) {
	switch {
	case s.has(Direct):
		t.direct++
	case s.has(Coref):
		t.coref++
	case s.has(Optional):
		t.optional++
	default:
		t.none++
	}
}

func (t *tally) scores() Scores {
	s := Scores{
		Direct: Score{Gold: t.gold[0], TP: t.found[0], Predicted: t.direct + t.optional + t.none, FP: t.none},
		Coref:  Score{Gold: t.gold[1], TP: t.found[1], Predicted: t.coref},
		All: Score{Gold: t.gold[0] + t.gold[1], TP: t.found[0] + t.found[1],
			Predicted: t.direct + t.coref + t.optional + t.none, FP: t.none},
	}
	s.Direct.finish()
	s.Coref.finish()
	s.All.finish()
	return s
}

// docInput is what scoreDoc needs of one document.
type docInput struct {
	ts      []news.Triple // its predictions
	idx     []int         // its gold items, as indexes into Gold.items
	text    string        // its normalised text, when known
	hasText bool
}

// scoreDoc scores the predictions of one document against its items.
func (g *Gold) scoreDoc(r *Report, d docInput, strict, pair *tally) {
	ts, idx := d.ts, d.idx
	sents := make([]string, len(ts))
	for k, t := range ts {
		sents[k] = normText(t.Sentence)
	}
	strictHit := make([]bool, len(idx))
	pairHit := make([]bool, len(idx))
	for k, t := range ts {
		var sk, pk kindSet
		for j, i := range idx {
			it := g.items[i]
			if !strings.Contains(sents[k], g.anchors[i]) || !g.pairMatches(t, it) {
				continue
			}
			pairHit[j] = true
			pk.add(it.Kind)
			if g.predicateMatches(t.Predicate, it.Predicates) {
				strictHit[j] = true
				sk.add(it.Kind)
			}
		}
		strict.prediction(sk)
		pair.prediction(pk)
		if sk == 0 {
			r.FalsePositives = append(r.FalsePositives, t)
		}
	}
	for j, i := range idx {
		it := g.items[i]
		if it.Kind == Optional {
			continue
		}
		strict.item(it.Kind, strictHit[j])
		pair.item(it.Kind, pairHit[j])
		if !strictHit[j] {
			reason := g.missReason(it, g.anchors[i], ts, sents)
			if d.hasText && !strings.Contains(d.text, g.anchors[i]) {
				reason = "the anchor is not in the article text"
			}
			r.Misses = append(r.Misses, Miss{Item: it, Reason: reason})
		}
	}
}

// missReason says what the extractor gave in the anchor's sentence
// instead of the item.
func (g *Gold) missReason(it Item, anchor string, ts []news.Triple, sents []string) string {
	var inSent, paired []string
	for k, t := range ts {
		if !strings.Contains(sents[k], anchor) {
			continue
		}
		inSent = append(inSent, fmt.Sprintf("%s %s %s", t.Subject, t.Predicate, t.Object))
		if g.pairMatches(t, it) {
			paired = append(paired, fmt.Sprintf("%q", t.Predicate))
		}
	}
	switch {
	case len(inSent) == 0:
		return "no triple from the anchor's sentence"
	case len(paired) == 0:
		return "no triple links the pair; the sentence gave: " + strings.Join(firstN(slices.Compact(inSent), 5), "; ")
	default:
		return fmt.Sprintf("pair found with predicate %s, not one of %s",
			strings.Join(slices.Compact(paired), ", "), strings.Join(it.Predicates, ", "))
	}
}

// firstN returns at most n elements of s, with "…" appended when some
// were left out.
func firstN(s []string, n int) []string {
	if len(s) <= n {
		return s
	}
	return append(slices.Clone(s[:n]), "…")
}

// ratio returns a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// f1 returns the harmonic mean of p and r, or 0 when both are 0.
func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
