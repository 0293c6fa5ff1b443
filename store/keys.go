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
// uint32. Open refuses a store whose version differs from FormatVersion with a
// *VersionError: a newer store needs a newer newsgraph, an older one must be
// rebuilt from the sources (`newsgraph rebuild --from-scratch`), because the
// store holds only derived data.
//
// # Key components
//
// A key is one prefix byte followed by components:
//
//   - a string (an article or actor id) is written with every 0x00 byte
//     escaped as 0x00 0xFF and terminated by 0x00 0x01. Ids may hold any
//     byte; the escape keeps the encoding prefix-free (no encoded string is a
//     prefix of another, so a scan of prefix+enc(id) sees exactly that id and
//     never "id2"), and it keeps byte order: enc(a) < enc(b) exactly when
//     a < b, so scans return ids in sorted order.
//   - a sequence number is a 4-byte big-endian uint32, so keys sort by it.
//
// # Prefixes
//
//	prefix  key                                           value            why
//	'm'     'm' "version"                                 uint32 BE        format version, checked by Open
//	'm'     'm' "counts"                                  countsRecord     Counts without a scan
//	'a'     'a' id                                        articleRecord    one per article: hash for Ingest's unchanged check, metadata
//	't'     't' article seq                               tripleRecord     the triples, primary copy; article-first so an article's triples are one prefix to replace
//	's'     's' subject object article seq                empty            subject-first index: TriplesFrom and TriplesBetween are prefix scans
//	'o'     'o' object subject article seq                empty            object-first index: TriplesTo is a prefix scan
//	'n'     'n' article seq                               mentionRecord    the mentions, article-first, seq in sentence order: EachMention, replacement
//	'c'     'c' actor article                             tally            what one article contributes to one actor: subtracted when the article changes
//	'e'     'e' actor                                     tally            the actor aggregate (sum of its 'c' tallies): Actor, Actors
//
// The 't' seq of a triple is its index in Extraction.Triples, so two
// identical triples of one article are both kept. The 'n' seq of a mention
// is its index after a stable sort by (sentence, start, end). The index keys
// 's' and 'o' carry no value: their last two components are the 't' key's
// (article, seq), from which the triple is read; this keeps one copy of each
// triple's sentence on disk at the cost of one point read per index hit.
//
// Actor aggregates are kept incrementally rather than recomputed from the
// 'c' prefix: an actor such as "russia" may appear in most articles, and a
// rescan on every ingest would make ingest quadratic. A tally holds
// multisets (counts per name, type, alias and date), so subtracting an
// article's old tally and adding its new one gives exactly the aggregate a
// fresh ingest would; the conformance tests and Check verify this.

// FormatVersion is the version of the key layout and value encodings that
// this package reads and writes.
const FormatVersion = 1

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
)

// maxIDLen bounds article and actor ids, far above any real id, so that the
// longest key (three ids) stays well below badger's 65000-byte key limit.
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
				return string(b[:j]), b[j+2:], nil
			}
			out = append(out, b[i:j]...)
			return string(out), b[j+2:], nil
		case 0xFF:
			out = append(out, b[i:j+1]...)
			i = j + 2
		default:
			return "", nil, errBadKey
		}
	}
	return "", nil, errBadKey
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
	b := make([]byte, 1, n+4)
	b[0] = prefix
	for _, p := range parts {
		b = appendString(b, p)
	}
	return b
}

// articleKey is 'a' article.
func articleKey(article string) []byte { return key(prefixArticle, article) }

// tripleKey is 't' article seq.
func tripleKey(article string, seq uint32) []byte {
	return appendSeq(key(prefixTriple, article), seq)
}

// triplePrefix is 't' article: one article's triples.
func triplePrefix(article string) []byte { return key(prefixTriple, article) }

// bySubjectKey is 's' subject object article seq.
func bySubjectKey(subject, object, article string, seq uint32) []byte {
	return appendSeq(key(prefixBySubject, subject, object, article), seq)
}

// byObjectKey is 'o' object subject article seq.
func byObjectKey(object, subject, article string, seq uint32) []byte {
	return appendSeq(key(prefixByObject, object, subject, article), seq)
}

// mentionKey is 'n' article seq.
func mentionKey(article string, seq uint32) []byte {
	return appendSeq(key(prefixMention, article), seq)
}

// mentionPrefix is 'n' article: one article's mentions.
func mentionPrefix(article string) []byte { return key(prefixMention, article) }

// contributionKey is 'c' actor article.
func contributionKey(actor, article string) []byte { return key(prefixContribution, actor, article) }

// actorKey is 'e' actor.
func actorKey(actor string) []byte { return key(prefixActor, actor) }

// parseSeqKey splits a 't' or 'n' key into its article and seq.
func parseSeqKey(prefix byte, k []byte) (article string, seq uint32, err error) {
	if len(k) == 0 || k[0] != prefix {
		return "", 0, fmt.Errorf("%w %x", errBadKey, k)
	}
	article, rest, err := readString(k[1:])
	if err != nil {
		return "", 0, fmt.Errorf("%w %x", errBadKey, k)
	}
	seq, rest, err = readSeq(rest)
	if err != nil || len(rest) != 0 {
		return "", 0, fmt.Errorf("%w %x", errBadKey, k)
	}
	return article, seq, nil
}

// parseIndexKey splits an 's' or 'o' key into its two actor ids (in key
// order), article and seq.
func parseIndexKey(prefix byte, k []byte) (first, second, article string, seq uint32, err error) {
	bad := fmt.Errorf("%w %x", errBadKey, k)
	if len(k) == 0 || k[0] != prefix {
		return "", "", "", 0, bad
	}
	rest := k[1:]
	if first, rest, err = readString(rest); err != nil {
		return "", "", "", 0, bad
	}
	if second, rest, err = readString(rest); err != nil {
		return "", "", "", 0, bad
	}
	if article, rest, err = readString(rest); err != nil {
		return "", "", "", 0, bad
	}
	if seq, rest, err = readSeq(rest); err != nil || len(rest) != 0 {
		return "", "", "", 0, bad
	}
	return first, second, article, seq, nil
}

// parseStringsKey splits a key of n string components after the prefix
// ('a', 'c', 'e').
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
