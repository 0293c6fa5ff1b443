package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Nominal relations: news often names an event with a noun instead of a
// verb ("a Trump–Putin meeting", "talks between Moscow and Kyiv", "Witkoff's
// visit to Moscow", "threats against Britain from Medvedev"). The noun is
// normalised to the verb lemma a verbal report would use.

// nounPredicates maps event nouns to the verb lemma they stand for. Nouns
// of a lasting state ("war", "conflict") are left out: "the Russia-Ukraine
// war" is background, not a reported event.
var nounPredicates = map[string]string{
	"meeting": "meet", "meetings": "meet", "summit": "meet", "summits": "meet", "talks": "talk",
	"talk": "talk", "call": "call", "calls": "call", "phone call": "call", "conversation": "talk",
	"conversations": "talk", "discussions": "discuss", "discussion": "discuss", "negotiations": "negotiate",
	"consultations": "consult", "dialogue": "talk", "visit": "visit", "visits": "visit", "trip": "visit",
	"agreement": "agree", "deal": "agree", "accord": "agree", "treaty": "agree", "pact": "agree",
	"ceasefire": "agree", "cease-fire": "agree", "truce": "agree", "consensus": "agree",
	"clashes": "clash", "fight": "fight",
	"attack": "attack", "attacks": "attack", "strikes": "strike", "strike": "strike", "airstrikes": "strike",
	"invasion": "invade", "offensive": "attack", "assault": "attack", "bombing": "bomb", "shelling": "shell",
	"threats": "threaten", "threat": "threaten", "warning": "warn", "warnings": "warn", "ultimatum": "threaten",
	"sanctions": "sanction", "sanction": "sanction", "embargo": "embargo", "tariffs": "sanction",
	"condemnation": "condemn", "criticism": "criticize", "accusations": "accuse", "protest": "protest",
	"protests": "protest", "rebuke": "rebuke", "rally": "rally", "rallies": "rally", "riots": "riot",
	"demonstration": "demonstrate", "demonstrations": "demonstrate",
	"support": "support", "backing": "support", "aid": "aid", "assistance": "aid", "help": "help",
	"cooperation": "cooperate", "partnership": "cooperate", "alliance": "ally",
	"mediation": "mediate", "investigation": "investigate", "probe": "investigate",
	"demands": "demand", "demand": "demand", "appeal": "appeal", "request": "request",
	"pledge": "pledge", "pledges": "pledge", "promise": "promise", "promises": "promise",
}

// reactionNouns name a reaction whose author follows "from": "drew
// condemnation from Europe".
var reactionNouns = setOf("condemnation", "criticism", "protest", "protests", "rebuke", "anger",
	"outrage", "praise", "support", "backing", "warnings", "threats")

// nounPredicate returns the verb lemma an event noun stands for, or "".
func nounPredicate(w string) string { return nounPredicates[strings.ToLower(w)] }

// isDash reports whether a token is a hyphen or dash joining two names.
func isDash(w string) bool { return w == "-" || w == "–" || w == "—" || w == "‐" }

// splitCompounds splits "Putin-Trump" or "Trump–Putin" before an event noun
// ("meeting", "summit", "talks") into name, dash, name, so that both names
// are recognised. A hyphenated name not before an event noun
// ("Zia-ul-Haq", "Asia-Pacific") is left alone.
func splitCompounds(toks []tokenT) []tokenT {
	var out []tokenT // nil until the first split: most sentences have none
	for i, t := range toks {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].Text
		}
		a, dash, b, ok := splitPair(t.Text)
		if !ok || (nounPredicate(next) == "" && !strings.EqualFold(next, "relations") && !strings.EqualFold(next, "ties")) {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]tokenT, 0, len(toks)+2), toks[:i]...)
		}
		left, mid, right := t, t, t
		left.Text = a
		mid.Text, mid.Tag, mid.Start = dash, ":", t.Start+len(a)
		right.Text, right.Start = b, t.Start+len(a)+len(dash)
		out = append(out, left, mid, right)
	}
	if out == nil {
		return toks
	}
	return out
}

// splitPair splits "Putin-Trump" into its two capitalised halves.
func splitPair(w string) (a, dash, b string, ok bool) {
	for i, r := range w {
		if !isDash(string(r)) {
			continue
		}
		a, dash, b = w[:i], string(r), w[i+utf8.RuneLen(r):]
		if strings.ContainsAny(b, "-–—") || utf8.RuneCountInString(a) < 2 || utf8.RuneCountInString(b) < 2 {
			return "", "", "", false
		}
		ra, _ := utf8.DecodeRuneInString(a)
		rb, _ := utf8.DecodeRuneInString(b)
		return a, dash, b, unicode.IsUpper(ra) && unicode.IsUpper(rb)
	}
	return "", "", "", false
}

