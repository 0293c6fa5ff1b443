package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/newsgraph/newsgraph/news"
)

// The store is the graph package's triple source; the interface is declared
// by the consumer, so it is repeated here.
var _ interface {
	EachTriple(context.Context, func(news.Triple) error) error
	EachMention(context.Context, func(news.Mention) error) error
} = (*Store)(nil)

var (
	a1 = article("a1", "2024-01-10",
		fact{S: "Vladimir Putin", V: "meet", O: "Volodymyr Zelenskyy", SText: "Putin", OText: "Zelenskyy"},
		fact{S: "Russia", V: "attack", O: "Ukraine"})
	a1Edited = article("a1", "2024-01-11",
		fact{S: "Vladimir Putin", V: "meet", O: "Recep Erdogan", OText: "Erdogan"},
		fact{S: "Kremlin", V: "criticise", O: "NATO", SText: "the Kremlin"})
	a2 = article("a2", "2024-02-01",
		fact{S: "Vladimir Putin", V: "criticise", O: "NATO", SText: "Mr Putin"},
		fact{S: "NATO", V: "support", O: "Ukraine"})
	a3 = article("kremlin-scrape#3", "",
		fact{S: "Joe Biden", V: "meet", O: "Volodymyr Zelenskyy", SText: "Biden"})
	empty = article("empty", "2024-03-01")
)

// dup is an article with the same triple twice.
var dup = func() news.Extraction {
	ex := article("dup", "2024-01-01", fact{S: "Russia", V: "attack", O: "Ukraine"})
	ex.Triples = append(ex.Triples, ex.Triples[0])
	ex.Mentions = append(ex.Mentions, ex.Mentions...)
	return ex
}()

func TestStatusString(t *testing.T) {
	tests := []struct {
		s    Status
		want string
	}{{New, "new"}, {Changed, "changed"}, {Unchanged, "unchanged"}, {0, "Status(0)"}}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("Status(%d).String() = %q, want %q", int(tt.s), got, tt.want)
		}
	}
}

// TestIngestTwiceUnchanged: the same article twice gives one article, and
// the second ingest writes nothing at all.
func TestIngestTwiceUnchanged(t *testing.T) {
	moved := a1
	moved.Article.Source = "elsewhere/a1.txt" // Source is not part of the hash
	tests := []struct {
		name        string
		first, then news.Extraction
	}{
		{"same article", a1, a1},
		{"no triples", empty, empty},
		{"duplicate triples", dup, dup},
		{"odd id", a3, a3},
		{"moved file", a1, moved},
		// The hash covers the article, not the extraction: a new extractor
		// needs `rebuild --from-scratch` to reach stored articles.
		{"other extraction of the same text", dup, func() news.Extraction {
			ex := dup
			ex.Triples = ex.Triples[:1]
			return ex
		}()},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openMem(t)
			if st := mustIngest(t, s, tt.first); st != New {
				t.Fatalf("first Ingest = %v, want new", st)
			}
			before, version := snap(t, s), s.bdb().MaxVersion()
			if st := mustIngest(t, s, tt.then); st != Unchanged {
				t.Fatalf("second Ingest = %v, want unchanged", st)
			}
			if v := s.bdb().MaxVersion(); v != version {
				t.Errorf("badger MaxVersion moved from %d to %d: something was written", version, v)
			}
			if diff := cmp.Diff(before, snap(t, s)); diff != "" {
				t.Errorf("store changed (-before +after):\n%s", diff)
			}
			c, err := s.Counts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := Counts{Articles: 1, Triples: len(tt.first.Triples), Mentions: len(tt.first.Mentions), Actors: len(before.Actors)}
			if c != want {
				t.Errorf("Counts = %+v, want %+v", c, want)
			}
			if diff := cmp.Diff(withDocs(tt.first), before.Triples, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("triples (-want +got):\n%s", diff)
			}
			mustCheck(t, s)
		})
	}
}

