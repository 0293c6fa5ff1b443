package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/news"
)

// speechVerbs report what someone said. "X said ..." makes no relation
// between actors, but it makes a quote attributed to X.
var speechVerbs = setOf(
	"say", "tell", "add", "state", "claim", "announce", "insist", "note", "write", "declare",
	"stress", "warn", "argue", "explain", "confirm", "reiterate", "emphasize", "emphasise",
	"suggest", "comment", "post", "tweet", "predict", "allege", "acknowledge", "admit", "vow",
)

// quotes finds the statements a sentence attributes to an actor: "Peskov
// said the talks were useful", "“We are ready,” the Kremlin said", "said
// Zelensky". The text is the quotation when the sentence has one, else the
// reported clause.
func (x *Extractor) quotes(a news.Article, s *sentence) []news.Quote {
	if len(s.spans) == 0 {
		return nil
	}
	c := x.newClause(s)
	var out []news.Quote
	seen := map[string]bool{}
	for v, t := range c.toks {
		if c.owner[v] >= 0 || !isVerbTag(t.Tag) {
			continue
		}
		lem := x.lemmas.Verb(t.Text)
		if !speechVerbs[lem] {
			continue
		}
		speaker, inverted := c.speaker(v)
		if speaker < 0 {
			continue
		}
		sa := s.spans[speaker].actor
		if sa == nil || seen[sa.id] {
			continue
		}
		text := quotation(s.text)
		if text == "" {
			text = c.reported(v, speaker, inverted)
		}
		if text == "" {
			continue
		}
		seen[sa.id] = true
		out = append(out, news.Quote{
			Doc: a.ID, Sentence: s.text, SentenceIndex: s.index,
			SpeakerID: sa.id, Speaker: sa.name, SpeakerType: sa.typ,
			Verb: lem, Text: text, Date: a.Date,
		})
	}
	return out
}

// speaker returns the span that speaks through the verb at v, and whether
// it follows the verb ("..., said Peskov"), or -1.
func (c *clause) speaker(v int) (int, bool) {
	switch t := c.toks[v]; {
	case t.Tag == "VB" && v > 0 && c.toks[v-1].Tag == "TO":
		return -1, false // "to explain his defeats": no statement made
	case t.Tag == "VBG" && v > 0 && c.toks[v-1].Text == ",":
		// "He urged Putin to halt the attacks, emphasizing ...": the main
		// clause's subject speaks, not the actor named just before.
		if m := c.mainVerb(v); m >= 0 {
			if subs, _ := c.subjects(m); len(subs) > 0 {
				return subs[0], false
			}
		}
		return -1, false
	}
	if subs, _ := c.subjects(v); len(subs) > 0 {
		return subs[0], false
	}
	// Inverted: the verb right after a comma or closing quote, the speaker
	// right after it ("..., said Dmitry Peskov", "...,” said the Kremlin").
	if v > 0 && (c.toks[v-1].Text == "," || isCloseQuote(c.toks[v-1].Text)) {
		k := v + 1
		if c.wordAt(k) == "the" {
			k++
		}
		if k < len(c.toks) && c.owner[k] >= 0 {
			return c.owner[k], true
		}
	}
	return -1, false
}

// reported returns the clause reported by the verb at v: what follows it
// ("said [that] the talks were useful") or, when the speaker follows the
// verb, what precedes it ("The talks were useful, said Peskov").
func (c *clause) reported(v, speaker int, inverted bool) string {
	sp := c.s.spans[speaker]
	var from, to int
	if inverted || sp.start > v {
		from, to = 0, v
	} else {
		from, to = v+1, len(c.toks)
		// "told reporters that", "said on Tuesday that": up to "that".
		for k := from; k < len(c.toks) && k <= v+6; k++ {
			if c.wordAt(k) == "that" {
				from = k + 1
				break
			}
		}
		if sp.start < v && c.wordAt(v-1) == "," && v >= 2 && from == v+1 {
			// "The talks were useful, Peskov said": the clause before.
			from, to = 0, sp.start
		}
	}
	for to > from && isPunct(c.toks[to-1].Text) {
		to--
	}
	for from < to && isPunct(c.toks[from].Text) {
		from++
	}
	if to-from < 3 {
		return ""
	}
	start := c.toks[from].Start - c.s.start
	end := c.toks[to-1].End() - c.s.start
	if start < 0 || end > len(c.s.text) || start >= end {
		return ""
	}
	return strings.TrimSpace(c.s.text[start:end])
}

// quotation returns the longest text inside quotation marks in s, or "".
func quotation(s string) string {
	best := ""
	for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}} {
		rest := s
		for {
			i := strings.Index(rest, q[0])
			if i < 0 {
				break
			}
			rest = rest[i+len(q[0]):]
			j := strings.Index(rest, q[1])
			if j < 0 {
				break
			}
			if t := strings.TrimRight(strings.TrimSpace(rest[:j]), ",;:"); len(strings.Fields(t)) >= 3 && len(t) > len(best) {
				best = t
			}
			rest = rest[j+len(q[1]):]
		}
	}
	return best
}

func isCloseQuote(w string) bool { return w == "”" || w == "\"" || w == "’" || w == "''" }

func isPunct(w string) bool {
	return w == "," || w == "." || w == ";" || w == ":" || w == "“" || w == "”" || w == "\"" || w == "'" || w == "’" || w == "‘"
}
