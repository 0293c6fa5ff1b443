package store

import (
	"encoding/hex"
	"strings"
)

// keyTable maps article ids to the keys (news.ArticleKey) of the versions
// a bulk load has loaded, compactly: it holds an entry for every article of
// the load until the load ends, so at 100 000 articles its size counts in
// a build's peak, twice over with the collector's headroom. A key is the
// hex SHA-256 of the article and, after it, the extraction rules, the same
// for every article of a build: kept as the 32 bytes and an index into the
// distinct rules, an entry takes about 60 bytes besides its id, against
// about 130 as a string. Keys of another form are kept as they are.
type keyTable struct {
	packed map[string]packedKey
	rules  []string          // distinct suffixes after the hash, "" included
	other  map[string]string // keys not of the packed form
}

// packedKey is a key of the usual form: its hash and its rules' index.
type packedKey struct {
	sum   [32]byte
	rules uint32
}

func newKeyTable() *keyTable {
	return &keyTable{packed: map[string]packedKey{}, other: map[string]string{}}
}

// put records key as the key of the article id.
func (t *keyTable) put(id, key string) {
	id = strings.Clone(id) // not a part of a larger string the table would keep
	delete(t.packed, id)
	delete(t.other, id)
	var p packedKey
	if len(key) < 2*len(p.sum) {
		t.other[id] = key
		return
	}
	if _, err := hex.Decode(p.sum[:], []byte(key[:2*len(p.sum)])); err != nil ||
		hex.EncodeToString(p.sum[:]) != key[:2*len(p.sum)] { // upper-case digits would not come back
		t.other[id] = key
		return
	}
	rules := key[2*len(p.sum):]
	i := 0
	for i < len(t.rules) && t.rules[i] != rules {
		i++
	}
	if i == len(t.rules) {
		t.rules = append(t.rules, strings.Clone(rules))
	}
	p.rules = uint32(i)
	t.packed[id] = p
}

// get returns the key recorded for the article id.
func (t *keyTable) get(id string) (key string, ok bool) {
	if p, ok := t.packed[id]; ok {
		return hex.EncodeToString(p.sum[:]) + t.rules[p.rules], true
	}
	key, ok = t.other[id]
	return key, ok
}