// TestIngestChangedReplaces: an edited article replaces its triples in the
// primary copy and in both indexes, leaving other articles alone.
func TestIngestChangedReplaces(t *testing.T) {
	fewer := a1
	fewer.Triples = fewer.Triples[:1]
	fewer.Article.Title = "shorter"
	tests := []struct {
		name          string
		before, after news.Extraction
	}{
		{"other actors", a1, a1Edited},
		{"fewer triples", a1, fewer},
		{"to no triples", a1, article("a1", "")},
		{"from no triples", article("a1", ""), a1Edited},
		{"duplicates to one", dup, func() news.Extraction {
			ex := article("dup", "2024-01-01", fact{S: "Russia", V: "attack", O: "Ukraine"})
			ex.Article.Title = "Updated"
			return ex
		}()},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openMem(t)
			mustIngest(t, s, a2) // a bystander
			mustIngest(t, s, tt.before)
			if st := mustIngest(t, s, tt.after); st != Changed {
				t.Fatalf("Ingest(after) = %v, want changed", st)
			}
			mustCheck(t, s)

			all := collect(t, s.EachTriple)
			want := append(withDocs(tt.after), withDocs(a2)...)
			byKey := cmpopts.SortSlices(func(x, y news.Triple) bool {
				return fmt.Sprint(x) < fmt.Sprint(y)
			})
			if diff := cmp.Diff(want, all, byKey, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("EachTriple (-want +got):\n%s", diff)
			}
			info, err := s.Article(ctx, tt.after.Article.ID)
			if err != nil {
				t.Fatal(err)
			}
			wantInfo := ArticleInfo{
				ID: tt.after.Article.ID, Hash: tt.after.Article.Hash(), Title: tt.after.Article.Title,
				Date: tt.after.Article.Date, URL: tt.after.Article.URL, Source: tt.after.Article.Source,
				Triples: len(tt.after.Triples), Mentions: len(tt.after.Mentions),
			}
			if diff := cmp.Diff(wantInfo, info); diff != "" {
				t.Errorf("Article (-want +got):\n%s", diff)
			}
			checkIndexes(t, s)
		})
	}
}

