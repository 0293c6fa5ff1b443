package gazetteer

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/news"
)

// Entry is one actor the gazetteer knows.
type Entry struct {
	Name         string        `json:"name" yaml:"name"`                                     // canonical name
	Type         string        `json:"type" yaml:"type"`                                     // news.Person, news.Org or news.GPE
	Aliases      []string      `json:"aliases,omitempty" yaml:"aliases,omitempty"`           // other names: "US", "U.S.", "Russian Federation"
	Demonyms     []string      `json:"demonyms,omitempty" yaml:"demonyms,omitempty"`         // adjectives, actors only before an agent noun: "Russian"
	Capitals     []string      `json:"capitals,omitempty" yaml:"capitals,omitempty"`         // seats of government used as metonyms: "Moscow"
	Institutions []Institution `json:"institutions,omitempty" yaml:"institutions,omitempty"` // organisations acting for the actor: "Kremlin"

	// Cities lists other cities and places inside the actor that news
	// names as where something happens ("Kharkiv", "Basra", "Tel Aviv").
	// Unlike a capital, a city never stands for the actor acting: a match
	// is a place, and a deed done there is done to the actor.
	Cities []string `json:"cities,omitempty" yaml:"cities,omitempty"`

	// Ambiguous marks an entry whose one-word names or aliases are also
	// common words or other names ("Chad", "Jordan", "Georgia"). Matches
	// through those forms carry Match.Ambiguous.
	Ambiguous bool `json:"ambiguous,omitempty" yaml:"ambiguous,omitempty"`

	// Exclude lists phrases that contain one of the entry's forms but do
	// not name the entry ("Latin America", "Gulf of Mexico"). A match that
	// overlaps an occurrence of such a phrase without covering it is
	// rejected.
	Exclude []string `json:"exclude,omitempty" yaml:"exclude,omitempty"`
}

// Institution is an organisation that acts for a country and is named in
// its place, such as the Kremlin or the White House. Its type is news.Org
// when it is kept apart from its country (Options.FoldInstitutions false).
type Institution struct {
	Name    string   `json:"name" yaml:"name"`                           // canonical name
	Aliases []string `json:"aliases,omitempty" yaml:"aliases,omitempty"` // other names: "Department of Defense" for the Pentagon
}

// Options configure New.
type Options struct {
	// FoldInstitutions resolves institutions to the entry that lists them
	// ("the Kremlin" → Russia). When false each institution is an actor of
	// its own, type news.Org ("the Kremlin" → Kremlin). Capitals resolve to
	// their entry either way. DefaultOptions sets it.
	FoldInstitutions bool
}

// DefaultOptions returns the options the CLI uses: institutions folded into
// their countries.
func DefaultOptions() Options {
	return Options{FoldInstitutions: true}
}

// MatchKind says through which kind of form a match was found.
type MatchKind uint8

// Kinds of match. The zero MatchKind is no match.
const (
	KindName        MatchKind = iota + 1 // the canonical name
	KindAlias                            // an alias
	KindDemonym                          // a demonym: an actor only before an agent noun
	KindCapital                          // a capital standing for its country
	KindInstitution                      // an institution, folded into its country or not
	KindPeople                           // a plural demonym naming the people: "Palestinians", "Serbs"
	KindCity                             // a city or place inside the actor: "Kharkiv", "Basra"
)

// String returns the kind in lower case: "name", "alias", "demonym",
// "capital", "institution", "people", "city", or "none" for the zero
// MatchKind.
func (k MatchKind) String() string {
	switch k {
	case 0:
		return "none"
	case KindName:
		return "name"
	case KindAlias:
		return "alias"
	case KindDemonym:
		return "demonym"
	case KindCapital:
		return "capital"
	case KindInstitution:
		return "institution"
	case KindPeople:
		return "people"
	case KindCity:
		return "city"
	}
	return "MatchKind(" + strconv.Itoa(int(k)) + ")"
}

