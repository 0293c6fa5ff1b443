package gazetteer

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

func mustDefault(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func mustNew(t testing.TB, opts Options, extra ...Entry) *Gazetteer {
	t.Helper()
	es, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(append(es, extra...), opts)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// result is the part of a Match that tests compare.
type result struct {
	Name      string
	Type      string
	Kind      MatchKind
	Tokens    int
	Via       string
	Ambiguous bool
}

func summarize(m Match, ok bool) result {
	if !ok {
		return result{}
	}
	return result{Name: m.Entry.Name, Type: m.Entry.Type, Kind: m.Kind, Tokens: m.Tokens, Via: m.Via, Ambiguous: m.Ambiguous}
}

func TestLookup(t *testing.T) {
	g := mustDefault(t)
	us := func(kind MatchKind, tokens int) result {
		return result{Name: "United States", Type: news.GPE, Kind: kind, Tokens: tokens}
	}
	tests := []struct {
		surface string
		want    result // zero: no match
	}{
		{"United States", us(KindName, 2)},
		{"the United States", us(KindName, 3)},
		{"The United States of America", us(KindAlias, 5)},
		{"US", us(KindAlias, 1)},
		{"U.S.", us(KindAlias, 1)},
		{"U.S", us(KindAlias, 1)}, // final dot taken by the sentence
		{"USA", us(KindAlias, 1)},
		{"America", us(KindAlias, 1)},
		{"American", us(KindDemonym, 1)},
		{"us", result{}},
		{"Us", result{}},
		{"united states", result{}},
		{"Washington", result{Name: "United States", Type: news.GPE, Kind: KindCapital, Tokens: 1, Via: "Washington"}},
		{"the Kremlin", result{Name: "Russia", Type: news.GPE, Kind: KindInstitution, Tokens: 2, Via: "Kremlin"}},
		{"The Kremlin", result{Name: "Russia", Type: news.GPE, Kind: KindInstitution, Tokens: 2, Via: "Kremlin"}},
		{"Kremlin's", result{Name: "Russia", Type: news.GPE, Kind: KindInstitution, Tokens: 1, Via: "Kremlin"}},
		{"kremlin", result{}},
		{"Russian", result{Name: "Russia", Type: news.GPE, Kind: KindDemonym, Tokens: 1}},
		{"Russian Federation", result{Name: "Russia", Type: news.GPE, Kind: KindAlias, Tokens: 2}},
		{"russian", result{}},
		{"Moscow", result{Name: "Russia", Type: news.GPE, Kind: KindCapital, Tokens: 1, Via: "Moscow"}},
		{"Kyiv", result{Name: "Ukraine", Type: news.GPE, Kind: KindCapital, Tokens: 1, Via: "Kyiv"}},
		{"Kiev", result{Name: "Ukraine", Type: news.GPE, Kind: KindCapital, Tokens: 1, Via: "Kiev"}},
		{"UK", result{Name: "United Kingdom", Type: news.GPE, Kind: KindAlias, Tokens: 1}},
		{"Britain", result{Name: "United Kingdom", Type: news.GPE, Kind: KindAlias, Tokens: 1}},
		{"Downing Street", result{Name: "United Kingdom", Type: news.GPE, Kind: KindInstitution, Tokens: 2, Via: "Downing Street"}},
		{"No. 10", result{Name: "United Kingdom", Type: news.GPE, Kind: KindInstitution, Tokens: 2, Via: "Downing Street"}},
		{"Elysee", result{Name: "France", Type: news.GPE, Kind: KindInstitution, Tokens: 1, Via: "Élysée Palace"}},
		{"the Élysée Palace", result{Name: "France", Type: news.GPE, Kind: KindInstitution, Tokens: 3, Via: "Élysée Palace"}},
		{"PRC", result{Name: "China", Type: news.GPE, Kind: KindAlias, Tokens: 1}},
		{"china", result{}},
		{"DPRK", result{Name: "North Korea", Type: news.GPE, Kind: KindAlias, Tokens: 1}},
		{"ROK", result{Name: "South Korea", Type: news.GPE, Kind: KindAlias, Tokens: 1}},
		{"Korea", result{}},
		{"UAE", result{Name: "United Arab Emirates", Type: news.GPE, Kind: KindAlias, Tokens: 1}},
		{"Côte d'Ivoire", result{Name: "Ivory Coast", Type: news.GPE, Kind: KindAlias, Tokens: 2}},
		{"Côte d’Ivoire", result{Name: "Ivory Coast", Type: news.GPE, Kind: KindAlias, Tokens: 2}},
		{"Cote d'Ivoire", result{Name: "Ivory Coast", Type: news.GPE, Kind: KindAlias, Tokens: 2}},
		{"Bogota", result{Name: "Colombia", Type: news.GPE, Kind: KindCapital, Tokens: 1, Via: "Bogotá"}},
		{"Democratic Republic Of The Congo", result{Name: "Democratic Republic of the Congo", Type: news.GPE, Kind: KindName, Tokens: 5}},
		{"Turkey", result{Name: "Turkey", Type: news.GPE, Kind: KindName, Tokens: 1, Ambiguous: true}},
		{"Turkiye", result{Name: "Turkey", Type: news.GPE, Kind: KindAlias, Tokens: 1, Ambiguous: true}},
		{"Republic of Turkey", result{Name: "Turkey", Type: news.GPE, Kind: KindAlias, Tokens: 3}},
		{"Turkish", result{Name: "Turkey", Type: news.GPE, Kind: KindDemonym, Tokens: 1}},
		{"turkey", result{}},
		{"Chad", result{Name: "Chad", Type: news.GPE, Kind: KindName, Tokens: 1, Ambiguous: true}},
		{"chad", result{}},
		{"Jordan", result{Name: "Jordan", Type: news.GPE, Kind: KindName, Tokens: 1, Ambiguous: true}},
		{"DRC", result{Name: "Democratic Republic of the Congo", Type: news.GPE, Kind: KindAlias, Tokens: 1}},
		{"Congo", result{Name: "Democratic Republic of the Congo", Type: news.GPE, Kind: KindAlias, Tokens: 1, Ambiguous: true}},
		{"the West", result{Name: "the West", Type: news.GPE, Kind: KindName, Tokens: 2, Ambiguous: true}},
		{"The West", result{Name: "the West", Type: news.GPE, Kind: KindName, Tokens: 2, Ambiguous: true}},
		{"West", result{}},
		{"NATO", result{Name: "NATO", Type: news.Org, Kind: KindName, Tokens: 1}},
		{"Nato", result{Name: "NATO", Type: news.Org, Kind: KindAlias, Tokens: 1}},
		{"nato", result{}},
		{"UN", result{Name: "United Nations", Type: news.Org, Kind: KindAlias, Tokens: 1}},
		{"U.N.", result{Name: "United Nations", Type: news.Org, Kind: KindAlias, Tokens: 1}},
		{"Un", result{}},
		{"UN Security Council", result{Name: "UN Security Council", Type: news.Org, Kind: KindName, Tokens: 3}},
		{"WHO", result{Name: "World Health Organization", Type: news.Org, Kind: KindAlias, Tokens: 1}},
		{"who", result{}},
		{"Who", result{}},
		{"ICC", result{Name: "International Criminal Court", Type: news.Org, Kind: KindAlias, Tokens: 1}},
		{"EU", result{Name: "European Union", Type: news.Org, Kind: KindAlias, Tokens: 1}},
		{"Brussels", result{Name: "European Union", Type: news.Org, Kind: KindCapital, Tokens: 1, Via: "Brussels"}},
		{"Houthi", result{Name: "Houthis", Type: news.Org, Kind: KindDemonym, Tokens: 1}},
		{"Al-Qaeda", result{Name: "al-Qaeda", Type: news.Org, Kind: KindAlias, Tokens: 1}},
		{"Wagner", result{Name: "Wagner Group", Type: news.Org, Kind: KindAlias, Tokens: 1, Ambiguous: true}},
		{"Wagner Group", result{Name: "Wagner Group", Type: news.Org, Kind: KindName, Tokens: 2}},
		{"IS", result{}},
		{"", result{}},
		{"the", result{}},
		{"United", result{}},
		{"United States said", result{}}, // the whole surface must match
	}
	for _, tt := range tests {
		got := summarize(g.Lookup(tt.surface))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Lookup(%q) mismatch (-want +got):\n%s", tt.surface, diff)
		}
	}
}

func TestLookupUnfolded(t *testing.T) {
	g := mustNew(t, Options{FoldInstitutions: false})
	tests := []struct {
		surface string
		want    result
	}{
		{"the Kremlin", result{Name: "Kremlin", Type: news.Org, Kind: KindInstitution, Tokens: 2, Via: "Kremlin"}},
		{"Pentagon", result{Name: "Pentagon", Type: news.Org, Kind: KindInstitution, Tokens: 1, Via: "Pentagon"}},
		{"Department of Defense", result{Name: "Pentagon", Type: news.Org, Kind: KindInstitution, Tokens: 3, Via: "Pentagon"}},
		{"IDF", result{Name: "Israel Defense Forces", Type: news.Org, Kind: KindInstitution, Tokens: 1, Via: "Israel Defense Forces"}},
		// Capitals still fold.
		{"Moscow", result{Name: "Russia", Type: news.GPE, Kind: KindCapital, Tokens: 1, Via: "Moscow"}},
		{"Russia", result{Name: "Russia", Type: news.GPE, Kind: KindName, Tokens: 1}},
	}
	for _, tt := range tests {
		got := summarize(g.Lookup(tt.surface))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Lookup(%q) mismatch (-want +got):\n%s", tt.surface, diff)
		}
	}
	if e, ok := g.ByName("Kremlin"); !ok || e.Type != news.Org {
		t.Errorf("ByName(Kremlin) = %+v, %v; want an ORG", e, ok)
	}
	found := false
	for _, e := range g.Entries() {
		found = found || e.Name == "White House"
	}
	if !found {
		t.Error("Entries() lacks White House with institutions unfolded")
	}

	folded := mustDefault(t)
	if _, ok := folded.ByName("Kremlin"); ok {
		t.Error("ByName(Kremlin) found an actor with institutions folded")
	}
	if len(g.Entries()) <= len(folded.Entries()) {
		t.Errorf("unfolded has %d entries, folded %d; want more unfolded", len(g.Entries()), len(folded.Entries()))
	}
}

