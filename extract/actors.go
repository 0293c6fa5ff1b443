package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/news"
)

// actor is one actor known inside an article.
type actor struct {
	id, name, typ string
	// For persons: the title head they were introduced with ("president")
	// and the country or place that title belongs to ("russia"), so that
	// "the Russian president" can find them later in the article.
	title, affiliation string
	// merged points to the actor this one was found to be (a surname-only
	// mention resolved to the full name); nil when it is canonical itself.
	merged *actor
	// gender is 'f' or 'm' for a person whose first name or honorific
	// says so, else 0: "she" never resolves to a known man, nor "he" to a
	// known woman.
	gender byte
}

// canon follows merges to the canonical actor.
func (a *actor) canon() *actor {
	for a != nil && a.merged != nil {
		a = a.merged
	}
	return a
}

// spanKind says how a span names its actor.
type spanKind int

const (
	named     spanKind = iota // a name or gazetteer form: known actor
	candidate                 // one capitalised word, an actor only if the article says who it is
	pronoun                   // he / she
	titled                    // "the Russian president"
	pair                      // "the two leaders", "the pair": the last two persons named
)

// span is an actor mention inside a sentence: tokens [start, end).
type span struct {
	start, end         int
	startByte, endByte int
	kind               spanKind
	actor              *actor
	// For candidates and titled spans: the words to resolve.
	word, title, affiliation string
	nerPerson                bool
	// askModel defers nerPerson to the entity model, asked only if the
	// article names no one with this surname.
	askModel bool
	// gender is a pronoun's: 'f' for "she", 'm' for "he", else 0.
	gender byte
	// place marks a capital named as a place ("in Oslo"): an object only
	// of a deed done there, never a mention of the country.
	place bool
	// attributive marks a demonym that only describes a thing ("Iraqi
	// towns", "German goods"): the country is the target of a hostile or
	// supportive deed done to the thing, and otherwise no actor at all.
	attributive bool
	// building marks an institution named by its seat ("the White House",
	// "the Kremlin"): after a verb of motion it is a place ("left the
	// White House"), not the government.
	building bool
	// twin marks the second span of a pair mention ("the two leaders"):
	// the same tokens as the span before it, naming the other person.
	twin bool
}

// document holds what is known about the actors of one article while it is
// read.
type document struct {
	x       *Extractor
	article news.Article
	actors  map[string]*actor // by id
	order   []*actor          // persons in order of first mention
	// surnames are the last names of the persons named in full so far.
	surnames map[string]bool
	// labelled marks the tokens of the sentence being recognised that the
	// entity model has labelled; window is scratch space for it.
	labelled      []bool
	labelledStart int // offset of the first token of the sentence labelled marks
	window        []tokenT
}

// modelSaysPerson asks the entity model whether the token at i of sentence
// s is part of a person's name.
func (d *document) modelSaysPerson(s *sentence, i int) bool {
	d.label(s.tokens, i, i+1)
	return isPersonLabel(s.tokens[i].Label)
}

func newDocument(x *Extractor, a news.Article) *document {
	return &document{x: x, article: a, actors: map[string]*actor{}}
}

// actorFor returns the article's actor with this name and type, creating it.
func (d *document) actorFor(name, typ string) *actor {
	id := news.ActorID(name)
	if id == "" {
		return nil
	}
	if a, ok := d.actors[id]; ok {
		return a
	}
	a := &actor{id: id, name: name, typ: typ}
	d.actors[id] = a
	if typ == news.Person {
		if f := strings.Fields(name); len(f) >= 1 {
			a.gender = firstNameGender(f[0]) // "Oliver" alone too
		}
		d.order = append(d.order, a)
		if f := strings.Fields(name); len(f) >= 2 {
			if d.surnames == nil {
				d.surnames = map[string]bool{}
			}
			d.surnames[strings.ToLower(f[len(f)-1])] = true
		}
	}
	return a
}

