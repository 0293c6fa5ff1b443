// Command gen writes a synthetic news corpus for benchmarking newsgraph
// (see package newsgen):
//
//	go run ./bench/gen --articles 10000 --seed 1 --out corpus.jsonl
//	go run ./bench/gen --articles 1000 --out corpus/      # one .txt file an article
//	go run ./bench/gen --articles 100 --out - | head -1    # JSON Lines on stdout
//
// The same flags always give byte-identical output. A summary goes to
// stderr.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/bench/gen/newsgen"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg newsgen.Config
	var out string
	fs.IntVar(&cfg.Articles, "articles", 1000, "number of `N` articles")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "random `SEED`")
	fs.IntVar(&cfg.People, "people", 3000, "invented people")
	fs.IntVar(&cfg.Orgs, "orgs", 400, "invented organisations")
	fs.StringVar(&out, "out", "-", "output: `FILE`.jsonl, - for stdout, or a folder (a name without .jsonl/.ndjson) for one .txt a article")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./bench/gen [--articles N] [--seed S] [--out DIR|FILE.jsonl|-]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if cfg.Articles <= 0 {
		return fmt.Errorf("--articles %d: want 1 or more", cfg.Articles)
	}
	g := newsgen.New(cfg)
	start := time.Now()
	var st newsgen.Stats
	var err error
	switch {
	case out == "-":
		st, err = g.WriteJSONL(ctx, stdout)
	case strings.HasSuffix(out, ".jsonl") || strings.HasSuffix(out, ".ndjson"):
		var f *os.File
		if f, err = os.Create(out); err != nil {
			return err
		}
		st, err = g.WriteJSONL(ctx, f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	default:
		st, err = g.WriteDir(ctx, out)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "gen: %d articles, %d words, %.1f MB in %s\n", st.Articles, st.Words, float64(st.Bytes)/1e6, time.Since(start).Round(time.Millisecond))
	return nil
}