// Match is what a lookup found.
type Match struct {
	Entry  *Entry    // resolved actor: the country when folded; must not be modified
	Kind   MatchKind // how it was found
	Tokens int       // tokens consumed, with a skipped leading "the" and split possessives ("People" "'s")
	Form   string    // the form as written in the data: "Kremlin", "U.S."

	// Via is the canonical name of the capital or institution the match
	// went through ("Kremlin" for "the Kremlin" folded to Russia), or "".
	Via string

	// Ambiguous reports a match through a one-word name or alias of an
	// entry flagged Ambiguous ("Chad", "Jordan"; not "Republic of Chad",
	// not a demonym, capital or institution). Callers should want more
	// evidence, such as a context that only a country fits, before taking
	// it as the actor.
	Ambiguous bool
}

// Gazetteer resolves surface forms to actors. Build one with New.
type Gazetteer struct {
	opts    Options
	entries []*Entry          // surviving actors, in order of definition
	byID    map[string]*Entry // news.ActorID(name) → actor
	index   map[string][]*form
}

// form is one surface form in the index.
type form struct {
	text      string
	words     []word
	target    *Entry
	kind      MatchKind
	via       string
	ambiguous bool
	seq       int      // position of the defining actor; later wins
	exclude   [][]word // the defining entry's Exclude phrases
}

// New indexes entries. Later entries override earlier ones with the same
// canonical name (compared by news.ActorID), and a form that two entries
// claim resolves to the later one; within one entry a name beats an alias,
// which beats a demonym, an institution, a capital and a city in that
// order. New
// copies what it keeps, so entries may be reused. It returns an
// *EntryError for an entry with an empty or unusable name, an unknown type
// or an empty form.
func New(entries []Entry, opts Options) (*Gazetteer, error) {
	clean := make([]Entry, len(entries))
	for i, e := range entries {
		c, err := normalize(e)
		if err != nil {
			return nil, &EntryError{Entry: i + 1, Name: strings.TrimSpace(e.Name), Err: err}
		}
		clean[i] = c
	}

	// Expand into actors: every entry, and every institution when they
	// are kept apart.
	type actor struct {
		e    *Entry
		src  *Entry // the entry that defined it
		inst bool
	}
	var actors []actor
	for i := range clean {
		e := &clean[i]
		actors = append(actors, actor{e: e, src: e})
		if !opts.FoldInstitutions {
			for _, in := range e.Institutions {
				ie := &Entry{Name: in.Name, Type: news.Org, Aliases: in.Aliases}
				actors = append(actors, actor{e: ie, src: e, inst: true})
			}
		}
	}
	last := make(map[string]int, len(actors))
	for i, a := range actors {
		last[news.ActorID(a.e.Name)] = i
	}

	g := &Gazetteer{opts: opts, byID: make(map[string]*Entry, len(last))}
	forms := make(map[string]*form)
	excl := make(map[*Entry][][]word) // each entry's Exclude phrases, split
	add := func(text string, target *Entry, kind MatchKind, via string, seq int, src *Entry) {
		ws := splitForm(text)
		key := formKey(ws)
		if old, ok := forms[key]; ok && old.seq == seq {
			return // the same actor already has it under a stronger kind
		}
		f := &form{text: text, target: target, kind: kind, via: via, seq: seq}
		for _, w := range ws {
			f.words = append(f.words, newWord(w))
		}
		f.ambiguous = src.Ambiguous && (kind == KindName || kind == KindAlias) && isSingle(ws)
		// Keep only the phrases that share a word with the form: a phrase
		// can overlap a match only through a token that both contain.
		if src.Exclude != nil && excl[src] == nil {
			excl[src] = make([][]word, len(src.Exclude))
			for i, x := range src.Exclude {
				for _, w := range splitForm(x) {
					excl[src][i] = append(excl[src][i], newWord(w))
				}
			}
		}
		for _, p := range excl[src] {
			if shareWord(p, f.words) {
				f.exclude = append(f.exclude, p)
			}
		}
		forms[key] = f
	}
	for i, a := range actors {
		if last[news.ActorID(a.e.Name)] != i {
			continue // overridden by a later definition
		}
		seq := len(g.entries)
		g.entries = append(g.entries, a.e)
		g.byID[news.ActorID(a.e.Name)] = a.e
		if a.inst {
			add(a.e.Name, a.e, KindInstitution, a.e.Name, seq, a.src)
			for _, s := range a.e.Aliases {
				add(s, a.e, KindInstitution, a.e.Name, seq, a.src)
			}
			continue
		}
		e := a.e
		add(e.Name, e, KindName, "", seq, e)
		for _, s := range e.Aliases {
			add(s, e, KindAlias, "", seq, e)
		}
		for _, s := range e.Demonyms {
			add(s, e, KindDemonym, "", seq, e)
		}
		for _, s := range e.Demonyms {
			if p := pluralDemonym(s); p != "" {
				add(p, e, KindPeople, "", seq, e)
			}
		}
		if opts.FoldInstitutions {
			for _, in := range e.Institutions {
				add(in.Name, e, KindInstitution, in.Name, seq, e)
				for _, s := range in.Aliases {
					add(s, e, KindInstitution, in.Name, seq, e)
				}
			}
		}
		for _, s := range e.Capitals {
			add(s, e, KindCapital, s, seq, e)
		}
		for _, s := range e.Cities {
			add(s, e, KindCity, s, seq, e)
		}
	}

	// Index every form under each spelling of its first word that a token
	// can have, longest form first, later definitions first among equals.
	g.index = make(map[string][]*form)
	for _, f := range forms {
		ks := f.words[0].keys()
		slices.Sort(ks)
		for _, k := range slices.Compact(ks) {
			g.index[k] = append(g.index[k], f)
		}
	}
	for _, fs := range g.index {
		slices.SortFunc(fs, func(a, b *form) int {
			if c := cmp.Compare(len(b.words), len(a.words)); c != 0 {
				return c
			}
			if c := cmp.Compare(b.seq, a.seq); c != 0 {
				return c
			}
			return strings.Compare(a.text, b.text)
		})
	}
	return g, nil
}

