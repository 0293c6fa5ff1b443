// Package ingest runs the pipeline from articles to the store: it skips
// articles stored already with the same content hash and extraction rules,
// extracts the rest on several goroutines, and stores the extractions in
// input order, in batches.
//
// Memory stays bounded whatever the corpus size: at most a few articles per
// worker are in flight at once.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
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

// Store is where extractions go. ArticleStored reports whether an article
// is stored with the key (news.ArticleKey) it has now, whose extraction is
// then skipped. IngestBatch stores extractions in order and returns the
// status of those it stored, all of them unless it fails (see
// store.Store.IngestBatch).
type Store interface {
	ArticleStored(id, key string) (bool, error)
	IngestBatch(ctx context.Context, exs []news.Extraction) ([]store.Status, error)
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
	// Progress, if set, is called after each batch of articles is stored.
	Progress func(Summary)
	// Rules names the extractor's rules (extract.Version). An article
	// stored with the same content but other rules is extracted again, so
	// that a new version of the rules reaches every stored article.
	Rules string
	// Batch is the most articles stored in one call of IngestBatch; 0
	// means DefaultBatch. The writer stores what extraction has finished
	// whenever the next article is not ready yet, so batches are full only
	// when storing is the slower side.
	Batch int
}

// DefaultBatch is Options.Batch when it is 0: enough articles that the
// store writes each actor aggregate once for many of them, few enough that
// a batch holds a few MB.
const DefaultBatch = 64

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
	art  news.Article
	skip bool // already stored with the same hash and rules
	ex   news.Extraction
	out  []byte // ex encoded, for ExtractTo
	err  error
	done chan struct{}
}

// Run ingests every article from arts into st. It stops at the first error
// (from reading, extracting or storing) and returns it with the summary of
// what was stored before; every article reported as stored is committed.
func Run(ctx context.Context, arts Articles, st Store, opts Options) (Summary, error) {
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ordered, wait, err := extractInOrder(ctx, arts, opts, func(a news.Article) (bool, error) {
		return st.ArticleStored(a.ID, news.ArticleKey(a, opts.Rules))
	}, nil)
	if err != nil {
		return Summary{}, err
	}

	var sum Summary
	size := opts.Batch
	if size <= 0 {
		size = DefaultBatch
	}
	batch := make([]*job, 0, size)
	exs := make([]news.Extraction, 0, size)
	flush := func() {
		if len(batch) == 0 || err != nil {
			batch = batch[:0]
			return
		}
		exs = exs[:0]
		for _, j := range batch {
			exs = append(exs, j.ex)
		}
		statuses, ierr := st.IngestBatch(ctx, exs)
		for i, status := range statuses {
			switch status {
			case store.New:
				sum.New++
			case store.Changed:
				sum.Changed++
			default:
				sum.Unchanged++
			}
			if status != store.Unchanged {
				sum.Triples += len(batch[i].ex.Triples)
				sum.Mentions += len(batch[i].ex.Mentions)
			}
		}
		if ierr != nil {
			err = fmt.Errorf("store %s: %w", batch[min(len(statuses), len(batch)-1)].art.ID, ierr)
			cancel()
		}
		clear(batch) // let the extractions go
		batch = batch[:0]
		report(opts, sum, start)
	}
	for j := range ordered {
		select {
		case <-j.done:
		default:
			// Extraction is behind: store what is ready meanwhile.
			flush()
			<-j.done
		}
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
			flush()
			if err == nil {
				err = fmt.Errorf("extract %s: %w", j.art.ID, j.err)
				cancel()
			}
			continue
		}
		batch = append(batch, j)
		if len(batch) == size {
			flush()
		}
	}
	flush()
	readErr := wait()
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

// Extract extracts every article from arts on opts.Workers goroutines and
// calls emit with each extraction on the caller's goroutine, in input
// order, so the output is the same whatever the number of workers. At
// most a few articles per worker are in flight. It stops at the first
// error, from reading, extracting (wrapped with the article id) or emit,
// and returns it; opts.Progress and opts.Batch are not used.
func Extract(ctx context.Context, arts Articles, opts Options, emit func(news.Extraction) error) error {
	return extractEach(ctx, arts, opts, nil, func(j *job) error { return emit(j.ex) })
}

// ExtractTo extracts every article from arts as Extract does and writes
// each one's encoding to w, in input order. encode appends the encoding of
// an extraction to buf and returns the result; it runs on the extracting
// goroutines, as many at once. Encoding the output (JSON Lines, say) is
// then shared out between the cores with the extraction; done by the one
// goroutine that writes, it is work that a second core cannot take. An
// error from encode is wrapped with the article id, as an extraction's.
func ExtractTo(ctx context.Context, arts Articles, opts Options, w io.Writer, encode func(buf []byte, ex news.Extraction) ([]byte, error)) error {
	after := func(j *job) {
		j.out, j.err = encode(nil, j.ex)
		j.ex = news.Extraction{} // only out is needed now
	}
	return extractEach(ctx, arts, opts, after, func(j *job) error {
		_, err := w.Write(j.out)
		return err
	})
}

// extractEach extracts the articles of arts (extractInOrder), running
// after, when not nil, on the worker of each article extracted without
// error, and calls emit for each on the caller's goroutine, in input
// order, until an error.
func extractEach(ctx context.Context, arts Articles, opts Options, after func(*job), emit func(*job) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ordered, wait, err := extractInOrder(ctx, arts, opts, nil, after)
	if err != nil {
		return err
	}
	for j := range ordered {
		<-j.done
		switch {
		case err != nil:
			continue // drain so the reader and workers can finish
		case j.err != nil:
			err = fmt.Errorf("extract %s: %w", j.art.ID, j.err)
		default:
			err = emit(j)
		}
		if err != nil {
			cancel()
		}
	}
	if readErr := wait(); err == nil {
		err = readErr
	}
	return err
}

// extractInOrder reads arts and extracts them on opts.Workers goroutines.
// It returns the articles' jobs in input order (each done when extracted)
// and a wait that returns the reader's error once the channel is drained.
// An article for which skip reports true is not extracted: its job is done
// at once, marked skip. after, when not nil, runs on the worker once an
// article is extracted without error, before its job is done. The caller
// must drain ordered and cancel ctx to stop early.
func extractInOrder(ctx context.Context, arts Articles, opts Options, skip func(news.Article) (bool, error), after func(*job)) (<-chan *job, func() error, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if opts.NewExtractor == nil {
		return nil, nil, errors.New("ingest: no extractor")
	}
	extractors := make([]Extractor, workers)
	for i := range extractors {
		x, err := opts.NewExtractor()
		if err != nil {
			return nil, nil, err
		}
		extractors[i] = x
	}
	todo := make(chan *job, workers*2)    // to the workers
	ordered := make(chan *job, workers*4) // to the caller, in input order
	var readErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(todo)
		defer close(ordered)
		readErr = arts(func(a news.Article) error {
			j := &job{art: a, done: make(chan struct{})}
			if skip != nil {
				var err error
				if j.skip, err = skip(a); err != nil {
					return err
				}
			}
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
	for _, x := range extractors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range todo {
				j.ex, j.err = x.Extract(ctx, j.art)
				if after != nil && j.err == nil {
					after(j)
				}
				close(j.done)
			}
		}()
	}
	return ordered, func() error { wg.Wait(); return readErr }, nil
}