// checkIndexes compares TriplesFrom, TriplesTo and TriplesBetween with
// filters of EachTriple for every actor and pair of actors, plus ids that
// are absent or prefixes of present ones.
func checkIndexes(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	all := collect(t, s.EachTriple)
	ids := []string{"", "nobody", "vladimir", "vladimir-putin\x00"}
	for _, tr := range all {
		ids = append(ids, tr.SubjectID, tr.ObjectID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	sorted := cmpopts.SortSlices(func(x, y news.Triple) bool { return fmt.Sprint(x) < fmt.Sprint(y) })
	for _, a := range ids {
		from := collect(t, func(ctx context.Context, fn func(news.Triple) error) error { return s.TriplesFrom(ctx, a, fn) })
		if diff := cmp.Diff(filter(all, func(tr news.Triple) bool { return tr.SubjectID == a }), from, sorted, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("TriplesFrom(%q) (-filter +index):\n%s", a, diff)
		}
		to := collect(t, func(ctx context.Context, fn func(news.Triple) error) error { return s.TriplesTo(ctx, a, fn) })
		if diff := cmp.Diff(filter(all, func(tr news.Triple) bool { return tr.ObjectID == a }), to, sorted, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("TriplesTo(%q) (-filter +index):\n%s", a, diff)
		}
		for _, b := range ids {
			between := collect(t, func(ctx context.Context, fn func(news.Triple) error) error {
				return s.TriplesBetween(ctx, a, b, fn)
			})
			want := filter(all, func(tr news.Triple) bool { return tr.SubjectID == a && tr.ObjectID == b })
			if diff := cmp.Diff(want, between, sorted, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("TriplesBetween(%q, %q) (-filter +index):\n%s", a, b, diff)
			}
		}
	}
	_ = ctx
}

// TestAggregatesMatchFreshStore: after every step of a history of ingests,
// edits and deletions, the store shows exactly what a fresh store holding
// the current articles shows.
func TestAggregatesMatchFreshStore(t *testing.T) {
	georgiaPerson := article("g1", "2023-12-31", fact{S: "Georgia", V: "sing", O: "NATO"})
	georgiaPlace := article("g2", "2024-05-05", fact{S: "NATO", V: "visit", O: "Georgia"})
	actorTypes := map[string]string{"g2": news.GPE}
	georgiaPlace.Mentions[1].Type = actorTypes["g2"]
	georgiaPlace.Triples[0].ObjectType = actorTypes["g2"]
	a2Edited := article("a2", "2024-02-02", fact{S: "Vladimir Putin", V: "call", O: "Joe Biden", SText: "Vladimir Putin", OText: "President Biden"})

	type step struct {
		ingest news.Extraction // or
		delete string
		want   Status
	}
	steps := []step{
		{ingest: a1, want: New},
		{ingest: a2, want: New},
		{ingest: a3, want: New},
		{ingest: empty, want: New},
		{ingest: dup, want: New},
		{ingest: georgiaPerson, want: New},
		{ingest: georgiaPlace, want: New},
		{ingest: a1Edited, want: Changed},
		{delete: "a2"},
		{ingest: article("kremlin-scrape#3", ""), want: Changed},
		{ingest: a2Edited, want: New},
		{ingest: a1, want: Changed},
		{delete: "g1"},
		{delete: "dup"},
		{ingest: a2, want: Changed},
		{delete: "a1"},
		{delete: "a2"},
		{delete: "g2"},
		{delete: "kremlin-scrape#3"},
		{delete: "empty"},
	}
	ctx := context.Background()
	s := openMem(t)
	current := map[string]news.Extraction{}
	for i, st := range steps {
		name := fmt.Sprintf("%d delete %s", i, st.delete)
		if st.delete == "" {
			name = fmt.Sprintf("%d ingest %s", i, st.ingest.Article.ID)
		}
		t.Run(name, func(t *testing.T) {
			if st.delete != "" {
				if err := s.DeleteArticle(ctx, st.delete); err != nil {
					t.Fatal(err)
				}
				delete(current, st.delete)
			} else {
				if got := mustIngest(t, s, st.ingest); got != st.want {
					t.Errorf("Ingest = %v, want %v", got, st.want)
				}
				current[st.ingest.Article.ID] = st.ingest
			}
			mustCheck(t, s)
			if diff := cmp.Diff(freshSnap(t, current), snap(t, s), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("store differs from a fresh ingest of the current articles (-fresh +store):\n%s", diff)
			}
		})
	}
	if c, _ := s.Counts(ctx); c != (Counts{}) {
		t.Errorf("Counts after deleting everything = %+v, want zero", c)
	}
	var keys int
	s.bdb().View(func(txn *badger.Txn) error {
		return scanTxn(txn, nil, true, func(k, _ []byte) error {
			if k[0] != prefixMeta {
				t.Errorf("key %q left after deleting everything", k)
			}
			keys++
			return nil
		})
	})
}

// TestActorInfo pins the aggregate of actors in a small corpus.
func TestActorInfo(t *testing.T) {
	s := openMem(t)
	endOnly := article("ends", "2024-06-01", fact{S: "Ghost", V: "haunt", O: "Kremlin"})
	endOnly.Mentions = endOnly.Mentions[1:] // Ghost is only a triple end
	tie := article("tie", "", fact{S: "Georgia", V: "join", O: "NATO"})
	tie2 := article("tie2", "", fact{S: "NATO", V: "reject", O: "Georgia"})
	tie2.Mentions[1].Type, tie2.Triples[0].ObjectType = news.GPE, news.GPE
	for _, ex := range []news.Extraction{a1, a2, a3, endOnly, tie, tie2} {
		mustIngest(t, s, ex)
	}
	tests := []struct {
		id   string
		want ActorInfo
	}{
		{"vladimir-putin", ActorInfo{ID: "vladimir-putin", Name: "Vladimir Putin", Type: news.Person,
			Aliases: []string{"Mr Putin", "Putin"}, Mentions: 2, Articles: 2, FirstSeen: "2024-01-10", LastSeen: "2024-02-01"}},
		{"volodymyr-zelensky", ActorInfo{ID: "volodymyr-zelensky", Name: "Volodymyr Zelenskyy", Type: news.Person,
			Aliases: []string{"Volodymyr Zelenskyy", "Zelenskyy"}, Mentions: 2, Articles: 2, FirstSeen: "2024-01-10", LastSeen: "2024-01-10"}},
		{"joe-biden", ActorInfo{ID: "joe-biden", Name: "Joe Biden", Type: news.Person,
			Aliases: []string{"Biden"}, Mentions: 1, Articles: 1}},
		{"ghost", ActorInfo{ID: "ghost", Name: "Ghost", Type: news.Person, Aliases: []string{},
			Articles: 1, FirstSeen: "2024-06-01", LastSeen: "2024-06-01"}},
		// One PERSON mention, one GPE mention: the tie goes to "GPE" < "PERSON".
		{"georgia", ActorInfo{ID: "georgia", Name: "Georgia", Type: news.GPE, Aliases: []string{"Georgia"},
			Mentions: 2, Articles: 2}},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got, err := s.Actor(ctx, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Actor (-want +got):\n%s", diff)
			}
		})
	}
	actors, err := s.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSortedFunc(actors, func(x, y ActorInfo) int {
		if x.Mentions != y.Mentions {
			return y.Mentions - x.Mentions
		}
		return strings.Compare(x.ID, y.ID)
	}) {
		t.Errorf("Actors not sorted by mentions desc, id: %v", actors)
	}
	var articles []string
	if err := s.ActorArticles(ctx, "vladimir-putin", func(id string) error { articles = append(articles, id); return nil }); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a1", "a2"}, articles); diff != "" {
		t.Errorf("ActorArticles (-want +got):\n%s", diff)
	}
}

// TestDeleteLastArticleRemovesActor: an actor lives exactly as long as an
// article mentions it.
func TestDeleteLastArticleRemovesActor(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	mustIngest(t, s, a1)
	mustIngest(t, s, a2)
	if _, err := s.Actor(ctx, "nato"); err != nil {
		t.Fatalf("Actor(nato) before delete: %v", err)
	}
	if err := s.DeleteArticle(ctx, "a2"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Actor(ctx, "nato"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Actor(nato) after deleting its only article: err = %v, want ErrNotFound", err)
	}
	if got := collect(t, func(ctx context.Context, fn func(news.Triple) error) error { return s.TriplesTo(ctx, "nato", fn) }); len(got) != 0 {
		t.Errorf("TriplesTo(nato) after delete = %v", got)
	}
	putin, err := s.Actor(ctx, "vladimir-putin")
	if err != nil {
		t.Fatal(err)
	}
	if putin.Articles != 1 || putin.Mentions != 1 || putin.LastSeen != "2024-01-10" {
		t.Errorf("Actor(vladimir-putin) after delete = %+v", putin)
	}
	if err := s.DeleteArticle(ctx, "a2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second DeleteArticle: err = %v, want ErrNotFound", err)
	}
	mustCheck(t, s)
}

