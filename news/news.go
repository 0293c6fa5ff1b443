// Package news holds the data types that flow through newsgraph: articles as
// read from sources, the actors named in them, and the actor–relation–actor
// triples extracted from them.
//
// It is a leaf package: every other package imports it and it imports none of
// them, so the types can cross package boundaries without import cycles.
package news

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Actor types. They follow the labels of common named-entity recognisers so
// that users of other tools recognise them.
const (
	Person = "PERSON" // a named person
	Org    = "ORG"    // an organisation or institution
	GPE    = "GPE"    // a country, region or city acting as a political entity
)

// Article is one news article as read from a source.
//
// Text is normalised UTF-8 with "\n" line ends; every offset elsewhere in this
// package is a byte offset into Text.
type Article struct {
	ID     string `json:"id"`               // stable id: file stem, "stem#N" for dump parts, or the JSONL id
	Title  string `json:"title,omitempty"`  // headline, if the source has one
	Text   string `json:"text"`             // body text
	Date   string `json:"date,omitempty"`   // publication date as YYYY-MM-DD, or empty when unknown
	URL    string `json:"url,omitempty"`    // canonical address, if known
	Source string `json:"source,omitempty"` // the file or feed the article was read from
}

// Hash returns a hex SHA-256 of everything that affects extraction (id,
// title, date, URL and text). Two reads of the same article give the same
// hash; any edit gives a different one. Source is left out so that moving a
// file does not count as a change.
func (a Article) Hash() string {
	h := sha256.New()
	for _, part := range []string{a.ID, a.Title, a.Date, a.URL, a.Text} {
		// A length prefix keeps ("ab","c") and ("a","bc") apart.
		var n [8]byte
		l := len(part)
		for i := range n {
			n[i] = byte(l >> (8 * i))
		}
		h.Write(n[:])
		h.Write([]byte(part))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Mention is one occurrence of an actor in an article.
type Mention struct {
	Doc      string `json:"doc"`      // article id
	ActorID  string `json:"actor_id"` // canonical actor id, see ActorID
	Name     string `json:"name"`     // canonical name
	Type     string `json:"type"`     // PERSON, ORG, GPE
	Text     string `json:"text"`     // the surface form in the article ("Putin", "the Kremlin")
	Sentence int    `json:"sentence"` // index of the sentence in the article, from 0
	Start    int    `json:"start"`    // byte offset of Text in Article.Text
	End      int    `json:"end"`      // byte offset just past Text
	Date     string `json:"date"`     // article date as YYYY-MM-DD, or empty
}

// Triple is one actor–relation–actor fact with its evidence.
type Triple struct {
	Doc           string  `json:"doc"`            // article id
	Sentence      string  `json:"sentence"`       // the evidence sentence, verbatim
	SentenceIndex int     `json:"sentence_index"` // index of the sentence in the article, from 0
	Start         int     `json:"start"`          // byte offset of the sentence in Article.Text
	End           int     `json:"end"`            // byte offset just past the sentence
	SubjectID     string  `json:"subject_id"`     // canonical actor id of the subject
	Subject       string  `json:"subject"`        // canonical name of the subject
	SubjectType   string  `json:"subject_type"`   // PERSON, ORG, GPE
	Predicate     string  `json:"predicate"`      // verb lemma or short relation phrase ("meet", "meet with")
	ObjectID      string  `json:"object_id"`      // canonical actor id of the object
	Object        string  `json:"object"`         // canonical name of the object
	ObjectType    string  `json:"object_type"`    // PERSON, ORG, GPE
	Event         string  `json:"event"`          // PLOVER event type, or empty
	Mode          string  `json:"mode"`           // "verbal" or "material" when Event is set
	Score         float64 `json:"score"`          // cooperation (+10) to conflict (−10), Goldstein-like
	Symmetric     bool    `json:"symmetric"`      // the relation holds both ways (meetings, agreements)
	Negated       bool    `json:"negated"`        // "did not meet"
	Hypothetical  bool    `json:"hypothetical"`   // "could meet", "if Russia invades"
	Confidence    float64 `json:"confidence"`     // 0..1
	Date          string  `json:"date"`           // article date as YYYY-MM-DD, or empty
}

// Quote is a statement an actor is reported to have made: "X said ..." is
// not a relation between actors, but it says who said what.
type Quote struct {
	Doc           string `json:"doc"`            // article id
	Sentence      string `json:"sentence"`       // the sentence that reports it, verbatim
	SentenceIndex int    `json:"sentence_index"` // index of the sentence in the article, from 0
	SpeakerID     string `json:"speaker_id"`     // canonical actor id of the speaker
	Speaker       string `json:"speaker"`        // canonical name of the speaker
	SpeakerType   string `json:"speaker_type"`   // PERSON, ORG, GPE
	Verb          string `json:"verb"`           // reporting verb lemma: "say", "tell", "announce"
	Text          string `json:"text"`           // what was said: the quotation, or the reported clause
	Date          string `json:"date"`           // article date as YYYY-MM-DD, or empty
}

// Extraction is everything extracted from one article.
type Extraction struct {
	Article  Article   `json:"article"`
	Mentions []Mention `json:"mentions"`
	Triples  []Triple  `json:"triples"`
	Quotes   []Quote   `json:"quotes"`
	// Rules names the extraction rules that made it (extract.Version);
	// a store counts an article read with other rules as changed.
	Rules string `json:"rules,omitempty"`
}

// Key returns what a store compares to tell whether an article must be
// extracted again: its Hash, and the rules that extracted it.
func (ex Extraction) Key() string { return ArticleKey(ex.Article, ex.Rules) }

// ArticleKey returns the Key an extraction of a with the given rules has.
func ArticleKey(a Article, rules string) string {
	if rules == "" {
		return a.Hash()
	}
	return a.Hash() + "+" + rules
}

// IDDigest returns the first 16 bytes of the SHA-256 of an article id: a
// fixed-size stand-in for the id in tables that hold one entry for every
// article read, so that they do not keep the ids themselves. Two ids share
// a digest with a chance of about 2^-128 a pair.
func IDDigest(id string) [16]byte {
	sum := sha256.Sum256([]byte(id))
	return [16]byte(sum[:16])
}

// ActorID returns the canonical id for an actor name: lower case, accents
// removed, runs of anything but letters and digits folded to one '-'.
// Romanised name endings are folded ("Zelenskyy", "Zelenskiy" → "zelensky";
// see translitEndings): "Volodymyr Zelenskyy" → "volodymyr-zelensky";
// "U.S." → "u-s".
func ActorID(name string) string {
	var b strings.Builder
	dash := false
	wordStart := 0
	endWord := func() {
		foldEnding(&b, wordStart)
	}
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// combining accent: dropped so "Zelenskyy" and "Zelénskyy" agree
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				endWord()
				b.WriteByte('-')
				wordStart = b.Len()
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	endWord()
	return b.String()
}

// translitEndings are the spellings that romanisations of Slavic names give
// one ending: "Zelenskyy", "Zelenskiy", "Zelenskyi" and "Zelensky";
// "Dmitriy", "Dmitrii" and "Dmitry"; "Alexei" and "Alexey". They are folded
// into the last form, so that one person keeps one id across sources.
var translitEndings = [...][2]string{{"yy", "y"}, {"iy", "y"}, {"yi", "y"}, {"ii", "y"}, {"ij", "y"}, {"ei", "ey"}}

// foldEnding rewrites the ending of the word that starts at byte from in b,
// when the word is long enough to be a name (five letters or more).
func foldEnding(b *strings.Builder, from int) {
	s := b.String()
	word := s[from:]
	if len(word) < 5 {
		return
	}
	for _, e := range translitEndings {
		if stem, ok := strings.CutSuffix(word, e[0]); ok {
			b.Reset()
			b.WriteString(s[:from])
			b.WriteString(stem)
			b.WriteString(e[1])
			return
		}
	}
}
