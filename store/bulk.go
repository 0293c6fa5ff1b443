package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/skl"
	"github.com/dgraph-io/ristretto/v2/z"
)

// # The bulk load
//
// A writer whose generation starts empty (a new store, or Options.Fresh)
// does not write through badger's transactions: it loads in bulk. What
// IngestBatch would write is encoded exactly as for a transaction
// (encodeArticle), collected and sorted by key outside badger (sorter, in
// runs of bulkRunBytes under the generation's folder), and handed sorted
// to badger's StreamWriter, which builds the tables of the last level
// directly: no memtable, no write-ahead log, and no compaction, which is
// most of what a transaction-by-transaction build of a large store costs
// (the LSM tree is rewritten again and again as it grows, and its table
// builders hold most of a writer's memory). The actor aggregates ('e'), the
// name index ('f') and the counts are computed from the sorted tallies
// ('c') as they stream past, instead of being read, updated and written
// again with every transaction.
//
// The load ends (finishBulk) at Commit, or earlier as soon as anything
// reads the store (a query, Counts, an export, Check) or an article id
// comes a second time with other content (its first version must be
// replaced); from then on the writer writes through transactions as usual,
// on the store the load built, reopened with the usual options (endBulk)
// unless only Counts or Commit came. ArticleStored, which a build asks
// for every article, is answered from the load's own table of ids, since
// the generation started empty. The result is the same store, key for key and
// value for value, as the same IngestBatch calls write through
// transactions (TestBulkLoadMatchesTransactions).
//
// Crash safety is the generation's: the runs and the tables live in the
// unpublished generation, which a crash discards whole. Disk: the runs hold
// about as much as the store, and the tables are written before the runs
// are removed, so a bulk load needs about twice the store's size free
// while it ends (checked before, with a *SpaceError).

// bulkRunBytes is the size of one sorted run, the sorter's buffer: what a
// bulk load holds in memory, besides the StreamWriter's table builders.
const bulkRunBytes = 32 << 20

// bulkBatchBytes is how much encoded data is handed to the StreamWriter at
// a time.
const bulkBatchBytes = 256 << 10

// bulkTableSize is the table size of a bulk load (bulkOptions): a little
// over 4 MiB, so that a table builder's first buffer, twice the table size
// rounded up to a power of two, is 16 MiB, of which a stream's pairs fill
// no more than 40% (streamBufferShare). (At exactly 4 MiB it would be 8.)
const bulkTableSize = 4<<20 + 64<<10

// bulkDir is the folder of the sorted runs inside the generation.
const bulkDir = "bulk-load"

// bulkLoad is the state of a bulk load; see above. Its fields are used
// under Store.writeMu, except keys, which has its own lock so that
// ArticleStored does not wait for a run being sorted.
type bulkLoad struct {
	dir    string
	main   *sorter
	counts Counts // articles, triples and mentions loaded (actors are counted at the end)
	// The limits of one transaction with the writer's usual options (see
	// fitsTransaction; the generation is open with bulkOptions meanwhile).
	maxTxnCount, maxTxnSize int64

	mu   sync.RWMutex
	keys *keyTable // the article ids loaded, with their keys' fingerprints
}

// beginBulk starts a bulk load into the writer's new, empty generation,
// which prepare opened with bulkOptions.
func (s *Store) beginBulk() error {
	path := filepath.Join(s.dir, s.nextName)
	dir := filepath.Join(path, bulkDir)
	if err := os.Mkdir(dir, 0o755); err != nil {
		return fmt.Errorf("store %s: %w", s.dir, err)
	}
	b := &bulkLoad{dir: dir, main: newSorter(dir, "run", s.runBytes), keys: newKeyTable()}
	// The usual options' limits, not bulkOptions'.
	b.maxTxnCount, b.maxTxnSize = txnLimits(badgerOptions(path, s.opts))
	s.bulk.Store(b)
	return nil
}

// txnLimits returns the most keys and bytes one transaction may hold in a
// database opened with o: the limits badger's Open computes (15% of the
// memtable, and that over the size of a skiplist node), which it exposes
// only on an open database (DB.MaxBatchCount, MaxBatchSize).
func txnLimits(o badger.Options) (count, size int64) {
	size = 15 * o.MemTableSize / 100
	return size / int64(skl.MaxNodeSize), size
}

