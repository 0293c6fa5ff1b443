// Package ingest runs the pipeline from articles to the store: it skips
// articles whose content hash is already stored, extracts the rest on
// several goroutines, and writes each extraction in input order.
//
// Memory stays bounded whatever the corpus size: at most a few articles per
// worker are in flight at once.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/news"
	"github.com/newsgraph/newsgraph/store"
)

// Extractor turns one article into mentions and triples.
type Extractor interface {
	Extract(ctx context.Context, a news.Article) (news.Extraction, error)
}

// Store is where extractions go.
type Store interface {
	ArticleHash(id string) (hash string, ok bool, err error)
	Ingest(ctx context.Context, ex news.Extraction) (store.Status, error)
}

// Articles calls yield for every article to ingest, in order, and stops
// when yield returns an error.
type Articles func(yield func(news.Article) error) error

// Options controls a run.
type Options struct {
	// Workers is the number of extracting goroutines; 0 means GOMAXPROCS.
	Workers int
	// NewExtractor returns one Extractor per worker.
	NewExtractor func() (Extractor, error)
	// Progress, if set, is called after each article is stored.
	Progress func(Summary)
}

// Summary counts what a run did.
type Summary struct {
	Read      int           // articles read from the sources
	New       int           // articles not stored before
	Changed   int           // articles whose content changed
	Unchanged int           // articles stored already with the same content
	Triples   int           // triples in the new and changed articles
	Mentions  int           // actor mentions in the new and changed articles
	Elapsed   time.Duration // wall time of the run
}

type job struct {
	seq  int
	art  news.Article
	skip bool // already stored with the same hash
	ex   news.Extraction
	err  error
	done chan struct{}
}

// Run ingests every article from arts into st. It stops at the first error
// (from reading, extracting or storing) and returns it with the summary of
// what was stored before; every article reported as stored is committed.
func Run(ctx context.Context, arts Articles, st Store, opts Options) (Summary, error) {
	start := time.Now()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if opts.NewExtractor == nil {
		return Summary{}, errors.New("ingest: no extractor")
	}
	extractors := make([]Extractor, workers)
	for i := range extractors {
		x, err := opts.NewExtractor()
		if err != nil {
			return Summary{}, err
		}
		extractors[i] = x
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	todo := make(chan *job, workers*2)    // to the workers
	ordered := make(chan *job, workers*4) // to the writer, in input order
	var readErr error
	go func() {
		defer close(todo)
		defer close(ordered)
		seq := 0
		readErr = arts(func(a news.Article) error {
			hash, ok, err := st.ArticleHash(a.ID)
			if err != nil {
				return err
			}
			j := &job{seq: seq, art: a, skip: ok && hash == a.Hash(), done: make(chan struct{})}
			seq++
			if j.skip {
				close(j.done)
			} else {
				select {
				case todo <- j:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			select {
			case ordered <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
	}()
	var wg sync.WaitGroup
	for _, x := range extractors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range todo {
				j.ex, j.err = x.Extract(ctx, j.art)
				close(j.done)
			}
		}()
	}

	var sum Summary
	var err error
	for j := range ordered {
		<-j.done
		if err != nil {
			continue // drain so the reader and workers can finish
		}
		sum.Read++
		if j.skip {
			sum.Unchanged++
			report(opts, sum, start)
			continue
		}
		if j.err != nil {
			err = fmt.Errorf("extract %s: %w", j.art.ID, j.err)
			cancel()
			continue
		}
		status, ierr := st.Ingest(ctx, j.ex)
		if ierr != nil {
			err = fmt.Errorf("store %s: %w", j.art.ID, ierr)
			cancel()
			continue
		}
		switch status {
		case store.New:
			sum.New++
		case store.Changed:
			sum.Changed++
		default:
			sum.Unchanged++
		}
		if status != store.Unchanged {
			sum.Triples += len(j.ex.Triples)
			sum.Mentions += len(j.ex.Mentions)
		}
		report(opts, sum, start)
	}
	wg.Wait()
	sum.Elapsed = time.Since(start)
	if err == nil {
		// The reader's error, or the caller's cancellation it saw.
		err = readErr
	}
	return sum, err
}

func report(opts Options, sum Summary, start time.Time) {
	if opts.Progress != nil {
		sum.Elapsed = time.Since(start)
		opts.Progress(sum)
	}
}