// nominalRelations reads the relations that event nouns carry in a
// sentence.
func (c *clause) nominalRelations() []relation {
	var out []relation
	toks := c.toks
	for i := range toks {
		if si := c.owner[i]; si >= 0 {
			// "Russian strikes on Kharkiv", "the Russian invasion of
			// Ukraine": the actor's mention ends with the event noun.
			sp := c.s.spans[si]
			if pred := nounPredicate(toks[i].Text); pred != "" && i == sp.end-1 && i > sp.start && sp.kind == named && !sp.place {
				if objs := c.prepObject(i); len(objs) > 0 {
					out = append(out, relation{subjects: []int{si}, objects: objs, predicate: pred, noun: strings.ToLower(toks[i].Text), confidence: 0.7})
				}
			}
			continue
		}
		if !isNounTag(toks[i].Tag) {
			continue
		}
		pred := nounPredicate(toks[i].Text)
		if pred == "" {
			continue
		}
		noun := strings.ToLower(toks[i].Text)
		// "a meeting between himself, Putin and Zelensky": the first named
		// with each of the others.
		if c.wordAt(i+1) == "between" {
			if sides := c.coordinated(i + 2); len(sides) >= 2 {
				out = append(out, relation{subjects: sides[:1], objects: sides[1:], predicate: pred, noun: noun, confidence: 0.8})
				continue
			}
		}
		// "a Trump–Putin summit", "the Putin-Trump meeting".
		if sa, sb, ok := c.dashPair(i); ok {
			out = append(out, relation{subjects: []int{sa}, objects: []int{sb}, predicate: pred, noun: noun, confidence: 0.8,
				anaphoric: c.wordAt(c.s.spans[sa].start-1) == "the"})
			continue
		}
		// "Witkoff's visit to Moscow", "Russia's attacks on Ukraine".
		if owner, ok := c.possessor(i); ok {
			if objs := c.prepObject(i); len(objs) > 0 {
				out = append(out, relation{subjects: []int{owner}, objects: objs, predicate: pred, noun: noun, confidence: 0.75})
				continue
			}
		}
		// "a Russian rocket attack on Dnipro", "US sanctions on Russia": the
		// actor named right before the noun and its modifiers.
		if by, ok := c.attributiveAuthor(i, pred); ok {
			if objs := c.prepObject(i); len(objs) > 0 {
				out = append(out, relation{subjects: []int{by}, objects: objs, predicate: pred, noun: noun, confidence: 0.7})
				continue
			}
		}
		// "threats against Britain from Medvedev", "attacks on Kyiv by Russia".
		if objs := c.prepObject(i); len(objs) > 0 {
			end := c.s.spans[objs[len(objs)-1]].end
			if w := c.wordAt(end); w == "from" || w == "by" {
				if si := c.owner[end+1]; end+1 < len(toks) && si >= 0 {
					out = append(out, relation{subjects: []int{si}, objects: objs, predicate: pred, noun: noun, confidence: 0.75})
					continue
				}
			}
		}
		// "Russia's strikes drew condemnation from Europe": the author after
		// "from" reacts to the actor named before, in the same clause.
		if reactionNouns[noun] && c.wordAt(i+1) == "from" && i+2 < len(toks) && c.owner[i+2] >= 0 {
			if target := c.actorBefore(i); target >= 0 {
				out = append(out, relation{subjects: []int{c.owner[i+2]}, objects: []int{target}, predicate: pred, noun: noun, confidence: 0.7})
			}
		}
	}
	return out
}

// coordinated returns the spans of a list of actors starting at token i:
// "Moscow and Kyiv", "himself, Putin and President Zelensky". Commas join
// only a list that ends with "and" or "or": in "arrived in Bosnia, Defense
// Secretary William Perry said" the comma ends the phrase.
func (c *clause) coordinated(i int) []int {
	var out []int
	lastAnd := -1 // index in out of the item after the last "and"/"or"
	for i < len(c.toks) {
		if w := c.wordAt(i); w == "the" || w == "both" || len(out) > 0 && possessiveDeterminers[w] {
			// "President Kagame and his Rwandan Patriotic Front".
			i++
			continue
		}
		si := c.owner[i]
		if si < 0 {
			break
		}
		if c.s.spans[si].twin {
			out = append(out, si-1) // "between the two leaders"
		}
		out = append(out, si)
		i = c.s.spans[si].end
		w := c.wordAt(i)
		if w != "," && w != "and" && w != "or" {
			break
		}
		i++
		if w == "and" || w == "or" || c.wordAt(i) == "and" || c.wordAt(i) == "or" {
			lastAnd = len(out)
			if w == "," {
				i++ // ", and"
			}
		}
	}
	switch {
	case lastAnd < 0 && len(out) > 1:
		return out[:1]
	case lastAnd >= 0 && lastAnd < len(out):
		return out[:lastAnd+1]
	}
	return out
}

