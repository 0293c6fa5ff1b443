package source

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/bench/gen/newsgen"
	"github.com/newsgraph/newsgraph/news"
)

// BenchmarkReadJSONL reads 1,000 generated articles from JSON Lines, the
// whole of a no-change build's work but for the store's lookups.
func BenchmarkReadJSONL(b *testing.B) {
	path := filepath.Join(b.TempDir(), "corpus.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := newsgen.New(newsgen.Config{Seed: 3, Articles: 1000}).WriteJSONL(context.Background(), f); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := Read(context.Background(), []string{path}, Options{}, func(news.Article) error { n++; return nil })
		if err != nil || n != 1000 {
			b.Fatalf("%d articles, %v", n, err)
		}
	}
}
