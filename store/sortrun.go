package store

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"unsafe"
)

// sorter sorts key–value pairs too many to hold in memory: pairs are
// collected in a buffer, and each time it fills the buffer is sorted by key
// and written to a file (a run); merge then reads the runs and what is
// still in the buffer together, in key order. The bulk load (bulk.go) uses
// it to hand badger's StreamWriter its keys sorted.
//
// The buffer is a list of chunks of sortChunk bytes, allocated as needed
// and reused after a run is written: one growing slice would hold the old
// copy and the new one at once each time it grew, a third more memory at
// the worst moment. The chunks and the records locating the pairs in them
// are mapped outside the Go heap (mapPages) and freed by remove, or when
// merge no longer needs them: the collector sets its next goal at twice
// the live heap, and the buffer counted there, always full and never
// garbage, let the heap grow by as much again while it filled (measured:
// a 10k-article build peaked at 150 MB with it in the heap, against 110 MB
// for 1k articles, whose load fits in one run).
//
// Runs are temporary files in dir, named name-N; they are not synced: a
// crash loses the unpublished generation they belong to anyway.
type sorter struct {
	dir, name string
	limit     int // buffer bytes that make a run

	chunks [][]byte  // the buffer: pairs, key then value, in chunks[:used]
	used   int       // chunks in use; the last one is being filled
	size   int       // bytes of pairs buffered
	recs   []sortRec // one per pair buffered
	// segs are the ends of the sorted segments at the front of recs: the
	// buffer is sorted sortSegment records at a time as it fills, so that
	// its last sort, which nothing overlaps (the end of a bulk load),
	// sorts one segment, and a k-way merge of the segments does the rest.
	segs    []int
	segment int      // sortSegment; smaller in tests
	runs    []string // paths of the runs written
	// spilled counts the bytes written to runs, for the free-space check.
	spilled int64
}

// sortSegment is how many records of the buffer are sorted at a time (see
// sorter.segs): the merge of n records then takes about log2(n /
// sortSegment) comparisons each.
const sortSegment = 1 << 14

// sortChunk is the size of a chunk of the sorter's buffer; a pair larger
// than that gets a chunk of its own size.
const sortChunk = 1 << 20

// sortRec locates one pair in the sorter's buffer. head holds the key's
// first eight bytes (zero-padded), so that most comparisons of a sort need
// no memory access beyond the record itself.
type sortRec struct {
	head       uint64
	chunk, off uint32
	klen, vlen uint32
}

// newSorter returns a sorter writing its runs in dir as name-N once limit
// bytes of pairs are buffered.
func newSorter(dir, name string, limit int) *sorter {
	return &sorter{dir: dir, name: name, limit: limit, segment: sortSegment}
}

// add copies a pair into the sorter. Keys must be unique: merge reports a
// key given twice as an error.
func (s *sorter) add(k, v []byte) error {
	n := len(k) + len(v)
	if s.size+n > s.limit && len(s.recs) > 0 {
		if err := s.spill(); err != nil {
			return err
		}
	}
	if s.used == 0 || len(s.chunks[s.used-1])+n > cap(s.chunks[s.used-1]) {
		if s.used == len(s.chunks) || cap(s.chunks[s.used]) < n {
			c, err := mapPages(max(n, sortChunk))
			if err != nil {
				return fmt.Errorf("sort %s: %w", s.name, err)
			}
			if s.used == len(s.chunks) {
				s.chunks = append(s.chunks, nil)
			}
			_ = freePages(s.chunks[s.used]) // too small for this pair; see free
			s.chunks[s.used] = c
		}
		s.chunks[s.used] = s.chunks[s.used][:0]
		s.used++
	}
	if len(s.recs) == cap(s.recs) {
		if err := s.growRecs(); err != nil {
			return err
		}
	}
	c := &s.chunks[s.used-1]
	off := len(*c)
	*c = append(append(*c, k...), v...)
	s.size += n
	s.recs = append(s.recs, sortRec{head: keyHead(k), chunk: uint32(s.used - 1), off: uint32(off),
		klen: uint32(len(k)), vlen: uint32(len(v))})
	if len(s.recs)-s.sortedRecs() >= s.segment {
		s.sortTail()
	}
	return nil
}

