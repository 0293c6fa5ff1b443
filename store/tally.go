package store

import (
	"fmt"

	"github.com/newsgraph/newsgraph/news"
)

// A tally is what a set of articles says about one actor. The tally of one
// article for one actor is stored under its 'c' key; the actor's aggregate
// under its 'e' key is the sum of those. Every field is a count or a multiset
// of counts, so sums and differences are exact and order-independent: an
// aggregate maintained by adding and subtracting article tallies equals one
// built by a fresh ingest of the same articles.
type tally struct {
	Articles int            // articles in which the actor appears
	Mentions int            // mentions of the actor
	Names    map[string]int // Mention.Name → mentions
	Types    map[string]int // Mention.Type → mentions
	EndNames map[string]int // Triple.Subject/Object → triple ends naming the actor
	EndTypes map[string]int // Triple.SubjectType/ObjectType → triple ends
	Aliases  map[string]int // Mention.Text → mentions
	Dates    map[string]int // article date → articles (undated articles are left out)
}

func newTally() *tally {
	return &tally{
		Names:    map[string]int{},
		Types:    map[string]int{},
		EndNames: map[string]int{},
		EndTypes: map[string]int{},
		Aliases:  map[string]int{},
		Dates:    map[string]int{},
	}
}

// multisets returns the tally's multisets in a fixed order.
func (t *tally) multisets() []*map[string]int {
	return []*map[string]int{&t.Names, &t.Types, &t.EndNames, &t.EndTypes, &t.Aliases, &t.Dates}
}

// add adds sign × o to t (sign is +1 or -1), dropping entries that reach
// zero. It fails when a count would go negative, which only a damaged store
// can cause.
func (t *tally) add(o *tally, sign int) error {
	t.Articles += sign * o.Articles
	t.Mentions += sign * o.Mentions
	if t.Articles < 0 || t.Mentions < 0 {
		return fmt.Errorf("%w: actor tally goes negative", ErrCorrupt)
	}
	dst, src := t.multisets(), o.multisets()
	for i := range dst {
		if *dst[i] == nil {
			*dst[i] = map[string]int{}
		}
		for k, n := range *src[i] {
			v := (*dst[i])[k] + sign*n
			switch {
			case v < 0:
				return fmt.Errorf("%w: actor tally for %q goes negative", ErrCorrupt, k)
			case v == 0:
				delete(*dst[i], k)
			default:
				(*dst[i])[k] = v
			}
		}
	}
	return nil
}

// withoutDates returns a shallow copy of t with an empty Dates multiset:
// what an 'e' aggregate adds and subtracts (its dates are under 'd').
func (t *tally) withoutDates() *tally {
	c := *t
	c.Dates = map[string]int{}
	return &c
}

// nameSet returns the names of the tally: the keys of Names, EndNames and
// Aliases, the strings the name index folds.
func (t *tally) nameSet() map[string]bool {
	out := make(map[string]bool, len(t.Names)+len(t.EndNames)+len(t.Aliases))
	for _, m := range []map[string]int{t.Names, t.EndNames, t.Aliases} {
		for k := range m {
			out[k] = true
		}
	}
	return out
}

// nameForms returns the folded forms under which the name index lists an
// actor: its id and every name, folded; empty folds and folds longer than
// maxIDLen are left out.
func nameForms(id string, names map[string]bool) map[string]bool {
	out := make(map[string]bool, len(names)+1)
	if f := FoldName(id); f != "" && len(f) <= maxIDLen {
		out[f] = true
	}
	for n := range names {
		if f := FoldName(n); f != "" && len(f) <= maxIDLen {
			out[f] = true
		}
	}
	return out
}

// tallyArticle returns the tally of one article for each actor in it: its
// mentions and the ends of its triples.
func tallyArticle(date string, mentions []news.Mention, triples []news.Triple) map[string]*tally {
	out := map[string]*tally{}
	get := func(id string) *tally {
		t := out[id]
		if t == nil {
			t = newTally()
			t.Articles = 1
			if date != "" {
				t.Dates[date] = 1
			}
			out[id] = t
		}
		return t
	}
	inc := func(m map[string]int, k string) {
		if k != "" {
			m[k]++
		}
	}
	for _, m := range mentions {
		t := get(m.ActorID)
		t.Mentions++
		inc(t.Names, m.Name)
		inc(t.Types, m.Type)
		inc(t.Aliases, m.Text)
	}
	for _, tr := range triples {
		s := get(tr.SubjectID)
		inc(s.EndNames, tr.Subject)
		inc(s.EndTypes, tr.SubjectType)
		o := get(tr.ObjectID)
		inc(o.EndNames, tr.Object)
		inc(o.EndTypes, tr.ObjectType)
	}
	return out
}

// info derives the public view of an actor from its aggregate tally. An
// 'e' aggregate has no dates: the caller fills FirstSeen and LastSeen from
// the actor's 'd' keys (see actorSpan).
//
// Name and Type are the most frequent among its mentions; only an actor
// never mentioned (seen only as a triple end) takes them from its triple
// ends. Ties go to the smallest string, so the choice does not depend on
// ingest order.
func (t *tally) info(id string) ActorInfo {
	a := ActorInfo{
		ID:       id,
		Name:     mostFrequent(t.Names),
		Type:     mostFrequent(t.Types),
		Aliases:  sortedKeys(t.Aliases),
		Mentions: t.Mentions,
		Articles: t.Articles,
	}
	if a.Name == "" {
		a.Name = mostFrequent(t.EndNames)
	}
	if a.Type == "" {
		a.Type = mostFrequent(t.EndTypes)
	}
	if dates := sortedKeys(t.Dates); len(dates) > 0 {
		a.FirstSeen, a.LastSeen = dates[0], dates[len(dates)-1]
	}
	return a
}

// mostFrequent returns the key with the highest count, the smallest such
// key on ties, or "" for an empty multiset.
func mostFrequent(m map[string]int) string {
	best, bestN := "", 0
	for k, n := range m {
		if n > bestN || (n == bestN && k < best) {
			best, bestN = k, n
		}
	}
	return best
}