// modifierStart returns the first token of the adjectives and nouns right
// before the noun at i ("first direct telephone call").
func (c *clause) modifierStart(i int) int {
	j := i
	for j > 0 && c.owner[j-1] < 0 && (c.toks[j-1].Tag == "JJ" || c.toks[j-1].Tag == "NN" || c.toks[j-1].Tag == "VBN") {
		j--
	}
	return j
}

// dashPair matches "A–B NOUN" with two actor spans joined by a dash right
// before the noun (after adjectives): "a Trump–Putin summit".
func (c *clause) dashPair(i int) (int, int, bool) {
	j := c.modifierStart(i)
	if j < 1 || c.owner[j-1] < 0 {
		return 0, 0, false
	}
	b := c.owner[j-1]
	d := c.s.spans[b].start - 1
	if d < 1 || !isDash(c.toks[d].Text) || c.owner[d-1] < 0 {
		return 0, 0, false
	}
	return c.owner[d-1], b, true
}

// possessor returns the span that owns the noun at i: "Witkoff's visit",
// "Russia's latest attacks".
func (c *clause) possessor(i int) (int, bool) {
	j := c.modifierStart(i)
	if j < 2 || !isPossessive(c.toks[j-1].Text) || c.owner[j-2] < 0 {
		return 0, false
	}
	return c.owner[j-2], true
}

// attributiveAuthor returns the actor named right before the noun at i and
// the common modifiers between them: a demonym ("a Russian rocket attack")
// or a name ("US sanctions"), not one owned by a possessive or a place. A
// name before a meeting noun is its venue: "Kremlin talks with Putin".
func (c *clause) attributiveAuthor(i int, pred string) (int, bool) {
	j := i
	for j > 0 && c.owner[j-1] < 0 && c.described[j-1] < 0 && (c.toks[j-1].Tag == "JJ" || c.toks[j-1].Tag == "NN" || c.toks[j-1].Tag == "VBN") {
		j--
	}
	if j < 1 {
		return 0, false
	}
	if si := c.described[j-1]; si >= 0 {
		return si, true
	}
	if ev, _, _, _ := classify(pred, ""); ev == Consult {
		return 0, false
	}
	if si := c.owner[j-1]; si >= 0 && !c.s.spans[si].place && c.s.spans[si].kind != pronoun {
		return si, true
	}
	return 0, false
}

// prepObject returns the actor spans of the prepositional phrase right
// after an event noun: "visit to Moscow", "talks with Putin", "sanctions on
// Russia and Iran".
func (c *clause) prepObject(i int) []int {
	switch c.wordAt(i + 1) {
	case "with", "to", "against", "on", "of", "into":
	case "for":
		// "Britain's support for Ukraine", "US aid for Kyiv".
		if p := nounPredicate(c.toks[i].Text); p != "support" && p != "aid" && p != "help" {
			return nil
		}
	default:
		return nil
	}
	k := i + 2
	if w := c.wordAt(k); w == "the" || w == "both" {
		k++
	}
	if k >= len(c.toks) || c.owner[k] < 0 {
		return nil
	}
	sp := c.s.spans[c.owner[k]]
	if sp.end < len(c.toks) && isNounTag(c.toks[sp.end].Tag) && !isPossessive(c.toks[sp.end].Text) && !policyNouns[c.wordAt(sp.end)] {
		return nil // "talks with Russian officials' families": a modifier; but "riots against Israeli policies"
	}
	return c.coordinated(k)
}

// actorBefore returns the nearest actor span before token i in the same
// clause, or -1.
func (c *clause) actorBefore(i int) int {
	for k := i - 1; k >= 0 && i-k <= maxGap; k-- {
		if si := c.owner[k]; si >= 0 {
			return si
		}
		if w := c.toks[k].Text; w == ";" || w == ":" || w == "." {
			return -1
		}
	}
	return -1
}

func isNounTag(t string) bool { return t == "NN" || t == "NNS" }