// growRecs doubles the room for records, outside the heap like the
// chunks.
func (s *sorter) growRecs() error {
	n := max(2*cap(s.recs), 1<<12)
	b, err := mapPages(n * int(unsafe.Sizeof(sortRec{})))
	if err != nil {
		return fmt.Errorf("sort %s: %w", s.name, err)
	}
	// sortRec holds no pointers, so memory the collector does not know
	// may hold it.
	recs := unsafe.Slice((*sortRec)(unsafe.Pointer(unsafe.SliceData(b))), n)[:len(s.recs)]
	copy(recs, s.recs)
	_ = s.freeRecs() // see free
	s.recs = recs
	return nil
}

// freeRecs unmaps the records' memory.
func (s *sorter) freeRecs() error {
	if cap(s.recs) == 0 {
		return nil
	}
	err := freePages(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s.recs))), cap(s.recs)*int(unsafe.Sizeof(sortRec{}))))
	s.recs = nil
	return err
}

// free unmaps the buffer, emptying it; the runs stay. An error (which
// would be a bug: memory not from mapPages) leaves the memory mapped
// until the process exits, and nothing else.
func (s *sorter) free() error {
	var errs []error
	for _, c := range s.chunks {
		errs = append(errs, freePages(c))
	}
	errs = append(errs, s.freeRecs())
	s.chunks, s.used, s.size, s.segs = nil, 0, 0, nil
	return errors.Join(errs...)
}

// sortedRecs returns how many records at the front of the buffer are in
// sorted segments.
func (s *sorter) sortedRecs() int {
	if len(s.segs) == 0 {
		return 0
	}
	return s.segs[len(s.segs)-1]
}

// sortTail sorts the records after the sorted segments into one more.
func (s *sorter) sortTail() {
	from := s.sortedRecs()
	if from == len(s.recs) {
		return
	}
	slices.SortFunc(s.recs[from:], s.compare)
	s.segs = append(s.segs, len(s.recs))
}

// compare orders two records by key.
func (s *sorter) compare(a, b sortRec) int {
	if a.head != b.head {
		if a.head < b.head {
			return -1
		}
		return 1
	}
	return bytes.Compare(s.key(a), s.key(b))
}

// bytes returns the bytes of pairs added, in runs and in the buffer.
func (s *sorter) bytes() int64 { return s.spilled + int64(s.size) }

func keyHead(k []byte) uint64 {
	var b [8]byte
	copy(b[:], k)
	return binary.BigEndian.Uint64(b[:])
}

func (s *sorter) pair(r sortRec) []byte  { return s.chunks[r.chunk][r.off : r.off+r.klen+r.vlen] }
func (s *sorter) key(r sortRec) []byte   { return s.pair(r)[:r.klen] }
func (s *sorter) value(r sortRec) []byte { return s.pair(r)[r.klen:] }

// segments returns a merge source for each sorted segment of the buffer,
// after sorting its tail.
func (s *sorter) segments() []*mergeSource {
	s.sortTail()
	srcs := make([]*mergeSource, len(s.segs))
	from := 0
	for i, end := range s.segs {
		srcs[i] = &mergeSource{mem: s, i: from, end: end}
		from = end
	}
	return srcs
}

// spill writes the buffer, sorted, as a new run and empties it. A run is
// a sequence of records: uvarint key length, uvarint value length, key,
// value.
func (s *sorter) spill() error {
	path := filepath.Join(s.dir, s.name+"-"+strconv.Itoa(len(s.runs)))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	s.runs = append(s.runs, path)
	w := bufio.NewWriterSize(f, 1<<20)
	var n [2 * binary.MaxVarintLen32]byte
	err = mergeSources(s.name, s.segments(), func(k, v []byte) error {
		m := binary.PutUvarint(n[:], uint64(len(k)))
		m += binary.PutUvarint(n[m:], uint64(len(v)))
		w.Write(n[:m])
		w.Write(k)
		w.Write(v)
		s.spilled += int64(m) + int64(len(k)) + int64(len(v))
		return nil
	})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	s.used, s.size, s.recs, s.segs = 0, 0, s.recs[:0], s.segs[:0]
	return nil
}

