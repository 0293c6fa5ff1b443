package store

import (
	"context"
	"errors"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/newsgraph/newsgraph/news"
)

// ArticleInfo describes a stored article.
type ArticleInfo struct {
	ID       string `json:"id"`
	Hash     string `json:"hash"` // news.Article.Hash of the stored version
	Title    string `json:"title"`
	Date     string `json:"date"` // YYYY-MM-DD, or empty when unknown
	URL      string `json:"url"`
	Source   string `json:"source"`   // where the stored version was read from
	Triples  int    `json:"triples"`  // triples extracted from it
	Mentions int    `json:"mentions"` // actor mentions in it
}

// ActorInfo describes an actor: an actor id that at least one stored article
// mentions or names at a triple end.
type ActorInfo struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`       // the most frequent canonical name in its mentions
	Type      string   `json:"type"`       // the most frequent type in its mentions (PERSON, ORG, GPE)
	Aliases   []string `json:"aliases"`    // distinct surface forms (Mention.Text), sorted; never nil
	Mentions  int      `json:"mentions"`   // mentions across all articles
	Articles  int      `json:"articles"`   // articles it appears in
	FirstSeen string   `json:"first_seen"` // earliest date of those articles, YYYY-MM-DD, or empty if none is dated
	LastSeen  string   `json:"last_seen"`  // latest such date, or empty
}

// Counts are the sizes of the store.
type Counts struct {
	Articles int `json:"articles"`
	Triples  int `json:"triples"`
	Actors   int `json:"actors"`
	Mentions int `json:"mentions"`
}

// ArticleStored reports whether article id is stored with key
// (news.ArticleKey: its content hash and extraction rules). A build asks
// it for every article it reads, to skip the extraction of those stored
// already with the same content and rules.
func (s *Store) ArticleStored(id, key string) (bool, error) {
	if stored, loading := s.bulkStored(id, key); loading {
		return stored, nil // the generation started empty: the load holds it all
	}
	var stored bool
	err := s.view(func(txn *badger.Txn) error {
		rec, found, err := getArticle(txn, id)
		stored = found && rec.Hash == key
		return err
	})
	if err != nil {
		return false, fmt.Errorf("article %q: %w", id, err)
	}
	return stored, nil
}

// Article returns the stored article id, or an error wrapping ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (ArticleInfo, error) {
	if err := ctx.Err(); err != nil {
		return ArticleInfo{}, err
	}
	var (
		rec   articleRecord
		found bool
	)
	err := s.view(func(txn *badger.Txn) (err error) {
		rec, found, err = getArticle(txn, id)
		return err
	})
	if err != nil {
		return ArticleInfo{}, fmt.Errorf("article %q: %w", id, err)
	}
	if !found {
		return ArticleInfo{}, fmt.Errorf("%w: article %q", ErrNotFound, id)
	}
	return rec.info(id), nil
}

func (r articleRecord) info(id string) ArticleInfo {
	return ArticleInfo{
		ID: id, Hash: r.Hash, Title: r.Title, Date: r.Date, URL: r.URL, Source: r.Source,
		Triples: r.Triples, Mentions: r.Mentions,
	}
}

// EachArticle calls fn for every stored article in order of id (byte
// order). It stops at the first error from fn, which it returns unwrapped,
// or when ctx is done.
func (s *Store) EachArticle(ctx context.Context, fn func(ArticleInfo) error) error {
	return s.scan(ctx, []byte{prefixArticle}, false, func(_ *badger.Txn, k, v []byte) error {
		parts, err := parseStringsKey(prefixArticle, k, 1)
		if err != nil {
			return corrupt(k, err)
		}
		rec, err := decodeArticle(v)
		if err != nil {
			return corrupt(k, err)
		}
		return fn(rec.info(parts[0]))
	})
}

// EachTriple calls fn for every stored triple, ordered by article id and
// then by position in the article's extraction. It stops at the first error
// from fn, which it returns unwrapped, or when ctx is done.
func (s *Store) EachTriple(ctx context.Context, fn func(news.Triple) error) error {
	return s.scanAll(ctx, []byte{prefixTriple}, func(_ *badger.Txn, k, v []byte) error {
		ts, err := triplesAt(k, v)
		if err != nil {
			return err
		}
		return each(ctx, ts, fn)
	})
}

// ArticleTriples calls fn for the triples of article id in extraction
// order; an unknown id gives no calls.
func (s *Store) ArticleTriples(ctx context.Context, id string, fn func(news.Triple) error) error {
	return eachOfArticle(ctx, s, id, getTriples, fn)
}

// TriplesFrom calls fn for the triples whose subject is subjectID, ordered
// by object id, article id and position. It reads the subject-first index,
// so its cost is proportional to the result, not to the store.
func (s *Store) TriplesFrom(ctx context.Context, subjectID string, fn func(news.Triple) error) error {
	return s.indexScan(ctx, prefixBySubject, key(prefixBySubject, subjectID), fn)
}

// TriplesTo calls fn for the triples whose object is objectID, ordered by
// subject id, article id and position, from the object-first index.
func (s *Store) TriplesTo(ctx context.Context, objectID string, fn func(news.Triple) error) error {
	return s.indexScan(ctx, prefixByObject, key(prefixByObject, objectID), fn)
}

// TriplesBetween calls fn for the triples from subjectID to objectID (one
// direction), ordered by article id and position, from the subject-first
// index.
func (s *Store) TriplesBetween(ctx context.Context, subjectID, objectID string, fn func(news.Triple) error) error {
	return s.indexScan(ctx, prefixBySubject, key(prefixBySubject, subjectID, objectID), fn)
}

// indexScan reads the triples an 's' or 'o' index prefix points at.
func (s *Store) indexScan(ctx context.Context, prefix byte, p []byte, fn func(news.Triple) error) error {
	return s.scan(ctx, p, true, func(txn *badger.Txn, k, _ []byte) error {
		first, second, article, seq, err := parseIndexKey(prefix, k)
		if err != nil {
			return corrupt(k, err)
		}
		t, err := getTriple(txn, article, seq)
		if err != nil {
			return err
		}
		subject, object := first, second
		if prefix == prefixByObject {
			subject, object = second, first
		}
		if t.SubjectID != subject || t.ObjectID != object {
			return fmt.Errorf("%w: index key %x disagrees with its triple", ErrCorrupt, k)
		}
		return fn(t)
	})
}

// EachMention calls fn for every stored mention, grouped by article (in
// order of id) and within an article in sentence order (sentence, start,
// end). It stops at the first error from fn, which it returns unwrapped, or
// when ctx is done.
func (s *Store) EachMention(ctx context.Context, fn func(news.Mention) error) error {
	return s.scanAll(ctx, []byte{prefixMention}, func(_ *badger.Txn, k, v []byte) error {
		ms, err := mentionsAt(k, v)
		if err != nil {
			return err
		}
		return each(ctx, ms, fn)
	})
}

// ArticleMentions calls fn for the mentions of article id in sentence
// order; an unknown id gives no calls.
func (s *Store) ArticleMentions(ctx context.Context, id string, fn func(news.Mention) error) error {
	return eachOfArticle(ctx, s, id, getMentions, fn)
}

// eachOfArticle reads the records of article id with get, in one read
// transaction, then calls fn for each outside it.
func eachOfArticle[T any](ctx context.Context, s *Store, id string, get func(*badger.Txn, string) ([]T, error), fn func(T) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var xs []T
	err := s.view(func(txn *badger.Txn) (err error) {
		xs, err = get(txn, id)
		return err
	})
	if err != nil {
		return err
	}
	return each(ctx, xs, fn)
}

// Actors returns every actor, sorted by Mentions (most first), then ID. An
// empty store gives an empty, non-nil slice.
func (s *Store) Actors(ctx context.Context) ([]ActorInfo, error) {
	out := []ActorInfo{}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	err := s.view(func(txn *badger.Txn) error {
		spans := newSpanReader(txn)
		defer spans.close()
		return scanTxn(txn, []byte{prefixActor}, false, func(k, v []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			parts, err := parseStringsKey(prefixActor, k, 1)
			if err != nil {
				return corrupt(k, err)
			}
			t, err := decodeTally(v)
			if err != nil {
				return corrupt(k, err)
			}
			a := t.info(parts[0])
			if a.FirstSeen, a.LastSeen, err = spans.span(a.ID); err != nil {
				return err
			}
			out = append(out, a)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sortActors(out)
	return out, nil
}

// Actor returns actor id, or an error wrapping ErrNotFound.
func (s *Store) Actor(ctx context.Context, id string) (ActorInfo, error) {
	if err := ctx.Err(); err != nil {
		return ActorInfo{}, err
	}
	var (
		a     ActorInfo
		found bool
	)
	err := s.view(func(txn *badger.Txn) (err error) {
		spans := newSpanReader(txn)
		defer spans.close()
		a, found, err = actorInfo(txn, spans, id)
		return err
	})
	if err != nil {
		return ActorInfo{}, fmt.Errorf("actor %q: %w", id, err)
	}
	if !found {
		return ActorInfo{}, fmt.Errorf("%w: actor %q", ErrNotFound, id)
	}
	return a, nil
}

// ActorArticles calls fn with the id of each article in which actor id
// appears, in order of article id; an unknown actor gives no calls.
func (s *Store) ActorArticles(ctx context.Context, id string, fn func(articleID string) error) error {
	return s.scan(ctx, key(prefixContribution, id), true, func(_ *badger.Txn, k, _ []byte) error {
		parts, err := parseStringsKey(prefixContribution, k, 2)
		if err != nil {
			return corrupt(k, err)
		}
		return fn(parts[1])
	})
}

// Counts returns the number of articles, triples, actors and mentions. It
// reads one counter record kept up to date by every write.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	if err := ctx.Err(); err != nil {
		return Counts{}, err
	}
	var c Counts
	read := func(txn *badger.Txn) (err error) {
		c, err = getCounts(txn)
		return err
	}
	var err error
	if s.bulkPending() {
		var empty bool
		if empty, err = s.loadedCounts(read); empty {
			return Counts{}, nil
		}
	} else {
		err = s.view(read)
	}
	if err != nil {
		return Counts{}, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}

// loadedCounts runs read, which reads the counts, during a bulk load or
// after it. Before the load has loaded anything it does not read: the
// generation started empty, so the counts are zero, and the load goes on
// (`newsgraph rebuild` asks before it starts, for its progress). Later the
// load ends (finishBulk) but the generation is not reopened for one key
// (endBulk): a build asks just before it commits. It holds writeMu, so
// that nothing reopens the handle meanwhile.
func (s *Store) loadedCounts(read func(txn *badger.Txn) error) (empty bool, err error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if b := s.bulk.Load(); b != nil && b.counts.Articles == 0 && s.failed == nil {
		return true, nil
	}
	if err := s.finishBulk(); err != nil {
		return false, err
	}
	return false, s.viewAsIs(read)
}

// scan runs fn over the keys with prefix p in one read transaction,
// checking ctx before each key. With keysOnly, fn gets a nil value. Errors
// from fn are returned as they are.
func (s *Store) scan(ctx context.Context, p []byte, keysOnly bool, fn func(txn *badger.Txn, k, v []byte) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.view(func(txn *badger.Txn) error {
		return scanTxn(txn, p, keysOnly, func(k, v []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return fn(txn, k, v)
		})
	})
}

// scanAll is scan for a read of every record of a kind (EachTriple,
// EachMention). A reader then releases the pages of the table files it has
// read as it goes, as a writer always does (keepReleasingTablePages): such
// a read touches every table of its kind once, and badger's mappings kept
// each page in the process's resident set. Measured on 2026-12-07, a
// GraphML export of a 100 000-article store (813 MB on disk) held 485 MB
// of table pages at its peak (of 2.0 GB), 19 MB with this. The pages are
// released once more at the end, so that a read too short for the first
// round leaves none either.
func (s *Store) scanAll(ctx context.Context, p []byte, fn func(txn *badger.Txn, k, v []byte) error) error {
	if s.readOnly && !s.opts.InMemory {
		stop := keepReleasingTablePages(s.dir, releaseInterval)
		defer func() {
			stop()
			releaseTablePages(s.dir)
		}()
	}
	return s.scan(ctx, p, false, fn)
}

// scanTxn runs fn over the keys with prefix p. k and v are valid only
// during the call.
func scanTxn(txn *badger.Txn, p []byte, keysOnly bool, fn func(k, v []byte) error) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: p})
	defer it.Close()
	for it.Seek(p); it.Valid(); it.Next() {
		item := it.Item()
		k := item.Key()
		if keysOnly {
			if err := fn(k, nil); err != nil {
				return err
			}
			continue
		}
		if err := item.Value(func(v []byte) error { return fn(k, v) }); err != nil {
			return err
		}
	}
	return nil
}

// getArticle reads an article record.
func getArticle(txn *badger.Txn, id string) (articleRecord, bool, error) {
	k := articleKey(id)
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return articleRecord{}, false, nil
	}
	if err != nil {
		return articleRecord{}, false, err
	}
	var rec articleRecord
	err = item.Value(func(v []byte) (err error) {
		rec, err = decodeArticle(v)
		return err
	})
	if err != nil {
		return articleRecord{}, false, corrupt(k, err)
	}
	return rec, true, nil
}

// getTally reads a 'c' or 'e' tally; a missing key gives nil.
func getTally(txn *badger.Txn, k []byte) (*tally, error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var t *tally
	err = item.Value(func(v []byte) (err error) {
		t, err = decodeTally(v)
		return err
	})
	if err != nil {
		return nil, corrupt(k, err)
	}
	return t, nil
}

// getCounts reads the counts record; a store opened read-only before its
// first write has none and counts zero.
func getCounts(txn *badger.Txn) (Counts, error) {
	item, err := txn.Get(metaCountsKey)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return Counts{}, nil
	}
	if err != nil {
		return Counts{}, err
	}
	var c Counts
	err = item.Value(func(v []byte) (err error) {
		c, err = decodeCounts(v)
		return err
	})
	if err != nil {
		return Counts{}, corrupt(metaCountsKey, err)
	}
	return c, nil
}

// each calls fn for the elements of xs in order, as scan does for keys:
// it stops at the first error from fn, which it returns unwrapped, or when
// ctx is done.
func each[T any](ctx context.Context, xs []T, fn func(T) error) error {
	for _, x := range xs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}

// getValue calls fn with the value of key k; found is false, and fn is
// not called, when there is none. An error from fn is wrapped with
// ErrCorrupt and the key.
func getValue(txn *badger.Txn, k []byte, fn func(v []byte) error) (found bool, err error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := item.Value(fn); err != nil {
		return true, corrupt(k, err)
	}
	return true, nil
}

// getTriples reads the triples of article id: none when it has no 't'
// key.
func getTriples(txn *badger.Txn, id string) (ts []news.Triple, err error) {
	_, err = getValue(txn, tripleKey(id), func(v []byte) (err error) {
		ts, err = decodeTriples(id, v)
		return err
	})
	return ts, err
}

// getMentions reads the mentions of article id: none when it has no 'n'
// key.
func getMentions(txn *badger.Txn, id string) (ms []news.Mention, err error) {
	_, err = getValue(txn, mentionKey(id), func(v []byte) (err error) {
		ms, err = decodeMentions(id, v)
		return err
	})
	return ms, err
}

// triplesAt decodes the triples stored under 't' key k.
func triplesAt(k, v []byte) ([]news.Triple, error) {
	parts, err := parseStringsKey(prefixTriple, k, 1)
	if err != nil {
		return nil, corrupt(k, err)
	}
	ts, err := decodeTriples(parts[0], v)
	if err != nil {
		return nil, corrupt(k, err)
	}
	return ts, nil
}

// mentionsAt decodes the mentions stored under 'n' key k.
func mentionsAt(k, v []byte) ([]news.Mention, error) {
	parts, err := parseStringsKey(prefixMention, k, 1)
	if err != nil {
		return nil, corrupt(k, err)
	}
	ms, err := decodeMentions(parts[0], v)
	if err != nil {
		return nil, corrupt(k, err)
	}
	return ms, nil
}

// corrupt wraps a decoding error with ErrCorrupt and the key.
func corrupt(k []byte, err error) error {
	if errors.Is(err, ErrCorrupt) {
		return err
	}
	return fmt.Errorf("%w: key %x: %w", ErrCorrupt, k, err)
}
