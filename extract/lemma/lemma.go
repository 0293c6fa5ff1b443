// Package lemma reduces English verb forms to their dictionary form
// ("threatened" → "threaten", "met" → "meet", "criticises" → "criticise").
//
// It is a morphological lemmatiser in the style of WordNet's morphy: an
// exception table for irregular verbs, then suffix-detachment rules that
// produce candidate stems, checked against a list of known verb bases
// (verbs.txt). When no candidate is known, spelling heuristics choose (restore
// a final "e" after "c", "v", "z", "g"…, undo consonant doubling after a short
// vowel). The word list only breaks ties; it does not limit which verbs can be
// lemmatised.
package lemma

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed verbs.txt
var verbsText string

// Lemmatizer maps inflected verb forms to their base form. The zero value is
// not usable; call New. A Lemmatizer is safe for concurrent use.
type Lemmatizer struct {
	bases     map[string]bool
	irregular map[string]string
}

var shared = sync.OnceValue(func() *Lemmatizer {
	l := &Lemmatizer{bases: map[string]bool{}, irregular: map[string]string{}}
	for _, line := range strings.Split(verbsText, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			l.bases[w] = true
		}
	}
	for _, row := range irregularVerbs {
		f := strings.Fields(row)
		base := f[0]
		l.bases[base] = true
		for _, form := range f[1:] {
			if _, taken := l.irregular[form]; !taken {
				l.irregular[form] = base
			}
		}
	}
	return l
})

// New returns the shared English verb lemmatiser. The tables are built once
// per process and never change afterwards.
func New() *Lemmatizer { return shared() }

// Irregular reports whether w (lower case) is an irregular inflected form
// ("met", "undertook", "seen").
func (l *Lemmatizer) Irregular(w string) bool {
	_, ok := l.irregular[w]
	return ok
}

// IsBase reports whether w (lower case) is a known verb base form.
func (l *Lemmatizer) IsBase(w string) bool { return l.bases[w] }

// Verb returns the base form of the verb form w. Case is folded; anything
// that is not an inflected form (a base form, an unknown word without a
// verbal suffix) comes back lower-cased and otherwise unchanged.
func (l *Lemmatizer) Verb(w string) string {
	w = strings.ToLower(strings.TrimSpace(w))
	// Curly apostrophes and clitics are not part of the verb.
	w = strings.TrimSuffix(strings.TrimSuffix(w, "n't"), "n’t")
	if w == "" {
		return w
	}
	if base, ok := l.irregular[w]; ok {
		return base
	}
	if l.bases[w] {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 4:
		return l.pick(w[:len(w)-3], true)
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ed") && len(w) > 3:
		// "agreed", "freed": the stem already ends in "e".
		if strings.HasSuffix(w, "eed") && l.bases[w[:len(w)-1]] {
			return w[:len(w)-1]
		}
		return l.pick(w[:len(w)-2], true)
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "es") && len(w) > 3:
		stem := w[:len(w)-2]
		if l.bases[w[:len(w)-1]] { // "urges" → urge, "pledges" → pledge
			return w[:len(w)-1]
		}
		if l.bases[stem] || sibilantEnd(stem) || strings.HasSuffix(stem, "o") {
			return stem // "pushes", "goes", "focuses"
		}
		return w[:len(w)-1]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 2:
		return w[:len(w)-1]
	}
	return w
}

// pick chooses the base form for a stem left by removing "ed" or "ing":
// the stem itself, the stem plus "e", or the stem with a doubled final
// consonant undone. Known bases win; otherwise spelling rules decide.
func (l *Lemmatizer) pick(stem string, allowE bool) string {
	undoubled := ""
	if n := len(stem); n >= 3 && stem[n-1] == stem[n-2] && isConsonant(stem[n-1]) {
		undoubled = stem[:n-1]
	}
	switch {
	case l.bases[stem]:
		return stem
	case allowE && l.bases[stem+"e"]:
		return stem + "e"
	case undoubled != "" && l.bases[undoubled]:
		return undoubled
	}
	// Unknown word: spelling heuristics.
	if undoubled != "" && !strings.ContainsRune("lsz", rune(stem[len(stem)-1])) {
		return undoubled // "jabbed" → jab
	}
	if allowE && needsE(stem) {
		return stem + "e"
	}
	return stem
}

