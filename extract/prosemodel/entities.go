package prosemodel

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/jdkato/prose/v3/token"
)

// entityFeatures are the entity model's features, in the order prose sums
// their weights (the order matters to the last bit of a float32 sum).
var entityFeatures = [...]string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

// EntityModel labels tokens with prose's English maximum-entropy entity
// model: for every sentence the IOB labels of prose's ner.Extracter.Label
// (v3). It is safe for concurrent use.
//
// prose looks up one weight for every feature and label, 17 features times
// the model's labels for each token; the model's keys ("word-Putin-B-PERSON")
// are regrouped here by feature and value ("word-Putin"), so that one
// lookup gives the weights of every label.
type EntityModel struct {
	labels     []string
	history    []string // the label as the next token's "prevtag" feature
	features   *table
	basicWords map[string]bool // Ogden's Basic English, the "en-wordlist" feature
	pool       sync.Pool       // of *entityScratch
}

type entityScratch struct {
	scores  []float32
	batch   batch
	history []string
	lower   []byte   // the tokens' text and tags in lower case, back to back
	all     string   // lower, as a string
	spans   []uint32 // token i's text in lower case is all[spans[2i]:spans[2i+1]], its tag the next span
	shapes  []string
}

// newEntityModel decodes prose's flat maximum-entropy format ("PROSENER",
// version 1; prose/v3/internal/maxent documents it).
func newEntityModel(data []byte, basicWords map[string]bool) (*EntityModel, error) {
	d := &decoder{b: data}
	d.magic("PROSENER", 1)
	d.u32() // cardinality: only prose's probability estimates use it
	labels := d.labels()
	if len(labels) > 256 {
		return nil, fmt.Errorf("entity model: %d labels, at most 256 supported", len(labels))
	}
	nKeys, blobLen := int(d.u32()), int(d.u32())
	blob := d.view(blobLen)
	keyOff := d.offsets(nKeys, blobLen)
	weights := d.bytes(4 * nKeys) // float32s, little endian
	if d.err != nil {
		return nil, fmt.Errorf("entity model: %w", d.err)
	}

	// A key is feature + "-" + value + "-" + label. Values may hold "-"
	// too, so every split of a key that names a label is kept: prose would
	// find the key under each of them. The features' prefixes ("word-",
	// "word.lower-") are none a prefix of another, so a key has one
	// feature, and the keys of a feature are contiguous, being sorted.
	labelOf := make(map[string]uint8, len(labels))
	dashes := 0 // the most any label has
	for l, label := range labels {
		labelOf[label] = uint8(l)
		dashes = max(dashes, strings.Count(label, "-"))
	}
	// Every split, with the hash of its group's name: sorted by hash, the
	// splits of a group lie together, and the groups are in the order the
	// table fills fastest. (Indexing the names as they came, in a Go map
	// or a table like the one built below, took 20-50 ms: a cache miss or
	// two for each of 150,000 keys.)
	type split struct {
		hash  uint64 // of the key without its label
		key   uint32 // its index
		cut   uint16 // where its label starts, less its dash
		label uint8
	}
	seed := maphash.MakeSeed()
	splits := make([]split, 0, nKeys) // a split per key, as a rule
	feature := ""                     // of the key before
	for k := range nKeys {
		key := blob[keyOff.at(k):keyOff.at(k+1)]
		if !hasFeature(key, feature) {
			feature = ""
			for _, name := range entityFeatures {
				if hasFeature(key, name) {
					feature = name
					break
				}
			}
			if feature == "" {
				continue
			}
		}
		// A label of d dashes follows the key's (d+1)th dash from the end.
		end := len(key)
		for range dashes + 1 {
			cut := strings.LastIndexByte(key[:end], '-')
			if cut <= len(feature) || cut > math.MaxUint16 {
				break
			}
			if l, ok := labelOf[key[cut+1:]]; ok {
				splits = append(splits, split{hash: maphash.String(seed, key[:cut]), key: uint32(k), cut: uint16(cut), label: l})
			}
			end = cut
		}
	}
	hashOrder(splits, func(s split) uint64 { return s.hash })
	name := func(s split) string { return blob[keyOff.at(int(s.key)) : keyOff.at(int(s.key))+uint32(s.cut)] }

	// One record a group: the splits of one name. Those lie together once
	// the splits of one run of equal upper hash bits are sorted by hash
	// and name (runs of more than one name are rare: a few in 150,000).
	groups, size := 0, 0
	for i := 0; i < len(splits); {
		j := i + 1
		for j < len(splits) && splits[j].hash>>32 == splits[i].hash>>32 {
			j++
		}
		if j-i > 1 {
			slices.SortStableFunc(splits[i:j], func(a, b split) int {
				return cmp.Or(cmp.Compare(a.hash, b.hash), strings.Compare(name(a), name(b)))
			})
		}
		for k, first := i, i; k < j; k++ {
			if k+1 == j || name(splits[k+1]) != name(splits[k]) { // a group ends
				groups++
				size += recordSize(int(splits[k].cut), k+1-first)
				first = k + 1
			}
		}
		i = j
	}
	t := newTable(seed, groups, size)
	var (
		classes      []uint8
		groupWeights []byte
	)
	for i := 0; i < len(splits); {
		group := name(splits[i])
		classes, groupWeights = classes[:0], groupWeights[:0]
		j := i
		for ; j < len(splits) && splits[j].hash == splits[i].hash && name(splits[j]) == group; j++ {
			k := int(splits[j].key)
			classes, groupWeights = append(classes, splits[j].label), append(groupWeights, weights[4*k:4*k+4]...)
		}
		if err := t.addHashed(group, splits[i].hash, classes, groupWeights); err != nil {
			return nil, fmt.Errorf("entity model: %q: %w", group, err)
		}
		i = j
	}

	m := &EntityModel{labels: labels, features: t, basicWords: basicWords}
	for _, l := range labels {
		m.history = append(m.history, simplePOS(l))
	}
	m.pool.New = func() any {
		return &entityScratch{scores: make([]float32, len(labels))}
	}
	return m, nil
}

