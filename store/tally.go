package store

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/news"
)

// A tally is what a set of articles says about one actor. The tally of one
// article for one actor is stored under its 'c' key; the actor's aggregate
// under its 'e' key is the sum of those. Every field is a count or a multiset
// of counts, so sums and differences are exact and order-independent: an
// aggregate maintained by adding and subtracting article tallies equals one
// built by a fresh ingest of the same articles.
type tally struct {
	Articles int      // articles in which the actor appears
	Mentions int      // mentions of the actor
	Names    multiset // Mention.Name → mentions
	Types    multiset // Mention.Type → mentions
	EndNames multiset // Triple.Subject/Object → triple ends naming the actor
	EndTypes multiset // Triple.SubjectType/ObjectType → triple ends
	Aliases  multiset // Mention.Text → mentions
	Dates    multiset // article date → articles (undated articles are left out)
}

// A multiset counts strings: its entries have distinct keys in ascending
// order and counts above zero, the order in which they are encoded. A
// sorted slice rather than a map: an ingest builds a tally for every actor
// of every article and most multisets hold a few strings, so that a slice
// costs one allocation where a map cost several, and needs no sort to be
// encoded.
type multiset []counted

// counted is one string of a multiset and its count.
type counted struct {
	Key string
	N   int
}

func newTally() *tally { return &tally{} }

// multisets returns the tally's multisets in a fixed order.
func (t *tally) multisets() [6]*multiset {
	return [6]*multiset{&t.Names, &t.Types, &t.EndNames, &t.EndTypes, &t.Aliases, &t.Dates}
}

// add adds sign × o to t (sign is +1 or -1), dropping entries that reach
// zero. It fails when a count would go negative, which only a damaged store
// can cause. t's multisets are updated in place when no string is added or
// dropped, so t must not share them with another tally; o is only read.
func (t *tally) add(o *tally, sign int) error {
	t.Articles += sign * o.Articles
	t.Mentions += sign * o.Mentions
	if t.Articles < 0 || t.Mentions < 0 {
		return fmt.Errorf("%w: actor tally goes negative", ErrCorrupt)
	}
	dst, src := t.multisets(), o.multisets()
	for i := range dst {
		m, err := dst[i].plus(*src[i], sign)
		if err != nil {
			return err
		}
		*dst[i] = m
	}
	return nil
}

// plus returns m + sign × o, in m's own array when every string of o is in
// m and no count reaches zero (the common case of adding an article to an
// aggregate), else in a new one.
func (m multiset) plus(o multiset, sign int) (multiset, error) {
	if len(o) == 0 {
		return m, nil
	}
	inPlace := len(o) <= len(m)
	for i, j := 0, 0; inPlace && j < len(o); j++ {
		for i < len(m) && m[i].Key < o[j].Key {
			i++
		}
		inPlace = i < len(m) && m[i].Key == o[j].Key && m[i].N+sign*o[j].N > 0
	}
	if inPlace {
		for i, j := 0, 0; j < len(o); j++ {
			for m[i].Key < o[j].Key {
				i++
			}
			m[i].N += sign * o[j].N
		}
		return m, nil
	}
	out := make(multiset, 0, len(m)+len(o))
	i, j := 0, 0
	for i < len(m) || j < len(o) {
		var c counted
		switch {
		case j == len(o) || (i < len(m) && m[i].Key < o[j].Key):
			c = m[i]
			i++
		case i == len(m) || o[j].Key < m[i].Key:
			c = counted{o[j].Key, sign * o[j].N}
			j++
		default:
			c = counted{m[i].Key, m[i].N + sign*o[j].N}
			i++
			j++
		}
		switch {
		case c.N < 0:
			return nil, fmt.Errorf("%w: actor tally for %q goes negative", ErrCorrupt, c.Key)
		case c.N > 0:
			out = append(out, c)
		}
	}
	return out, nil
}

// keys returns the strings of m in ascending order, never nil.
func (m multiset) keys() []string {
	out := make([]string, len(m))
	for i, c := range m {
		out[i] = c.Key
	}
	return out
}

// mostFrequent returns the string with the highest count, the smallest
// such string on ties (the first, m being sorted), or "" for an empty
// multiset.
func (m multiset) mostFrequent() string {
	best, bestN := "", 0
	for _, c := range m {
		if c.N > bestN {
			best, bestN = c.Key, c.N
		}
	}
	return best
}

// withoutDates returns a shallow copy of t without its Dates: what an 'e'
// aggregate adds and subtracts (its dates are under 'd').
func (t *tally) withoutDates() *tally {
	c := *t
	c.Dates = nil
	return &c
}

