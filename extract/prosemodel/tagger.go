package prosemodel

import (
	"fmt"
	"hash/maphash"
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"
)

// Tagger assigns Penn Treebank part-of-speech tags with prose's English
// averaged-perceptron model: for every sentence the tags of prose's
// tag.Tagger (v3, without a lexicon). It is safe for concurrent use.
type Tagger struct {
	classes   []string
	features  *table
	tagMap    map[string]uint8 // words the model tags without scoring
	emoticons map[string]bool  // tagged SYM, as prose's tokenizer and tagger agree
	pool      sync.Pool        // of *tagScratch
}

type tagScratch struct {
	scores  []float32
	batch   batch
	context []string
}

// prose passes Penn Treebank traces ("*-1", "*T*-2") and bracket tokens
// ("-LRB-") through unscored; these are its patterns.
var (
	traceToken   = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	bracketToken = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// newTagger decodes prose's flat perceptron format ("PROSETAG", version 1;
// prose/v3/internal/flat documents it).
func newTagger(data []byte, emoticons map[string]bool) (*Tagger, error) {
	d := &decoder{b: data}
	d.magic("PROSETAG", 1)
	classes := d.labels()
	if len(classes) > 256 {
		return nil, fmt.Errorf("tagger model: %d classes, the format allows 256", len(classes))
	}
	nFeatures, nPairs, blobLen := int(d.u32()), int(d.u32()), int(d.u32())
	blob := d.view(blobLen)
	featOff := d.offsets(nFeatures, blobLen)
	pairOff := d.offsets(nFeatures, nPairs)
	ids := d.bytes(nPairs)
	weights := d.bytes(4 * nPairs) // float32s, little endian
	nTagMap := d.count(3)
	tagMap := make(map[string]uint8, nTagMap)
	for range nTagMap {
		w, id := d.str16(), d.u8()
		if int(id) >= len(classes) {
			return nil, fmt.Errorf("tagger model: word %q has class %d of %d", w, id, len(classes))
		}
		tagMap[w] = id
	}
	if d.err != nil {
		return nil, fmt.Errorf("tagger model: %w", d.err)
	}

	size := 0
	for i := range nFeatures {
		size += recordSize(int(featOff.at(i+1)-featOff.at(i)), int(pairOff.at(i+1)-pairOff.at(i)))
	}
	// The features in the order of the upper halves of their hashes, each
	// with its index in the lower half.
	seed := maphash.MakeSeed()
	order := make([]uint64, nFeatures)
	for i := range order {
		order[i] = maphash.String(seed, blob[featOff.at(i):featOff.at(i+1)])>>32<<32 | uint64(i)
	}
	hashOrder(order, func(x uint64) uint64 { return x })
	t := newTable(seed, nFeatures, size)
	for _, x := range order {
		i := int(uint32(x))
		name, lo, hi := blob[featOff.at(i):featOff.at(i+1)], pairOff.at(i), pairOff.at(i+1)
		for _, id := range ids[lo:hi] {
			if int(id) >= len(classes) {
				return nil, fmt.Errorf("tagger model: feature %q has class %d of %d", name, id, len(classes))
			}
		}
		if err := t.add(name, ids[lo:hi], weights[4*lo:4*hi]); err != nil {
			return nil, fmt.Errorf("tagger model: %q: %w", name, err)
		}
	}
	tg := &Tagger{classes: classes, features: t, tagMap: tagMap, emoticons: emoticons}
	tg.pool.New = func() any {
		return &tagScratch{scores: make([]float32, len(classes))}
	}
	return tg, nil
}

// TagTokens sets the Tag of each token from its Text. The tokens are one
// sentence: the model reads the two words either side and the two tags
// before.
func (t *Tagger) TagTokens(tokens []token.Token) {
	if len(tokens) == 0 {
		return
	}
	s := t.pool.Get().(*tagScratch)
	defer t.pool.Put(s)

	// The words as the model was trained on them, with two sentinels at
	// each end so that every feature's neighbour exists.
	need := len(tokens) + 4
	if cap(s.context) < need {
		s.context = make([]string, need)
	}
	ctx := s.context[:need]
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i := range tokens {
		ctx[i+2] = normalize(tokens[i].Text)
	}
	ctx[need-2], ctx[need-1] = "-END-", "-END2-"

	p1, p2 := "-START-", "-START2-"
	for i := range tokens {
		tag := t.tagOne(s, i, ctx, tokens[i].Text, p1, p2)
		tokens[i].Tag = tag
		p2, p1 = p1, tag
	}
}

// tagOne tags token i: the cases prose decides without its model, then
// the model's own list of unambiguous words, then the model.
func (t *Tagger) tagOne(s *tagScratch, i int, ctx []string, word, p1, p2 string) string {
	switch {
	case word == "-":
		return "-"
	case t.emoticons[word]:
		return "SYM"
	case strings.HasPrefix(word, "@"):
		return "NN"
	case word != "" && (word[0] == '0' || word[0] == '*') && traceToken.MatchString(word):
		return "-NONE-"
	case len(word) == 5 && word[0] == '-' && bracketToken.MatchString(word):
		return word
	}
	if id, ok := t.tagMap[word]; ok {
		return t.classes[id]
	}
	return t.predict(s, i, ctx, word, p1, p2)
}

// predict scores the model's fourteen features for token i.
func (t *Tagger) predict(s *tagScratch, i int, ctx []string, word, p1, p2 string) string {
	clear(s.scores)
	i = min(len(ctx)-3, i+2)
	b := &s.batch
	b.reset()
	b.add("bias")
	b.add("i suffix ", suffix(word, 3))
	b.add("i pref1 ", prefix1(word))
	b.add("i-1 tag ", p1)
	b.add("i-2 tag ", p2)
	b.add("i tag+i-2 tag ", p1, " ", p2)
	b.add("i word ", ctx[i])
	b.add("i-1 tag+i word ", p1, " ", ctx[i])
	b.add("i-1 word ", ctx[i-1])
	b.add("i-1 suffix ", suffix(ctx[i-1], 3))
	b.add("i-2 word ", ctx[i-2])
	b.add("i+1 word ", ctx[i+1])
	b.add("i+1 suffix ", suffix(ctx[i+1], 3))
	b.add("i+2 word ", ctx[i+2])
	t.features.accumulateAll(b, s.scores)

	best, bestScore := -1, float32(math.Inf(-1))
	for c, score := range s.scores {
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	if best < 0 {
		return ""
	}
	return t.classes[best]
}

// suffix returns the last n bytes of w (bytes, not runes: the model's
// features were made that way).
func suffix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

// prefix1 returns the first byte of w.
func prefix1(w string) string {
	if w == "" {
		return ""
	}
	return w[:1]
}

// normalize maps a word to the form the tagger was trained on.
func normalize(word string) string {
	if word == "" {
		return word
	}
	first := word[0]
	if first != '-' && strings.IndexByte(word, '-') >= 0 {
		return "!HYPHEN"
	}
	if len(word) == 4 && isDecimalInt(word) {
		return "!YEAR"
	}
	if first >= '0' && first <= '9' {
		return "!DIGITS"
	}
	return toLower(word)
}

// isDecimalInt reports whether strconv.Atoi would accept s: an optional
// sign and at least one ASCII digit.
func isDecimalInt(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i = 1
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// toLower is strings.ToLower without its allocation for words already in
// lower-case ASCII.
func toLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c >= 'A' && c <= 'Z') || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}
