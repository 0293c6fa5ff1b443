package extract

// Reading the subject of a verb: the actor spans left of it.

import (
	"strings"

	"github.com/newsgraph/newsgraph/news"
)

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
	first := v - 1
	if first >= 0 && isQuoteMark(toks[first].Text) && v+1 < len(toks) && isQuoteMark(toks[v+1].Text) {
		first-- // "he was “determined”": the verb alone in quotation marks
	}
	for i := first; i >= 0 && v-i <= maxGap; i-- {
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
				if c.owner[j-1] < 0 || c.s.spans[c.owner[j-1]].place && toks[j].Text == "," {
					// "After the meeting in Istanbul, Russia and Ukraine":
					// a place before a comma ends another phrase.
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
		if (lw == "a" || lw == "an" || lw == "another" || lw == "the") && c.bareNounPhrase(i+1, v) && !(i > 0 && c.toks[i-1].Tag == "IN" && !subordinators[c.wordAt(i-1)]) {
			// (A noun phrase after a preposition is no subject: "Nigerians
			// from throughout the country were converging".)
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
		p := sp.start - 1
		if c.toks[p].Tag == "JJ" && p > 0 && c.toks[p-1].Tag == "IN" && strings.EqualFold(c.toks[p-1].Text, "of") {
			p-- // "The Albanians of southern Serbia are demanding"
		}
		prev := c.toks[p]
		if (prev.Tag == "IN" || prev.Tag == "TO") && !strings.EqualFold(prev.Text, "by") && !subordinators[strings.ToLower(prev.Text)] {
			// "Leaders of the coalition agreed", "thousands of Nigerians
			// rallied": the group acts for the actor.
			pw := strings.ToLower(prev.Text)
			if (pw == "of" || pw == "from") && p >= 1 && (groupNouns[c.wordAt(p-1)] || c.toks[p-1].Tag == "CD" ||
				pw == "of" && isActionNoun(c.wordAt(p-1))) {
				return false
			}
			// "Opposition groups in Zimbabwe demanded", "Security forces in
			// Guinea have tortured": a group placed in a country acts for
			// it, as news coders read it.
			if (pw == "in" || pw == "from" || pw == "throughout") && p >= 1 && agentHeads[c.wordAt(p-1)] &&
				sp.actor != nil && sp.actor.typ == news.GPE && c.opensSentence(p-1) {
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
