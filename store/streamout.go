package store

import (
	"cmp"
	"encoding/binary"
	"math"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/ristretto/v2/z"
	"github.com/klauspost/compress/s2"
)

// streamOut hands sorted pairs to a StreamWriter in batches.
//
// The StreamWriter decodes each batch on the goroutine that hands it over,
// about as much work as the merge that produced it, so batches go to it on
// a goroutine of their own (two buffers, one filled while the other is
// written): the end of a bulk load uses both cores.
//
// # Streams of about a table each
//
// The pairs go out as consecutive streams, each about one table's worth,
// so that the number of tables being built at a time can be bounded. The
// StreamWriter builds a table on a goroutine of its own when its builder is
// full, up to 16 at a time, and nothing tells its caller when one is done.
// A builder holds the table's blocks twice (as laid out and compressed) in
// buffers that start at twice the table size and double as they fill:
// 4, 8 and 16 MiB for a 2 MiB table of pairs that compress 2 to 4 times.
// badger pools these buffers and keeps as many as were ever used at once.
// Measured with bench/storeload --articles 100000 in one stream: when the
// merge ran ahead of the table builds, 3 to 5 builders of 28 MiB were live
// at the end of the load (70-150 MB of a 116-192 MB peak, from one run to
// the next).
//
// Ending a stream (StreamDone) starts the build of its last table, and a
// finished table is added to its level, which DB.Levels counts. Before a
// batch that ends streams is written, the writing goroutine waits until at
// most bulkTablesBuilding tables would then be in the making (pace). A
// stream's pairs fit a builder's first buffer (streamBufferShare).
//
// badger cuts a table when its blocks, compressed, reach the table size,
// so a stream ends when its pairs would compress to a little under one
// table. One block in four is compressed here as badger compresses it
// (Snappy, through s2) to estimate the others (compressedEstimate): a
// stream that does not fit would leave a part table, and its builder would
// be one more than pace counts; one too small makes a small table.
// (Every stream's end costs a table's sync and a manifest write, as any
// table does.)
//
// Measured side by side with bench/storeload --articles 100000 (3.4
// million triples), against one stream of 2 MiB tables: peak RSS 98-100
// MB over three runs against 175-200 MB over two (Go heap 70-72 MB against
// 164-212), the end of the load 24.0-24.8 s against 22.8 s, and 244
// tables against 266 (bulkOptions' 3 MiB tables). A build of 10 000
// generated articles peaked at 102 MB either way. BenchmarkQuery1M's
// medians, on a store loaded this way, were the same within the noise
// (open 16-18 ms against 16-17, an actor 24-28 against 26-29).
//
// Later (2026-12-07), with each stream within a builder's first buffer:
// at 3 MiB tables a stream's pairs (up to two tables' worth) outgrew the
// 8 MiB first buffer, and the end of a 100 000-article build held two
// builders of 8+16 MiB (48 of its 67 MiB of heap); with 4 MiB + 64 KiB
// tables and streams of at most 40% of the 16 MiB buffer, two of 16 MiB.
// The build's resident memory during the end of the load: 74 MB of
// anonymous memory at most (68.8 on average) against 85 (about 80), and
// 107 MB in all against 121. Pacing one table at a time (waiting for each
// table before the next stream's first batch) was tried too: in storeload
// it held 3-5 MB less on average but made the end 15-20% slower.
type streamOut struct {
	sw  *badger.StreamWriter
	db  *badger.DB
	log *tableLog // db's logger, or nil

	// Filled by put, on the merge's goroutine.
	buf         *z.Buffer          // the batch being filled
	ends        int                // streams the batch ends
	stream      uint32             // the current stream's id
	streamBytes int                // bytes of pairs in the current stream, as tables hold them
	size        compressedEstimate // of the current stream
	// valueThreshold is the size from which badger puts a value in the
	// value log, and the table only a pointer to it.
	valueThreshold int64

	full    chan batch    // batches to write
	free    chan batch    // written batches, emptied
	failed  chan struct{} // closed at the first error of a write
	stopped chan struct{} // closed when the writing goroutine ends
	err     error         // the first error of a write; read after failed or stopped

	// The writing goroutine's state. dir is the generation's folder, and
	// unreleased the bytes written since its table pages were last
	// released (see writeBatches).
	dir         string
	unreleased  int
	fixedBytes  int   // if not zero, the bytes of pairs in a stream (tests)
	tableBytes  int64 // the size at which badger cuts a table
	bufferBytes int64 // the first buffer of a table builder (builderBuffer)
	ended       int   // streams ended by the batches written
	baseTables  int   // tables the levels held before the load
	unpaced     bool  // pacing gave up (see pace)
}

