package store

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
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

// Ingest stores one article's extraction, keyed by the article id and
// ex.Key(): its content hash and the extraction rules that read it.
//
// An article stored with the same key is Unchanged and nothing is written
// (a "hash" below is that key).
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
//
// Ingest is IngestBatch of one extraction that returns once badger has
// written it; a bulk load should call IngestBatch with many.
func (s *Store) Ingest(ctx context.Context, ex news.Extraction) (Status, error) {
	statuses, err := s.IngestBatch(ctx, []news.Extraction{ex})
	if err != nil {
		return 0, err
	}
	s.writeMu.Lock()
	err = s.settle()
	s.writeMu.Unlock()
	if err != nil {
		return 0, err
	}
	return statuses[0], nil
}

// Transactions of IngestBatch end after this many articles, or once this
// many key and value bytes or this many keys are written, whichever comes
// first. Badger refuses a transaction above 15% of its memtable (about
// 1.2 MiB or 13 000 keys, see badgerOptions), and the aggregates written
// at the end of a transaction (finish) come on top of the articles' keys,
// so a transaction closed at 512 KiB or 6 000 keys has room for them and
// for the article that crosses the mark unless that one alone is near the
// limit; a transaction that overflows anyway is discarded and its
// articles stored again in smaller ones.
const (
	maxTxnArticles = 256
	maxTxnBytes    = 512 << 10
	maxTxnKeys     = 6000
)

// maxValueBytes bounds one value: badger keeps a value of up to 1 MiB in
// its tree (ValueThreshold), and refuses a larger one in a store in
// memory. The packed triples of an article are the largest value, about
// 150 bytes a triple, so this is no tighter than the transaction's limit.
const maxValueBytes = 1 << 20

// IngestBatch stores extractions in order, each exactly as Ingest would
// (same statuses, same stored result, same errors), but with many articles
// in one badger transaction: the aggregate of an actor named by several of
// them, and the counts, are written once a transaction instead of once an
// article, and the fixed cost of a transaction is shared. (During a bulk
// load, bulk.go, there are no transactions; the result is the same.) An
// article is never split between transactions, so a crash still leaves
// each article in its old version or its new one, and an error or
// cancellation between transactions leaves whole articles stored.
//
// It returns the status of exs[:len(statuses)], which are stored. On an
// error (an invalid or too large extraction, a failed write, a cancelled
// ctx) nothing of exs[len(statuses):] is stored, and the error names the
// article it concerns. An article id given twice is stored twice, in
// order, as two calls of Ingest would.
//
// The last transaction is written by badger after IngestBatch returns
// (see commitAsync), so that the caller's next batch is prepared
// meanwhile: every read waits for it, and should the write fail, the next
// IngestBatch, DeleteArticle and Commit return the error, and Commit
// publishes nothing.
func (s *Store) IngestBatch(ctx context.Context, exs []news.Extraction) ([]Status, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(exs) == 0 {
		return nil, nil
	}
	if s.readOnly {
		return nil, fmt.Errorf("ingest %q: %w", exs[0].Article.ID, ErrReadOnly)
	}
	// Invalid extractions are found before anything is written: those
	// before the first invalid one are stored, then its error returned.
	arts := make([]preparedArticle, 0, len(exs))
	var invalid error
	for _, ex := range exs {
		a, err := prepare(ex)
		if err != nil {
			invalid = err
			break
		}
		arts = append(arts, a)
	}
	s.encodeChanged(arts)

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	statuses := make([]Status, 0, len(arts))
	if b := s.bulk.Load(); b != nil {
		if err := s.settle(); err != nil {
			return nil, err
		}
		done, err := s.bulkIngest(ctx, b, arts)
		statuses = append(statuses, done...)
		if err != nil {
			return statuses, err
		}
		if arts = arts[len(done):]; len(arts) == 0 {
			return statuses, invalid
		}
		// An article loaded already comes with other content: only a
		// transaction can replace it.
	}
	if err := s.endBulk(); err != nil {
		return statuses, fmt.Errorf("ingest %q: %w", arts[0].ex.Article.ID, err)
	}
	// The unchanged check reads the published generation until the first
	// write, so that a run that changes nothing copies nothing; and
	// unchanged articles need no write transaction.
	n, err := s.leadingUnchanged(arts)
	for range n {
		statuses = append(statuses, Unchanged)
	}
	if err != nil {
		return statuses, err
	}
	arts = arts[n:]
	limit := maxTxnArticles
	for len(arts) > 0 {
		done, err := s.ingestTxn(ctx, arts, limit)
		var split splitError
		if errors.As(err, &split) {
			limit = max(1, int(split)/2)
			continue
		}
		statuses = append(statuses, done...)
		if err != nil {
			return statuses, err
		}
		arts = arts[len(done):]
	}
	return statuses, invalid
}

