package prosemodel

import (
	"slices"
	"testing"

	prosetoken "github.com/jdkato/prose/v3/token"

	"github.com/newsgraph/newsgraph/bench/gen/newsgen"
)

// benchSentences returns the tokenised sentences of 20 generated articles,
// tagged by prose.
func benchSentences(b *testing.B, r *reference) [][]prosetoken.Token {
	b.Helper()
	g := newsgen.New(newsgen.Config{Seed: 11, Articles: 20})
	var out [][]prosetoken.Token
	for i := range 20 {
		a := g.Article(i)
		for _, s := range r.segmenter.Segment(a.Text) {
			tokens := r.tokenizer.Tokenize(s.Text)
			r.tagger.TagTokens(tokens)
			out = append(out, tokens)
		}
	}
	return out
}

// benchModel runs label over every sentence per iteration and reports
// tokens per second.
func benchModel(b *testing.B, label func([]prosetoken.Token)) {
	r := newReference(b)
	sentences := benchSentences(b, r)
	work := make([][]prosetoken.Token, len(sentences))
	n := 0
	for i, s := range sentences {
		work[i] = slices.Clone(s)
		n += len(s)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range work {
			label(s)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// The four benchmarks compare the models here with prose's own on the
// same sentences (go test -bench . ./extract/prosemodel).
func BenchmarkTagger(b *testing.B) {
	t, err := EnglishTagger()
	if err != nil {
		b.Fatal(err)
	}
	benchModel(b, t.TagTokens)
}

func BenchmarkTaggerProse(b *testing.B) {
	benchModel(b, newReference(b).tagger.TagTokens)
}

func BenchmarkEntities(b *testing.B) {
	m, err := EnglishEntities()
	if err != nil {
		b.Fatal(err)
	}
	benchModel(b, m.Label)
}

func BenchmarkEntitiesProse(b *testing.B) {
	benchModel(b, newReference(b).entities.Label)
}

// BenchmarkLoad decodes both English models and builds their tables, the
// start-up cost EnglishTagger and EnglishEntities pay once per process.
func BenchmarkLoad(b *testing.B) {
	tagger, entities := taggerData(), entityData()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newTagger(tagger, nil); err != nil {
			b.Fatal(err)
		}
		if _, err := newEntityModel(entities, nil); err != nil {
			b.Fatal(err)
		}
	}
}
