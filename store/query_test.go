package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

// queryCorpus is a small store for the query methods: Putin meets
// Zelenskyy twice (two articles), threatens NATO once, and "could attack"
// Ukraine (hypothetical); NATO supports Ukraine; Biden meets Zelenskyy.
func queryCorpus(t *testing.T) *Store {
	t.Helper()
	s := openMem(t)
	q1 := article("q1", "2024-01-10",
		fact{S: "Vladimir Putin", V: "meet", O: "Volodymyr Zelenskyy", SText: "Putin"},
		fact{S: "Vladimir Putin", V: "threaten", O: "NATO"})
	q1.Triples[0].Event, q1.Triples[1].Event = "CONSULT", "THREATEN"
	q1.Triples[0].Confidence = 0.6
	q2 := article("q2", "2024-02-01",
		fact{S: "Vladimir Putin", V: "meet", O: "Volodymyr Zelenskyy"},
		fact{S: "Vladimir Putin", V: "attack", O: "Ukraine"},
		fact{S: "NATO", V: "support", O: "Ukraine"})
	q2.Triples[0].Event, q2.Triples[1].Event, q2.Triples[2].Event = "CONSULT", "ASSAULT", "SUPPORT"
	q2.Triples[1].Hypothetical = true
	q2.Triples[0].Score = 2
	q3 := article("q3", "", fact{S: "Joe Biden", V: "meet", O: "Volodymyr Zelenskyy"})
	for _, ex := range []news.Extraction{q1, q2, q3} {
		mustIngest(t, s, ex)
	}
	mustCheck(t, s)
	return s
}

