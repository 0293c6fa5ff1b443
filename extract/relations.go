package extract

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"

	"github.com/newsgraph/newsgraph/news"
)

type tokenT = token.Token

// maxGap bounds how many tokens may separate a verb from its subject or
// object. Longer gaps in news sentences are mostly other clauses.
const maxGap = 14

// clause is what relations reads off one sentence: the owner span of each
// token (-1 for none).
type clause struct {
	// sharedVerb is set by subjects to the earlier verb a verb shares its
	// subject with ("must abandon X and recognize Y"), else -1: its
	// modals and negation apply to both.
	sharedVerb int
	x          *Extractor
	s          *sentence
	toks       []tokenT
	owner      []int
	// described maps each token to the attributive span it belongs to
	// ("Iraqi" in "Iraqi towns"), or -1. Those spans are kept out of owner:
	// only objects reads them.
	described []int
}

// relations finds the triples of one sentence.
func (x *Extractor) relations(a news.Article, s *sentence) []news.Triple {
	if len(s.spans) < 2 {
		return nil
	}
	c := x.newClause(s)
	var out []news.Triple
	seen := map[string]bool{}
	emit := func(r relation) {
		for _, subj := range r.subjects {
			for _, obj := range r.objects {
				sa, oa := s.spans[subj].actor, s.spans[obj].actor
				if sa == nil || oa == nil || sa.id == oa.id {
					continue
				}
				key := sa.id + "\x00" + r.predicate + "\x00" + oa.id
				if seen[key] {
					continue
				}
				seen[key] = true
				conf := r.confidence
				if s.spans[subj].kind != named || s.spans[obj].kind != named {
					conf *= 0.85
				}
				out = append(out, x.triple(a, s, sa, oa, r, conf, c.head(s.spans[subj])))
			}
		}
	}
	for v := range c.toks {
		if c.owner[v] >= 0 || !isVerbTag(c.toks[v].Tag) {
			continue
		}
		for _, r := range x.verbRelations(&c, v) {
			emit(r)
		}
	}
	for _, r := range c.nominalRelations() {
		r.hypo = c.hypothetical(c.s.spans[r.subjects[0]].start, c.s.spans[r.subjects[0]].start)
		emit(r)
	}
	return out
}

// newClause prepares a sentence for reading: who owns each token, and the
// verbs the tagger misread re-tagged.
func (x *Extractor) newClause(s *sentence) clause {
	c := clause{x: x, s: s, toks: s.tokens, owner: make([]int, len(s.tokens)), described: make([]int, len(s.tokens))}
	for i := range c.owner {
		c.owner[i], c.described[i] = -1, -1
	}
	for si, sp := range s.spans {
		for t := sp.start; t < sp.end; t++ {
			if sp.attributive {
				c.described[t] = si
			} else {
				c.owner[t] = si
			}
		}
	}
	x.retagVerbs(&c)
	return c
}

// retagVerbs corrects a common tagger fault on news text: right after a
// name, especially at the start of a sentence or headline, a verb is often
// tagged as an adjective or noun ("Norway/RB urged/JJ Ukraine",
// "Russia attacks/NNS Ukraine"). A known verb form right after an actor and
// before a noun phrase is re-tagged as a finite verb.
func (x *Extractor) retagVerbs(c *clause) {
	for v := 1; v+1 < len(c.toks); v++ {
		t := &c.toks[v]
		if c.owner[v] >= 0 || isVerbTag(t.Tag) {
			continue
		}
		// The actor may be followed by an adverb ("sexually abused") or
		// by the agent noun it modifies ("U.S. border patrol agents").
		a := v - 1
		for a > 0 && c.toks[a].Tag == "RB" && c.owner[a] < 0 {
			a--
		}
		if c.owner[a] < 0 && agentHeads[c.wordAt(a)] {
			for k := a - 1; k >= 0 && k >= a-3; k-- {
				if c.owner[k] >= 0 {
					a = k
					break
				}
				if c.toks[k].Tag != "NN" && c.toks[k].Tag != "NNS" {
					break
				}
			}
		}
		if c.owner[a] < 0 {
			continue
		}
		if t.Tag != "JJ" && t.Tag != "NN" && t.Tag != "NNS" && t.Tag != "RB" {
			continue
		}
		next := c.toks[v+1]
		w := strings.ToLower(t.Text)
		// A past tense the lemmatiser knows as irregular ("undertook")
		// is a verb before a bare noun phrase too.
		pastForm := x.lemmas.Irregular(w) && t.Tag == "JJ"
		if c.owner[v+1] < 0 && next.Tag != "DT" && next.Tag != "PRP$" && next.Tag != "IN" && next.Tag != "TO" && next.Tag != "PRP" &&
			!(pastForm && (next.Tag == "NN" || next.Tag == "NNS" || next.Tag == "JJ")) {
			continue
		}
		if st := c.s.spans[c.owner[a]].start; st > 0 {
			if p := c.toks[st-1].Tag; p == "IN" || p == "TO" || p == "DT" || p == "PRP$" || p == "JJ" {
				continue // "from Kremlin talks with": the name is inside a phrase, not a subject
			}
		}
		lem := x.lemmas.Verb(w)
		if !x.lemmas.IsBase(lem) {
			continue
		}
		if lem == w {
			// A base form is a present tense only after a plural subject:
			// "Trump and Putin meet on the tarmac".
			if st := c.s.spans[c.owner[a]].start; a == v-1 && st >= 2 && c.wordAt(st-1) == "and" && c.owner[st-2] >= 0 {
				t.Tag = "VBP"
			}
			continue
		}
		switch {
		case strings.HasSuffix(w, "ed") || pastForm:
			t.Tag = "VBD"
		case strings.HasSuffix(w, "s"):
			t.Tag = "VBZ"
		}
	}
}

// relation is one verb's reading: who does what to whom.
type relation struct {
	subjects, objects []int // span indexes
	predicate, noun   string
	negated, hypo     bool
	// event overrides the predicate's event type when the verb that
	// governs it decides: "agreed to withdraw" is an agreement, "refused to
	// meet" a rejection.
	event      string
	confidence float64
	// promise marks a cooperative deed announced for the future ("will
	// support", "would release"): PLOVER codes the commitment as AGREE.
	promise bool
	via     string // the preposition before the object ("against" in "defend against X")
}

