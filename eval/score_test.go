package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

// fixtureGold loads testdata/gold/ok.jsonl with its aliases.
func fixtureGold(t *testing.T) *Gold {
	t.Helper()
	g, err := LoadGold("testdata/gold/ok.jsonl", "testdata/gold/aliases.json")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// triple returns a predicted triple; types are guessed from the names.
func triple(doc, sentence, subj, pred, obj string) news.Triple {
	typ := func(name string) string {
		switch name {
		case "Norway", "Kenya", "India", "Egypt":
			return news.GPE
		case "Haugvik-Lunde", "Samuel Odhengo", "Kari Haugvik-Lunde":
			return news.Person
		}
		return news.Org
	}
	return news.Triple{Doc: doc, Sentence: sentence, Subject: subj, SubjectID: news.ActorID(subj), SubjectType: typ(subj),
		Predicate: pred, Object: obj, ObjectID: news.ActorID(obj), ObjectType: typ(obj)}
}

func TestNormText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"  a \t b\n\nc  ", "a b c"},
		{"“full solidarity” with Kyiv’s ‘allies’", `"full solidarity" with Kyiv's 'allies'`},
		{"a\u00a0b", "a b"},
		{"„x‟ ‚y‛ 5′ 6″", `"x" 'y' 5' 6"`},
	} {
		if got := normText(tc.in); got != tc.want {
			t.Errorf("normText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNames(t *testing.T) {
	g := fixtureGold(t)
	for _, tc := range []struct {
		name, id, typ, gold string
		want                bool
	}{
		{"Norway", "norway", news.GPE, "Norway", true},
		{"NORWAY", "", news.GPE, "Norway", true},                              // by id
		{"Zelénskyy", "", news.Person, "Zelenskyy", true},                     // accents folded
		{"the Front", "", news.Org, "Azure Coast Front", true},                // alias
		{"ACF", "", news.Org, "Azure Coast Front", true},                      // alias
		{"Something", "acf", news.Org, "Azure Coast Front", true},             // alias, by the predicted id
		{"U.N.", "", news.Org, "United Nations", true},                        // alias with dots
		{"U.N.", "", news.Org, "Azure Coast Front", false},                    // another actor's alias
		{"Haugvik-Lunde", "", news.Person, "Ingrid Haugvik-Lunde", true},      // alias and surname
		{"Kari Haugvik-Lunde", "", news.Person, "Ingrid Haugvik-Lunde", true}, // surname, persons only
		{"Kari Haugvik-Lunde", "", news.Org, "Ingrid Haugvik-Lunde", false},
		{"Lunde", "", news.Person, "Ingrid Haugvik-Lunde", false}, // the last word is the whole hyphenated name
		{"Odhengo", "", news.Person, "Ingrid Haugvik-Lunde", false},
		{"Coast", "", news.Org, "Azure Coast Front", false},
		{"", "", news.Person, "Norway", false},
		{"Norway", "norway", news.GPE, "", false},
	} {
		if got := g.names(tc.name, tc.id, tc.typ, tc.gold); got != tc.want {
			t.Errorf("names(%q, %q, %s, gold %q) = %v, want %v", tc.name, tc.id, tc.typ, tc.gold, got, tc.want)
		}
	}
}

func TestPredicateMatches(t *testing.T) {
	g := fixtureGold(t)
	for _, tc := range []struct {
		pred     string
		accepted []string
		want     bool
	}{
		{"meet", []string{"meet"}, true},
		{"met", []string{"meet"}, true},
		{"meet with", []string{"meet"}, true}, // the verb of a phrase
		{"meet", []string{"meeting"}, true},   // nouns in -ing lemmatise to the verb
		{"threatened", []string{"threaten"}, true},
		{"sanctions", []string{"sanction"}, true},
		{"call on", []string{"call on"}, true},
		{"calls on", []string{"call on"}, true},
		{"call", []string{"call on"}, false}, // a phrase must be matched whole
		{"call on", []string{"urge", "call"}, true},
		{"hold", []string{"talk", "meet"}, false},
		{"talk", []string{"hold"}, false},
		{"", []string{"meet"}, false},
		{"meet", nil, false},
	} {
		if got := g.predicateMatches(tc.pred, tc.accepted); got != tc.want {
			t.Errorf("predicateMatches(%q, %q) = %v, want %v", tc.pred, tc.accepted, got, tc.want)
		}
	}
}

func TestScore(t *testing.T) {
	g := fixtureGold(t)
	const (
		s1 = "Norway accused the Front of piracy on Monday."
		s2 = `She met Samuel Odhengo in "Nairobi" on Tuesday.`
		s3 = "Norway praised Kenya."
		s4 = "Kenya urged the United Nations to act quickly."
		s5 = "India held talks with Egypt in Cairo."
	)
	p1 := triple("a1", s1, "Norway", "accuse", "Azure Coast Front")        // direct item
	p2 := triple("a1", s1, "Norway", "accuse", "Fjellhavn Shipping")       // optional item
	p3 := triple("a1", s2, "Samuel Odhengo", "meet with", "Haugvik-Lunde") // coref item, reversed (symmetric)
	p4 := triple("a1", s3, "Norway", "praise", "Kenya")                    // nothing
	p5 := triple("a2", s4, "Kenya", "call on", "U.N.")                     // direct item, through an alias
	p6 := triple("a3", s5, "India", "discuss", "Egypt")                    // the pair, another predicate
	p7 := triple("a9", s5, "India", "discuss", "Egypt")                    // not a gold document
	p8 := triple("a1", s1, "Azure Coast Front", "accuse", "Norway")        // wrong direction
	exs := []news.Extraction{
		{Article: news.Article{ID: "a1", Text: s1 + " " + s2 + " " + s3}, Triples: []news.Triple{p1, p2, p3, p4, p8}},
		{Article: news.Article{ID: "a2", Text: s4}, Triples: []news.Triple{p5}},
		{Article: news.Article{ID: "a3", Text: s5}, Triples: []news.Triple{p6}},
		{Article: news.Article{ID: "a9", Text: s5}, Triples: []news.Triple{p7}},
	}
	want := &Report{
		Docs:    []string{"a1", "a2", "a3"},
		Unread:  []string{},
		Ignored: 1,
		Strict: Scores{
			Direct: Score{Gold: 3, TP: 2, FN: 1, Predicted: 6, FP: 3, Precision: 3.0 / 6, Recall: 2.0 / 3, F1: f1(0.5, 2.0/3)},
			Coref:  Score{Gold: 1, TP: 1, Predicted: 1, Precision: 1, Recall: 1, F1: 1},
			All:    Score{Gold: 4, TP: 3, FN: 1, Predicted: 7, FP: 3, Precision: 4.0 / 7, Recall: 3.0 / 4, F1: f1(4.0/7, 0.75)},
		},
		Pair: Scores{
			Direct: Score{Gold: 3, TP: 3, Predicted: 6, FP: 2, Precision: 4.0 / 6, Recall: 1, F1: f1(4.0/6, 1)},
			Coref:  Score{Gold: 1, TP: 1, Predicted: 1, Precision: 1, Recall: 1, F1: 1},
			All:    Score{Gold: 4, TP: 4, Predicted: 7, FP: 2, Precision: 5.0 / 7, Recall: 1, F1: f1(5.0/7, 1)},
		},
		Misses: []Miss{{
			Item: Item{Doc: "a3", Anchor: "India held talks with Egypt", Subject: "India", Object: "Egypt",
				Predicates: []string{"talk", "hold"}, Kind: Direct, Symmetric: true, Line: 6},
			Reason: `pair found with predicate "discuss", not one of talk, hold`,
		}},
		FalsePositives: []news.Triple{p4, p8, p6},
	}
	if diff := cmp.Diff(want, g.Score(exs)); diff != "" {
		t.Errorf("Score (-want +got):\n%s", diff)
	}
}

func TestScoreUnreadAndReasons(t *testing.T) {
	g := fixtureGold(t)
	// a1 gives a triple from another sentence, a2's text lacks its anchor,
	// a3 gives the wrong pair in the anchor's sentence.
	exs := []news.Extraction{
		{Article: news.Article{ID: "a1", Text: "Norway accused the Front of piracy. Norway praised Kenya."},
			Triples: []news.Triple{triple("a1", "Norway praised Kenya.", "Norway", "praise", "Kenya")}},
		{Article: news.Article{ID: "a2", Text: "Kenya asked the UN to act."}},
	}
	r := g.Score(exs)
	if diff := cmp.Diff([]string{"a3"}, r.Unread); diff != "" {
		t.Errorf("unread (-want +got):\n%s", diff)
	}
	var reasons []string
	for _, m := range r.Misses {
		reasons = append(reasons, m.Doc+": "+m.Reason)
	}
	wantReasons := []string{
		"a1: no triple from the anchor's sentence",
		"a1: the anchor is not in the article text",
		"a2: the anchor is not in the article text",
	}
	if diff := cmp.Diff(wantReasons, reasons); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}

	// Without texts, and with nothing read, nothing is scored.
	r = g.ScoreTriples([]string{}, nil)
	if len(r.Docs) != 0 || len(r.Unread) != 3 || r.Strict.All != (Score{}) {
		t.Errorf("nothing read: docs %q, unread %q, all %+v", r.Docs, r.Unread, r.Strict.All)
	}
	// A nil docs list means every gold document was read.
	r = g.ScoreTriples(nil, []news.Triple{triple("a3", "x", "India", "hold", "Iran")})
	if len(r.Docs) != 3 || r.Strict.All.Gold != 4 || r.Strict.All.FP != 1 {
		t.Errorf("all read: docs %q, all %+v", r.Docs, r.Strict.All)
	}
}

func TestMissReasonWrongPair(t *testing.T) {
	g := fixtureGold(t)
	s := "India held talks with Egypt in Cairo."
	r := g.ScoreTriples(nil, []news.Triple{
		triple("a3", s, "India", "hold", "Iran"),
		triple("a3", s, "India", "hold", "Iran"),
	})
	got := r.Misses[len(r.Misses)-1].Reason
	if want := "no triple links the pair; the sentence gave: India hold Iran"; got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
}
