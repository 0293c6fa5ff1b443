package store

import (
	"hash/maphash"

	"github.com/newsgraph/newsgraph/news"
)

// keyTable records which version of each article a bulk load has loaded,
// compactly: it holds an entry for every article of the load until the
// load ends, so at 100 000 articles its size counts in a build's peak,
// twice over with the collector's headroom. An entry is a digest of the id
// (news.IDDigest) and a 64-bit fingerprint of the article's key
// (news.ArticleKey: its content hash and extraction rules), 24 bytes in
// the map's slot, against 52 for the key's 32 bytes of hash and an index
// of its rules, and about 160 for the id and the key as strings. A build
// only asks whether an article is loaded with the key it has now
// (ArticleStored), which the fingerprint answers.
//
// What a shared digest or fingerprint would do: two ids sharing a digest
// (about 2^-128 a pair) make the second look loaded with another key, so
// it is stored through a transaction instead of in bulk; a changed
// article whose new key shares the old one's fingerprint (about 2^-64 a
// change, with a seed chosen afresh for every load) would be taken as
// unchanged, its change left for the next build to find.
type keyTable struct {
	seed maphash.Seed
	fps  map[[16]byte]uint64
}

func newKeyTable() *keyTable {
	return &keyTable{seed: maphash.MakeSeed(), fps: map[[16]byte]uint64{}}
}

// put records key as the key of the article id.
func (t *keyTable) put(id, key string) {
	t.fps[news.IDDigest(id)] = maphash.String(t.seed, key)
}

// lookup reports whether article id is recorded, and if so whether with
// key.
func (t *keyTable) lookup(id, key string) (found, same bool) {
	fp, found := t.fps[news.IDDigest(id)]
	return found, found && fp == maphash.String(t.seed, key)
}
