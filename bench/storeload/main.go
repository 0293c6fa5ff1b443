// Command storeload measures the store alone under a build's load: it
// ingests a generated corpus (querybench) into an on-disk store with
// IngestBatch, as `newsgraph build` does but without extraction, and
// prints throughput and memory as it goes: the process's resident set
// (anonymous and file pages), its peak, and the Go heap.
//
// It exists to find what makes a build's memory grow with the corpus in
// minutes rather than the hours a real build of 100 000 articles takes:
//
//	go run ./bench/storeload --articles 100000
//	go run ./bench/storeload --articles 100000 --heap-profile /tmp/heap.pprof --heap-at 40000
//	GODEBUG=gctrace=1 go run ./bench/storeload --articles 30000
//
// The defaults match a generated news corpus (bench/gen): 34 triples and
// 68 mentions an article, and the collector settings `newsgraph build`
// uses while it ingests and while the load ends.
package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/bench/querybench"
	"github.com/newsgraph/newsgraph/news"
	"github.com/newsgraph/newsgraph/store"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "storeload:", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		articles = flag.Int("articles", 100_000, "articles to ingest")
		perArt   = flag.Int("triples", 34, "triples per article (each with two mentions)")
		actors   = flag.Int("actors", 5000, "distinct actors")
		dir      = flag.String("dir", "", "store folder (default: a temporary one, removed at the end)")
		limit    = flag.Int64("memlimit", 128, "soft memory limit in MiB, as `newsgraph build` sets; 0 for none")
		endGC    = flag.Int("end-gogc", 10, "GOGC while the load ends (Commit), as `newsgraph build` sets; 0 to keep the ingest's")
		endLimit = flag.Int64("end-memlimit", 256, "soft memory limit in MiB while the load ends, as `newsgraph build` sets; 0 to keep the ingest's")
		every    = flag.Int("every", 10_000, "print a line every this many articles")
		profile  = flag.String("heap-profile", "", "write a heap profile to `FILE` once --heap-at articles are stored")
		profAt   = flag.Int("heap-at", 0, "articles stored before the heap profile is written (default: at the end)")
		peakProf = flag.String("peak-profile", "", "write a heap profile to `FILE` each time the Go heap passes its peak by 4 MiB (the last one is the peak's)")
		cpu      = flag.String("cpu-profile", "", "write a CPU profile of the ingest and commit to `FILE`")
		existing = flag.Bool("into-existing", false, "ingest into a store that already exists (one article, published first), "+
			"so that every write goes through badger's transactions, as a daily batch does; by default the store is new and loaded in bulk")
	)
	flag.Parse()
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *limit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(*limit << 20)
	}
	path := *dir
	if path == "" {
		tmp, err := os.MkdirTemp("", "storeload-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		path = filepath.Join(tmp, "db")
	}

	if *existing {
		if err := seed(path); err != nil {
			return err
		}
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()

	m := newMonitor(*peakProf)
	defer m.stop()
	start := time.Now()
	last, lastT := 0, start
	profiled := false
	writeProfile := func() error {
		profiled = true
		return writeHeapProfile(*profile)
	}
	var profErr error
	fmt.Printf("%8s %9s %11s %11s %8s %8s %8s %8s %8s\n",
		"articles", "triples", "triples/s", "(interval)", "rss", "anon", "file", "peak", "heap")
	cfg := querybench.Config{
		Triples:           *articles * *perArt,
		Actors:            *actors,
		TriplesPerArticle: *perArt,
		Progress: func(n, triples int) {
			if *profile != "" && !profiled && *profAt > 0 && n >= *profAt {
				profErr = writeProfile()
			}
			if n/(*every) == last/(*every) && n < *articles {
				return
			}
			now := time.Now()
			rate := float64(triples) / now.Sub(start).Seconds()
			interval := float64((n-last)**perArt) / now.Sub(lastT).Seconds()
			last, lastT = n, now
			s := m.sample()
			fmt.Printf("%8d %9d %11.0f %11.0f %8s %8s %8s %8s %8s\n",
				n, triples, rate, interval, mib(s.rss), mib(s.anon), mib(s.file), mib(s.hwm), mib(s.heap))
		},
	}
	corpus, err := querybench.Generate(context.Background(), st, cfg)
	if err != nil {
		return err
	}
	if *profile != "" && !profiled {
		profErr = writeProfile()
	}
	if profErr != nil {
		return profErr
	}
	ingested := time.Since(start)
	// As `newsgraph build` ends a load (cmd/newsgraph: countsAfterIngest).
	if *endGC > 0 && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(*endGC)
	}
	if *endLimit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(*endLimit << 20)
	}
	if err := st.Commit(); err != nil {
		return err
	}
	total := time.Since(start)
	peak := m.stop()
	if m.err != nil {
		return m.err
	}
	size, err := dirSize(path)
	if err != nil {
		return err
	}
	fmt.Printf("\n%d articles, %d triples: ingest %.1fs (%.0f triples/s), with commit %.1fs (%.0f triples/s)\n",
		corpus.Articles, corpus.Triples, ingested.Seconds(), float64(corpus.Triples)/ingested.Seconds(),
		total.Seconds(), float64(corpus.Triples)/total.Seconds())
	fmt.Printf("peak RSS %s (sampled: anon %s, file %s), peak Go heap in use %s, Go memory mapped %s; store %s (%.1f bytes/triple)\n",
		mib(peak.hwm), mib(peak.anon), mib(peak.file), mib(peak.heap), mib(peak.goMapped),
		mib(size), float64(size)/float64(corpus.Triples))
	return nil
}

