package extract

import (
	"math"
	"strings"

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
	s     *sentence
	toks  []tokenT
	owner []int
}

// relations finds the triples of one sentence.
func (x *Extractor) relations(a news.Article, s *sentence) []news.Triple {
	if len(s.spans) < 2 {
		return nil
	}
	c := clause{s: s, toks: s.tokens, owner: make([]int, len(s.tokens))}
	for i := range c.owner {
		c.owner[i] = -1
	}
	for si, sp := range s.spans {
		for t := sp.start; t < sp.end; t++ {
			c.owner[t] = si
		}
	}
	x.retagVerbs(&c)
	var out []news.Triple
	seen := map[string]bool{}
	for v := range c.toks {
		if c.owner[v] >= 0 || !isVerbTag(c.toks[v].Tag) {
			continue
		}
		for _, r := range x.verbRelations(&c, v) {
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
					out = append(out, x.triple(a, s, sa, oa, r, conf))
				}
			}
		}
	}
	return out
}

// retagVerbs corrects a common tagger fault on news text: right after a
// name, especially at the start of a sentence or headline, a verb is often
// tagged as an adjective or noun ("Norway/RB urged/JJ Ukraine",
// "Russia attacks/NNS Ukraine"). A known verb form right after an actor and
// before a noun phrase is re-tagged as a finite verb.
func (x *Extractor) retagVerbs(c *clause) {
	for v := 1; v+1 < len(c.toks); v++ {
		t := &c.toks[v]
		if c.owner[v] >= 0 || c.owner[v-1] < 0 || isVerbTag(t.Tag) {
			continue
		}
		if t.Tag != "JJ" && t.Tag != "NN" && t.Tag != "NNS" && t.Tag != "RB" {
			continue
		}
		next := c.toks[v+1]
		if c.owner[v+1] < 0 && next.Tag != "DT" && next.Tag != "PRP$" && next.Tag != "IN" && next.Tag != "TO" && next.Tag != "PRP" {
			continue
		}
		w := strings.ToLower(t.Text)
		lem := x.lemmas.Verb(w)
		if !x.lemmas.IsBase(lem) || lem == w {
			continue
		}
		switch {
		case strings.HasSuffix(w, "ed"):
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
	confidence        float64
}

// verbRelations reads the relation a verb at v expresses, if any.
func (x *Extractor) verbRelations(c *clause, v int) []relation {
	toks := c.toks
	lem := x.lemmas.Verb(toks[v].Text)
	if isAuxiliary(lem) && x.verbFollows(c, v) {
		return nil
	}
	passive := toks[v].Tag == "VBN" && x.beforeIsBe(c, v)
	// The tagger often reads a past tense right after a name as a
	// participle ("Norway urged"); a participle right after its subject is
	// taken as the past tense.
	afterActor := v > 0 && c.owner[v-1] >= 0
	if !passive && !afterActor && (toks[v].Tag == "VBN" || toks[v].Tag == "VBG") && !x.beforeIsAux(c, v) && !(v > 0 && toks[v-1].Text == ",") {
		return nil // adjectival participle: "negotiating team", "US-led talks"
	}
	if toks[v].Tag == "VB" && v > 0 && toks[v-1].Tag == "TO" {
		// An infinitive's subject is the controlling verb's subject or
		// object ("urged Putin to halt"); the controlling verb reads it.
		return nil
	}
	subjects, subjStart := c.subjects(v)
	if len(subjects) == 0 {
		return nil
	}
	if reportingVerbs[lem] && lem != "have" {
		// "X said ..." is speech, not a relation; but "X plans to visit Y"
		// and "X wants to meet Y" carry the inner verb's relation.
		inner := c.controlled(v)
		if inner < 0 || reportingVerbs[x.lemmas.Verb(toks[inner].Text)] {
			return nil
		}
		v, lem = inner, x.lemmas.Verb(toks[inner].Text)
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
		objs, prep, noun, gap := c.objects(v)
		r.subjects, r.objects, r.noun = subjects, objs, noun
		if prep != "" {
			if particleVerbs[lem+" "+prep] {
				lem = lem + " " + prep
			} else if particleVerbs[lem+" "+prep+" "+c.wordAt(v+2)] {
				lem = lem + " " + prep + " " + c.wordAt(v+2)
			}
		}
		if len(objs) == 0 && len(subjects) >= 2 {
			// "Trump and Putin met": a symmetric event between the subjects.
			if ev, _, _, sym := classify(lem, ""); ev != "" && sym {
				r.subjects, r.objects = subjects[:1], subjects[1:]
			}
		}
		r.confidence -= 0.02 * float64(gap)
	}
	if len(r.objects) == 0 {
		return nil
	}
	r.predicate = lem
	r.negated = c.negated(subjStart, v)
	r.hypo = c.hypothetical(subjStart, v)
	if len(r.subjects) > 1 || len(r.objects) > 1 {
		r.confidence *= 0.95
	}
	return []relation{r}
}

// triple builds the stored triple for a relation between two actors.
func (x *Extractor) triple(a news.Article, s *sentence, sa, oa *actor, r relation, conf float64) news.Triple {
	ev, mode, score, sym := classify(r.predicate, r.noun)
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
	for i := v - 1; i >= 0 && v-i <= maxGap; i-- {
		if si := c.owner[i]; si >= 0 {
			sp := c.s.spans[si]
			if c.skipAsSubject(sp) {
				i = sp.start
				continue
			}
			subs := []int{si}
			j := sp.start - 1
			for j >= 1 && (toks[j].Text == "and" || toks[j].Text == ",") && c.owner[j-1] >= 0 {
				prev := c.owner[j-1]
				subs = append([]int{prev}, subs...)
				j = c.s.spans[prev].start - 1
			}
			return subs, c.s.spans[subs[0]].start
		}
		w := toks[i].Text
		lw := strings.ToLower(w)
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
		case subordinators[lw]:
			return nil, 0
		case isFiniteVerb(toks[i].Tag) && !isAuxWord(lw):
			return nil, 0
		}
	}
	return nil, 0
}

// skipAsSubject reports whether a span left of a verb cannot be its subject:
// it sits in a prepositional phrase ("talks with Putin, Witkoff said") or is
// a possessive modifying a non-agent noun ("Russia's strikes drew").
func (c *clause) skipAsSubject(sp span) bool {
	if sp.start > 0 {
		prev := c.toks[sp.start-1]
		if (prev.Tag == "IN" || prev.Tag == "TO") && !strings.EqualFold(prev.Text, "by") {
			return true
		}
	}
	if sp.end < len(c.toks) && isPossessive(c.toks[sp.end].Text) {
		if sp.end+1 < len(c.toks) {
			next := strings.ToLower(c.toks[sp.end+1].Text)
			return !agentHeads[next] && !roleNouns[next]
		}
	}
	return false
}

// objects finds the object spans right of verb v, walking through the noun
// phrase and prepositions between them ("launched air strikes on Ukraine",
// "expressed solidarity with Ukraine", "urged Putin to halt").
func (c *clause) objects(v int) (objs []int, prep, noun string, gap int) {
	toks := c.toks
	if v+1 < len(toks) && (toks[v+1].Tag == "RP" || toks[v+1].Tag == "IN" || toks[v+1].Tag == "TO") {
		prep = strings.ToLower(toks[v+1].Text)
		if prep == "that" || prep == "if" || prep == "whether" || prep == "because" {
			return nil, "", "", 0
		}
	}
	controlled := false
	for i := v + 1; i < len(toks) && i-v <= maxGap; i++ {
		if si := c.owner[i]; si >= 0 {
			objs = append(objs, si)
			j := c.s.spans[si].end
			for j+1 < len(toks) && (toks[j].Text == "and" || toks[j].Text == "," || toks[j].Text == "or") {
				k := j + 1
				if k < len(toks) && (strings.EqualFold(toks[k].Text, "both") || strings.EqualFold(toks[k].Text, "the")) {
					k++
				}
				if k >= len(toks) || c.owner[k] < 0 {
					break
				}
				objs = append(objs, c.owner[k])
				j = c.s.spans[c.owner[k]].end
			}
			if len(objs) > 0 && strings.EqualFold(c.wordAt(v+1), "both") {
				gap--
			}
			return objs, prep, noun, gap
		}
		t := toks[i]
		lw := strings.ToLower(t.Text)
		switch {
		case t.Text == ";" || t.Text == ":" || t.Text == "." || t.Text == "?" || t.Text == "!":
			return nil, prep, noun, gap
		case t.Text == ",":
			return nil, prep, noun, gap
		case i > v+1 && (subordinators[lw] || lw == "said" || lw == "says"):
			return nil, prep, noun, gap
		case t.Tag == "TO" && i+1 < len(toks) && toks[i+1].Tag == "VB":
			// "threatened to sink the UK": the controlled verb's object.
			if controlled {
				return nil, prep, noun, gap
			}
			controlled = true
			i++
		case isFiniteVerb(t.Tag) || t.Tag == "MD":
			return nil, prep, noun, gap
		case (t.Tag == "NN" || t.Tag == "NNS") && noun == "":
			noun = lw
		}
		gap++
	}
	return nil, prep, noun, gap
}

// controlled returns the verb of "to VERB" right after v ("plans to visit"),
// or -1.
func (c *clause) controlled(v int) int {
	for i := v + 1; i < len(c.toks) && i <= v+3; i++ {
		if c.toks[i].Tag == "TO" && i+1 < len(c.toks) && c.toks[i+1].Tag == "VB" {
			return i + 1
		}
		if c.toks[i].Tag != "RB" {
			return -1
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