// isShouted reports whether w is an all-capital word of three letters or
// more ("EDITOR", "DONE"): in names, that is an acronym or layout, not a
// person's name.
func isShouted(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// contextTokens is how many tokens either side of a name the entity model
// sees when label asks it about the name.
const contextTokens = 1

// label runs the entity model on tokens [from, to) of a sentence, with
// contextTokens of context either side, unless they are labelled already. The model
// costs twice what the tagger does a token (extract/prosemodel's benchmarks),
// and most tokens never need a label: the gazetteer, titles and in-document
// evidence decide them.
func (d *document) label(toks []tokenT, from, to int) {
	if len(d.labelled) != len(toks) || len(toks) > 0 && d.labelledStart != toks[0].Start {
		d.labelled = make([]bool, len(toks))
		if len(toks) > 0 {
			d.labelledStart = toks[0].Start
		}
	}
	lo, hi := max(0, from-contextTokens), min(len(toks), to+contextTokens)
	need := false
	for i := from; i < to && i < len(toks); i++ {
		need = need || !d.labelled[i]
	}
	if !need {
		return
	}
	window := append(d.window[:0], toks[lo:hi]...)
	d.x.ner.Label(window)
	for i := from; i < to && i < len(toks); i++ {
		if !d.labelled[i] {
			toks[i].Label = window[i-lo].Label
			d.labelled[i] = true
		}
	}
	d.window = window
}

// recognise finds the actor mentions of one sentence.
func (d *document) recognise(s *sentence) {
	toks := s.tokens
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	add := func(sp span) {
		sp.startByte = toks[sp.start].Start
		sp.endByte = toks[sp.end-1].End()
		s.spans = append(s.spans, sp)
	}
	for i := 0; i < len(toks); {
		w := words[i]
		if personPronouns[w] && toks[i].Tag == "PRP" {
			add(span{start: i, end: i + 1, kind: pronoun, gender: pronounGender(w)})
			i++
			continue
		}
		if groupPronouns[strings.ToLower(w)] && toks[i].Tag == "PRP" && pronounSubject(words, toks, i) {
			add(span{start: i, end: i + 1, kind: pronoun, word: strings.ToLower(w)})
			i++
			continue
		}
		if n := pairMention(words, i); n > 0 {
			add(span{start: i, end: i + n, kind: pair})
			i += n
			continue
		}
		// "the Russian president", "the former US leader": a title without a name.
		if n, title, aff, ok := d.titleMention(words, toks, i); ok {
			sp := span{start: i, end: i + n, kind: titled, title: title, affiliation: aff}
			if title == "counterpart" {
				// Unresolved, "her Peruvian counterpart" still names Peru.
				if m, ok := d.x.gaz.MatchWords(words, i+1); ok {
					sp.word = m.Entry.Name + "\x00" + m.Entry.Type
				}
			}
			add(sp)
			i += n
			continue
		}
		if m, ok := d.x.gaz.MatchWords(words, i); ok && !cityInName(words, toks, i, m) {
			next := i + m.Tokens
			if next < len(words) && isPossessive(words[next]) {
				next++
			}
			// "UK Prime Minister Keir Starmer", "Ukraine's lead negotiator
			// Rustem Umerov": the place is the person's affiliation.
			if n, sp, ok := d.person(words, toks, next, news.ActorID(m.Entry.Name)); ok {
				sp.start = i
				add(sp)
				i = next + n
				continue
			}
			if m.Kind == gazetteer.KindCity {
				// "shelled Kharkiv", "a bombing in Basra": a place inside a
				// country, never the country acting; a deed done there is
				// done to the country.
				add(span{start: i, end: i + m.Tokens, kind: named, place: true, actor: d.actorFor(m.Entry.Name, m.Entry.Type)})
				i += m.Tokens
				continue
			}
			if m.Kind == gazetteer.KindCapital && i > 0 && locatives[strings.ToLower(words[i-1])] {
				// "talks in Oslo": the city as a place, not its government,
				// and no mention of it; the relation finder decides whether a
				// deed done there ("imposed a curfew in Abidjan") targets it.
				add(span{start: i, end: i + m.Tokens, kind: named, place: true, actor: d.actorFor(m.Entry.Name, m.Entry.Type)})
				i += m.Tokens
				continue
			}
			if m.Kind == gazetteer.KindDemonym {
				// A demonym is an actor only before an agent noun or an
				// organisation name: "Russian forces", "the Ukrainian Air Force",
				// or coordinated with one that is: "French and Egyptian warships".
				n := demonymHead(words, toks, i+m.Tokens)
				if n == 0 && d.coordinatedDemonym(words, toks, i+m.Tokens) {
					add(span{start: i, end: i + m.Tokens, kind: named, actor: d.actorFor(m.Entry.Name, m.Entry.Type)})
					i += m.Tokens
					continue
				}
				if n == 0 {
					if k := attributiveHead(words, toks, i+m.Tokens); k > 0 && i+m.Tokens+k <= len(words) {
						add(span{start: i, end: i + m.Tokens, kind: named, attributive: true, actor: d.actorFor(m.Entry.Name, m.Entry.Type)})
					}
					i += m.Tokens
					continue
				}
				add(span{start: i, end: i + m.Tokens + n, kind: named, actor: d.actorFor(m.Entry.Name, m.Entry.Type)})
				i += m.Tokens + n
				continue
			}
			if m.Ambiguous && (i > 0 && isCapitalised(words[i-1]) && toks[i-1].Tag == "NNP" ||
				i+m.Tokens < len(words) && isCapitalised(words[i+m.Tokens]) && toks[i+m.Tokens].Tag == "NNP") {
				// "Michael Jordan", "Georgia Meloni": part of a person's name.
				i += m.Tokens
				continue
			}
			// A leading "the" counted by the gazetteer is not part of the mention.
			st := i
			if strings.EqualFold(words[i], "the") {
				st++
			}
			end := i + m.Tokens
			for m.Entry.Type == news.Org && end < len(words) && orgWords[words[end]] {
				end++ // "the Fatah Party", "the Hamas Movement": the same organisation
			}
			if st < end {
				add(span{start: st, end: end, kind: named, building: m.Kind == gazetteer.KindInstitution, actor: d.actorFor(m.Entry.Name, m.Entry.Type)})
			}
			i = end
			continue
		}
		if a := d.leader(w); a != nil && i+1 < len(words) && agentHeads[words[i+1]] {
			// "Vietnamese-led forces", "US-led troops": the leading country acts.
			add(span{start: i, end: i + 2, kind: named, actor: a})
			i += 2
			continue
		}
		if n := d.factionHead(words, toks, i); n > 0 {
			// "Shona rebels", "the main Hutu rebel group": a faction
			// acts under its own name.
			name := w
			for k := i + 1; k <= i+n; k++ {
				if k == i+n || toks[k].Tag == "NN" {
					name += " " + strings.ToLower(words[k]) // "Hutu rebel group", not "Ibo traditional elders"
				}
			}
			add(span{start: i, end: i + n + 1, kind: named, actor: d.actorFor(name, news.Org)})
			i += n + 1
			continue
		}
		if productNames[w] {
			i++ // "Kalibr missiles": a weapon, not an actor
			continue
		}
		if isCapitalised(w) && isProperTag(toks[i].Tag) || titleWords[w] && isCapitalised(w) {
			if n, sp, ok := d.person(words, toks, i, ""); ok {
				add(sp)
				i += n
				continue
			}
			if n, sp, ok := d.organisation(words, toks, i); ok {
				add(sp)
				i += n
				continue
			}
			// "the Bush administration": the government of a leader named
			// by surname is an actor of its own.
			if i+1 < len(words) && (words[i+1] == "administration" || words[i+1] == "government") && isNameWord(w) && !notNames[w] && toks[i].Tag == "NNP" {
				add(span{start: i, end: i + 2, kind: named, actor: d.actorFor(w+" "+words[i+1], news.Org)})
				i += 2
				continue
			}
			// A lone capitalised word: decided once the whole article is read.
			if !notNames[w] && isNameWord(w) && (i+1 >= len(words) || !isCapitalised(words[i+1]) || isPossessive(words[i+1])) {
				add(span{start: i, end: i + 1, kind: candidate, word: cleanName(w), askModel: true})
			}
			i += d.properRun(words, toks, i)
			continue
		}
		i++
	}
}

// pronounSubject reports whether the pronoun at i ("it", "they") is the
// subject of a verb that follows ("it will support", "they had agreed"),
// and not an empty "it" ("it is likely that", "it seems").
func pronounSubject(words []string, toks []tokenT, i int) bool {
	j := i + 1
	for j < len(toks) && (toks[j].Tag == "RB" || toks[j].Tag == "MD") {
		j++
	}
	if j >= len(toks) || !isVerbTag(toks[j].Tag) {
		return false
	}
	if strings.EqualFold(words[i], "it") {
		v := strings.ToLower(words[j])
		if v == "seems" || v == "seemed" || v == "appears" || v == "appeared" || v == "remains" || v == "emerged" {
			return false
		}
		if (v == "is" || v == "was" || v == "would" || v == "will") && j+1 < len(toks) {
			k := j + 1
			if strings.EqualFold(words[k], "be") || strings.EqualFold(words[k], "not") {
				k++
			}
			if k < len(toks) && (toks[k].Tag == "JJ" || toks[k].Tag == "DT" || toks[k].Tag == "RB" || toks[k].Tag == "VBN") &&
				!agentAdjectives[strings.ToLower(words[k])] {
				return false // "it is likely", "it was a mistake", "it was reported"
			}
		}
	}
	return true
}

// titleMention matches "the [former] [Russian|US|Ukraine's] president" not
// followed by a name, returning its length, title head and affiliation.
func (d *document) titleMention(words []string, toks []tokenT, i int) (int, string, string, bool) {
	// "the Russian president", or after a possessive "Trump's special
	// envoy" (the possessor is a span of its own).
	// "his Russian counterpart": whoever holds the role for that country.
	counterpart := (words[i] == "his" || words[i] == "her") && i+2 < len(words) && strings.EqualFold(words[i+2], "counterpart")
	if !strings.EqualFold(words[i], "the") && !(isPossessive(words[i]) && i > 0 && isCapitalised(words[i-1])) && !counterpart {
		return 0, "", "", false
	}
	j := i + 1
	for j < len(words) && (strings.EqualFold(words[j], "former") || strings.EqualFold(words[j], "then")) {
		j++
	}
	aff := ""
	if j < len(words) {
		if m, ok := d.x.gaz.MatchWords(words, j); ok && m.Kind != gazetteer.KindInstitution {
			aff = news.ActorID(m.Entry.Name)
			j += m.Tokens
			if j < len(words) && isPossessive(words[j]) {
				j++
			}
		}
	}
	// Modifiers like "foreign", "prime", "deputy" before the head.
	for j < len(words) && titleWords[capitalise(words[j])] && !titleHeads[strings.ToLower(words[j])] {
		j++
	}
	if counterpart {
		if aff == "" || j >= len(words) || !strings.EqualFold(words[j], "counterpart") {
			return 0, "", "", false
		}
		return j + 1 - i, "counterpart", aff, true
	}
	if j >= len(words) || !titleHeads[strings.ToLower(words[j])] {
		return 0, "", "", false
	}
	head := strings.ToLower(words[j])
	j++
	if j < len(words) && isCapitalised(words[j]) && isProperTag(toks[j].Tag) {
		return 0, "", "", false // "the Russian President Vladimir Putin": a named mention
	}
	if aff == "" && (head == "official" || head == "diplomat" || head == "lawmaker" || head == "head") {
		return 0, "", "", false // too vague to resolve
	}
	return j - i, head, aff, true
}

// person parses "[Title…] Name Name" or "[role noun] Name Name" starting at
// i. affiliation is the place already read before it, if any.
func (d *document) person(words []string, toks []tokenT, i int, affiliation string) (int, span, bool) {
	j := i
	title := ""
	titled := false
	// Unknown place before a title: "Kremenchuk Mayor Vitaliy Maletsk".
	if affiliation == "" && j+1 < len(words) && isCapitalised(words[j]) && !titleWords[words[j]] &&
		titleWords[words[j+1]] && titleHeadAhead(words, j+1) {
		affiliation = news.ActorID(words[j])
		j++
	}
	for j < len(words) {
		w := words[j]
		lw := strings.ToLower(w)
		switch {
		case titleWords[w] && isCapitalised(w):
			titled = true
		case roleNouns[lw] && !isCapitalised(w), lw == "lead" || lw == "chief" || lw == "special" || lw == "top" || lw == "senior" || lw == "foreign" || lw == "former":
			if !roleNouns[lw] {
				j++
				continue
			}
			titled = true
		case w == "of" && titled && j+1 < len(words) && titleWords[words[j+1]]:
			// "Secretary of State"
		default:
			goto name
		}
		if titleHeads[lw] {
			title = lw
		}
		j++
	}
name:
	k := j
	for k < len(words) && k-j < 5 && isCapitalised(words[k]) && isNameWord(words[k]) && !notNames[words[k]] &&
		!orgWords[words[k]] && (isProperTag(toks[k].Tag) || k > j) {
		if _, ok := d.x.gaz.MatchWords(words, k); ok && k > j {
			break // "Putin Moscow": a place after the name is not part of it
		}
		if k > j && d.surnames[strings.ToLower(cleanName(words[k]))] && d.surnames[strings.ToLower(cleanName(words[k-1]))] {
			break // "Trump Putin": two known surnames, two people
		}
		k++
	}
	if k == j || k < len(words) && (orgWords[words[k]] || placeWords[words[k]]) {
		return 0, span{}, false // "Coral Bay Front", "Joint Base": an organisation or a place, not a person
	}
	for t := j; t < k; t++ {
		// "Black Sea", "Joint Base Elmendorf-Richardson", "St Petersburg",
		// "EDITOR"; a place word first is a surname ("Dam Thi").
		if placeWords[words[t]] && (t > j || words[t] == "St" || words[t] == "St.") || isShouted(words[t]) {
			return 0, span{}, false
		}
	}
	nameToks := words[j:k]
	hasPersonLabel := false
	if !titled && k-j >= 2 {
		d.label(toks, j, k)
		for t := j; t < k; t++ {
			if isPersonLabel(toks[t].Label) {
				hasPersonLabel = true
			}
		}
	}
	if !titled && !(hasPersonLabel && len(nameToks) >= 2) {
		return 0, span{}, false
	}
	if !titled && affiliation != "" {
		return 0, span{}, false // "Russia Vladimir" is no construction we know
	}
	// A lone word after a title is a surname ("President Putin"): resolved
	// later like any candidate, but known to be a person.
	if len(nameToks) == 1 {
		sp := span{start: i, end: k, kind: candidate, word: cleanName(nameToks[0]), nerPerson: true,
			title: title, affiliation: affiliation}
		return k - i, sp, true
	}
	a := d.actorFor(joinName(nameToks), news.Person)
	if a == nil {
		return 0, span{}, false
	}
	if a.title == "" && title != "" {
		a.title, a.affiliation = title, affiliation
	}
	return k - i, span{start: i, end: k, kind: named, actor: a}, true
}

// organisation parses a run of capitalised words holding an organisation
// word ("Defence Ministry", "Wagner Group") or labelled as an organisation.
func (d *document) organisation(words []string, toks []tokenT, i int) (int, span, bool) {
	k := i
	hasOrgWord := false
	for k < len(words) && k-i < 8 {
		w := words[k]
		if isCapitalised(w) && isNameWord(w) {
			if orgWords[w] {
				hasOrgWord = true
			}
			k++
			continue
		}
		// "Ministry of Defence", "Bank of England"
		if (w == "of" || w == "for" || w == "and") && k > i && k+1 < len(words) && isCapitalised(words[k+1]) {
			k++
			continue
		}
		// "Movement for the Actualization of the Sovereign State of Biafra"
		if (w == "of" || w == "for") && hasOrgWord && k+2 < len(words) && words[k+1] == "the" && isCapitalised(words[k+2]) {
			k += 2
			continue
		}
		break
	}
	for k > i && !isCapitalised(words[k-1]) {
		k--
	}
	if k > i && placeWords[words[k-1]] {
		return 0, span{}, false // "Esfahan Uranium Conversion Facilities": a place
	}
	st := i
	for st < k && notNames[words[st]] {
		st++
	}
	if st >= k {
		return 0, span{}, false
	}
	n := k - st
	if n == 1 && orgWords[words[st]] {
		return 0, span{}, false // "the Party", "the Council": no name
	}
	isAbbrev := n == 1 && len(words[st]) >= 2 && strings.ToUpper(words[st]) == words[st]
	if !hasOrgWord {
		// Without an organisation word, only the entity model can tell
		// an organisation ("Amnesty International") from other names.
		if n < 2 && !isAbbrev {
			return 0, span{}, false
		}
		d.label(toks, i, k)
		hasOrgLabel := false
		for t := i; t < k; t++ {
			hasOrgLabel = hasOrgLabel || strings.HasSuffix(toks[t].Label, "ORGANIZATION")
		}
		if !hasOrgLabel {
			return 0, span{}, false
		}
	}
	a := d.actorFor(joinName(words[st:k]), news.Org)
	if a == nil {
		return 0, span{}, false
	}
	return k - i, span{start: st, end: k, kind: named, actor: a}, true
}

// resolve decides candidates, pronouns and title mentions once every name in
// the article is known: "Putin" becomes "Vladimir Putin" wherever the
// article names him in full; "he" the most recent person; "the Russian
// president" the person introduced with that title.
func (d *document) resolve(sents []sentence) {
	bySurname := map[string][]*actor{}
	for _, a := range d.order {
		// A person introduced by surname and title alone ("President
		// Trump") is named by that surname later too.
		f := strings.Fields(a.name)
		if len(f) >= 2 || len(f) == 1 && a.typ == news.Person {
			last := strings.ToLower(f[len(f)-1])
			bySurname[last] = append(bySurname[last], a)
		}
	}
	var recent []*actor // persons in order of mention
	// groups are the countries and organisations named so far, with the
	// sentence that named them last: "it" and "they" refer to the latest one
	// named in the same or the previous sentence.
	var groups []*actor
	groupSent := map[*actor]int{}
	// firstPerson is the first person each sentence names, usually its
	// subject: "he" prefers the subject of its own sentence, then that of
	// the sentences before.
	firstPerson := map[int]*actor{}
	sentStart := 0 // len(recent) when the sentence before began
	for si := range sents {
		s := &sents[si]
		before := len(recent) // the persons named before this sentence
		prevBefore := sentStart
		sentStart = before
		kept := s.spans[:0]
		if slices.ContainsFunc(s.spans, func(sp span) bool { return sp.kind == pair || sp.kind == pronoun && sp.word == "they" }) {
			kept = make([]span, 0, 2*len(s.spans)) // a pair becomes two spans
		}
		for _, sp := range s.spans {
			switch sp.kind {
			case candidate:
				if as := bySurname[strings.ToLower(sp.word)]; len(as) > 0 {
					sp.actor = latestOf(as, recent)
				} else if sp.nerPerson || sp.askModel && d.modelSaysPerson(s, sp.start) {
					sp.actor = d.actorFor(sp.word, news.Person)
					if sp.actor != nil && sp.actor.title == "" && sp.title != "" {
						sp.actor.title, sp.actor.affiliation = sp.title, sp.affiliation
					}
					if sp.actor != nil {
						// "President Trump ... talk to Trump": the surname
						// names the same person later on.
						w := strings.ToLower(sp.word)
						bySurname[w] = append(bySurname[w], sp.actor)
					}
				}
			case pronoun:
				if sp.word != "" {
					if n := len(groups); n > 0 && si-groupSent[groups[n-1]] <= 1 {
						sp.actor = groups[n-1]
					} else if a, b, ok := onlyTwo(recent[prevBefore:before]); ok && sp.word == "they" {
						// "Trump welcomed Putin. They greeted each other":
						// the two persons, and only they, of the sentence
						// before, when it named no country or group.
						sp.actor = a
						kept = append(kept, sp)
						sp.actor, sp.twin = b, true
						kept = append(kept, sp)
						continue
					}
				} else {
					sp.actor = salientPerson(firstPerson, si, recent, sp.gender)
				}
			case titled:
				sp.actor = byTitle(recent, d.order, sp.title, sp.affiliation)
				if name, typ, ok := strings.Cut(sp.word, "\x00"); ok && sp.actor == nil {
					sp.actor = d.actorFor(name, typ)
				}
			case pair:
				// The two persons named last: "Trump welcomed Putin ... the
				// two leaders met".
				// Two named in this sentence ("Putin's pledge to Trump as
				// the two leaders met"), else the last two of the sentences
				// before: in "Hickling said that as the pair shook hands",
				// the speaker is not one of the pair.
				a, b := lastTwo(recent[before:])
				if a == nil {
					// Not the one this sentence has named already: in
					// "Hickling said that as the pair shook hands", the
					// speaker is no one of the pair.
					here := recent[before:]
					a, b = lastTwo(slices.DeleteFunc(slices.Clone(recent[:before]), func(r *actor) bool {
						return slices.ContainsFunc(here, func(h *actor) bool { return h.canon() == r.canon() })
					}))
				}
				if a == nil {
					continue
				}
				sp.actor = a
				kept = append(kept, sp)
				sp.actor, sp.twin = b, true
				kept = append(kept, sp)
				continue
			}
			sp.actor = sp.actor.canon()
			if sp.actor == nil {
				continue
			}
			if sp.actor.typ == news.Person {
				if sp.actor.gender == 0 && sp.kind != pronoun {
					// "Mrs May", "Queen Rania": the honorific says.
					if g := honorificGender(s.tokens[sp.start].Text); g != 0 {
						sp.actor.gender = g
					} else if sp.start > 0 {
						sp.actor.gender = honorificGender(s.tokens[sp.start-1].Text)
					}
				}
				if _, ok := firstPerson[si]; !ok && !inPhrase(s.tokens, sp.start) {
					firstPerson[si] = sp.actor
				}
				if sp.kind != pronoun {
					recent = append(recent, sp.actor)
				}
			}
			if sp.actor.typ != news.Person && sp.kind != pronoun && !sp.attributive && !sp.place {
				groups = append(groups, sp.actor)
				groupSent[sp.actor] = si
			}
			kept = append(kept, sp)
		}
		s.spans = kept
	}
}

// pairMentions are the words after "the two" or "both" that refer to two
// persons named before: "the two leaders met".
var pairMentions = setOf("leaders", "presidents", "men", "women", "heads", "ministers", "envoys")

// pairMention returns the length of a mention of two persons at i ("the
// two leaders", "both leaders", "the pair"), or 0.
func pairMention(words []string, i int) int {
	w := strings.ToLower(words[i])
	switch {
	case w == "the" && i+1 < len(words) && words[i+1] == "pair":
		return 2
	case w == "the" && i+2 < len(words) && words[i+1] == "two" && pairMentions[words[i+2]]:
		return 3
	case w == "both" && i+1 < len(words) && pairMentions[words[i+1]]:
		return 2
	}
	return 0
}

// lastTwo returns the two most recent distinct persons, latest first, or
// nils when fewer than two were named.
// onlyTwo returns the two persons of recent when it names exactly two
// different ones.
func onlyTwo(recent []*actor) (*actor, *actor, bool) {
	var a, b *actor
	for _, r := range recent {
		r = r.canon()
		switch {
		case a == nil || r == a:
			a = r
		case b == nil || r == b:
			b = r
		default:
			return nil, nil, false
		}
	}
	return a, b, b != nil
}

func lastTwo(recent []*actor) (*actor, *actor) {
	var first *actor
	for i := len(recent) - 1; i >= 0; i-- {
		a := recent[i].canon()
		switch {
		case first == nil:
			first = a
		case a != first:
			return a, first
		}
	}
	return nil, nil
}

// inPhrase reports whether the mention starting at token i sits in a
// prepositional phrase ("addressed to the Russian president"), where it is
// seldom what a later pronoun refers to.
func inPhrase(toks []tokenT, i int) bool {
	// "In an interview with former Fox News host Tucker Carlson, Putin
	// said he ...": titles and common nouns may stand between.
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := toks[k]
		switch {
		case t.Tag == "IN" || t.Tag == "TO":
			return !subordinators[strings.ToLower(t.Text)]
		case t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "NNP" || t.Tag == "PRP$" || t.Tag == "NN" || t.Tag == "POS":
			continue
		default:
			return false
		}
	}
	return false
}

