package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/lemma"
	"github.com/newsgraph/newsgraph/extract/prosemodel"
	"github.com/newsgraph/newsgraph/news"
)

// Version names the extraction rules. The store keeps it with each
// article, so that a build with other rules extracts unchanged articles
// again instead of keeping what older rules made of them. Change it
// whenever the output on the same text changes (TestVersion checks the
// sample corpus).
const Version = "2026-12-06.24"

// Options configures an Extractor.
type Options struct {
	// Gazetteer resolves countries, capitals, institutions and
	// organisations. Nil means the built-in gazetteer with institutions
	// folded into their country.
	Gazetteer *gazetteer.Gazetteer
}

// Extractor turns articles into actor mentions and triples. Models are
// loaded once per process and shared; an Extractor itself keeps scratch
// state, so use one per goroutine.
type Extractor struct {
	gaz       *gazetteer.Gazetteer
	segmenter *segment.Segmenter
	tokenizer *tokenize.Tokenizer
	tagger    *prosemodel.Tagger
	ner       *prosemodel.EntityModel
	lemmas    *lemma.Lemmatizer
}

// New returns an Extractor.
func New(opts Options) (*Extractor, error) {
	g := opts.Gazetteer
	if g == nil {
		entries, err := gazetteer.Builtin()
		if err != nil {
			return nil, fmt.Errorf("extract: built-in gazetteer: %w", err)
		}
		g, err = gazetteer.New(entries, gazetteer.Options{FoldInstitutions: true})
		if err != nil {
			return nil, fmt.Errorf("extract: built-in gazetteer: %w", err)
		}
	}
	m, err := loadModels()
	if err != nil {
		return nil, err
	}
	return &Extractor{
		gaz:       g,
		segmenter: m.segmenter,
		tokenizer: tokenize.New(),
		tagger:    m.tagger,
		ner:       m.ner,
		lemmas:    lemma.New(),
	}, nil
}

// LoadModels loads the statistical models every Extractor shares (the
// sentence, part-of-speech and entity models), once per process: later
// calls, and calls made while a load is under way, wait for that load and
// return its result. New calls it. The three load concurrently: in a new
// process on one core the sentence model took 32-35 ms, the tagger 37-56
// and the entity model 36-67 (prosemodel builds their hash tables; most of
// that time is the first touch of fresh memory). A program may also call
// it early in a goroutine of its own, so that the loading overlaps the
// rest of its set-up, since New then waits for that load instead of
// starting one.
func LoadModels() error {
	_, err := loadModels()
	return err
}

// models are one Extractor's handles on the shared models.
type models struct {
	segmenter *segment.Segmenter
	tagger    *prosemodel.Tagger
	ner       *prosemodel.EntityModel
}

// loadModels returns new handles on the shared models, loading them
// concurrently the first time (see LoadModels).
func loadModels() (models, error) {
	var (
		m    models
		wg   sync.WaitGroup
		errs [3]error
	)
	wg.Go(func() {
		if m.segmenter, errs[0] = segment.New(); errs[0] != nil {
			errs[0] = fmt.Errorf("extract: sentence model: %w", errs[0])
		}
	})
	wg.Go(func() {
		if m.tagger, errs[1] = prosemodel.EnglishTagger(); errs[1] != nil {
			errs[1] = fmt.Errorf("extract: %w", errs[1])
		}
	})
	if m.ner, errs[2] = prosemodel.EnglishEntities(); errs[2] != nil {
		errs[2] = fmt.Errorf("extract: %w", errs[2])
	}
	wg.Wait()
	return m, errors.Join(errs[:]...)
}

// sentence is one sentence of an article with its tagged tokens. Token
// offsets are relative to the article text.
type sentence struct {
	index  int
	start  int
	text   string
	tokens []token.Token
	// spans are the actor mentions found in the sentence, in order.
	spans []span
}

// Extract reads one article and returns its actor mentions and triples. It
// never fails on odd text; errors come only from ctx.
func (x *Extractor) Extract(ctx context.Context, a news.Article) (news.Extraction, error) {
	ex := news.Extraction{Article: a, Mentions: []news.Mention{}, Triples: []news.Triple{}, Quotes: []news.Quote{}, Rules: Version}
	sents := x.sentences(a.Text)
	doc := newDocument(x, a)
	for i := range sents {
		if i%32 == 0 {
			if err := ctx.Err(); err != nil {
				return ex, err
			}
		}
		x.analyse(&sents[i])
		doc.recognise(&sents[i])
	}
	doc.resolve(sents)
	n := 0
	for i := range sents {
		for _, sp := range sents[i].spans {
			if isMention(sp) {
				n++
			}
		}
	}
	ex.Mentions = make([]news.Mention, 0, n)
	reported := map[string]bool{}
	for i := range sents {
		s := &sents[i]
		for _, sp := range s.spans {
			if !isMention(sp) {
				continue
			}
			ex.Mentions = append(ex.Mentions, news.Mention{
				Doc:      a.ID,
				ActorID:  sp.actor.id,
				Name:     sp.actor.name,
				Type:     sp.actor.typ,
				Text:     a.Text[sp.startByte:sp.endByte],
				Sentence: s.index,
				Start:    sp.startByte,
				End:      sp.endByte,
				Date:     a.Date,
			})
		}
		ex.Triples = x.relations(ex.Triples, a, s, reported)
		ex.Quotes = append(ex.Quotes, x.quotes(a, s)...)
	}
	return ex, nil
}