// verbRelations reads the relation a verb at v expresses, if any.
func (x *Extractor) verbRelations(c *clause, v int) []relation {
	toks := c.toks
	text := strings.TrimLeft(toks[v].Text, "`'\"“‘")
	if r, _ := utf8.DecodeRuneInString(text); !unicode.IsLetter(r) {
		return nil
	}
	lem := x.lemmas.Verb(text)
	if text != toks[v].Text && !x.lemmas.IsBase(lem) {
		return nil // "``without": a quotation mark glued to a word the tagger took for a verb
	}
	if lem == "accord" || toks[v].Tag == "VBG" && v+1 < len(toks) && (toks[v+1].Tag == "NN" || toks[v+1].Tag == "NNS") && c.owner[v+1] < 0 && !x.beforeIsAux(c, v) {
		return nil // "according to", "a Kremlin talking point"
	}
	if isAuxiliary(lem) && x.verbFollows(c, v) {
		return nil
	}
	if lem == "have" && c.wordAt(v+1) == "to" {
		return nil // "would have to give up": the inner verb's relation
	}
	passive := toks[v].Tag == "VBN" && x.beforeIsBe(c, v)
	// The tagger often reads a past tense right after a name as a
	// participle ("Norway urged"); a participle right after its subject is
	// taken as the past tense.
	afterActor := v > 0 && c.owner[v-1] >= 0
	purpose := -1 // the main verb of a purpose clause: "went on strike to protest X"
	if purposeVerbs[lem] && !afterActor && (toks[v].Tag == "VBG" && !x.beforeIsAux(c, v) || toks[v].Tag == "VB" && v > 0 && toks[v-1].Tag == "TO") {
		purpose = c.mainVerb(v)
	}
	if purpose < 0 && !passive && !afterActor && (toks[v].Tag == "VBN" || toks[v].Tag == "VBG") && !x.beforeIsAux(c, v) && !(v > 0 && toks[v-1].Text == ",") {
		return nil // adjectival participle: "negotiating team", "US-led talks"
	}
	var subjects []int
	subjStart := 0
	governor := "" // event type the controlling word imposes
	c.sharedVerb = -1
	defer func() { c.sharedVerb = -1 }()
	if purpose >= 0 {
		// "staged a hunger strike to protest X", "blocked roads demanding
		// that X resign": the purpose is the main clause subject's, and a
		// demand made by protesting is a protest.
		if subjects, subjStart = c.subjects(purpose); len(subjects) == 0 {
			return nil
		}
		main := x.lemmas.Verb(toks[purpose].Text)
		if ev, _, _, _ := classify(main, c.objects(purpose).noun); ev == Protest || protestActs[main] || protestVerbs[main] && protestNouns(c, purpose) {
			governor = Protest
		}
	} else if toks[v].Tag == "VB" && v > 0 && toks[v-1].Tag == "TO" {
		// An infinitive's subject is the controlling verb's subject or
		// object ("urged Putin to halt"), which the controlling verb reads;
		// after a raising word it is the subject of the clause ("are
		// scheduled to meet", "is ready to talk").
		t := v - 2
		for t >= 0 && toks[t].Tag == "RB" {
			t--
		}
		if t < 0 || !raisingWords[c.wordAt(t)] {
			return nil
		}
		if governor = controllerEvents[c.wordAt(t)]; governor == "" {
			governor = controllerEvents[x.lemmas.Verb(c.wordAt(t))]
		}
		if subjects, subjStart = c.subjects(t); len(subjects) == 0 {
			return nil
		}
	} else if subjects, subjStart = c.subjects(v); len(subjects) == 0 {
		return nil
	}
	head := c.sharedVerb
	if r, ok := x.complement(c, v, lem, subjects); ok {
		r.negated = c.negated(subjStart, v)
		r.hypo = c.hypothetical(subjStart, v)
		return []relation{r}
	}
	if reportingVerbs[lem] && lem != "have" {
		// "X said ..." is speech, not a relation; but "X plans to visit Y"
		// and "X wants to meet Y" carry the inner verb's relation.
		inner := c.controlled(v)
		switch {
		case inner < 0 && lightVerbs[lem] && v+1 < len(toks) && toks[v+1].Tag != "IN" && c.wordAt(v+1) != "that":
			// "continued their attacks on", "announced sanctions on": the
			// noun carries the relation.
		case inner < 0 || reportingVerbs[x.lemmas.Verb(toks[inner].Text)]:
			return nil
		default:
			if governor = controllerEvents[lem]; governor == "" {
				governor = controllerEvents[c.wordAt(inner-2)] // "is willing to send"
			}
			v, lem = inner, x.lemmas.Verb(toks[inner].Text)
		}
	}
	if passive && statePassives[lem] && c.wordAt(v+1) == "to" && len(c.byAgent(v)) == 0 {
		// "Israel is opposed to French mediation": a state, read actively.
		passive = false
	}
	r := relation{confidence: 0.9}
	if passive {
		agents := c.byAgent(v)
		if len(agents) == 0 {
			return nil
		}
		r.subjects, r.objects = agents, subjects
		r.confidence = 0.8
	} else {
		o := c.objects(v)
		r.subjects, r.objects, r.noun, r.via = subjects, o.spans, o.noun, o.via
		if o.prep != "" {
			if particleVerbs[lem+" "+o.prep] {
				lem = lem + " " + o.prep
			} else if particleVerbs[lem+" "+o.prep+" "+c.wordAt(v+2)] {
				lem = lem + " " + o.prep + " " + c.wordAt(v+2)
			}
		}
		switch {
		case (lem == "accept" || lem == "meet" || lem == "grant") && yieldNouns[o.noun]:
			governor = Concede // "accepted demands from the rebels"
		case haltVerbs[lem] && coopEvents[nounEvents[o.noun]]:
			// "halted economic aid to Serbia", "suspended talks with":
			// cooperation withdrawn is a sanction.
			governor = Sanction
		case (lem == "open" || lem == "set") && o.noun == "fire":
			// "opened fire on protesters", "set fire to the offices".
			lem = lem + " fire"
		case protestVerbs[lem] && (o.noun == "strike" || nounEvents[o.noun] == Protest):
			// "staged a hunger strike against X", "held rallies against X".
			lem = "protest"
		case o.nounPred != "" && (motionVerbs[lem] || verbEvents[lem] == "") && !o.controlled:
			// "returned from Kremlin talks with Putin": the noun that
			// introduces the object names the relation.
			lem = o.nounPred
		case lightVerbs[lem] && verbEvents[lem] == "" && nounPredicate(o.noun) != "" && len(o.spans) == 0:
			// "Putin and Macron held a telephone call".
			lem = nounPredicate(o.noun)
		}
		if arrivalVerbs[lem] && (o.via == "in" || o.via == "to" || o.via == "at") && o.nounPred == "" {
			lem = "visit" // "arrived in Amman": a visit to Jordan
		}
		if topicVerbs[lem] && o.via != "with" {
			// "discussed Iran and Ukraine": topics, not partners.
			r.objects = nil
		}
		ev, _, _, _ := classify(lem, o.noun)
		cond, unless := c.conditionSubject(v)
		switch {
		case cond < 0 || slices.Contains(r.objects, cond) || slices.Contains(subjects, cond):
		case ev == Threaten:
			// "threatened to stop talks if the United States goes ahead":
			// the condition's subject is the one threatened.
			r.objects = append(r.objects, cond)
		case unless:
			// "will withdraw its force unless Chad holds elections": a
			// deed made to depend on another's is a threat to them.
			r.objects = append(r.objects, cond)
			governor = Threaten
		}
		if len(r.objects) == 0 && len(subjects) >= 2 && o.reciprocal {
			// "Russia and Ukraine continued their attacks against each
			// other": each on each (emit skips an actor on itself).
			r.objects = subjects
		}
		if len(r.objects) == 0 && len(subjects) >= 2 {
			// "Trump and Putin met": a symmetric event between the subjects.
			if ev, _, _, sym := classify(lem, o.noun); ev != "" && sym || o.joint {
				r.subjects, r.objects = subjects[:1], subjects[1:]
			}
		}
		r.confidence -= 0.02 * float64(o.gap)
	}
	if len(r.objects) == 0 {
		return nil
	}
	r.predicate = lem
	r.event = governor
	r.negated = c.negated(subjStart, v) || head >= 0 && c.negated(subjStart, head)
	r.hypo = c.hypothetical(subjStart, v) || head >= 0 && c.hypothetical(subjStart, head)
	r.promise = c.promised(subjStart, v)
	if len(r.subjects) > 1 || len(r.objects) > 1 {
		r.confidence *= 0.95
	}
	return []relation{r}
}

