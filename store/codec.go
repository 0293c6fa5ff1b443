package store

import (
	"encoding/binary"
	"errors"
	"maps"
	"math"
	"slices"

	"github.com/newsgraph/newsgraph/news"
)

// Values are encoded in a compact binary form rather than JSON: it is about
// half the size, several times faster to decode (EachTriple decodes every
// triple of the store), and gives one byte string per value, which the
// golden tests pin. Each record is a fixed sequence of fields:
//
//   - uint: unsigned varint (encoding/binary.AppendUvarint)
//   - int: zig-zag signed varint (encoding/binary.AppendVarint)
//   - string: uint length, then the bytes
//   - float: 8 bytes, big-endian IEEE 754 bits
//   - flags: one byte of bits
//   - multiset: uint n, then n × (string, uint count), strings ascending,
//     counts > 0
//
// Decoding is strict: a record that is short, has bytes left over, uses a
// varint that is not minimal or a multiset out of order is reported as
// ErrCorrupt, so every value has exactly one encoding.
//
//	articleRecord: hash, title, date, url, source (strings); triples, mentions (uint)
//	tripleRecord:  sentence (string); sentence_index, start, end (int);
//	               subject_id, subject, subject_type, predicate, object_id,
//	               object, object_type, event, mode (strings); score (float);
//	               flags (bit 0 negated, bit 1 hypothetical, bit 2 symmetric);
//	               confidence (float); date (string).
//	               The article id is the key's.
//	mentionRecord: actor_id, name, type, text (strings); sentence, start, end (int);
//	               date (string).
//	               The article id is the key's.
//	relationRecord: event, predicate, date (strings); flags (as in
//	               tripleRecord); confidence, score (float). The value of
//	               the 's' and 'o' index keys: a copy of those fields of
//	               the triple the key points at.
//	countsRecord:  articles, triples, mentions, actors (uint)
//	tally:         articles, mentions (uint); names, types, end_names,
//	               end_types, aliases, dates (multisets). An 'e' aggregate
//	               has an empty dates multiset: its dates are under 'd'.

// errShort reports a value that ends early or has trailing bytes.
var errShort = errors.New("malformed value")

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64)   { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)       { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) float(v float64) { e.b = binary.BigEndian.AppendUint64(e.b, math.Float64bits(v)) }
func (e *encoder) byte(v byte)     { e.b = append(e.b, v) }
func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// multiset writes m with keys ascending, so equal maps give equal bytes.
// Tallies are written on every ingest and most multisets hold a few keys,
// so those are sorted in a stack buffer rather than a new slice.
func (e *encoder) multiset(m map[string]int) {
	var buf [16]string
	keys := buf[:0]
	if len(m) > len(buf) {
		keys = make([]string, 0, len(m))
	}
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.uint(uint64(m[k]))
	}
}

// decoder reads fields in order; after the first error every read returns a
// zero value and err stays set. With in set, strings are interned.
type decoder struct {
	b   []byte
	err error
	in  interner
}