// TestMentionOrder: EachMention groups by article id, then sentence order.
func TestMentionOrder(t *testing.T) {
	ex := article("b", "", fact{S: "A", V: "x", O: "B"}, fact{S: "C", V: "y", O: "D"})
	slices.Reverse(ex.Mentions)
	ex.Mentions = append(ex.Mentions, news.Mention{ActorID: "e", Name: "E", Type: news.Person, Text: "E1", Sentence: 0, Start: 0, End: 1})
	s := openMem(t)
	mustIngest(t, s, ex)
	mustIngest(t, s, article("a", "", fact{S: "Z", V: "z", O: "Y"}))
	var got []string
	err := s.EachMention(context.Background(), func(m news.Mention) error {
		got = append(got, fmt.Sprintf("%s:%d:%d:%s", m.Doc, m.Sentence, m.Start, m.Text))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a:0:0:Z", "a:0:4:Y", "b:0:0:A", "b:0:0:E1", "b:0:4:B", "b:1:7:C", "b:1:11:D"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("EachMention order (-want +got):\n%s", diff)
	}
}

func TestIngestInvalid(t *testing.T) {
	long := strings.Repeat("x", maxIDLen+1)
	mod := func(f func(*news.Extraction)) news.Extraction {
		ex := article("a1", "", fact{S: "A", V: "v", O: "B"})
		ex.Triples = slices.Clone(ex.Triples)
		ex.Mentions = slices.Clone(ex.Mentions)
		f(&ex)
		return ex
	}
	tests := []struct {
		name string
		ex   news.Extraction
	}{
		{"empty article id", mod(func(ex *news.Extraction) { ex.Article.ID = "" })},
		{"long article id", mod(func(ex *news.Extraction) { ex.Article.ID = long })},
		{"long article date", mod(func(ex *news.Extraction) { ex.Article.Date = long })},
		{"empty subject", mod(func(ex *news.Extraction) { ex.Triples[0].SubjectID = "" })},
		{"empty object", mod(func(ex *news.Extraction) { ex.Triples[0].ObjectID = "" })},
		{"long object", mod(func(ex *news.Extraction) { ex.Triples[0].ObjectID = long })},
		{"empty mention actor", mod(func(ex *news.Extraction) { ex.Mentions[1].ActorID = "" })},
		{"triple of another article", mod(func(ex *news.Extraction) { ex.Triples[0].Doc = "a2" })},
		{"mention of another article", mod(func(ex *news.Extraction) { ex.Mentions[0].Doc = "a2" })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openMem(t)
			version := s.bdb().MaxVersion()
			if _, err := s.Ingest(context.Background(), tt.ex); !errors.Is(err, ErrInvalid) {
				t.Errorf("Ingest: err = %v, want ErrInvalid", err)
			}
			if v := s.bdb().MaxVersion(); v != version {
				t.Errorf("an invalid ingest wrote to the store")
			}
		})
	}

	// An empty Doc is filled in.
	s := openMem(t)
	ex := mod(func(ex *news.Extraction) { ex.Triples[0].Doc, ex.Mentions[0].Doc = "", "" })
	mustIngest(t, s, ex)
	if diff := cmp.Diff(withDocs(ex), collect(t, s.EachTriple)); diff != "" {
		t.Errorf("triples (-want +got):\n%s", diff)
	}
}

func TestNotFound(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	mustIngest(t, s, a1)
	if _, err := s.Article(ctx, "a"); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `"a"`) {
		t.Errorf("Article(a): err = %v, want ErrNotFound naming the id", err)
	}
	if _, err := s.Actor(ctx, "vladimir"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Actor(vladimir): err = %v, want ErrNotFound", err)
	}
	if err := s.DeleteArticle(ctx, "a1\x00"); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteArticle: err = %v, want ErrNotFound", err)
	}
	if ok, err := s.ArticleStored("a", a1.Article.Hash()); err != nil || ok {
		t.Errorf("ArticleStored(a) = %v, %v; want false", ok, err)
	}
	if ok, err := s.ArticleStored("a1", a1.Article.Hash()); err != nil || !ok {
		t.Errorf("ArticleStored(a1, its hash) = %v, %v; want true", ok, err)
	}
	if ok, err := s.ArticleStored("a1", a1.Article.Hash()+"x"); err != nil || ok {
		t.Errorf("ArticleStored(a1, another hash) = %v, %v; want false", ok, err)
	}
	if actors, err := openMem(t).Actors(ctx); err != nil || actors == nil || len(actors) != 0 {
		t.Errorf("Actors of an empty store = %#v, %v; want empty non-nil", actors, err)
	}
}

