package extract

// Reading the object of a verb: the actor spans right of it, and which of
// them are only places, modifiers or topics.

import (
	"strings"
)

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
	deed := v       // the verb whose deed the phrase names: the controlled one once read
	marked := false // a target marker was read: "in protest of X's refusal" targets X
	from := v       // the walk may go maxGap tokens past from
	for i := v + 1; i < len(toks) && i-from <= maxGap; i++ {
		if targetMarkers[c.wordAt(i)] {
			// "staged a hunger strike in prison on Sunday in protest
			// against X": the phrase that names the target starts here.
			from = i
			marked = true
		}
		if si := c.owner[i]; si >= 0 {
			sp := c.s.spans[si]
			if c.wordAt(sp.start-1) == "between" && c.mediation(sp.start-1) {
				// "launched a mediation effort between the Emirates and
				// Saudi Arabia": the mediator deals with both sides.
				o.spans, o.nounPred, o.via = c.coordinated(i), "mediate", "between"
				return o
			}
			if c.isModifier(sp, lem) && !(marked && isPossessive(c.wordAt(sp.end))) || c.wordAt(sp.start-1) == "between" || c.placeOnly(deed, sp, o.noun) || c.targetLater(sp) ||
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
		case i > v+1 && (subordinators[lw] || lw == "said" || lw == "says") || i == v+1 && clauseOpeners[lw]:
			// "assets they lost when Idi Amin expelled them": a clause of
			// its own, even right after the verb.
			return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint}
		case t.Tag == "TO" && i+1 < len(toks) && toks[i+1].Tag == "VB":
			// "threatened to sink the UK": the controlled verb's object.
			if controlled {
				return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint}
			}
			controlled = true
			o.controlled = true
			if i <= v+2 {
				// "threatened to institute a curfew in Algiers": whether
				// the place is a target depends on the deed threatened
				// (not on one a noun controls: "lost troops in its attempt
				// to capture the Sumy region").
				deed = i + 1
			}
			i++
		case isFiniteVerb(t.Tag) || t.Tag == "MD":
			return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint}
		case t.Tag == "VBN" && o.noun != "" && i > v+1 && c.wordAt(i+1) == "by" && isNounTag(toks[i-1].Tag) && brokerParticiples[lw]:
			// "agreed to a ceasefire brokered by Qatar": the go-between
			// is no party to the agreement (but in "investigated crimes
			// committed by Croat forces" the agent is the target).
			return objectsFound{prep: o.prep, noun: o.noun, joint: o.joint}
		case t.Tag == "VBG" && i == v+1 && lightVerbs[lem] && (nounEvents[lw] != "" || nounPredicates[lw] != ""):
			// "resume shelling Albanian positions": the gerund is the deed.
			o.noun = lw
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
	if sp.place {
		// A city, or a capital named as a place, is the target only of a
		// deed done there ("imposed a curfew in Abidjan", "shelled
		// Kharkiv", "captured the Sumy region"), not of "signed an
		// agreement in Nairobi", "visited Kharkiv", "lost Bakhmut" or
		// "carried fertiliser from Mombasa"; but a motion verb keeps its
		// destination ("arrived in Amman": a visit).
		lem := c.x.lemmas.Verb(c.toks[v].Text)
		if k > v && locatives[c.wordAt(k)] && motionVerbs[lem] {
			return false
		}
		_, mode, _, _ := classify(lem, noun)
		return mode != "material"
	}
	if k < 0 || k == v+1 && !locatives[c.wordAt(k)] || k == v+1 && inVerbs[c.x.lemmas.Verb(c.toks[v].Text)] {
		return false
	}
	via := c.wordAt(k)
	lem := c.x.lemmas.Verb(c.toks[v].Text)
	if via == "of" {
		w := c.wordAt(k - 1)
		if measureNouns[w] || groupNouns[w] {
			// "holding thousands of Tamil refugees", "arrested leaders of
			// the opposition": a number or part of the actor is the actor.
			return false
		}
		if possessionNouns[w] {
			// "shelled positions of the Palestinian security forces": a
			// deed done to an actor's holdings is done to the actor.
			_, mode, _, _ := classify(lem, noun)
			return mode != "material"
		}
		// "violated the sovereignty of Ukraine", "defended the right of
		// Russian troops to fire": what belongs to the actor makes it
		// the target.
		return nounPredicates[w] == "" && nounEvents[w] == "" && !isActionNoun(w) && !agentHeads[w] && !roleNouns[w] && !entitlementNouns[w]
	}
	// A place after an event verb is where the event hits ("lifted a
	// curfew in Montenegro", "threatened to ban voting in East Jerusalem");
	// after a meeting or a verb with no event it is only a place ("met in
	// London", "achieve its goals in Ukraine").
	if !locatives[via] || motionVerbs[lem] {
		return false
	}
	ev, _, _, _ := classify(lem, noun)
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
