package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// Sentinel errors. Errors returned by the store wrap them with context; test
// with errors.Is.
var (
	// ErrNotFound reports an article or actor that is not in the store.
	ErrNotFound = errors.New("store: not found")
	// ErrLocked reports a store folder that another process is writing. The
	// returned error is a *LockError naming the folder and, when known,
	// the holder's pid, start time and command. Only writers get it.
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
	// itself, or a store folder that is damaged. The store holds only
	// derived data: rebuild it from the sources.
	ErrCorrupt = errors.New("store: corrupt data")
	// ErrNoSpace reports that the file system holding the store has less
	// free space than Options.MinFree. The returned error is a *SpaceError.
	ErrNoSpace = errors.New("store: not enough free space")
	// ErrClosed reports a call on a store already closed or committed.
	ErrClosed = errors.New("store: closed")
	// ErrNoStore reports a store folder that holds nothing published yet:
	// it does not exist, is empty, or its first build has not finished.
	// The returned error is a *NoStoreError; it matches fs.ErrNotExist too.
	ErrNoStore = errors.New("store: no newsgraph store there yet")
)

// NoStoreError reports a store folder with nothing published in it yet. It
// matches ErrNoStore and fs.ErrNotExist.
type NoStoreError struct {
	Dir string // the store folder
	// Pending reports unpublished generations in the folder: its first
	// build is running, or was killed.
	Pending bool
}

// Error names the folder, and says when a first build has not finished.
func (e *NoStoreError) Error() string {
	if e.Pending {
		return fmt.Sprintf("store %s: no newsgraph store there yet (its first build has not finished)", e.Dir)
	}
	return fmt.Sprintf("store %s: no newsgraph store there yet", e.Dir)
}

// Is reports whether target is ErrNoStore or fs.ErrNotExist.
func (e *NoStoreError) Is(target error) bool { return target == ErrNoStore || target == fs.ErrNotExist }

// VersionError reports a store written in a format this build does not read.
// The store holds only derived data, so an older store is built again from
// the sources (`newsgraph rebuild --from-scratch`); a newer one needs a
// newer newsgraph.
type VersionError struct {
	Dir       string // the store folder
	Found     int    // the store's format version
	Supported int    // FormatVersion of this build
}

// Error says which format the store has and what to do about it, on one
// line.
func (e *VersionError) Error() string {
	if e.Found > e.Supported {
		return fmt.Sprintf("store %s was built by a newer newsgraph (format %d); this one reads format %d: upgrade newsgraph",
			e.Dir, e.Found, e.Supported)
	}
	return fmt.Sprintf("store %s has format %d, which this newsgraph no longer reads (it reads format %d): run `newsgraph rebuild --from-scratch` to build it again from the sources",
		e.Dir, e.Found, e.Supported)
}

// Newer reports whether the store was written by a newer newsgraph.
func (e *VersionError) Newer() bool { return e.Found > e.Supported }

// SpaceError reports that the file system holding the store has too little
// free space to go on writing safely. Badger writes through memory-mapped
// files, and a full disk kills the process with SIGBUS, which nothing can
// recover from; so writers check the free space before they start and
// while they write, and stop with this error while a margin is left. The
// published generation is never touched. It wraps ErrNoSpace.
type SpaceError struct {
	Dir    string // the store folder
	Free   uint64 // bytes available
	Need   uint64 // bytes the step needs beyond the margin (a copy of the store), or 0
	Margin uint64 // Options.MinFree
}

// Error gives the free space and the margin in MiB, on one line.
func (e *SpaceError) Error() string {
	if e.Need > 0 {
		return fmt.Sprintf("store %s: only %d MiB free, below the %d MiB needed to copy the store (%d MiB) and keep the %d MiB margin",
			e.Dir, e.Free>>20, (e.Need+e.Margin)>>20, e.Need>>20, e.Margin>>20)
	}
	return fmt.Sprintf("store %s: only %d MiB free, below the %d MiB margin", e.Dir, e.Free>>20, e.Margin>>20)
}

// Unwrap returns ErrNoSpace.
func (e *SpaceError) Unwrap() error { return ErrNoSpace }

// DefaultMinFree is the free space a writer keeps on the store's file
// system when Options.MinFree is 0: room for badger to flush its two 8 MiB
// memtables and to compact level 0 on close, with some to spare.
const DefaultMinFree = 256 << 20

// Options configure Open. The zero value opens the store for writing: see
// the package documentation for what readers and writers do.
type Options struct {
	// ReadOnly opens the published generation for reading. A reader never
	// waits for a writer and never sees what a writer has not committed;
	// it needs no write permission.
	ReadOnly bool
	// InMemory keeps the store in memory, for tests; dir is then only used
	// in messages and nothing is written to disk. Commit only closes it.
	InMemory bool
	// Wait is how long a writer waits for another writer to finish before
	// giving up with a *LockError; 0 tries once.
	Wait time.Duration
	// Fresh starts the writer from an empty generation instead of a copy
	// of the published one; Commit then replaces the store's whole
	// content. It is what `rebuild --from-scratch` uses, and it works on a
	// store whose published generation has another format or is damaged.
	Fresh bool
	// MinFree is the free space, in bytes, a writer keeps on the store's
	// file system: it does not start, and stops writing with a *SpaceError,
	// below it. 0 means DefaultMinFree; a negative value turns the checks
	// off.
	MinFree int64
}

// minFree returns the margin in bytes, or 0 when the checks are off.
func (o Options) minFree() uint64 {
	switch {
	case o.MinFree < 0:
		return 0
	case o.MinFree == 0:
		return DefaultMinFree
	}
	return uint64(o.MinFree)
}

// Store is a newsgraph knowledge-graph store: articles, their mentions and
// triples, and per-actor aggregates, kept in a badger database. A Store is
// safe for concurrent use; writes are serialised.
//
// A reader reads the generation published when it opened. A writer reads
// the published generation until its first write, which copies it into a
// new generation (see prepare) that reads and writes then go to; Commit
// publishes that generation, Close discards it.
type Store struct {
	dir      string
	opts     Options
	readOnly bool

	// db is the database that reads and writes go through: base, then
	// next once a writer has written. Methods load it once per call.
	db   atomic.Pointer[badger.DB]
	base *badger.DB // read-only handle of the published generation, or nil
	next *badger.DB // the writer's unpublished generation, or nil
	// published is the generation `current` named when the store was
	// opened ("" for none, or for the first layout); nextName is next's.
	published, nextName string
	lock                *dirLock // the writer's lock; nil for readers and in memory

	writeMu sync.Mutex // serialises Ingest, DeleteArticle, Commit and Close
	// aggs caches the encoded 'e' values this Store committed, by actor id,
	// so that ingest does not read back the aggregates it wrote itself
	// (those reads were a third of ingest time on large stores). Only
	// writers use it, holding writeMu; it is updated after a commit
	// succeeds, and it is valid because the writer's lock admits one
	// writer. It is dropped whole when it reaches maxCachedAggs entries.
	aggs     map[string][]byte
	aggBytes int // bytes of the values in aggs
	// inflight is the last write transaction, still being written by
	// badger (see commitAsync), or nil; under writeMu.
	inflight *inflightCommit
	// bulk is the bulk load going on (bulk.go), or nil: a writer whose
	// generation started empty loads in bulk until something reads.
	bulk atomic.Pointer[bulkLoad]
	// reopenDue is set when a bulk load has ended and left the generation
	// open with bulkOptions (see endBulk).
	reopenDue atomic.Bool
	// runBytes is the size of a bulk load's sorted runs: bulkRunBytes,
	// smaller in tests so that they write several.
	runBytes int
	// streamBytes, if not zero, fixes the bytes of pairs in each stream a
	// bulk load hands to the StreamWriter (tests: several streams); by
	// default streamOut ends a stream when it would fill a table.
	streamBytes int
	// bulkLog is the Logger of the generation opened for a bulk load.
	bulkLog *tableLog
	// Free-space checks of a writer, under writeMu: bytes written and time
	// since the last check, and the error that stopped writing (also a
	// failed commit).
	unchecked int64
	checkedAt time.Time
	failed    error
	// stopRelease stops the writer's goroutine that releases the resident
	// pages of table files (see keepReleasingTablePages); nil for readers
	// and in memory.
	stopRelease func()

	closeOnce sync.Once
	closeErr  error
}

// Free space is checked again after this many bytes of writes, or this
// long, whichever comes first.
const (
	spaceCheckBytes    = 256 << 10
	spaceCheckInterval = time.Second
)

// releaseInterval is how often a writer releases the resident pages of its
// table files (see releaseTablePages). Compaction reads and writes tables
// at tens of MB a second, which bounds what can pile up in between.
const releaseInterval = 250 * time.Millisecond

// Open opens the store in dir; see OpenContext.
func Open(dir string, opts Options) (*Store, error) {
	return OpenContext(context.Background(), dir, opts)
}

// OpenContext opens the store in dir. ctx only bounds a writer's wait for
// the lock (Options.Wait).
//
// A reader (opts.ReadOnly) opens the published generation. It fails with an
// error wrapping ErrNoStore (and fs.ErrNotExist) when nothing is published
// yet, with a *VersionError when the store has another format, and with an
// error naming dir and the problem when the folder is damaged.
//
// A writer creates dir if needed, takes the writer's lock (a *LockError
// when another process holds it, after waiting up to opts.Wait), converts a
// store of the first layout, removes generations left by killed writers,
// and checks the format and the free space (a *SpaceError). It writes
// nothing else until its first write.
func OpenContext(ctx context.Context, dir string, opts Options) (*Store, error) {
	switch {
	case opts.InMemory:
		return openMemory(dir, opts)
	case opts.ReadOnly:
		return openReader(dir, opts)
	}
	return openWriter(ctx, dir, opts)
}

// newStore returns a Store of dir with nothing open.
func newStore(dir string, opts Options) *Store {
	return &Store{dir: dir, opts: opts, readOnly: opts.ReadOnly, aggs: map[string][]byte{}, runBytes: bulkRunBytes}
}

// openMemory opens an in-memory store.
func openMemory(dir string, opts Options) (*Store, error) {
	s := newStore(dir, opts)
	db, err := openBadger(badgerOptions("", opts))
	if err != nil {
		return nil, fmt.Errorf("store %s: open in memory: %w", dir, err)
	}
	if opts.ReadOnly {
		s.base = db
	} else {
		s.next = db
	}
	s.db.Store(db)
	if err := s.checkVersion(db); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// bdb returns the database reads and writes go through, or nil once the
// store is closed.
func (s *Store) bdb() *badger.DB { return s.db.Load() }

// view runs fn in a read transaction of the database reads go through,
// once it is readable.
func (s *Store) view(fn func(txn *badger.Txn) error) error {
	if err := s.readable(); err != nil {
		return err
	}
	return s.viewAsIs(fn)
}

// viewAsIs runs fn in a read transaction of the database reads go through,
// as it is: during a bulk load, without what the load holds.
func (s *Store) viewAsIs(fn func(txn *badger.Txn) error) error {
	db := s.bdb()
	if db == nil {
		return fmt.Errorf("store %s: %w", s.dir, ErrClosed)
	}
	return db.View(fn)
}

// bulkPending reports whether a bulk load is going on, or has ended and
// left the generation open with bulkOptions (reopenDue).
func (s *Store) bulkPending() bool { return s.bulk.Load() != nil || s.reopenDue.Load() }

// readable ends a bulk load, if one is going on, so that reads see what
// it loaded, through a handle opened with the usual options (endBulk).
// It must not be called under writeMu.
func (s *Store) readable() error {
	if !s.bulkPending() {
		return nil
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.endBulk()
}

// openBadger opens a badger database, turning a panic inside badger's open
// (on some damaged files) into an error.
func openBadger(o badger.Options) (db *badger.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("badger: %v", r)
		}
	}()
	return badger.Open(o)
}

// oneLine joins the lines of a message, since badger's errors span
// several, so that every error the CLI prints is one line.
func oneLine(msg string) string {
	return strings.Join(strings.Fields(msg), " ")
}

// flatError is an error whose message is made one line; it unwraps to the
// original.
type flatError struct{ err error }

func (e flatError) Error() string { return oneLine(e.err.Error()) }
func (e flatError) Unwrap() error { return e.err }

// badgerOptions tunes badger for a command-line tool: a short-lived process
// that ingests in bursts and then scans, on a laptop, next to other
// programs. Badger's defaults target a long-running server.
//
// Badger maps its table files and never lets go of pages it has touched, so
// a writer's resident set grew with the store until releaseTablePages
// (pages_linux.go) returned them: measured on `newsgraph build` of 10 000
// generated articles, 335 MB peak RSS before, 230-245 MB after, with at
// most a few MB of table pages resident at a time.
//
// The rest of a writer's memory is badger's, on the Go heap, and most of it
// is table builders: a builder holds its whole table in memory, each block
// twice (as written and compressed), in buffers that double as they fill,
// and badger keeps up to eight builders' buffers in a pool that every
// later builder draws from (freed one per two seconds once idle; no option
// bounds it). So the pool's buffers grow to about twice the largest table
// ever built, times eight. The largest tables are level-0 tables, one
// memtable each, and, with badger's defaults, the tables of the deepest
// levels, which double in size with each level the store grows into. Both
// are kept small below. Measured with bench/storeload (the store alone,
// 40 000 generated articles, 1.36 million triples, GOMEMLIMIT 192 MiB):
// 610 MB peak RSS and 840 MB of Go heap with 32 MiB memtables and growing
// tables, 372 MB with 16 MiB memtables and 2 MiB tables at every level,
// 235 MB with 8 MiB memtables and 2 MiB tables (227 MB with 1 MiB ones);
// the first grew on to 768 MB at 100 000 articles. Without compression
// the heap was smaller but the store twice as large, and the resident
// table pages grew instead.
func badgerOptions(dir string, opts Options) badger.Options {
	var o badger.Options
	if opts.InMemory {
		o = badger.DefaultOptions("").WithInMemory(true)
	} else {
		o = badger.DefaultOptions(dir)
	}
	o = o.
		WithReadOnly(opts.ReadOnly).
		// Errors come back as values; badger's INFO lines on stderr would
		// mix with the CLI's own output.
		WithLogger(nil).
		WithMetricsEnabled(false).
		// 8 MiB memtables (default 64): a memtable's arena is about 1.3×
		// this, and a level-0 table holds one memtable, so this bounds
		// the largest table builder (see above). The size also caps one
		// transaction at 15% of it (~1.2 MiB, or about 13 000 keys), and
		// Ingest writes an article in one transaction: room for about
		// 2 000 triples per article (see ErrTooLarge, maxTxnBytes).
		WithMemTableSize(8 << 20).
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
		// An article's packed triples (a few KB: the evidence sentences)
		// go to the value log, everything else (index entries, tallies,
		// aggregates, mostly under 300 bytes) stays in the LSM tree. Then
		// compaction, which rewrites the tree again and again as it grows,
		// moves a 20-byte pointer instead of the sentences. Measured with
		// bench/storeload --articles 20000, three interleaved pairs on two
		// shared cores: 8 600-10 700 triples/s with every value in the tree,
		// 10 100-14 800 with a 1-2 KiB threshold, peak RSS 215-243 MB
		// against 175-185 MB, at 21% more disk (the value log is not
		// compressed). Replaced articles leave garbage in the log, which
		// Commit collects (collectValueLog). 64 MiB files (default 1 GiB)
		// keep the sparse 2x pre-allocation modest on disk listings. (An
		// in-memory store has no value log and keeps badger's 1 MiB
		// threshold: it rejects larger values.)
		WithValueLogFileSize(64 << 20).
		// 2 MiB tables (badger's default for the base level) at every
		// level: TableSizeMultiplier 1 below; by default they double with
		// each level below the base one, so 8 MiB and more once the store
		// holds about a GB. A table builder's buffers, and so the pool's
		// (see above), stay a few MiB. A GB store is then about 500
		// tables, which a reader opens one by one: about 0.15 ms each.
		// Not smaller: with 1 MiB tables a bulk load (bulk.go) of 50 000
		// generated articles ended in 11 s instead of 30, but queries on a
		// store of a million triples took 40% longer (open 28.5 ms against
		// 18.8, an actor 44 against 30; BenchmarkQuery1M, side by side).
		WithBaseTableSize(2 << 20).
		// Up to 10 level-0 tables before compacting them into level 1
		// (default 5), writes stalled at 20 (default 15): with 8 MiB
		// memtables level 0 fills four times as often as with badger's
		// 64 MiB, and compacting it in larger batches does less work.
		// Side by side: a 10k-article build 57 s instead of 64 s, and
		// bench/storeload --articles 40000 7,900 triples/s instead of
		// 6,700, peak RSS 241 MB against 234 MB; level-0 tables are files,
		// their pages released like the others'.
		WithNumLevelZeroTables(10).
		WithNumLevelZeroTablesStall(20).
		// Two compactors (the minimum above zero) for the two cores a
		// laptop CLI may fairly use; default 4.
		WithNumCompactors(2).
		WithNumGoroutines(2).
		// Writers are serialised by Store.writeMu and only one process may
		// write (the writer's lock), so badger's conflict tracking would
		// only cost memory.
		WithDetectConflicts(false).
		// SyncWrites stays false (default): writes go to an unpublished
		// generation, which a crash discards whole; durability comes from
		// Commit, which closes the generation (badger flushes and syncs
		// every table), fsyncs its files and folder, and only then
		// publishes it.
		WithCompression(options.Snappy).
		// Each block's checksum is verified when it is read from disk
		// (default: never), so that a damaged table file gives an error
		// instead of wrong data; it costs a hash of each 4 KiB block read.
		WithChecksumVerificationMode(options.OnBlockRead).
		// A writer compacts level 0 into level 1 when it closes (default
		// off). Ingest rewrites each actor's aggregate with every article
		// that names it, so a large build leaves level 0 holding millions
		// of superseded versions that every later read steps over: on a
		// generated store of a million triples, naming 1 516 actors
		// (ActorNames, just after opening) took 59 ms before this
		// compaction and 9 ms after, and closing the build took about a
		// second longer.
		WithCompactL0OnClose(!opts.ReadOnly)
	if !opts.InMemory {
		o = o.WithValueThreshold(2 << 10)
	}
	// Tables of every level as large as the base level's (default: twice
	// the size of the level above's; badger has no With method for it).
	// See WithBaseTableSize above.
	o.TableSizeMultiplier = 1
	return o
}

// checkVersion reads the format version of db, recording it when db is a
// new, empty, writable database.
func (s *Store) checkVersion(db *badger.DB) error {
	var (
		version uint32
		found   bool
		empty   bool
	)
	err := db.View(func(txn *badger.Txn) error {
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
		return damaged(err, "store %s is damaged: cannot read its format version (%s)", s.dir, err)
	}
	switch {
	case found && version == FormatVersion:
		return nil
	case found:
		return &VersionError{Dir: s.dir, Found: int(version), Supported: FormatVersion}
	case !empty:
		return damaged(nil, "store %s has no format version (not a newsgraph store?): run `newsgraph rebuild --from-scratch` to build it again from the sources", s.dir)
	case db.Opts().ReadOnly:
		return nil // an empty store reads as empty
	}
	err = db.Update(func(txn *badger.Txn) error {
		if err := txn.Set(metaVersionKey, encodeVersion(FormatVersion)); err != nil {
			return err
		}
		return txn.Set(metaCountsKey, Counts{}.encode())
	})
	if err != nil {
		return fmt.Errorf("store %s: initialise: %w", s.dir, flatError{err})
	}
	return nil
}

// Dir returns the store folder the store was opened in.
func (s *Store) Dir() string { return s.dir }

// Generation returns the name of the generation folder the store reads
// ("gen-000042"): for a reader the published one, for a writer the
// published one until its first write and its own new one after. It is ""
// in memory, for a store of the first layout, and for a writer of a new
// store before its first write.
func (s *Store) Generation() string {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.nextName != "" {
		return s.nextName
	}
	return s.published
}

// Commit publishes what a writer has written and closes the store, in this
// order: it checks the free space (closing flushes and compacts), closes
// the new generation (badger flushes and syncs it), fsyncs its files and
// folder, points `current` at it (a new symlink renamed over the old one,
// then an fsync of the store folder), and removes the generations older
// than the one it replaces that no reader has open. Readers that opened
// before keep reading the generation they opened.
//
// A writer that wrote nothing publishes nothing and copies nothing; a new
// store, or a Fresh writer, publishes its generation even when empty. If
// Commit fails, nothing is published and the store is as before. Either way
// the store is closed: a later Close returns Commit's result, and no other
// method may be called during Commit or after it. Commit on a read-only
// store gives ErrReadOnly and leaves it open.
func (s *Store) Commit() error {
	if s.readOnly {
		return fmt.Errorf("store %s: commit: %w", s.dir, ErrReadOnly)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	ran := false
	s.closeOnce.Do(func() {
		ran = true
		s.closeErr = s.commit()
	})
	if !ran {
		return fmt.Errorf("store %s: commit: %w", s.dir, ErrClosed)
	}
	return s.closeErr
}

// Close closes the store and releases the writer's lock. A writer's
// unpublished generation is discarded: what it wrote since Open is lost and
// the published generation is as before. Calling Close again, or after
// Commit, returns the first call's result. No other method may be called
// after Close or during it.
func (s *Store) Close() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.closeOnce.Do(func() {
		s.settle()
		if b := s.bulk.Swap(nil); b != nil {
			b.main.remove()
		}
		s.db.Store(nil)
		if s.opts.InMemory {
			s.closeErr = closeDB(s.dir, firstNonNil(s.next, s.base))
			return
		}
		s.discard()
		s.closeErr = closeDB(s.dir, s.base)
		s.base = nil
		s.stopReleasing()
		s.lock.release()
	})
	return s.closeErr
}

func firstNonNil(dbs ...*badger.DB) *badger.DB {
	for _, db := range dbs {
		if db != nil {
			return db
		}
	}
	return nil
}

// closeDB closes db if it is not nil.
func closeDB(dir string, db *badger.DB) error {
	if db == nil {
		return nil
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("store %s: close: %w", dir, flatError{err})
	}
	return nil
}

// stopReleasing stops the releasing of table pages, if it runs.
func (s *Store) stopReleasing() {
	if s.stopRelease != nil {
		s.stopRelease()
		s.stopRelease = nil
	}
}
