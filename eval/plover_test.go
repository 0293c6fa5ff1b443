package eval

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/news"
)

func TestParsePlover(t *testing.T) {
	p, err := LoadPlover("testdata/plover/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	hun := Actor{Text: "Hungarian", Code: "HUN"}
	rou := Actor{Text: "Romanian", Code: "ROU"}
	tur := Actor{Text: "Turkish", Code: "TUR"}
	grc := Actor{Text: "Greek-Cypriot", Code: "GRC"}
	want := []Record{
		{ID: "P-AGREE-1", Event: "AGREE", Line: 3, Text: "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.",
			Pairs: []Pair{{Sources: []Actor{hun, rou}, Targets: []Actor{hun, rou}, Either: true, Event: "AGREE"}}},
		{ID: "P-AGREE-2", Event: "AGREE", Line: 7, Text: "Libya has offered to hand over two suspects to Great Britain.",
			Pairs: []Pair{{Sources: []Actor{{Text: "Libya", Code: "LBY"}}, Targets: []Actor{{Text: "Great Britain", Code: "GBR"}}, Event: "AGREE"}}},
		{ID: "P-AGREE-3", Event: "AGREE", Line: 11, Text: "The Turkish and Greek sides of Cyprus have agreed to share information.",
			Pairs: []Pair{{Sources: []Actor{tur, grc}, Targets: []Actor{tur, grc}, Either: true, Event: "AGREE"}}},
		{ID: "P-RETREAT-1", Event: "RETREAT", Line: 15, Text: "Lt. Gen. Prosper Avril resigned yesterday.", Pairs: []Pair{}},
		{ID: "P-DEMAND-1", Event: "DEMAND", Line: 19, Text: "Poland's parliament demanded that Moscow apologise.",
			Pairs: []Pair{{Sources: []Actor{{Text: "Poland's parliament", Code: "POL"}}, Targets: []Actor{{Text: "Moscow", Code: "RUS"}}, Event: "DEMAND"}}},
		{ID: "P-DEMAND-1#2", Event: "DEMAND", Line: 23, Text: "Israelis demanded help from U.S. officials.",
			Pairs: []Pair{{Sources: []Actor{{Text: "Israelis", Code: "ISR"}}, Targets: []Actor{{Text: "U.S. officials", Code: "USA"}}, Event: "DEMAND"}}},
		{ID: "P-EMPTY-1", Event: "PROTEST", Line: 27, Pairs: []Pair{}},
	}
	if diff := cmp.Diff(want, p.Records); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	var ids []string
	for _, a := range p.Articles() {
		ids = append(ids, a.ID)
	}
	if diff := cmp.Diff([]string{"P-AGREE-1", "P-AGREE-2", "P-AGREE-3", "P-DEMAND-1", "P-DEMAND-1#2"}, ids); diff != "" {
		t.Errorf("article ids (-want +got):\n%s", diff)
	}
}

func TestParseGSR(t *testing.T) {
	p, err := LoadPlover("testdata/plover/gsr.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	bra := Actor{Code: "BRA", Name: "Brazil"}
	usa := Actor{Code: "USA", Name: "United States"}
	want := []Record{
		{ID: "G1", Event: "AGREE", Line: 1, Text: "Brazil and the United States are seeking to deepen a partnership in energy.",
			Pairs: []Pair{
				{Sources: []Actor{bra}, Targets: []Actor{usa}, Event: "AGREE"},
				{Sources: []Actor{usa}, Targets: []Actor{bra}, Event: "AGREE"},
			}},
		{ID: "G2", Event: "SUPPORT", Line: 2, Text: "Ukrainian lawmakers endorsed an agreement with the European Union.",
			Pairs: []Pair{{Sources: []Actor{{Code: "UKRLEG", Name: "Ukraine"}}, Targets: []Actor{{Code: "IGOEUREEC", Name: "European Union"}}, Event: "SUPPORT"}}},
		{ID: "G3", Line: 3, Text: "A protestor demolished the building.", Pairs: []Pair{}, Negative: true},
		{ID: "G4", Line: 5, Text: "Insurgents bombarded Aleppo overnight.", Pairs: []Pair{}},
		{ID: "G5", Line: 6, Text: "Georgian rebels attacked the government in Georgia.", Pairs: []Pair{}},
		{ID: "G6", Line: 7, Text: "The US leader made a statement about China.",
			Pairs: []Pair{{Sources: []Actor{usa}, Targets: []Actor{{Code: "CHN", Name: "China"}}}}},
		{ID: "G6#2", Line: 8, Pairs: []Pair{}},
	}
	if diff := cmp.Diff(want, p.Records); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

func TestLoadPloverErrors(t *testing.T) {
	for _, tc := range []struct {
		file string
		line int // 0: no *LineError expected
		want string
	}{
		{"bad-record.json", 5, "source: want a list of actors"},
		{"bad-syntax.json", 3, "invalid character"},
		{"bad-notext.json", 2, "no text field"},
		{"bad-gsr.jsonl", 2, "invalid JSON"},
		{"absent.json", 0, "absent.json"},
		{"bad-format.txt", 0, "neither a PLOVER JSON array nor GSR JSON Lines"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			_, err := LoadPlover("testdata/plover/" + tc.file)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
			var le *LineError
			if tc.line > 0 && (!errors.As(err, &le) || le.Line != tc.line) {
				t.Errorf("error %v: want a *LineError on line %d", err, tc.line)
			}
		})
	}
	for _, in := range []string{"", "{}", `{"a": 1}`, "[1]", "[", `[{"id": "x", "text": "y"}`} {
		if _, err := ParsePlover("in.json", []byte(in)); err == nil {
			t.Errorf("ParsePlover(%q): no error", in)
		}
	}
}

func TestContentWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"U.S. Secretary of State Warren Christopher", []string{"us", "warren", "christopher"}},
		{"Israel's high court", []string{"israel"}},
		{"Kyiv’s mayor", []string{"kyiv", "mayor"}},
		{"Greek-Cypriot", []string{"greek", "cypriot"}},
		{"the United Nations", nil},
		{"Zoran Djindjic's opposition coalition", []string{"zoran", "djindjic", "opposition", "coalition"}},
		{"Bogotá, Bogota", []string{"bogota"}},
		{"A B C", nil},
	} {
		if diff := cmp.Diff(tc.want, contentWords(tc.in)); diff != "" {
			t.Errorf("contentWords(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func defaultGazetteer(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestNameMatcher(t *testing.T) {
	m := newNameMatcher(defaultGazetteer(t))
	text := func(s string) Actor { return Actor{Text: s} }
	for _, tc := range []struct {
		pred string
		a    Actor
		want bool
	}{
		{"Hungary", text("Hungarian"), true}, // demonym
		{"Hungary", text("Romanian"), false},
		{"Vojislav Kostunica", text("Serbian President Vojislav Kostunica"), true}, // content word
		{"Kostunica", text("Serbian President Vojislav Kostunica"), true},
		{"Serbia", text("Serbian President Vojislav Kostunica"), true}, // demonym inside the text
		{"Croatia", text("Serbian President Vojislav Kostunica"), false},
		{"United States", text("U.S. officials"), true},
		{"United Kingdom", text("U.S. officials"), false},
		{"United Nations", text("United States"), false},  // "united" is generic
		{"Israel", text("Israelis"), true},                // plural demonym
		{"Russia", text("Moscow"), true},                  // capital
		{"Russia", text("pro-Russian separatists"), true}, // hyphenated demonym
		{"Cyprus", text("Greek-Cypriot"), true},
		{"Greece", text("Greek-Cypriot"), false}, // the gazetteer excludes "Greek Cypriot" from Greece
		{"Poland", text("Poland's parliament"), true},
		{"Bush", text("President Bush"), true},
		{"Ministry", text("Foreign Minister"), false},
		{"Jacques Chirac", text("President Francois Mitterand"), false},
		{"", text("Hungarian"), false},
		{"Russia", Actor{Code: "RUSGOV", Name: "Russia"}, true},
		{"Kremlin", Actor{Code: "RUSGOV", Name: "Russia"}, true}, // institution folded into its country
		{"Vladimir Putin", Actor{Code: "RUSGOV", Name: "Russia"}, false},
		{"Russia", Actor{Code: "---"}, false},
	} {
		if got := m.names(tc.pred, tc.a); got != tc.want {
			t.Errorf("names(%q, %+v) = %v, want %v", tc.pred, tc.a, got, tc.want)
		}
	}
}

// ptriple returns a benchmark triple.
func ptriple(doc, subj, pred, obj, event string) news.Triple {
	return news.Triple{Doc: doc, Subject: subj, SubjectID: news.ActorID(subj), Predicate: pred,
		Object: obj, ObjectID: news.ActorID(obj), Event: event}
}

// extractions gives every article of p the triples listed for its id.
func extractions(p *Plover, ts ...news.Triple) []news.Extraction {
	var exs []news.Extraction
	for _, a := range p.Articles() {
		ex := news.Extraction{Article: a}
		for _, t := range ts {
			if t.Doc == a.ID {
				ex.Triples = append(ex.Triples, t)
			}
		}
		exs = append(exs, ex)
	}
	return exs
}

func TestPloverScore(t *testing.T) {
	p, err := LoadPlover("testdata/plover/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	p.Gazetteer = defaultGazetteer(t)
	selfPair := ptriple("P-AGREE-3", "Turkey", "agree", "Turkey", "AGREE") // one listed actor on both sides
	r, err := p.Score(extractions(p,
		ptriple("P-AGREE-1", "Hungary", "agree", "Romania", "AGREE"),
		ptriple("P-AGREE-1", "Romania", "cooperate", "Hungary", "COOPERATE"),
		ptriple("P-AGREE-2", "Libya", "offer", "United Kingdom", ""),
		selfPair,
		ptriple("P-DEMAND-1#2", "Israel", "demand", "United States", "DEMAND"),
	))
	if err != nil {
		t.Fatal(err)
	}
	want := &PloverReport{
		Records: 7, Scored: 5, Skipped: 2,
		Total: EventScore{Event: "all", Records: 5, Found: 3, Triples: 5, Matched: 4,
			Precision: 0.8, Recall: 0.6, F1: f1(0.8, 0.6), EventJudged: 3, EventCorrect: 2, EventAccuracy: 2.0 / 3},
		ByEvent: []EventScore{
			{Event: "AGREE", Records: 3, Found: 2, Triples: 4, Matched: 3,
				Precision: 0.75, Recall: 2.0 / 3, F1: f1(0.75, 2.0/3), EventJudged: 2, EventCorrect: 1, EventAccuracy: 0.5},
			{Event: "DEMAND", Records: 2, Found: 1, Triples: 1, Matched: 1,
				Precision: 1, Recall: 0.5, F1: f1(1, 0.5), EventJudged: 1, EventCorrect: 1, EventAccuracy: 1},
		},
		Misses: []RecordMiss{{ID: "P-AGREE-3", Event: "AGREE", Sources: []string{"Turkish", "Greek-Cypriot"},
			Targets: []string{"Turkish", "Greek-Cypriot"}, Got: []string{"Turkey agree Turkey [AGREE]"},
			Text: "The Turkish and Greek sides of Cyprus have agreed to share information."}, {ID: "P-DEMAND-1", Event: "DEMAND", Sources: []string{"Poland's parliament"}, Targets: []string{"Moscow"},
			Got: []string{}, Text: "Poland's parliament demanded that Moscow apologise."}},
		WrongEvents: []RecordMiss{{ID: "P-AGREE-2", Event: "AGREE", Sources: []string{"Libya"}, Targets: []string{"Great Britain"},
			Got: []string{"Libya offer United Kingdom"}, Text: "Libya has offered to hand over two suspects to Great Britain."}},
		FalsePositives: []news.Triple{selfPair},
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("Score (-want +got):\n%s", diff)
	}
}

func TestGSRScore(t *testing.T) {
	p, err := LoadPlover("testdata/plover/gsr.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	negative := ptriple("G3", "Protestor", "demolish", "Building", "ASSAULT")
	r, err := p.Score(extractions(p,
		ptriple("G1", "Brazil", "cooperate", "United States", "COOPERATE"),
		ptriple("G2", "Ukraine", "endorse", "European Union", "SUPPORT"),
		negative,
		ptriple("G6", "United States", "state", "China", ""),
	))
	if err != nil {
		t.Fatal(err)
	}
	wantTotal := EventScore{Event: "all", Records: 3, Found: 3, Triples: 4, Matched: 3,
		Precision: 0.75, Recall: 1, F1: f1(0.75, 1), EventJudged: 2, EventCorrect: 1, EventAccuracy: 0.5}
	if diff := cmp.Diff(wantTotal, r.Total); diff != "" {
		t.Errorf("total (-want +got):\n%s", diff)
	}
	if r.Records != 7 || r.Scored != 3 || r.Negative != 1 || r.Skipped != 3 || r.Unread != 0 {
		t.Errorf("records %d, scored %d, negative %d, skipped %d, unread %d; want 7, 3, 1, 3, 0",
			r.Records, r.Scored, r.Negative, r.Skipped, r.Unread)
	}
	var events []string
	for _, e := range r.ByEvent {
		events = append(events, e.Event)
	}
	if diff := cmp.Diff([]string{NoEvent, NoType, "AGREE", "SUPPORT"}, events); diff != "" {
		t.Errorf("event rows (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]news.Triple{negative}, r.FalsePositives); diff != "" {
		t.Errorf("false positives (-want +got):\n%s", diff)
	}

	// Records without an extraction are unread, not missed.
	r, err = p.Score(nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Unread != 4 || r.Total.Records != 0 || len(r.Misses) != 0 {
		t.Errorf("nothing extracted: unread %d, total %+v, misses %d", r.Unread, r.Total, len(r.Misses))
	}
}

func TestCodes(t *testing.T) {
	g := defaultGazetteer(t)
	// Every name in the tables is a gazetteer actor.
	seen := 0
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			for c := 'A'; c <= 'Z'; c++ {
				code := string([]rune{a, b, c})
				for _, name := range []string{iso3Country(code), orgCode(code)} {
					if name == "" {
						continue
					}
					seen++
					if _, ok := g.ByName(name); !ok {
						t.Errorf("code %s maps to %q, which is not in the built-in gazetteer", code, name)
					}
				}
			}
		}
	}
	if seen < 200 {
		t.Errorf("only %d codes known", seen)
	}
	for _, tc := range []struct{ code, want string }{
		{"RUS", "Russia"}, {"RUSGOV", "Russia"}, {"usa", "United States"}, {"GBR", "United Kingdom"},
		{"PSE", "Palestine"}, {"IGOUNOMIL", "United Nations"}, {"IGOEUREEC", "European Union"},
		{"IGOCOPITP", "Interpol"}, {"IMGMUSISI", "Islamic State"}, {"IGO", ""}, {"IGOXYZ", ""},
		{"---", ""}, {"---REB", ""}, {"XX", ""}, {"", ""}, {"ZZZ", ""},
	} {
		if got := codeActor(tc.code); got != tc.want {
			t.Errorf("codeActor(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
	for _, tc := range []struct{ code, want string }{
		{"010", ""}, {"023", ""}, {"031", "AGREE"}, {"042", "CONSULT"}, {"051", "SUPPORT"}, {"064", "COOPERATE"},
		{"073", "AID"}, {"080", "CONCEDE"}, {"083", "CONCEDE"}, {"0841", "RETREAT"}, {"087", "RETREAT"},
		{"090", "INVESTIGATE"}, {"100", "DEMAND"}, {"112", "DISAPPROVE"}, {"120", "REJECT"}, {"130", "THREATEN"},
		{"140", "PROTEST"}, {"150", "MOBILIZE"}, {"160", "SANCTION"}, {"173", "COERCE"}, {"180", "ASSAULT"},
		{"190", "FIGHT"}, {"202", "ASSAULT"}, {"", ""}, {"1", ""}, {"99", ""},
	} {
		if got := cameoEvent(tc.code); got != tc.want {
			t.Errorf("cameoEvent(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}