// complement reads a relation whose target is the subject of a "that"
// clause: "X demanded that Y end curbs" (X demand Y), "X alleged that Y used
// drones" (X accuse Y), and "X said Y must withdraw" (X demand Y).
func (x *Extractor) complement(c *clause, v int, lem string, subjects []int) (relation, bool) {
	kind, ok := complementVerbs[lem]
	i := v + 1
	if n := c.demandNoun(v); n > 0 {
		// "reiterated its demand that Israel ease", "insisted on its
		// demands that the government grant": the noun makes the demand.
		kind, ok, i = "demand", true, n
	}
	if !ok && !reportingVerbs[lem] {
		return relation{}, false
	}
	// "said on Tuesday that", "demanded Friday that": a time or place
	// before the clause.
	for k := i; k < len(c.toks) && k <= v+5; k++ {
		if c.wordAt(k) == "that" {
			i = k
			break
		}
		t := c.toks[k]
		if c.owner[k] >= 0 || !(t.Tag == "RB" || t.Tag == "IN" || t.Tag == "CD" || notNames[t.Text] || t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "NN" && timeNouns[c.wordAt(k)]) {
			break
		}
	}
	hasThat := c.wordAt(i) == "that"
	if hasThat {
		i++
	}
	if w := c.wordAt(i); w == "the" || w == "both" {
		i++
	}
	if i >= len(c.toks) || c.owner[i] < 0 || c.s.spans[c.owner[i]].kind == pronoun {
		return relation{}, false
	}
	objs := c.coordinated(i)
	end := c.s.spans[objs[len(objs)-1]].end
	if end < len(c.toks) && isPossessive(c.toks[end].Text) && c.skipAsSubject(c.s.spans[objs[len(objs)-1]]) {
		// "demanded that Russia's debts ...": not the subject; but
		// "that Burundi's government grant" is Burundi acting.
		return relation{}, false
	}
	must := false
	for k := end; k < len(c.toks) && k <= end+2; k++ {
		w := c.wordAt(k)
		if w == "must" || w == "should" || (w == "has" || w == "have" || w == "had") && c.wordAt(k+1) == "to" {
			must = true
		}
	}
	switch {
	case ok && (hasThat || must):
		if kind == "" {
			kind = lem
		}
		return relation{subjects: subjects, objects: objs, predicate: kind, confidence: 0.8}, true
	case must:
		return relation{subjects: subjects, objects: objs, predicate: "demand", confidence: 0.75}, true
	}
	return relation{}, false
}

// demandNoun returns the index of "that" after a demand noun closely
// following verb v ("reiterated its demand today that"), or 0.
func (c *clause) demandNoun(v int) int {
	for k := v + 1; k < len(c.toks) && k <= v+5; k++ {
		w := c.wordAt(k)
		if nounEvents[w] == Demand && k+1 < len(c.toks) {
			for j := k + 1; j < len(c.toks) && j <= k+3; j++ {
				if c.wordAt(j) == "that" {
					return j
				}
				if !timeNouns[c.wordAt(j)] && c.toks[j].Tag != "RB" && c.toks[j].Tag != "NNP" && c.toks[j].Tag != "CD" {
					return 0
				}
			}
			return 0
		}
		if c.owner[k] >= 0 || isVerbTag(c.toks[k].Tag) {
			return 0
		}
	}
	return 0
}