// salientPerson picks the person a "he" or "she" in sentence si refers to:
// the first person named earlier in the same sentence ("Trump's
// disapproval was evident as he told Putin"), else the first person of the
// nearest sentence before that names one (usually its subject), else the
// most recently named person.
//
// gender is the pronoun's ('f' for "she", 'm' for "he"); a person known to
// be of the other gender is passed over.
func salientPerson(firstPerson map[int]*actor, si int, recent []*actor, gender byte) *actor {
	fits := func(a *actor) bool {
		a = a.canon()
		return a.gender == 0 || gender == 0 || a.gender == gender
	}
	for k := si; k >= 0 && si-k <= 3; k-- {
		if a := firstPerson[k]; a != nil && fits(a) {
			return a
		}
	}
	for i := len(recent) - 1; i >= 0; i-- {
		if fits(recent[i]) {
			return recent[i]
		}
	}
	return nil
}

// latestOf picks, among persons sharing a surname, the one mentioned most
// recently, or the first introduced.
func latestOf(as, recent []*actor) *actor {
	for i := len(recent) - 1; i >= 0; i-- {
		for _, a := range as {
			if recent[i] == a {
				return a
			}
		}
	}
	return as[0]
}

// byTitle finds the person a title mention refers to: the most recent
// person with that title head and affiliation; failing that, any person in
// the article introduced so.
func byTitle(recent, all []*actor, title, affiliation string) *actor {
	match := func(a *actor) bool {
		// A counterpart is the person of that country in the story,
		// whatever the title they were introduced with.
		return (a.title == title || title == "counterpart" && a.typ == news.Person) && (affiliation == "" || a.affiliation == affiliation)
	}
	for i := len(recent) - 1; i >= 0; i-- {
		if match(recent[i]) {
			return recent[i]
		}
	}
	for _, a := range all {
		if match(a) {
			return a
		}
	}
	return nil
}