// encodeChanged encodes what the articles that are not stored with the
// same hash write (see encodeArticle), before the writer's lock is taken:
// this work then overlaps the commit of the previous transaction, which
// badger writes on a goroutine of its own. Unchanged articles are left
// alone, so that a run that changes nothing costs a read an article. The
// check here is only a hint: the transaction reads again, and encodes what
// is still to encode.
func (s *Store) encodeChanged(arts []preparedArticle) {
	stored := make([]bool, len(arts))
	// During a bulk load the generation is empty until the load ends, and
	// its handle may be reopened meanwhile (reopenNext), or after it
	// (reopenDue): no read.
	if db := s.bdb(); db != nil && !s.bulkPending() {
		db.View(func(txn *badger.Txn) error {
			for i, a := range arts {
				old, found, err := getArticle(txn, a.ex.Article.ID)
				if err != nil {
					return err
				}
				stored[i] = found && old.Hash == a.hash
			}
			return nil
		})
	}
	for i := range arts {
		if !stored[i] {
			arts[i].encode()
		}
	}
}

// leadingUnchanged returns how many articles at the front of arts the
// database reads go through holds with the same hash, in one read
// transaction.
func (s *Store) leadingUnchanged(arts []preparedArticle) (int, error) {
	db := s.bdb()
	if db == nil {
		return 0, fmt.Errorf("ingest %q: %w", arts[0].ex.Article.ID, ErrClosed)
	}
	n := 0
	err := db.View(func(txn *badger.Txn) error {
		for _, a := range arts {
			old, found, err := getArticle(txn, a.ex.Article.ID)
			if err != nil {
				return fmt.Errorf("ingest %q: %w", a.ex.Article.ID, err)
			}
			if !found || old.Hash != a.hash {
				return nil
			}
			n++
		}
		return nil
	})
	return n, err
}

// splitError is what ingestTxn returns when a transaction of n > 1
// articles grew too large for badger: nothing was written, and the
// articles go again in smaller transactions.
type splitError int

func (e splitError) Error() string {
	return fmt.Sprintf("store: a transaction of %d articles is too large", int(e))
}

