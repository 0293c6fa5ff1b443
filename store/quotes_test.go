package store

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

// said returns a quote of speaker in sentence i of an article dated date.
func said(speaker, text string, i int, date string) news.Quote {
	return news.Quote{SpeakerID: news.ActorID(speaker), Speaker: speaker, SpeakerType: news.Person,
		Verb: "say", Text: text, Sentence: speaker + " said " + text, SentenceIndex: i, Date: date}
}

func TestQuotes(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	a1 := article("a1", "2024-01-10", fact{S: "Vladimir Putin", V: "meet", O: "Volodymyr Zelenskyy"})
	a1.Quotes = []news.Quote{said("Vladimir Putin", "we are ready", 1, "2024-01-10"), said("Donald Trump", "it went well", 2, "2024-01-10")}
	a2 := article("a2", "2024-02-01", fact{S: "Donald Trump", V: "call", O: "Vladimir Putin"})
	a2.Quotes = []news.Quote{said("Vladimir Putin", "talks will go on", 0, "2024-02-01")}
	mustIngest(t, s, a1)
	mustIngest(t, s, a2)

	texts := func(speaker string) []string {
		t.Helper()
		qs, err := s.QuotesBy(ctx, news.ActorID(speaker), 0)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, q := range qs {
			out = append(out, q.Doc+": "+q.Text)
		}
		return out
	}
	tests := []struct {
		step    string
		change  func()
		speaker string
		want    []string
	}{
		{"newest first", func() {}, "Vladimir Putin", []string{"a2: talks will go on", "a1: we are ready"}},
		{"one speaker's only", func() {}, "Donald Trump", []string{"a1: it went well"}},
		{"unknown speaker", func() {}, "Joe Biden", nil},
		{"a changed article replaces its quotes", func() {
			a1.Article.Text += " More."
			a1.Quotes = []news.Quote{said("Joe Biden", "no comment", 3, "2024-01-10")}
			if st := mustIngest(t, s, a1); st != Changed {
				t.Fatalf("Ingest = %v, want changed", st)
			}
		}, "Vladimir Putin", []string{"a2: talks will go on"}},
		{"old speaker index gone", func() {}, "Donald Trump", nil},
		{"new speaker", func() {}, "Joe Biden", []string{"a1: no comment"}},
		{"a deleted article takes its quotes", func() {
			if err := s.DeleteArticle(ctx, "a2"); err != nil {
				t.Fatal(err)
			}
		}, "Vladimir Putin", nil},
	}
	for _, tt := range tests {
		tt.change()
		if diff := cmp.Diff(tt.want, texts(tt.speaker)); diff != "" {
			t.Errorf("%s: quotes of %s (-want +got):\n%s", tt.step, tt.speaker, diff)
		}
	}
	if qs, err := s.QuotesBy(ctx, "joe-biden", 1); err != nil || len(qs) != 1 || qs[0].Sentence != "Joe Biden said no comment" {
		t.Errorf("QuotesBy with limit 1 = %+v, %v", qs, err)
	}
}

func TestQuotesInvalid(t *testing.T) {
	s := openMem(t)
	tests := []struct {
		name string
		q    news.Quote
	}{
		{"no speaker", news.Quote{Text: "hello"}},
		{"another article", news.Quote{Doc: "other", SpeakerID: "x", Text: "hello"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := article("a1", "2024-01-10", fact{S: "Vladimir Putin", V: "meet", O: "Volodymyr Zelenskyy"})
			ex.Quotes = []news.Quote{tt.q}
			if _, err := s.Ingest(context.Background(), ex); !errors.Is(err, ErrInvalid) {
				t.Errorf("Ingest = %v, want ErrInvalid", err)
			}
		})
	}
}
