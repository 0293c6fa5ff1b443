package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/news"
	"github.com/newsgraph/newsgraph/store"
)

// fakeExtractor makes one triple per article, slower for early articles so
// that workers finish out of order.
type fakeExtractor struct{ fail string }

func (f fakeExtractor) Extract(ctx context.Context, a news.Article) (news.Extraction, error) {
	if a.ID == f.fail {
		return news.Extraction{}, errors.New("boom")
	}
	if a.ID == "a0" {
		time.Sleep(20 * time.Millisecond)
	}
	return news.Extraction{Article: a, Triples: []news.Triple{{Doc: a.ID, SubjectID: "x", ObjectID: "y"}}}, nil
}

// fakeStore records the order of ingests.
type fakeStore struct {
	mu      sync.Mutex
	hashes  map[string]string
	order   []string
	batches []int // the size of each IngestBatch call
}

func (s *fakeStore) ArticleStored(id, key string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h, ok := s.hashes[id]
	return ok && h == key, nil
}

func (s *fakeStore) IngestBatch(ctx context.Context, exs []news.Extraction) ([]store.Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.batches = append(s.batches, len(exs))
	var out []store.Status
	for _, ex := range exs {
		s.order = append(s.order, ex.Article.ID)
		_, had := s.hashes[ex.Article.ID]
		s.hashes[ex.Article.ID] = ex.Key()
		if had {
			out = append(out, store.Changed)
		} else {
			out = append(out, store.New)
		}
	}
	return out, nil
}

