package prosemodel

import (
	"hash/maphash"
	"math/bits"
)

// table maps a feature string to its weights by open addressing.
//
// prose keeps its features in one sorted blob and finds each by binary
// search: some 17 string comparisons a lookup, most of them cache misses
// on a table of megabytes. Here a lookup costs one hash of the key and
// usually one probe; a slot holds the upper half of the key's hash, so a
// feature the model does not know (most of the ones asked for) is ruled
// out without reading any string, and a known one is confirmed by one
// comparison with its text.
type table struct {
	seed  maphash.Seed
	shift uint     // 64 - log2(len(slots))
	slots []uint64 // hash>>32<<32 | entry+1; 0 is an empty slot

	keys      string   // the entries' feature strings, sliced by keyStart/keyEnd
	keyStart  []uint32 // entry i's feature is keys[keyStart[i]:keyEnd[i]]
	keyEnd    []uint32
	pairStart []uint32 // entry i's weights are classes/weights[pairStart[i]:pairStart[i+1]]
	classes   []uint8
	weights   []float32
}

// newTable returns a table for at most n entries over the feature
// strings in keys. Entries are added with insert, then their weights with
// setWeights.
func newTable(keys string, n int) *table {
	// A load factor under 3/4 (the English tables: 0.58 and 0.49, in 1
	// and 2 MiB of slots): with linear probing at 0.6 a lookup reads about
	// 1.8 slots for a feature the model has and 3.6 for one it lacks,
	// mostly in one cache line.
	size := 1 << bits.Len(uint(n+n/3))
	return &table{
		seed:     maphash.MakeSeed(),
		shift:    uint(64 - bits.TrailingZeros(uint(size))),
		slots:    make([]uint64, size),
		keys:     keys,
		keyStart: make([]uint32, 0, n),
		keyEnd:   make([]uint32, 0, n),
	}
}

// insert returns the entry of the feature keys[start:end], adding it if
// it is new, or -1 if the table already holds the n entries it was made
// for.
func (t *table) insert(start, end uint32) int {
	key := t.keys[start:end]
	h := maphash.String(t.seed, key)
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			entry := len(t.keyStart)
			if entry == cap(t.keyStart) {
				return -1
			}
			t.keyStart = append(t.keyStart, start)
			t.keyEnd = append(t.keyEnd, end)
			t.slots[i] = h>>32<<32 | uint64(entry+1)
			return entry
		}
		if s>>32 == h>>32 {
			if e := int(uint32(s)) - 1; t.keys[t.keyStart[e]:t.keyEnd[e]] == key {
				return e
			}
		}
	}
}

// setWeights gives the entries their weights: entry e's are the classes
// and weights at pairStart[e]:pairStart[e+1].
func (t *table) setWeights(pairStart []uint32, classes []uint8, weights []float32) {
	t.pairStart, t.classes, t.weights = pairStart, classes, weights
}

// lookup returns the entry of feature key, or -1.
func (t *table) lookup(key []byte) int {
	h := maphash.Bytes(t.seed, key)
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if s>>32 == h>>32 {
			e := int(uint32(s)) - 1
			if t.keys[t.keyStart[e]:t.keyEnd[e]] == string(key) {
				return e
			}
		}
	}
}

// accumulate adds the weights of feature key to scores, as prose's
// models do (in the order the model lists them; each score receives one
// addition per feature, so the sums are the same to the bit).
func (t *table) accumulate(key []byte, scores []float32) {
	e := t.lookup(key)
	if e < 0 {
		return
	}
	lo, hi := t.pairStart[e], t.pairStart[e+1]
	weights := t.weights[lo:hi]
	for j, c := range t.classes[lo:hi] {
		scores[c] += weights[j]
	}
}
