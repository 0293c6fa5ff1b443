package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// This file is the one place that knows the key layout. Every key the store
// writes is built by a function below, and every prefix is listed here with
// the reason it exists. Change nothing here without bumping FormatVersion.
//
// # Format version
//
// FormatVersion is stored under metaVersionKey as a 4-byte big-endian
// uint32, in every generation (see doc.go for the store folder: DIR/current
// names the published generation, each generation a badger database with
// this layout). Open refuses a store whose version differs from
// FormatVersion with a *VersionError, changing nothing: a newer store needs
// a newer newsgraph, an older one is rebuilt from the sources with
// `newsgraph rebuild --from-scratch` (Options.Fresh), because the store
// holds only derived data.
//
// The folder layout is not part of the format version: version 2 stores
// were first kept with the badger files directly in DIR, and the first
// writer of this newsgraph converts them into gen-000001 without touching
// their keys (see migrate).
//
// History: version 3 kept one key per triple ('t' article seq), mention
// ('n' article seq) and quote ('q' article seq) instead of one packed value
// per article; version 2 kept no quotes ('q', 'p'); version 1 had no name
// index ('f'), kept actor dates inside the actor aggregate ('e') instead of
// under 'd', and left the 's' and 'o' index values empty.
//
// # Key components
//
// A key is one prefix byte followed by components:
//
//   - a string (an article or actor id, a folded name, a date) is written
//     with every 0x00 byte escaped as 0x00 0xFF and terminated by 0x00 0x01.
//     Ids may hold any byte; the escape keeps the encoding prefix-free (no
//     encoded string is a prefix of another, so a scan of prefix+enc(id) sees
//     exactly that id and never "id2"), and it keeps byte order: enc(a) <
//     enc(b) exactly when a < b, so scans return ids in sorted order.
//   - a sequence number is a 4-byte big-endian uint32, so keys sort by it.
//
// # Prefixes
//
//	prefix  key                                           value            why
//	'm'     'm' "version"                                 uint32 BE        format version, checked by Open
//	'm'     'm' "counts"                                  countsRecord     Counts without a scan
//	'a'     'a' id                                        articleRecord    one per article: hash for Ingest's unchanged check, metadata
//	't'     't' article                                   packed triples   an article's triples, primary copy, one value (pack.go); the index keys end with its (article, seq)
//	's'     's' subject object article seq                relationRecord   subject-first index: TriplesFrom, TriplesBetween, RelationsFrom are prefix scans
//	'o'     'o' object subject article seq                relationRecord   object-first index: TriplesTo, RelationsTo are prefix scans
//	'n'     'n' article                                   packed mentions  an article's mentions in sentence order, one value: EachMention, replacement
//	'c'     'c' actor article                             tally            what one article contributes to one actor: subtracted when the article changes
//	'e'     'e' actor                                     tally            the actor aggregate (sum of its 'c' tallies, without dates): Actor, Actors
//	'd'     'd' actor date article                        empty            the dated articles an actor appears in, by date: first/last seen are the first and last key
//	'f'     'f' folded-name actor                         empty            name index: FindActors is a prefix seek, SuggestActors a key-only scan
//	'q'     'q' article                                   packed quotes    what the actors of an article said, one value (quotes.go)
//	'p'     'p' speaker article seq                       empty            speaker index: QuotesBy is a prefix scan
//
// The seq of a triple is its index in Extraction.Triples and in the
// article's 't' value, so two identical triples of one article are both
// kept. Mentions are kept sorted by (sentence, start, end), stably. The
// index keys 's' and 'o' end with the triple's (article, seq): the triple
// is record seq of the article's 't' value, which keeps one copy of each
// triple's sentence on disk. Likewise a 'p' key's seq is the quote's index
// in the article's 'q' value.
//
// An article's triples, mentions and quotes are each one value (a packed
// value, pack.go: a string table and records that refer to it) rather
// than a key each, as they were up to version 3. They are only ever
// written, replaced and deleted with their article, and read either all
// together (EachTriple, Check, a replacement) or one triple at a time
// through an index key, so one key per article costs readers little: a
// point read of an article's value and the decoding of the records up to
// the one wanted. It saves writing a key, its skiplist node, its log entry
// and its share of every compaction for about a hundred entries an article
// (a generated news article has some 34 triples, 76 mentions and 6
// quotes), and the string table writes once what an article repeats: the
// evidence sentence shared by several triples, the ids, names and types of
// its actors, its date. Measured side by side with version 3, together
// with the leaner tallies that came with version 4 (tally.go; the two were
// not measured apart), two interleaved runs each on two cores shared with
// other work (load average 2 to 2.9): bench/storeload --articles 20000 at the 192 MiB soft
// memory limit ingests 10 400 to 10 700 triples a second instead of 5 700
// to 6 300, in 341 bytes a triple on disk instead of 390, with a peak RSS
// of 228 MB instead of 207 to 210; `newsgraph build` of 10 000 generated
// articles (bench/gen --seed 1) takes 47 to 48 s instead of 69 to 81 s
// (63 to 68 s of CPU instead of 102 to 107) for a 75 MB store instead of
// 98 MB, with a peak RSS of 192 to 206 MB against 198 to 204 MB.
//
// The 's' and 'o' values are covering: a relationRecord holds the few
// fields queries group and filter on (event, predicate, date, flags,
// confidence, score), so that aggregating the relations of an actor, a
// timeline or a path search reads one index range and no triple. Measured
// on a generated store of a million triples, reading an actor's 95 000
// relations through a point read per index entry took 12 µs an entry, from
// the covering values 1.2 µs; the evidence sentence is read only for the
// triples that are shown.
//
// Actor aggregates are kept incrementally rather than recomputed from the
// 'c' prefix: an actor such as "russia" may appear in most articles, and a
// rescan on every ingest would make ingest quadratic. A tally holds
// multisets (counts per name, type, alias and date), so subtracting an
// article's old tally and adding its new one gives exactly the aggregate a
// fresh ingest would; the conformance tests and Check verify this. The
// dates of an aggregate are not in the 'e' value but under 'd', one key per
// dated (actor, article), written and deleted with the article's 'c' key:
// a dates multiset grows with the span of the corpus (a frequent actor has
// one entry per day of news), and rewriting it whole with every article made
// ingest slow in proportion to history: version 1 ingested the first 100 000
// generated triples at 7 000 a second, slowing as the store grew; version 2
// ingests a million at 20 000 to 24 000 a second. Being plain keys, they need
// no read before a write. The first and last 'd' key of an actor give its
// first and last seen dates.
//
// The name index 'f' maps every folded form (FoldName) of an actor's id,
// canonical names, triple-end names and mention surface forms to the actor.
// It is derived from the actor aggregate: when an ingest makes a name appear
// in or vanish from an aggregate, the key of its folded form is written or,
// if no other name of the actor folds to it, deleted; so the index holds
// exactly the forms of the actors present and Check verifies it. It exists
// so that "query actor zelénskyy" is one prefix seek, whatever the size of
// the store, and a misspelling is matched against names, not triples.
// Forms longer than maxIDLen bytes are not indexed (no real name is that
// long, and keys must stay below badger's limit).