// batch is one buffer of encoded pairs, and how many streams it ends.
type batch struct {
	buf  *z.Buffer
	ends int
}

// bulkReleaseBytes is how much a bulk load hands the StreamWriter between
// two releases of the table pages it wrote (releaseTablePages). The
// writer's goroutine releases them every releaseInterval, but a bulk load
// writes tables faster than anything else: measured on `newsgraph build`
// of 10 000 generated articles, the resident table pages at the end rose
// by 26 MB, and the peak RSS was 163-166 MB with the periodic release
// alone, 150-151 MB with one every 50 ms.
const bulkReleaseBytes = 8 << 20

// bulkTablesBuilding is how many tables the StreamWriter may be building
// at a time in a bulk load (besides the one being filled): one, whose
// blocks are written while the next table's are compressed.
const bulkTablesBuilding = 1

// bulkPaceStall is how long pace waits for a table to be finished before it
// stops pacing: a table build that failed is never finished, and its error
// comes back from the StreamWriter's next Write or Flush.
const bulkPaceStall = 30 * time.Second

// bulkStreamFill is the share of a table a stream aims at: a little under
// one, as the compressed size is estimated.
const bulkStreamFill = 0.9

// streamBufferShare is the most bytes of pairs in a stream, as a share of
// a table builder's first buffer (builderBuffer): a block's pairs take
// about 2.2 times their size there (as written, and room for the
// compressed copy, s2.MaxEncodedLen), so 0.4 leaves room for blocks that
// outgrow theirs. More would take a second buffer, twice as large, which
// badger's pool then keeps for every later builder. Pairs that compress
// more than the table size allows for then make smaller tables.
const streamBufferShare = 0.4

// builderBuffer returns the size of the first buffer of a table builder
// for tables of tableSize: twice it, rounded up to a power of two
// (table.NewTableBuilder, z.NewAllocator).
func builderBuffer(tableSize int64) int64 {
	b := int64(512)
	for b < 2*tableSize {
		b *= 2
	}
	return b
}

// newStreamOut returns a streamOut writing to sw, a StreamWriter of db
// whose tables go under dir. streamBytes, if not zero, fixes the bytes of
// pairs in a stream (tests); by default a stream ends at streamFull.
func newStreamOut(sw *badger.StreamWriter, db *badger.DB, log *tableLog, dir string, streamBytes int) *streamOut {
	o := &streamOut{sw: sw, db: db, log: log, stream: 1, full: make(chan batch), free: make(chan batch, 2),
		failed: make(chan struct{}), stopped: make(chan struct{}), dir: dir, fixedBytes: streamBytes}
	o.tableBytes = tableBytes(db.Opts())
	o.bufferBytes = builderBuffer(streamTableSize(db.Opts()))
	o.valueThreshold = db.Opts().ValueThreshold
	o.baseTables = levelTables(db)
	for range 2 {
		o.free <- batch{buf: z.NewBuffer(bulkBatchBytes+(1<<20), "newsgraph.bulk")}
	}
	b := <-o.free
	o.buf = b.buf
	go o.writeBatches()
	return o
}

// tableBytes returns the size at which a StreamWriter of a database opened
// with opt cuts a table: its tables go to the last level, whose table size
// is the base level's times the multiplier for each level in between
// (badger's newWriter and buildTableOptions), and a builder is full at 95%
// of that (table.NewTableBuilder).
func tableBytes(opt badger.Options) int64 {
	return streamTableSize(opt) * 95 / 100
}

// streamTableSize returns the table size of a StreamWriter's builders in
// a database opened with opt.
func streamTableSize(opt badger.Options) int64 {
	size := opt.BaseTableSize
	for i := 2; i < opt.MaxLevels; i++ {
		size *= int64(opt.TableSizeMultiplier)
	}
	return size
}

// writeBatches writes the batches sent on full until it is closed. After
// an error it only empties them.
func (o *streamOut) writeBatches() {
	defer close(o.stopped)
	for b := range o.full {
		if o.err == nil {
			o.pace(b.ends)
			n := b.buf.LenNoPadding()
			o.unreleased += n
			if o.err = o.sw.Write(b.buf); o.err != nil {
				close(o.failed)
			}
			o.ended += b.ends
			if o.unreleased >= bulkReleaseBytes {
				releaseTablePages(o.dir)
				o.unreleased = 0
			}
		}
		b.buf.Reset()
		o.free <- batch{buf: b.buf}
	}
}