func TestMatchWords(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		text string // split at spaces
		i    int
		want result
	}{
		{"The United States said", 0, result{Name: "United States", Type: news.GPE, Kind: KindName, Tokens: 3}},
		{"the United Nations said", 0, result{Name: "United Nations", Type: news.Org, Kind: KindName, Tokens: 3}},
		{"United Airlines said", 0, result{}},
		{"the visit", 0, result{}},
		{"Russian forces advanced", 0, result{Name: "Russia", Type: news.GPE, Kind: KindDemonym, Tokens: 1}},
		{"Russian Federation forces", 0, result{Name: "Russia", Type: news.GPE, Kind: KindAlias, Tokens: 2}},
		{"Moscow threatens Kyiv", 0, result{Name: "Russia", Type: news.GPE, Kind: KindCapital, Tokens: 1, Via: "Moscow"}},
		{"Moscow threatens Kyiv", 2, result{Name: "Ukraine", Type: news.GPE, Kind: KindCapital, Tokens: 1, Via: "Kyiv"}},
		{"Moscow threatens Kyiv", 1, result{}},
		{"the Kremlin 's", 0, result{Name: "Russia", Type: news.GPE, Kind: KindInstitution, Tokens: 2, Via: "Kremlin"}},
		{"UN Security Council votes", 0, result{Name: "UN Security Council", Type: news.Org, Kind: KindName, Tokens: 3}},
		{"the U.S. State Department", 0, result{Name: "United States", Type: news.GPE, Kind: KindInstitution, Tokens: 4, Via: "State Department"}},
		// Exclusions: a form inside a longer phrase that is not the actor.
		{"in Latin America", 2, result{}},
		{"New Mexico", 1, result{}},
		{"the Gulf of Mexico", 3, result{}},
		{"Mexico City", 0, result{Name: "Mexico", Type: news.GPE, Kind: KindCapital, Tokens: 2, Via: "Mexico City"}},
		{"Papua New Guinea", 0, result{Name: "Papua New Guinea", Type: news.GPE, Kind: KindName, Tokens: 3}},
		{"Papua New Guinea", 2, result{}},
		{"the Democratic Republic of the Congo", 0, result{Name: "Democratic Republic of the Congo", Type: news.GPE, Kind: KindName, Tokens: 6}},
		{"the Democratic Republic of the Congo", 2, result{}},
		{"the Democratic Republic of the Congo", 5, result{}},
		{"the Republic of the Congo", 0, result{Name: "Republic of the Congo", Type: news.GPE, Kind: KindName, Tokens: 5}},
		{"People 's Republic of China", 0, result{Name: "China", Type: news.GPE, Kind: KindAlias, Tokens: 5}},
		{"People's Republic of China", 0, result{Name: "China", Type: news.GPE, Kind: KindAlias, Tokens: 4}},
		{"People 's Republic of China", 2, result{}},
		{"People's Republic of China", 1, result{}},
		{"the Kurdistan Workers ' Party", 0, result{Name: "PKK", Type: news.Org, Kind: KindAlias, Tokens: 5}},
		{"the West Bank", 0, result{Name: "Palestine", Type: news.GPE, Kind: KindAlias, Tokens: 3}},
		{"the West warned", 0, result{Name: "the West", Type: news.GPE, Kind: KindName, Tokens: 2, Ambiguous: true}},
		{"the Washington Post reported", 1, result{}},
		{"South Sudan", 1, result{}},
		{"South Sudan", 0, result{Name: "South Sudan", Type: news.GPE, Kind: KindName, Tokens: 2}},
		{"Northern Ireland", 1, result{}},
		{"the National Security Council", 2, result{}},
		{"Sudan", 0, result{Name: "Sudan", Type: news.GPE, Kind: KindName, Tokens: 1}},
		// Positions out of range.
		{"Russia", 1, result{}},
		{"Russia", -1, result{}},
		{"", 0, result{}},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.text)
		got := summarize(g.MatchWords(words, tt.i))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("MatchWords(%q, %d) mismatch (-want +got):\n%s", tt.text, tt.i, diff)
		}
	}
}

