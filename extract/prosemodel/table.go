package prosemodel

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"unsafe"
)

// table maps a feature string to its weights by open addressing.
//
// prose keeps its features in one sorted blob and finds each by binary
// search: some 17 string comparisons a lookup, most of them cache misses
// on a table of megabytes. Here a lookup costs one hash of the key and
// usually one probe. A slot holds 8 bits of the key's hash, so a feature
// the model does not know (most of the ones asked for) is nearly always
// ruled out without reading further, and the place of the feature's
// record, which holds its text (to confirm the match) and its weights
// side by side: a feature found costs a slot and a record, two or three
// cache lines, where separate arrays of offsets, classes and weights
// would cost seven. Measured in-process on 1,000 generated articles, six
// interleaved runs each: extraction's CPU time on two cores 10% lower than
// with separate arrays (1.98-2.17 s against 2.21-2.44), on one core 3%
// (1.75-1.93 against 1.80-1.88); slots of 4 bytes instead of 8 measured
// the same, in half the memory.
type table struct {
	seed  maphash.Seed
	shift uint     // 64 - log2(len(slots))
	slots []uint32 // bits 24-31 of the key's hash, then the record's offset / recordAlign + 1 in bits 0-23; 0 is an empty slot

	// records holds, for each feature: its length (2 bytes, little
	// endian), its number of classes n (1 byte), its text, n class ids
	// (1 byte each) and n weights (float32 bits, 4 bytes each, little
	// endian), then padding to a multiple of recordAlign.
	records []byte
}

const (
	recordHeader = 3                         // bytes of a record before its text
	recordAlign  = 4                         // records start at multiples of it
	maxRecords   = recordAlign * (1<<24 - 1) // 24 bits of a slot place a record
)

// newTable returns an empty table for n features whose records take
// about size bytes in all (recordSize; a guess only sizes the first
// allocation), hashing with seed.
//
// A table fills fastest with its features added in the order of their
// hashes (hashOrder): the slots are then written one after another rather
// than at random, which made loading the English models 2-3 times faster.
func newTable(seed maphash.Seed, n, size int) *table {
	// A load factor under 3/4 (the English tables: 0.58 and 0.49, in
	// 512 KiB and 1 MiB of slots): with linear probing at 0.6 a lookup
	// reads about 1.8 slots for a feature the model has and 3.6 for one
	// it lacks, mostly in one cache line.
	slots := 1 << bits.Len(uint(n+n/3))
	return &table{
		seed:    seed,
		shift:   uint(64 - bits.TrailingZeros(uint(slots))),
		slots:   make([]uint32, slots),
		records: make([]byte, 0, size),
	}
}

// recordSize is the bytes of the record of a feature of keyLen bytes and
// n classes.
func recordSize(keyLen, n int) int {
	return (recordHeader + keyLen + 5*n + recordAlign - 1) / recordAlign * recordAlign
}

// add adds feature key with the weights of classes (float32s, little
// endian, as in prose's model files). The table must have room (newTable's
// n), and key must be new.
func (t *table) add(key string, classes []uint8, weights []byte) error {
	return t.addHashed(key, maphash.String(t.seed, key), classes, weights)
}

// addHashed is add for a key whose hash (with the table's seed) is h.
func (t *table) addHashed(key string, h uint64, classes []uint8, weights []byte) error {
	switch {
	case len(key) > math.MaxUint16:
		return errors.New("feature longer than 65535 bytes")
	case len(classes) > math.MaxUint8 || 4*len(classes) != len(weights):
		return errors.New("feature with more than 255 weights")
	case len(t.records)+recordSize(len(key), len(classes)) > maxRecords:
		return fmt.Errorf("features of more than %d MiB", maxRecords>>20)
	}
	mask := uint64(len(t.slots) - 1)
	i := h >> t.shift
	for n := 0; t.slots[i] != 0; i = (i + 1) & mask {
		if _, _, found := t.record(t.slots[i], h, key); found {
			return errors.New("feature listed twice")
		}
		if n++; n == len(t.slots) {
			return errors.New("more features than the table was made for")
		}
	}
	t.slots[i] = uint32(h)>>24<<24 | uint32(len(t.records)/recordAlign+1)
	t.records = binary.LittleEndian.AppendUint16(t.records, uint16(len(key)))
	t.records = append(t.records, uint8(len(classes)))
	t.records = append(t.records, key...)
	t.records = append(t.records, classes...)
	t.records = append(t.records, weights...)
	for len(t.records)%recordAlign != 0 {
		t.records = append(t.records, 0)
	}
	return nil
}