// coordinatedDemonym reports whether the words at i join a demonym to
// another that has an agent head: "and Egyptian warships" after "French",
// "and Greek sides" after "Turkish".
func (d *document) coordinatedDemonym(words []string, toks []tokenT, i int) bool {
	if i+1 >= len(words) || (words[i] != "and" && words[i] != "or" && words[i] != ",") {
		return false
	}
	m, ok := d.x.gaz.MatchWords(words, i+1)
	return ok && m.Kind == gazetteer.KindDemonym && demonymHead(words, toks, i+1+m.Tokens) > 0
}

// demonymHead returns how many words after a demonym make it an actor
// phrase: an agent noun ("forces"), or a capitalised organisation name
// ("Air Force", "Defense Ministry").
func demonymHead(words []string, toks []tokenT, i int) int {
	if i >= len(words) {
		return 0
	}
	if lw := strings.ToLower(words[i]); (agentHeads[lw] || actionNouns[lw]) && !isCapitalised(words[i]) {
		if modifierHeads[lw] && (i+1 >= len(words) || !isNounTag(toks[i+1].Tag)) {
			return 0 // "the Chilean border" is a place; "Chilean border guards" act
		}
		return 1
	}
	// "a Senegalese peace plan", "Irish nationalist guerrillas", "Russian
	// civilian advisers": up to two lower-case modifiers before the head.
	for k := i; k < i+2 && k+1 < len(words) && isModifier(words[k], toks[k].Tag); k++ {
		if lw := strings.ToLower(words[k+1]); (agentHeads[lw] || actionNouns[lw]) && !isCapitalised(words[k+1]) {
			return k + 2 - i
		}
	}
	k := i
	org := false
	for k < len(words) && k-i < 4 && isCapitalised(words[k]) && isNameWord(words[k]) {
		if orgWords[words[k]] || agentHeads[strings.ToLower(words[k])] {
			org = true
		}
		k++
	}
	if org {
		return k - i
	}
	return 0
}

