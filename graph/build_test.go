package graph

import (
	"context"
	"math"
	"testing"

	"github.com/newsgraph/newsgraph/news"
)

// memSource is an in-memory Source for tests.
type memSource struct {
	triples  []news.Triple
	mentions []news.Mention
}

func (m memSource) EachTriple(ctx context.Context, fn func(news.Triple) error) error {
	for _, t := range m.triples {
		if err := fn(t); err != nil {
			return err
		}
	}
	return nil
}

func (m memSource) EachMention(ctx context.Context, fn func(news.Mention) error) error {
	for _, x := range m.mentions {
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}

// source builds a memSource from "doc/sentence: A pred B" style facts: each
// triple also yields mentions of both ends in that sentence.
func source(facts []fact) memSource {
	var m memSource
	for _, f := range facts {
		m.triples = append(m.triples, news.Triple{Doc: f.doc, SentenceIndex: f.sent, SubjectID: f.s, Subject: f.s,
			Predicate: f.p, ObjectID: f.o, Object: f.o, Event: f.ev, Score: f.score, Date: f.date,
			Negated: f.neg, Confidence: 0.9, Sentence: f.s + " " + f.p + " " + f.o})
		for _, id := range []string{f.s, f.o} {
			m.mentions = append(m.mentions, news.Mention{Doc: f.doc, Sentence: f.sent, ActorID: id, Name: id, Type: news.GPE, Text: id, Date: f.date})
		}
	}
	return m
}

type fact struct {
	doc   string
	sent  int
	s, p  string
	o     string
	ev    string
	score float64
	date  string
	neg   bool
}

func nodeByKey(t *testing.T, n *Network, key string) Node {
	t.Helper()
	for _, nd := range n.Nodes {
		if nd.Key == key {
			return nd
		}
	}
	t.Fatalf("no node %q", key)
	return Node{}
}

func TestRelationsPath(t *testing.T) {
	// a → b → c, with a second a → b triple and a negated c → a one that
	// must be left out.
	src := source([]fact{
		{doc: "d1", sent: 0, s: "a", p: "meet", o: "b", ev: "CONSULT", score: 1, date: "2024-01-02"},
		{doc: "d2", sent: 0, s: "a", p: "attack", o: "b", ev: "ASSAULT", score: -9, date: "2024-03-01"},
		{doc: "d2", sent: 1, s: "b", p: "attack", o: "c", ev: "ASSAULT", score: -9, date: "2024-03-01"},
		{doc: "d3", sent: 0, s: "c", p: "meet", o: "a", neg: true},
	})
	n, err := Build(context.Background(), src, Options{Kind: Relations})
	if err != nil {
		t.Fatal(err)
	}
	if !n.Directed || len(n.Nodes) != 3 || len(n.Edges) != 2 {
		t.Fatalf("got directed=%v %d nodes %d edges, want directed 3 nodes 2 edges", n.Directed, len(n.Nodes), len(n.Edges))
	}
	ab := n.Edges[0]
	if ab.Weight != 2 || ab.Attrs["n_articles"] != 2 || ab.Attrs["conflict"] != -4.0 ||
		ab.Attrs["first_date"] != "2024-01-02" || ab.Attrs["last_date"] != "2024-03-01" {
		t.Errorf("edge a→b = %+v", ab)
	}
	// On a directed path a → b → c only b lies between two others.
	for key, want := range map[string]float64{"a": 0, "b": 1, "c": 0} {
		if got := nodeByKey(t, n, key).Attrs["betweenness"]; got != want {
			t.Errorf("betweenness(%s) = %v, want %v", key, got, want)
		}
	}
	if got := nodeByKey(t, n, "b").Attrs["in_degree"]; got != 1 {
		t.Errorf("in_degree(b) = %v, want 1", got)
	}

	with, err := Build(context.Background(), src, Options{Kind: Relations, IncludeHypothetical: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(with.Edges) != 3 {
		t.Errorf("with hypothetical: %d edges, want 3", len(with.Edges))
	}
}

func TestPageRankCycle(t *testing.T) {
	// A directed 3-cycle: by symmetry every node has PageRank 1/3.
	src := source([]fact{
		{doc: "d", s: "a", p: "meet", o: "b"},
		{doc: "d", s: "b", p: "meet", o: "c"},
		{doc: "d", s: "c", p: "meet", o: "a"},
	})
	n, err := Build(context.Background(), src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, nd := range n.Nodes {
		if pr := nd.Attrs["pagerank"].(float64); math.Abs(pr-1.0/3) > 1e-6 {
			t.Errorf("pagerank(%s) = %v, want 1/3", nd.Key, pr)
		}
	}
}

func TestComentionStar(t *testing.T) {
	// hub is named with each of four leaves in separate sentences: a star.
	// The hub lies on the shortest path of every leaf pair: C(4,2) = 6.
	var facts []fact
	for i, leaf := range []string{"l1", "l2", "l3", "l4"} {
		facts = append(facts, fact{doc: "d", sent: i, s: "hub", p: "meet", o: leaf})
	}
	n, err := Build(context.Background(), source(facts), Options{Kind: Comention})
	if err != nil {
		t.Fatal(err)
	}
	if n.Directed || len(n.Edges) != 4 {
		t.Fatalf("got directed=%v with %d edges, want undirected with 4", n.Directed, len(n.Edges))
	}
	hub := nodeByKey(t, n, "hub")
	if got := hub.Attrs["betweenness"]; got != 6.0 {
		t.Errorf("betweenness(hub) = %v, want 6", got)
	}
	if got := hub.Attrs["degree"]; got != 4 {
		t.Errorf("degree(hub) = %v, want 4", got)
	}
	if got := nodeByKey(t, n, "l1").Attrs["mentions"]; got != 1 {
		t.Errorf("mentions(l1) = %v, want 1", got)
	}
}

func TestEmptyAndBadKind(t *testing.T) {
	n, err := Build(context.Background(), memSource{}, Options{})
	if err != nil || len(n.Nodes) != 0 || len(n.Edges) != 0 {
		t.Fatalf("empty source: %v, %+v", err, n)
	}
	if _, err := ParseKind("tree"); err == nil {
		t.Error("ParseKind(tree): no error")
	}
	for _, s := range []string{"relations", "Comention", "co-mention"} {
		if _, err := ParseKind(s); err != nil {
			t.Errorf("ParseKind(%q): %v", s, err)
		}
	}
}