// seed publishes a store of one article in path, so that the next writer
// finds a store and writes through transactions.
func seed(path string) error {
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	ex := news.Extraction{
		Article: news.Article{ID: "seed", Text: "Seed meets Soil."},
		Triples: []news.Triple{{SubjectID: "seed", Subject: "Seed", Predicate: "meet", ObjectID: "soil", Object: "Soil",
			Sentence: "Seed meets Soil."}},
	}
	if _, err := st.Ingest(context.Background(), ex); err != nil {
		return err
	}
	return st.Commit()
}

// usage is one sample of the process's memory, in bytes.
type usage struct {
	rss, anon, file, hwm uint64 // /proc/self/status VmRSS, RssAnon, RssFile, VmHWM
	heap                 uint64 // Go heap objects, live and not yet swept
	goMapped             uint64 // memory the Go runtime holds from the OS, less what it released
}

// monitor samples memory every 50 ms and keeps the peak of each figure.
type monitor struct {
	mu   sync.Mutex
	peak usage
	// profile, when set, is where a heap profile is written each time the
	// heap passes profiled by 4 MiB, so that the last one shows what the
	// heap held at its peak (as of the collection before it).
	profile  string
	profiled uint64
	err      error
	done     chan struct{}
	wg       sync.WaitGroup
	once     sync.Once
}

func newMonitor(profile string) *monitor {
	m := &monitor{done: make(chan struct{}), profile: profile}
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-m.done:
				return
			case <-t.C:
				m.sample()
			}
		}
	}()
	return m
}

// sample reads the current usage and records peaks.
func (m *monitor) sample() usage {
	u := readUsage()
	m.mu.Lock()
	defer m.mu.Unlock()
	p := &m.peak
	p.rss, p.anon, p.file, p.hwm = max(p.rss, u.rss), max(p.anon, u.anon), max(p.file, u.file), max(p.hwm, u.hwm)
	p.heap, p.goMapped = max(p.heap, u.heap), max(p.goMapped, u.goMapped)
	if m.profile != "" && m.err == nil && u.heap > m.profiled+4<<20 {
		m.profiled = u.heap
		m.err = writeHeapProfile(m.profile)
	}
	return u
}

// writeHeapProfile writes the heap profile to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// stop stops the sampling and returns the peaks.
func (m *monitor) stop() usage {
	m.once.Do(func() { close(m.done); m.wg.Wait() })
	m.sample()
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.peak
}

func readUsage() usage {
	var u usage
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			name, val, ok := bytes.Cut(sc.Bytes(), []byte(":"))
			if !ok {
				continue
			}
			f := bytes.Fields(val)
			if len(f) == 0 {
				continue
			}
			kb, err := strconv.ParseUint(string(f[0]), 10, 64)
			if err != nil {
				continue
			}
			switch string(name) {
			case "VmRSS":
				u.rss = kb << 10
			case "RssAnon":
				u.anon = kb << 10
			case "RssFile":
				u.file = kb << 10
			case "VmHWM":
				u.hwm = kb << 10
			}
		}
	}
	s := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	metrics.Read(s)
	u.heap = s[0].Value.Uint64()
	u.goMapped = s[1].Value.Uint64() - s[2].Value.Uint64()
	return u
}

func mib(n uint64) string { return fmt.Sprintf("%.0fM", float64(n)/(1<<20)) }

// dirSize sums the sizes of the regular files under dir.
func dirSize(dir string) (uint64, error) {
	var n uint64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n += uint64(info.Size())
		return nil
	})
	return n, err
}
