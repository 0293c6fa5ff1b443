// Package querybench generates large synthetic stores for measuring
// newsgraph's queries: a million triples among a few thousand actors whose
// frequencies follow a Zipf law, like news, where a few actors ("Russia",
// "the UN") appear in most articles and most appear in a handful.
//
// The data are made up: names are built from syllables, sentences from a
// template. They go through store.Ingest like real extractions, so the
// store has every key and index a real build writes.
package querybench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/news"
	"github.com/newsgraph/newsgraph/store"
)

// Config sizes a generated corpus. The zero value of a field takes the
// default named in its comment.
type Config struct {
	Triples           int     // total triples (default 1 000 000)
	Actors            int     // distinct actors (default 2000)
	TriplesPerArticle int     // triples in each article (default 40)
	Days              int     // articles are dated over this many days from 2023-01-01 (default 730)
	Zipf              float64 // Zipf exponent s > 1 of actor frequency (default 1.1)
	Seed              uint64  // random seed (default 1)
	// Progress, if set, is called after each batch is stored with the
	// articles and triples stored so far.
	Progress func(articles, triples int)
}

func (c Config) withDefaults() Config {
	if c.Triples <= 0 {
		c.Triples = 1_000_000
	}
	if c.Actors <= 1 {
		c.Actors = 2000
	}
	if c.TriplesPerArticle <= 0 {
		c.TriplesPerArticle = 40
	}
	if c.Days <= 0 {
		c.Days = 730
	}
	if c.Zipf <= 1 {
		c.Zipf = 1.1
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	return c
}

// Actor is one generated actor.
type Actor struct {
	ID    string // news.ActorID(Name)
	Name  string // canonical name
	Type  string // news.Person, news.Org or news.GPE
	Alias string // a second surface form (surname, acronym), or ""
}

// Corpus describes what Generate stored.
type Corpus struct {
	Config   Config
	Actors   []Actor // by rank: Actors[0] is the most frequent
	Articles int
	Triples  int
	Elapsed  time.Duration
}

// Pick returns an actor drawn with the corpus's own Zipf frequencies, so
// that frequent actors are picked as often as they appear: the mix of
// queries people ask.
func (c *Corpus) Pick(r *rand.Rand) Actor {
	return c.Actors[zipf(r, c.Config.Zipf, len(c.Actors))]
}

// zipf draws a rank in [0, n) with P(k) ∝ (k+2)^-s: a Zipf law with the
// head softened (v = 2), so the top actor has about a tenth of the ends.
func zipf(r *rand.Rand, s float64, n int) int {
	return int(rand.NewZipf(r, s, 2, uint64(n-1)).Uint64())
}

// predicates are the verbs of the generated triples with their PLOVER
// event types and scores; "" is a relation without an event type.
var predicates = []struct {
	verb, past, event string
	score             float64
}{
	{"meet", "met", "CONSULT", 1},
	{"meet with", "met with", "CONSULT", 1},
	{"praise", "praised", "SUPPORT", 3.5},
	{"criticise", "criticised", "DISAPPROVE", -2},
	{"warn", "warned", "THREATEN", -4},
	{"accuse", "accused", "ACCUSE", -2},
	{"sanction", "sanctioned", "SANCTION", -6},
	{"attack", "attacked", "ASSAULT", -9},
	{"aid", "sent aid to", "AID", 7},
	{"urge", "urged", "REQUEST", -0.5},
	{"call", "called", "", 0},
	{"visit", "visited", "CONSULT", 2},
}

var syllables = []string{
	"ka", "ri", "vo", "len", "mar", "to", "sa", "be", "dru", "an", "vel", "ko",
	"né", "zar", "mi", "lo", "tur", "ös", "ha", "pe", "qui", "jo", "ly", "dé",
	"gra", "bor", "tin", "sha", "el", "ru", "ví", "nor", "ste", "fa", "om", "ula",
}

// name builds a capitalised word of 2–3 syllables.
func word(r *rand.Rand) string {
	n := 2 + r.IntN(2)
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	w := []rune(b.String())
	return strings.ToUpper(string(w[0])) + string(w[1:])
}

// actors generates n actors with distinct ids.
func actors(r *rand.Rand, n int) []Actor {
	out := make([]Actor, 0, n)
	seen := map[string]bool{}
	for len(out) < n {
		var a Actor
		switch k := r.IntN(10); {
		case k < 5:
			given, surname := word(r), word(r)
			a = Actor{Name: given + " " + surname, Type: news.Person, Alias: surname}
		case k < 8:
			w1, w2 := word(r), word(r)
			kind := []string{"Council", "Front", "Union", "Agency", "Party"}[r.IntN(5)]
			a = Actor{Name: w1 + " " + w2 + " " + kind, Type: news.Org,
				Alias: strings.ToUpper(w1[:1] + w2[:1] + kind[:1])}
		default:
			a = Actor{Name: word(r) + []string{"land", "ia", "stan", ""}[r.IntN(4)], Type: news.GPE}
		}
		a.ID = news.ActorID(a.Name)
		if seen[a.ID] || (a.Alias != "" && seen["alias:"+a.Alias]) {
			continue
		}
		seen[a.ID] = true
		if a.Alias != "" {
			seen["alias:"+a.Alias] = true
		}
		out = append(out, a)
	}
	return out
}

// batchSize is how many extractions Generate stores in one IngestBatch, as
// a build does (ingest.DefaultBatch).
const batchSize = 64

// Generate ingests a synthetic corpus into st and describes it. Extractions
// are built on another goroutine while the previous batch is stored.
func Generate(ctx context.Context, st *store.Store, cfg Config) (*Corpus, error) {
	cfg = cfg.withDefaults()
	start := time.Now()
	r := rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15))
	c := &Corpus{Config: cfg, Actors: actors(r, cfg.Actors)}
	nArticles := (cfg.Triples + cfg.TriplesPerArticle - 1) / cfg.TriplesPerArticle

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	exs := make(chan news.Extraction, 8)
	go func() {
		defer close(exs)
		z := rand.NewZipf(r, cfg.Zipf, 2, uint64(len(c.Actors)-1))
		day0 := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
		left := cfg.Triples
		for i := range nArticles {
			n := min(cfg.TriplesPerArticle, left)
			left -= n
			date := day0.AddDate(0, 0, r.IntN(cfg.Days)).Format(time.DateOnly)
			ex := article(r, z, c.Actors, fmt.Sprintf("gen-%06d", i), date, n)
			select {
			case exs <- ex:
			case <-ctx.Done():
				return
			}
		}
	}()
	batch := make([]news.Extraction, 0, batchSize)
	flush := func() error {
		if _, err := st.IngestBatch(ctx, batch); err != nil {
			return fmt.Errorf("querybench: generate: %w", err)
		}
		for _, ex := range batch {
			c.Articles++
			c.Triples += len(ex.Triples)
		}
		batch = batch[:0]
		if cfg.Progress != nil {
			cfg.Progress(c.Articles, c.Triples)
		}
		return nil
	}
	for ex := range exs {
		batch = append(batch, ex)
		if len(batch) == batchSize {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.Elapsed = time.Since(start)
	return c, nil
}

// article builds one extraction of n triples, one sentence each.
func article(r *rand.Rand, z *rand.Zipf, actors []Actor, id, date string, n int) news.Extraction {
	ex := news.Extraction{
		Article:  news.Article{ID: id, Title: "Report " + id, Date: date, URL: "https://example.org/" + id, Source: "querybench"},
		Mentions: make([]news.Mention, 0, 2*n),
		Triples:  make([]news.Triple, 0, n),
	}
	var text strings.Builder
	surface := func(a Actor) string {
		if a.Alias != "" && r.IntN(3) == 0 {
			return a.Alias
		}
		return a.Name
	}
	for i := range n {
		s := actors[z.Uint64()]
		o := actors[z.Uint64()]
		for o.ID == s.ID {
			o = actors[z.Uint64()]
		}
		p := predicates[r.IntN(len(predicates))]
		st, ot := surface(s), surface(o)
		start := text.Len()
		sentence := st + " " + p.past + " " + ot + " over the " + word(r) + " dispute on " + date + "."
		text.WriteString(sentence)
		text.WriteByte(' ')
		oStart := start + len(st) + 1 + len(p.past) + 1
		ex.Mentions = append(ex.Mentions,
			news.Mention{Doc: id, ActorID: s.ID, Name: s.Name, Type: s.Type, Text: st, Sentence: i, Start: start, End: start + len(st), Date: date},
			news.Mention{Doc: id, ActorID: o.ID, Name: o.Name, Type: o.Type, Text: ot, Sentence: i, Start: oStart, End: oStart + len(ot), Date: date})
		mode := ""
		if p.event != "" {
			mode = "verbal"
		}
		ex.Triples = append(ex.Triples, news.Triple{
			Doc: id, Sentence: sentence, SentenceIndex: i, Start: start, End: start + len(sentence),
			SubjectID: s.ID, Subject: s.Name, SubjectType: s.Type, Predicate: p.verb,
			ObjectID: o.ID, Object: o.Name, ObjectType: o.Type,
			Event: p.event, Mode: mode, Score: p.score,
			Negated: r.IntN(40) == 0, Hypothetical: r.IntN(20) == 0,
			Confidence: 0.5 + float64(r.IntN(50))/100, Date: date,
		})
	}
	ex.Article.Text = text.String()
	return ex
}