// ingestTxn stores articles from the front of arts in one transaction, at
// most limit of them, and returns the statuses of those it committed. An
// article whose id is already in the transaction starts the next one, so
// that the reads of a transaction never need its own writes.
func (s *Store) ingestTxn(ctx context.Context, arts []preparedArticle, limit int) ([]Status, error) {
	first := arts[0].ex.Article.ID
	txn, err := s.beginWrite()
	if err != nil {
		return nil, fmt.Errorf("ingest %q: %w", first, err)
	}
	defer txn.Discard()
	c := s.newChange(txn)
	statuses := make([]Status, 0, min(limit, len(arts)))
	ids := make(map[string]bool, min(limit, len(arts)))
	tooLarge := func(id string, err error) error {
		if errors.Is(err, ErrTooLarge) && len(statuses) > 0 {
			return splitError(len(statuses) + 1)
		}
		return fmt.Errorf("ingest %q: %w", id, err)
	}
	for _, a := range arts {
		id := a.ex.Article.ID
		if len(statuses) == limit || ids[id] || (len(statuses) > 0 && (c.bytes >= maxTxnBytes || c.keys >= maxTxnKeys)) {
			break
		}
		st, err := c.ingest(a)
		if err != nil {
			return nil, tooLarge(id, err)
		}
		ids[id] = true
		statuses = append(statuses, st)
	}
	if !c.dirty {
		return statuses, nil // all unchanged
	}
	if err := c.finish(); err != nil {
		if errors.Is(err, ErrTooLarge) && len(statuses) > 1 {
			return nil, splitError(len(statuses))
		}
		return nil, fmt.Errorf("ingest %q: %w", first, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err // nothing committed
	}
	what := fmt.Sprintf("ingest %q", first)
	if len(statuses) > 1 {
		what = fmt.Sprintf("ingest %q and %d more", first, len(statuses)-1)
	}
	s.commitAsync(txn, c, what)
	return statuses, nil
}

// inflightCommit is a write transaction handed to badger whose write has
// not been seen to finish.
type inflightCommit struct {
	done chan struct{}
	err  error  // badger's result, set before done is closed
	what string // the articles written, for the error
}

// commitAsync commits the change's transaction on badger's write goroutine
// and returns at once, so that the caller prepares the next batch while
// badger writes this one. Reads wait for the write (a badger transaction
// starts after every commit before it is written), so they never see the
// store without it; the next write, Commit and Close wait for it with
// settle, and a failed write stops the writer: it is returned by every
// later write, and Commit publishes nothing. The aggregates are cached
// now: if the write fails, no later write reads them. Called under writeMu.
func (s *Store) commitAsync(txn *badger.Txn, c *change, what string) {
	f := &inflightCommit{done: make(chan struct{}), what: what}
	s.inflight = f
	s.committed(c)
	s.wrote(c.bytes)
	txn.CommitWith(func(err error) {
		f.err = err
		close(f.done)
	})
}

// settle waits for the commit in flight, if any, and returns the error
// that stops the writer: a failed commit, or a full disk. Called under
// writeMu.
func (s *Store) settle() error {
	if f := s.inflight; f != nil {
		<-f.done
		s.inflight = nil
		if f.err != nil && s.failed == nil {
			s.failed = fmt.Errorf("%s: commit: %w", f.what, flatError{f.err})
		}
	}
	return s.failed
}

// ingest adds one article to the change: nothing when it is stored with
// the same hash, else its old version removed and the new one written.
func (c *change) ingest(a preparedArticle) (Status, error) {
	id := a.ex.Article.ID
	old, found, err := getArticle(c.txn, id)
	if err != nil {
		return 0, err
	}
	if found && old.Hash == a.hash {
		return Unchanged, nil
	}
	c.dirty = true
	a.encode()
	if found {
		if err := c.removeArticle(id, old); err != nil {
			return 0, err
		}
	}
	if err := c.addArticle(a); err != nil {
		return 0, err
	}
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
	if err := s.endBulk(); err != nil {
		return fmt.Errorf("delete article %q: %w", id, err)
	}
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

// preparedArticle is an extraction checked and encoded, ready to write.
type preparedArticle struct {
	ex       news.Extraction
	hash     string         // ex.Key()
	triples  []news.Triple  // ex.Triples with Doc set
	mentions []news.Mention // ex.Mentions with Doc set, in sentence order
	quotes   []news.Quote   // ex.Quotes with Doc set
	writes   []entry        // what the new version writes (encodeArticle)
	tallies  []actorTally   // the article's tally of each actor; read only
	encoded  bool           // writes and tallies are filled in
}

// prepare validates ex and returns it with its hash, and its triples and
// mentions with Doc filled in and mentions in sentence order. ex itself is
// not modified.
func prepare(ex news.Extraction) (preparedArticle, error) {
	triples, mentions, err := prepareParts(ex)
	if err != nil {
		return preparedArticle{}, err
	}
	quotes, err := checkQuotes(ex)
	if err != nil {
		return preparedArticle{}, err
	}
	return preparedArticle{ex: ex, hash: ex.Key(), triples: triples, mentions: mentions, quotes: quotes}, nil
}

// encode fills in what the article writes, once.
func (a *preparedArticle) encode() {
	if !a.encoded {
		a.writes, a.tallies = encodeArticle(a.ex.Article, a.hash, a.triples, a.mentions, a.quotes)
		a.encoded = true
	}
}

// prepareParts validates ex and returns its triples and mentions with Doc
// filled in and mentions in sentence order.
func prepareParts(ex news.Extraction) ([]news.Triple, []news.Mention, error) {
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

// change accumulates one write transaction, of one article or several:
// the article tallies it removes and adds, by actor, the aggregates it
// writes, and the change in counts.
type change struct {
	txn    *badger.Txn
	cache  map[string][]byte   // the Store's committed aggregates (Store.aggs); read only
	old    map[string][]*tally // actor → tallies of the removed article versions
	new    map[string][]*tally // actor → tallies of the added article versions; read only
	aggs   map[string][]byte   // actor → encoded aggregate written, nil if deleted
	counts Counts              // deltas; Actors is settled in finish
	bytes  int                 // key and value bytes written, for the free-space checks
	keys   int                 // keys set or deleted
	dirty  bool                // something was removed or added
}

// The cache of committed aggregates (Store.aggs) is dropped whole when it
// would hold more than this many actors or bytes of encoded aggregates.
const (
	maxCachedAggs     = 1 << 17
	maxCachedAggBytes = 32 << 20
)

// newChange starts a change in txn, a write transaction of the writer's
// generation.
func (s *Store) newChange(txn *badger.Txn) *change {
	return &change{txn: txn, cache: s.aggs,
		old: map[string][]*tally{}, new: map[string][]*tally{}, aggs: map[string][]byte{}}
}

// committed records the aggregates of a committed change in the cache.
func (s *Store) committed(c *change) {
	if len(s.aggs)+len(c.aggs) > maxCachedAggs || s.aggBytes > maxCachedAggBytes {
		s.aggs, s.aggBytes = map[string][]byte{}, 0
	}
	for actor, v := range c.aggs {
		s.aggBytes -= len(s.aggs[actor])
		if v == nil {
			delete(s.aggs, actor)
		} else {
			s.aggs[actor] = v
			s.aggBytes += len(v)
		}
	}
}

// forget drops the change's actors from the cache after a failed commit,
// which may or may not have reached the database.
func (s *Store) forget(c *change) {
	for actor := range c.aggs {
		s.aggBytes -= len(s.aggs[actor])
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
	if len(v) > maxValueBytes {
		return ErrTooLarge
	}
	c.bytes += len(k) + len(v)
	c.keys++
	return txnErr(c.txn.Set(k, v))
}

func (c *change) del(k []byte) error {
	c.bytes += len(k)
	c.keys++
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
	var (
		triples  []news.Triple
		mentions []news.Mention
		dels     [][]byte
	)
	tk, mk := tripleKey(id), mentionKey(id)
	found, err := getValue(c.txn, tk, func(v []byte) (err error) {
		triples, err = decodeTriples(id, v)
		return err
	})
	if err != nil {
		return err
	}
	if found {
		dels = append(dels, tk)
	}
	found, err = getValue(c.txn, mk, func(v []byte) (err error) {
		mentions, err = decodeMentions(id, v)
		return err
	})
	if err != nil {
		return err
	}
	if found {
		dels = append(dels, mk)
	}
	if len(triples) != old.Triples || len(mentions) != old.Mentions {
		return fmt.Errorf("%w: article %q records %d triples and %d mentions, store has %d and %d",
			ErrCorrupt, id, old.Triples, old.Mentions, len(triples), len(mentions))
	}
	actors := map[string]bool{}
	for i, t := range triples {
		seq := uint32(i)
		dels = append(dels,
			bySubjectKey(t.SubjectID, t.ObjectID, id, seq),
			byObjectKey(t.ObjectID, t.SubjectID, id, seq))
		actors[t.SubjectID], actors[t.ObjectID] = true, true
	}
	for _, m := range mentions {
		actors[m.ActorID] = true
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
		c.old[actor] = append(c.old[actor], t)
		dels = append(dels, k)
		if old.Date != "" {
			dels = append(dels, actorDateKey(actor, old.Date, id))
		}
	}
	if err := c.removeQuotes(id); err != nil {
		return err
	}
	dels = append(dels, articleKey(id))
	for _, k := range dels {
		if err := c.del(k); err != nil {
			return err
		}
	}
	c.counts.Articles--
	c.counts.Triples -= len(triples)
	c.counts.Mentions -= len(mentions)
	return nil
}

// addArticle writes a new article version, encoded by encodeArticle. Keys
// it shares with a version removed earlier in the transaction are
// overwritten: the last write wins.
func (c *change) addArticle(a preparedArticle) error {
	for _, e := range a.writes {
		if err := c.set(e.k, e.v); err != nil {
			return err
		}
	}
	for _, at := range a.tallies {
		c.new[at.actor] = append(c.new[at.actor], at.t)
	}
	c.counts.Articles++
	c.counts.Triples += len(a.triples)
	c.counts.Mentions += len(a.mentions)
	return nil
}

// entry is one key and value to set.
type entry struct{ k, v []byte }

// encodeArticle returns the keys and values a new version of an article
// writes ('t', 's', 'o', 'n', 'q', 'p', 'c', 'd' and 'a'), in that order,
// and the tally of the article for each of its actors. It reads nothing,
// so it runs before the transaction, outside the writer's lock. The keys
// and values share one buffer: a build writes millions of them, and one
// allocation an article instead of two an entry halves ingest's garbage.
func encodeArticle(a news.Article, hash string, triples []news.Triple, mentions []news.Mention, quotes []news.Quote) ([]entry, []actorTally) {
	id := a.ID
	tallies := tallyArticle(a.Date, mentions, triples)
	// The size of everything written, with the packed values counted as
	// if no string repeated: a bound, so that the buffer never grows.
	size := 128 + 4*len(id) + len(a.Title) + len(a.URL) + len(a.Source) + len(hash)
	for _, t := range triples {
		size += 2*(len(id)+len(t.SubjectID)+len(t.ObjectID)+16) + // 's' and 'o' keys
			len(t.Event) + len(t.Predicate) + len(t.Date) + 3*binary.MaxVarintLen64 + 17 + // relationRecord
			len(t.Sentence) + len(t.SubjectID) + len(t.Subject) + len(t.SubjectType) + len(t.Predicate) +
			len(t.ObjectID) + len(t.Object) + len(t.ObjectType) + len(t.Event) + len(t.Mode) + len(t.Date) +
			16*binary.MaxVarintLen64 + 17 // tripleRecord and its strings
	}
	for _, m := range mentions {
		size += len(m.ActorID) + len(m.Name) + len(m.Type) + len(m.Text) + len(m.Date) + 13*binary.MaxVarintLen64
	}
	for _, q := range quotes {
		size += len(q.SpeakerID) + len(q.Speaker) + len(q.SpeakerType) + len(q.Verb) + len(q.Text) +
			len(q.Sentence) + len(q.Date) + 15*binary.MaxVarintLen64 + // 'q' record
			len(id) + len(q.SpeakerID) + 10 // 'p' key
	}
	for _, at := range tallies {
		size += 2*(len(id)+len(at.actor)) + len(a.Date) + 16 // 'c' and 'd' keys
		for _, m := range at.t.multisets() {
			size += binary.MaxVarintLen64
			for _, c := range *m {
				size += len(c.Key) + 2*binary.MaxVarintLen64
			}
		}
	}
	type span struct{ k0, k1, v0, v1 int } // key buf[k0:k1], value buf[v0:v1]
	buf := make([]byte, 0, size)
	spans := make([]span, 0, 3+2*len(triples)+len(quotes)+2*len(tallies)+1)
	var k0 int
	startKey := func() { k0 = len(buf) }
	endValue := func(k1 int) { spans = append(spans, span{k0, k1, k1, len(buf)}) }
	if len(triples) > 0 {
		startKey()
		buf = appendKey(buf, prefixTriple, id)
		k1 := len(buf)
		buf = appendTriples(buf, triples)
		endValue(k1)
	}
	for i, t := range triples {
		seq := uint32(i)
		startKey()
		buf = appendSeq(appendKey(buf, prefixBySubject, t.SubjectID, t.ObjectID, id), seq)
		k1 := len(buf)
		buf = appendRelation(buf, t)
		endValue(k1)
		rel := spans[len(spans)-1]
		startKey()
		buf = appendSeq(appendKey(buf, prefixByObject, t.ObjectID, t.SubjectID, id), seq)
		spans = append(spans, span{k0, len(buf), rel.v0, rel.v1}) // the same relationRecord
	}
	if len(mentions) > 0 {
		startKey()
		buf = appendKey(buf, prefixMention, id)
		k1 := len(buf)
		buf = appendMentions(buf, mentions)
		endValue(k1)
	}
	if len(quotes) > 0 {
		startKey()
		buf = appendKey(buf, prefixQuote, id)
		k1 := len(buf)
		buf = appendQuotes(buf, quotes)
		endValue(k1)
	}
	for i, q := range quotes {
		startKey()
		buf = appendSeq(appendKey(buf, prefixBySpeaker, q.SpeakerID, id), uint32(i))
		endValue(len(buf))
	}
	for _, at := range tallies {
		startKey()
		buf = appendKey(buf, prefixContribution, at.actor, id)
		k1 := len(buf)
		buf = at.t.appendTo(buf)
		endValue(k1)
		if a.Date != "" {
			startKey()
			buf = appendKey(buf, prefixActorDate, at.actor, a.Date, id)
			endValue(len(buf))
		}
	}
	rec := articleRecord{
		Hash: hash, Title: a.Title, Date: a.Date, URL: a.URL, Source: a.Source,
		Triples: len(triples), Mentions: len(mentions),
	}
	startKey()
	buf = appendKey(buf, prefixArticle, id)
	k1 := len(buf)
	buf = rec.appendTo(buf)
	endValue(k1)

	out := make([]entry, len(spans))
	for i, sp := range spans {
		out[i] = entry{k: buf[sp.k0:sp.k1:sp.k1], v: buf[sp.v0:sp.v1:sp.v1]}
		if sp.v0 == sp.v1 {
			out[i].v = nil
		}
	}
	return out, tallies
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
		var before []string
		if existed {
			before = agg.nameSet()
		}
		// The removed tallies first: they are part of the aggregate, so
		// no count goes negative on the way. Dates are left out: the
		// aggregate's are under 'd'.
		for _, t := range c.old[actor] {
			if err := agg.add(t.withoutDates(), -1); err != nil {
				return fmt.Errorf("actor %q: %w", actor, err)
			}
		}
		for _, t := range c.new[actor] {
			if err := agg.add(t.withoutDates(), +1); err != nil {
				return fmt.Errorf("actor %q: %w", actor, err)
			}
		}
		var after []string
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
func (c *change) moveNames(actor string, existed bool, before []string, exists bool, after []string) error {
	if existed == exists && slices.Equal(before, after) {
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