// pace waits, before a batch that ends `ending` streams is written, until
// at most bulkTablesBuilding tables would then be in the making: the tables
// started (one per stream ended, and those that streams which did not fit
// in one started besides, which tableLog counts once they are finished)
// less the tables finished. That is never more than there are, so the
// wait ends when they are finished.
func (o *streamOut) pace(ending int) {
	if ending == 0 || o.unpaced {
		return
	}
	allowed := max(bulkTablesBuilding-ending, 0)
	last, since := -1, time.Now()
	for {
		tables := levelTables(o.db) - o.baseTables
		if o.ended+o.log.extra()-tables <= allowed {
			return
		}
		if tables != last {
			last, since = tables, time.Now()
		} else if time.Since(since) > bulkPaceStall {
			o.unpaced = true
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// tableLog is the badger Logger of a generation opened for a bulk load
// (bulkOptions). It counts the tables each stream of a StreamWriter has
// finished, from badger's "Table created" line, the one signal badger
// gives that a table is done, and drops everything else, as the nil
// Logger of badgerOptions does. Should the line change, streamOut's pacing
// only loosens (see pace).
type tableLog struct {
	mu        sync.Mutex
	perStream map[uint32]int // tables finished, by stream id
	extras    int            // tables finished beyond each stream's first
}

// tableCreated is the format of badger's line for each table a
// StreamWriter finishes; its third argument is the stream's id
// (sortedWriter.createTable).
const tableCreated = "Table created: %d at level: %d for stream: %d. Size: %s\n"

// Infof counts the tables created.
func (l *tableLog) Infof(format string, args ...any) {
	if format != tableCreated || len(args) < 3 {
		return
	}
	id, ok := args[2].(uint32)
	if !ok {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.perStream == nil {
		l.perStream = map[uint32]int{}
	}
	l.perStream[id]++
	if l.perStream[id] > 1 {
		l.extras++
	}
}

// Errorf drops the line: errors come back as values.
func (l *tableLog) Errorf(string, ...any) {}

// Warningf drops the line.
func (l *tableLog) Warningf(string, ...any) {}

// Debugf drops the line.
func (l *tableLog) Debugf(string, ...any) {}

// extra returns how many finished tables were not the first of their
// stream; zero for a nil tableLog.
func (l *tableLog) extra() int {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.extras
}

// levelTables returns how many tables db's levels hold.
func levelTables(db *badger.DB) (tables int) {
	for _, l := range db.Levels() {
		tables += l.NumTables
	}
	return tables
}

// valuePointerBytes is the size of an encoded value pointer (badger's
// valuePointer: file id, length, offset).
const valuePointerBytes = 12

// streamFull reports whether the current stream is as large as a stream
// should be.
func (o *streamOut) streamFull() bool {
	if o.fixedBytes > 0 {
		return o.streamBytes >= o.fixedBytes
	}
	return o.size.bytes() >= bulkStreamFill*float64(o.tableBytes) ||
		float64(o.streamBytes) >= streamBufferShare*float64(o.bufferBytes)
}

// put adds one pair; pairs must come in key order.
func (o *streamOut) put(k, v []byte) error {
	if o.streamFull() {
		// The stream's end ends the batch: the StreamWriter then hands
		// the stream's last table to a goroutine before it makes the
		// next stream's builder (which it does for the batch's pairs
		// first, and ends its streams after).
		o.ends++
		appendStreamDone(o.buf, o.stream)
		o.stream++
		o.streamBytes = 0
		o.size.reset()
		if err := o.send(); err != nil {
			return err
		}
	}
	appendKV(o.buf, k, v, o.stream)
	inLog := int64(len(v)) >= o.valueThreshold
	o.size.add(k, v, inLog)
	if inLog {
		o.streamBytes += len(k) + valuePointerBytes
	} else {
		o.streamBytes += len(k) + len(v)
	}
	if o.buf.LenNoPadding() >= bulkBatchBytes {
		return o.send()
	}
	return nil
}

// send hands the batch to the writing goroutine and takes an empty one.
func (o *streamOut) send() error {
	select {
	case <-o.failed:
		return o.err
	default:
	}
	o.full <- batch{buf: o.buf, ends: o.ends}
	b := <-o.free
	o.buf, o.ends = b.buf, b.ends
	return nil
}

// flush writes what is left and waits for the writes. The last stream is
// ended by the StreamWriter's Flush.
func (o *streamOut) flush() error {
	err := o.send()
	o.close()
	return cmp.Or(err, o.err)
}

// close stops the writing goroutine, if it runs, and frees the buffers.
func (o *streamOut) close() {
	if o.full == nil {
		return
	}
	close(o.full)
	<-o.stopped
	o.full = nil
	o.buf.Release()
	for range 2 - 1 { // the other one
		(<-o.free).buf.Release()
	}
}

// compressedEstimate estimates the size of pairs in a table, as badger's
// table builder counts it to cut tables (Builder.ReachedCapacity): their
// blocks compressed, laid out as badger's table builder lays them out (a header,
// the key's difference from the block's first key, with its version, the
// value or a pointer to it, and the entries' offsets at the block's end).
// One block in sampleEvery is compressed as the builder does (Snappy,
// through s2); the others are taken to compress as the last one sampled.
type compressedEstimate struct {
	estimate float64 // the blocks before this one
	base     []byte  // the current block's first key
	entries  int     // pairs in the current block
	raw      int     // bytes of the current block, as laid out
	blocks   int     // blocks so far
	ratio    float64 // compressed over raw bytes of the last block sampled
	block    []byte  // the current block, when it is sampled
	dst      []byte  // compressed output (reused)
	pointer  uint32  // a made-up value log offset, for pointers
}

// sampleEvery is how many blocks one compressed stands for.
const sampleEvery = 4

// estimateBlockBytes is the size of a table block (badger's default
// BlockSize, which badgerOptions keeps).
const estimateBlockBytes = 4 << 10

// Parts of an entry in a table block besides the key and the value
// (table.header, y.KeyWithTs, y.ValueStruct.Encode): the header, the
// version after the key, meta, user meta and expiry, and the entry's
// offset at the block's end.
const (
	entryHeaderBytes  = 4
	keyVersionBytes   = 8
	valueMetaBytes    = 3
	entryOffsetBytes  = 4
	blockTrailerBytes = 4 + 8 + 4 // offsets' count, checksum, its length
)

// add counts one pair, of key k and value v; inLog tells that the table
// holds a pointer to v instead (in the value log).
func (e *compressedEstimate) add(k, v []byte, inLog bool) {
	if e.ratio == 0 {
		e.ratio = 1 // nothing sampled yet: the first block is
	}
	vn := len(v)
	if inLog {
		vn = valuePointerBytes
	}
	// The builder's test for a full block (Builder.shouldFinishBlock).
	if e.entries > 0 && e.raw+6+len(k)+keyVersionBytes+valueMetaBytes+vn+
		(e.entries+1)*entryOffsetBytes+blockTrailerBytes > estimateBlockBytes {
		e.endBlock()
	}
	diff := k
	if e.entries == 0 {
		e.base = append(e.base[:0], k...)
	} else {
		n := 0
		for n < len(k) && n < len(e.base) && k[n] == e.base[n] {
			n++
		}
		diff = k[n:]
	}
	e.entries++
	e.raw += entryHeaderBytes + len(diff) + keyVersionBytes + valueMetaBytes + vn
	if e.blocks%sampleEvery != 0 {
		return
	}
	b := binary.LittleEndian.AppendUint16(e.block, uint16(len(k)-len(diff)))
	b = binary.LittleEndian.AppendUint16(b, uint16(len(diff)))
	b = binary.BigEndian.AppendUint64(append(b, diff...), math.MaxUint64-1) // version 1
	b = append(b, 0, 0, 0)
	if inLog {
		// badger's valuePointer as it encodes it (in memory order):
		// file, length and offset.
		b = binary.LittleEndian.AppendUint32(b, 1)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(v)))
		b = binary.LittleEndian.AppendUint32(b, e.pointer)
		e.pointer += uint32(len(v))
	} else {
		b = append(b, v...)
	}
	e.block = b
}

// endBlock adds the current block to the estimate.
func (e *compressedEstimate) endBlock() {
	if e.entries == 0 {
		return
	}
	raw := e.raw + e.entries*entryOffsetBytes + blockTrailerBytes
	if e.blocks%sampleEvery == 0 {
		// The offsets compress well; as many bytes counting up stand for
		// them, and zeros for the checksum.
		b := e.block
		for i := range e.entries {
			b = binary.LittleEndian.AppendUint32(b, uint32(i*len(e.block)/e.entries))
		}
		b = append(b, make([]byte, blockTrailerBytes)...)
		e.dst = s2.EncodeSnappy(e.dst[:cap(e.dst)], b)
		e.ratio = float64(len(e.dst)) / float64(len(b))
		e.block = b[:0]
	}
	// The block's compressed bytes, and what the table's index holds for
	// it, as the builder counts it (Builder.finishBlock: lenOffsets).
	e.estimate += float64(raw)*e.ratio + float64((len(e.base)+keyVersionBytes+3)/4*4+40)
	e.entries, e.raw = 0, 0
	e.blocks++
}

// bytes returns the estimated size so far, the current block included.
func (e *compressedEstimate) bytes() float64 {
	return e.estimate + float64(e.raw+e.entries*entryOffsetBytes)*e.ratio
}

// reset starts a new estimate; the ratio of the last block sampled stays,
// for the next stream's first blocks.
func (e *compressedEstimate) reset() {
	e.estimate, e.entries, e.raw, e.blocks = 0, 0, 0, 0
	e.block = e.block[:0]
}