// nameSet returns the names of the tally, sorted and distinct: the keys of
// Names, EndNames and Aliases, the strings the name index folds.
func (t *tally) nameSet() []string {
	out := make([]string, 0, len(t.Names)+len(t.EndNames)+len(t.Aliases))
	for _, m := range []multiset{t.Names, t.EndNames, t.Aliases} {
		for _, c := range m {
			out = append(out, c.Key)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// nameForms returns the folded forms under which the name index lists an
// actor: its id and every name, folded; empty folds and folds longer than
// maxIDLen are left out.
func nameForms(id string, names []string) map[string]bool {
	out := make(map[string]bool, len(names)+1)
	if f := FoldName(id); f != "" && len(f) <= maxIDLen {
		out[f] = true
	}
	for _, n := range names {
		if f := FoldName(n); f != "" && len(f) <= maxIDLen {
			out[f] = true
		}
	}
	return out
}

// actorTally is the tally of one article for one actor.
type actorTally struct {
	actor string
	t     *tally
}

// tallyArticle returns the tally of one article for each actor in it (its
// mentions and the ends of its triples), sorted by actor. The tallies share
// their arrays: they are only read.
//
// An article names a dozen actors or so, each with a handful of distinct
// names, types and aliases repeated many times, so strings are counted by a
// linear search among the few an actor has so far, and only the distinct
// ones are sorted: sorting every (actor, field, string) of the article, as
// this did before, was a fifth of a bulk load's CPU time.
func tallyArticle(date string, mentions []news.Mention, triples []news.Triple) []actorTally {
	const (
		fieldNames = iota
		fieldTypes
		fieldEndNames
		fieldEndTypes
		fieldAliases
		numFields
	)
	type actorAcc struct {
		actor    string
		mentions int
		fields   [numFields]multiset
	}
	var (
		accs  []actorAcc
		index = make(map[string]int, 16)
	)
	acc := func(actor string) *actorAcc {
		i, ok := index[actor]
		if !ok {
			i = len(accs)
			index[actor] = i
			accs = append(accs, actorAcc{actor: actor})
		}
		return &accs[i]
	}
	count := func(m *multiset, key string) {
		if key == "" {
			return
		}
		for i := range *m {
			if (*m)[i].Key == key {
				(*m)[i].N++
				return
			}
		}
		*m = append(*m, counted{key, 1})
	}
	for _, m := range mentions {
		a := acc(m.ActorID)
		a.mentions++
		count(&a.fields[fieldNames], m.Name)
		count(&a.fields[fieldTypes], m.Type)
		count(&a.fields[fieldAliases], m.Text)
	}
	for _, tr := range triples {
		a := acc(tr.SubjectID)
		count(&a.fields[fieldEndNames], tr.Subject)
		count(&a.fields[fieldEndTypes], tr.SubjectType)
		a = acc(tr.ObjectID)
		count(&a.fields[fieldEndNames], tr.Object)
		count(&a.fields[fieldEndTypes], tr.ObjectType)
	}
	slices.SortFunc(accs, func(a, b actorAcc) int { return strings.Compare(a.actor, b.actor) })

	var dates multiset
	if date != "" {
		dates = multiset{{date, 1}}
	}
	size := 0
	for i := range accs {
		for _, m := range accs[i].fields {
			size += len(m)
		}
	}
	counts := make(multiset, 0, size) // one array for every multiset
	tallies := make([]tally, len(accs))
	out := make([]actorTally, len(accs))
	for i := range accs {
		a := &accs[i]
		t := &tallies[i]
		*t = tally{Articles: 1, Mentions: a.mentions, Dates: dates}
		for f, dst := range [...]*multiset{fieldNames: &t.Names, fieldTypes: &t.Types,
			fieldEndNames: &t.EndNames, fieldEndTypes: &t.EndTypes, fieldAliases: &t.Aliases} {
			m := a.fields[f]
			if len(m) == 0 {
				continue
			}
			slices.SortFunc(m, func(x, y counted) int { return strings.Compare(x.Key, y.Key) })
			start := len(counts)
			counts = append(counts, m...)
			*dst = counts[start:len(counts):len(counts)]
		}
		out[i] = actorTally{a.actor, t}
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
		Name:     t.Names.mostFrequent(),
		Type:     t.Types.mostFrequent(),
		Aliases:  t.Aliases.keys(),
		Mentions: t.Mentions,
		Articles: t.Articles,
	}
	if a.Name == "" {
		a.Name = t.EndNames.mostFrequent()
	}
	if a.Type == "" {
		a.Type = t.EndTypes.mostFrequent()
	}
	if len(t.Dates) > 0 {
		a.FirstSeen, a.LastSeen = t.Dates[0].Key, t.Dates[len(t.Dates)-1].Key
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
