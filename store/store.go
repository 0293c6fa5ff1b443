package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// Sentinel errors. Errors returned by the store wrap them with context; test
// with errors.Is.
var (
	// ErrNotFound reports an article or actor that is not in the store.
	ErrNotFound = errors.New("store: not found")
	// ErrLocked reports a store directory held by another process. The
	// returned error is a *LockError naming the directory and, when known,
	// the holder's pid.
	ErrLocked = errors.New("store: in use by another newsgraph process")
	// ErrReadOnly reports a write to a store opened with Options.ReadOnly.
	ErrReadOnly = errors.New("store: opened read-only")
	// ErrInvalid reports an extraction that cannot be stored, such as one
	// with an empty article or actor id.
	ErrInvalid = errors.New("store: invalid extraction")
	// ErrTooLarge reports an article whose extraction does not fit in one
	// transaction (thousands of triples); it is not stored.
	ErrTooLarge = errors.New("store: article too large for one transaction")
	// ErrCorrupt reports data that does not decode or does not agree with
	// itself. The store holds only derived data: rebuild it from the sources.
	ErrCorrupt = errors.New("store: corrupt data")
)

// VersionError reports a store written in a format this build does not read.
// The store holds only derived data, so an older store is removed and built
// again from the sources; a newer one needs a newer newsgraph.
type VersionError struct {
	Dir       string // the store directory
	Found     int    // the store's format version
	Supported int    // FormatVersion of this build
}

// Error says which version the store has and what to do about it.
func (e *VersionError) Error() string {
	if e.Found > e.Supported {
		return fmt.Sprintf("store %s has format version %d, this newsgraph understands up to %d: upgrade newsgraph",
			e.Dir, e.Found, e.Supported)
	}
	return fmt.Sprintf("store %s has format version %d, this newsgraph needs version %d: it holds only derived data, so remove it and run `newsgraph build` on the articles again",
		e.Dir, e.Found, e.Supported)
}

// Newer reports whether the store was written by a newer newsgraph.
func (e *VersionError) Newer() bool { return e.Found > e.Supported }

// LockError reports that another process holds the store directory. It
// wraps ErrLocked.
type LockError struct {
	Dir string // the store directory
	PID int    // the holder's process id, or 0 when unknown
	// ReadOnly reports that the open that failed was read-only: the holder
	// is then writing (readers share the directory), typically a build.
	ReadOnly bool
}

// Error names the directory and, when known, the holder's pid. For a
// read-only open it says that a writer holds the store and that reading
// will work once it has finished: badger admits no reader beside a writer,
// so a query cannot see the store while a build runs.
func (e *LockError) Error() string {
	holder := "another newsgraph process"
	if e.PID > 0 {
		holder = fmt.Sprintf("another newsgraph process (pid %d)", e.PID)
	}
	if e.ReadOnly {
		return fmt.Sprintf("store: %s is being written by %s, such as a build; it can be read once that process finishes", e.Dir, holder)
	}
	return fmt.Sprintf("store: %s is in use by %s", e.Dir, holder)
}

// Unwrap returns ErrLocked.
func (e *LockError) Unwrap() error { return ErrLocked }

// Options configure Open. The zero value opens a store on disk for reading
// and writing.
type Options struct {
	// ReadOnly opens an existing store for reading only. Several read-only
	// opens may share a directory; none may share it with a writer. A store
	// whose last writer was interrupted before closing (killed, crashed) is
	// first recovered as the next writer would recover it: the write-ahead
	// log is replayed, keeping every committed article and dropping a torn
	// last transaction. That needs write permission on the directory and no
	// other process using it; Recovered then reports true.
	ReadOnly bool
	// InMemory keeps the store in memory, for tests; dir is then only used
	// in messages and nothing is written to disk.
	InMemory bool
}

// Store is a newsgraph knowledge-graph store: articles, their mentions and
// triples, and per-actor aggregates, kept in a badger database. A Store is
// safe for concurrent use; writes are serialised.
type Store struct {
	db        *badger.DB
	dir       string
	readOnly  bool
	recovered bool     // see Recovered
	lock      *dirLock // nil when in memory or the lock file could not be used

	writeMu sync.Mutex // serialises Ingest and DeleteArticle
	// aggs caches the encoded 'e' values this Store committed, by actor id,
	// so that ingest does not read back the aggregates it wrote itself
	// (those reads were a third of ingest time on large stores). Only
	// writers use it, holding writeMu; it is updated after a commit
	// succeeds, and it is valid because the directory lock admits one
	// writer. It is dropped whole when it reaches maxCachedAggs entries.
	aggs map[string][]byte

	closeOnce sync.Once
	closeErr  error
}

