package store

import (
	"encoding/hex"
	"strings"

	"github.com/newsgraph/newsgraph/news"
)

// keyTable maps article ids to the keys (news.ArticleKey) of the versions
// a bulk load has loaded, compactly: it holds an entry for every article of
// the load until the load ends, so at 100 000 articles its size counts in
// a build's peak, twice over with the collector's headroom. A key is the
// hex SHA-256 of the article and, after it, the extraction rules, the same
// for every article of a build: kept as the 32 bytes and an index into the
// distinct rules, under a digest of the id instead of the id, an entry
// takes about 60 bytes, against about 160 with the id and the key as
// strings. Keys of another form are kept as they are.
//
// Two ids could share a digest (a chance of about 2^-128 a pair): the
// second would then be answered the first's key, which cannot be its own
// (an article's hash covers its id), so it would only be stored through a
// transaction instead of in bulk.
type keyTable struct {
	packed map[[16]byte]packedKey
	rules  []string            // distinct suffixes after the hash, "" included
	other  map[[16]byte]string // keys not of the packed form
}

// packedKey is a key of the usual form: its hash and its rules' index.
type packedKey struct {
	sum   [32]byte
	rules uint32
}

func newKeyTable() *keyTable {
	return &keyTable{packed: map[[16]byte]packedKey{}, other: map[[16]byte]string{}}
}

// put records key as the key of the article id.
func (t *keyTable) put(idString, key string) {
	id := news.IDDigest(idString)
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
func (t *keyTable) get(idString string) (key string, ok bool) {
	id := news.IDDigest(idString)
	if p, ok := t.packed[id]; ok {
		return hex.EncodeToString(p.sum[:]) + t.rules[p.rules], true
	}
	key, ok = t.other[id]
	return key, ok
}
