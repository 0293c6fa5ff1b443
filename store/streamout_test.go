package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/badger/v4/y"
)

// TestTableLog counts the tables of each stream from badger's lines, and
// ignores every other line.
func TestTableLog(t *testing.T) {
	var l tableLog
	l.Infof(tableCreated, uint64(7), 6, uint32(1), "1.0 MiB")
	l.Infof(tableCreated, uint64(8), 6, uint32(2), "1.0 MiB")
	l.Infof(tableCreated, uint64(9), 6, uint32(2), "0.5 MiB")
	l.Infof(tableCreated, uint64(10), 6, uint32(2), "0.5 MiB")
	l.Infof(tableCreated, uint64(11), 6, 3, "1.0 MiB") // not a stream id
	l.Infof(tableCreated, uint64(12))                  // too few arguments
	l.Infof("Replaying file id: %d at offset: %d\n", uint32(1), uint32(1))
	l.Errorf(tableCreated, uint64(13), 6, uint32(1), "1.0 MiB")
	l.Warningf(tableCreated, uint64(14), 6, uint32(1), "1.0 MiB")
	l.Debugf(tableCreated, uint64(15), 6, uint32(1), "1.0 MiB")
	if got := l.extra(); got != 2 {
		t.Errorf("extra %d, want 2", got)
	}
	if got := (*tableLog)(nil).extra(); got != 0 {
		t.Errorf("nil extra %d, want 0", got)
	}
}

// TestCompressedEstimate: when badger's table builder finds a table full,
// the estimate of the pairs added is that table's size, within 10%, for
// pairs that compress well, badly and in between, values in the table and
// in the value log, and a change from one kind to another.
func TestCompressedEstimate(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	words := strings.Fields("the president met the minister in the capital on monday to discuss the talks")
	text := func(n int) []byte {
		var b []byte
		for len(b) < n {
			b = append(append(b, words[rng.IntN(len(words))]...), ' ')
		}
		return b[:n]
	}
	type pair struct{ k, v []byte }
	const tableSize = 1 << 20
	const threshold = 2 << 10
	pairs := func(n int, key func(i int) []byte, value func() []byte) []pair {
		var out []pair
		for i := range n {
			out = append(out, pair{key(i), value()})
		}
		return out
	}
	long := text(3000) // values for the log: their content is not in the table
	seqKey := func(i int) []byte { return fmt.Appendf(nil, "c\x00actor-%06d\x00art-%08d", i/50, i) }
	randKey := func(int) []byte { return random(24) }
	tests := []struct {
		name  string
		pairs []pair
		parts bool // two parts, each sorted
	}{
		{"text", pairs(50_000, seqKey, func() []byte { return text(60) }), false},
		{"random", pairs(10_000, randKey, func() []byte { return random(100) }), false},
		{"no values", pairs(150_000, seqKey, func() []byte { return nil }), false},
		{"values in the log", pairs(80_000, seqKey, func() []byte { return long }), false},
		{"text then random", append(pairs(4000, seqKey, func() []byte { return text(60) }),
			pairs(20_000, randKey, func() []byte { return random(100) })...), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmpKeys := func(a, b pair) int { return bytes.Compare(a.k, b.k) }
			if tt.parts {
				slices.SortFunc(tt.pairs[:4000], cmpKeys)
				slices.SortFunc(tt.pairs[4000:], cmpKeys)
			} else {
				slices.SortFunc(tt.pairs, cmpKeys)
			}
			b := table.NewTableBuilder(table.Options{TableSize: tableSize, BlockSize: estimateBlockBytes,
				Compression: options.Snappy, BloomFalsePositive: 0.01})
			defer b.Close()
			var e compressedEstimate
			var last []byte
			var offset uint32
			for _, p := range tt.pairs {
				if bytes.Compare(p.k, last) <= 0 {
					continue // the second half starts lower; keys must grow
				}
				last = p.k
				if b.ReachedCapacity() {
					break
				}
				inLog := len(p.v) >= threshold
				v := y.ValueStruct{Value: p.v}
				if inLog { // as badger's valuePointer.Encode writes it
					ptr := binary.LittleEndian.AppendUint32(nil, 7)
					ptr = binary.LittleEndian.AppendUint32(ptr, uint32(len(p.v)))
					ptr = binary.LittleEndian.AppendUint32(ptr, offset)
					offset += uint32(len(p.v)) + 20
					v = y.ValueStruct{Value: ptr, Meta: 2}
				}
				b.Add(y.KeyWithTs(p.k, 1), v, 0)
				e.add(p.k, p.v, inLog)
			}
			if !b.ReachedCapacity() {
				t.Fatal("the table is not full")
			}
			full := 0.95 * tableSize
			t.Logf("estimate %.0f bytes, the table is full at %.0f", e.bytes(), full)
			if got := e.bytes(); math.Abs(got-full) > 0.1*full {
				t.Errorf("estimate %.0f bytes, the table is full at %.0f", got, full)
			}
			e.reset()
			if e.bytes() != 0 {
				t.Errorf("after reset: %.0f bytes", e.bytes())
			}
		})
	}
}

