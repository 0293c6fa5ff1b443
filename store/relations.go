package store

import (
	"context"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/newsgraph/newsgraph/news"
)

// Relation is one stored triple as the subject- and object-first indexes
// show it: its two ends, where the triple is stored, and the fields that
// queries group and filter on. It is read from the index alone (see the
// covering values in keys.go); the evidence sentence and the names are in
// the triple, which TripleAt reads.
type Relation struct {
	SubjectID    string
	ObjectID     string
	Article      string // id of the article the triple was extracted from
	Seq          int    // position of the triple in the article's extraction
	Event        string // PLOVER event type, or ""
	Predicate    string
	Date         string // YYYY-MM-DD, or ""
	Negated      bool
	Hypothetical bool
	Symmetric    bool
	Confidence   float64
	Score        float64
}

// Asserted reports whether the relation is neither negated nor
// hypothetical: the triples that graphs and queries count by default.
func (r Relation) Asserted() bool { return !r.Negated && !r.Hypothetical }

// RelationsFrom calls fn for the relations whose subject is subjectID,
// ordered by object id, article id and position. It reads one range of the
// subject-first index and no triple.
func (s *Store) RelationsFrom(ctx context.Context, subjectID string, fn func(Relation) error) error {
	return s.relationScan(ctx, prefixBySubject, key(prefixBySubject, subjectID), fn)
}

// RelationsTo calls fn for the relations whose object is objectID, ordered
// by subject id, article id and position, from the object-first index.
func (s *Store) RelationsTo(ctx context.Context, objectID string, fn func(Relation) error) error {
	return s.relationScan(ctx, prefixByObject, key(prefixByObject, objectID), fn)
}

// RelationsBetween calls fn for the relations from subjectID to objectID
// (one direction), ordered by article id and position.
func (s *Store) RelationsBetween(ctx context.Context, subjectID, objectID string, fn func(Relation) error) error {
	return s.relationScan(ctx, prefixBySubject, key(prefixBySubject, subjectID, objectID), fn)
}

// EachRelation calls fn for every stored relation, ordered by subject,
// object, article and position. It reads the whole subject-first index.
func (s *Store) EachRelation(ctx context.Context, fn func(Relation) error) error {
	return s.relationScan(ctx, prefixBySubject, []byte{prefixBySubject}, fn)
}

func (s *Store) relationScan(ctx context.Context, prefix byte, p []byte, fn func(Relation) error) error {
	in := interner{}
	return s.scan(ctx, p, false, func(_ *badger.Txn, k, v []byte) error {
		r, err := parseRelation(prefix, k, v, in)
		if err != nil {
			return err
		}
		return fn(r)
	})
}

// parseRelation reads the Relation of an 's' or 'o' key and its value,
// with strings from in.
func parseRelation(prefix byte, k, v []byte, in interner) (Relation, error) {
	var (
		r      Relation
		second string
		seq    uint32
	)
	if len(k) == 0 || k[0] != prefix {
		return r, corrupt(k, errBadKey)
	}
	first, rest, err := readStringWith(k[1:], in.str)
	if err == nil {
		second, rest, err = readStringWith(rest, in.str)
	}
	if err == nil {
		r.Article, rest, err = readStringWith(rest, in.str)
	}
	if err == nil {
		seq, rest, err = readSeq(rest)
	}
	if err != nil || len(rest) != 0 {
		return r, corrupt(k, errBadKey)
	}
	r.Seq = int(seq)
	r.SubjectID, r.ObjectID = first, second
	if prefix == prefixByObject {
		r.SubjectID, r.ObjectID = second, first
	}
	if err := decodeRelation(v, &r, in); err != nil {
		return r, corrupt(k, err)
	}
	return r, nil
}

// TripleAt returns the triple stored at position seq of article's
// extraction (Relation.Article and Relation.Seq), or an error wrapping
// ErrNotFound.
func (s *Store) TripleAt(ctx context.Context, article string, seq int) (news.Triple, error) {
	if err := ctx.Err(); err != nil {
		return news.Triple{}, err
	}
	if seq < 0 || int64(seq) > int64(^uint32(0)) {
		return news.Triple{}, fmt.Errorf("%w: triple %d of article %q", ErrNotFound, seq, article)
	}
	var (
		t  news.Triple
		ok bool
	)
	err := s.view(func(txn *badger.Txn) (err error) {
		t, ok, err = lookupTriple(txn, article, uint32(seq))
		return err
	})
	if err != nil {
		return news.Triple{}, fmt.Errorf("triple %d of article %q: %w", seq, article, err)
	}
	if !ok {
		return news.Triple{}, fmt.Errorf("%w: triple %d of article %q", ErrNotFound, seq, article)
	}
	return t, nil
}