// triple builds the stored triple for a relation between two actors;
// subjectHead is the last word of the subject's mention ("forces" in
// "Serb forces").
func (x *Extractor) triple(a news.Article, s *sentence, sa, oa *actor, r relation, conf float64, subjectHead string) news.Triple {
	ev, mode, score, sym := classify(r.predicate, r.noun)
	if r.event == Agree && conflictEvents[ev] {
		// "ready to invade", "vowed to strike": willingness to attack is
		// a threat, not an agreement.
		r.event = Threaten
	}
	if ev == Support && r.via == "against" {
		// "defend itself against Russian missiles": resisting an attack.
		r.event = Fight
	}
	if ev == Assault && (conventionalArms[r.predicate] || militaryHeads[subjectHead] && !unconventionalArms[r.predicate]) {
		// PLOVER tells armed forces' violence (FIGHT: "Serb forces killed",
		// "rebels shelled Juba") from other violence (ASSAULT: bombings,
		// torture, abductions).
		r.event = Fight
	}
	if r.promise && r.event == "" && !r.negated && promisable[ev] {
		r.event = Agree
	}
	if r.event != "" && r.event != ev {
		info := events[r.event]
		ev, mode, score, sym = r.event, info.mode, info.score, info.symmetric
	}
	if ev == "" {
		conf *= 0.9
	}
	return news.Triple{
		Doc:           a.ID,
		Sentence:      s.text,
		SentenceIndex: s.index,
		Start:         s.start,
		End:           s.start + len(s.text),
		SubjectID:     sa.id,
		Subject:       sa.name,
		SubjectType:   sa.typ,
		Predicate:     r.predicate,
		ObjectID:      oa.id,
		Object:        oa.name,
		ObjectType:    oa.typ,
		Event:         ev,
		Mode:          mode,
		Score:         score,
		Symmetric:     sym,
		Negated:       r.negated,
		Hypothetical:  r.hypo,
		Confidence:    math.Round(math.Max(0.05, math.Min(0.99, conf))*100) / 100,
		Date:          a.Date,
	}
}

func (c *clause) wordAt(i int) string {
	if i < 0 || i >= len(c.toks) {
		return ""
	}
	return strings.ToLower(c.toks[i].Text)
}

// subjects finds the subject spans left of verb v (with coordinated ones:
// "Canada and Japan signed"), and the token where the subject starts.
func (c *clause) subjects(v int) ([]int, int) {
	toks := c.toks
	// "Ukraine must abandon its bid and recognize ...": a verb coordinated
	// with an earlier one shares its subject.
	k := v - 1
	for k >= 0 && (toks[k].Tag == "RB" || toks[k].Tag == "MD" || isAuxWord(strings.ToLower(toks[k].Text))) {
		k--
	}
	if k >= 1 && (c.wordAt(k) == "and" || c.wordAt(k) == "but" || c.wordAt(k) == "or") && (c.owner[k-1] < 0 || c.objectOfVerb(c.owner[k-1])) {
		for p := k - 1; p >= 0 && v-p <= maxGap; p-- {
			if c.owner[p] >= 0 || toks[p].Text == "," && p == k-1 {
				continue
			}
			if isVerbTag(toks[p].Tag) && !isAuxWord(strings.ToLower(toks[p].Text)) {
				subs, st := c.subjects(p)
				c.sharedVerb = p
				return subs, st
			}
			if w := toks[p].Text; w == ";" || w == ":" {
				break
			}
		}
	}
	for i := v - 1; i >= 0 && v-i <= maxGap; i-- {
		if si := c.owner[i]; si >= 0 {
			sp := c.s.spans[si]
			if c.skipAsSubject(sp) || !isPossessive(c.wordAt(sp.end)) && c.isModifier(sp, "") {
				// "Pakistan, a key U.S. ally, has refused": the name only
				// modifies a noun; the subject is further left.
				i = sp.start
				continue
			}
			subs := []int{si}
			if sp.twin {
				subs = []int{si - 1, si} // "the two leaders met"
			}
			j := sp.start - 1
			// "Canada and Japan", "Britain, France and Germany"; a comma
			// alone joins nothing ("the Russian president, Trump said").
			if j >= 1 && strings.EqualFold(toks[j].Text, "the") {
				j-- // "Israel and the Palestinians"
			}
			for j >= 1 && (toks[j].Text == "and" || toks[j].Text == "," && len(subs) >= 2) {
				if toks[j].Text == "and" && toks[j-1].Text == "," && j >= 2 {
					j-- // "Britain, France, and Germany"
				}
				if c.owner[j-1] < 0 {
					break
				}
				prev := c.owner[j-1]
				subs = append([]int{prev}, subs...)
				j = c.s.spans[prev].start - 1
				if j >= 1 && strings.EqualFold(toks[j].Text, "the") {
					j--
				}
			}
			return subs, c.s.spans[subs[0]].start
		}
		w := toks[i].Text
		lw := strings.ToLower(w)
		if (lw == "a" || lw == "an" || lw == "another" || lw == "the") && c.bareNounPhrase(i+1, v) {
			// "..., another vicious attack killed": the subject is a
			// thing, not an actor named further left.
			return nil, 0
		}
		switch {
		case w == ";" || w == ":" || w == "“" || w == "”" || w == "\"":
			return nil, 0
		case lw == "who" || lw == "which" || lw == "that":
			// Relative clause: "Steve Witkoff, who met Putin".
			k := i - 1
			if k >= 0 && toks[k].Text == "," {
				k--
			}
			if k >= 0 && c.owner[k] >= 0 {
				return []int{c.owner[k]}, c.s.spans[c.owner[k]].start
			}
			return nil, 0
		case subordinators[lw] && !(lw == "once" && toks[i].Tag == "RB"): // "once again", "about once a week"
			return nil, 0
		case isFiniteVerb(toks[i].Tag) && !isAuxWord(lw):
			return nil, 0
		}
	}
	return nil, 0
}

// opensSentence reports whether the noun phrase whose head is at i starts
// the sentence: only determiners, numbers, adjectives and nouns before it.
func (c *clause) opensSentence(i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch c.toks[k].Tag {
		case "DT", "CD", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN":
		case "IN":
			if c.wordAt(k) != "of" {
				return false // "tens of thousands of students"
			}
		default:
			return false
		}
		if c.owner[k] >= 0 {
			return false
		}
	}
	return true
}

