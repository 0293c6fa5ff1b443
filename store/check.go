package store

import (
	"bytes"
	"cmp"
	"context"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/newsgraph/newsgraph/news"
)

// Check verifies that the store agrees with itself, in one consistent
// snapshot: every article's triples and mentions match its record; every
// triple has exactly its two index entries, holding its relationRecord,
// every quote its speaker index entry, and no index entry is orphaned;
// every article's actor tallies, every actor aggregate and its dates equal
// what a fresh ingest of the stored articles would give; the name index
// holds exactly the folded names of the actors present; the counts are
// exact. It returns nil or an error wrapping ErrCorrupt that names the first problem.
//
// Before that it verifies the checksum of every block of every table file
// of the generation the store reads (for a reader, the published one), so
// that damage to the files is reported as ErrCorrupt rather than met by a
// later query.
//
// Check reads the whole store and keeps one tally per actor in memory; it is
// meant for tests and for a `check` command, not for every run.
func (s *Store) Check(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.readable(); err != nil {
		return err
	}
	db := s.bdb()
	if db == nil {
		return fmt.Errorf("check %s: %w", s.dir, ErrClosed)
	}
	if err := verifyChecksums(db); err != nil {
		return damaged(err, "check %s: %s is damaged: %s", s.dir, cmp.Or(s.Generation(), "the store"), err)
	}
	err := s.view(func(txn *badger.Txn) error {
		return check(ctx, txn)
	})
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("check %s: %w", s.dir, err)
	}
	return nil
}

// verifyChecksums runs badger's checksum verification of every table,
// turning a panic on a damaged file into an error.
func verifyChecksums(db *badger.DB) (err error) {
	defer func() {
		if r := recover(); r != nil {
			// badger v4.9.6's Table.VerifyChecksum dereferences the nil
			// block it got with the error of a damaged one.
			err = fmt.Errorf("a table block fails its checksum or does not decode (badger: %v)", r)
		}
	}()
	return db.VerifyChecksum()
}

func check(ctx context.Context, txn *badger.Txn) error {
	var (
		want   Counts
		pairs  int                   // expected 'c' keys
		quotes int                   // expected 'p' keys
		actors = map[string]*tally{} // expected 'e' values
		dated  = map[string]bool{}   // expected 'd' keys
	)
	// Expected 't', 'n' and 'q' keys: the articles with triples, mentions,
	// quotes.
	var withTriples, withMentions, withQuotes int
	err := scanTxn(txn, []byte{prefixArticle}, false, func(k, v []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		parts, err := parseStringsKey(prefixArticle, k, 1)
		if err != nil {
			return corrupt(k, err)
		}
		id := parts[0]
		rec, err := decodeArticle(v)
		if err != nil {
			return corrupt(k, err)
		}
		triples, err := getTriples(txn, id)
		if err != nil {
			return err
		}
		for i, t := range triples {
			seq := uint32(i)
			rel := encodeRelation(t)
			for _, ik := range [][]byte{
				bySubjectKey(t.SubjectID, t.ObjectID, id, seq),
				byObjectKey(t.ObjectID, t.SubjectID, id, seq),
			} {
				item, err := txn.Get(ik)
				if err != nil {
					return fmt.Errorf("%w: triple %d of article %q lacks index key %x: %w", ErrCorrupt, seq, id, ik, err)
				}
				v, err := item.ValueCopy(nil)
				if err != nil {
					return err
				}
				if !bytes.Equal(v, rel) {
					return fmt.Errorf("%w: index key %x holds %x, its triple gives %x", ErrCorrupt, ik, v, rel)
				}
			}
		}
		mentions, err := getMentions(txn, id)
		if err != nil {
			return err
		}
		var qs []news.Quote
		_, err = getValue(txn, quoteKey(id), func(v []byte) (err error) {
			qs, err = decodeQuotes(id, v)
			return err
		})
		if err != nil {
			return err
		}
		for i, q := range qs {
			if _, err := txn.Get(bySpeakerKey(q.SpeakerID, id, uint32(i))); err != nil {
				return fmt.Errorf("%w: quote %d of article %q lacks its speaker index key: %w", ErrCorrupt, i, id, err)
			}
		}
		withTriples += min(len(triples), 1)
		withMentions += min(len(mentions), 1)
		withQuotes += min(len(qs), 1)
		quotes += len(qs)
		if len(triples) != rec.Triples || len(mentions) != rec.Mentions {
			return fmt.Errorf("%w: article %q records %d triples and %d mentions, store has %d and %d",
				ErrCorrupt, id, rec.Triples, rec.Mentions, len(triples), len(mentions))
		}
		for _, at := range tallyArticle(rec.Date, mentions, triples) {
			actor, t := at.actor, at.t
			got, err := getTally(txn, contributionKey(actor, id))
			if err != nil {
				return err
			}
			if got == nil || !bytes.Equal(got.encode(), t.encode()) {
				return fmt.Errorf("%w: tally of article %q for actor %q is %+v, want %+v", ErrCorrupt, id, actor, got, t)
			}
			if actors[actor] == nil {
				actors[actor] = newTally()
			}
			if rec.Date != "" {
				dated[actor+"\x00"+rec.Date+"\x00"+id] = true
			}
			if err := actors[actor].add(t, +1); err != nil {
				return err
			}
			pairs++
		}
		want.Articles++
		want.Triples += len(triples)
		want.Mentions += len(mentions)
		return nil
	})
	if err != nil {
		return err
	}
	want.Actors = len(actors)

	// Orphans: with every article's own keys present, equal totals mean
	// there are no others.
	for _, c := range []struct {
		what   string
		prefix byte
		want   int
	}{
		{"triples", prefixTriple, withTriples},
		{"subject index", prefixBySubject, want.Triples},
		{"object index", prefixByObject, want.Triples},
		{"mentions", prefixMention, withMentions},
		{"actor tally", prefixContribution, pairs},
		{"quotes", prefixQuote, withQuotes},
		{"speaker index", prefixBySpeaker, quotes},
	} {
		n, err := countKeys(ctx, txn, c.prefix)
		if err != nil {
			return err
		}
		if n != c.want {
			return fmt.Errorf("%w: %d %s keys, want %d", ErrCorrupt, n, c.what, c.want)
		}
	}

	n := 0
	err = scanTxn(txn, []byte{prefixActor}, false, func(k, v []byte) error {
		parts, err := parseStringsKey(prefixActor, k, 1)
		if err != nil {
			return corrupt(k, err)
		}
		got, err := decodeTally(v)
		if err != nil {
			return corrupt(k, err)
		}
		w := actors[parts[0]]
		if w == nil || !bytes.Equal(got.encode(), w.withoutDates().encode()) {
			return fmt.Errorf("%w: actor %q aggregate is %+v, want %+v", ErrCorrupt, parts[0], got, w)
		}
		n++
		return nil
	})
	if err != nil {
		return err
	}
	if n != want.Actors {
		return fmt.Errorf("%w: %d actors, want %d", ErrCorrupt, n, want.Actors)
	}
	if err := checkDates(txn, dated); err != nil {
		return err
	}
	if err := checkNames(txn, actors); err != nil {
		return err
	}

	got, err := getCounts(txn)
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%w: counts record %+v, store has %+v", ErrCorrupt, got, want)
	}
	return nil
}