func (d *decoder) fail() { d.err, d.b = errShort, nil }

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 || (n > 1 && d.b[n-1] == 0) { // short, too long, or not minimal
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a uint that must fit an int.
func (d *decoder) count() int {
	v := d.uint()
	if v > math.MaxInt32 {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) int() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 || (n > 1 && d.b[n-1] == 0) || v != int64(int(v)) {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) float() float64 {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.BigEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *decoder) str() string {
	n := d.uint()
	if d.err != nil {
		return ""
	}
	if uint64(len(d.b)) < n {
		d.fail()
		return ""
	}
	var s string
	if d.in != nil {
		s = d.in.str(d.b[:n])
	} else {
		s = string(d.b[:n])
	}
	d.b = d.b[n:]
	return s
}

func (d *decoder) multiset() map[string]int {
	n := d.uint()
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) { // each entry takes at least two bytes
		d.fail()
		return nil
	}
	m := make(map[string]int, n)
	prev := ""
	for i := uint64(0); i < n && d.err == nil; i++ {
		k := d.str()
		c := d.count()
		if d.err == nil && (c <= 0 || (i > 0 && k <= prev)) {
			d.fail()
		}
		m[k] = c
		prev = k
	}
	if d.err != nil {
		return nil
	}
	return m
}

// done returns the first error, or errShort if bytes are left over.
func (d *decoder) done() error {
	if d.err == nil && len(d.b) != 0 {
		d.err = errShort
	}
	return d.err
}

// articleRecord is the value of an 'a' key.
type articleRecord struct {
	Hash, Title, Date, URL, Source string
	Triples, Mentions              int
}

func (r articleRecord) encode() []byte { return r.appendTo(nil) }

// appendTo appends the encoding of r to b.
func (r articleRecord) appendTo(b []byte) []byte {
	e := encoder{b: b}
	e.str(r.Hash)
	e.str(r.Title)
	e.str(r.Date)
	e.str(r.URL)
	e.str(r.Source)
	e.uint(uint64(r.Triples))
	e.uint(uint64(r.Mentions))
	return e.b
}

func decodeArticle(b []byte) (articleRecord, error) {
	d := decoder{b: b}
	r := articleRecord{
		Hash:     d.str(),
		Title:    d.str(),
		Date:     d.str(),
		URL:      d.str(),
		Source:   d.str(),
		Triples:  d.count(),
		Mentions: d.count(),
	}
	return r, d.done()
}

const (
	flagNegated      = 1 << 0
	flagHypothetical = 1 << 1
	flagSymmetric    = 1 << 2
)

// encodeTriple encodes t without its Doc, which is the key's article.
func encodeTriple(t news.Triple) []byte {
	return appendTriple(make([]byte, 0, 64+len(t.Sentence)), t)
}

// appendTriple appends the encoding of t (see encodeTriple) to b.
func appendTriple(b []byte, t news.Triple) []byte {
	e := encoder{b: b}
	e.str(t.Sentence)
	e.int(t.SentenceIndex)
	e.int(t.Start)
	e.int(t.End)
	e.str(t.SubjectID)
	e.str(t.Subject)
	e.str(t.SubjectType)
	e.str(t.Predicate)
	e.str(t.ObjectID)
	e.str(t.Object)
	e.str(t.ObjectType)
	e.str(t.Event)
	e.str(t.Mode)
	e.float(t.Score)
	e.byte(tripleFlags(t))
	e.float(t.Confidence)
	e.str(t.Date)
	return e.b
}

// tripleFlags packs the triple's booleans.
func tripleFlags(t news.Triple) byte {
	var flags byte
	if t.Negated {
		flags |= flagNegated
	}
	if t.Hypothetical {
		flags |= flagHypothetical
	}
	if t.Symmetric {
		flags |= flagSymmetric
	}
	return flags
}

// encodeRelation encodes the relationRecord of t: the value of its 's' and
// 'o' index keys.
func encodeRelation(t news.Triple) []byte {
	return appendRelation(make([]byte, 0, 24+len(t.Event)+len(t.Predicate)+len(t.Date)), t)
}

// appendRelation appends the relationRecord of t to b.
func appendRelation(b []byte, t news.Triple) []byte {
	e := encoder{b: b}
	e.str(t.Event)
	e.str(t.Predicate)
	e.str(t.Date)
	e.byte(tripleFlags(t))
	e.float(t.Confidence)
	e.float(t.Score)
	return e.b
}

// decodeRelation decodes a relationRecord into r's event, predicate, date,
// flags, confidence and score; the other fields are the key's. Strings come
// from in when it is not nil.
func decodeRelation(b []byte, r *Relation, in interner) error {
	d := decoder{b: b, in: in}
	r.Event = d.str()
	r.Predicate = d.str()
	r.Date = d.str()
	flags := d.byte()
	if flags&^(flagNegated|flagHypothetical|flagSymmetric) != 0 {
		d.fail()
	}
	r.Negated = flags&flagNegated != 0
	r.Hypothetical = flags&flagHypothetical != 0
	r.Symmetric = flags&flagSymmetric != 0
	r.Confidence = d.float()
	r.Score = d.float()
	return d.done()
}

func decodeTriple(doc string, b []byte) (news.Triple, error) {
	d := decoder{b: b}
	t := news.Triple{
		Doc:           doc,
		Sentence:      d.str(),
		SentenceIndex: d.int(),
		Start:         d.int(),
		End:           d.int(),
		SubjectID:     d.str(),
		Subject:       d.str(),
		SubjectType:   d.str(),
		Predicate:     d.str(),
		ObjectID:      d.str(),
		Object:        d.str(),
		ObjectType:    d.str(),
		Event:         d.str(),
		Mode:          d.str(),
		Score:         d.float(),
	}
	flags := d.byte()
	if flags&^(flagNegated|flagHypothetical|flagSymmetric) != 0 {
		d.fail()
	}
	t.Negated = flags&flagNegated != 0
	t.Hypothetical = flags&flagHypothetical != 0
	t.Symmetric = flags&flagSymmetric != 0
	t.Confidence = d.float()
	t.Date = d.str()
	return t, d.done()
}

// encodeMention encodes m without its Doc, which is the key's article.
func encodeMention(m news.Mention) []byte { return appendMention(nil, m) }

// appendMention appends the encoding of m (see encodeMention) to b.
func appendMention(b []byte, m news.Mention) []byte {
	e := encoder{b: b}
	e.str(m.ActorID)
	e.str(m.Name)
	e.str(m.Type)
	e.str(m.Text)
	e.int(m.Sentence)
	e.int(m.Start)
	e.int(m.End)
	e.str(m.Date)
	return e.b
}

func decodeMention(doc string, b []byte) (news.Mention, error) {
	d := decoder{b: b}
	m := news.Mention{
		Doc:      doc,
		ActorID:  d.str(),
		Name:     d.str(),
		Type:     d.str(),
		Text:     d.str(),
		Sentence: d.int(),
		Start:    d.int(),
		End:      d.int(),
		Date:     d.str(),
	}
	return m, d.done()
}

func (c Counts) encode() []byte {
	var e encoder
	e.uint(uint64(c.Articles))
	e.uint(uint64(c.Triples))
	e.uint(uint64(c.Mentions))
	e.uint(uint64(c.Actors))
	return e.b
}

func decodeCounts(b []byte) (Counts, error) {
	d := decoder{b: b}
	c := Counts{
		Articles: d.count(),
		Triples:  d.count(),
		Mentions: d.count(),
		Actors:   d.count(),
	}
	return c, d.done()
}

func encodeVersion(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func decodeVersion(b []byte) (uint32, error) {
	if len(b) != 4 {
		return 0, errShort
	}
	return binary.BigEndian.Uint32(b), nil
}

func (t *tally) encode() []byte { return t.appendTo(nil) }

// appendTo appends the encoding of t to b.
func (t *tally) appendTo(b []byte) []byte {
	e := encoder{b: b}
	e.uint(uint64(t.Articles))
	e.uint(uint64(t.Mentions))
	e.multiset(t.Names)
	e.multiset(t.Types)
	e.multiset(t.EndNames)
	e.multiset(t.EndTypes)
	e.multiset(t.Aliases)
	e.multiset(t.Dates)
	return e.b
}

func decodeTally(b []byte) (*tally, error) {
	d := decoder{b: b}
	t := &tally{
		Articles: d.count(),
		Mentions: d.count(),
		Names:    d.multiset(),
		Types:    d.multiset(),
		EndNames: d.multiset(),
		EndTypes: d.multiset(),
		Aliases:  d.multiset(),
		Dates:    d.multiset(),
	}
	if err := d.done(); err != nil {
		return nil, err
	}
	return t, nil
}

// sortedKeys returns the keys of m in ascending order, never nil.
func sortedKeys(m map[string]int) []string {
	return append(make([]string, 0, len(m)), slices.Sorted(maps.Keys(m))...)
}