// FormatVersion is the version of the key layout and value encodings that
// this package reads and writes.
const FormatVersion = 4

// Key prefixes. See the table above.
const (
	prefixMeta         = 'm'
	prefixArticle      = 'a'
	prefixTriple       = 't'
	prefixBySubject    = 's'
	prefixByObject     = 'o'
	prefixMention      = 'n'
	prefixContribution = 'c'
	prefixActor        = 'e'
	prefixActorDate    = 'd'
	prefixName         = 'f'
	prefixQuote        = 'q'
	prefixBySpeaker    = 'p'
)

// maxIDLen bounds article and actor ids, article dates and indexed names,
// far above any real one, so that the longest key (three such strings)
// stays well below badger's 65000-byte key limit.
const maxIDLen = 4096

var (
	metaVersionKey = []byte{prefixMeta, 'v', 'e', 'r', 's', 'i', 'o', 'n'}
	metaCountsKey  = []byte{prefixMeta, 'c', 'o', 'u', 'n', 't', 's'}
)

// errBadKey reports a key that does not parse; callers wrap it in ErrCorrupt.
var errBadKey = errors.New("malformed key")

// appendString appends the escaped, terminated encoding of s.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		b = append(b, c)
		if c == 0x00 {
			b = append(b, 0xFF)
		}
	}
	return append(b, 0x00, 0x01)
}

// readString decodes one string written by appendString from the front of b
// and returns it with the rest of b.
func readString(b []byte) (string, []byte, error) {
	return readStringWith(b, func(raw []byte) string { return string(raw) })
}

