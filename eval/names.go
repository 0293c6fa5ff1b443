package eval

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/news"
)

// contentWords returns the words of a name that can tie it to another
// name: lower case, accents folded, dots and apostrophes dropped inside a
// word ("U.S." → "us"), a final "'s" dropped, split at anything else that is
// not a letter or digit, without stop words, generic words (isGeneric) and
// one-letter words.
func contentWords(s string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		w := b.String()
		b.Reset()
		w = strings.TrimSuffix(w, "'s")
		w = strings.NewReplacer(".", "", "'", "").Replace(w)
		if len([]rune(w)) >= 2 && !isGeneric(w) && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// accent: dropped
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '.' && b.Len() > 0:
			b.WriteByte('.')
		case (r == '\'' || r == '’') && b.Len() > 0:
			b.WriteByte('\'')
		default:
			flush()
		}
	}
	flush()
	return words
}

// isGeneric reports whether a lower-case word is a stop word or a word too
// generic to tie two actor names together: titles, roles and collective
// nouns ("president", "government", "forces"), and the parts of compound
// country and organisation names that other names share ("united",
// "states", "republic", "north").
func isGeneric(w string) bool {
	switch w {
	case "the", "of", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "from", "its", "their", "his", "her",
		"president", "presidents", "minister", "ministers", "prime", "foreign", "defence", "defense", "interior",
		"secretary", "chancellor", "premier", "leader", "leaders", "chief", "head", "senior", "former", "ousted",
		"deputy", "acting", "general", "gen", "lt", "col", "mr", "mrs", "ms", "dr", "sir",
		"government", "governments", "official", "officials", "authorities", "administration", "ministry",
		"spokesman", "spokeswoman", "spokesperson", "negotiator", "negotiators", "delegation", "envoy",
		"forces", "force", "military", "army", "troops", "soldiers", "police", "rebels", "militia", "militants",
		"party", "group", "groups", "people", "state", "states", "national", "federal", "court", "high",
		"side", "sides", "country", "countries", "nation", "nations", "united", "republic", "kingdom",
		"democratic", "peoples", "new", "north", "south", "east", "west", "central", "province", "city":
		return true
	}
	return false
}

// nameMatcher decides whether a predicted name names a benchmark actor,
// with the gazetteer resolving demonyms, aliases and capitals. It caches
// lookups and is used by one goroutine.
type nameMatcher struct {
	g     *gazetteer.Gazetteer
	pred  map[string][]string // predicted name → canonical actors
	gold  map[string][]string // record actor text → canonical actors
	words map[string][]string // name → content words
}

func newNameMatcher(g *gazetteer.Gazetteer) *nameMatcher {
	return &nameMatcher{g: g, pred: map[string][]string{}, gold: map[string][]string{}, words: map[string][]string{}}
}

// names reports whether the predicted name names the record actor a, by the
// rules in the package documentation.
func (m *nameMatcher) names(pred string, a Actor) bool {
	pk := news.ActorID(pred)
	if pk == "" {
		return false
	}
	pa := m.predActors(pred)
	if a.Text == "" {
		return a.Name != "" && (pk == news.ActorID(a.Name) || slices.Contains(pa, a.Name))
	}
	if pk == news.ActorID(a.Text) {
		return true
	}
	pw, gw := m.contentWords(pred), m.contentWords(a.Text)
	for _, w := range pw {
		if slices.Contains(gw, w) {
			return true
		}
	}
	for _, n := range m.goldActors(a.Text) {
		if slices.Contains(pa, n) || pk == news.ActorID(n) {
			return true
		}
	}
	return false
}

func (m *nameMatcher) contentWords(s string) []string {
	w, ok := m.words[s]
	if !ok {
		w = contentWords(s)
		m.words[s] = w
	}
	return w
}

// predActors resolves a predicted name as a whole.
func (m *nameMatcher) predActors(name string) []string {
	if as, ok := m.pred[name]; ok {
		return as
	}
	var as []string
	if e := m.lookup(strings.Fields(name), 0, true); e != "" {
		as = append(as, e)
	}
	m.pred[name] = as
	return as
}

// goldActors returns every actor the gazetteer finds in a record's actor
// text, taking the longest form at each word; hyphenated words are also
// read as separate words.
func (m *nameMatcher) goldActors(text string) []string {
	if as, ok := m.gold[text]; ok {
		return as
	}
	var as []string
	fields := strings.Fields(text)
	for i := range fields {
		fields[i] = strings.Trim(fields[i], `,;:!?()[]{}"“”‘`)
	}
	split := strings.Fields(strings.ReplaceAll(strings.Join(fields, " "), "-", " "))
	for _, words := range [][]string{fields, split} {
		for i := 0; i < len(words); i++ {
			if words[i] == "" {
				continue
			}
			n, used := m.matchAt(words, i)
			if n != "" && !slices.Contains(as, n) {
				as = append(as, n)
			}
			i += max(used, 1) - 1
		}
	}
	m.gold[text] = as
	return as
}

// lookup resolves words[i:] as a whole (whole) or the longest form at i,
// and returns the canonical name or "".
func (m *nameMatcher) lookup(words []string, i int, whole bool) string {
	n, used := m.matchAt(words, i)
	if whole && used != len(words)-i {
		return ""
	}
	return n
}

// matchAt returns the canonical actor of the longest gazetteer form at
// words[i] and the words it covers. When nothing matches and the word ends
// in a plural "s", it tries again without it ("Israelis" → "Israeli").
func (m *nameMatcher) matchAt(words []string, i int) (string, int) {
	if len(words) == 0 || i >= len(words) {
		return "", 0
	}
	if mt, ok := m.g.MatchWords(words, i); ok {
		return mt.Entry.Name, mt.Tokens
	}
	w := words[i]
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		alt := slices.Clone(words)
		alt[i] = w[:len(w)-1]
		if mt, ok := m.g.MatchWords(alt, i); ok {
			return mt.Entry.Name, mt.Tokens
		}
	}
	return "", 0
}
