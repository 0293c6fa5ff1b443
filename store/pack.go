package store

import (
	"sync"

	"github.com/newsgraph/newsgraph/news"
)

// An article's triples are one value under its 't' key, its mentions one
// under 'n' and its quotes one under 'q' (see keys.go): a packed value,
// which lists each string once and refers to it by number, because an
// article repeats its strings: the evidence sentence of several triples,
// the ids, names and types of its few actors, its date, event types and
// predicates.
//
//	packed:       uint s, then s strings (the string table); uint n, then n
//	              records. A string field of a record is a uint, the index
//	              of its string in the table.
//	tripleRecord: sentence (string); sentence_index, start, end (int);
//	              subject_id, subject, subject_type, predicate, object_id,
//	              object, object_type, event, mode (strings); score (float);
//	              flags (bit 0 negated, bit 1 hypothetical, bit 2 symmetric);
//	              confidence (float); date (string). Record i is triple i
//	              of the article's extraction.
//	mentionRecord: actor_id, name, type, text (strings); sentence, start,
//	              end (int); date (string). In sentence order.
//	quoteRecord:  speaker_id, speaker, speaker_type, verb, text, sentence
//	              (strings); sentence_index (int); date (string).
//
// The table holds distinct strings in order of first use (records in
// order, fields in order), and every string is used, so that, as for the
// other records, a value has exactly one encoding. The article id is the
// key's. An article without triples (mentions, quotes) has no 't' ('n',
// 'q') key.
//
// A reader of one record (evidenceAt, an index scan, QuotesBy) converts
// only that record's strings; the records before it are checked, not
// converted.

// packer builds a packed value. Packers are reused (see packers), so that
// the string index and record buffer of one article serve the next.
type packer struct {
	index map[string]uint64 // string → its number in table
	table []string
	recs  encoder // the records, strings as numbers
	n     int     // records
}

var packers = sync.Pool{New: func() any { return &packer{index: map[string]uint64{}} }}

// str writes a reference to s, adding s to the table on first use.
func (p *packer) str(s string) {
	i, ok := p.index[s]
	if !ok {
		i = uint64(len(p.table))
		p.index[s] = i
		p.table = append(p.table, s)
	}
	p.recs.uint(i)
}

// appendTo appends the packed value to b and resets p for another value.
func (p *packer) appendTo(b []byte) []byte {
	e := encoder{b: b}
	e.uint(uint64(len(p.table)))
	for _, s := range p.table {
		e.str(s)
	}
	e.uint(uint64(p.n))
	e.b = append(e.b, p.recs.b...)
	clear(p.index)
	clear(p.table)
	p.table, p.recs.b, p.n = p.table[:0], p.recs.b[:0], 0
	return e.b
}

// appendTriples appends the packed value of triples (Doc left out) to b.
func appendTriples(b []byte, triples []news.Triple) []byte {
	p := packers.Get().(*packer)
	defer packers.Put(p)
	for _, t := range triples {
		p.str(t.Sentence)
		p.recs.int(t.SentenceIndex)
		p.recs.int(t.Start)
		p.recs.int(t.End)
		p.str(t.SubjectID)
		p.str(t.Subject)
		p.str(t.SubjectType)
		p.str(t.Predicate)
		p.str(t.ObjectID)
		p.str(t.Object)
		p.str(t.ObjectType)
		p.str(t.Event)
		p.str(t.Mode)
		p.recs.float(t.Score)
		p.recs.byte(tripleFlags(t))
		p.recs.float(t.Confidence)
		p.str(t.Date)
		p.n++
	}
	return p.appendTo(b)
}

func readTriple(u *unpacker) news.Triple {
	t := news.Triple{
		Sentence:      u.str(),
		SentenceIndex: u.int(),
		Start:         u.int(),
		End:           u.int(),
		SubjectID:     u.str(),
		Subject:       u.str(),
		SubjectType:   u.str(),
		Predicate:     u.str(),
		ObjectID:      u.str(),
		Object:        u.str(),
		ObjectType:    u.str(),
		Event:         u.str(),
		Mode:          u.str(),
		Score:         u.float(),
	}
	var ok bool
	if t.Negated, t.Hypothetical, t.Symmetric, ok = splitFlags(u.byte()); !ok {
		u.fail()
	}
	t.Confidence = u.float()
	t.Date = u.str()
	return t
}

// encodeTriples is the 't' value of an article's triples.
func encodeTriples(triples []news.Triple) []byte { return appendTriples(nil, triples) }

// decodeTriples decodes a 't' value of article doc.
func decodeTriples(doc string, b []byte) ([]news.Triple, error) {
	ts, err := unpackAll(b, readTriple)
	for i := range ts {
		ts[i].Doc = doc
	}
	return ts, err
}

// decodeTripleAt decodes triple seq of a 't' value of article doc; ok is
// false when the value holds no such triple.
func decodeTripleAt(doc string, b []byte, seq uint32) (t news.Triple, ok bool, err error) {
	t, ok, err = unpackAt(b, seq, readTriple)
	t.Doc = doc
	return t, ok, err
}

// appendMentions appends the packed value of mentions (Doc left out) to b.
func appendMentions(b []byte, mentions []news.Mention) []byte {
	p := packers.Get().(*packer)
	defer packers.Put(p)
	for _, m := range mentions {
		p.str(m.ActorID)
		p.str(m.Name)
		p.str(m.Type)
		p.str(m.Text)
		p.recs.int(m.Sentence)
		p.recs.int(m.Start)
		p.recs.int(m.End)
		p.str(m.Date)
		p.n++
	}
	return p.appendTo(b)
}