// bulkOptions are the badger options of a generation being loaded in bulk:
// the usual ones (badgerOptions) with a small memtable and small caches.
// The StreamWriter writes no memtable and reads no block, and the memory
// is better left to its table builders: a builder holds its table twice,
// as written and compressed, in buffers that badger pools, and when they
// and the rest pass the soft memory limit `newsgraph build` sets, the
// collector runs without pause. Measured with bench/storeload --articles
// 100000 at the 128 MiB limit, 2 MiB tables: 143-150 s with the usual
// options, 53-130 s over six runs with these (the README's Performance
// section has the details).
//
// Tables of a little over 4 MiB (bulkTableSize; the usual 2): a
// builder's buffers start at twice the table size, rounded up to a power
// of two, and streamOut keeps each table's pairs within the first buffer.
// With 2 MiB tables (12 MiB buffers) the same load made 380 tables instead
// of 266, and BenchmarkQuery1M's store opened in 21 ms instead of 17, its
// actors in 31-37 ms instead of 29. With 3 MiB (an 8 MiB first buffer,
// which a table's pairs outgrew: two builders of 24 MiB were live at the
// end of the load) 244 tables; with 4 MiB + 64 KiB (one 16 MiB buffer
// each) 210, the same query times within the noise (2026-12-07), and 16
// MiB less at the end of a load. Compaction, later, writes the usual size.
//
// Its Logger is log, which counts the tables the StreamWriter finishes
// (streamOut's pacing).
func bulkOptions(o badger.Options, log *tableLog) badger.Options {
	return o.WithMemTableSize(1 << 20).WithBlockCacheSize(1 << 20).WithIndexCacheSize(1 << 20).
		WithBaseTableSize(bulkTableSize).WithLogger(log)
}

// reopenNext closes the writer's generation and opens it again with o;
// reads and writes then go to the new handle. Called when nothing else
// uses the handle: while the generation is new and empty, or under
// writeMu at the end of a bulk load, which reads wait for (readable).
func (s *Store) reopenNext(o badger.Options) error {
	if err := s.next.Close(); err != nil {
		s.next = nil
		s.db.Store(nil)
		return fmt.Errorf("store %s: close %s: %w", s.dir, s.nextName, flatError{err})
	}
	db, err := openBadger(o)
	if err != nil {
		s.next = nil
		s.db.Store(nil)
		return fmt.Errorf("store %s: open %s: %w", s.dir, s.nextName, flatError{err})
	}
	s.next = db
	s.db.Store(db)
	return nil
}

// bulkStored returns what ArticleStored answers during a bulk load;
// loading is false when no load is going on.
func (s *Store) bulkStored(id, key string) (stored, loading bool) {
	b := s.bulk.Load()
	if b == nil {
		return false, false
	}
	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.keys == nil {
		return false, false // ending: the store answers once it has ended
	}
	_, stored = b.keys.lookup(id, key)
	return stored, true
}

// bulkIngest loads arts from the front while it can, and returns their
// statuses: it stops before an article loaded already with another hash
// (which only a transaction can replace). Called under writeMu.
func (s *Store) bulkIngest(ctx context.Context, b *bulkLoad, arts []preparedArticle) ([]Status, error) {
	statuses := make([]Status, 0, len(arts))
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return statuses, err
		}
		id := a.ex.Article.ID
		b.mu.RLock()
		found, same := b.keys.lookup(id, a.hash)
		b.mu.RUnlock()
		if found {
			if !same {
				return statuses, nil
			}
			statuses = append(statuses, Unchanged)
			continue
		}
		a.encode()
		if err := s.fitsTransaction(a); err != nil {
			return statuses, fmt.Errorf("ingest %q: %w", id, err)
		}
		if err := s.checkSpaceEvery(); err != nil {
			return statuses, fmt.Errorf("ingest %q: %w", id, err)
		}
		size := 0
		for _, e := range a.writes {
			if err := b.main.add(e.k, e.v); err != nil {
				err = s.writeError("sort", err)
				s.failed = err
				return statuses, fmt.Errorf("ingest %q: %w", id, err)
			}
			size += len(e.k) + len(e.v)
		}
		s.wrote(size)
		b.mu.Lock()
		b.keys.put(id, a.hash)
		b.mu.Unlock()
		b.counts.Articles++
		b.counts.Triples += len(a.triples)
		b.counts.Mentions += len(a.mentions)
		statuses = append(statuses, New)
	}
	return statuses, nil
}

