package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/newsgraph/newsgraph/news"
)

// Quotes are what actors are reported to have said ("X said ..."): no
// relation between actors, but the answer to "what did X say?". They are
// stored with their article and replaced with it, under two prefixes (see
// the table in keys.go): 'q' article holds the article's quotes (a packed
// value, pack.go), 'p' speaker article seq indexes quote seq of it by
// speaker.

// quoteKey is 'q' article: the article's quotes.
func quoteKey(article string) []byte { return key(prefixQuote, article) }

// bySpeakerKey is 'p' speaker article seq.
func bySpeakerKey(speaker, article string, seq uint32) []byte {
	return appendSeq(key(prefixBySpeaker, speaker, article), seq)
}

// bySpeakerPrefix is 'p' speaker: the quotes of one speaker.
func bySpeakerPrefix(speaker string) []byte { return key(prefixBySpeaker, speaker) }

// checkQuotes validates an extraction's quotes as prepare does its triples
// and returns them with Doc set to the article id.
func checkQuotes(ex news.Extraction) ([]news.Quote, error) {
	id := ex.Article.ID
	out := make([]news.Quote, len(ex.Quotes))
	for i, q := range ex.Quotes {
		switch {
		case q.Doc != "" && q.Doc != id:
			return nil, fmt.Errorf("ingest %q: quote %d: %w: doc %q is another article", id, i, ErrInvalid, q.Doc)
		case q.SpeakerID == "":
			return nil, fmt.Errorf("ingest %q: quote %d: %w: empty speaker id", id, i, ErrInvalid)
		case len(q.SpeakerID) > maxIDLen:
			return nil, fmt.Errorf("ingest %q: quote %d: %w: speaker id longer than %d bytes", id, i, ErrInvalid, maxIDLen)
		}
		q.Doc = id
		out[i] = q
	}
	return out, nil
}

// removeQuotes deletes the quotes of article id and their index keys.
func (c *change) removeQuotes(id string) error {
	k := quoteKey(id)
	var quotes []news.Quote
	found, err := getValue(c.txn, k, func(v []byte) (err error) {
		quotes, err = decodeQuotes(id, v)
		return err
	})
	if err != nil || !found {
		return err
	}
	for i, q := range quotes {
		if err := c.del(bySpeakerKey(q.SpeakerID, id, uint32(i))); err != nil {
			return err
		}
	}
	return c.del(k)
}

// QuotesBy returns what speaker (an actor id) is reported to have said,
// newest first (undated last), then by article and sentence; at most limit
// quotes when limit > 0.
func (s *Store) QuotesBy(ctx context.Context, speaker string, limit int) ([]news.Quote, error) {
	var out []news.Quote
	err := s.view(func(txn *badger.Txn) error {
		return scanTxn(txn, bySpeakerPrefix(speaker), true, func(k, _ []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			article, seq, err := parseSpeakerKey(k)
			if err != nil {
				return corrupt(k, err)
			}
			var (
				q  news.Quote
				ok bool
			)
			found, err := getValue(txn, quoteKey(article), func(v []byte) (err error) {
				q, ok, err = decodeQuoteAt(article, v, seq)
				return err
			})
			if err != nil {
				return err
			}
			if !found || !ok {
				return fmt.Errorf("%w: index entry %x has no quote", ErrCorrupt, k)
			}
			out = append(out, q)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("quotes of %q: %w", speaker, err)
	}
	slices.SortStableFunc(out, func(a, b news.Quote) int {
		if (a.Date == "") != (b.Date == "") {
			if a.Date == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.SentenceIndex, b.SentenceIndex))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// parseSpeakerKey splits a 'p' key into its article and seq.
func parseSpeakerKey(k []byte) (article string, seq uint32, err error) {
	if len(k) == 0 || k[0] != prefixBySpeaker {
		return "", 0, fmt.Errorf("%w %x", errBadKey, k)
	}
	_, rest, err := readString(k[1:])
	if err != nil {
		return "", 0, fmt.Errorf("%w %x", errBadKey, k)
	}
	if article, rest, err = readString(rest); err != nil {
		return "", 0, fmt.Errorf("%w %x", errBadKey, k)
	}
	if seq, rest, err = readSeq(rest); err != nil || len(rest) != 0 {
		return "", 0, fmt.Errorf("%w %x", errBadKey, k)
	}
	return article, seq, nil
}
