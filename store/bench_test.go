package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/news"
)

// benchArticle builds article id with n triples among a pool of 200 actors
// plus a hub ("Russia") in every other triple, like a news corpus.
func benchArticle(id string, version, n int) news.Extraction {
	facts := make([]fact, n)
	for i := range facts {
		s := fmt.Sprintf("Actor %d", (len(id)*31+i*7+version)%200)
		o := "Russia"
		if i%2 == 1 {
			o = fmt.Sprintf("Actor %d", (i*13+version)%200)
		}
		facts[i] = fact{S: s, V: "meet", O: o}
	}
	ex := article(id, fmt.Sprintf("2024-%02d-%02d", version%12+1, n%28+1), facts...)
	ex.Article.Title = fmt.Sprintf("version %d", version)
	return ex
}

// BenchmarkIngest measures ingest into an on-disk store in triples/s: new
// articles, unchanged re-ingests (a read only) and changed articles (replace
// in one transaction), one Ingest an article, and new and changed articles
// with IngestBatch, as a build stores them. New articles go into a new
// store, loaded in bulk (bulk.go; its end is timed too), or, in
// new-batch-txn, through transactions.
func BenchmarkIngest(b *testing.B) {
	const triplesPerArticle = 20
	ctx := context.Background()
	open := func(b *testing.B) *Store {
		s, err := Open(b.TempDir(), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s
	}
	ingest := func(b *testing.B, s *Store, ex news.Extraction, want Status) {
		if st, err := s.Ingest(ctx, ex); err != nil || st != want {
			b.Fatalf("Ingest = %v, %v; want %v", st, err, want)
		}
	}
	report := func(b *testing.B) {
		b.ReportMetric(float64(b.N*triplesPerArticle)/b.Elapsed().Seconds(), "triples/s")
	}

	b.Run("new", func(b *testing.B) {
		s := open(b)
		exs := make([]news.Extraction, b.N)
		for i := range exs {
			exs[i] = benchArticle(fmt.Sprintf("article-%d", i), 0, triplesPerArticle)
		}
		b.ResetTimer()
		for i := range b.N {
			ingest(b, s, exs[i], New)
		}
		endBulk(b, s)
		report(b)
	})
	// batch is how ingest.Run stores a bulk load: IngestBatch of batchSize
	// articles at a time.
	const batchSize = 64
	ingestBatches := func(b *testing.B, s *Store, exs []news.Extraction, want Status) {
		for len(exs) > 0 {
			n := min(batchSize, len(exs))
			sts, err := s.IngestBatch(ctx, exs[:n])
			if err != nil || len(sts) != n {
				b.Fatalf("IngestBatch = %d statuses, %v; want %d", len(sts), err, n)
			}
			for _, st := range sts {
				if st != want {
					b.Fatalf("IngestBatch status %v, want %v", st, want)
				}
			}
			exs = exs[n:]
		}
	}
	b.Run("new-batch", func(b *testing.B) {
		s := open(b)
		exs := make([]news.Extraction, b.N)
		for i := range exs {
			exs[i] = benchArticle(fmt.Sprintf("article-%d", i), 0, triplesPerArticle)
		}
		b.ResetTimer()
		ingestBatches(b, s, exs, New)
		endBulk(b, s)
		report(b)
	})
	b.Run("new-batch-txn", func(b *testing.B) {
		s := open(b)
		endBulk(b, s)
		exs := make([]news.Extraction, b.N)
		for i := range exs {
			exs[i] = benchArticle(fmt.Sprintf("article-%d", i), 0, triplesPerArticle)
		}
		b.ResetTimer()
		ingestBatches(b, s, exs, New)
		report(b)
	})
	b.Run("changed-batch", func(b *testing.B) {
		s := open(b)
		exs := make([]news.Extraction, b.N)
		edits := make([]news.Extraction, b.N)
		for i := range exs {
			id := fmt.Sprintf("article-%d", i)
			exs[i] = benchArticle(id, 0, triplesPerArticle)
			edits[i] = benchArticle(id, 1, triplesPerArticle)
		}
		ingestBatches(b, s, exs, New)
		endBulk(b, s)
		b.ResetTimer()
		ingestBatches(b, s, edits, Changed)
		report(b)
	})
	b.Run("unchanged", func(b *testing.B) {
		s := open(b)
		ex := benchArticle("article", 0, triplesPerArticle)
		ingest(b, s, ex, New)
		endBulk(b, s)
		b.ResetTimer()
		for range b.N {
			ingest(b, s, ex, Unchanged)
		}
		report(b)
	})
	b.Run("changed", func(b *testing.B) {
		// Each article changes once: badger keeps old versions of a key
		// until compaction, so replacing one article over and over would
		// measure skipping its tombstones rather than a realistic edit.
		s := open(b)
		edits := make([]news.Extraction, b.N)
		for i := range edits {
			id := fmt.Sprintf("article-%d", i)
			ingest(b, s, benchArticle(id, 0, triplesPerArticle), New)
			edits[i] = benchArticle(id, 1, triplesPerArticle)
		}
		endBulk(b, s)
		b.ResetTimer()
		for i := range b.N {
			ingest(b, s, edits[i], Changed)
		}
		report(b)
	})
}

// endBulk ends the bulk load of a new store (see bulk.go): what follows
// goes through transactions.
func endBulk(b *testing.B, s *Store) {
	if err := s.readable(); err != nil {
		b.Fatal(err)
	}
}