// merge calls fn with every pair added, in key order. The slices passed to
// fn are valid only during the call. It reports a key added twice, and
// stops at the first error of fn.
//
// When runs were written, the buffer is written as one more and freed
// first, so that the merge holds only the runs' read buffers: it runs
// beside the StreamWriter's table builders, which need the memory.
func (s *sorter) merge(fn func(k, v []byte) error) error {
	if len(s.runs) > 0 && len(s.recs) > 0 {
		if err := s.spill(); err != nil {
			return err
		}
	}
	if len(s.runs) > 0 {
		_ = s.free() // see free
	}
	srcs := s.segments()
	for _, path := range s.runs {
		src, err := openRun(path)
		if err != nil {
			for _, src := range srcs {
				src.close()
			}
			return err
		}
		srcs = append(srcs, src)
	}
	return mergeSources(s.name, srcs, fn)
}

// mergeSources calls fn with the pairs of srcs, each sorted, in key order,
// and closes them. It reports a key found twice, and stops at the first
// error of fn.
func mergeSources(name string, srcs []*mergeSource, fn func(k, v []byte) error) error {
	h := mergeHeap(srcs)
	defer func() {
		for _, src := range h {
			src.close()
		}
	}()
	live := h[:0]
	for _, src := range h {
		ok, err := src.next()
		if err != nil {
			src.close()
			return err
		}
		if ok {
			live = append(live, src)
		} else {
			src.close()
		}
	}
	h = live
	heap.Init(&h)
	var last []byte
	for len(h) > 0 {
		src := h[0]
		if last != nil && bytes.Compare(src.k, last) <= 0 {
			return fmt.Errorf("sort %s: key %q given twice or out of order", name, src.k)
		}
		if err := fn(src.k, src.v); err != nil {
			return err
		}
		last = append(last[:0], src.k...)
		ok, err := src.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			src.close()
			heap.Pop(&h)
		}
	}
	return nil
}

// remove deletes the runs and frees the buffer.
func (s *sorter) remove() {
	for _, path := range s.runs {
		os.Remove(path)
	}
	s.runs = nil
	_ = s.free() // see free
}

// mergeSource is one sorted input of a merge: a run file, or the sorted
// buffer of mem. k and v are its current pair.
type mergeSource struct {
	f    *os.File
	r    *bufio.Reader
	path string
	b    []byte // k and v of a run are slices of b

	mem    *sorter
	i, end int // the next record of mem, and the end of its segment

	k, v []byte
}

func openRun(path string) (*mergeSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return &mergeSource{f: f, r: bufio.NewReaderSize(f, 64<<10), path: path}, nil
}

// next moves to the next pair and reports whether there is one.
func (m *mergeSource) next() (bool, error) {
	if m.mem != nil {
		if m.i == m.end {
			return false, nil
		}
		r := m.mem.recs[m.i]
		m.i++
		m.k, m.v = m.mem.key(r), m.mem.value(r)
		return true, nil
	}
	klen, err := binary.ReadUvarint(m.r)
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read %s: %w", m.path, err)
	}
	vlen, err := binary.ReadUvarint(m.r)
	if err != nil || klen+vlen > 1<<31 {
		return false, fmt.Errorf("read %s: damaged record", m.path)
	}
	n := int(klen + vlen)
	if cap(m.b) < n {
		m.b = make([]byte, n, max(n, 2*cap(m.b)))
	}
	m.b = m.b[:n]
	if _, err := io.ReadFull(m.r, m.b); err != nil {
		return false, fmt.Errorf("read %s: %w", m.path, err)
	}
	m.k, m.v = m.b[:klen], m.b[klen:]
	return true, nil
}

func (m *mergeSource) close() {
	if m.f != nil {
		m.f.Close()
		m.f = nil
	}
}

// mergeHeap orders merge sources by their current key.
type mergeHeap []*mergeSource

func (h mergeHeap) Len() int           { return len(h) }
func (h mergeHeap) Less(i, j int) bool { return bytes.Compare(h[i].k, h[j].k) < 0 }
func (h mergeHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *mergeHeap) Push(x any)        { *h = append(*h, x.(*mergeSource)) }
func (h *mergeHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