// iterators lists every method that calls fn per item, for the
// cancellation and error tests.
func iterators(s *Store) map[string]func(ctx context.Context, fn func()) error {
	return map[string]func(ctx context.Context, fn func()) error{
		"EachArticle": func(ctx context.Context, fn func()) error {
			return s.EachArticle(ctx, func(ArticleInfo) error { fn(); return nil })
		},
		"EachTriple": func(ctx context.Context, fn func()) error {
			return s.EachTriple(ctx, func(news.Triple) error { fn(); return nil })
		},
		"EachMention": func(ctx context.Context, fn func()) error {
			return s.EachMention(ctx, func(news.Mention) error { fn(); return nil })
		},
		"TriplesFrom": func(ctx context.Context, fn func()) error {
			return s.TriplesFrom(ctx, "vladimir-putin", func(news.Triple) error { fn(); return nil })
		},
		"TriplesTo": func(ctx context.Context, fn func()) error {
			return s.TriplesTo(ctx, "nato", func(news.Triple) error { fn(); return nil })
		},
		"TriplesBetween": func(ctx context.Context, fn func()) error {
			return s.TriplesBetween(ctx, "vladimir-putin", "nato", func(news.Triple) error { fn(); return nil })
		},
		"ArticleTriples": func(ctx context.Context, fn func()) error {
			return s.ArticleTriples(ctx, "a2", func(news.Triple) error { fn(); return nil })
		},
		"ArticleMentions": func(ctx context.Context, fn func()) error {
			return s.ArticleMentions(ctx, "a2", func(news.Mention) error { fn(); return nil })
		},
		"ActorArticles": func(ctx context.Context, fn func()) error {
			return s.ActorArticles(ctx, "vladimir-putin", func(string) error { fn(); return nil })
		},
	}
}

// TestContextCancel: a cancelled context stops iteration at the next item
// and stops writes before they commit.
func TestContextCancel(t *testing.T) {
	s := openMem(t)
	// Two of everything each iterator visits.
	for _, ex := range []news.Extraction{a1, a2, article("a3", "", fact{S: "Vladimir Putin", V: "criticise", O: "NATO"})} {
		mustIngest(t, s, ex)
	}
	for name, it := range iterators(s) {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			calls := 0
			err := it(ctx, func() { calls++; cancel() })
			if !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want context.Canceled", err)
			}
			if calls != 1 {
				t.Errorf("fn called %d times, want 1", calls)
			}
		})
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	version := s.bdb().MaxVersion()
	calls := []struct {
		name string
		fn   func() error
	}{
		{"Ingest", func() error { _, err := s.Ingest(ctx, a1Edited); return err }},
		{"DeleteArticle", func() error { return s.DeleteArticle(ctx, "a1") }},
		{"Article", func() error { _, err := s.Article(ctx, "a1"); return err }},
		{"Actor", func() error { _, err := s.Actor(ctx, "nato"); return err }},
		{"Actors", func() error { _, err := s.Actors(ctx); return err }},
		{"Counts", func() error { _, err := s.Counts(ctx); return err }},
		{"Check", func() error { return s.Check(ctx) }},
	}
	for _, c := range calls {
		if err := c.fn(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a cancelled context: err = %v, want context.Canceled", c.name, err)
		}
	}
	if v := s.bdb().MaxVersion(); v != version {
		t.Errorf("cancelled writes changed the store")
	}
}

// TestFnError: an error from fn stops iteration and comes back unchanged.
func TestFnError(t *testing.T) {
	s := openMem(t)
	mustIngest(t, s, a1)
	mustIngest(t, s, a2)
	stop := errors.New("stop")
	for name, it := range iterators(s) {
		t.Run(name, func(t *testing.T) {
			calls := 0
			err := it(context.Background(), func() { calls++ })
			if err != nil || calls == 0 {
				t.Fatalf("plain run: %d calls, err %v", calls, err)
			}
		})
	}
	err := s.EachTriple(context.Background(), func(news.Triple) error { return stop })
	if err != stop {
		t.Errorf("EachTriple returned %v, want fn's error itself", err)
	}
	err = s.TriplesFrom(context.Background(), "vladimir-putin", func(news.Triple) error { return stop })
	if err != stop {
		t.Errorf("TriplesFrom returned %v, want fn's error itself", err)
	}
}

