package store

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

// TestTallyArticle compares tallyArticle with the definition of a tally
// counted with maps, on articles whose actors repeat names, types and
// surface forms, appear only as triple ends, or have empty strings.
func TestTallyArticle(t *testing.T) {
	ex := benchArticle("a", 3, 30)
	ex.Mentions = append(ex.Mentions,
		news.Mention{ActorID: "actor-1", Name: "Actor One", Type: "", Text: "One"},
		news.Mention{ActorID: "actor-1", Name: "Actor One", Type: "PERSON", Text: ""},
		news.Mention{ActorID: "mentioned-only", Name: "M", Type: "ORG", Text: "M"})
	ex.Triples = append(ex.Triples, news.Triple{SubjectID: "end-only", ObjectID: "actor-1", Object: "One"})
	for _, date := range []string{"2024-01-02", ""} {
		want := map[string]map[string]any{}
		count := func(actor, field, key string) {
			if want[actor] == nil {
				want[actor] = map[string]any{"articles": 1, "mentions": 0}
				for _, f := range []string{"names", "types", "end_names", "end_types", "aliases", "dates"} {
					want[actor][f] = map[string]int{}
				}
				if date != "" {
					want[actor]["dates"].(map[string]int)[date] = 1
				}
			}
			if key != "" {
				want[actor][field].(map[string]int)[key]++
			}
		}
		for _, m := range ex.Mentions {
			count(m.ActorID, "names", m.Name)
			count(m.ActorID, "types", m.Type)
			count(m.ActorID, "aliases", m.Text)
			want[m.ActorID]["mentions"] = want[m.ActorID]["mentions"].(int) + 1
		}
		for _, tr := range ex.Triples {
			count(tr.SubjectID, "end_names", tr.Subject)
			count(tr.SubjectID, "end_types", tr.SubjectType)
			count(tr.ObjectID, "end_names", tr.Object)
			count(tr.ObjectID, "end_types", tr.ObjectType)
		}
		got := map[string]map[string]any{}
		tallies := tallyArticle(date, ex.Mentions, ex.Triples)
		if !slices.IsSortedFunc(tallies, func(a, b actorTally) int { return strings.Compare(a.actor, b.actor) }) {
			t.Errorf("tallies not sorted by actor")
		}
		for _, at := range tallies {
			asMap := func(m multiset) map[string]int {
				if !slices.IsSortedFunc(m, func(a, b counted) int { return strings.Compare(a.Key, b.Key) }) {
					t.Errorf("actor %q: multiset %v not sorted", at.actor, m)
				}
				out := map[string]int{}
				for _, c := range m {
					out[c.Key] = c.N
				}
				return out
			}
			got[at.actor] = map[string]any{"articles": at.t.Articles, "mentions": at.t.Mentions,
				"names": asMap(at.t.Names), "types": asMap(at.t.Types), "end_names": asMap(at.t.EndNames),
				"end_types": asMap(at.t.EndTypes), "aliases": asMap(at.t.Aliases), "dates": asMap(at.t.Dates)}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("date %q: tallyArticle (-want +got):\n%s", date, diff)
		}
	}
}

// TestMultisetPlus checks sums and differences of multisets against maps,
// in place and not, and that a count going negative is an error.
func TestMultisetPlus(t *testing.T) {
	ms := []multiset{
		nil,
		{{"a", 1}},
		{{"a", 2}, {"c", 1}},
		{{"b", 1}, {"c", 3}, {"d", 1}},
		{{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}},
	}
	toMap := func(m multiset) map[string]int {
		out := map[string]int{}
		for _, c := range m {
			out[c.Key] = c.N
		}
		return out
	}
	for _, x := range ms {
		for _, y := range ms {
			for _, sign := range []int{+1, -1} {
				want := toMap(x)
				negative := false
				for _, c := range y {
					want[c.Key] += sign * c.N
					switch {
					case want[c.Key] < 0:
						negative = true
					case want[c.Key] == 0:
						delete(want, c.Key)
					}
				}
				before := slices.Clone(y)
				got, err := slices.Clone(x).plus(y, sign)
				name := fmt.Sprintf("%v %+d × %v", x, sign, y)
				if negative {
					if !errors.Is(err, ErrCorrupt) {
						t.Errorf("%s: err = %v, want ErrCorrupt", name, err)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !maps.Equal(toMap(got), want) || !slices.IsSortedFunc(got, func(a, b counted) int { return strings.Compare(a.Key, b.Key) }) {
					t.Errorf("%s = %v, want %v", name, got, want)
				}
				if !slices.Equal(y, before) {
					t.Errorf("%s changed its operand", name)
				}
			}
		}
	}
}