func TestNilGazetteer(t *testing.T) {
	var g *Gazetteer
	if _, ok := g.Lookup("Russia"); ok {
		t.Error("nil Lookup matched")
	}
	if _, ok := g.MatchWords([]string{"Russia"}, 0); ok {
		t.Error("nil MatchWords matched")
	}
	if _, ok := g.ByName("Russia"); ok {
		t.Error("nil ByName found")
	}
	if es := g.Entries(); es == nil || len(es) != 0 {
		t.Errorf("nil Entries() = %#v, want empty", es)
	}
}

func TestOverride(t *testing.T) {
	base, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	user := []Entry{
		// Replaces the built-in United States: its old aliases go.
		{Name: "United States", Type: news.GPE, Aliases: []string{"Uncle Sam", "US"}},
		// Takes "Georgia" from the country.
		{Name: "Georgia (US state)", Type: news.GPE, Aliases: []string{"Georgia"}},
		// Two user entries claiming one alias: the later wins.
		{Name: "Acme", Type: news.Org, Aliases: []string{"ACME Corp"}},
		{Name: "Acme Holdings", Type: news.Org, Aliases: []string{"ACME Corp"}},
	}
	g, err := New(append(base, user...), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		surface string
		want    string // canonical name, or "" for no match
	}{
		{"Uncle Sam", "United States"},
		{"US", "United States"},
		{"USA", ""},
		{"Washington", ""},
		{"the Pentagon", ""},
		{"Georgia", "Georgia (US state)"},
		{"Tbilisi", "Georgia"},
		{"ACME Corp", "Acme Holdings"},
		{"Russia", "Russia"},
	}
	for _, tt := range tests {
		m, ok := g.Lookup(tt.surface)
		got := ""
		if ok {
			got = m.Entry.Name
		}
		if got != tt.want {
			t.Errorf("Lookup(%q) = %q, want %q", tt.surface, got, tt.want)
		}
	}
	if got, want := len(g.Entries()), len(base)+3; got != want {
		t.Errorf("len(Entries()) = %d, want %d", got, want)
	}
	e, ok := g.ByName("united states")
	if !ok || len(e.Aliases) != 2 {
		t.Errorf("ByName(united states) = %+v, %v; want the user entry", e, ok)
	}
}

