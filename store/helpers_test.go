package store

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/newsgraph/newsgraph/news"
)

// openMem opens an in-memory store closed at the end of the test.
func openMem(t testing.TB) *Store {
	t.Helper()
	s, err := Open("mem", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// fact is one sentence "S V O." of a test article. Names are canonical;
// SText and OText are the surface forms, defaulting to the names.
type fact struct {
	S, V, O      string
	SText, OText string
}

// actorTypes gives test actors their type; others are PERSON.
var actorTypes = map[string]string{
	"Russia": news.GPE, "Ukraine": news.GPE, "United States": news.GPE,
	"Kremlin": news.Org, "NATO": news.Org, "European Union": news.Org,
}

func typeOf(name string) string {
	if t, ok := actorTypes[name]; ok {
		return t
	}
	return news.Person
}

// article builds the extraction of an article made of facts, one sentence
// each, with a mention for both ends of every triple.
func article(id, date string, facts ...fact) news.Extraction {
	var text strings.Builder
	ex := news.Extraction{Article: news.Article{ID: id, Title: "About " + id, Date: date, Source: id + ".txt"}}
	for i, f := range facts {
		st, ot := cmp.Or(f.SText, f.S), cmp.Or(f.OText, f.O)
		start := text.Len()
		sentence := st + " " + f.V + " " + ot + "."
		text.WriteString(sentence + " ")
		oStart := start + len(st) + 1 + len(f.V) + 1
		ex.Mentions = append(ex.Mentions,
			news.Mention{Doc: id, ActorID: news.ActorID(f.S), Name: f.S, Type: typeOf(f.S), Text: st,
				Sentence: i, Start: start, End: start + len(st)},
			news.Mention{Doc: id, ActorID: news.ActorID(f.O), Name: f.O, Type: typeOf(f.O), Text: ot,
				Sentence: i, Start: oStart, End: oStart + len(ot)})
		ex.Triples = append(ex.Triples, news.Triple{
			Doc: id, Sentence: sentence, SentenceIndex: i, Start: start, End: start + len(sentence),
			SubjectID: news.ActorID(f.S), Subject: f.S, SubjectType: typeOf(f.S),
			Predicate: f.V,
			ObjectID:  news.ActorID(f.O), Object: f.O, ObjectType: typeOf(f.O),
			Confidence: 0.9, Date: date,
		})
	}
	ex.Article.Text = text.String()
	return ex
}

// snapshot is everything a store shows through its API, plus the name
// index ("folded form → actor id", in key order).
type snapshot struct {
	Counts    Counts
	Articles  []ArticleInfo
	Triples   []news.Triple
	Mentions  []news.Mention
	Actors    []ActorInfo
	Relations []Relation
	Names     []string
}

func snap(t testing.TB, s *Store) snapshot {
	t.Helper()
	ctx := context.Background()
	var sn snapshot
	var err error
	if sn.Counts, err = s.Counts(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.EachArticle(ctx, func(a ArticleInfo) error { sn.Articles = append(sn.Articles, a); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.EachTriple(ctx, func(tr news.Triple) error { sn.Triples = append(sn.Triples, tr); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.EachMention(ctx, func(m news.Mention) error { sn.Mentions = append(sn.Mentions, m); return nil }); err != nil {
		t.Fatal(err)
	}
	if sn.Actors, err = s.Actors(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.EachRelation(ctx, func(r Relation) error { sn.Relations = append(sn.Relations, r); return nil }); err != nil {
		t.Fatal(err)
	}
	sn.Names = nameIndex(t, s)
	return sn
}

// nameIndex lists the name index as "form → actor" strings in key order.
func nameIndex(t testing.TB, s *Store) []string {
	t.Helper()
	var out []string
	err := s.bdb().View(func(txn *badger.Txn) error {
		return scanTxn(txn, []byte{prefixName}, true, func(k, _ []byte) error {
			parts, err := parseStringsKey(prefixName, k, 2)
			if err != nil {
				return err
			}
			out = append(out, parts[0]+" → "+parts[1])
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// freshSnap ingests the extractions into a new store, in order of id, and
// returns its snapshot.
func freshSnap(t testing.TB, exs map[string]news.Extraction) snapshot {
	t.Helper()
	s := openMem(t)
	for _, id := range slices.Sorted(maps.Keys(exs)) {
		if _, err := s.Ingest(context.Background(), exs[id]); err != nil {
			t.Fatal(err)
		}
	}
	mustCheck(t, s)
	return snap(t, s)
}

func mustIngest(t testing.TB, s *Store, ex news.Extraction) Status {
	t.Helper()
	st, err := s.Ingest(context.Background(), ex)
	if err != nil {
		t.Fatalf("Ingest(%q): %v", ex.Article.ID, err)
	}
	return st
}

func mustCheck(t testing.TB, s *Store) {
	t.Helper()
	if err := s.Check(context.Background()); err != nil {
		t.Fatalf("Check: %v", err)
	}
}

// collect gathers the triples an iterator gives.
func collect(t testing.TB, each func(context.Context, func(news.Triple) error) error) []news.Triple {
	t.Helper()
	var out []news.Triple
	if err := each(context.Background(), func(tr news.Triple) error { out = append(out, tr); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// filter returns the triples for which keep is true.
func filter(ts []news.Triple, keep func(news.Triple) bool) []news.Triple {
	var out []news.Triple
	for _, t := range ts {
		if keep(t) {
			out = append(out, t)
		}
	}
	return out
}

// withDocs returns the extraction's triples as the store returns them.
func withDocs(ex news.Extraction) []news.Triple {
	out := slices.Clone(ex.Triples)
	for i := range out {
		out[i].Doc = ex.Article.ID
	}
	return out
}