// checkDates verifies that the 'd' keys are exactly the dated (actor,
// article) pairs of the 'c' tallies: dated holds "actor\x00date\x00article".
func checkDates(txn *badger.Txn, dated map[string]bool) error {
	n := 0
	err := scanTxn(txn, []byte{prefixActorDate}, true, func(k, _ []byte) error {
		parts, err := parseStringsKey(prefixActorDate, k, 3)
		if err != nil {
			return corrupt(k, err)
		}
		if !dated[parts[0]+"\x00"+parts[1]+"\x00"+parts[2]] {
			return fmt.Errorf("%w: date key %q: actor %q is in no article %q dated %s", ErrCorrupt, k, parts[0], parts[2], parts[1])
		}
		n++
		return nil
	})
	if err != nil {
		return err
	}
	if n != len(dated) {
		return fmt.Errorf("%w: %d actor date keys, want %d", ErrCorrupt, n, len(dated))
	}
	return nil
}

// checkNames verifies that the 'f' keys are exactly the folded names of the
// expected aggregates.
func checkNames(txn *badger.Txn, actors map[string]*tally) error {
	want := map[string]map[string]bool{}
	total := 0
	for id, t := range actors {
		want[id] = nameForms(id, t.nameSet())
		total += len(want[id])
	}
	n := 0
	err := scanTxn(txn, []byte{prefixName}, true, func(k, _ []byte) error {
		parts, err := parseStringsKey(prefixName, k, 2)
		if err != nil {
			return corrupt(k, err)
		}
		if !want[parts[1]][parts[0]] {
			return fmt.Errorf("%w: name index lists %q for actor %q, which has no such name", ErrCorrupt, parts[0], parts[1])
		}
		n++
		return nil
	})
	if err != nil {
		return err
	}
	if n != total {
		return fmt.Errorf("%w: %d name index keys, want %d", ErrCorrupt, n, total)
	}
	return nil
}

// countKeys returns how many keys begin with prefix.
func countKeys(ctx context.Context, txn *badger.Txn, prefix byte) (int, error) {
	n := 0
	err := scanTxn(txn, []byte{prefix}, true, func(k, _ []byte) error {
		n++
		return ctx.Err()
	})
	return n, err
}