// isMention reports whether a span counts as a mention of its actor: a
// pronoun or "the pair" names no one (counting it would inflate the
// mentions of whoever was named last), and a place or an attributive use
// ("its NATO bid") is not the actor acting.
func isMention(sp span) bool {
	return sp.actor != nil && sp.kind != pronoun && sp.kind != pair && !sp.place && !sp.attributive
}

// sentences splits text into sentences. Lines are split first, because in
// news text a line break always ends a sentence (headlines, captions,
// bullets, datelines have no final punctuation); then the Punkt model
// splits each line.
func (x *Extractor) sentences(text string) []sentence {
	var out []sentence
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		lineStart := off
		off += len(line)
		if strings.TrimSpace(line) == "" {
			continue
		}
		// A bullet marker is layout, not text: "- Trump's disapproval ..."
		// would otherwise be tagged as if "Trump" were a common noun.
		if n := bulletPrefix(line); n > 0 {
			line, lineStart = line[n:], lineStart+n
		}
		// A photo caption glued to its credit ("... General Alexander
		// LapinCredit: East2West"): the credit is layout; the caption ends
		// where it starts.
		if n := creditStart(line); n > 0 {
			line = line[:n]
		}
		segs := x.segmenter.Segment(line)
		for i := 0; i < len(segs); i++ {
			st, text := segs[i].Start, segs[i].Text
			// A quotation that spans sentences is one statement: "He said:
			// “We are ready. We will talk.”" Join until it closes (at
			// most maxQuoteJoin sentences, in case a mark is missing).
			for j := 0; j < maxQuoteJoin && openQuote(text) && i+1 < len(segs); j++ {
				i++
				end := segs[i].Start + len(segs[i].Text)
				if end > len(line) || st > end {
					break
				}
				text = line[st:end]
			}
			if strings.TrimSpace(text) == "" {
				continue
			}
			out = append(out, sentence{index: len(out), start: lineStart + st, text: text})
		}
	}
	return out
}

// analyse tokenises and tags one sentence. Entity labels are left to
// document.label, which runs the (costly) entity model only around the
// capitalised words that the gazetteer and title patterns leave undecided.
func (x *Extractor) analyse(s *sentence) {
	text := s.text
	if strings.ContainsAny(text, "{}") {
		// The tokenizer glues braces to words ("{France"); a space of the
		// same width keeps every offset.
		text = strings.Map(func(r rune) rune {
			if r == '{' || r == '}' {
				return ' '
			}
			return r
		}, text)
	}
	toks := x.tokenizer.Tokenize(text)
	x.tagger.TagTokens(toks)
	toks = splitCompounds(toks)
	for i := range toks {
		toks[i].Start += s.start
	}
	s.tokens = toks
}

// bulletPrefix returns the length of a bullet marker and the spaces after it
// at the start of a line ("- ", "• ", "* "), or 0.
func bulletPrefix(line string) int {
	t := strings.TrimLeft(line, " \t")
	for _, b := range []string{"-", "•", "*", "–", "—", "·", "▪", "►", "‣"} {
		if rest, ok := strings.CutPrefix(t, b); ok && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\t")) {
			return len(line) - len(strings.TrimLeft(rest, " \t"))
		}
	}
	return 0
}

// creditStart returns where a photo credit glued to the end of a caption
// starts ("LapinCredit: East2West" → the index of "Credit"), or 0. Only a
// credit that follows a letter or closing punctuation without a space
// counts: "Credit: Reuters" on a line of its own is text like any other.
func creditStart(line string) int {
	for _, marker := range []string{"Credit:", "Credits:", "Photo:", "Image:", "Picture:"} {
		i := strings.LastIndex(line, marker)
		if i <= 0 {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(line[:i])
		if unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune(".)’'”\"", prev) {
			return i
		}
	}
	return 0
}

// maxQuoteJoin bounds how many following sentences an open quotation takes
// in.
const maxQuoteJoin = 4

// openQuote reports whether s opens a quotation it does not close: more “
// than ”, or an odd number of straight double quotes.
func openQuote(s string) bool {
	return strings.Count(s, "“") > strings.Count(s, "”") || strings.Count(s, "\"")%2 == 1
}