// fitsTransaction returns ErrTooLarge for an article whose writes one
// badger transaction could not hold, as ingest through a transaction
// would: a bulk load takes any size, but the article could then not be
// replaced or deleted later.
func (s *Store) fitsTransaction(a preparedArticle) error {
	threshold := int64(s.next.Opts().ValueThreshold)
	var size, count int64
	for _, e := range a.writes {
		if len(e.v) > maxValueBytes {
			return ErrTooLarge
		}
		v := int64(len(e.v))
		if v >= threshold {
			v = 12 // a value pointer
		}
		size += int64(len(e.k)) + v + 2 + 10
		count++
	}
	if b := s.bulk.Load(); count >= b.maxTxnCount || size >= b.maxTxnSize {
		return ErrTooLarge
	}
	return nil
}

// endBulk ends the bulk load, if one is going on (finishBulk), and
// reopens the generation with the usual options if a load left it open
// with bulkOptions: writes then go through transactions, and reads go
// through the usual caches. Called under writeMu. An error stops the
// writer (Commit publishes nothing).
func (s *Store) endBulk() error {
	if err := s.finishBulk(); err != nil {
		return err
	}
	if !s.reopenDue.Load() {
		return nil
	}
	if err := s.reopenNext(badgerOptions(filepath.Join(s.dir, s.nextName), s.opts)); err != nil {
		s.failed = err
		return err
	}
	s.reopenDue.Store(false)
	return nil
}

// finishBulk ends the bulk load, if one is going on, writing what it
// collected into the generation (or, when it loaded nothing, the format
// version of an empty store). The generation stays open with bulkOptions,
// which serve Commit, which closes it next, and Counts, which reads one
// key; reopenDue tells endBulk to reopen it before anything else. Called
// under writeMu.
func (s *Store) finishBulk() error {
	b := s.bulk.Load()
	if b == nil {
		return nil
	}
	defer func() {
		b.main.remove()
		os.RemoveAll(b.dir)
		s.bulk.Store(nil)
		s.reopenDue.Store(s.failed == nil)
	}()
	if s.failed != nil {
		return s.failed
	}
	// The ids' table is not needed any more (ArticleStored now waits for
	// the end and reads the store), and the merge needs the memory.
	b.mu.Lock()
	b.keys = nil
	b.mu.Unlock()
	if b.counts.Articles == 0 {
		if err := s.checkVersion(s.next); err != nil { // initialises it
			s.failed = err
			return err
		}
		return nil
	}
	if err := s.checkSpace(uint64(b.main.bytes())); err != nil {
		s.failed = err
		return err
	}
	if err := s.writeBulk(b); err != nil {
		s.failed = s.writeError("bulk load", flatError{err})
		return s.failed
	}
	return nil
}