// TestReopen: data persists on disk across Commit and Open, read-write and
// read-only.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store") // Open creates it
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range []news.Extraction{a1, a2, a3, dup} {
		mustIngest(t, s, ex)
	}
	want := snap(t, s)
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close after Commit: %v", err)
	}

	s, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, snap(t, s)); diff != "" {
		t.Errorf("after reopen (-before +after):\n%s", diff)
	}
	if st := mustIngest(t, s, a1); st != Unchanged {
		t.Errorf("Ingest after reopen = %v, want unchanged", st)
	}
	mustCheck(t, s)
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}

	// Two read-only opens share the directory.
	r1, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("second read-only Open: %v", err)
	}
	defer r2.Close()
	if diff := cmp.Diff(want, snap(t, r2)); diff != "" {
		t.Errorf("read-only (-before +after):\n%s", diff)
	}
	if _, err := r1.Ingest(ctx, a1Edited); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Ingest on a read-only store: err = %v, want ErrReadOnly", err)
	}
	if err := r1.DeleteArticle(ctx, "a1"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("DeleteArticle on a read-only store: err = %v, want ErrReadOnly", err)
	}
	// A writer does not wait for the readers.
	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open for writing beside readers: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestOpenReadOnlyMissing: a read-only open of a directory without a store
// fails with fs.ErrNotExist and creates nothing.
func TestOpenReadOnlyMissing(t *testing.T) {
	tests := []struct {
		name  string
		setup func(dir string) error
	}{
		{"no directory", func(string) error { return nil }},
		{"empty directory", func(dir string) error { return os.Mkdir(dir, 0o755) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "store")
			if err := tt.setup(dir); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadDir(dir)
			if _, err := Open(dir, Options{ReadOnly: true}); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("Open(ReadOnly): err = %v, want fs.ErrNotExist", err)
			}
			if after, _ := os.ReadDir(dir); len(after) != len(before) {
				t.Errorf("read-only Open created files: %v", after)
			}
		})
	}
}

// TestIngestTooLarge: an article beyond one transaction is refused whole.
func TestIngestTooLarge(t *testing.T) {
	s := openMem(t)
	mustIngest(t, s, a1)
	before, version := snap(t, s), s.bdb().MaxVersion()
	facts := make([]fact, 20000)
	for i := range facts {
		facts[i] = fact{S: fmt.Sprintf("Actor %d", i), V: strings.Repeat("v", 200), O: "NATO"}
	}
	big := article("a1", "2024-01-01", facts...)
	if _, err := s.Ingest(context.Background(), big); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Ingest: err = %v, want ErrTooLarge", err)
	}
	if v := s.bdb().MaxVersion(); v != version {
		t.Errorf("a refused ingest wrote to the store")
	}
	if diff := cmp.Diff(before, snap(t, s)); diff != "" {
		t.Errorf("store changed (-before +after):\n%s", diff)
	}
}

// TestOpenLocked: a second writer fails with a *LockError naming the
// folder and the holder (pid, start time, command); readers are not
// refused; with Wait the second writer gets the lock once the first
// releases it.
func TestOpenLocked(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, a1)
	_, err = Open(dir, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: err = %v, want ErrLocked", err)
	}
	var le *LockError
	if !errors.As(err, &le) || le.Dir != dir || le.PID != os.Getpid() || le.Started.IsZero() || !strings.Contains(le.Command, filepath.Base(os.Args[0])) {
		t.Errorf("err = %#v, want *LockError{Dir: %q, PID: %d} with a start time and the command", err, dir, os.Getpid())
	}
	wantPrefix := fmt.Sprintf("store %s is being written by pid %d (%s), started ", dir, os.Getpid(), le.Command)
	if msg := err.Error(); !strings.HasPrefix(msg, wantPrefix) || !strings.HasSuffix(msg, "; try again when it has finished") || strings.Contains(msg, "\n") {
		t.Errorf("message = %q, want one line starting %q", msg, wantPrefix)
	}
	// Readers do not wait; before the first Commit there is nothing to read.
	if _, err := Open(dir, Options{ReadOnly: true}); !errors.Is(err, ErrNoStore) {
		t.Errorf("reader beside the first writer: err = %v, want ErrNoStore", err)
	}
	done := make(chan error, 1)
	go func() {
		time.Sleep(300 * time.Millisecond)
		done <- s.Commit()
	}()
	s2, err := Open(dir, Options{Wait: 30 * time.Second})
	if err != nil {
		t.Fatalf("Open with Wait: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if st := mustIngest(t, s2, a1); st != Unchanged {
		t.Errorf("the waiting writer sees a1 as %v, want unchanged", st)
	}
	// A writer that waits in vain says so.
	_, err = Open(dir, Options{Wait: 150 * time.Millisecond})
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "still busy after waiting 150ms") {
		t.Errorf("Open with a short Wait: err = %v", err)
	}
	if err := s2.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s.Close()
}