func articles(n int, text string) Articles {
	return func(yield func(news.Article) error) error {
		for i := range n {
			if err := yield(news.Article{ID: fmt.Sprintf("a%d", i), Text: text}); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestRunOrderAndIncrements(t *testing.T) {
	st := &fakeStore{hashes: map[string]string{}}
	opts := Options{Workers: 4, NewExtractor: func() (Extractor, error) { return fakeExtractor{}, nil }}
	sum, err := Run(context.Background(), articles(10, "v1"), st, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 10 || sum.New != 10 || sum.Triples != 10 {
		t.Errorf("first run: %+v", sum)
	}
	for i, id := range st.order {
		if id != fmt.Sprintf("a%d", i) {
			t.Fatalf("stored out of input order: %v", st.order)
		}
	}
	sum, err = Run(context.Background(), articles(10, "v1"), st, opts)
	if err != nil || sum.Unchanged != 10 || sum.New+sum.Changed != 0 {
		t.Errorf("same input again: %+v, %v; want all unchanged", sum, err)
	}
	sum, err = Run(context.Background(), articles(10, "v2"), st, opts)
	if err != nil || sum.Changed != 10 {
		t.Errorf("edited input: %+v, %v; want all changed", sum, err)
	}
}

func TestRunStopsOnError(t *testing.T) {
	st := &fakeStore{hashes: map[string]string{}}
	opts := Options{Workers: 2, NewExtractor: func() (Extractor, error) { return fakeExtractor{fail: "a5"}, nil }}
	sum, err := Run(context.Background(), articles(50, "x"), st, opts)
	if err == nil || sum.New != 5 {
		t.Fatalf("got %+v, %v; want an error after 5 stored articles", sum, err)
	}
	readErr := errors.New("disk gone")
	_, err = Run(context.Background(), func(yield func(news.Article) error) error { return readErr }, st, opts)
	if !errors.Is(err, readErr) {
		t.Errorf("reader error not returned: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, articles(50, "y"), st, opts); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v, want context.Canceled", err)
	}
}

func TestRunBatches(t *testing.T) {
	tests := []struct {
		name  string
		batch int
		max   int // the largest batch allowed
	}{
		{"default", 0, DefaultBatch},
		{"one at a time", 1, 1},
		{"five", 5, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &fakeStore{hashes: map[string]string{}}
			opts := Options{Workers: 2, Batch: tt.batch, NewExtractor: func() (Extractor, error) { return fakeExtractor{}, nil }}
			sum, err := Run(context.Background(), articles(200, "v1"), st, opts)
			if err != nil || sum.New != 200 || sum.Triples != 200 {
				t.Fatalf("Run = %+v, %v; want 200 new", sum, err)
			}
			total := 0
			for _, n := range st.batches {
				if n < 1 || n > tt.max {
					t.Errorf("a batch of %d articles, want 1 to %d", n, tt.max)
				}
				total += n
			}
			if total != 200 {
				t.Errorf("batches hold %d articles, want 200", total)
			}
			for i, id := range st.order {
				if id != fmt.Sprintf("a%d", i) {
					t.Fatalf("stored out of input order: %v", st.order)
				}
			}
		})
	}
}

// rulesExtractor makes one triple per article and names its rules.
type rulesExtractor struct{ rules string }

func (r rulesExtractor) Extract(ctx context.Context, a news.Article) (news.Extraction, error) {
	ex, err := fakeExtractor{}.Extract(ctx, a)
	ex.Rules = r.rules
	return ex, err
}

// TestRunNewRules checks on a real store that unchanged articles are
// skipped under the same rules and extracted again under new ones.
func TestRunNewRules(t *testing.T) {
	st, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	run := func(rules string) Summary {
		t.Helper()
		opts := Options{Workers: 2, Rules: rules, NewExtractor: func() (Extractor, error) { return rulesExtractor{rules}, nil }}
		sum, err := Run(context.Background(), articles(5, "same text"), st, opts)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	tests := []struct {
		rules                     string
		isNew, changed, unchanged int
	}{
		{"r1", 5, 0, 0},
		{"r1", 0, 0, 5},
		{"r2", 0, 5, 0},
		{"r2", 0, 0, 5},
	}
	for i, tt := range tests {
		sum := run(tt.rules)
		if sum.New != tt.isNew || sum.Changed != tt.changed || sum.Unchanged != tt.unchanged {
			t.Errorf("run %d with rules %s: new %d changed %d unchanged %d; want %d %d %d",
				i+1, tt.rules, sum.New, sum.Changed, sum.Unchanged, tt.isNew, tt.changed, tt.unchanged)
		}
	}
}

// TestExtractTo: the encodings come out in input order whatever the
// workers, an encoding error names its article and stops the output
// there, and a writer's error is returned.
func TestExtractTo(t *testing.T) {
	encode := func(buf []byte, ex news.Extraction) ([]byte, error) {
		if ex.Article.ID == "a7" && ex.Article.Text == "bad" {
			return nil, errors.New("cannot encode")
		}
		for _, tr := range ex.Triples {
			buf = fmt.Appendf(buf, "%s %s %s\n", tr.Doc, tr.SubjectID, tr.ObjectID)
		}
		return buf, nil
	}
	var want strings.Builder
	for i := range 30 {
		fmt.Fprintf(&want, "a%d x y\n", i)
	}
	for _, workers := range []int{1, 2, 4} {
		opts := Options{Workers: workers, NewExtractor: func() (Extractor, error) { return fakeExtractor{}, nil }}
		var got bytes.Buffer
		if err := ExtractTo(context.Background(), articles(30, "ok"), opts, &got, encode); err != nil {
			t.Fatalf("%d workers: %v", workers, err)
		}
		if got.String() != want.String() {
			t.Errorf("%d workers: got\n%s\nwant\n%s", workers, got.String(), want.String())
		}

		got.Reset()
		err := ExtractTo(context.Background(), articles(30, "bad"), opts, &got, encode)
		if err == nil || !strings.Contains(err.Error(), "a7") || !strings.Contains(err.Error(), "cannot encode") {
			t.Errorf("%d workers: encoding error = %v, want one naming a7", workers, err)
		}
		if lines := strings.Count(got.String(), "\n"); lines != 7 {
			t.Errorf("%d workers: %d lines before the error, want 7", workers, lines)
		}

		broken := errors.New("pipe closed")
		if err := ExtractTo(context.Background(), articles(30, "ok"), opts, failingWriter{broken}, encode); !errors.Is(err, broken) {
			t.Errorf("%d workers: writer error = %v, want %v", workers, err, broken)
		}
	}
}

// failingWriter fails every write with err.
type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }
