package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// The store folder's layout; see the package documentation.
const (
	currentName   = "current"             // symlink to the published generation
	currentTemp   = "current.tmp-"        // + pid: the new link, before it is renamed over current
	genPrefix     = "gen-"                // + at least 6 digits: a generation folder
	publishedMark = "newsgraph-published" // in a generation once `current` has named it
	badgerLock    = "LOCK"                // badger's pid file, present while a badger process has the folder open for writing
	manifestName  = "MANIFEST"            // badger's manifest: its presence at the top marks the first layout
	firstGen      = 1                     // the number of the first generation, and of a converted store
	genDigits     = 6                     // zero-padded digits in a generation name
	maxOpenTries  = 3                     // a reader's attempts when writers publish while it opens
	migrationNote = "the next writer (a build) finishes it"
)

// genName returns the name of generation n.
func genName(n int) string { return fmt.Sprintf("%s%0*d", genPrefix, genDigits, n) }

// parseGen returns the number of a generation folder name.
func parseGen(name string) (int, bool) {
	digits, ok := strings.CutPrefix(name, genPrefix)
	if !ok || len(digits) < genDigits || strings.Trim(digits, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	return n, err == nil && n > 0
}

// layout is what a store folder holds.
type layout struct {
	exists    bool     // the folder exists
	current   string   // the generation `current` names, or ""
	currentOK bool     // that generation's folder exists
	gens      []int    // the generation folders, ascending
	published []int    // those marked published, ascending
	old       bool     // a MANIFEST at the top: the first layout, or a conversion not finished
	temps     []string // current.tmp-* links left by killed writers
}

// readLayout reads the layout of dir. A `current` that is not a symlink to
// a generation name is an error wrapping ErrCorrupt.
func readLayout(dir string) (layout, error) {
	var l layout
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return l, nil
	case err != nil:
		fi, serr := os.Stat(dir)
		if serr == nil && !fi.IsDir() {
			return l, fmt.Errorf("store %s: not a folder", dir)
		}
		return l, fmt.Errorf("store %s: %w", dir, err)
	}
	l.exists = true
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == manifestName:
			l.old = true
		case name == currentName:
			target, err := os.Readlink(filepath.Join(dir, name))
			if err != nil {
				return l, damaged(err, "store %s is damaged: %s is not a symbolic link to a generation (%v)", dir, currentName, err)
			}
			if _, ok := parseGen(target); !ok || target != filepath.Base(target) {
				return l, damaged(nil, "store %s is damaged: %s points to %q, not to a generation folder", dir, currentName, target)
			}
			l.current = target
		case strings.HasPrefix(name, currentTemp):
			l.temps = append(l.temps, name)
		default:
			if n, ok := parseGen(name); ok && e.IsDir() {
				l.gens = append(l.gens, n)
				if _, err := os.Lstat(filepath.Join(dir, name, publishedMark)); err == nil {
					l.published = append(l.published, n)
				}
			}
		}
	}
	slices.Sort(l.gens)
	slices.Sort(l.published)
	if l.current != "" {
		n, _ := parseGen(l.current)
		l.currentOK = slices.Contains(l.gens, n)
	}
	return l, nil
}

// problem returns the error that keeps a store of layout l from being read
// (and, unless fresh, written), or nil. It does not cover the first layout.
func (l layout) problem(dir string, fresh bool) error {
	switch {
	case l.current != "" && !l.currentOK && !fresh:
		return damaged(nil, "store %s is damaged: %s names %s, which is missing: run `newsgraph rebuild --from-scratch` to build the store again from the sources",
			dir, currentName, l.current)
	case l.current == "" && len(l.published) > 0 && !fresh:
		last := genName(l.published[len(l.published)-1])
		return damaged(nil, "store %s is damaged: the %s link is missing, but %s was published: `ln -s %s %s` restores it",
			dir, currentName, last, last, filepath.Join(dir, currentName))
	}
	return nil
}

// openReader opens the published generation of dir read-only. When a
// writer publishes twice while it opens, the generation it found may have
// been removed; it then tries again with the new one.
func openReader(dir string, opts Options) (*Store, error) {
	var err error
	for range maxOpenTries {
		var l layout
		if l, err = readLayout(dir); err != nil {
			return nil, err
		}
		var path string
		switch {
		case !l.exists:
			return nil, &NoStoreError{Dir: dir}
		case l.old && (l.current != "" || slices.Contains(l.gens, firstGen)):
			return nil, fmt.Errorf("store %s is being converted to the generation layout, or its conversion was interrupted: %s", dir, migrationNote)
		case l.old:
			path = dir // the first layout, read in place
		case l.current == "" && len(l.published) == 0:
			return nil, &NoStoreError{Dir: dir, Pending: len(l.gens) > 0}
		default:
			if err := l.problem(dir, false); err != nil {
				return nil, err
			}
			path = filepath.Join(dir, l.current)
		}
		var db *badger.DB
		if err = checkTables(path); err == nil {
			db, err = openBadger(badgerOptions(path, opts))
		}
		if err != nil {
			err = openError(dir, l, err)
			if again, aerr := readLayout(dir); aerr == nil && (again.current != l.current || again.old != l.old) {
				continue // a writer published meanwhile
			}
			return nil, err
		}
		s := newStore(dir, opts)
		s.base, s.published = db, l.current
		s.db.Store(db)
		if err := s.checkVersion(db); err != nil {
			db.Close()
			return nil, err
		}
		return s, nil
	}
	return nil, err
}

// checkTables checks the footer of every table file (.sst) in dir as
// badger reads it when it opens the table (table.initIndex): the last 4
// bytes give the length of the index checksum before them, the 4 bytes
// before that the length of the index. Badger opens tables on goroutines
// of its own and panics there when these lengths point outside the file, as
// in a truncated file, which no recover can catch; so a generation is
// checked before badger opens it. It reads 8 bytes a table. Damage that
// keeps the lengths in bounds is left to badger, which verifies the index
// checksum and, for data blocks, their checksums when they are read (see
// badgerOptions).
func checkTables(dir string) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.sst"))
	if err != nil {
		return err
	}
	for _, path := range paths {
		if err := checkTableFooter(path); err != nil {
			return fmt.Errorf("table %s is truncated or damaged: %w", filepath.Base(path), err)
		}
	}
	return nil
}

func checkTableFooter(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	size := fi.Size()
	if size < 8 {
		return fmt.Errorf("%d bytes", size)
	}
	var b [4]byte
	if _, err := f.ReadAt(b[:], size-4); err != nil {
		return err
	}
	sumLen := int64(binary.BigEndian.Uint32(b[:]))
	if sumLen > size-8 {
		return fmt.Errorf("its footer gives a %d-byte checksum in %d bytes", sumLen, size)
	}
	if _, err := f.ReadAt(b[:], size-8-sumLen); err != nil {
		return err
	}
	if indexLen := int64(binary.BigEndian.Uint32(b[:])); indexLen > size-8-sumLen {
		return fmt.Errorf("its footer gives a %d-byte index in %d bytes", indexLen, size)
	}
	return nil
}

// corruptError is a damaged store: its message says so in words and it
// matches ErrCorrupt (and the cause, when there is one) with errors.Is.
type corruptError struct {
	msg   string
	cause error
}

func (e *corruptError) Error() string { return e.msg }

func (e *corruptError) Unwrap() []error {
	if e.cause == nil {
		return []error{ErrCorrupt}
	}
	return []error{ErrCorrupt, e.cause}
}

// damaged returns a *corruptError with the formatted message, made one
// line.
func damaged(cause error, format string, args ...any) error {
	return &corruptError{msg: oneLine(fmt.Sprintf(format, args...)), cause: cause}
}

// openError describes badger's failure to open a generation (or a store of
// the first layout) of dir on one line.
func openError(dir string, l layout, err error) error {
	what := l.current
	if l.old && l.current == "" {
		what = "the store (first layout)"
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Another process is using this Badger database"):
		// badger wraps its flock error with %+v, so errors.Is cannot see
		// EWOULDBLOCK: its message is the only signal. Only a process that
		// is not this newsgraph (or an older one, on the first layout)
		// writes a generation that is published.
		return &LockError{Dir: dir}
	case strings.Contains(msg, badger.ErrTruncateNeeded.Error()):
		if l.old && l.current == "" {
			return fmt.Errorf("store %s was left open by an interrupted write of an older newsgraph: %s (it recovers the store and converts it to the generation layout)",
				dir, "the next writer (a build) repairs it")
		}
		return damaged(err, "store %s is damaged: %s was not closed cleanly (%s): run `newsgraph rebuild --from-scratch` to build it again from the sources",
			dir, what, oneLine(msg))
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("store %s: cannot read %s: %w", dir, what, flatError{err})
	}
	return damaged(err, "store %s is damaged: cannot open %s (%s): run `newsgraph rebuild --from-scratch` to build it again from the sources",
		dir, what, oneLine(msg))
}

// openWriter opens dir for writing; see OpenContext.
func openWriter(ctx context.Context, dir string, opts Options) (_ *Store, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("store %s: create: %w", dir, err)
	}
	if err := writable(dir); err != nil {
		return nil, err
	}
	s := newStore(dir, opts)
	if err := s.checkSpace(0); err != nil {
		return nil, err
	}
	lock, err := lockDir(ctx, dir, opts.Wait)
	if err != nil {
		return nil, err
	}
	s.lock = lock
	s.stopRelease = keepReleasingTablePages(dir, releaseInterval)
	defer func() {
		if err != nil {
			if s.base != nil {
				s.base.Close()
			}
			s.discard()
			s.stopRelease()
			lock.release()
		}
	}()

	l, err := readLayout(dir)
	if err != nil {
		return nil, err
	}
	if l.old {
		if err := migrate(dir, l, opts.Fresh); err != nil {
			return nil, err
		}
		if l, err = readLayout(dir); err != nil {
			return nil, err
		}
	}
	if err := l.problem(dir, opts.Fresh); err != nil {
		return nil, err
	}
	if l.current != "" && l.currentOK {
		s.published = l.current
		if !opts.Fresh {
			path := filepath.Join(dir, l.current)
			err := checkTables(path)
			var db *badger.DB
			if err == nil {
				db, err = openBadger(badgerOptions(path, Options{ReadOnly: true}))
			}
			if err != nil {
				return nil, openError(dir, l, err)
			}
			s.base = db
			s.db.Store(db)
			if err := s.checkVersion(db); err != nil {
				return nil, err
			}
		}
	}
	// Generations never published are left by killed writers; no reader
	// can have them open.
	removeStale(dir, l)
	if s.base == nil {
		// A new store, or a fresh start: there is nothing to copy, so the
		// generation is made now and published even if nothing is written.
		if err := s.prepare(true); err != nil {
			return nil, err
		}
		if err := s.beginBulk(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// removeStale removes the generations of l that were never published
// (numbered above the current one, or all unmarked ones when there is no
// current one) and the temporary links of killed writers.
func removeStale(dir string, l layout) {
	cur, _ := parseGen(l.current)
	for _, n := range l.gens {
		if (l.current != "" && n > cur) || (l.current == "" && !slices.Contains(l.published, n)) {
			removeGen(dir, n)
		}
	}
	for _, t := range l.temps {
		os.Remove(filepath.Join(dir, t))
	}
}

// removeGen removes generation n unless a process has it open, and reports
// whether it did.
func removeGen(dir string, n int) bool {
	path := filepath.Join(dir, genName(n))
	inUse, unlock := genInUse(path)
	if inUse {
		return false
	}
	defer unlock()
	return os.RemoveAll(path) == nil
}

// prepare makes the generation a writer writes to: a copy of the published
// generation, or an empty one when there is none (or with Options.Fresh),
// opened for writing; reads and writes then go to it. An empty generation
// to be loaded in bulk (beginBulk) is opened with bulkOptions and left
// without its format version, which the load's end writes.
//
// Tables (.sst) are immutable while they live, but badger empties a table
// file (truncates it to 0) before it unlinks it after a compaction
// (ristretto's z.MmapFile.Delete, called by table.DecrRef), so a hard link
// would let the new generation's compactions empty the published one's
// tables: every file is copied instead, as a copy-on-write clone where the
// file system supports it (btrfs, XFS), otherwise with copy_file_range.
func (s *Store) prepare(bulk bool) error {
	var (
		files []string
		size  uint64
		src   string
	)
	if s.base != nil {
		src = filepath.Join(s.dir, s.published)
		entries, err := os.ReadDir(src)
		if err != nil {
			return fmt.Errorf("store %s: read %s: %w", s.dir, s.published, err)
		}
		for _, e := range entries {
			if !e.Type().IsRegular() || e.Name() == badgerLock || e.Name() == publishedMark {
				continue
			}
			fi, err := e.Info()
			if err != nil {
				return fmt.Errorf("store %s: read %s: %w", s.dir, s.published, err)
			}
			files = append(files, e.Name())
			size += uint64(fi.Size())
		}
	}
	if err := s.checkSpace(size); err != nil {
		return err
	}
	l, err := readLayout(s.dir)
	if err != nil {
		return err
	}
	n := firstGen
	if len(l.gens) > 0 {
		n = l.gens[len(l.gens)-1] + 1
	}
	if cur, ok := parseGen(l.current); ok && cur >= n {
		n = cur + 1
	}
	name := genName(n)
	path := filepath.Join(s.dir, name)
	if err := os.Mkdir(path, 0o755); err != nil {
		return fmt.Errorf("store %s: create %s: %w", s.dir, name, err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(path)
		}
	}()
	for _, f := range files {
		if err := copyFile(filepath.Join(path, f), filepath.Join(src, f)); err != nil {
			return s.writeError(fmt.Sprintf("copy %s/%s to %s", s.published, f, name), err)
		}
	}
	if err := syncDir(path); err != nil {
		return s.writeError("sync "+name, err)
	}
	o := badgerOptions(path, s.opts)
	if bulk {
		s.bulkLog = &tableLog{}
		o = bulkOptions(o, s.bulkLog)
	}
	db, err := openBadger(o)
	if err != nil {
		return fmt.Errorf("store %s: open the new generation %s: %w", s.dir, name, flatError{err})
	}
	if s.base == nil && !bulk {
		if err := s.checkVersion(db); err != nil { // initialises it
			db.Close()
			return err
		}
	}
	s.next, s.nextName = db, name
	s.db.Store(db)
	ok = true
	return nil
}

// writeError describes a failed write of the store's files, as a
// *SpaceError when the file system is full.
func (s *Store) writeError(what string, err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		free, _ := freeSpace(s.dir)
		return fmt.Errorf("%w (%s: %w)", &SpaceError{Dir: s.dir, Free: free, Margin: s.opts.minFree()}, what, err)
	}
	return fmt.Errorf("store %s: %s: %w", s.dir, what, err)
}

// copyFile copies src to the new file dst and syncs it.
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fi.Mode().Perm())
	if err != nil {
		return err
	}
	if err := cloneFile(out, in); err != nil {
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// syncDir fsyncs a folder, so that the names created, renamed or removed in
// it survive a power loss.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncFiles fsyncs every file in dir and dir itself.
func syncFiles(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		f, err := os.Open(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	return syncDir(dir)
}

// publish points dir/current at generation name atomically: a new symlink
// is made under a temporary name and renamed over current, and dir is
// synced. A crash before the rename leaves the old link, after it the new.
func publish(dir, name string) error {
	tmp := filepath.Join(dir, currentTemp+strconv.Itoa(os.Getpid()))
	os.Remove(tmp)
	if err := os.Symlink(name, tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, currentName)); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(dir)
}

// markPublished records in generation path that `current` has named it,
// so that a missing `current` is told from a first build that never
// finished (see layout.problem). Best effort: the mark only improves that
// message.
func markPublished(path string) {
	f, err := os.OpenFile(filepath.Join(path, publishedMark), os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return
	}
	f.Sync()
	f.Close()
	syncDir(path)
}

// commit publishes the writer's generation and releases everything; see
// Commit. It runs once, under writeMu.
func (s *Store) commit() error {
	s.settle()                // a failed write is in s.failed
	bulkErr := s.finishBulk() // the handle is closed below
	s.db.Store(nil)
	defer s.lock.release()
	defer s.stopReleasing()
	if s.opts.InMemory {
		return closeDB(s.dir, s.next)
	}
	if bulkErr != nil {
		s.discard()
		closeDB(s.dir, s.base)
		s.base = nil
		return fmt.Errorf("%w: nothing of this run was published", bulkErr)
	}
	if s.next == nil { // nothing written: nothing to publish
		err := closeDB(s.dir, s.base)
		s.base = nil
		return err
	}
	err := s.failed
	if err == nil {
		// Closing flushes the memtables and compacts level 0: it needs
		// room, and a full disk there would be a SIGBUS.
		err = s.checkSpace(0)
	}
	if err != nil {
		s.discard()
		closeDB(s.dir, s.base)
		s.base = nil
		return fmt.Errorf("%w: nothing of this run was published", err)
	}
	path := filepath.Join(s.dir, s.nextName)
	if err = collectValueLog(s.next); err != nil {
		s.discard()
		closeDB(s.dir, s.base)
		s.base = nil
		return fmt.Errorf("%w: nothing of this run was published", s.writeError("value log", flatError{err}))
	}
	err = s.next.Close()
	s.next = nil
	if err == nil {
		err = syncFiles(path)
	}
	if err == nil {
		err = publish(s.dir, s.nextName)
	}
	closeDB(s.dir, s.base)
	s.base = nil
	if err != nil {
		os.RemoveAll(path)
		return fmt.Errorf("%w: nothing of this run was published", s.writeError("publish "+s.nextName, flatError{err}))
	}
	markPublished(path)
	// Keep the new generation and the one it replaces, which readers may
	// still have open; older ones go unless a reader still has them.
	l, err := readLayout(s.dir)
	if err == nil {
		for _, n := range l.gens {
			if name := genName(n); name != s.nextName && name != s.published {
				removeGen(s.dir, n)
			}
		}
	}
	return nil
}

// discard drops the writer's unpublished generation. After a *SpaceError
// the badger handle is abandoned rather than closed: closing flushes the
// memtable into a table file, which on a full disk is a SIGBUS; its
// memory and the disk space of its files are freed when the process exits.
// Otherwise DropAll first empties it, so that Close has nothing to flush or
// compact.
func (s *Store) discard() {
	if s.next == nil {
		return
	}
	if s.failed == nil {
		if err := s.next.DropAll(); err == nil {
			s.next.Close()
		}
	}
	s.next = nil
	os.RemoveAll(filepath.Join(s.dir, s.nextName))
}

// checkSpace returns a *SpaceError when the store's file system has less
// than need bytes plus the margin free. It passes when the margin is off or
// the free space cannot be told.
func (s *Store) checkSpace(need uint64) error {
	margin := s.opts.minFree()
	if margin == 0 || s.opts.InMemory {
		return nil
	}
	free, ok := freeSpace(s.dir)
	if !ok {
		// The folder may not exist yet: ask about its parent.
		free, ok = freeSpace(filepath.Dir(filepath.Clean(s.dir)))
	}
	if !ok || free >= need+margin {
		return nil
	}
	return &SpaceError{Dir: s.dir, Free: free, Need: need, Margin: margin}
}

// beginWrite returns a write transaction on the writer's generation,
// preparing it at the first write, after checking the free space when
// enough has been written since the last check. Called under writeMu.
func (s *Store) beginWrite() (*badger.Txn, error) {
	if err := s.settle(); err != nil {
		return nil, err
	}
	if s.bdb() == nil {
		return nil, fmt.Errorf("store %s: %w", s.dir, ErrClosed)
	}
	if err := s.checkSpaceEvery(); err != nil {
		return nil, err
	}
	if s.next == nil {
		if err := s.prepare(false); err != nil {
			var se *SpaceError
			if errors.As(err, &se) {
				s.failed = err
			}
			return nil, err
		}
	}
	return s.next.NewTransaction(true), nil
}

// checkSpaceEvery checks the free space when enough has been written since
// the last check, or enough time has passed; a *SpaceError stops the
// writer. Called under writeMu.
func (s *Store) checkSpaceEvery() error {
	if !s.opts.InMemory && (s.unchecked >= spaceCheckBytes || time.Since(s.checkedAt) >= spaceCheckInterval) {
		if err := s.checkSpace(0); err != nil {
			s.failed = err
			return err
		}
		s.unchecked, s.checkedAt = 0, time.Now()
	}
	return nil
}

// wrote counts n bytes written for the free-space checks.
func (s *Store) wrote(n int) { s.unchecked += int64(n) }

// migrate converts a store of the first layout (the badger files directly
// in dir) into generation gen-000001 published by `current`, moving the
// files (renames within the folder: nothing is copied). It runs under the
// writer's lock, in steps that each survive a crash:
//
//  1. Unless fresh, the old store is checked: opened read-only (after a
//     read-write open and close when an interrupted write left its log to
//     be truncated) and its format version read. A newer format, or a store
//     that is not newsgraph's, stops here with nothing changed.
//  2. Every file but MANIFEST and newsgraph.lock is moved into gen-000001,
//     and both folders are synced. A crash here leaves MANIFEST at the top
//     and no `current`: the next writer starts this step again.
//  3. `current` is pointed at gen-000001 (see publish).
//  4. MANIFEST is moved last. Until then a MANIFEST at the top with a
//     `current` means step 4 is pending, and readers are told so; once it
//     is moved the conversion is complete.
//
// An older format is moved too (rebuild --from-scratch replaces it), and so
// is a store that could not be checked with fresh.
func migrate(dir string, l layout, fresh bool) error {
	gen := filepath.Join(dir, genName(firstGen))
	if l.current == "" {
		// With gen-000001 there, step 2 has begun: the check passed.
		if !slices.Contains(l.gens, firstGen) {
			if err := checkOld(dir, fresh); err != nil {
				return err
			}
		}
		if _, err := os.Stat(filepath.Join(gen, manifestName)); err == nil {
			return damaged(nil, "store %s is damaged: it holds a store of the first layout and %s with its own MANIFEST: move one of them away",
				dir, genName(firstGen))
		}
		if err := os.MkdirAll(gen, 0o755); err != nil {
			return fmt.Errorf("store %s: convert to the generation layout: %w", dir, err)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("store %s: convert to the generation layout: %w", dir, err)
		}
		for _, e := range entries {
			name := e.Name()
			if !e.Type().IsRegular() || name == manifestName || name == lockFileName {
				continue
			}
			if err := os.Rename(filepath.Join(dir, name), filepath.Join(gen, name)); err != nil {
				return fmt.Errorf("store %s: convert to the generation layout: %w", dir, err)
			}
		}
		if err := firstErr(syncDir(gen), syncDir(dir)); err != nil {
			return fmt.Errorf("store %s: convert to the generation layout: %w", dir, err)
		}
		if err := publish(dir, genName(firstGen)); err != nil {
			return fmt.Errorf("store %s: convert to the generation layout: %w", dir, err)
		}
		l.current = genName(firstGen)
	}
	target := filepath.Join(dir, l.current)
	if _, err := os.Stat(filepath.Join(target, manifestName)); err == nil {
		// Not a conversion: an older newsgraph has written a new store
		// over this one.
		return damaged(nil, "store %s is damaged: it holds both a store of the first layout (written by an older newsgraph) and %s: move the badger files at its top away, or build a new store in another folder",
			dir, l.current)
	}
	if err := os.Rename(filepath.Join(dir, manifestName), filepath.Join(target, manifestName)); err != nil {
		return fmt.Errorf("store %s: convert to the generation layout: %w", dir, err)
	}
	if err := firstErr(syncDir(target), syncDir(dir)); err != nil {
		return fmt.Errorf("store %s: convert to the generation layout: %w", dir, err)
	}
	markPublished(target)
	return nil
}

// checkOld checks a store of the first layout before it is converted: it
// must open (recovered by a read-write open and close if an interrupted
// write left its log to be truncated) and, unless fresh, have this format
// version. With fresh only a lock held by another process stops it.
func checkOld(dir string, fresh bool) error {
	old := layout{exists: true, old: true}
	err := checkTables(dir)
	var db *badger.DB
	if err == nil {
		db, err = openBadger(badgerOptions(dir, Options{ReadOnly: true}))
	}
	if err != nil && strings.Contains(err.Error(), badger.ErrTruncateNeeded.Error()) {
		// Replaying the log keeps every committed transaction and drops a
		// torn last one, as the old newsgraph's next writer did. Level 0
		// is not compacted: only the log is touched.
		var rw *badger.DB
		rw, err = openBadger(badgerOptions(dir, Options{}).WithCompactL0OnClose(false))
		if err == nil {
			err = rw.Close()
		}
		if err == nil {
			db, err = openBadger(badgerOptions(dir, Options{ReadOnly: true}))
		}
	}
	if err != nil {
		err = openError(dir, old, err)
		var le *LockError
		if fresh && !errors.As(err, &le) {
			return nil
		}
		return err
	}
	defer db.Close()
	if fresh {
		return nil
	}
	return newStore(dir, Options{}).checkVersion(db)
}

// collectValueLog rewrites the value-log files of db that are at least half
// garbage. An article's packed records live in the value log (see
// ValueThreshold in badgerOptions); replacing the article leaves its old
// records there, and without this a store whose articles keep changing
// would grow without bound. Badger rewrites one file per call; the loop
// stops when none qualifies.
func collectValueLog(db *badger.DB) error {
	for range 64 { // bounded: each call rewrites at most one file
		switch err := db.RunValueLogGC(0.5); {
		case err == nil:
		case errors.Is(err, badger.ErrNoRewrite), errors.Is(err, badger.ErrRejected):
			return nil
		default:
			return err
		}
	}
	return nil
}