// isSingle reports whether a form is one word, not counting a leading
// "the", and not an abbreviation: the forms that an Ambiguous flag covers.
func isSingle(ws []string) bool {
	if len(ws) > 1 && isThe(ws[0]) {
		ws = ws[1:]
	}
	return len(ws) == 1 && !isAbbrev(ws[0])
}

// Lookup resolves one complete surface form, such as "the Kremlin", "U.S."
// or "Russian". The whole of surface, split at white space, must match.
func (g *Gazetteer) Lookup(surface string) (Match, bool) {
	words := strings.Fields(surface)
	if len(words) == 0 {
		return Match{}, false
	}
	m, ok := g.MatchWords(words, 0)
	if !ok || m.Tokens != len(words) {
		return Match{}, false
	}
	return m, true
}

// MatchWords returns the longest form that starts at words[i], where words
// are the tokens of a sentence. A leading "the" is skipped when a form
// follows it and is counted in Match.Tokens. It reports false when no form
// starts there or i is out of range.
func (g *Gazetteer) MatchWords(words []string, i int) (Match, bool) {
	if g == nil || i < 0 || i >= len(words) {
		return Match{}, false
	}
	f, n := g.longestAt(words, i)
	skip := 0
	if isThe(words[i]) && i+1 < len(words) {
		if f2, n2 := g.longestAt(words, i+1); f2 != nil && n2+1 > n {
			f, n, skip = f2, n2, 1
		}
	}
	if f == nil {
		return Match{}, false
	}
	return Match{
		Entry:     f.target,
		Kind:      f.kind,
		Tokens:    skip + n,
		Form:      f.text,
		Via:       f.via,
		Ambiguous: f.ambiguous,
	}, true
}