// bareNounPhrase reports whether tokens [from, v) are a noun phrase with
// no actor in it (adjectives, nouns, numbers, then adverbs or auxiliaries
// before the verb), with a common noun that is no agent.
func (c *clause) bareNounPhrase(from, v int) bool {
	noun := false
	for k := from; k < v; k++ {
		t := c.toks[k]
		switch {
		case c.owner[k] >= 0:
			return false
		case t.Tag == "NN" || t.Tag == "NNS":
			if agentHeads[c.wordAt(k)] || groupNouns[c.wordAt(k)] {
				return false
			}
			noun = true
		case t.Tag == "JJ" || t.Tag == "JJS" || t.Tag == "JJR" || t.Tag == "CD" || t.Tag == "VBN" && !noun:
		case t.Tag == "RB" || t.Tag == "MD" || isAuxWord(c.wordAt(k)):
		default:
			return false
		}
	}
	return noun
}

// head returns the head noun of the noun phrase a mention belongs to, in
// lower case: "forces" for "Serb forces", "attacks" for "US Predator
// attacks", else the mention's last word.
func (c *clause) head(sp span) string {
	h := strings.ToLower(c.toks[sp.end-1].Text)
	for k := sp.end; k < len(c.toks) && k < sp.end+3 && c.owner[k] < 0 && isNounTag(c.toks[k].Tag); k++ {
		h = strings.ToLower(c.toks[k].Text)
	}
	return h
}

// objectOfVerb reports whether span si directly follows a verb (after
// at most a determiner): "annexed Crimea and threw its weight", where the
// second verb shares the first one's subject, not the object's.
func (c *clause) objectOfVerb(si int) bool {
	k := c.s.spans[si].start - 1
	if k >= 0 && c.toks[k].Tag == "DT" {
		k--
	}
	return k >= 0 && isVerbTag(c.toks[k].Tag) && !isAuxWord(c.wordAt(k))
}

// skipAsSubject reports whether a span left of a verb cannot be its subject:
// it sits in a prepositional phrase ("talks with Putin, Witkoff said") or is
// a possessive modifying a non-agent noun ("Russia's strikes drew").
func (c *clause) skipAsSubject(sp span) bool {
	if k := sp.start - 2; k >= 0 && c.toks[k+1].Tag == "DT" && locatives[c.wordAt(k)] {
		// "settlers in the West Bank city of Hebron set fire": a place,
		// unless a group placed there opens the sentence ("Rebels in the
		// Ivory Coast blocked").
		return !(k >= 1 && agentHeads[c.wordAt(k-1)] && sp.actor != nil && sp.actor.typ == news.GPE && c.opensSentence(k-1))
	}
	if sp.start > 0 {
		prev := c.toks[sp.start-1]
		if (prev.Tag == "IN" || prev.Tag == "TO") && !strings.EqualFold(prev.Text, "by") && !subordinators[strings.ToLower(prev.Text)] {
			// "Leaders of the coalition agreed", "thousands of Nigerians
			// rallied": the group acts for the actor.
			pw := strings.ToLower(prev.Text)
			if (pw == "of" || pw == "from") && sp.start >= 2 && (groupNouns[c.wordAt(sp.start-2)] || c.toks[sp.start-2].Tag == "CD" ||
				pw == "of" && isActionNoun(c.wordAt(sp.start-2))) {
				return false
			}
			// "Opposition groups in Zimbabwe demanded", "Security forces in
			// Guinea have tortured": a group placed in a country acts for
			// it, as news coders read it.
			if (pw == "in" || pw == "from" || pw == "throughout") && sp.start >= 2 && agentHeads[c.wordAt(sp.start-2)] &&
				sp.actor != nil && sp.actor.typ == news.GPE && c.opensSentence(sp.start-2) {
				return false
			}
			return true
		}
	}
	if sp.end < len(c.toks) && isPossessive(c.toks[sp.end].Text) {
		if sp.actor != nil && sp.actor.typ == news.Person {
			return true // "Trump's envoy is to meet Putin": someone else acts
		}
		if sp.end+1 < len(c.toks) {
			// "Russia's army", "Taiwan's Vice Foreign Minister": the
			// country acts through them; also with a modifier between:
			// "Nicaragua's Sandinista government", "Iraq's interim government".
			for k := sp.end + 1; k < len(c.toks) && k <= sp.end+3; k++ {
				w := c.toks[k]
				if lw := strings.ToLower(w.Text); agentHeads[lw] && !isCapitalised(w.Text) || k == sp.end+1 && (roleNouns[lw] || titleWords[w.Text]) {
					return false
				}
				if w.Tag != "JJ" && w.Tag != "NNP" && w.Tag != "NN" || c.owner[k] >= 0 {
					break
				}
			}
			return true
		}
	}
	return false
}

// objectsFound is what objects read after a verb.
type objectsFound struct {
	spans []int  // the object spans, with coordinated ones
	prep  string // the preposition or particle right after the verb
	noun  string // the first common noun between the verb and the object
	// via is the preposition right before the object ("with" in "talks
	// with Putin"); nounPred the verb lemma of the event noun before via,
	// which then names the relation.
	via, nounPred string
	controlled    bool // the object belongs to a verb controlled by this one: "threatened to sink"
	joint         bool // "a joint statement": the subjects act together
	reciprocal    bool // "attacks against each other": each subject acts on the others
	gap           int  // tokens between the verb and the object
}

