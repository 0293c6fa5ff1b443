package store

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/newsgraph/newsgraph/news"
)

// RelationFilter selects relations. The zero value keeps every asserted
// relation (neither negated nor hypothetical) of the store.
type RelationFilter struct {
	From   string   // subject actor id; "" for any
	To     string   // object actor id; "" for any
	Events []string // event types to keep ("" names relations without one); empty keeps all
	// Since and Until are inclusive YYYY-MM-DD bounds on the relation's
	// date; "" leaves that end open. Undated relations are left out when
	// either is set.
	Since, Until string
	// IncludeHypothetical keeps negated and hypothetical relations too.
	IncludeHypothetical bool
}

// Keep reports whether f keeps r, leaving From and To aside: they choose
// the index range that is read.
func (f RelationFilter) Keep(r Relation) bool {
	if !f.IncludeHypothetical && !r.Asserted() {
		return false
	}
	if len(f.Events) > 0 && !slices.Contains(f.Events, r.Event) {
		return false
	}
	if f.Since != "" || f.Until != "" {
		if r.Date == "" || (f.Since != "" && r.Date < f.Since) || (f.Until != "" && r.Date > f.Until) {
			return false
		}
	}
	return true
}

// EachMatch calls fn for every relation f keeps, reading the narrowest
// index range: the pair's when From and To are set, the subject's or the
// object's when one is, the whole subject-first index otherwise.
func (s *Store) EachMatch(ctx context.Context, f RelationFilter, fn func(Relation) error) error {
	keep := func(r Relation) error {
		if !f.Keep(r) {
			return nil
		}
		return fn(r)
	}
	switch {
	case f.From != "" && f.To != "":
		return s.RelationsBetween(ctx, f.From, f.To, keep)
	case f.From != "":
		return s.RelationsFrom(ctx, f.From, keep)
	case f.To != "":
		return s.RelationsTo(ctx, f.To, keep)
	}
	return s.EachRelation(ctx, keep)
}

// RelationGroup sums the relations of one ordered pair of actors and one
// event type.
type RelationGroup struct {
	SubjectID string
	ObjectID  string
	Event     string // PLOVER event type, or "" for relations without one
	Triples   int    // relations in the group
	Hedged    int    // of which negated or hypothetical (0 unless the filter includes them)
	Articles  int    // distinct articles they come from
	FirstDate string // earliest dated relation, YYYY-MM-DD, or ""
	LastDate  string // latest, or ""
	Predicate string // the most frequent predicate (ties to the smallest)
	MeanScore float64
}