// TestRelationsCover: the covering index entries carry exactly the fields
// of the triples they point at.
func TestRelationsCover(t *testing.T) {
	s := queryCorpus(t)
	ctx := context.Background()
	var rels []Relation
	if err := s.EachRelation(ctx, func(r Relation) error { rels = append(rels, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(rels) != 6 {
		t.Fatalf("%d relations, want 6", len(rels))
	}
	for _, r := range rels {
		tr, err := s.TripleAt(ctx, r.Article, r.Seq)
		if err != nil {
			t.Fatal(err)
		}
		want := Relation{SubjectID: tr.SubjectID, ObjectID: tr.ObjectID, Article: tr.Doc, Seq: r.Seq,
			Event: tr.Event, Predicate: tr.Predicate, Date: tr.Date, Negated: tr.Negated, Hypothetical: tr.Hypothetical,
			Symmetric: tr.Symmetric, Confidence: tr.Confidence, Score: tr.Score}
		if diff := cmp.Diff(want, r); diff != "" {
			t.Errorf("relation (-triple +index):\n%s", diff)
		}
	}
	var to []string
	s.RelationsTo(ctx, "ukraine", func(r Relation) error { to = append(to, r.SubjectID); return nil })
	if diff := cmp.Diff([]string{"nato", "vladimir-putin"}, to); diff != "" {
		t.Errorf("RelationsTo(ukraine) subjects (-want +got):\n%s", diff)
	}
	if _, err := s.TripleAt(ctx, "q1", 9); !errors.Is(err, ErrNotFound) {
		t.Errorf("TripleAt past the end: err = %v, want ErrNotFound", err)
	}
}

func TestRelationGroups(t *testing.T) {
	s := queryCorpus(t)
	tests := []struct {
		name string
		f    RelationFilter
		want []RelationGroup
	}{
		{"from putin", RelationFilter{From: "vladimir-putin"}, []RelationGroup{
			{SubjectID: "vladimir-putin", ObjectID: "volodymyr-zelensky", Event: "CONSULT", Triples: 2, Articles: 2,
				FirstDate: "2024-01-10", LastDate: "2024-02-01", Predicate: "meet", MeanScore: 1},
			{SubjectID: "vladimir-putin", ObjectID: "nato", Event: "THREATEN", Triples: 1, Articles: 1,
				FirstDate: "2024-01-10", LastDate: "2024-01-10", Predicate: "threaten"},
		}},
		{"hypothetical kept", RelationFilter{From: "vladimir-putin", To: "ukraine", IncludeHypothetical: true}, []RelationGroup{
			{SubjectID: "vladimir-putin", ObjectID: "ukraine", Event: "ASSAULT", Triples: 1, Hedged: 1, Articles: 1,
				FirstDate: "2024-02-01", LastDate: "2024-02-01", Predicate: "attack"},
		}},
		{"to zelenskyy since february", RelationFilter{To: "volodymyr-zelensky", Since: "2024-02-01"}, []RelationGroup{
			{SubjectID: "vladimir-putin", ObjectID: "volodymyr-zelensky", Event: "CONSULT", Triples: 1, Articles: 1,
				FirstDate: "2024-02-01", LastDate: "2024-02-01", Predicate: "meet", MeanScore: 2},
		}},
		{"events", RelationFilter{Events: []string{"SUPPORT", ""}}, []RelationGroup{
			{SubjectID: "joe-biden", ObjectID: "volodymyr-zelensky", Triples: 1, Articles: 1, Predicate: "meet"},
			{SubjectID: "nato", ObjectID: "ukraine", Event: "SUPPORT", Triples: 1, Articles: 1,
				FirstDate: "2024-02-01", LastDate: "2024-02-01", Predicate: "support"},
		}},
		{"nothing", RelationFilter{From: "ukraine"}, []RelationGroup{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.RelationGroups(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("RelationGroups (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEvidence(t *testing.T) {
	s := queryCorpus(t)
	ctx := context.Background()
	ev, err := s.Evidence(ctx, RelationFilter{To: "volodymyr-zelensky"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ev {
		got = append(got, e.Triple.Doc+": "+e.Triple.Sentence+" ("+e.Article.Title+")")
	}
	want := []string{ // by date, undated last
		"q1: Putin meet Volodymyr Zelenskyy. (About q1)",
		"q2: Vladimir Putin meet Volodymyr Zelenskyy. (About q2)",
		"q3: Joe Biden meet Volodymyr Zelenskyy. (About q3)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Evidence (-want +got):\n%s", diff)
	}
	if ev, err := s.Evidence(ctx, RelationFilter{From: "nobody"}); err != nil || ev == nil || len(ev) != 0 {
		t.Errorf("Evidence of nobody = %v, %v; want empty, non-nil", ev, err)
	}
}

func TestShortestPaths(t *testing.T) {
	s := queryCorpus(t)
	ctx := context.Background()
	tests := []struct {
		name     string
		from, to string
		opts     PathOptions
		want     [][]string
	}{
		{"one hop", "vladimir-putin", "nato", PathOptions{}, [][]string{{"vladimir-putin", "nato"}}},
		{"against direction", "nato", "vladimir-putin", PathOptions{}, [][]string{{"nato", "vladimir-putin"}}},
		{"directed refuses", "nato", "vladimir-putin", PathOptions{Directed: true}, [][]string{}},
		{"two hops", "joe-biden", "nato", PathOptions{}, [][]string{{"joe-biden", "volodymyr-zelensky", "vladimir-putin", "nato"}}},
		{"hypothetical link left out", "vladimir-putin", "ukraine", PathOptions{},
			[][]string{{"vladimir-putin", "nato", "ukraine"}}},
		{"hypothetical link kept", "vladimir-putin", "ukraine", PathOptions{Filter: RelationFilter{IncludeHypothetical: true}},
			[][]string{{"vladimir-putin", "ukraine"}}},
		{"max hops", "joe-biden", "nato", PathOptions{MaxHops: 2}, [][]string{}},
		{"self", "nato", "nato", PathOptions{}, [][]string{{"nato"}}},
		{"co-mention", "vladimir-putin", "nato", PathOptions{Comention: true}, [][]string{{"vladimir-putin", "nato"}}},
		{"unknown", "nato", "nobody", PathOptions{}, [][]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.ShortestPaths(ctx, tt.from, tt.to, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ShortestPaths (-want +got):\n%s", diff)
			}
		})
	}
}

// TestShortestPathsAll: every shortest path is found, in order, up to the
// cap.
func TestShortestPathsAll(t *testing.T) {
	s := openMem(t)
	for _, mid := range []string{"B1", "B2", "B3"} {
		mustIngest(t, s, article("p"+mid, "", fact{S: "A", V: "x", O: mid}, fact{S: mid, V: "y", O: "C"}))
	}
	mustIngest(t, s, article("long", "", fact{S: "A", V: "x", O: "D"}, fact{S: "D", V: "x", O: "E"}, fact{S: "E", V: "x", O: "C"}))
	ctx := context.Background()
	got, err := s.ShortestPaths(ctx, "a", "c", PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"a", "b1", "c"}, {"a", "b2", "c"}, {"a", "b3", "c"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("all shortest paths (-want +got):\n%s", diff)
	}
	got, _ = s.ShortestPaths(ctx, "a", "c", PathOptions{MaxPaths: 2})
	if !slices.EqualFunc(got, want[:2], slices.Equal) {
		t.Errorf("MaxPaths 2: %v", got)
	}
}

func TestStrongestEvidence(t *testing.T) {
	s := queryCorpus(t)
	ctx := context.Background()
	ev, ok, err := s.StrongestEvidence(ctx, "volodymyr-zelensky", "vladimir-putin", false, RelationFilter{})
	if err != nil || !ok {
		t.Fatalf("StrongestEvidence: %v, %v", ok, err)
	}
	// q1's meeting has confidence 0.6, q2's 0.9.
	if ev.Triple.Doc != "q2" || ev.Article.ID != "q2" || ev.Triple.SubjectID != "vladimir-putin" {
		t.Errorf("StrongestEvidence = %+v", ev)
	}
	if _, ok, _ := s.StrongestEvidence(ctx, "volodymyr-zelensky", "vladimir-putin", true, RelationFilter{}); ok {
		t.Errorf("directed: found evidence against the direction")
	}
	if _, ok, _ := s.StrongestEvidence(ctx, "vladimir-putin", "ukraine", true, RelationFilter{}); ok {
		t.Errorf("a hypothetical relation was taken as evidence")
	}
	cm, ok, err := s.ComentionEvidence(ctx, "nato", "ukraine")
	if err != nil || !ok || cm.Article.ID != "q2" || cm.SentenceIndex != 2 || cm.Sentence != "NATO support Ukraine." {
		t.Errorf("ComentionEvidence = %+v, %v, %v", cm, ok, err)
	}
	if _, ok, _ := s.ComentionEvidence(ctx, "joe-biden", "nato"); ok {
		t.Errorf("co-mention of actors never in one sentence")
	}
}

func TestRelatedAndComentioned(t *testing.T) {
	s := queryCorpus(t)
	ctx := context.Background()
	got, err := s.Related(ctx, "volodymyr-zelensky", In, RelationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]int{"vladimir-putin": 2, "joe-biden": 1}, got); diff != "" {
		t.Errorf("Related in (-want +got):\n%s", diff)
	}
	got, _ = s.Related(ctx, "ukraine", Both, RelationFilter{IncludeHypothetical: true})
	if diff := cmp.Diff(map[string]int{"vladimir-putin": 1, "nato": 1}, got); diff != "" {
		t.Errorf("Related both (-want +got):\n%s", diff)
	}
	got, err = s.Comentioned(ctx, "vladimir-putin")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]int{"volodymyr-zelensky": 2, "nato": 1, "ukraine": 1}, got); diff != "" {
		t.Errorf("Comentioned (-want +got):\n%s", diff)
	}
}
