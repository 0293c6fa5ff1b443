package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

// TestIngestBatchSameAsOneByOne: IngestBatch gives the statuses, errors
// and store that Ingest of each extraction in turn gives, whatever the
// batch holds: shared actors, edits of stored articles, an id twice,
// an invalid extraction, an article too large to share a transaction.
func TestIngestBatchSameAsOneByOne(t *testing.T) {
	many := make([]news.Extraction, 300) // more than one transaction
	for i := range many {
		many[i] = benchArticle(fmt.Sprintf("m%03d", i), i%3, 5+i%7)
	}
	invalid := article("bad", "2024-01-05", fact{S: "Putin", V: "meet", O: "Trump"})
	invalid.Triples[0].SubjectID = ""
	facts := make([]fact, 3400)
	for i := range facts {
		facts[i] = fact{S: fmt.Sprintf("Actor %d", i), V: strings.Repeat("v", 200), O: "NATO"}
	}
	big := article("big", "2024-01-01", facts[:1000]...) // over maxTxnBytes alone
	filler := article("filler", "2024-01-02", facts[:700]...)
	huge := article("huge", "2024-01-03", facts...) // fits a transaction only alone
	tests := []struct {
		name   string
		stored []news.Extraction // ingested one by one first
		batch  []news.Extraction
		errIs  error // the error the batch (and one by one) ends with
	}{
		{name: "new articles, shared actors", batch: []news.Extraction{a1, a2, a3}},
		{name: "many, several transactions", batch: many},
		{name: "edits and unchanged", stored: []news.Extraction{a1, a2}, batch: []news.Extraction{a1Edited, a2, a3}},
		{name: "an id twice, same content", batch: []news.Extraction{a1, a2, a1}},
		{name: "an id twice, edited", batch: []news.Extraction{a1, a2, a1Edited, a3}},
		{name: "invalid in the middle", batch: []news.Extraction{a1, a2, invalid, a3}, errIs: ErrInvalid},
		{name: "large articles", batch: []news.Extraction{a1, big, a2, withID(big, "big2"), a3}},
		{name: "an article that fits alone only", batch: []news.Extraction{a1, filler, huge, a2}},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			one, batch := openMem(t), openMem(t)
			for _, ex := range tt.stored {
				mustIngest(t, one, ex)
				mustIngest(t, batch, ex)
			}
			var want []Status
			var wantErr error
			for _, ex := range tt.batch {
				st, err := one.Ingest(ctx, ex)
				if err != nil {
					wantErr = err
					break
				}
				want = append(want, st)
			}
			got, err := batch.IngestBatch(ctx, tt.batch)
			if !slices.Equal(got, want) {
				t.Errorf("statuses %v, want %v", got, want)
			}
			if (err == nil) != (wantErr == nil) || (tt.errIs != nil && !errors.Is(err, tt.errIs)) {
				t.Errorf("error %v, want %v", err, wantErr)
			}
			if diff := cmp.Diff(snap(t, one), snap(t, batch)); diff != "" {
				t.Errorf("store differs from one by one (-one +batch):\n%s", diff)
			}
			mustCheck(t, batch)
		})
	}
}

// withID returns ex as the extraction of article id.
func withID(ex news.Extraction, id string) news.Extraction {
	ex.Article.ID = id
	ex.Triples = slices.Clone(ex.Triples)
	for i := range ex.Triples {
		ex.Triples[i].Doc = id
	}
	ex.Mentions = slices.Clone(ex.Mentions)
	for i := range ex.Mentions {
		ex.Mentions[i].Doc = id
	}
	return ex
}

// TestIngestBatchCancelled: a cancelled context stores nothing more.
func TestIngestBatchCancelled(t *testing.T) {
	s := openMem(t)
	mustIngest(t, s, a1)
	before := snap(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if sts, err := s.IngestBatch(ctx, []news.Extraction{a2, a3}); !errors.Is(err, context.Canceled) || len(sts) != 0 {
		t.Errorf("IngestBatch = %v, %v; want nothing and context.Canceled", sts, err)
	}
	if diff := cmp.Diff(before, snap(t, s)); diff != "" {
		t.Errorf("store changed (-before +after):\n%s", diff)
	}
}

// TestTxnLimitsFitBadger: IngestBatch closes a transaction well before
// badger's own limits (15% of a memtable, in bytes and in keys), so that
// a batch of ordinary articles is never written twice (see splitError).
// It fails when badgerOptions' memtable shrinks below what maxTxnBytes and
// maxTxnKeys assume.
func TestTxnLimitsFitBadger(t *testing.T) {
	tests := []struct {
		name string
		open func(t testing.TB) *Store
	}{
		{"in memory", openMem},
		{"on disk", func(t testing.TB) *Store {
			s, err := Open(t.TempDir(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			if _, err := s.Ingest(context.Background(), a1); err != nil { // opens the new generation
				t.Fatal(err)
			}
			if err := s.readable(); err != nil { // ends the bulk load: writes go through transactions
				t.Fatal(err)
			}
			return s
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := tt.open(t).bdb()
			// Room for the aggregates finish writes and for the article
			// that crosses the mark: half of badger's limit.
			if maxBytes := db.MaxBatchSize(); 2*maxTxnBytes > maxBytes {
				t.Errorf("maxTxnBytes = %d, more than half of badger's %d", maxTxnBytes, maxBytes)
			}
			if maxKeys := db.MaxBatchCount(); 2*maxTxnKeys > maxKeys {
				t.Errorf("maxTxnKeys = %d, more than half of badger's %d", maxTxnKeys, maxKeys)
			}
		})
	}
}
