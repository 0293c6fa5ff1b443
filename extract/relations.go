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
//
// reported holds the subject, predicate and object of every triple the
// article gave so far; a definite event noun that names one of them again
// ("the Trump–Putin call" after that call was reported) refers back to it
// and gives no new triple.
func (x *Extractor) relations(out []news.Triple, a news.Article, s *sentence, reported map[string]bool) []news.Triple {
	if len(s.spans) < 2 {
		return out
	}
	c := x.newClause(s)
	seen := map[string]bool{}
	emit := func(r relation) {
		for _, subj := range r.subjects {
			for _, obj := range r.objects {
				sa, oa := s.spans[subj].actor, s.spans[obj].actor
				if sa == nil || oa == nil || sa.id == oa.id {
					continue
				}
				key := sa.id + "\x00" + r.predicate + "\x00" + oa.id
				if seen[key] || r.anaphoric && reported[key] {
					// A definite event noun naming a triple the article
					// already gave ("the Trump–Putin call" again) refers
					// back to it.
					continue
				}
				seen[key] = true
				reported[key] = true
				conf := r.confidence
				if s.spans[subj].kind != named || s.spans[obj].kind != named {
					conf *= 0.85
				}
				t := x.triple(a, s, sa, oa, r, conf, c.head(s.spans[subj]))
				if t.Event == "" && vacuousVerbs[t.Predicate] {
					// "Russia had no intention of ...": a light verb whose
					// noun names no event says nothing between the two.
					continue
				}
				if t.Event != "" {
					// "launched air strikes on Ukraine, targeting its
					// power plants": one deed told twice is one event.
					ek := sa.id + "\x00" + oa.id + "\x00" + t.Event
					if seen[ek] {
						continue
					}
					seen[ek] = true
				}
				out = append(out, t)
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
	for i, t := range c.toks {
		if c.owner[i] >= 0 && isVerbTag(t.Tag) && c.s.spans[c.owner[i]].kind != pronoun {
			// "agreed to US/VB mediation": a name is no verb.
			c.toks[i].Tag = "NNP"
		}
	}
	x.retagVerbs(&c)
	c.retagCompounds()
	return c
}

// retagCompounds reads "Taliban ruled Afghanistan has been sharing" as a
// compound adjective ("Taliban-ruled") when the name after the participle
// is the subject of the verb that follows. It runs after retagVerbs, which
// would read a participle right after a name as a verb.
func (c *clause) retagCompounds() {
	for v := 1; v+1 < len(c.toks); v++ {
		t := &c.toks[v]
		if c.owner[v-1] < 0 || c.owner[v+1] < 0 || !compoundParticiples[strings.ToLower(t.Text)] {
			continue
		}
		if end := c.s.spans[c.owner[v+1]].end; end < len(c.toks) && (isFiniteVerb(c.toks[end].Tag) || c.toks[end].Tag == "MD") {
			t.Tag = "JJ"
		}
	}
}

// retagVerbs corrects a common tagger fault on news text: right after a
// name, especially at the start of a sentence or headline, a verb is often
// tagged as an adjective or noun ("Norway/RB urged/JJ Ukraine",
// "Russia attacks/NNS Ukraine"). A known verb form right after an actor and
// before a noun phrase is re-tagged as a finite verb.
func (x *Extractor) retagVerbs(c *clause) {
	for v := 1; v+2 < len(c.toks); v++ {
		// "precision guided/VBD missiles killed": a participle between a
		// noun and the plural it modifies, right before the verb, is an
		// adjective.
		if t := &c.toks[v]; (t.Tag == "VBD" || t.Tag == "VBN") && c.owner[v] < 0 && c.toks[v-1].Tag == "NN" && c.owner[v-1] < 0 &&
			c.toks[v+1].Tag == "NNS" && c.owner[v+1] < 0 && (c.toks[v+2].Tag == "VBD" || c.toks[v+2].Tag == "VBN") {
			t.Tag = "JJ"
			c.toks[v+2].Tag = "VBD"
		}
	}

	for v := 1; v+1 < len(c.toks); v++ {
		t := &c.toks[v]
		if c.owner[v] >= 0 || isVerbTag(t.Tag) {
			continue
		}
		if (t.Tag == "JJ" || t.Tag == "NN") && c.toks[v-1].Tag == "TO" && (c.owner[v+1] >= 0 || c.toks[v+1].Tag == "PRP$") &&
			x.lemmas.IsBase(strings.ToLower(t.Text)) && !(v >= 2 && isNounTag(c.toks[v-2].Tag) && nounPredicate(c.toks[v-2].Text) != "") {
			// "willing to forgive/JJ Nigerian President Olusegun Obasanjo":
			// a verb's base form after "to" and before a name (but "a
			// visit to Kremlin ..." keeps its noun).
			t.Tag = "VB"
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
		pastForm := x.lemmas.Irregular(w) && t.Tag == "JJ" ||
			// "agents sexually abused/JJ illegal Mexican immigrants": an
			// "-ed" form after an adverb, before the object's adjectives.
			strings.HasSuffix(w, "ed") && t.Tag == "JJ" && c.toks[v-1].Tag == "RB" && next.Tag == "JJ" && v+2 < len(c.toks) && (c.owner[v+2] >= 0 || c.described[v+2] >= 0)
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
	// anaphoric marks a definite event noun ("the Trump–Putin call"): a
	// reference to an event the article may already have reported.
	anaphoric bool
}

// verbRelations reads the relation a verb at v expresses, if any.
func (x *Extractor) verbRelations(c *clause, v int) []relation {
	toks := c.toks
	text := strings.TrimLeft(toks[v].Text, "`'\"“‘")
	if r, _ := utf8.DecodeRuneInString(text); !unicode.IsLetter(r) {
		return nil
	}
	lem := x.lemmas.Verb(text)
	if lem == "" {
		return nil // "n't" tagged as a verb
	}
	if k := v + 1; raisingWords[strings.ToLower(text)] && k+1 < len(toks) && isQuoteMark(toks[k].Text) && toks[k+1].Tag == "TO" {
		return nil // "was “determined” to keep": the inner verb's relation
	}
	if text != toks[v].Text && !x.lemmas.IsBase(lem) {
		return nil // "``without": a quotation mark glued to a word the tagger took for a verb
	}
	if lem == "compare" && toks[v].Tag == "VBN" && (c.wordAt(v+1) == "to" || c.wordAt(v+1) == "with") && !x.beforeIsAux(c, v) {
		return nil // "discussing Putin compared to Zelenskyy": a preposition
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
		for t >= 0 && (toks[t].Tag == "RB" || isQuoteMark(toks[t].Text)) {
			t-- // "was “determined” to keep"
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
	if passive && (statePassives[lem] && c.wordAt(v+1) == "to" || activityPassives[lem] && c.wordAt(v+1) == "in") && len(c.byAgent(v)) == 0 {
		// "Israel is opposed to French mediation", "Serb forces were
		// engaged in ethnic cleansing against ...": a state, read actively.
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
		case (lem == "fire" || lem == "sack") && o.prep == "" && len(o.spans) > 0 && c.s.spans[o.spans[0]].actor != nil && c.s.spans[o.spans[0]].actor.typ == news.Person:
			// "Putin has fired Colonel General Alexander Lapin": a
			// dismissal, not shooting.
			lem = "sack"
		case (lem == "open" || lem == "set" || lem == "exchange") && o.noun == "fire":
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
		if lem == "complain" || lem == "protest" || lem == "appeal" {
			// "Lebanon complained to the United Nations over Israeli air
			// raids": the complaint is about Israel; the UN hears it.
			if about := c.complaintTopic(v); about >= 0 {
				r.objects = []int{about}
			}
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
		if len(r.objects) == 0 && len(subjects) >= 2 && (o.reciprocal || lem == "exchange fire") {
			// ("India and Pakistan exchanged fire": each on the other.)
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
	if !ok && !reportingVerbs[lem] && !rulingVerbs[lem] {
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
	if w := c.wordAt(i); w == "the" || w == "both" || ok && (w == "its" || w == "their") {
		// "demanded that its European partners refuse": the partners
		// named after the possessive are the target.
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
	// The modal follows the subject, or a phrase coordinated with it that
	// names no actor: "that the Sudanese government and the rebels in
	// Darfur must reach".
	for k := end; k < len(c.toks) && k <= end+8; k++ {
		w := c.wordAt(k)
		if w == "must" || w == "should" || (w == "has" || w == "have" || w == "had") && c.wordAt(k+1) == "to" {
			must = true
			break
		}
		if k > end+2 && c.wordAt(end) != "and" || isFiniteVerb(c.toks[k].Tag) || c.toks[k].Tag == "VB" || c.toks[k].Text == "," || subordinators[w] || w == "that" {
			break
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

// controlled returns the verb of "to VERB" right after v ("plans to visit"),
// or -1.
func (c *clause) controlled(v int) int {
	if v+1 < len(c.toks) && c.toks[v+1].Tag == "VBG" && aspectVerbs[c.x.lemmas.Verb(c.toks[v].Text)] {
		return v + 1 // "keep working with the US", "continued shelling"
	}
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

// complaintTopic returns the actor span after "over", "about" or
// "against" in the phrase after a verb of complaint at v ("complained to
// the UN on Tuesday over two Israeli air raids"), or -1.
func (c *clause) complaintTopic(v int) int {
	for i := v + 1; i < len(c.toks) && i-v <= maxGap; i++ {
		w := c.wordAt(i)
		if w == "," || w == ";" || w == "." || subordinators[w] || isFiniteVerb(c.toks[i].Tag) {
			return -1
		}
		if w != "over" && w != "about" && w != "against" {
			continue
		}
		for k := i + 1; k < len(c.toks) && k <= i+4; k++ {
			if si := c.owner[k]; si >= 0 && !c.s.spans[si].place {
				return si
			}
			if si := c.described[k]; si >= 0 {
				return si
			}
			if t := c.toks[k].Tag; t != "DT" && t != "CD" && t != "JJ" {
				return -1
			}
		}
		return -1
	}
	return -1
}

// isQuoteMark reports whether a token is only a quotation mark.
func isQuoteMark(w string) bool {
	switch w {
	case "“", "”", "\"", "‘", "’", "'", "``", "''":
		return true
	}
	return false
}