// TestOpenLockedByBadger: a badger process that is not newsgraph holding
// a store of the first layout is reported as ErrLocked too, from badger's
// own error, and the store is left as it was.
func TestOpenLockedByBadger(t *testing.T) {
	dir := t.TempDir()
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil).WithMemTableSize(8 << 20).WithBlockCacheSize(1 << 20))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = Open(dir, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Open: err = %v, want ErrLocked", err)
	}
	if want := fmt.Sprintf("store %s is being written by another process; try again when it has finished", dir); err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
	if _, err := os.Stat(filepath.Join(dir, "current")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the refused open converted the store: %v", err)
	}
}

// TestOpenVersion: a store of another format version is refused with an
// actionable message, and the refusal leaves the directory unlocked.
func TestOpenVersion(t *testing.T) {
	tests := []struct {
		name      string
		version   uint32
		wantNewer bool
		wantMsg   string
	}{
		{"newer", FormatVersion + 1, true,
			fmt.Sprintf("store %%s was built by a newer newsgraph (format %d); this one reads format %d: upgrade newsgraph", FormatVersion+1, FormatVersion)},
		{"older", FormatVersion - 1, false,
			fmt.Sprintf("store %%s has format %d, which this newsgraph no longer reads (it reads format %d): run `newsgraph rebuild --from-scratch` to build it again from the sources", FormatVersion-1, FormatVersion)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			mustIngest(t, s, a1)
			if err := s.readable(); err != nil { // end the bulk load, which would write the version
				t.Fatal(err)
			}
			if err := s.bdb().Update(func(txn *badger.Txn) error {
				return txn.Set(metaVersionKey, encodeVersion(tt.version))
			}); err != nil {
				t.Fatal(err)
			}
			if err := s.Commit(); err != nil {
				t.Fatal(err)
			}
			before := listTree(t, dir)
			for range 2 { // the second open must not find the directory locked
				for _, opts := range []Options{{}, {ReadOnly: true}} {
					_, err = Open(dir, opts)
					var ve *VersionError
					if !errors.As(err, &ve) {
						t.Fatalf("Open(%+v): err = %v, want *VersionError", opts, err)
					}
					if ve.Newer() != tt.wantNewer || ve.Found != int(tt.version) || ve.Supported != FormatVersion {
						t.Errorf("VersionError = %+v", ve)
					}
					if want := fmt.Sprintf(tt.wantMsg, dir); err.Error() != want {
						t.Errorf("message = %q, want %q", err.Error(), want)
					}
				}
			}
			if after := listTree(t, dir); !slices.Equal(after, before) {
				t.Errorf("refused opens changed the store folder:\nbefore %q\nafter  %q", before, after)
			}
		})
	}

	t.Run("not a newsgraph store", func(t *testing.T) {
		dir := t.TempDir()
		db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil).WithMemTableSize(8 << 20).WithBlockCacheSize(1 << 20))
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(func(txn *badger.Txn) error { return txn.Set([]byte("other"), []byte("x")) }); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if _, err := Open(dir, Options{}); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "no format version") {
			t.Errorf("Open: err = %v, want ErrCorrupt about the missing version", err)
		}
	})
}