// hasFeature reports whether key is a key of feature name.
func hasFeature(key, name string) bool {
	return name != "" && len(key) > len(name) && key[len(name)] == '-' && key[:len(name)] == name
}

// simplePOS is prose's reduction of a label for the "prevtag" feature.
func simplePOS(label string) string {
	if strings.HasPrefix(label, "V") {
		return "v"
	}
	first, _, _ := strings.Cut(label, "-")
	return first
}

// Label sets the Label of each token ("B-PERSON", "I-GPE", "O", …). The
// tokens are one sentence and must carry part-of-speech tags.
func (m *EntityModel) Label(tokens []token.Token) {
	if len(tokens) == 0 {
		return
	}
	s := m.pool.Get().(*entityScratch)
	defer m.pool.Put(s)
	s.lowerCase(tokens)
	s.shapes = s.shapes[:0]
	for _, t := range tokens {
		s.shapes = append(s.shapes, shape(t.Text))
	}

	s.history = s.history[:0]
	last := len(tokens) - 1
	for i, tok := range tokens {
		word := tok.Text
		prevTag, prevWord, prevPOS, prevShape := "None", "None", "None", "None"
		if i > 0 {
			prevTag, prevWord, prevPOS = s.history[i-1], s.lowerText(i-1), tokens[i-1].Tag
		}
		if i > 1 {
			prevShape = s.shapes[i-1]
		}
		nextWord, nextPOS := "None", "None"
		if i < last {
			nextWord, nextPOS = s.lowerText(i+1), s.lowerTag(i+1)
		}
		basic := "False"
		if m.basicWords[word] {
			basic = "True"
		}
		lower := s.lowerText(i)

		clear(s.scores)
		b := &s.batch
		b.reset()
		b.add("bias-True")
		b.add("en-wordlist-", basic)
		b.add("nextpos-", nextPOS)
		b.add("nextword-", nextWord)
		b.add("pos-", tok.Tag)
		b.add("pos+prevtag-", tok.Tag, "+", prevTag)
		b.addLower("prefix3-", word[:min(len(word), 3)])
		b.add("prevpos-", prevPOS)
		b.add("prevtag-", prevTag)
		b.add("prevword-", prevWord)
		b.add("shape-", s.shapes[i])
		b.add("shape+prevtag-", prevShape, "+", prevTag)
		b.addLower("suffix3-", word[len(word)-min(len(word), 3):])
		b.add("word-", word)
		b.add("word+nextpos-", lower, "+", nextPOS)
		b.add("word.lower-", lower)
		b.add("wordlen-", strconv.Itoa(len(word)))
		m.features.accumulateAll(b, s.scores)

		best, bestScore := 0, float32(math.Inf(-1))
		for l, score := range s.scores {
			if score > bestScore {
				best, bestScore = l, score
			}
		}
		tokens[i].Label = m.labels[best]
		s.history = append(s.history, m.history[best])
	}
}

// lowerCase writes every token's text and tag in lower case into the
// scratch space once (prose lowers each word three times: as the word, the
// next word and the previous one). The strings lowerText and lowerTag
// return share that space: they are valid until the next call.
func (s *entityScratch) lowerCase(tokens []token.Token) {
	s.lower, s.spans = s.lower[:0], s.spans[:0]
	for _, t := range tokens {
		s.spans = append(s.spans, uint32(len(s.lower)))
		s.lower = appendLower(s.lower, t.Text)
		s.spans = append(s.spans, uint32(len(s.lower)))
		s.lower = appendLower(s.lower, t.Tag)
	}
	s.spans = append(s.spans, uint32(len(s.lower)))
	s.all = ""
	if len(s.lower) > 0 {
		s.all = unsafe.String(&s.lower[0], len(s.lower))
	}
}

func (s *entityScratch) lowerText(i int) string { return s.all[s.spans[2*i]:s.spans[2*i+1]] }
func (s *entityScratch) lowerTag(i int) string  { return s.all[s.spans[2*i+1]:s.spans[2*i+2]] }

// appendLower appends strings.ToLower(v) to b, without allocating when v
// is ASCII.
func appendLower(b []byte, v string) []byte {
	for i := 0; i < len(v); i++ {
		if v[i] >= 0x80 {
			return append(b, strings.ToLower(v)...)
		}
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// shape is prose's word-shape feature: "number", "punct" (the word ends
// in a character outside [0-9A-Za-z_]: prose's regexp `\W+$`), "downcase",
// "upcase" (as strings.Title would write it), "mixedcase" or "other".
func shape(word string) string {
	switch {
	case isNumeric(word):
		return "number"
	case word == "":
		return "other"
	case !isWordByte(word[len(word)-1]):
		return "punct"
	case strings.ToLower(word) == word:
		return "downcase"
	//lint:ignore SA1019 the model was trained on strings.Title's answers ("NASA", "McDonald" and "Jean-Luc" read as upcase).
	case strings.Title(word) == word: //nolint:staticcheck // as above
		return "upcase"
	}
	return "mixedcase"
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isNumeric reports whether strconv.ParseFloat accepts word. Every string
// it accepts holds a digit or is a spelling of inf, infinity or nan, so
// the rest (nearly every word) are refused without the error ParseFloat
// would allocate.
func isNumeric(word string) bool {
	if !strings.ContainsAny(word, "0123456789nN") {
		return false
	}
	_, err := strconv.ParseFloat(word, 64)
	return err == nil
}