// objects finds the object spans right of verb v, walking through the noun
// phrase and prepositions between them ("launched air strikes on Ukraine",
// "expressed solidarity with Ukraine", "urged Putin to halt"). Actors that
// only modify a noun ("its NATO bid", "Kremlin talks", "Moscow's
// readiness") are passed over; after an event verb a possessor is the
// target ("praised Haiti's efforts").
func (c *clause) objects(v int) objectsFound {
	toks := c.toks
	var o objectsFound
	if v+1 < len(toks) && (toks[v+1].Tag == "RP" || toks[v+1].Tag == "IN" || toks[v+1].Tag == "TO") {
		o.prep = strings.ToLower(toks[v+1].Text)
		if o.prep == "that" || o.prep == "if" || o.prep == "whether" || o.prep == "because" {
			return objectsFound{}
		}
	}
	controlled := false
	nounRun := false
	lem := c.x.lemmas.Verb(toks[v].Text)
	from := v // the walk may go maxGap tokens past from
	for i := v + 1; i < len(toks) && i-from <= maxGap; i++ {
		if targetMarkers[c.wordAt(i)] {
			// "staged a hunger strike in prison on Sunday in protest
			// against X": the phrase that names the target starts here.
			from = i
		}
		if si := c.owner[i]; si >= 0 {
			sp := c.s.spans[si]
			if c.wordAt(sp.start-1) == "between" && c.mediation(sp.start-1) {
				// "launched a mediation effort between the Emirates and
				// Saudi Arabia": the mediator deals with both sides.
				o.spans, o.nounPred, o.via = c.coordinated(i), "mediate", "between"
				return o
			}
			if c.isModifier(sp, lem) || c.wordAt(sp.start-1) == "between" || c.placeOnly(v, sp, o.noun) || c.targetLater(sp) ||
				sp.building && (motionVerbs[lem] || lem == "enter") {
				i = sp.end - 1
				o.gap += sp.end - sp.start
				continue
			}
			o.via = c.wordAt(sp.start - 1)
			if (o.via == "the" || o.via == "both") && sp.start >= 2 {
				o.via = c.wordAt(sp.start - 2)
				if o.via == "the" || o.via == "both" {
					o.via = c.wordAt(sp.start - 3)
				}
			}
			if k := c.viaIndex(sp.start); k > v+1 {
				if p := nounPredicate(toks[k-1].Text); p != "" && c.owner[k-1] < 0 && nominalPreps[o.via] {
					o.nounPred = p
				}
			}
			o.spans = c.coordinated(i)
			if len(o.spans) > 0 && strings.EqualFold(c.wordAt(v+1), "both") {
				o.gap--
			}
			return o
		}
		if si := c.described[i]; si >= 0 && c.inObjectPhrase(v, i) && describedTarget(lem, o.noun, toks, c.s.spans[si].end) {
			// "threatened to shell Iraqi towns", "restrictions against
			// German goods": the deed is done to the country's things.
			o.via = c.wordAt(i - 1)
			o.spans = []int{si}
			return o
		}
		t := toks[i]
		lw := strings.ToLower(t.Text)
		switch {
		case t.Text == ";" || t.Text == ":" || t.Text == "." || t.Text == "?" || t.Text == "!":
			return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint}
		case t.Text == "," && c.nounList(i):
			// "launched artillery, mortar, and rocket fire against X": a
			// list of things, not the end of the phrase.
		case t.Text == ",":
			return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint}
		case (lw == "and" || lw == "or" || lw == "but") && i+1 < len(toks) && isVerbTag(toks[i+1].Tag):
			// "abandon its bid and recognize ...": the next verb's phrase.
			return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint}
		case i > v+1 && (subordinators[lw] || lw == "said" || lw == "says"):
			return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint}
		case t.Tag == "TO" && i+1 < len(toks) && toks[i+1].Tag == "VB":
			// "threatened to sink the UK": the controlled verb's object.
			if controlled {
				return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint}
			}
			controlled = true
			o.controlled = true
			i++
		case isFiniteVerb(t.Tag) || t.Tag == "MD":
			return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint}
		case (t.Tag == "NN" || t.Tag == "NNS") && (o.noun == "" || nounRun):
			o.noun = lw // the head: the last noun of the first noun phrase
		case t.Tag == "VBG" && o.noun != "" && i+1 < len(toks) && (c.owner[i+1] >= 0 && c.s.spans[c.owner[i+1]].kind == pronoun ||
			c.owner[i+1] < 0 && !isNounTag(toks[i+1].Tag) && toks[i+1].Tag != "JJ" && toks[i+1].Tag != "NNP"):
			// "issued a statement confirming ...": a participle clause.
			return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint}
		case lw == "of" && measureNouns[o.noun]:
			o.noun = "" // "10 days of war games": the head is what is measured
		case lw == "joint" || lw == "mutual" || lw == "bilateral":
			o.joint = true
		case lw == "each" && c.wordAt(i+1) == "other" || lw == "one" && c.wordAt(i+1) == "another":
			return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint, reciprocal: true}
		}
		if (lw == "ties" || lw == "relations") && o.noun == lw {
			o.joint = true // "upgraded their diplomatic ties": with each other
		}
		// Only the first noun phrase gives the head: "a hunger strike in
		// protest against rights violations" is about a strike.
		nounRun = (t.Tag == "NN" || t.Tag == "NNS") && o.noun == lw
		o.gap++
	}
	return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint}
}

// mediation reports whether the "between" at k follows a word of
// mediation: "mediation mission between", "mediating between".
func (c *clause) mediation(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if strings.HasPrefix(c.wordAt(j), "mediat") {
			return true
		}
	}
	return false
}

// targetLater reports whether a span named as a place ("staged rallies in
// the Gaza Strip against X") comes before a phrase that names the target.
func (c *clause) targetLater(sp span) bool {
	k := c.viaIndex(sp.start)
	if k < 0 || !locatives[c.wordAt(k)] {
		return false
	}
	for j := sp.end; j < len(c.toks) && j <= sp.end+6; j++ {
		switch w := c.wordAt(j); {
		case w == "against":
			return true
		case w == "," || w == ";" || subordinators[w] || isFiniteVerb(c.toks[j].Tag):
			return false
		}
	}
	return false
}

// nounList reports whether the comma at i separates common nouns of one
// list ("artillery, mortar, and rocket fire"): a common noun follows, and
// an "and" or "or" closes the list within a few words, before any actor.
func (c *clause) nounList(i int) bool {
	if w := c.wordAt(i + 1); (w == "and" || w == "or") && i > 0 && isNounTag(c.toks[i-1].Tag) && c.owner[i-1] < 0 {
		// The list's last comma: ", and rocket fire".
		return i+2 < len(c.toks) && c.owner[i+2] < 0 && (isNounTag(c.toks[i+2].Tag) || c.toks[i+2].Tag == "JJ") && !isProperTag(c.toks[i+2].Tag)
	}
	if i+1 >= len(c.toks) || c.owner[i+1] >= 0 || !isNounTag(c.toks[i+1].Tag) || isProperTag(c.toks[i+1].Tag) {
		return false
	}
	for k := i + 1; k < len(c.toks) && k <= i+5; k++ {
		switch w := c.wordAt(k); {
		case w == "and" || w == "or":
			return true
		case c.owner[k] >= 0 || isVerbTag(c.toks[k].Tag) || c.toks[k].Tag == "IN":
			return false
		}
	}
	return false
}