// writeBulk streams the sorted pairs of b into the generation, with the
// aggregates, names and counts they imply, in key order, in streams of
// about a table each (streamOut). (Not a stream per prefix: that would end
// at least one table per prefix, and badger syncs each new table and the
// manifest: measured on a build of one article, 12 tables and 20-50 ms.)
//
// The derived keys ('e', 'f', 'm') sort between the loaded prefixes 'a',
// 'c', 'd' and the rest: the aggregates, computed from the 'c' tallies as
// they pass, and the names wait in a second sorter, and go out with the
// counts when the loaded keys move past them.
func (s *Store) writeBulk(b *bulkLoad) error {
	db := s.next
	sw := db.NewStreamWriter()
	defer sw.Cancel()
	if err := sw.Prepare(); err != nil {
		return err
	}
	out := newStreamOut(sw, db, s.bulkLog, filepath.Join(s.dir, s.nextName), s.streamBytes)
	defer out.close()
	derived := newSorter(b.dir, "derived", s.runBytes/4)
	defer derived.remove()
	counts := b.counts

	// The tallies of an actor arrive together, sorted by ('c', actor,
	// article); their sum is its aggregate. Each is decoded into scratch,
	// with its strings from names.
	var (
		actorEnc []byte // the current actor's encoded key component
		actor    string
		agg      *tally
		scratch  = newTally()
		names    = interner{}
	)
	endActor := func() error {
		if agg == nil {
			return nil
		}
		counts.Actors++
		if err := derived.add(actorKey(actor), agg.encode()); err != nil {
			return err
		}
		for f := range nameForms(actor, agg.nameSet()) {
			if err := derived.add(nameKey(f, actor), nil); err != nil {
				return err
			}
		}
		agg = nil
		return nil
	}
	// writeDerived writes the derived keys; the meta keys last, in key
	// order ("counts" < "version"): a write through a transaction instead
	// would leave a memtable for Close to flush and compact.
	derivedDone := false
	writeDerived := func() error {
		derivedDone = true
		if err := endActor(); err != nil {
			return err
		}
		if err := derived.merge(out.put); err != nil {
			return err
		}
		if err := out.put(metaCountsKey, counts.encode()); err != nil {
			return err
		}
		return out.put(metaVersionKey, encodeVersion(FormatVersion))
	}
	err := b.main.merge(func(k, v []byte) error {
		switch {
		case k[0] == prefixActor || k[0] == prefixName || k[0] == prefixMeta:
			return fmt.Errorf("bulk load: derived key %q among the loaded ones", k)
		case k[0] == prefixContribution:
			id, rest, err := readString(k[1:])
			if err != nil {
				return corrupt(k, err)
			}
			enc := k[:len(k)-len(rest)]
			if !bytes.Equal(enc, actorEnc) {
				if err := endActor(); err != nil {
					return err
				}
				actorEnc, actor, agg = append(actorEnc[:0], enc...), id, newTally()
				clear(names) // an actor's names recur in its tallies, others' seldom
			}
			if err := decodeTallyInto(scratch, v, names); err != nil {
				return corrupt(k, err)
			}
			dates := scratch.Dates
			scratch.Dates = nil // aggregates count no dates
			err = agg.add(scratch, +1)
			scratch.Dates = dates
			if err != nil {
				return fmt.Errorf("actor %q: %w", actor, err)
			}
		case k[0] > prefixMeta && !derivedDone:
			if err := writeDerived(); err != nil {
				return err
			}
		}
		return out.put(k, v)
	})
	if err == nil && !derivedDone {
		err = writeDerived()
	}
	if err == nil {
		err = out.flush()
	}
	if err != nil {
		return err
	}
	return sw.Flush()
}

// appendStreamDone appends to buf what badger.KVToBuffer appends for the
// pb.KV {StreamId: id, StreamDone: true}: fields stream_id (10) and
// stream_done (11).
func appendStreamDone(buf *z.Buffer, id uint32) {
	b := buf.SliceAllocate(1 + uvarintLen(uint64(id)) + 2)[:0]
	b = binary.AppendUvarint(append(b, 10<<3|0), uint64(id))
	_ = append(b, 11<<3|0, 1)
}

// appendKV appends to buf what badger.KVToBuffer appends for the pb.KV
// {Key: k, Value: v, Version: 1, StreamId: id}, encoded here rather than
// through the protobuf library's reflection (a sixth of the merge's time):
// fields key (1), value (2, left out when empty), version (4) and
// stream_id (10), in the protobuf wire format.
func appendKV(buf *z.Buffer, k, v []byte, id uint32) {
	n := 1 + uvarintLen(uint64(len(k))) + len(k) + 2 + 1 + uvarintLen(uint64(id))
	if len(v) > 0 {
		n += 1 + uvarintLen(uint64(len(v))) + len(v)
	}
	b := buf.SliceAllocate(n)[:0]
	b = append(binary.AppendUvarint(append(b, 1<<3|2), uint64(len(k))), k...)
	if len(v) > 0 {
		b = append(binary.AppendUvarint(append(b, 2<<3|2), uint64(len(v))), v...)
	}
	b = append(b, 4<<3|0, 1)
	binary.AppendUvarint(append(b, 10<<3|0), uint64(id))
}

func uvarintLen(x uint64) int {
	n := 1
	for ; x >= 0x80; x >>= 7 {
		n++
	}
	return n
}
