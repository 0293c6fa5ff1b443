package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/sample"
	"github.com/newsgraph/newsgraph/internal/testshared"
)

// sampleSentences returns the body sentences of the built-in sample
// corpus, in file order.
func sampleSentences(tb testing.TB) []string {
	tb.Helper()
	var out []string
	err := fs.WalkDir(sample.Articles, "articles", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sample.Articles, p)
		if err != nil {
			return err
		}
		paras := strings.Split(string(data), "\n\n")
		for _, para := range paras[min(2, len(paras)):] { // skip the date and the headline
			para = strings.Join(strings.Fields(para), " ")
			for para != "" {
				i := strings.Index(para, ". ")
				if i < 0 {
					out = append(out, para)
					break
				}
				out = append(out, para[:i+1])
				para = para[i+2:]
			}
		}
		return nil
	})
	if err != nil || len(out) < 50 {
		tb.Fatalf("sample sentences: %d, %v", len(out), err)
	}
	return out
}

// writeGenCorpus writes n made-up articles as JSON Lines into dir, 500 a file:
// each 6 to 14 sentences drawn from the sample corpus with a fixed seed,
// dated over 2025. The text is recombined real prose, so extraction does
// the work it does on news; the result is the same on every run.
func writeGenCorpus(tb testing.TB, dir string, n int) {
	tb.Helper()
	sents := sampleSentences(tb)
	rng := rand.New(rand.NewPCG(6, 2025))
	var f *os.File
	var w *bufio.Writer
	closeFile := func() {
		if f == nil {
			return
		}
		if err := w.Flush(); err != nil {
			tb.Fatal(err)
		}
		if err := f.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	for i := range n {
		if i%500 == 0 {
			closeFile()
			var err error
			if f, err = os.Create(filepath.Join(dir, fmt.Sprintf("gen-%03d.jsonl", i/500))); err != nil {
				tb.Fatal(err)
			}
			w = bufio.NewWriter(f)
		}
		k := 6 + rng.IntN(9)
		parts := make([]string, k)
		for j := range parts {
			parts[j] = sents[rng.IntN(len(sents))]
		}
		title := strings.Join(strings.Fields(parts[0])[:min(8, len(strings.Fields(parts[0])))], " ")
		rec := map[string]string{
			"id":    fmt.Sprintf("gen-%05d", i),
			"title": strings.TrimRight(title, ".,;:"),
			"text":  strings.Join(parts[:k/2], " ") + "\n\n" + strings.Join(parts[k/2:], " "),
			"date":  time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(365)).Format(time.DateOnly),
		}
		line, err := json.Marshal(rec)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(line)
		w.WriteByte('\n')
	}
	closeFile()
}

// benchConfig writes a config reading sources into dir, with the four
// export formats, and returns its path.
func benchConfig(tb testing.TB, dir string, sources ...string) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("store: news.db\nsources:\n")
	for _, s := range sources {
		fmt.Fprintf(&b, "  - path: %s\n", s)
	}
	b.WriteString(`exports:
  - path: out/relations.graphml
  - path: out/comention.gexf
    graph: comention
  - path: out/relations.json
  - path: out/gephi
    format: csv
`)
	p := filepath.Join(dir, "newsgraph.yaml")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// BenchmarkRebuild measures a first rebuild (an empty store: every article
// extracted and stored, every export written) and a rebuild on unchanged
// sources (every article read and hashed, nothing extracted or written to
// the store, every export rewritten), on ../shared/corpus (30 articles)
// and on 3,000 generated articles (writeGenCorpus). Run it with
//
//	go test ./cmd/newsgraph -run '^$' -bench Rebuild -benchtime 3x
//
// The extractor's models are loaded once per process, so the first
// iteration of the first benchmark also pays for that load.
func BenchmarkRebuild(b *testing.B) {
	type corpus struct {
		name    string
		sources func(dir string) []string
	}
	corpora := []corpus{
		{"shared", func(string) []string {
			sh := testshared.Dir()
			if sh == "" {
				return nil
			}
			return []string{filepath.Join(sh, "corpus", "articles"), filepath.Join(sh, "corpus", "dumps")}
		}},
		{"gen3000", func(dir string) []string {
			src := filepath.Join(dir, "gen")
			if err := os.Mkdir(src, 0o755); err != nil {
				b.Fatal(err)
			}
			writeGenCorpus(b, src, 3000)
			return []string{src}
		}},
	}
	for _, c := range corpora {
		dir := b.TempDir()
		srcs := c.sources(dir)
		if srcs == nil {
			b.Logf("%s: no ../shared folder, skipped", c.name)
			continue
		}
		cfg := benchConfig(b, dir, srcs...)
		rebuild := func(b *testing.B) {
			code := run(context.Background(), []string{"rebuild", "--config", cfg, "--quiet"}, streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard})
			if code != 0 {
				b.Fatalf("rebuild: exit %d", code)
			}
		}
		b.Run(c.name+"/first", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				if err := os.RemoveAll(filepath.Join(dir, "news.db")); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				rebuild(b)
			}
		})
		b.Run(c.name+"/unchanged", func(b *testing.B) {
			rebuild(b) // make sure the store is up to date
			for b.Loop() {
				rebuild(b)
			}
		})
	}
}