// inObjectPhrase reports whether token i belongs to the object of verb v:
// no preposition between them but the verb's own ("fired on") or one
// after an event noun ("restrictions against", "sanctions on"). "captured
// part of a stronghold on the Thai border" names a place, not a target.
func (c *clause) inObjectPhrase(v, i int) bool {
	for j := v + 1; j < i; j++ {
		if c.toks[j].Tag != "IN" || j == v+1 || targetMarkers[c.wordAt(j)] {
			continue
		}
		if p := c.wordAt(j - 1); nominalPreps[c.wordAt(j)] && (nounEvents[p] != "" || nounPredicates[p] != "") ||
			c.wordAt(j) == "of" && possessionNouns[p] {
			continue // "sanctions on Russian banks", "the offices of Palestinian officials"
		}
		return false
	}
	return true
}

// describedTarget reports whether a country described by a demonym before
// the noun at k is the target of verb lem: a deed of conflict or of help
// done to its things ("shelled Iraqi towns", "banned Ugandan opposition
// candidates", "supports Ukrainian sovereignty"), not a meeting, an
// agreement or a topic ("discussed Ukrainian grain").
func describedTarget(lem, noun string, toks []tokenT, k int) bool {
	if noun == "" && k < len(toks) {
		noun = strings.ToLower(toks[k].Text)
	}
	ev, _, _, _ := classify(lem, noun)
	switch ev {
	case "", Consult, Agree, Cooperate:
		return false
	}
	return true
}

// placeOnly reports whether an actor span after verb v only names a place or
// a part ("goals in Ukraine", "the sidelines of a G20 summit") rather than
// the verb's target. Motion verbs keep their destination ("arrived in
// Amman"), and a preposition right after the verb is the verb's own
// ("intervened in Syria").
func (c *clause) placeOnly(v int, sp span, noun string) bool {
	k := c.viaIndex(sp.start)
	if k < 0 || k == v+1 && !locatives[c.wordAt(k)] || k == v+1 && inVerbs[c.x.lemmas.Verb(c.toks[v].Text)] {
		return false
	}
	via := c.wordAt(k)
	lem := c.x.lemmas.Verb(c.toks[v].Text)
	if via == "of" {
		w := c.wordAt(k - 1)
		if possessionNouns[w] {
			// "shelled positions of the Palestinian security forces": a
			// deed done to an actor's holdings is done to the actor.
			_, mode, _, _ := classify(lem, noun)
			return mode != "material"
		}
		return nounPredicates[w] == "" && nounEvents[w] == "" && !isActionNoun(w) && !agentHeads[w] && !roleNouns[w]
	}
	// A place after an event verb is where the event hits ("lifted a
	// curfew in Montenegro", "threatened to ban voting in East Jerusalem");
	// after a meeting or a verb with no event it is only a place ("met in
	// London", "achieve its goals in Ukraine").
	if !locatives[via] || motionVerbs[lem] {
		return false
	}
	ev, mode, _, _ := classify(lem, noun)
	if sp.place {
		// A capital named as a place is a target only of a deed done
		// there: "imposed a curfew in Abidjan", not "signed an agreement
		// in Nairobi".
		return mode != "material"
	}
	return ev == "" || ev == Consult
}

