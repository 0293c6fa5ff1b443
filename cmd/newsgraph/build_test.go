package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
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
	newX, err := f.extractorFactory()
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
