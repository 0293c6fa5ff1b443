package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/source"
	"github.com/newsgraph/newsgraph/internal/sample"
	"github.com/newsgraph/newsgraph/news"
	"github.com/newsgraph/newsgraph/store"
)

// TestBuildInterrupted: a build whose context is cancelled (Ctrl-C) in the
// middle publishes exactly the articles ingest finished, on top of what
// was published before, and exits with status 130 saying so.
func TestBuildInterrupted(t *testing.T) {
	db := filepath.Join(t.TempDir(), "news.db")
	if code, _, stderr := runCLI(t, "", "build", "testdata/articles", "--db", db); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, err := openWriterWith(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var f sourceFlags
	newX, err := f.extractorFactory(false)
	if err != nil {
		t.Fatal(err)
	}
	read := 0
	sum, err := buildInto(ctx, st, newX, 2, nil, func(ctx context.Context, yield func(news.Article) error) error {
		return source.ReadFS(ctx, sample.Articles, ".", source.Options{}, func(a news.Article) error {
			if read++; read == 12 {
				cancel() // Ctrl-C
			}
			return yield(a)
		})
	})
	if err == nil {
		t.Fatal("ingest finished despite the cancellation")
	}
	var out, stderr bytes.Buffer
	s := streams{in: strings.NewReader(""), out: &out, err: &stderr}
	code := exitCode(s, finishBuild(ctx, s, st, db, sum, err))
	want := fmt.Sprintf("newsgraph: interrupted: published the %d new or changed articles finished so far; run the same build again for the rest\n", sum.New)
	if code != exitInterrupted || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr.String(), exitInterrupted, want)
	}
	if sum.New == 0 || sum.New >= 24 {
		t.Logf("%d articles stored before the cancellation took effect", sum.New)
	}
	r, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	c, err := r.Counts(context.Background())
	if err != nil || c.Articles != 3+sum.New {
		t.Errorf("published: %+v, %v; want the 3 articles of the first build and the %d finished", c, err, sum.New)
	}
	if !strings.Contains(out.String(), fmt.Sprintf("%d new", sum.New)) {
		t.Errorf("no summary on stdout: %q", out.String())
	}
}

// TestCountsAfterIngestCollector checks that the collector's settings for
// the end of a bulk load are set only while it ends, and left alone when
// GOGC or GOMEMLIMIT are set.
func TestCountsAfterIngestCollector(t *testing.T) {
	const percent, limit = 77, 300 << 20
	defer debug.SetGCPercent(debug.SetGCPercent(percent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	for _, env := range []string{"", "50"} {
		t.Run("GOGC="+env, func(t *testing.T) {
			t.Setenv("GOGC", env)
			t.Setenv("GOMEMLIMIT", env)
			st, err := store.Open(filepath.Join(t.TempDir(), "db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			ex := news.Extraction{Article: news.Article{ID: "a", Text: "Ann meets Bob."},
				Triples: []news.Triple{{SubjectID: "ann", Subject: "Ann", Predicate: "meet", ObjectID: "bob", Object: "Bob", Sentence: "Ann meets Bob."}}}
			if _, err := st.Ingest(context.Background(), ex); err != nil {
				t.Fatal(err)
			}
			if c, err := countsAfterIngest(context.Background(), st); err != nil || c.Triples != 1 {
				t.Fatalf("countsAfterIngest = %+v, %v; want 1 triple", c, err)
			}
			if p := debug.SetGCPercent(percent); p != percent {
				t.Errorf("GOGC after = %d, want %d restored", p, percent)
			}
			if l := debug.SetMemoryLimit(-1); l != limit {
				t.Errorf("memory limit after = %d, want %d restored", l, limit)
			}
		})
	}
}
