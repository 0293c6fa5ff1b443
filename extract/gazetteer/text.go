package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// word is one word of a form, prepared for matching against tokens.
type word struct {
	exact   string // folded, as written: "Kremlin", "U.S."
	title   string // folded, in Title Case: "Of" for "of"
	dotless string // an abbreviation without its final dot ("U.S"), or ""
	the     bool   // the article, which matches in any of its usual cases

	// A word with a possessive ending ("People's", "Workers'") also
	// matches as two tokens, as tokenizers split it: "People" "'s".
	stem *word  // the word without its ending, or nil
	poss string // the ending: "'s" or "'"
}

func newWord(s string) word {
	f := fold(s)
	w := word{exact: f, title: titleCase(f), the: isThe(f)}
	if len(f) > 1 && strings.HasSuffix(f, ".") && isAbbrev(f) {
		w.dotless = f[:len(f)-1]
	}
	if stem, ok := stripPossessive(f); ok {
		sw := newWord(stem)
		w.stem, w.poss = &sw, f[len(stem):]
	}
	return w
}

// eq reports whether a folded token is this word.
func (w *word) eq(tok string) bool {
	if w.the {
		return isThe(tok)
	}
	return tok == w.exact || tok == w.title || w.dotless != "" && tok == w.dotless
}

// keys returns the folded tokens that can start this word, for the
// first-word index.
func (w *word) keys() []string {
	if w.the {
		return []string{"the", "The", "THE"}
	}
	ks := []string{w.exact}
	if w.title != w.exact {
		ks = append(ks, w.title)
	}
	if w.dotless != "" {
		ks = append(ks, w.dotless)
	}
	if w.stem != nil {
		ks = append(ks, w.stem.keys()...)
	}
	return ks
}

// matchSeq reports whether the words ws occur at toks[start:], and how
// many tokens they take. The last token may carry a possessive ending.
func matchSeq(ws []word, toks []string, start int) (int, bool) {
	if start < 0 {
		return 0, false
	}
	k := start
	for j := range ws {
		w := &ws[j]
		if k >= len(toks) {
			return 0, false
		}
		t := fold(toks[k])
		switch {
		case w.eq(t):
			k++
		case w.stem != nil && w.stem.eq(t) && k+1 < len(toks) && isPossessiveToken(fold(toks[k+1]), w.poss):
			k += 2 // "People" "'s"
		case j == len(ws)-1:
			s, ok := stripPossessive(t)
			if !ok || !w.eq(s) {
				return 0, false
			}
			k++
		default:
			return 0, false
		}
	}
	return k - start, true
}

// base returns the word without a possessive ending.
func (w *word) base() string {
	if w.stem != nil {
		return w.stem.exact
	}
	return w.exact
}

// isPossessiveToken reports whether a token is the possessive ending poss
// split off by a tokenizer.
func isPossessiveToken(tok, poss string) bool {
	return tok == poss || poss == "'s" && tok == "'S"
}

// splitForm splits a form into words at white space.
func splitForm(s string) []string { return strings.Fields(s) }

// formKey identifies a form: its folded words joined by one space. Two
// forms with the same key are the same form.
func formKey(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fold(w))
	}
	return b.String()
}

// fold removes accents and turns typographic apostrophes into "'", so that
// "Élysée" and "Elysee", "d’Ivoire" and "d'Ivoire" compare equal. Case is
// kept. ASCII input is returned as is, without allocating.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent: dropped
		case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '\u2032':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// titleCase upper-cases the first letter of each hyphen-separated part of
// s and leaves the rest alone: "of" → "Of", "al-Qaeda" → "Al-Qaeda".
func titleCase(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := true
	for _, r := range s {
		if start {
			r = unicode.ToUpper(r)
		}
		start = r == '-'
		b.WriteRune(r)
	}
	return b.String()
}

// isThe reports whether s is the definite article as it appears in text.
func isThe(s string) bool { return s == "the" || s == "The" || s == "THE" }

// isAbbrev reports whether s is an abbreviation: at least two characters,
// at least one letter, no lower-case letter ("US", "U.S.", "G7", "OPEC+").
func isAbbrev(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	upper := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper = true
		}
	}
	return upper
}

// stripPossessive removes a possessive ending ("Kremlin's", "Houthis'").
func stripPossessive(s string) (string, bool) {
	for _, suf := range [...]string{"'s", "'S", "'"} {
		if len(s) > len(suf) && strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)], true
		}
	}
	return s, false
}