// readStringWith is readString with the conversion of the decoded bytes to
// a string left to str, which may return a string it already has (see
// interner).
func readStringWith(b []byte, str func([]byte) string) (string, []byte, error) {
	var out []byte
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], 0x00)
		if j < 0 || i+j+1 >= len(b) {
			return "", nil, errBadKey
		}
		j += i
		switch b[j+1] {
		case 0x01:
			if out == nil {
				return str(b[:j]), b[j+2:], nil
			}
			out = append(out, b[i:j]...)
			return str(out), b[j+2:], nil
		case 0xFF:
			out = append(out, b[i:j+1]...)
			i = j + 2
		default:
			return "", nil, errBadKey
		}
	}
	return "", nil, errBadKey
}

// interner returns one string for equal byte slices. A scan of an index
// range meets the same ids, dates and event types again and again; sharing
// their strings saves most of the scan's allocations. It lives for one
// scan.
type interner map[string]string

func (in interner) str(b []byte) string {
	if s, ok := in[string(b)]; ok { // no allocation for the lookup
		return s
	}
	s := string(b)
	in[s] = s
	return s
}

func appendSeq(b []byte, seq uint32) []byte { return binary.BigEndian.AppendUint32(b, seq) }

func readSeq(b []byte) (uint32, []byte, error) {
	if len(b) < 4 {
		return 0, nil, errBadKey
	}
	return binary.BigEndian.Uint32(b), b[4:], nil
}

// key builds a key from a prefix byte and string components.
func key(prefix byte, parts ...string) []byte {
	n := 1
	for _, p := range parts {
		n += len(p) + 2
	}
	return appendKey(make([]byte, 0, n+4), prefix, parts...)
}

// appendKey appends the key of a prefix byte and string components to b.
func appendKey(b []byte, prefix byte, parts ...string) []byte {
	b = append(b, prefix)
	for _, p := range parts {
		b = appendString(b, p)
	}
	return b
}

// articleKey is 'a' article.
func articleKey(article string) []byte { return key(prefixArticle, article) }

// tripleKey is 't' article: the article's triples.
func tripleKey(article string) []byte { return key(prefixTriple, article) }

// bySubjectKey is 's' subject object article seq.
func bySubjectKey(subject, object, article string, seq uint32) []byte {
	return appendSeq(key(prefixBySubject, subject, object, article), seq)
}

// byObjectKey is 'o' object subject article seq.
func byObjectKey(object, subject, article string, seq uint32) []byte {
	return appendSeq(key(prefixByObject, object, subject, article), seq)
}

// mentionKey is 'n' article: the article's mentions.
func mentionKey(article string) []byte { return key(prefixMention, article) }

// contributionKey is 'c' actor article.
func contributionKey(actor, article string) []byte { return key(prefixContribution, actor, article) }

// actorKey is 'e' actor.
func actorKey(actor string) []byte { return key(prefixActor, actor) }

// actorDateKey is 'd' actor date article.
func actorDateKey(actor, date, article string) []byte {
	return key(prefixActorDate, actor, date, article)
}

// nameKey is 'f' folded actor: folded must already be FoldName's result.
func nameKey(folded, actor string) []byte { return key(prefixName, folded, actor) }

// parseIndexKey splits an 's' or 'o' key into its two actor ids (in key
// order), article and seq. It runs once per index entry a query reads, so
// the error is built only on failure.
func parseIndexKey(prefix byte, k []byte) (first, second, article string, seq uint32, err error) {
	bad := func() (string, string, string, uint32, error) {
		return "", "", "", 0, fmt.Errorf("%w %x", errBadKey, k)
	}
	if len(k) == 0 || k[0] != prefix {
		return bad()
	}
	rest := k[1:]
	if first, rest, err = readString(rest); err != nil {
		return bad()
	}
	if second, rest, err = readString(rest); err != nil {
		return bad()
	}
	if article, rest, err = readString(rest); err != nil {
		return bad()
	}
	if seq, rest, err = readSeq(rest); err != nil || len(rest) != 0 {
		return bad()
	}
	return first, second, article, seq, nil
}

// parseStringsKey splits a key of n string components after the prefix
// ('a', 't', 'n', 'q', 'c', 'e', 'd', 'f').
func parseStringsKey(prefix byte, k []byte, n int) ([]string, error) {
	if len(k) == 0 || k[0] != prefix {
		return nil, fmt.Errorf("%w %x", errBadKey, k)
	}
	rest := k[1:]
	out := make([]string, n)
	for i := range out {
		var err error
		if out[i], rest, err = readString(rest); err != nil {
			return nil, fmt.Errorf("%w %x", errBadKey, k)
		}
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("%w %x", errBadKey, k)
	}
	return out, nil
}