// needsE reports whether a stem left by removing "-ed"/"-ing" most likely
// lost a silent final "e": after c, v, z, u ("forced", "moved", "seized",
// "argued"), after "g" not in "ng" ("urged"), after a consonant and one
// vowel and "d" ("upgraded"), after a consonant and "s" ("dispersed"), after "at"/"iz"/"is" endings of
// multi-syllable verbs ("negotiated", "criticised"), or a one-syllable
// consonant–vowel–consonant stem ("hoped", "voted").
func needsE(stem string) bool {
	n := len(stem)
	if n < 2 {
		return false
	}
	last := stem[n-1]
	switch last {
	case 'c', 'v', 'z', 'u':
		return true
	case 'g':
		return stem[n-2] != 'n' && stem[n-2] != 'g'
	case 'd':
		// "upgraded", "decided", "exploded" but not "aided", "headed".
		if n >= 3 && strings.IndexByte("aiou", stem[n-2]) >= 0 && isConsonant(stem[n-3]) {
			return true
		}
	case 's':
		// "dispersed", "collapsed" but not "passed".
		if isConsonant(stem[n-2]) && stem[n-2] != 's' {
			return true
		}
	}
	if strings.HasSuffix(stem, "at") && !strings.HasSuffix(stem, "eat") && !strings.HasSuffix(stem, "oat") && n > 4 {
		return true
	}
	if (strings.HasSuffix(stem, "is") || strings.HasSuffix(stem, "iz") || strings.HasSuffix(stem, "us") || strings.HasSuffix(stem, "os") || strings.HasSuffix(stem, "as")) && n > 4 {
		return !strings.HasSuffix(stem, "ss")
	}
	// One syllable: consonant(s), one vowel, one consonant (not w, x, y).
	vowels := 0
	for i := 0; i < n; i++ {
		if !isConsonant(stem[i]) {
			vowels++
		}
	}
	return vowels == 1 && n >= 3 && isConsonant(last) && !strings.ContainsRune("wxy", rune(last)) &&
		!isConsonant(stem[n-2]) && isConsonant(stem[n-3])
}

func sibilantEnd(s string) bool {
	return strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "z") ||
		strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh")
}

func isConsonant(b byte) bool {
	return b >= 'a' && b <= 'z' && !strings.ContainsRune("aeiou", rune(b))
}

// irregularVerbs lists base form, then past and participle forms (and other
// irregular forms), one verb a row.
var irregularVerbs = []string{
	"be am is are was were been being 's 're 'm",
	"have has had having 've 'd",
	"do does did done doing",
	"arise arose arisen", "awake awoke awoken", "bear bore borne born", "beat beaten",
	"become became", "begin began begun", "bend bent", "bet", "bid bade bidden",
	"bind bound", "bite bit bitten", "bleed bled", "blow blew blown", "break broke broken",
	"breed bred", "bring brought", "broadcast broadcasted", "build built", "burn burnt",
	"burst", "buy bought", "cast", "catch caught", "choose chose chosen", "cling clung",
	"come came", "cost", "creep crept", "cut", "deal dealt", "dig dug", "draw drew drawn",
	"dream dreamt", "drink drank drunk", "drive drove driven", "eat ate eaten",
	"fall fell fallen", "feed fed", "feel felt", "fight fought", "find found", "flee fled",
	"fly flew flown flies", "forbid forbade forbidden", "forecast", "foresee foresaw foreseen",
	"forget forgot forgotten", "forgive forgave forgiven", "freeze froze frozen",
	"get got gotten", "give gave given", "go went gone goes", "grind ground", "grow grew grown",
	"hang hung", "hear heard", "hide hid hidden", "hit", "hold held", "hurt", "keep kept",
	"kneel knelt", "know knew known", "lay laid", "lead led", "lean leant", "leap leapt",
	"learn learnt", "leave left", "lend lent", "let", "lie lay lain lying", "light lit",
	"lose lost", "make made", "mean meant", "meet met", "mislead misled", "mistake mistook mistaken",
	"overcome overcame", "overrun overran", "oversee oversaw overseen", "overtake overtook overtaken",
	"overthrow overthrew overthrown", "pay paid", "prove proven", "put", "quit", "read",
	"rebuild rebuilt", "rid", "ride rode ridden", "ring rang rung", "rise rose risen",
	"run ran", "say said", "see saw seen", "seek sought", "sell sold", "send sent", "set",
	"shake shook shaken", "shed", "shine shone", "shoot shot", "show shown", "shrink shrank shrunk",
	"shut", "sing sang sung", "sink sank sunk", "sit sat", "sleep slept", "slide slid",
	"speak spoke spoken", "speed sped", "spend spent", "spin spun", "split", "spread",
	"spring sprang sprung", "stand stood", "steal stole stolen", "stick stuck", "sting stung",
	"strike struck stricken", "strive strove striven", "swear swore sworn", "sweep swept",
	"swim swam swum", "swing swung", "take took taken", "teach taught", "tear tore torn",
	"tell told", "think thought", "throw threw thrown", "tread trod trodden",
	"undergo underwent undergone", "understand understood", "undertake undertook undertaken", "retake retook retaken", "overtake overtook overtaken",
	"uphold upheld", "upset", "wake woke woken", "wear wore worn", "weep wept", "win won",
	"wind wound", "withdraw withdrew withdrawn", "withhold withheld", "withstand withstood",
	"write wrote written",
	// Regular verbs whose -ed/-ing forms the suffix rules would get wrong.
	"panic panicked panicking", "traffic trafficked trafficking",
	"die dying", "tie tying", "lie lying",
}