// isModifier reports whether a word tagged tag can modify a noun head
// inside a noun phrase: a lower-case adjective, noun or participle.
func isModifier(w, tag string) bool {
	if isCapitalised(w) {
		return false
	}
	switch tag {
	case "JJ", "NN", "VBN", "VBG":
		return true
	}
	return false
}

// leader returns the country that leads in a compound like "Vietnamese-led"
// or "US-led", or nil.
func (d *document) leader(w string) *actor {
	prefix, ok := strings.CutSuffix(w, "-led")
	if !ok || prefix == "" {
		return nil
	}
	m, ok := d.x.gaz.MatchWords([]string{prefix}, 0)
	if !ok || m.Tokens != 1 || m.Entry.Type != news.GPE && m.Entry.Type != news.Org {
		return nil
	}
	return d.actorFor(m.Entry.Name, m.Entry.Type)
}

// factionHead returns how many words after a capitalised word at i make it
// a faction ("Shona rebels", "Ibo traditional elders"), or 0. The word
// must be a proper adjective or noun: tagged as a proper noun, or
// capitalised inside the sentence, or a known faction adjective.
func (d *document) factionHead(words []string, toks []tokenT, i int) int {
	w := words[i]
	if !isCapitalised(w) || !isNameWord(w) || notNames[w] || titleWords[w] {
		return 0
	}
	if !factionAdjectives[w] {
		if !isProperTag(toks[i].Tag) && (i == 0 || toks[i].Tag != "JJ") {
			return 0
		}
		// At the start of a sentence or headline any word is capitalised:
		// "Armed group seizes ..." names no faction.
		if lw := strings.ToLower(w); i == 0 && d.x.lemmas.IsBase(d.x.lemmas.Verb(lw)) {
			return 0
		}
	}
	for k := i + 1; k < len(words) && k <= i+3; k++ {
		if factionHeads[words[k]] {
			return k - i
		}
		if !isModifier(words[k], toks[k].Tag) {
			return 0
		}
	}
	return 0
}