// isActionNoun reports whether a lower-case noun names an action, by its
// derivational ending: "withdrawal", "extension", "deployment".
func isActionNoun(w string) bool {
	if plainActionNouns[w] {
		return true
	}
	for _, suf := range []string{"al", "tion", "sion", "ment", "ance", "ence"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// conditionSubject returns the actor span that opens an "if" or "unless"
// clause after verb v in the same sentence, or -1, and whether the clause
// is an "unless".
func (c *clause) conditionSubject(v int) (int, bool) {
	for i := v + 1; i < len(c.toks); i++ {
		if w := c.wordAt(i); w == "if" || w == "unless" {
			k := i + 1
			if c.wordAt(k) == "the" {
				k++
			}
			if k < len(c.toks) && c.owner[k] >= 0 && c.s.spans[c.owner[k]].kind != pronoun {
				return c.owner[k], w == "unless"
			}
			return -1, false
		}
		if w := c.toks[i].Text; w == ";" || w == ":" {
			return -1, false
		}
	}
	return -1, false
}

// viaIndex returns the index of the preposition before the span starting at
// st, skipping "the" and "both", or -1.
func (c *clause) viaIndex(st int) int {
	k := st - 1
	for k >= 0 && (c.wordAt(k) == "the" || c.wordAt(k) == "both") {
		k--
	}
	if k >= 0 && (c.toks[k].Tag == "IN" || c.toks[k].Tag == "TO") {
		return k
	}
	return -1
}

// isModifier reports whether an actor span only modifies the noun after it:
// "its NATO bid", "Kremlin talks", "the Trump-Putin summit", "Moscow's
// readiness". A possessive before an event or agent noun ("Russia's
// attacks", "Russia's army") still names the actor.
func (c *clause) isModifier(sp span, lem string) bool {
	if sp.end >= len(c.toks) || sp.kind == pronoun {
		return false
	}
	next := c.toks[sp.end]
	if isDash(next.Text) && sp.end+1 < len(c.toks) && c.owner[sp.end+1] >= 0 {
		return true
	}
	if isPossessive(next.Text) {
		if verbEvents[lem] != "" {
			return false // "praised Haiti's efforts": the owner is the target
		}
		k := sp.end + 1
		for k < len(c.toks) && (c.toks[k].Tag == "JJ" || c.toks[k].Tag == "VBN") && c.owner[k] < 0 {
			k++
		}
		if k >= len(c.toks) || c.owner[k] >= 0 || !isNounTag(c.toks[k].Tag) {
			return false
		}
		w := strings.ToLower(c.toks[k].Text)
		return nounPredicates[w] == "" && nounEvents[w] == "" && !agentHeads[w] && !roleNouns[w]
	}
	if next.Tag == "NNP" && c.owner[sp.end] < 0 && nounPredicate(next.Text) != "" {
		return true // "the sidelines of a G20 Summit"
	}
	k := sp.end
	for k+1 < len(c.toks) && c.toks[k].Tag == "JJ" && c.owner[k] < 0 && isNounTag(c.toks[k+1].Tag) {
		k++ // "U.S. military aid"
	}
	next = c.toks[k]
	if !isNounTag(next.Tag) || timeNouns[strings.ToLower(next.Text)] || placeNouns[strings.ToLower(next.Text)] {
		return false // "Montenegro province" is Montenegro
	}
	for k+1 < len(c.toks) && isNounTag(c.toks[k+1].Tag) && c.owner[k+1] < 0 && !timeNouns[strings.ToLower(c.toks[k+1].Text)] {
		k++ // the head is the compound's last noun: "U.N. weapons inspectors"
	}
	head := strings.ToLower(c.toks[k].Text)
	if agentHeads[head] || verbEvents[lem] != "" && (proposalNouns[head] || isActionNoun(head)) {
		// "U.N. weapons inspectors"; after an event verb, the author of a
		// proposal: "rejected a United Nations appeal", "agreed to US mediation".
		return false
	}
	// "strikes on Ukraine energy sites": after an event noun and its
	// preposition the actor is still the target.
	if k := c.viaIndex(sp.start); k >= 1 && nominalPreps[c.wordAt(k)] {
		if w := c.wordAt(k - 1); nounPredicates[w] != "" || nounEvents[w] != "" {
			return false
		}
	}
	return true
}

// controlled returns the verb of "to VERB" right after v ("plans to visit"),
// or -1.
func (c *clause) controlled(v int) int {
	for i := v + 1; i < len(c.toks) && i <= v+3; i++ {
		if c.toks[i].Tag == "TO" && i+1 < len(c.toks) && c.toks[i+1].Tag == "VB" {
			return i + 1
		}
		if c.toks[i].Tag != "RB" && !agentAdjectives[c.wordAt(i)] {
			return -1
		}
	}
	return -1
}

// protestNouns reports whether a protest noun ("strike", "rally") follows
// verb v closely: "continued their hunger strike to demand".
func protestNouns(c *clause, v int) bool {
	for k := v + 1; k < len(c.toks) && k <= v+5; k++ {
		if w := c.wordAt(k); w == "strike" || nounEvents[w] == Protest {
			return true
		}
	}
	return false
}

// mainVerb returns the finite verb a purpose clause at v depends on:
// the nearest one left of v in the same clause, or -1.
func (c *clause) mainVerb(v int) int {
	for i := v - 1; i >= 0 && v-i <= maxGap; i-- {
		t := c.toks[i]
		w := strings.ToLower(t.Text)
		switch {
		case w == ";" || w == ":" || w == "“" || w == "”" || w == "\"" || subordinators[w]:
			return -1
		case isFiniteVerb(t.Tag) && !isAuxWord(w):
			return i
		case t.Tag == "VBN" && i > 0 && isAuxWord(c.wordAt(i-1)):
			return i // "have staged", "were continuing"
		case t.Tag == "VBG" && i > 0 && isAuxWord(c.wordAt(i-1)):
			return i
		}
	}
	return -1
}

// byAgent finds the agent spans of a passive verb: "was hit by Russian
// missiles".
func (c *clause) byAgent(v int) []int {
	for i := v + 1; i < len(c.toks) && i <= v+4; i++ {
		if strings.EqualFold(c.toks[i].Text, "by") {
			for k := i + 1; k < len(c.toks) && k <= i+4; k++ {
				if si := c.owner[k]; si >= 0 {
					return []int{si}
				}
				if isVerbTag(c.toks[k].Tag) || c.toks[k].Text == "," {
					return nil
				}
			}
			return nil
		}
	}
	return nil
}

// negated reports a negation between the subject and the verb.
func (c *clause) negated(from, v int) bool {
	for i := max(from, v-4); i < v; i++ {
		if negators[strings.ToLower(c.toks[i].Text)] {
			return true
		}
	}
	return false
}

// promised reports a modal of future or intent between subject and verb:
// "will support", "would release".
func (c *clause) promised(from, v int) bool {
	for i := max(from, v-4); i < v; i++ {
		if w := strings.ToLower(c.toks[i].Text); c.toks[i].Tag == "MD" && (w == "will" || w == "would" || w == "'ll" || w == "shall") {
			return true
		}
	}
	return false
}

// hypothetical reports a modal between subject and verb, or a conditional
// opening the clause.
func (c *clause) hypothetical(from, v int) bool {
	for i := max(from, v-4); i < v; i++ {
		if c.toks[i].Tag == "MD" && hypotheticalMarkers[strings.ToLower(c.toks[i].Text)] {
			return true
		}
	}
	for i := from - 1; i >= 0 && from-i <= maxGap; i-- {
		w := strings.ToLower(c.toks[i].Text)
		if w == "if" || w == "unless" || w == "whether" {
			return true
		}
		if w == ";" || w == "." {
			break
		}
	}
	return false
}

func (x *Extractor) verbFollows(c *clause, v int) bool {
	for i := v + 1; i < len(c.toks) && i <= v+3; i++ {
		t := c.toks[i]
		if isVerbTag(t.Tag) {
			return true
		}
		if t.Tag != "RB" && !negators[strings.ToLower(t.Text)] {
			return false
		}
	}
	return false
}

func (x *Extractor) beforeIsBe(c *clause, v int) bool {
	for i := v - 1; i >= 0 && i >= v-3; i-- {
		w := strings.ToLower(c.toks[i].Text)
		if x.lemmas.Verb(w) == "be" && (c.toks[i].Tag != "NNP") {
			return true
		}
		if c.toks[i].Tag != "RB" && !negators[w] {
			return false
		}
	}
	return false
}

func (x *Extractor) beforeIsAux(c *clause, v int) bool {
	for i := v - 1; i >= 0 && i >= v-3; i-- {
		w := strings.ToLower(c.toks[i].Text)
		if isAuxWord(w) || c.toks[i].Tag == "MD" {
			return true
		}
		if c.toks[i].Tag != "RB" && !negators[w] {
			return false
		}
	}
	return false
}

func isVerbTag(t string) bool {
	return t == "VB" || t == "VBD" || t == "VBZ" || t == "VBP" || t == "VBN" || t == "VBG"
}

func isFiniteVerb(t string) bool { return t == "VBD" || t == "VBZ" || t == "VBP" }

func isAuxiliary(lemma string) bool { return lemma == "be" || lemma == "have" || lemma == "do" }

func isAuxWord(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having",
		"do", "does", "did", "'s", "’s", "'re", "’re", "'ve", "’ve":
		return true
	}
	return false
}
