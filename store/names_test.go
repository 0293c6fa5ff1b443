package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

func TestFoldName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Volodymyr Zelenskyy", "volodymyr zelenskyy"},
		{"volodymyr-zelenskyy", "volodymyr zelenskyy"},
		{"ZELÉNSKYY", "zelenskyy"},
		{"  Zelénskyy\t", "zelenskyy"},
		{"U.S.", "us"},
		{"US", "us"},
		{"O'Brien", "obrien"},
		{"O’Brien", "obrien"},
		{"Jean-Luc  Mélenchon", "jean luc melenchon"},
		{"Straße", "strasse"},
		{"Øresund", "oresund"},
		{"Łódź", "lodz"},
		{"İstanbul", "istanbul"},
		{"Ærø", "aero"},
		{"Владимир Путин", "владимир путин"},
		{"ﬁnance", "finance"}, // compatibility ligature
		{"!!!", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := FoldName(tt.in); got != tt.want {
			t.Errorf("FoldName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b      string
		max, want int
	}{
		{"kenya", "kenya", 2, 0},
		{"kenia", "kenya", 2, 1},
		{"zelensky", "zelenskyy", 2, 1},
		{"", "abc", 3, 3},
		{"abc", "xyz", 2, 3},      // over max: max+1
		{"a", "abcdef", 2, 3},     // length difference alone exceeds max
		{"путин", "путинн", 1, 1}, // runes, not bytes
		{"flaw", "lawn", 3, 2},
	}
	for _, tt := range tests {
		if got := levenshtein([]rune(tt.a), []rune(tt.b), tt.max); got != tt.want {
			t.Errorf("levenshtein(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}

func ids(as []ActorInfo) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

// TestFindActors: every id, canonical name, triple-end name and surface
// form finds its actor, whatever the case, accents and punctuation.
func TestFindActors(t *testing.T) {
	s := openMem(t)
	kremlin := article("k1", "2024-03-01", fact{S: "Kremlin", V: "warn", O: "United States", SText: "the Kremlin", OText: "U.S."})
	for _, ex := range []news.Extraction{a1, a2, a3, kremlin} {
		mustIngest(t, s, ex)
	}
	tests := []struct {
		name string
		want []string
	}{
		{"putin", []string{"vladimir-putin"}},
		{"Mr. Putin", []string{"vladimir-putin"}},
		{"VLADIMIR  PUTIN", []string{"vladimir-putin"}},
		{"vladimir-putin", []string{"vladimir-putin"}},
		{"Zelénskyy", []string{"volodymyr-zelensky"}},
		{"the kremlin", []string{"kremlin"}},
		{"US", []string{"united-states"}},
		{"u.s.", []string{"united-states"}},
		{"vladimir", []string{}}, // a prefix is a suggestion, not a match
		{"Atlantis", []string{}},
		{"", []string{}},
		{"!!", []string{}},
	}
	ctx := context.Background()
	for _, tt := range tests {
		got, err := s.FindActors(ctx, tt.name)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, ids(got)); diff != "" {
			t.Errorf("FindActors(%q) (-want +got):\n%s", tt.name, diff)
		}
	}
	got, err := s.FindActors(ctx, "Putin")
	if err != nil || len(got) != 1 || got[0].FirstSeen != "2024-01-10" || got[0].LastSeen != "2024-02-01" || got[0].Mentions != 2 {
		t.Errorf("FindActors(Putin) = %+v, %v; want the full ActorInfo", got, err)
	}
}

// TestFindActorsShared: a name shared by several actors finds them all,
// most mentioned first.
func TestFindActorsShared(t *testing.T) {
	s := openMem(t)
	mustIngest(t, s, article("x1", "", fact{S: "Selim Aydan", V: "meet", O: "Ayla Aydan", SText: "Aydan", OText: "Aydan"}))
	mustIngest(t, s, article("x2", "", fact{S: "Ayla Aydan", V: "call", O: "NATO", SText: "Aydan"}))
	got, err := s.FindActors(context.Background(), "aydan")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"ayla-aydan", "selim-aydan"}, ids(got)); diff != "" {
		t.Errorf("FindActors(aydan) (-want +got):\n%s", diff)
	}
}

// TestNameIndexFollowsChanges: names vanish from the index with the last
// article that used them, stay while another spelling folds to the same
// form, and an edited article leaves the index as a fresh store's.
func TestNameIndexFollowsChanges(t *testing.T) {
	ctx := context.Background()
	find := func(s *Store, name string) []string {
		t.Helper()
		got, err := s.FindActors(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		return ids(got)
	}
	s := openMem(t)
	upper := article("up", "2024-01-01", fact{S: "Vladimir Putin", V: "warn", O: "NATO", SText: "PUTIN"})
	lower := article("low", "2024-01-02", fact{S: "Vladimir Putin", V: "meet", O: "Recep Erdogan", SText: "Putin"})
	mustIngest(t, s, upper)
	mustIngest(t, s, lower)
	if err := s.DeleteArticle(ctx, "up"); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
	if got := find(s, "putin"); len(got) != 1 {
		t.Errorf("after deleting PUTIN, Putin still folds to putin: got %v", got)
	}
	if got := find(s, "nato"); len(got) != 0 {
		t.Errorf("NATO left with its only article, still found: %v", got)
	}

	// An edit that drops the alias "Putin" removes it; the canonical name
	// stays.
	edited := article("low", "2024-01-03", fact{S: "Vladimir Putin", V: "meet", O: "Recep Erdogan"})
	if st := mustIngest(t, s, edited); st != Changed {
		t.Fatalf("Ingest = %v", st)
	}
	mustCheck(t, s)
	if got := find(s, "putin"); len(got) != 0 {
		t.Errorf("alias dropped by the edit still found: %v", got)
	}
	if got := find(s, "Vladimir Putin"); len(got) != 1 {
		t.Errorf("canonical name lost: %v", got)
	}
	fresh := freshSnap(t, map[string]news.Extraction{"low": edited})
	if diff := cmp.Diff(fresh.Names, nameIndex(t, s)); diff != "" {
		t.Errorf("name index differs from a fresh store's (-fresh +store):\n%s", diff)
	}
	want := []string{
		"recep erdogan → recep-erdogan",
		"vladimir putin → vladimir-putin",
	}
	if diff := cmp.Diff(want, nameIndex(t, s)); diff != "" {
		t.Errorf("name index (-want +got):\n%s", diff)
	}

	// The same article again writes nothing to the index either.
	before := nameIndex(t, s)
	if st := mustIngest(t, s, edited); st != Unchanged {
		t.Fatalf("Ingest = %v", st)
	}
	if diff := cmp.Diff(before, nameIndex(t, s)); diff != "" {
		t.Errorf("unchanged ingest changed the index:\n%s", diff)
	}

	if err := s.DeleteArticle(ctx, "low"); err != nil {
		t.Fatal(err)
	}
	if got := nameIndex(t, s); len(got) != 0 {
		t.Errorf("name index after deleting every article: %v", got)
	}
}

func TestSuggestActors(t *testing.T) {
	s := openMem(t)
	for _, ex := range []news.Extraction{a1, a2, a3} {
		mustIngest(t, s, ex)
	}
	tests := []struct {
		name string
		want []string // actor ids, best first
	}{
		{"Zelensky", []string{"volodymyr-zelensky"}},  // one edit from a word
		{"vlad", []string{"vladimir-putin"}},          // prefix of a name
		{"zel", []string{"volodymyr-zelensky"}},       // prefix of a word
		{"Vladimr Putin", []string{"vladimir-putin"}}, // one edit from the name
		{"bidn", []string{"joe-biden"}},               // one edit from the alias
		{"ukrane", []string{"ukraine"}},               // one edit
		{"xyzzy", []string{}},
		{"", []string{}},
	}
	for _, tt := range tests {
		got, err := s.SuggestActors(context.Background(), tt.name, 3)
		if err != nil {
			t.Fatal(err)
		}
		var gotIDs []string
		for _, sg := range got {
			gotIDs = append(gotIDs, sg.Actor.ID)
		}
		if gotIDs == nil {
			gotIDs = []string{}
		}
		if diff := cmp.Diff(tt.want, gotIDs); diff != "" {
			t.Errorf("SuggestActors(%q) (-want +got):\n%s", tt.name, diff)
		}
	}
	// Prefixes rank before edits, then the more mentioned actor.
	got, err := s.SuggestActors(context.Background(), "v", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Actor.ID != "vladimir-putin" || !got[0].Prefix || got[1].Actor.ID != "volodymyr-zelensky" {
		t.Errorf("SuggestActors(v) = %+v", got)
	}
	if got, _ := s.SuggestActors(context.Background(), "v", 1); len(got) != 1 {
		t.Errorf("n = 1 gave %d suggestions", len(got))
	}
}

// TestActorDatesFollowChanges: first and last seen follow edits and
// deletions of the articles that set them.
func TestActorDatesFollowChanges(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	for i, d := range []string{"2024-03-01", "2024-01-05", "", "2024-02-10"} {
		mustIngest(t, s, article(fmt.Sprintf("n%d", i), d, fact{S: "NATO", V: "warn", O: "Russia"}))
	}
	span := func() string {
		t.Helper()
		a, err := s.Actor(ctx, "nato")
		if err != nil {
			t.Fatal(err)
		}
		return a.FirstSeen + ".." + a.LastSeen
	}
	if got := span(); got != "2024-01-05..2024-03-01" {
		t.Errorf("span = %s", got)
	}
	if err := s.DeleteArticle(ctx, "n1"); err != nil {
		t.Fatal(err)
	}
	if got := span(); got != "2024-02-10..2024-03-01" {
		t.Errorf("span after deleting the first = %s", got)
	}
	mustIngest(t, s, article("n0", "2023-12-31", fact{S: "NATO", V: "warn", O: "Russia"}))
	if got := span(); got != "2023-12-31..2024-02-10" {
		t.Errorf("span after redating the last = %s", got)
	}
	for _, id := range []string{"n0", "n3"} {
		if err := s.DeleteArticle(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if got := span(); got != ".." {
		t.Errorf("span with only an undated article = %q", got)
	}
	mustCheck(t, s)
}

// TestLongNameNotIndexed: a surface form too long for a key is stored and
// counted but not indexed; ingest does not fail.
func TestLongNameNotIndexed(t *testing.T) {
	s := openMem(t)
	long := strings.Repeat("Very Long Name ", 400) // 6000 bytes
	mustIngest(t, s, article("l", "", fact{S: "NATO", V: "warn", O: "Russia", SText: long}))
	mustCheck(t, s)
	a, err := s.Actor(context.Background(), "nato")
	if err != nil || len(a.Aliases) != 1 || a.Aliases[0] != long {
		t.Errorf("Actor(nato) = %+v, %v", a, err)
	}
	if got, _ := s.FindActors(context.Background(), long); len(got) != 0 {
		t.Errorf("a form over the limit was indexed: %v", ids(got))
	}
	if got, _ := s.FindActors(context.Background(), "NATO"); len(got) != 1 {
		t.Errorf("FindActors(NATO) = %v", ids(got))
	}
}
