// Package prosemodel runs the English part-of-speech and entity models
// that ship with prose v3 (github.com/jdkato/prose/v3: tag/aptagmodel and
// ner/maxentmodel), giving the same tags and labels as prose's own tag and
// ner packages at a fraction of the cost.
//
// Profiles of newsgraph's extraction put about 60% of its CPU time in
// those two models, most of it in their lookups: prose finds each feature
// weight by binary search over a sorted blob of strings, and its entity
// model asks once for every feature and label, 17 features times the
// model's labels for every token. Here each model's weights are indexed by
// a hash table built when the model is decoded, and the entity model's
// keys are grouped by feature value so that one lookup gives every label's
// weight. Scores are summed in prose's order, so ties and near-ties break
// the same way; the tests compare every tag and label with prose's on the
// sample corpus, generated news, the shared articles when present, and
// fuzzed input.
//
// The words prose treats specially (Ogden's Basic English, an entity
// feature; emoticons, which the tagger tags SYM) are copied from prose's
// internal packages into basic-english.txt and emoticons.txt;
// TestWordListsMatchProse compares them with prose's source. prose is MIT
// licensed; LICENSE.prose is its licence.
package prosemodel

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/ner/maxentmodel"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

//go:embed basic-english.txt
var basicEnglishText string

//go:embed emoticons.txt
var emoticonsText string

// Decoding a model and building its table takes tens of milliseconds and
// megabytes, and the result is immutable, so each process does it once,
// as prose does for its own models.
var (
	englishTagger   = sync.OnceValues(func() (*Tagger, error) { return newTagger(aptagmodel.English, wordSet(emoticonsText)) })
	englishEntities = sync.OnceValues(func() (*EntityModel, error) {
		return newEntityModel(maxentmodel.English, wordSet(basicEnglishText))
	})
)

// EnglishTagger returns the tagger for prose's English model. The model is
// decoded on the first call, which later and concurrent calls wait for and
// share.
func EnglishTagger() (*Tagger, error) {
	t, err := englishTagger()
	if err != nil {
		return nil, fmt.Errorf("prosemodel: English tagger: %w", err)
	}
	return t, nil
}

// EnglishEntities returns prose's English entity model. The model is
// decoded on the first call, which later and concurrent calls wait for and
// share.
func EnglishEntities() (*EntityModel, error) {
	m, err := englishEntities()
	if err != nil {
		return nil, fmt.Errorf("prosemodel: English entity model: %w", err)
	}
	return m, nil
}

// wordSet returns the set of the lines of text.
func wordSet(text string) map[string]bool {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	set := make(map[string]bool, len(lines))
	for _, l := range lines {
		set[l] = true
	}
	return set
}