func readMention(u *unpacker) news.Mention {
	return news.Mention{
		ActorID:  u.str(),
		Name:     u.str(),
		Type:     u.str(),
		Text:     u.str(),
		Sentence: u.int(),
		Start:    u.int(),
		End:      u.int(),
		Date:     u.str(),
	}
}

// encodeMentions is the 'n' value of an article's mentions.
func encodeMentions(mentions []news.Mention) []byte { return appendMentions(nil, mentions) }

// decodeMentions decodes an 'n' value of article doc.
func decodeMentions(doc string, b []byte) ([]news.Mention, error) {
	ms, err := unpackAll(b, readMention)
	for i := range ms {
		ms[i].Doc = doc
	}
	return ms, err
}

// appendQuotes appends the packed value of quotes (Doc left out) to b.
func appendQuotes(b []byte, quotes []news.Quote) []byte {
	p := packers.Get().(*packer)
	defer packers.Put(p)
	for _, q := range quotes {
		p.str(q.SpeakerID)
		p.str(q.Speaker)
		p.str(q.SpeakerType)
		p.str(q.Verb)
		p.str(q.Text)
		p.str(q.Sentence)
		p.recs.int(q.SentenceIndex)
		p.str(q.Date)
		p.n++
	}
	return p.appendTo(b)
}

func readQuote(u *unpacker) news.Quote {
	return news.Quote{
		SpeakerID:     u.str(),
		Speaker:       u.str(),
		SpeakerType:   u.str(),
		Verb:          u.str(),
		Text:          u.str(),
		Sentence:      u.str(),
		SentenceIndex: u.int(),
		Date:          u.str(),
	}
}

// encodeQuotes is the 'q' value of an article's quotes.
func encodeQuotes(quotes []news.Quote) []byte { return appendQuotes(nil, quotes) }

// decodeQuotes decodes a 'q' value of article doc.
func decodeQuotes(doc string, b []byte) ([]news.Quote, error) {
	qs, err := unpackAll(b, readQuote)
	for i := range qs {
		qs[i].Doc = doc
	}
	return qs, err
}

// decodeQuoteAt decodes quote seq of a 'q' value of article doc; ok is
// false when the value holds no such quote.
func decodeQuoteAt(doc string, b []byte, seq uint32) (q news.Quote, ok bool, err error) {
	q, ok, err = unpackAt(b, seq, readQuote)
	q.Doc = doc
	return q, ok, err
}

// unpacker reads the records of a packed value: its str reads a string
// reference, the other fields are read as by decoder.
type unpacker struct {
	decoder          // at the records
	table   [][]byte // the string table, slices of the value
	strs    []string // table converted, when every record is read
	next    int      // the references read so far are below next
	skip    bool     // strings are checked, not converted
}

// openPacked reads the string table of packed value b and the number of
// records. With all, every string is converted at once (each record will
// be read) and the table is checked to hold distinct strings.
func openPacked(b []byte, all bool) (*unpacker, uint64) {
	u := &unpacker{decoder: decoder{b: b}}
	n := u.uint()
	if n > uint64(len(u.b)) { // each string takes at least a byte
		u.fail()
		return u, 0
	}
	u.table = make([][]byte, 0, n)
	for range n {
		l := u.uint()
		if u.err != nil || uint64(len(u.b)) < l {
			u.fail()
			return u, 0
		}
		u.table = append(u.table, u.b[:l:l])
		u.b = u.b[l:]
	}
	if all {
		u.strs = make([]string, len(u.table))
		seen := make(map[string]struct{}, len(u.table))
		for i, s := range u.table {
			u.strs[i] = string(s)
			if _, dup := seen[u.strs[i]]; dup {
				u.fail()
				return u, 0
			}
			seen[u.strs[i]] = struct{}{}
		}
	}
	records := u.uint()
	if records > uint64(len(u.b)) { // each record takes at least a byte
		u.fail()
		return u, 0
	}
	return u, records
}

// str reads a string reference. References are in order of first use: a
// reference is to a string referred to before, or to the next one.
func (u *unpacker) str() string {
	i := u.uint()
	if u.err != nil {
		return ""
	}
	switch {
	case i < uint64(u.next):
	case i == uint64(u.next) && u.next < len(u.table):
		u.next++
	default:
		u.fail()
		return ""
	}
	switch {
	case u.skip:
		return ""
	case u.strs != nil:
		return u.strs[i]
	}
	return string(u.table[i])
}

// unpackAll decodes every record of packed value b with read, strictly:
// an error for anything but the one encoding of the records.
func unpackAll[T any](b []byte, read func(*unpacker) T) ([]T, error) {
	u, n := openPacked(b, true)
	out := make([]T, 0, n)
	for range n {
		if u.err != nil {
			break
		}
		out = append(out, read(u))
	}
	if u.err == nil && u.next != len(u.table) {
		u.fail() // a string no record uses
	}
	if err := u.done(); err != nil {
		return nil, err
	}
	return out, nil
}

// unpackAt decodes record i of packed value b with read, converting only
// its strings; ok is false when b holds no record i. The records before i
// are checked as they are skipped; those after it are not read.
func unpackAt[T any](b []byte, i uint32, read func(*unpacker) T) (rec T, ok bool, err error) {
	u, n := openPacked(b, false)
	if u.err != nil {
		return rec, false, u.err
	}
	if uint64(i) >= n {
		return rec, false, nil
	}
	u.skip = true
	for range i {
		read(u)
	}
	u.skip = false
	rec = read(u)
	if u.err != nil {
		var zero T
		return zero, false, u.err
	}
	return rec, true, nil
}