// TestCheckFindsDamage: Check is not vacuous; each kind of damage is found.
func TestCheckFindsDamage(t *testing.T) {
	tests := []struct {
		name   string
		damage func(txn *badger.Txn) error
	}{
		{"missing subject index", func(txn *badger.Txn) error {
			return txn.Delete(bySubjectKey("vladimir-putin", "nato", "a2", 0))
		}},
		{"orphan object index", func(txn *badger.Txn) error {
			return txn.Set(byObjectKey("nato", "ghost", "a9", 0), nil)
		}},
		{"orphan triple", func(txn *badger.Txn) error {
			return txn.Set(tripleKey("a9"), encodeTriples(a1.Triples))
		}},
		{"orphan mentions", func(txn *badger.Txn) error {
			return txn.Set(mentionKey("a9"), encodeMentions(a1.Mentions))
		}},
		{"lost mentions", func(txn *badger.Txn) error { return txn.Delete(mentionKey("a1")) }},
		{"lost triple", func(txn *badger.Txn) error {
			return txn.Set(tripleKey("a1"), encodeTriples(a1.Triples[1:]))
		}},
		{"empty triples value", func(txn *badger.Txn) error {
			return txn.Set(tripleKey("a1"), encodeTriples(nil))
		}},
		{"wrong counts", func(txn *badger.Txn) error {
			return txn.Set(metaCountsKey, Counts{Articles: 5}.encode())
		}},
		{"wrong aggregate", func(txn *badger.Txn) error {
			return txn.Set(actorKey("nato"), (&tally{Articles: 1, Mentions: 1}).encode())
		}},
		{"stale actor", func(txn *badger.Txn) error {
			return txn.Set(actorKey("ghost"), (&tally{Articles: 1}).encode())
		}},
		{"undecodable triples", func(txn *badger.Txn) error { return txn.Set(tripleKey("a1"), []byte{0xff}) }},
		{"undecodable mentions", func(txn *badger.Txn) error { return txn.Set(mentionKey("a1"), []byte{0x00, 0x01}) }},
		{"quotes without speaker index", func(txn *badger.Txn) error {
			return txn.Set(quoteKey("a1"), encodeQuotes([]news.Quote{{SpeakerID: "nato", Text: "No."}}))
		}},
		{"orphan speaker index", func(txn *badger.Txn) error { return txn.Set(bySpeakerKey("nato", "a1", 0), nil) }},
		{"stale relation value", func(txn *badger.Txn) error {
			t := a2.Triples[0]
			t.Event = "ASSAULT"
			return txn.Set(bySubjectKey("vladimir-putin", "nato", "a2", 0), encodeRelation(t))
		}},
		{"empty relation value", func(txn *badger.Txn) error {
			return txn.Set(byObjectKey("nato", "vladimir-putin", "a2", 0), nil)
		}},
		{"orphan name", func(txn *badger.Txn) error { return txn.Set(nameKey("vova", "vladimir-putin"), nil) }},
		{"name of a gone actor", func(txn *badger.Txn) error { return txn.Set(nameKey("ghost", "ghost"), nil) }},
		{"lost name", func(txn *badger.Txn) error { return txn.Delete(nameKey("mr putin", "vladimir-putin")) }},
		{"orphan date", func(txn *badger.Txn) error { return txn.Set(actorDateKey("nato", "2024-02-02", "a2"), nil) }},
		{"lost date", func(txn *badger.Txn) error { return txn.Delete(actorDateKey("nato", "2024-02-01", "a2")) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openMem(t)
			mustIngest(t, s, a1)
			mustIngest(t, s, a2)
			mustCheck(t, s)
			if err := s.bdb().Update(tt.damage); err != nil {
				t.Fatal(err)
			}
			if err := s.Check(context.Background()); !errors.Is(err, ErrCorrupt) {
				t.Errorf("Check after damage: err = %v, want ErrCorrupt", err)
			}
		})
	}
}

// TestConcurrentIngest: parallel writers and readers leave the same store
// as sequential ingest.
func TestConcurrentIngest(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	current := map[string]news.Extraction{}
	for i := range 16 {
		id := fmt.Sprintf("p%02d", i)
		current[id] = article(id, fmt.Sprintf("2024-01-%02d", i+1),
			fact{S: "Vladimir Putin", V: "meet", O: fmt.Sprintf("Leader %d", i%4)},
			fact{S: "NATO", V: "warn", O: "Russia"})
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(current))
	for _, ex := range current {
		wg.Go(func() {
			if _, err := s.Ingest(ctx, ex); err != nil {
				errs <- err
			}
		})
		wg.Go(func() {
			if _, err := s.Actors(ctx); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	mustCheck(t, s)
	if diff := cmp.Diff(freshSnap(t, current), snap(t, s)); diff != "" {
		t.Errorf("concurrent ingest differs from sequential (-sequential +concurrent):\n%s", diff)
	}
}

// TestOpenAfterCrash: a writer that dies without Commit or Close (here a
// child process that exits mid-way) leaves the published state as it was:
// readers read it as if nothing happened, without any recovery, and the
// next writer removes the dead writer's generation and carries on.
func TestOpenAfterCrash(t *testing.T) {
	if dir := os.Getenv("NEWSGRAPH_CRASH_STORE"); dir != "" {
		s, err := Open(dir, Options{})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for _, ex := range []news.Extraction{a2, a3} {
			if _, err := s.Ingest(context.Background(), ex); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
		}
		os.Exit(0) // without Commit or Close, like a killed build
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, a1)
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestOpenAfterCrash$")
	cmd.Env = append(os.Environ(), "NEWSGRAPH_CRASH_STORE="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("writer child: %v\n%s", err, out)
	}
	if gens := generations(t, dir); len(gens) != 2 {
		t.Fatalf("generations after the crash: %v, want the published one and the dead writer's", gens)
	}
	r, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only Open after a crash: %v", err)
	}
	if c, err := r.Counts(ctx); err != nil || c.Articles != 1 {
		t.Errorf("Counts = %+v, %v; want the 1 published article", c, err)
	}
	mustCheck(t, r)
	r.Close()

	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("writer after a crash: %v", err)
	}
	if gens := generations(t, dir); len(gens) != 1 {
		t.Errorf("generations once a writer opened: %v, want only the published one", gens)
	}
	for _, ex := range []news.Extraction{a1, a2, a3} {
		mustIngest(t, w, ex)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	r, err = Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if c, err := r.Counts(ctx); err != nil || c.Articles != 3 {
		t.Errorf("Counts = %+v, %v; want 3 articles", c, err)
	}
	mustCheck(t, r)
}