func TestNewCopies(t *testing.T) {
	es := []Entry{{Name: "Atlantis", Type: news.GPE, Aliases: []string{"Atlantica"}}}
	g, err := New(es, Options{})
	if err != nil {
		t.Fatal(err)
	}
	es[0].Aliases[0] = "Changed"
	out := g.Entries()
	out[0].Name = "Changed too"
	if diff := cmp.Diff([]Entry{{Name: "Atlantis", Type: news.GPE, Aliases: []string{"Atlantica"}}}, g.Entries()); diff != "" {
		t.Errorf("Entries() changed through the caller's slices (-want +got):\n%s", diff)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name    string
		entries []Entry
		want    string
		entry   int
	}{
		{"empty name", []Entry{{Name: "A", Type: news.GPE}, {Name: " ", Type: news.GPE}}, "gazetteer: entry 2: missing name", 2},
		{"punctuation name", []Entry{{Name: "--", Type: news.GPE}}, "gazetteer: entry 1 (--): name: no letters or digits", 1},
		{"missing type", []Entry{{Name: "A"}}, "gazetteer: entry 1 (A): missing type", 1},
		{"unknown type", []Entry{{Name: "A", Type: "COUNTRY"}}, `gazetteer: entry 1 (A): unknown type "COUNTRY" (want PERSON, ORG or GPE)`, 1},
		{"empty alias", []Entry{{Name: "A", Type: news.Org, Aliases: []string{"B", ""}}}, "gazetteer: entry 1 (A): alias 2: empty", 1},
		{"the", []Entry{{Name: "A", Type: news.Org, Demonyms: []string{"The"}}}, `gazetteer: entry 1 (A): demonym "The": only "the"`, 1},
		{"institution", []Entry{{Name: "A", Type: news.GPE, Institutions: []Institution{{Aliases: []string{"X"}}}}}, "gazetteer: entry 1 (A): institution 1: missing name", 1},
	}
	for _, tt := range tests {
		_, err := New(tt.entries, Options{})
		if err == nil {
			t.Errorf("%s: New succeeded, want error %q", tt.name, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("%s: error %q, want %q", tt.name, err, tt.want)
		}
		var ee *EntryError
		if !errors.As(err, &ee) || ee.Entry != tt.entry {
			t.Errorf("%s: error %#v is not an *EntryError for entry %d", tt.name, err, tt.entry)
		}
	}
}

func TestNewEmpty(t *testing.T) {
	g, err := New(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := g.Lookup("Russia"); ok {
		t.Error("empty gazetteer matched")
	}
}

func TestMatchKindString(t *testing.T) {
	for k, want := range map[MatchKind]string{0: "none", KindName: "name", KindDemonym: "demonym", KindInstitution: "institution", KindCity: "city", 9: "MatchKind(9)"} {
		if got := k.String(); got != want {
			t.Errorf("MatchKind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

func BenchmarkMatchWords(b *testing.B) {
	g := mustDefault(b)
	words := strings.Fields("On Tuesday the Kremlin said Russian forces had taken the town , while Kyiv and the U.S. State Department disagreed with the United Nations .")
	b.ReportAllocs()
	for b.Loop() {
		for i := range words {
			g.MatchWords(words, i)
		}
	}
}