// RelationGroups aggregates the relations f keeps by (subject, object,
// event), strongest first: most relations, then subject id, object id and
// event. The cost is one pass over the index range EachMatch reads; the
// triples themselves are not read. The result is empty, not nil, when
// nothing matches.
func (s *Store) RelationGroups(ctx context.Context, f RelationFilter) ([]RelationGroup, error) {
	type acc struct {
		g           RelationGroup
		lastArticle string
		predicates  map[string]int
		score       float64
	}
	type gkey struct{ s, o, e string }
	groups := map[gkey]*acc{}
	err := s.EachMatch(ctx, f, func(r Relation) error {
		k := gkey{r.SubjectID, r.ObjectID, r.Event}
		a := groups[k]
		if a == nil {
			a = &acc{g: RelationGroup{SubjectID: r.SubjectID, ObjectID: r.ObjectID, Event: r.Event}, predicates: map[string]int{}}
			groups[k] = a
		}
		a.g.Triples++
		if !r.Asserted() {
			a.g.Hedged++
		}
		// Within one pair the index is ordered by article, so a new
		// article id is a new article.
		if a.g.Articles == 0 || r.Article != a.lastArticle {
			a.g.Articles++
			a.lastArticle = r.Article
		}
		if r.Date != "" {
			if a.g.FirstDate == "" || r.Date < a.g.FirstDate {
				a.g.FirstDate = r.Date
			}
			if r.Date > a.g.LastDate {
				a.g.LastDate = r.Date
			}
		}
		a.predicates[r.Predicate]++
		a.score += r.Score
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("relations: %w", err)
	}
	out := make([]RelationGroup, 0, len(groups))
	for _, a := range groups {
		a.g.Predicate = mostFrequent(a.predicates)
		a.g.MeanScore = a.score / float64(a.g.Triples)
		out = append(out, a.g)
	}
	slices.SortFunc(out, func(a, b RelationGroup) int {
		return cmp.Or(cmp.Compare(b.Triples, a.Triples), cmp.Compare(a.SubjectID, b.SubjectID),
			cmp.Compare(a.ObjectID, b.ObjectID), cmp.Compare(a.Event, b.Event))
	})
	return out, nil
}

// Evidence is one supporting triple with the article it was extracted
// from.
type Evidence struct {
	Triple  news.Triple
	Article ArticleInfo
}

// Evidence returns the triples f keeps with their articles, in order of
// date (undated last), article id and sentence. f.From and f.To choose the
// index range as in EachMatch; only the triples kept are read, one point
// read each, and each article once. The result is empty, not nil, when
// nothing matches.
func (s *Store) Evidence(ctx context.Context, f RelationFilter) ([]Evidence, error) {
	var refs []Relation
	if err := s.EachMatch(ctx, f, func(r Relation) error { refs = append(refs, r); return nil }); err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	out := make([]Evidence, 0, len(refs))
	err := s.view(func(txn *badger.Txn) error {
		articles := map[string]ArticleInfo{}
		for _, r := range refs {
			if err := ctx.Err(); err != nil {
				return err
			}
			t, err := getTriple(txn, r.Article, uint32(r.Seq))
			if err != nil {
				return err
			}
			a, ok := articles[r.Article]
			if !ok {
				rec, found, err := getArticle(txn, r.Article)
				if err != nil {
					return err
				}
				if !found {
					return fmt.Errorf("%w: triple of missing article %q", ErrCorrupt, r.Article)
				}
				a = rec.info(r.Article)
				articles[r.Article] = a
			}
			out = append(out, Evidence{Triple: t, Article: a})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	slices.SortStableFunc(out, func(a, b Evidence) int {
		if (a.Triple.Date == "") != (b.Triple.Date == "") {
			if a.Triple.Date == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(a.Triple.Date, b.Triple.Date), cmp.Compare(a.Triple.Doc, b.Triple.Doc),
			cmp.Compare(a.Triple.SentenceIndex, b.Triple.SentenceIndex))
	})
	return out, nil
}

// getTriple reads the triple at (article, seq), which an index key points
// at: its absence is an error wrapping ErrCorrupt.
func getTriple(txn *badger.Txn, article string, seq uint32) (news.Triple, error) {
	t, ok, err := lookupTriple(txn, article, seq)
	if err == nil && !ok {
		err = fmt.Errorf("%w: index points at missing triple %d of article %q", ErrCorrupt, seq, article)
	}
	return t, err
}

// lookupTriple reads the triple at (article, seq); ok is false when there
// is none. It decodes that triple only.
func lookupTriple(txn *badger.Txn, article string, seq uint32) (t news.Triple, ok bool, err error) {
	_, err = getValue(txn, tripleKey(article), func(v []byte) (err error) {
		t, ok, err = decodeTripleAt(article, v, seq)
		return err
	})
	return t, ok, err
}

// ActorNames returns the display names (ActorInfo.Name) of the stored
// actors among ids, keyed by id; unknown ids are left out. It reads the
// actors' aggregates in one pass over the id range they span, reading the
// value only of the actors asked for: naming the thousand partners of a
// frequent actor this way costs a few milliseconds, where a point read per
// actor, each seeking every level of the tree, cost tens.
func (s *Store) ActorNames(ctx context.Context, ids []string) (map[string]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	want := make(map[string]bool, len(ids))
	first, last := ids[0], ids[0]
	for _, id := range ids {
		want[id] = true
		first, last = min(first, id), max(last, id)
	}
	end := actorKey(last)
	err := s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefixActor}})
		defer it.Close()
		n := 0
		for it.Seek(actorKey(first)); it.Valid() && len(out) < len(want); it.Next() {
			k := it.Item().Key()
			if bytes.Compare(k, end) > 0 {
				break
			}
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			parts, err := parseStringsKey(prefixActor, k, 1)
			if err != nil {
				return corrupt(k, err)
			}
			if !want[parts[0]] {
				continue
			}
			err = it.Item().Value(func(v []byte) error {
				t, err := decodeTally(v)
				if err != nil {
					return corrupt(k, err)
				}
				out[parts[0]] = t.info(parts[0]).Name
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("actor names: %w", err)
	}
	return out, nil
}