// attributiveHead returns how many words after a demonym make the noun it
// describes ("towns", "civilian targets"), or 0: at most two lower-case
// modifiers, then a common noun that is not a time or an agent.
func attributiveHead(words []string, toks []tokenT, i int) int {
	for k := i; k < len(words) && k < i+3; k++ {
		t := toks[k]
		if isCapitalised(words[k]) {
			return 0
		}
		if (t.Tag == "NN" || t.Tag == "NNS") && (k+1 >= len(words) || !isNounTag(toks[k+1].Tag) || isCapitalised(words[k+1]) ||
			timeNouns[strings.ToLower(words[k+1])]) {
			if timeNouns[strings.ToLower(words[k])] {
				return 0
			}
			return k + 1 - i
		}
		if !isModifier(words[k], t.Tag) {
			return 0
		}
	}
	return 0
}

// properRun returns the length of the run of capitalised words at i, at
// least 1, stopping before a gazetteer name.
func (d *document) properRun(words []string, toks []tokenT, i int) int {
	k := i + 1
	for k < len(words) && isCapitalised(words[k]) && isProperTag(toks[k].Tag) {
		if _, ok := d.x.gaz.MatchWords(words, k); ok {
			break // "NATO-member Norway": the known name starts a mention of its own
		}
		k++
	}
	return k - i
}