// TestBulkLoadStreams: a bulk load in many small streams ends each one,
// and the tables badger reports are the ones tableLog counts: one per
// stream.
func TestBulkLoadStreams(t *testing.T) {
	ctx := context.Background()
	s, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.streamBytes = 16 << 10
	if _, err := s.IngestBatch(ctx, randomArticles(200, 3)); err != nil {
		t.Fatal(err)
	}
	s.writeMu.Lock() // as Commit calls it
	err = s.finishBulk()
	s.writeMu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	log := s.bulkLog
	log.mu.Lock()
	streams, extras := len(log.perStream), log.extras
	log.mu.Unlock()
	tables := levelTables(s.next)
	if streams < 10 {
		t.Errorf("%d streams reported, want many", streams)
	}
	if streams+extras != tables {
		t.Errorf("%d streams and %d extra tables reported, the levels hold %d tables", streams, extras, tables)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestBuilderBuffer: a builder's first buffer is twice the table size,
// rounded up to a power of two; the bulk load's table size makes it 16 MiB
// and a stream's pairs fit well within it.
func TestBuilderBuffer(t *testing.T) {
	tests := []struct {
		tableSize, want int64
	}{
		{0, 512},
		{100, 512},
		{2 << 20, 4 << 20},
		{3 << 20, 8 << 20},
		{4 << 20, 8 << 20},
		{4<<20 + 1, 16 << 20},
		{bulkTableSize, 16 << 20},
	}
	for _, tt := range tests {
		if got := builderBuffer(tt.tableSize); got != tt.want {
			t.Errorf("builderBuffer(%d) = %d, want %d", tt.tableSize, got, tt.want)
		}
	}
	opt := bulkOptions(badgerOptions(t.TempDir(), Options{}), nil)
	size := streamTableSize(opt)
	if size != bulkTableSize {
		t.Errorf("a bulk load's StreamWriter builds tables of %d bytes, want %d", size, bulkTableSize)
	}
	// Pairs as written and compressed take about 2.2 times their size in
	// a builder; the longest stream must leave room in the first buffer.
	if pairs := streamBufferShare * float64(builderBuffer(size)); 2.2*pairs > 0.95*float64(builderBuffer(size)) {
		t.Errorf("streams of up to %.0f bytes of pairs outgrow a builder's first buffer of %d", pairs, builderBuffer(size))
	}
	// And a table's worth of pairs that compress 1.5 times fits one stream.
	if pairs := streamBufferShare * float64(builderBuffer(size)); pairs < 1.5*bulkStreamFill*float64(tableBytes(opt)) {
		t.Errorf("streams of up to %.0f bytes of pairs make tables of under %d bytes", pairs, tableBytes(opt))
	}
}