// record returns the classes and weights of the record that slot places,
// if the record's feature is key (whose hash is h).
func (t *table) record(slot uint32, h uint64, key string) (classes, weights []byte, found bool) {
	if slot>>24 != uint32(h)>>24 {
		return nil, nil, false
	}
	r := t.records[(slot&(1<<24-1)-1)*recordAlign:]
	keyLen, n := int(binary.LittleEndian.Uint16(r)), int(r[2])
	r = r[recordHeader:]
	if string(r[:keyLen]) != key {
		return nil, nil, false
	}
	return r[keyLen : keyLen+n], r[keyLen+n : keyLen+5*n], true
}

// accumulateHashed adds the weights of feature key, whose hash is h, to
// scores, as prose's models do (in the order the model lists them; each
// score receives one addition per feature, so the sums are the same to the
// bit).
func (t *table) accumulateHashed(key string, h uint64, scores []float32) {
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; t.slots[i] != 0; i = (i + 1) & mask {
		if classes, weights, found := t.record(t.slots[i], h, key); found {
			for j, c := range classes {
				scores[c] += math.Float32frombits(binary.LittleEndian.Uint32(weights[4*j:]))
			}
			return
		}
	}
}

// batch is the features of one token, looked up together (accumulateAll).
type batch struct {
	keys   []byte   // the features, back to back
	ends   []int    // feature k is keys[ends[k-1]:ends[k]]
	hashes []uint64 // of each feature
	heads  []uint32 // scratch: what the first probes read
}

// reset empties the batch.
func (b *batch) reset() { b.keys, b.ends = b.keys[:0], b.ends[:0] }

// add appends a feature spelt by parts.
func (b *batch) add(parts ...string) {
	for _, p := range parts {
		b.keys = append(b.keys, p...)
	}
	b.ends = append(b.ends, len(b.keys))
}

// addLower appends a feature spelt by name and v in lower case.
func (b *batch) addLower(name, v string) {
	b.keys = appendLower(append(b.keys, name...), v)
	b.ends = append(b.ends, len(b.keys))
}

// accumulateAll adds the weights of every feature in b to scores, in b's
// order: what accumulateHashed does for each, but with the memory reads of all
// the features' first probes issued before any is needed, then those of
// their records. The reads of one feature depend on each other (slot,
// then record), those of different features do not, so the processor
// waits for their cache misses at once instead of one after another. The
// tables are megabytes, read at random: on two cores sharing a cache the
// misses were what grew most (extract/prosemodel's lookups took 37% more
// CPU time in a build on two cores than on one).
func (t *table) accumulateAll(b *batch, scores []float32) {
	n := len(b.ends)
	b.hashes, b.heads = b.hashes[:0], b.heads[:0]
	start := 0
	for _, end := range b.ends {
		h := maphash.String(t.seed, unsafe.String(unsafe.SliceData(b.keys[start:]), end-start))
		b.hashes = append(b.hashes, h)
		b.heads = append(b.heads, t.slots[h>>t.shift])
		start = end
	}
	for k, slot := range b.heads {
		if slot != 0 && slot>>24 == uint32(b.hashes[k])>>24 {
			b.heads[k] = uint32(t.records[(slot&(1<<24-1)-1)*recordAlign])
		}
	}
	start = 0
	for k := range n {
		end := b.ends[k]
		t.accumulateHashed(unsafe.String(unsafe.SliceData(b.keys[start:]), end-start), b.hashes[k], scores)
		start = end
	}
}

// hashOrder sorts xs by the upper 32 bits of their hashes, stably: the
// order in which a table fills fastest (newTable). It is a radix sort, in
// two passes of 16 bits.
func hashOrder[T any](xs []T, hash func(T) uint64) {
	buf := make([]T, len(xs))
	src, dst := xs, buf
	var count [1 << 16]int
	for shift := 32; shift < 64; shift += 16 {
		clear(count[:])
		for _, x := range src {
			count[hash(x)>>shift&(1<<16-1)]++
		}
		at := 0
		for d, c := range count {
			count[d], at = at, at+c
		}
		for _, x := range src {
			d := hash(x) >> shift & (1<<16 - 1)
			dst[count[d]] = x
			count[d]++
		}
		src, dst = dst, src
	}
	// Two passes: the sorted slice is back in xs.
}
