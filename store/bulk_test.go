package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/ristretto/v2/z"

	"github.com/newsgraph/newsgraph/news"
)

// TestSorter sorts pairs through several runs and the buffer, keys sharing
// long prefixes included, and refuses a key given twice.
func TestSorter(t *testing.T) {
	for _, tt := range []struct{ limit, segment int }{{64, 1 << 14}, {1 << 10, 1 << 14}, {1 << 20, 1 << 14}, {1 << 20, 100}, {4 << 10, 7}} {
		limit := tt.limit
		t.Run(fmt.Sprint(limit, "/", tt.segment), func(t *testing.T) {
			s := newSorter(t.TempDir(), "run", limit)
			s.segment = tt.segment
			defer s.remove()
			rng := rand.New(rand.NewPCG(1, uint64(limit)))
			want := map[string]string{}
			for len(want) < 2000 {
				k := fmt.Sprintf("%s%d", strings.Repeat("k", rng.IntN(12)), rng.IntN(1_000_000))
				if _, ok := want[k]; ok {
					continue
				}
				v := strings.Repeat("v", rng.IntN(40))
				want[k] = v
				if err := s.add([]byte(k), []byte(v)); err != nil {
					t.Fatal(err)
				}
			}
			if limit < 1<<20 && len(s.runs) < 2 {
				t.Errorf("%d runs, want several", len(s.runs))
			}
			if tt.segment < 1000 && len(s.segs) < 2 {
				t.Errorf("%d sorted segments in the buffer, want several", len(s.segs))
			}
			var keys []string
			err := s.merge(func(k, v []byte) error {
				if want[string(k)] != string(v) {
					t.Errorf("key %q: value %q, want %q", k, v, want[string(k)])
				}
				keys = append(keys, string(k))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(keys) != len(want) || !slices.IsSorted(keys) {
				t.Errorf("merge gave %d keys (sorted: %v), want %d sorted", len(keys), slices.IsSorted(keys), len(want))
			}
		})
	}
	t.Run("memory", func(t *testing.T) {
		// Pairs larger than a chunk, a larger one where a smaller chunk
		// is reused after a run, and records past their first mappings:
		// the sorter's own memory (mapPages) is unmapped without error.
		s := newSorter(t.TempDir(), "run", 4*sortChunk)
		defer s.remove()
		want := map[string]int{}
		for i := range 20_000 {
			n := 10
			switch i {
			case 5_000:
				n = sortChunk + 1
			case 15_000:
				n = 3 * sortChunk
			}
			k := fmt.Sprintf("key%06d", (i*7919)%20_000)
			want[k] = n
			if err := s.add([]byte(k), bytes.Repeat([]byte{byte(i)}, n)); err != nil {
				t.Fatal(err)
			}
		}
		if len(s.runs) == 0 {
			t.Fatal("no run written; want the buffer reused")
		}
		got := 0
		if err := s.merge(func(k, v []byte) error {
			if len(v) != want[string(k)] {
				t.Errorf("key %q: %d bytes, want %d", k, len(v), want[string(k)])
			}
			got++
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if got != len(want) {
			t.Errorf("merge gave %d pairs, want %d", got, len(want))
		}
		s2 := newSorter(t.TempDir(), "run", 1<<30)
		for i := range 20_000 { // several growths of the records
			if err := s2.add(fmt.Appendf(nil, "%d", i), nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := s2.free(); err != nil {
			t.Errorf("free: %v", err)
		}
		if err := s.free(); err != nil {
			t.Errorf("free after merge: %v", err)
		}
	})
	t.Run("key twice", func(t *testing.T) {
		s := newSorter(t.TempDir(), "run", 16)
		s.segment = 2
		defer s.remove()
		for _, k := range []string{"b", "a", "c", "a"} {
			if err := s.add([]byte(k), []byte("value")); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.merge(func(k, v []byte) error { return nil }); err == nil || !strings.Contains(err.Error(), "twice") {
			t.Errorf("merge = %v, want a key given twice", err)
		}
	})
}

// randomArticles returns n generated extractions: actors with several
// surface forms, dated and undated articles, and quotes.
func randomArticles(n int, seed uint64) []news.Extraction {
	rng := rand.New(rand.NewPCG(seed, 7))
	people := []string{"Vladimir Putin", "Donald Trump", "Joe Biden", "Volodymyr Zelensky", "Emmanuel Macron",
		"Olaf Scholz", "Xi Jinping", "Recep Erdogan", "Keir Starmer", "Ursula von der Leyen"}
	actors := append(slices.Clone(people), "Russia", "Ukraine", "United States", "Kremlin", "NATO", "European Union")
	verbs := []string{"meet", "threaten", "criticize", "praise", "call", "sanction", "accuse"}
	out := make([]news.Extraction, n)
	for i := range out {
		date := ""
		if rng.IntN(5) > 0 {
			date = fmt.Sprintf("2024-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
		}
		facts := make([]fact, 1+rng.IntN(12))
		for j := range facts {
			s, o := actors[rng.IntN(len(actors))], actors[rng.IntN(len(actors))]
			f := fact{S: s, V: verbs[rng.IntN(len(verbs))], O: o}
			if rng.IntN(3) == 0 && strings.Contains(s, " ") {
				f.SText = s[strings.LastIndex(s, " ")+1:]
			}
			facts[j] = f
		}
		ex := article(fmt.Sprintf("art-%04d", rng.IntN(100*n)*100+i), date, facts...)
		for q := range rng.IntN(3) {
			ex.Quotes = append(ex.Quotes, said(people[rng.IntN(len(people))], fmt.Sprintf("remark %d", q), q, date))
		}
		out[i] = ex
	}
	return out
}

// dump returns every key and value of the store published in dir, in key
// order.
func dump(t *testing.T, dir string) []string {
	t.Helper()
	s, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out []string
	err = s.bdb().View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out = append(out, fmt.Sprintf("%q = %x", it.Item().Key(), v))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBulkLoadMatchesTransactions: a new store loaded in bulk holds exactly
// the keys and values that the same ingests write through transactions,
// whether the load runs to Commit, ends midway because something reads,
// or ends because an article comes again with other content; and the
// statuses are the same.
func TestBulkLoadMatchesTransactions(t *testing.T) {
	ctx := context.Background()
	exs := randomArticles(300, 1)
	again := exs[10]                   // the same content: Unchanged
	changed := randomArticles(1, 2)[0] // other content under exs[20]'s id
	changed.Article.ID = exs[20].Article.ID
	for i := range changed.Triples {
		changed.Triples[i].Doc = changed.Article.ID
	}
	for i := range changed.Mentions {
		changed.Mentions[i].Doc = changed.Article.ID
	}
	batches := [][]news.Extraction{exs[:100], exs[100:200], {again}, exs[200:250], {changed}, exs[250:]}

	load := func(t *testing.T, bulk bool, readAfter, streamBytes int) ([]Status, []string) {
		dir := t.TempDir()
		s, err := Open(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		s.runBytes = 4 << 10 // several runs
		s.streamBytes = streamBytes
		if s.bulk.Load() == nil {
			t.Fatal("a new store does not load in bulk")
		}
		if !bulk {
			if err := s.readable(); err != nil {
				t.Fatal(err)
			}
		}
		var statuses []Status
		for i, b := range batches {
			if i == readAfter {
				if _, err := s.Counts(ctx); err != nil {
					t.Fatal(err)
				}
			}
			st, err := s.IngestBatch(ctx, b)
			if err != nil {
				t.Fatal(err)
			}
			statuses = append(statuses, st...)
		}
		if err := s.Check(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dir, s.nextName, bulkDir)); !os.IsNotExist(err) {
			t.Errorf("the runs' folder is left: %v", err)
		}
		return statuses, dump(t, dir)
	}
	wantStatuses, want := load(t, false, -1, 0)
	for _, c := range []struct{ readAfter, streamBytes int }{{-1, 0}, {1, 0}, {3, 0}, {-1, 2 << 10}} {
		name := fmt.Sprintf("read after batch %d", c.readAfter)
		if c.streamBytes > 0 {
			name += fmt.Sprintf(", streams of %d bytes", c.streamBytes)
		}
		t.Run(name, func(t *testing.T) {
			statuses, got := load(t, true, c.readAfter, c.streamBytes)
			if !slices.Equal(statuses, wantStatuses) {
				t.Errorf("statuses %v, want %v", statuses, wantStatuses)
			}
			if !slices.Equal(got, want) {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Fatalf("%d keys, want %d; first difference at %d:\n got %s\nwant %s", len(got), len(want), i, got[i], want[i])
					}
				}
				t.Fatalf("%d keys, want %d", len(got), len(want))
			}
		})
	}
}

// TestAppendKV: the pairs and stream ends a bulk load hands the
// StreamWriter are encoded as badger encodes them.
func TestAppendKV(t *testing.T) {
	tests := []struct {
		kv   *pb.KV
		done bool
	}{
		{kv: &pb.KV{Key: []byte("a"), Value: []byte("v"), Version: 1, StreamId: 1}},
		{kv: &pb.KV{Key: []byte("key"), Version: 1, StreamId: 300}},
		{kv: &pb.KV{Key: bytes.Repeat([]byte("k"), 200), Value: bytes.Repeat([]byte("v"), 70000), Version: 1, StreamId: 1 << 20}},
		{kv: &pb.KV{StreamId: 1, StreamDone: true}, done: true},
		{kv: &pb.KV{StreamId: 1 << 30, StreamDone: true}, done: true},
	}
	for _, tt := range tests {
		want := z.NewBuffer(1<<10, "test")
		defer want.Release()
		badger.KVToBuffer(tt.kv, want)
		got := z.NewBuffer(1<<10, "test")
		defer got.Release()
		if tt.done {
			appendStreamDone(got, tt.kv.StreamId)
		} else {
			appendKV(got, tt.kv.Key, tt.kv.Value, tt.kv.StreamId)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%v: got %x, want %x", tt.kv, got.Bytes(), want.Bytes())
		}
	}
}

// TestBulkLoadAnswers: during a bulk load ArticleStored answers from what
// was loaded, and Close without Commit leaves nothing behind.
func TestBulkLoadAnswers(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	exs := randomArticles(20, 3)
	if _, err := s.IngestBatch(ctx, exs); err != nil {
		t.Fatal(err)
	}
	if s.bulk.Load() == nil {
		t.Fatal("no bulk load")
	}
	if ok, err := s.ArticleStored(exs[3].Article.ID, exs[3].Key()); err != nil || !ok {
		t.Errorf("ArticleStored(its key) = %v, %v; want true", ok, err)
	}
	if ok, _ := s.ArticleStored(exs[3].Article.ID, exs[4].Key()); ok {
		t.Error("ArticleStored(another key) = true")
	}
	if ok, _ := s.ArticleStored("unknown", exs[3].Key()); ok {
		t.Error("ArticleStored(unknown) = true")
	}
	if s.bulk.Load() == nil {
		t.Error("ArticleStored ended the bulk load")
	}
	gen := filepath.Join(dir, s.nextName)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(gen); !os.IsNotExist(err) {
		t.Errorf("Close left %s: %v", gen, err)
	}
	if _, err := Open(dir, Options{ReadOnly: true}); err == nil {
		t.Error("a store was published")
	}
}

// TestBulkLoadTooLarge: an article one transaction could not hold is
// refused in a bulk load too, and the articles before it are kept.
func TestBulkLoadTooLarge(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openDisk(t, dir)
	var facts []fact
	for i := range 8000 {
		facts = append(facts, fact{S: "Vladimir Putin", V: "meet", O: fmt.Sprintf("Leader %d", i)})
	}
	exs := []news.Extraction{randomArticles(1, 4)[0], article("huge", "2024-01-01", facts...)}
	st, err := s.IngestBatch(ctx, exs)
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("huge")) || len(st) != 1 {
		t.Fatalf("IngestBatch = %v, %v; want one stored and an error naming huge", st, err)
	}
	if c := commitCounts(t, s, dir); c.Articles != 1 {
		t.Errorf("Counts = %+v, want 1 article", c)
	}
}

// TestBulkLoadInvalid: an invalid extraction in a bulk load stops the batch
// there, with an error wrapping ErrInvalid, and keeps the articles before
// it, as a transaction would.
func TestBulkLoadInvalid(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openDisk(t, dir)
	exs := randomArticles(3, 5)
	exs[1].Article.ID = ""
	st, err := s.IngestBatch(ctx, exs)
	if !errors.Is(err, ErrInvalid) || len(st) != 1 || st[0] != New {
		t.Fatalf("IngestBatch = %v, %v; want [new] and an error wrapping ErrInvalid", st, err)
	}
	if c := commitCounts(t, s, dir); c.Articles != 1 {
		t.Errorf("Counts = %+v, want 1 article", c)
	}
	if err := openDisk(t, dir, Options{ReadOnly: true}).Check(ctx); err != nil {
		t.Error(err)
	}
}

// TestBulkLoadDelete: DeleteArticle during a bulk load ends it and deletes
// from what it loaded.
func TestBulkLoadDelete(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openDisk(t, dir)
	exs := randomArticles(5, 6)
	if _, err := s.IngestBatch(ctx, exs); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticle(ctx, exs[2].Article.ID); err != nil {
		t.Fatal(err)
	}
	if s.bulk.Load() != nil {
		t.Error("the bulk load goes on after a deletion")
	}
	if err := s.DeleteArticle(ctx, "unknown"); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteArticle(unknown) = %v, want ErrNotFound", err)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Counts(ctx); err != nil || c.Articles != 4 {
		t.Errorf("Counts = %+v, %v; want 4 articles", c, err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
}

// commitCounts commits s and returns the counts of the store it published
// in dir.
func commitCounts(t *testing.T, s *Store, dir string) Counts {
	t.Helper()
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	c, err := openDisk(t, dir, Options{ReadOnly: true}).Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// openDisk opens the store in dir, a writer unless opts says otherwise,
// closed at the end of the test.
func openDisk(t *testing.T, dir string, opts ...Options) *Store {
	t.Helper()
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	s, err := Open(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestBulkLoadCounts: Counts at the end of a bulk load answers what the
// load wrote without reopening the generation (as a build asks just
// before it commits), and the next read or write reopens it.
func TestBulkLoadCounts(t *testing.T) {
	ctx := context.Background()
	exs := randomArticles(40, 8)
	// The counts of the same articles written through transactions.
	ref := openDisk(t, t.TempDir())
	if err := ref.readable(); err != nil {
		t.Fatal(err)
	}
	if _, err := ref.IngestBatch(ctx, exs); err != nil {
		t.Fatal(err)
	}
	want, err := ref.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}

	for _, then := range []string{"commit", "read", "write"} {
		t.Run(then, func(t *testing.T) {
			dir := t.TempDir()
			s := openDisk(t, dir)
			// Before anything is loaded: zero, and the load goes on.
			if got, err := s.Counts(ctx); err != nil || got != (Counts{}) || s.bulk.Load() == nil {
				t.Fatalf("Counts of the new store = %+v, %v, bulk load going on %v; want zero and true", got, err, s.bulk.Load() != nil)
			}
			if _, err := s.IngestBatch(ctx, exs); err != nil {
				t.Fatal(err)
			}
			if got, err := s.Counts(ctx); err != nil || got != want {
				t.Fatalf("Counts = %+v, %v; want %+v", got, err, want)
			}
			if s.bulk.Load() != nil || !s.reopenDue.Load() {
				t.Fatalf("after Counts: bulk load going on %v, reopen due %v; want false, true", s.bulk.Load() != nil, s.reopenDue.Load())
			}
			switch then {
			case "read":
				if ok, err := s.ArticleStored(exs[0].Article.ID, exs[0].Key()); err != nil || !ok {
					t.Fatalf("ArticleStored = %v, %v", ok, err)
				}
			case "write":
				if err := s.DeleteArticle(ctx, exs[0].Article.ID); err != nil {
					t.Fatal(err)
				}
				want.Articles-- // only checked below
			}
			if then != "commit" && s.reopenDue.Load() {
				t.Errorf("a %s did not reopen the generation", then)
			}
			if err := s.Commit(); err != nil {
				t.Fatal(err)
			}
			r := openDisk(t, dir, Options{ReadOnly: true})
			if err := r.Check(ctx); err != nil {
				t.Fatal(err)
			}
			if got, err := r.Counts(ctx); err != nil || got.Articles != want.Articles {
				t.Errorf("published Counts = %+v, %v; want %d articles", got, err, want.Articles)
			}
			if then == "write" {
				want.Articles++
			}
		})
	}
}

// TestBulkLoadEmpty: a new store committed without a single article is a
// valid empty store with its format version.
func TestBulkLoadEmpty(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openDisk(t, dir)
	if c, err := s.Counts(ctx); err != nil || c != (Counts{}) {
		t.Fatalf("Counts = %+v, %v; want zero", c, err)
	}
	if c := commitCounts(t, s, dir); c != (Counts{}) {
		t.Errorf("published Counts = %+v, want zero", c)
	}
	if got := dump(t, dir); len(got) != 2 {
		t.Errorf("keys %q, want the format version and the counts", got)
	}
}

// TestTxnLimits: txnLimits gives the limits badger computes when it opens
// a database with the writer's usual options.
func TestTxnLimits(t *testing.T) {
	o := badgerOptions(t.TempDir(), Options{})
	db, err := openBadger(o)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count, size := txnLimits(o)
	if count != db.MaxBatchCount() || size != db.MaxBatchSize() {
		t.Errorf("txnLimits = %d keys, %d bytes; badger's are %d, %d", count, size, db.MaxBatchCount(), db.MaxBatchSize())
	}
}
