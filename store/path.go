package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	badger "github.com/dgraph-io/badger/v4"
)

// Direction says which relations of an actor to follow.
type Direction int

// Directions.
const (
	Out  Direction = 1 << iota // the actor is the subject
	In                         // the actor is the object
	Both = Out | In
)

// Related returns the actors linked to id by at least one relation that f
// keeps (f.From and f.To are ignored), with the number of such relations:
// relations with id as subject (Out), as object (In) or either (Both).
// Relations of an actor with itself are left out. It reads the actor's
// ranges of the covering indexes, no triple.
func (s *Store) Related(ctx context.Context, id string, dir Direction, f RelationFilter) (map[string]int, error) {
	out := map[string]int{}
	if dir&Out != 0 {
		err := s.RelationsFrom(ctx, id, func(r Relation) error {
			if r.ObjectID != id && f.Keep(r) {
				out[r.ObjectID]++
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("related %q: %w", id, err)
		}
	}
	if dir&In != 0 {
		err := s.RelationsTo(ctx, id, func(r Relation) error {
			if r.SubjectID != id && f.Keep(r) {
				out[r.SubjectID]++
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("related %q: %w", id, err)
		}
	}
	return out, nil
}

// Comentioned returns the actors named in the same sentence as id, with the
// number of such sentences, as the co-mention graph counts them. It reads
// the mentions of every article id appears in: its cost grows with the
// actor's articles.
func (s *Store) Comentioned(ctx context.Context, id string) (map[string]int, error) {
	out := map[string]int{}
	var articles []string
	if err := s.ActorArticles(ctx, id, func(a string) error { articles = append(articles, a); return nil }); err != nil {
		return nil, fmt.Errorf("co-mentions of %q: %w", id, err)
	}
	err := s.view(func(txn *badger.Txn) error {
		for _, a := range articles {
			if err := ctx.Err(); err != nil {
				return err
			}
			err := eachSentence(txn, a, func(_ int, actors []string) error {
				if slices.Contains(actors, id) {
					for _, other := range actors {
						if other != id {
							out[other]++
						}
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("co-mentions of %q: %w", id, err)
	}
	return out, nil
}

// eachSentence calls fn for every sentence of article that has mentions,
// in order, with the distinct actor ids mentioned in it, sorted.
func eachSentence(txn *badger.Txn, article string, fn func(sentence int, actors []string) error) error {
	var (
		cur    = -1
		actors []string
	)
	flush := func() error {
		if cur < 0 {
			return nil
		}
		slices.Sort(actors)
		actors = slices.Compact(actors)
		return fn(cur, actors)
	}
	mentions, err := getMentions(txn, article)
	if err != nil {
		return err
	}
	for _, m := range mentions {
		if m.Sentence != cur {
			if err := flush(); err != nil {
				return err
			}
			cur, actors = m.Sentence, actors[:0]
		}
		actors = append(actors, m.ActorID)
	}
	return flush()
}

// PathOptions control ShortestPaths. The zero value searches the relations
// graph, ignoring direction, over asserted relations, for up to 10 paths of
// up to 6 hops.
type PathOptions struct {
	// Comention searches the co-mention graph (actors named in the same
	// sentence) instead of the relations graph.
	Comention bool
	// Directed follows relations from subject to object only.
	Directed bool
	// Filter selects the relations that link actors (From and To are
	// ignored); unused with Comention.
	Filter RelationFilter
	// MaxPaths caps the number of paths returned (default 10).
	MaxPaths int
	// MaxHops caps the length of a path (default 6).
	MaxHops int
}

// ShortestPaths returns the shortest paths from one actor to another by
// breadth-first search, each as the actor ids along it (from first, to
// last), up to opts.MaxPaths of them in order of ids. Neighbours are read
// from the indexes as the search reaches them (Related, Comentioned), so
// its cost grows with the part of the graph within the paths' length, not
// with the store. No path within MaxHops gives an empty, non-nil result;
// from == to gives the one path [from].
func (s *Store) ShortestPaths(ctx context.Context, from, to string, opts PathOptions) ([][]string, error) {
	if opts.MaxPaths <= 0 {
		opts.MaxPaths = 10
	}
	if opts.MaxHops <= 0 {
		opts.MaxHops = 6
	}
	if from == to {
		return [][]string{{from}}, nil
	}
	neighbours := func(id string) (map[string]int, error) {
		if opts.Comention {
			return s.Comentioned(ctx, id)
		}
		dir := Both
		if opts.Directed {
			dir = Out
		}
		return s.Related(ctx, id, dir, opts.Filter)
	}
	parents := map[string][]string{from: nil}
	level := []string{from}
	found := false
	for hop := 1; hop <= opts.MaxHops && len(level) > 0 && !found; hop++ {
		var next []string
		seen := map[string]bool{} // discovered at this hop
		for _, v := range level {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			ns, err := neighbours(v)
			if err != nil {
				return nil, err
			}
			for w := range ns {
				if _, old := parents[w]; old && !seen[w] {
					continue // reached at an earlier hop
				}
				if !seen[w] {
					seen[w] = true
					next = append(next, w)
				}
				parents[w] = append(parents[w], v)
				if w == to {
					found = true
				}
			}
		}
		slices.Sort(next)
		level = next
	}
	paths := [][]string{}
	if !found {
		return paths, nil
	}
	// Walk back from to along every parent, in order of ids.
	var walk func(v string, suffix []string) bool
	walk = func(v string, suffix []string) bool {
		suffix = append([]string{v}, suffix...)
		if v == from {
			paths = append(paths, suffix)
			return len(paths) < opts.MaxPaths
		}
		ps := slices.Clone(parents[v])
		slices.Sort(ps)
		for _, p := range slices.Compact(ps) {
			if !walk(p, suffix) {
				return false
			}
		}
		return true
	}
	walk(to, nil)
	slices.SortFunc(paths, func(a, b []string) int { return slices.Compare(a, b) })
	return paths, nil
}

// StrongestEvidence returns the relation that f keeps (From and To are
// ignored) from a to b, or either way unless directed, with the highest
// confidence (asserted before hedged, then the earliest article and
// sentence), read with its article; ok is false when there is none.
func (s *Store) StrongestEvidence(ctx context.Context, a, b string, directed bool, f RelationFilter) (Evidence, bool, error) {
	var (
		best  Relation
		found bool
	)
	better := func(r Relation) bool {
		if !found {
			return true
		}
		if r.Asserted() != best.Asserted() {
			return r.Asserted()
		}
		if r.Confidence != best.Confidence {
			return r.Confidence > best.Confidence
		}
		return cmp.Or(cmp.Compare(r.Article, best.Article), cmp.Compare(r.Seq, best.Seq)) < 0
	}
	pick := func(r Relation) error {
		if f.Keep(r) && better(r) {
			best, found = r, true
		}
		return nil
	}
	if err := s.RelationsBetween(ctx, a, b, pick); err != nil {
		return Evidence{}, false, err
	}
	if !directed {
		if err := s.RelationsBetween(ctx, b, a, pick); err != nil {
			return Evidence{}, false, err
		}
	}
	if !found {
		return Evidence{}, false, nil
	}
	ev, err := s.evidenceAt(ctx, best.Article, best.Seq)
	if err != nil {
		return Evidence{}, false, err
	}
	return ev, true, nil
}

// evidenceAt reads the triple at (article, seq) with its article.
func (s *Store) evidenceAt(ctx context.Context, article string, seq int) (Evidence, error) {
	if err := ctx.Err(); err != nil {
		return Evidence{}, err
	}
	var ev Evidence
	err := s.view(func(txn *badger.Txn) error {
		t, err := getTriple(txn, article, uint32(seq))
		if err != nil {
			return err
		}
		rec, ok, err := getArticle(txn, article)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w: triple of missing article %q", ErrCorrupt, article)
		}
		ev = Evidence{Triple: t, Article: rec.info(article)}
		return nil
	})
	if err != nil {
		return Evidence{}, fmt.Errorf("evidence %q #%d: %w", article, seq, err)
	}
	return ev, nil
}

// Comention is a sentence that names two actors.
type Comention struct {
	Article       ArticleInfo
	SentenceIndex int
	// Sentence is the sentence's text when a triple was extracted from it
	// (the store keeps the text of such sentences only), else "".
	Sentence string
}

// ComentionEvidence returns the first sentence, in order of article id and
// sentence, that names both a and b, preferring one whose text is stored;
// ok is false when no sentence names both. It reads the two actors' article
// lists and the mentions of the articles they share.
func (s *Store) ComentionEvidence(ctx context.Context, a, b string) (Comention, bool, error) {
	var as, bs []string
	if err := s.ActorArticles(ctx, a, func(id string) error { as = append(as, id); return nil }); err != nil {
		return Comention{}, false, err
	}
	if err := s.ActorArticles(ctx, b, func(id string) error { bs = append(bs, id); return nil }); err != nil {
		return Comention{}, false, err
	}
	var (
		best  Comention
		found bool
	)
	err := s.view(func(txn *badger.Txn) error {
		for i, j := 0, 0; i < len(as) && j < len(bs); {
			if err := ctx.Err(); err != nil {
				return err
			}
			switch c := cmp.Compare(as[i], bs[j]); {
			case c < 0:
				i++
				continue
			case c > 0:
				j++
				continue
			}
			article := as[i]
			i++
			j++
			var sentences []int
			err := eachSentence(txn, article, func(n int, actors []string) error {
				if slices.Contains(actors, a) && slices.Contains(actors, b) {
					sentences = append(sentences, n)
				}
				return nil
			})
			if err != nil {
				return err
			}
			if len(sentences) == 0 {
				continue
			}
			rec, ok, err := getArticle(txn, article)
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("%w: actor tally of missing article %q", ErrCorrupt, article)
			}
			if !found {
				best, found = Comention{Article: rec.info(article), SentenceIndex: sentences[0]}, true
			}
			triples, err := getTriples(txn, article)
			if err != nil {
				return err
			}
			texts := map[int]string{}
			for _, t := range triples {
				texts[t.SentenceIndex] = t.Sentence
			}
			for _, n := range sentences {
				if texts[n] != "" {
					best = Comention{Article: rec.info(article), SentenceIndex: n, Sentence: texts[n]}
					return nil
				}
			}
		}
		return nil
	})
	if err != nil {
		return Comention{}, false, fmt.Errorf("co-mention of %q and %q: %w", a, b, err)
	}
	return best, found, nil
}