// Open opens the store in dir, creating dir and an empty store if needed
// (unless opts.ReadOnly). It fails with a *LockError (wrapping ErrLocked)
// when another process holds dir, and with a *VersionError when the store
// was written in another format version.
func Open(dir string, opts Options) (*Store, error) {
	s := &Store{dir: dir, readOnly: opts.ReadOnly, aggs: map[string][]byte{}}
	if !opts.InMemory {
		if opts.ReadOnly {
			fi, err := os.Stat(dir)
			if err != nil {
				return nil, fmt.Errorf("store: open %s: %w", dir, err)
			}
			if !fi.IsDir() {
				return nil, fmt.Errorf("store: open %s: not a directory", dir)
			}
			// Badger's own message for this ("no manifest found, required
			// for read-only db") does not tell a user what to do.
			if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("store: open %s: no newsgraph store there yet (ingest first): %w", dir, err)
			}
		} else if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store: create %s: %w", dir, err)
		}
		lock, err := lockDir(dir, opts.ReadOnly)
		if err != nil {
			return nil, err
		}
		s.lock = lock
	}

	db, err := badger.Open(badgerOptions(dir, opts))
	if err != nil && opts.ReadOnly && !opts.InMemory && needsRecovery(err) {
		// The last writer was interrupted before closing. Recover as
		// the next writer would, then read.
		s.lock.release()
		if err := recoverDir(dir); err != nil {
			return nil, err
		}
		if s.lock, err = lockDir(dir, true); err != nil {
			return nil, err
		}
		s.recovered = true
		db, err = badger.Open(badgerOptions(dir, opts))
	}
	if err != nil {
		s.lock.release()
		// badger wraps its flock error with %+v, so errors.Is cannot see
		// EWOULDBLOCK; its message is the only signal. Our own lock above
		// normally reports first; this catches a non-newsgraph holder.
		if strings.Contains(err.Error(), "Another process is using this Badger database") {
			return nil, &LockError{Dir: dir, ReadOnly: opts.ReadOnly}
		}
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	s.db = db
	if err := s.checkVersion(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// needsRecovery reports badger's refusal to open read-only a store whose
// writer did not close it (killed, crashed, power lost): its write-ahead
// log must be replayed and its torn tail cut, which only a writer may do.
// badger wraps the error with %+v, so its message is the only signal.
func needsRecovery(err error) bool {
	return strings.Contains(err.Error(), badger.ErrTruncateNeeded.Error())
}

// recoverDir opens dir for writing and closes it again, which makes badger
// replay its log: every committed transaction is kept, an incomplete one at
// the end is dropped. Each ingested article is one transaction, so the
// store then holds exactly the articles the interrupted writer finished. A
// writer that has come back in the meantime gives a *LockError.
func recoverDir(dir string) error {
	lock, err := lockDir(dir, false)
	if err != nil {
		var le *LockError
		if errors.As(err, &le) {
			le.ReadOnly = true
		}
		return err
	}
	defer lock.release()
	db, err := badger.Open(badgerOptions(dir, Options{}))
	if err != nil {
		return fmt.Errorf("store: %s was left open by an interrupted write and could not be recovered: %w", dir, err)
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("store: recover %s: %w", dir, err)
	}
	return nil
}

// Recovered reports whether Open found the store left open by an
// interrupted writer and recovered it before reading (see Options.ReadOnly).
func (s *Store) Recovered() bool { return s.recovered }

// badgerOptions tunes badger for a command-line tool: a short-lived process
// that ingests in bursts and then scans, on a laptop, next to other
// programs. Badger's defaults target a long-running server.
//
// Measured on a bulk ingest of 20 000 articles (400 000 triples) the process
// peaks at about 450-650 MiB RSS. Most of that is not the settings below but
// badger's compaction: its table builders, and a pool of up to eight
// reusable allocators that keeps their buffers (freed one per two seconds
// once idle); no option bounds it. Smaller memtables were measured to use
// more memory, not less, because they make more level-0 tables to compact.
// A run ingesting 300 articles peaked at 70 MiB, a read-only open that
// lists actors and scans every triple at 20 MiB.
func badgerOptions(dir string, opts Options) badger.Options {
	var o badger.Options
	if opts.InMemory {
		o = badger.DefaultOptions("").WithInMemory(true)
	} else {
		o = badger.DefaultOptions(dir)
	}
	return o.
		WithReadOnly(opts.ReadOnly).
		// Errors come back as values; badger's INFO lines on stderr would
		// mix with the CLI's own output.
		WithLogger(nil).
		WithMetricsEnabled(false).
		// 32 MiB memtables (default 64): a memtable's arena is about 1.3×
		// this, and with NumMemtables 2 at most ~85 MiB instead of ~400.
		// The size also caps one transaction at 15% of it (~4.8 MiB), and
		// Ingest writes an article in one transaction: room for several
		// thousand triples per article (see ErrTooLarge). 16 MiB would
		// halve both, and measured no lower peak (see above).
		WithMemTableSize(32 << 20).
		// One active and one flushing memtable (default 5): writes stall
		// briefly if a flush is slower than filling the next memtable,
		// which a CLI can afford.
		WithNumMemtables(2).
		// Blocks are Snappy-compressed (the default; triple sentences
		// compress well), so a block cache is required. 16 MiB (default
		// 256) holds the hot blocks of point lookups; scans read through
		// the OS page cache anyway.
		WithBlockCacheSize(16 << 20).
		// Bound table indexes and bloom filters to 8 MiB (default 0: all
		// kept in memory, which grows with the store). A large store pays
		// with index reloads on lookups that miss the cache.
		WithIndexCacheSize(8 << 20).
		// Values are small and stay in the LSM tree (ValueThreshold 1 MiB),
		// so the value log sees little; 64 MiB files (default 1 GiB) keep
		// the sparse 2× pre-allocation modest on disk listings.
		WithValueLogFileSize(64 << 20).
		// Two compactors (the minimum above zero) for the two cores a
		// laptop CLI may fairly use; default 4.
		WithNumCompactors(2).
		WithNumGoroutines(2).
		// Writers are serialised by Store.writeMu and only one process may
		// write (the directory lock), so badger's conflict tracking would
		// only cost memory.
		WithDetectConflicts(false).
		// SyncWrites stays false (default): each transaction reaches the
		// write-ahead log atomically and survives a process crash; a power
		// loss may drop the last transactions but never splits one, and
		// an article whose ingest was lost is re-ingested on the next run.
		WithCompression(options.Snappy).
		// A writer compacts level 0 into level 1 when it closes (default
		// off). Ingest rewrites each actor's aggregate with every article
		// that names it, so a large build leaves level 0 holding millions
		// of superseded versions that every later read steps over: on a
		// generated store of a million triples, naming 1 516 actors
		// (ActorNames, just after opening) took 59 ms before this
		// compaction and 9 ms after, and closing the build took about a
		// second longer.
		WithCompactL0OnClose(!opts.ReadOnly)
}

// checkVersion reads the format version, recording it in a new empty store.
func (s *Store) checkVersion() error {
	var (
		version uint32
		found   bool
		empty   bool
	)
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(metaVersionKey)
		if errors.Is(err, badger.ErrKeyNotFound) {
			it := txn.NewIterator(badger.IteratorOptions{})
			defer it.Close()
			it.Rewind()
			empty = !it.Valid()
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		return item.Value(func(v []byte) error {
			version, err = decodeVersion(v)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("store: read format version of %s: %w: %w", s.dir, ErrCorrupt, err)
	}
	switch {
	case found && version == FormatVersion:
		return nil
	case found:
		return &VersionError{Dir: s.dir, Found: int(version), Supported: FormatVersion}
	case !empty:
		return fmt.Errorf("%w: %s has no format version (not a newsgraph store?): remove it and run `newsgraph build` on the articles again",
			ErrCorrupt, s.dir)
	case s.readOnly:
		return nil // an empty store reads as empty
	}
	err = s.db.Update(func(txn *badger.Txn) error {
		if err := txn.Set(metaVersionKey, encodeVersion(FormatVersion)); err != nil {
			return err
		}
		return txn.Set(metaCountsKey, Counts{}.encode())
	})
	if err != nil {
		return fmt.Errorf("store: initialise %s: %w", s.dir, err)
	}
	return nil
}

// Dir returns the directory the store was opened in.
func (s *Store) Dir() string { return s.dir }

// Close flushes and closes the store and releases its directory. Calling it
// again returns the first call's result. No other method may be called
// after Close.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		if s.db != nil {
			if err := s.db.Close(); err != nil {
				s.closeErr = fmt.Errorf("store: close %s: %w", s.dir, err)
			}
		}
		s.lock.release()
	})
	return s.closeErr
}
