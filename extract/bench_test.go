package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/source"
	"github.com/newsgraph/newsgraph/internal/sample"
	"github.com/newsgraph/newsgraph/news"
)

// BenchmarkExtract extracts the built-in sample corpus and reports words per
// second of one goroutine (so words per CPU-second). Each round reads the
// corpus once with a new Extractor: the whole corpus is new text to it.
func BenchmarkExtract(b *testing.B) {
	var arts []news.Article
	err := source.ReadFS(context.Background(), sample.Articles, ".", source.Options{}, func(a news.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
	}
	b.ResetTimer()
	for range b.N {
		// A new Extractor each round, so that what it caches from one
		// round does not make the next one faster than new text would be.
		b.StopTimer()
		x, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, a := range arts {
			if _, err := x.Extract(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