// longestAt returns the form with the most words matching at words[i]
// and the number of tokens it takes, or nil.
func (g *Gazetteer) longestAt(words []string, i int) (*form, int) {
	tok := fold(words[i])
	var (
		best *form
		n    int
	)
	try := func(key string) {
		for _, f := range g.index[key] {
			if best != nil && len(f.words) <= len(best.words) {
				return
			}
			if k, ok := matchSeq(f.words, words, i); ok && !excluded(f.exclude, words, i, k) {
				best, n = f, k
				return
			}
		}
	}
	try(tok)
	if s, ok := stripPossessive(tok); ok {
		try(s) // a one-word form with a possessive: "Kremlin's"
	}
	return best, n
}

// shareWord reports whether two word lists may match a common token:
// whether they have a word in common, ignoring case and possessive endings.
func shareWord(a, b []word) bool {
	for i := range a {
		for j := range b {
			if strings.EqualFold(a[i].base(), b[j].base()) {
				return true
			}
		}
	}
	return false
}

// excluded reports whether one of the phrases occurs in words overlapping
// words[start:start+n] without lying inside it.
func excluded(phrases [][]word, words []string, start, n int) bool {
	end := start + n
	for _, p := range phrases {
		// A phrase takes at most two tokens per word.
		for j := max(0, start-2*len(p)+1); j < end; j++ {
			m, ok := matchSeq(p, words, j)
			if !ok || j+m <= start {
				continue // no occurrence, or one that ends before the match
			}
			if j >= start && j+m <= end {
				continue // inside the match: "Republic of the Congo" in "Democratic Republic of the Congo"
			}
			return true
		}
	}
	return false
}

// Entries returns a copy of the actors in the order of their last
// definition. When institutions are not folded, each institution follows
// its country as an entry of its own, type news.Org.
func (g *Gazetteer) Entries() []Entry {
	if g == nil {
		return []Entry{}
	}
	out := make([]Entry, len(g.entries))
	for i, e := range g.entries {
		out[i] = clone(*e)
	}
	return out
}

// ByName returns the actor whose canonical name has the same news.ActorID
// as name ("United States", "united states"). Institutions are actors only
// when they are not folded. The entry must not be modified.
func (g *Gazetteer) ByName(name string) (*Entry, bool) {
	if g == nil {
		return nil, false
	}
	e, ok := g.byID[news.ActorID(name)]
	return e, ok
}

// Options returns the options g was built with.
func (g *Gazetteer) Options() Options {
	if g == nil {
		return Options{}
	}
	return g.opts
}

// clone returns a deep copy of e.
func clone(e Entry) Entry {
	e.Aliases = slices.Clone(e.Aliases)
	e.Demonyms = slices.Clone(e.Demonyms)
	e.Capitals = slices.Clone(e.Capitals)
	e.Cities = slices.Clone(e.Cities)
	e.Exclude = slices.Clone(e.Exclude)
	if e.Institutions != nil {
		ins := make([]Institution, len(e.Institutions))
		for i, in := range e.Institutions {
			ins[i] = Institution{Name: in.Name, Aliases: slices.Clone(in.Aliases)}
		}
		e.Institutions = ins
	}
	return e
}

// pluralDemonym returns the plural noun of a one-word demonym that names a
// people ("Palestinian" → "Palestinians", "Serb" → "Serbs"), or "" for those
// whose plural is the adjective itself or another word ("Chinese",
// "British", "French", "Swiss").
func pluralDemonym(d string) string {
	if strings.ContainsAny(d, " .-") || len(d) < 3 {
		return ""
	}
	l := strings.ToLower(d)
	for _, suf := range []string{"ese", "sh", "ch", "ss", "s", "x", "z"} {
		if strings.HasSuffix(l, suf) {
			return ""
		}
	}
	return d + "s"
}
