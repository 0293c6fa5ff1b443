package store

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/newsgraph/newsgraph/news"
)

// Status says what Ingest did with an article.
type Status int

// Ingest outcomes.
const (
	New       Status = iota + 1 // the article id was not in the store
	Changed                     // the article was stored with another hash and has been replaced
	Unchanged                   // the article was stored with the same hash; nothing was written
)

// String returns "new", "changed" or "unchanged".
func (s Status) String() string {
	switch s {
	case New:
		return "new"
	case Changed:
		return "changed"
	case Unchanged:
		return "unchanged"
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// Ingest stores one article's extraction, keyed by the article id and its
// content hash (ex.Article.Hash()).
//
// An article stored with the same hash is Unchanged and nothing is written.
// One stored with another hash is Changed: its old triples, mentions and
// index entries are removed, the new ones written and the actor aggregates
// adjusted, all in one badger transaction, so a crash leaves the old
// version or the new one, never a mix. An unknown id is New.
//
// Triples and mentions whose Doc is empty are stored under the article id;
// a Doc naming another article, an empty article or actor id, or an id or
// article date longer than 4096 bytes is an error wrapping ErrInvalid.
// Triples keep their order; mentions are stored sorted by (Sentence,
// Start, End), ties in input order. An article too large for one
// transaction gives an error wrapping ErrTooLarge and leaves the store as
// it was.
func (s *Store) Ingest(ctx context.Context, ex news.Extraction) (Status, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if s.readOnly {
		return 0, fmt.Errorf("ingest %q: %w", ex.Article.ID, ErrReadOnly)
	}
	id := ex.Article.ID
	triples, mentions, err := prepare(ex)
	if err != nil {
		return 0, err
	}
	hash := ex.Article.Hash()

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	// The unchanged check reads the published generation until the first
	// write, so that a run that changes nothing copies nothing.
	old, found, err := s.storedArticle(id)
	if err != nil {
		return 0, fmt.Errorf("ingest %q: %w", id, err)
	}
	if found && old.Hash == hash {
		return Unchanged, nil
	}
	txn, err := s.beginWrite()
	if err != nil {
		return 0, fmt.Errorf("ingest %q: %w", id, err)
	}
	defer txn.Discard()
	if old, found, err = getArticle(txn, id); err != nil {
		return 0, fmt.Errorf("ingest %q: %w", id, err)
	}
	c := s.newChange(txn)
	if found {
		if err := c.removeArticle(id, old); err != nil {
			return 0, fmt.Errorf("ingest %q: %w", id, err)
		}
	}
	if err := c.addArticle(ex.Article, hash, triples, mentions); err != nil {
		return 0, fmt.Errorf("ingest %q: %w", id, err)
	}
	if err := c.finish(); err != nil {
		return 0, fmt.Errorf("ingest %q: %w", id, err)
	}
	if err := ctx.Err(); err != nil {
		return 0, err // nothing committed
	}
	if err := txn.Commit(); err != nil {
		s.forget(c)
		return 0, fmt.Errorf("ingest %q: commit: %w", id, err)
	}
	s.committed(c)
	s.wrote(c.bytes)
	if found {
		return Changed, nil
	}
	return New, nil
}

// DeleteArticle removes an article and everything derived from it: its
// triples, mentions and index entries, and its part of each actor
// aggregate. Actors it alone mentioned disappear. An unknown id gives an
// error wrapping ErrNotFound.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.readOnly {
		return fmt.Errorf("delete article %q: %w", id, ErrReadOnly)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if _, found, err := s.storedArticle(id); err != nil {
		return fmt.Errorf("delete article %q: %w", id, err)
	} else if !found {
		return fmt.Errorf("%w: article %q", ErrNotFound, id)
	}
	txn, err := s.beginWrite()
	if err != nil {
		return fmt.Errorf("delete article %q: %w", id, err)
	}
	defer txn.Discard()
	old, found, err := getArticle(txn, id)
	if err != nil {
		return fmt.Errorf("delete article %q: %w", id, err)
	}
	if !found {
		return fmt.Errorf("%w: article %q", ErrNotFound, id)
	}
	c := s.newChange(txn)
	if err := c.removeArticle(id, old); err != nil {
		return fmt.Errorf("delete article %q: %w", id, err)
	}
	if err := c.finish(); err != nil {
		return fmt.Errorf("delete article %q: %w", id, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := txn.Commit(); err != nil {
		s.forget(c)
		return fmt.Errorf("delete article %q: commit: %w", id, err)
	}
	s.committed(c)
	s.wrote(c.bytes)
	return nil
}

// storedArticle reads the record of article id from the database reads go
// through.
func (s *Store) storedArticle(id string) (rec articleRecord, found bool, err error) {
	db := s.bdb()
	if db == nil {
		return rec, false, ErrClosed
	}
	err = db.View(func(txn *badger.Txn) error {
		rec, found, err = getArticle(txn, id)
		return err
	})
	return rec, found, err
}

// prepare validates ex and returns its triples and mentions with Doc filled
// in and mentions in sentence order. ex itself is not modified.
func prepare(ex news.Extraction) ([]news.Triple, []news.Mention, error) {
	id := ex.Article.ID
	if id == "" {
		return nil, nil, fmt.Errorf("%w: empty article id", ErrInvalid)
	}
	if len(id) > maxIDLen {
		return nil, nil, fmt.Errorf("%w: article id of %d bytes (limit %d)", ErrInvalid, len(id), maxIDLen)
	}
	if len(ex.Article.Date) > maxIDLen {
		return nil, nil, fmt.Errorf("%w: article %q: date of %d bytes (limit %d)", ErrInvalid, id, len(ex.Article.Date), maxIDLen)
	}
	if len(ex.Triples) > math.MaxUint32 || len(ex.Mentions) > math.MaxUint32 {
		return nil, nil, fmt.Errorf("%w: article %q: too many triples or mentions", ErrInvalid, id)
	}
	checkActor := func(what string, i int, actor string) error {
		switch {
		case actor == "":
			return fmt.Errorf("%w: article %q: %s %d has an empty actor id", ErrInvalid, id, what, i)
		case len(actor) > maxIDLen:
			return fmt.Errorf("%w: article %q: %s %d has an actor id of %d bytes (limit %d)",
				ErrInvalid, id, what, i, len(actor), maxIDLen)
		}
		return nil
	}
	checkDoc := func(what string, i int, doc string) error {
		if doc != "" && doc != id {
			return fmt.Errorf("%w: article %q: %s %d belongs to article %q", ErrInvalid, id, what, i, doc)
		}
		return nil
	}
	triples := slices.Clone(ex.Triples)
	for i := range triples {
		t := &triples[i]
		if err := firstErr(checkDoc("triple", i, t.Doc),
			checkActor("triple", i, t.SubjectID), checkActor("triple", i, t.ObjectID)); err != nil {
			return nil, nil, err
		}
		t.Doc = id
	}
	mentions := slices.Clone(ex.Mentions)
	for i := range mentions {
		m := &mentions[i]
		if err := firstErr(checkDoc("mention", i, m.Doc), checkActor("mention", i, m.ActorID)); err != nil {
			return nil, nil, err
		}
		m.Doc = id
	}
	slices.SortStableFunc(mentions, func(a, b news.Mention) int {
		if a.Sentence != b.Sentence {
			return cmp.Compare(a.Sentence, b.Sentence)
		}
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(a.End, b.End)
	})
	return triples, mentions, nil
}

// change accumulates one write transaction: the article tallies it removes
// and adds, the aggregates it writes, and the change in counts.
type change struct {
	txn    *badger.Txn
	cache  map[string][]byte // the Store's committed aggregates (Store.aggs); read only
	old    map[string]*tally // actor → tally of the removed article version
	new    map[string]*tally // actor → tally of the added article version
	aggs   map[string][]byte // actor → encoded aggregate written, nil if deleted
	counts Counts            // deltas; Actors is settled in finish
	bytes  int               // key and value bytes written, for the free-space checks
}

// maxCachedAggs bounds Store.aggs: a few tens of MiB for large stores.
const maxCachedAggs = 1 << 17

// newChange starts a change in txn.
func (s *Store) newChange(txn *badger.Txn) *change {
	return &change{txn: txn, cache: s.aggs, old: map[string]*tally{}, aggs: map[string][]byte{}}
}

// committed records the aggregates of a committed change in the cache.
func (s *Store) committed(c *change) {
	if len(s.aggs)+len(c.aggs) > maxCachedAggs {
		s.aggs = map[string][]byte{}
	}
	for actor, v := range c.aggs {
		if v == nil {
			delete(s.aggs, actor)
		} else {
			s.aggs[actor] = v
		}
	}
}

// forget drops the change's actors from the cache after a failed commit,
// which may or may not have reached the database.
func (s *Store) forget(c *change) {
	for actor := range c.aggs {
		delete(s.aggs, actor)
	}
}

// aggregate returns the actor's aggregate as of the transaction's start,
// from the cache when this Store wrote it, or nil.
func (c *change) aggregate(actor string) (*tally, error) {
	if v, ok := c.cache[actor]; ok {
		t, err := decodeTally(v)
		if err != nil {
			return nil, corrupt(actorKey(actor), err)
		}
		return t, nil
	}
	return getTally(c.txn, actorKey(actor))
}

// set and del wrap txn writes, naming badger's size limit in terms a user
// can act on.
func (c *change) set(k, v []byte) error {
	c.bytes += len(k) + len(v)
	return txnErr(c.txn.Set(k, v))
}

func (c *change) del(k []byte) error {
	c.bytes += len(k)
	return txnErr(c.txn.Delete(k))
}

func txnErr(err error) error {
	if errors.Is(err, badger.ErrTxnTooBig) {
		return ErrTooLarge
	}
	return err
}

// removeArticle deletes everything stored for article id, whose record is
// old, and records the tallies it contributed.
func (c *change) removeArticle(id string, old articleRecord) error {
	actors := map[string]bool{}
	var dels [][]byte
	var nTriples, nMentions int
	err := scanTxn(c.txn, triplePrefix(id), false, func(k, v []byte) error {
		_, seq, err := parseSeqKey(prefixTriple, k)
		if err != nil {
			return corrupt(k, err)
		}
		t, err := decodeTriple(id, v)
		if err != nil {
			return corrupt(k, err)
		}
		dels = append(dels, bytes.Clone(k),
			bySubjectKey(t.SubjectID, t.ObjectID, id, seq),
			byObjectKey(t.ObjectID, t.SubjectID, id, seq))
		actors[t.SubjectID], actors[t.ObjectID] = true, true
		nTriples++
		return nil
	})
	if err != nil {
		return err
	}
	err = scanTxn(c.txn, mentionPrefix(id), false, func(k, v []byte) error {
		m, err := decodeMention(id, v)
		if err != nil {
			return corrupt(k, err)
		}
		dels = append(dels, bytes.Clone(k))
		actors[m.ActorID] = true
		nMentions++
		return nil
	})
	if err != nil {
		return err
	}
	if nTriples != old.Triples || nMentions != old.Mentions {
		return fmt.Errorf("%w: article %q records %d triples and %d mentions, store has %d and %d",
			ErrCorrupt, id, old.Triples, old.Mentions, nTriples, nMentions)
	}
	for actor := range actors {
		k := contributionKey(actor, id)
		t, err := getTally(c.txn, k)
		if err != nil {
			return err
		}
		if t == nil {
			return fmt.Errorf("%w: no tally of article %q for actor %q", ErrCorrupt, id, actor)
		}
		c.old[actor] = t
		dels = append(dels, k)
		if old.Date != "" {
			dels = append(dels, actorDateKey(actor, old.Date, id))
		}
	}
	dels = append(dels, articleKey(id))
	for _, k := range dels {
		if err := c.del(k); err != nil {
			return err
		}
	}
	c.counts.Articles--
	c.counts.Triples -= nTriples
	c.counts.Mentions -= nMentions
	return nil
}

// addArticle writes a new article version. Keys it shares with a version
// removed earlier in the transaction are overwritten: the last write wins.
func (c *change) addArticle(a news.Article, hash string, triples []news.Triple, mentions []news.Mention) error {
	id := a.ID
	for i, t := range triples {
		seq := uint32(i)
		rel := encodeRelation(t)
		if err := firstErr(
			c.set(tripleKey(id, seq), encodeTriple(t)),
			c.set(bySubjectKey(t.SubjectID, t.ObjectID, id, seq), rel),
			c.set(byObjectKey(t.ObjectID, t.SubjectID, id, seq), rel),
		); err != nil {
			return err
		}
	}
	for i, m := range mentions {
		if err := c.set(mentionKey(id, uint32(i)), encodeMention(m)); err != nil {
			return err
		}
	}
	c.new = tallyArticle(a.Date, mentions, triples)
	for actor, t := range c.new {
		if err := c.set(contributionKey(actor, id), t.encode()); err != nil {
			return err
		}
		if a.Date != "" {
			if err := c.set(actorDateKey(actor, a.Date, id), nil); err != nil {
				return err
			}
		}
	}
	rec := articleRecord{
		Hash: hash, Title: a.Title, Date: a.Date, URL: a.URL, Source: a.Source,
		Triples: len(triples), Mentions: len(mentions),
	}
	if err := c.set(articleKey(id), rec.encode()); err != nil {
		return err
	}
	c.counts.Articles++
	c.counts.Triples += len(triples)
	c.counts.Mentions += len(mentions)
	return nil
}

// finish moves each touched actor's aggregate from the old tallies to the
// new ones, creating and deleting actors as needed, keeps the actor's 'f'
// names in step, and updates the counts. (The 'd' dates are written with
// the 'c' tallies.)
func (c *change) finish() error {
	actors := map[string]bool{}
	for a := range c.old {
		actors[a] = true
	}
	for a := range c.new {
		actors[a] = true
	}
	for actor := range actors {
		k := actorKey(actor)
		agg, err := c.aggregate(actor)
		if err != nil {
			return err
		}
		existed := agg != nil
		if agg == nil {
			agg = newTally()
		}
		var before map[string]bool
		if existed {
			before = agg.nameSet()
		}
		if t := c.old[actor]; t != nil {
			if err := agg.add(t.withoutDates(), -1); err != nil {
				return fmt.Errorf("actor %q: %w", actor, err)
			}
		}
		if t := c.new[actor]; t != nil {
			if err := agg.add(t.withoutDates(), +1); err != nil {
				return fmt.Errorf("actor %q: %w", actor, err)
			}
		}
		var after map[string]bool
		switch {
		case agg.Articles > 0:
			v := agg.encode()
			if err := c.set(k, v); err != nil {
				return err
			}
			c.aggs[actor] = v
			if !existed {
				c.counts.Actors++
			}
			after = agg.nameSet()
		case existed:
			if err := c.del(k); err != nil {
				return err
			}
			c.aggs[actor] = nil
			c.counts.Actors--
		}
		if err := c.moveNames(actor, existed, before, agg.Articles > 0, after); err != nil {
			return err
		}
	}
	total, err := getCounts(c.txn)
	if err != nil {
		return err
	}
	total.Articles += c.counts.Articles
	total.Triples += c.counts.Triples
	total.Mentions += c.counts.Mentions
	total.Actors += c.counts.Actors
	if total.Articles < 0 || total.Triples < 0 || total.Mentions < 0 || total.Actors < 0 {
		return fmt.Errorf("%w: counts go negative", ErrCorrupt)
	}
	return c.set(metaCountsKey, total.encode())
}

// moveNames updates the actor's 'f' keys when the set of names in its
// aggregate changed from before to after (nil when the actor did not exist
// or no longer exists). Unchanged sets, by far the common case, cost
// nothing beyond the comparison.
func (c *change) moveNames(actor string, existed bool, before map[string]bool, exists bool, after map[string]bool) error {
	if existed == exists && maps.Equal(before, after) {
		return nil
	}
	was, is := map[string]bool{}, map[string]bool{}
	if existed {
		was = nameForms(actor, before)
	}
	if exists {
		is = nameForms(actor, after)
	}
	for f := range was {
		if !is[f] {
			if err := c.del(nameKey(f, actor)); err != nil {
				return err
			}
		}
	}
	for f := range is {
		if !was[f] {
			if err := c.set(nameKey(f, actor), nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
