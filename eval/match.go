package eval

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/news"
)

// normText folds curly quotes and apostrophes to straight ones and runs of
// white space to one space, and trims the ends, so that an anchor copied
// with other quotes or line breaks still matches its sentence.
func normText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '‘', '’', '‚', '‛', '′':
			r = '\''
		case '“', '”', '„', '‟', '″':
			r = '"'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// lastWord returns news.ActorID of the last space-separated word of name.
func lastWord(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return news.ActorID(f[len(f)-1])
}

// names reports whether a predicted actor (canonical name, id and type)
// names the gold actor gold, by the rules in the package documentation.
func (g *Gold) names(name, id, typ, gold string) bool {
	gk := news.ActorID(gold)
	if gk == "" {
		return false
	}
	for _, k := range [...]string{id, news.ActorID(name)} {
		if k != "" && (k == gk || slices.Contains(g.forms[gk], k)) {
			return true
		}
	}
	if typ == news.Person {
		if lw := lastWord(name); lw != "" && lw == lastWord(gold) {
			return true
		}
	}
	return false
}

// pairMatches reports whether t links the item's subject and object, in
// either direction when the item is symmetric.
func (g *Gold) pairMatches(t news.Triple, it Item) bool {
	subj := func(gold string) bool { return g.names(t.Subject, t.SubjectID, t.SubjectType, gold) }
	obj := func(gold string) bool { return g.names(t.Object, t.ObjectID, t.ObjectType, gold) }
	if subj(it.Subject) && obj(it.Object) {
		return true
	}
	return it.Symmetric && subj(it.Object) && obj(it.Subject)
}

// lemmas lemmatises every word of a predicate.
func (g *Gold) lemmas(s string) []string {
	f := strings.Fields(s)
	for i := range f {
		f[i] = g.lem.Verb(f[i])
	}
	return f
}

// predicateMatches reports whether the predicted predicate is one of the
// accepted ones: equal after lemmatising every word, or an accepted
// one-word predicate equal to the predicted phrase's first word.
func (g *Gold) predicateMatches(pred string, accepted []string) bool {
	p := g.lemmas(pred)
	if len(p) == 0 {
		return false
	}
	for _, a := range accepted {
		al := g.lemmas(a)
		if slices.Equal(p, al) || (len(al) == 1 && al[0] == p[0]) {
			return true
		}
	}
	return false
}
