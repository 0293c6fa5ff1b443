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
// second of one goroutine (so words per CPU-second).
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
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		for _, a := range arts {
			if _, err := x.Extract(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