func titleHeadAhead(words []string, j int) bool {
	for ; j < len(words) && titleWords[words[j]]; j++ {
		if titleHeads[strings.ToLower(words[j])] {
			return true
		}
	}
	return false
}

func isProperTag(t string) bool { return t == "NNP" || t == "NNPS" }

func isPersonLabel(l string) bool { return strings.HasSuffix(l, "PERSON") }

// isNameWord reports whether w can be part of a name: letters with
// hyphens, apostrophes or dots (initials), at least one letter.
func isNameWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '\'' || r == '’' || r == '.':
		default:
			return false
		}
	}
	return letters > 0
}

// cleanName trims punctuation a tokenizer may leave on a name.
func cleanName(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' })
}

func joinName(ws []string) string {
	parts := make([]string, 0, len(ws))
	for _, w := range ws {
		if c := cleanName(w); c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, " ")
}

func capitalise(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// cityInName reports whether a city match at i is only part of a longer
// name that a capitalised word after it continues: "Basra Oil Company",
// "New York Times". Other recognisers then read the name.
func cityInName(words []string, toks []tokenT, i int, m gazetteer.Match) bool {
	k := i + m.Tokens
	return m.Kind == gazetteer.KindCity && k < len(words) && isCapitalised(words[k]) && toks[k].Tag == "NNP"
}
