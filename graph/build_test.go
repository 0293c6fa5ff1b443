package graph

import (
	stdcmp "cmp"
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

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
	if ab.Weight != 2 || ab.Attrs.Get("n_articles") != 2 || ab.Attrs.Get("conflict") != -4.0 ||
		ab.Attrs.Get("first_date") != "2024-01-02" || ab.Attrs.Get("last_date") != "2024-03-01" {
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

// corpus is a small relation corpus over four months.
//
//	d1 2024-01-10: a CONSULT b; a ASSAULT b
//	d2 2024-02-10: b THREATEN c
//	d3 2024-03-10: c AID d; a CONSULT b
//	d4 2024-04-10: e say f (no event type)
//
// a and b are PERSONs, the others GPEs.
func corpus() memSource {
	src := source([]fact{
		{doc: "d1", sent: 0, s: "a", p: "meet", o: "b", ev: "CONSULT", score: 1, date: "2024-01-10"},
		{doc: "d1", sent: 1, s: "a", p: "attack", o: "b", ev: "ASSAULT", score: -9, date: "2024-01-10"},
		{doc: "d2", sent: 0, s: "b", p: "warn", o: "c", ev: "THREATEN", score: -6, date: "2024-02-10"},
		{doc: "d3", sent: 0, s: "c", p: "aid", o: "d", ev: "AID", score: 7, date: "2024-03-10"},
		{doc: "d3", sent: 1, s: "a", p: "visit", o: "b", ev: "CONSULT", score: 1, date: "2024-03-10"},
		{doc: "d4", sent: 0, s: "e", p: "say", o: "f", date: "2024-04-10"},
	})
	src.triples[1].Confidence = 0.95 // the evidence of a → b
	for i, m := range src.mentions {
		if m.ActorID == "a" || m.ActorID == "b" {
			src.mentions[i].Type = news.Person
		}
		src.mentions[i].Name = strings.ToUpper(m.ActorID) + " Name"
		src.mentions[i].Text = "alias-" + m.ActorID
	}
	return src
}

// edgeList returns the edges of n as "from>to" (or "from-to" undirected),
// with ":LABEL" when withLabel.
func edgeList(n *Network, withLabel bool) []string {
	var out []string
	sep := "-"
	if n.Directed {
		sep = ">"
	}
	for _, e := range n.Edges {
		s := n.Nodes[e.From].Key + sep + n.Nodes[e.To].Key
		if withLabel {
			s += ":" + e.Label
		}
		out = append(out, s)
	}
	return out
}

func build(t *testing.T, src Source, opts Options) *Network {
	t.Helper()
	n, err := Build(context.Background(), src, opts)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRelationEdgeAttributes(t *testing.T) {
	n := build(t, corpus(), Options{})
	var names []string
	for _, a := range n.EdgeAttrs {
		names = append(names, a.Name)
	}
	// One count column per event type that occurs, in PLOVER order.
	wantNames := []string{"predicate", "event", "events", "n_consult", "n_aid", "n_threaten", "n_assault",
		"conflict", "n_articles", "first_date", "last_date", "evidence"}
	if d := cmp.Diff(wantNames, names); d != "" {
		t.Errorf("edge attributes (-want +got):\n%s", d)
	}
	ab := n.Edges[0]
	want := map[string]any{
		"predicate": "attack", "event": "CONSULT", "events": "CONSULT:2; ASSAULT:1",
		"n_consult": 2, "n_assault": 1, // n_aid and n_threaten missing: 0 (see Network)
		"conflict": (1 - 9 + 1) / 3.0, "n_articles": 2, "first_date": "2024-01-10", "last_date": "2024-03-10",
		"evidence": "a attack b",
	}
	got := map[string]any{}
	var order []string
	for _, v := range ab.Attrs {
		got[v.Name] = v.Value
		order = append(order, v.Name)
	}
	if d := cmp.Diff(want, got); d != "" || ab.Weight != 3 || ab.Label != "attack" {
		t.Errorf("edge a→b weight %v label %q, attrs (-want +got):\n%s", ab.Weight, ab.Label, d)
	}
	// The values come in the order of the columns.
	if d := cmp.Diff(slices.DeleteFunc(slices.Clone(wantNames), func(name string) bool { _, ok := want[name]; return !ok }), order); d != "" {
		t.Errorf("edge a→b values out of column order (-want +got):\n%s", d)
	}
	a := nodeByKey(t, n, "a")
	if a.Label != "A Name" || a.Attrs["actor_type"] != news.Person || a.Attrs["aliases"] != "alias-a" ||
		a.Attrs["mentions"] != 3 || a.Attrs["articles"] != 2 || a.Attrs["first_seen"] != "2024-01-10" {
		t.Errorf("node a = %+v", a)
	}
	var nodeNames []string
	for _, at := range n.NodeAttrs {
		nodeNames = append(nodeNames, at.Name)
	}
	wantNodes := []string{"actor_id", "actor_type", "aliases", "mentions", "articles", "first_seen", "last_seen",
		"degree", "in_degree", "out_degree", "strength", "in_strength", "out_strength", "betweenness",
		"betweenness_norm", "closeness", "harmonic", "eigenvector", "pagerank", "hub", "authority",
		"community", "component"}
	if d := cmp.Diff(wantNodes, nodeNames); d != "" {
		t.Errorf("node attributes (-want +got):\n%s", d)
	}
	for _, nd := range n.Nodes {
		for _, at := range n.NodeAttrs {
			if _, ok := nd.Attrs[at.Name]; !ok {
				t.Errorf("node %s lacks %s", nd.Key, at.Name)
			}
		}
	}
}

func TestMulti(t *testing.T) {
	single := build(t, corpus(), Options{})
	multi := build(t, corpus(), Options{Multi: true})
	want := []string{"a>b:ASSAULT", "a>b:CONSULT", "b>c:THREATEN", "c>d:AID", "e>f:say"}
	if d := cmp.Diff(want, edgeList(multi, true)); d != "" {
		t.Errorf("multi edges (-want +got):\n%s", d)
	}
	if w := multi.Edges[1].Weight; w != 2 || multi.Edges[1].Attrs.Get("n_consult") != 2 || multi.Edges[1].Attrs.Get("n_assault") != nil {
		t.Errorf("a→b CONSULT: weight %v, attrs %v", w, multi.Edges[1].Attrs)
	}
	// Measures are those of the merged graph.
	for i := range single.Nodes {
		if d := cmp.Diff(single.Nodes[i], multi.Nodes[i]); d != "" {
			t.Errorf("node %s differs with Multi (-single +multi):\n%s", single.Nodes[i].Key, d)
		}
	}
}

func TestFilters(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		{"all", Options{}, []string{"a>b", "b>c", "c>d", "e>f"}},
		{"since", Options{Since: "2024-02-10"}, []string{"a>b", "b>c", "c>d", "e>f"}},
		{"until", Options{Until: "2024-02-09"}, []string{"a>b"}},
		{"window", Options{Since: "2024-02-01", Until: "2024-03-31"}, []string{"a>b", "b>c", "c>d"}},
		{"events", Options{Events: []string{"consult"}}, []string{"a>b"}},
		{"two events", Options{Events: []string{"THREATEN", "Aid"}}, []string{"b>c", "c>d"}},
		{"types", Options{Types: []string{"person"}}, []string{"a>b"}},
		{"gpe", Options{Types: []string{"GPE"}}, []string{"c>d", "e>f"}},
		{"min weight", Options{MinWeight: 2}, []string{"a>b"}},
		{"ego", Options{Ego: "c"}, []string{"b>c", "c>d"}},
		{"ego depth 2", Options{Ego: "c", Depth: 2}, []string{"a>b", "b>c", "c>d"}},
		{"ego by name", Options{Ego: "d name"}, []string{"c>d"}},
		{"ego by alias", Options{Ego: "ALIAS-E"}, []string{"e>f"}},
		{"ego and events", Options{Ego: "b", Events: []string{"CONSULT"}}, []string{"a>b"}},
		{"top", Options{Top: 2}, []string{"c>d"}},
		// PageRank grows along a → b → c → d: the top 3 are d, c, b, and the
		// ego a takes the place of b.
		{"top keeps ego", Options{Top: 3, Ego: "a", Depth: 3}, []string{"c>d"}},
		{"comention events", Options{Kind: Comention, Events: []string{"AID", "THREATEN"}}, []string{"b-c", "c-d"}},
		{"comention types", Options{Kind: Comention, Types: []string{"GPE"}}, []string{"c-d", "e-f"}},
		{"comention until", Options{Kind: Comention, Until: "2024-01-31"}, []string{"a-b"}},
	}
	egoKeys := map[string]string{"a": "a", "b": "b", "c": "c", "d name": "d", "ALIAS-E": "e"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := build(t, corpus(), tt.opts)
			if d := cmp.Diff(tt.want, edgeList(n, false)); d != "" {
				t.Errorf("edges (-want +got):\n%s", d)
			}
			if tt.opts.Top > 0 && len(n.Nodes) != tt.opts.Top {
				t.Errorf("%d nodes, want %d", len(n.Nodes), tt.opts.Top)
			}
			if key, ok := egoKeys[tt.opts.Ego]; ok && !slices.ContainsFunc(n.Nodes, func(nd Node) bool { return nd.Key == key }) {
				t.Errorf("ego %q (%s) not among the nodes", tt.opts.Ego, key)
			}
		})
	}
}

func TestTopByPageRank(t *testing.T) {
	full := build(t, corpus(), Options{})
	nodes := slices.Clone(full.Nodes)
	slices.SortStableFunc(nodes, func(a, b Node) int {
		return stdcmp.Compare(b.Attrs["pagerank"].(float64), a.Attrs["pagerank"].(float64))
	})
	top := build(t, corpus(), Options{Top: 3})
	var got, want []string
	for i := range 3 {
		want = append(want, nodes[i].Key)
		got = append(got, top.Nodes[i].Key)
	}
	slices.Sort(want)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("top 3 by PageRank (-want +got):\n%s", d)
	}
	// Measures are recomputed on the kept subgraph: PageRank sums to 1.
	total := 0.0
	for _, nd := range top.Nodes {
		total += nd.Attrs["pagerank"].(float64)
	}
	if math.Abs(total-1) > 1e-9 {
		t.Errorf("PageRank of the top subgraph sums to %v", total)
	}
}

func TestComentionAssociation(t *testing.T) {
	// Sentences: {a,b} {a,b} {a} in d1, {c,d} in d2.
	src := memSource{}
	for _, m := range []struct {
		doc  string
		sent int
		id   string
	}{{"d1", 0, "a"}, {"d1", 0, "b"}, {"d1", 1, "b"}, {"d1", 1, "a"}, {"d1", 2, "a"}, {"d2", 0, "c"}, {"d2", 0, "d"}, {"d2", 0, "c"}} {
		src.mentions = append(src.mentions, news.Mention{Doc: m.doc, Sentence: m.sent, ActorID: m.id, Name: m.id, Type: news.Org, Text: m.id})
	}
	tests := []struct {
		window Window
		want   map[string][3]float64 // weight, pmi, jaccard
	}{
		// a-b: 2 of 4 sentences, a in 3, b in 2: npmi = log(0.5/(0.75·0.5)) / −log 0.5.
		{SentenceWindow, map[string][3]float64{"a-b": {2, math.Log(4.0/3) / math.Log(2), 2.0 / 3}, "c-d": {1, 1, 1}}},
		{ArticleWindow, map[string][3]float64{"a-b": {1, 1, 1}, "c-d": {1, 1, 1}}},
	}
	for _, tt := range tests {
		t.Run(string(tt.window), func(t *testing.T) {
			n := build(t, src, Options{Kind: Comention, Window: tt.window})
			got := map[string][3]float64{}
			for i, e := range n.Edges {
				got[edgeList(n, false)[i]] = [3]float64{e.Weight, e.Attrs.Get("pmi").(float64), e.Attrs.Get("jaccard").(float64)}
			}
			if d := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
	// Rarely together, often apart: negative association.
	if npmi, j := association(1, 50, 50, 100); npmi >= 0 || j != 1.0/99 {
		t.Errorf("association(1, 50, 50, 100) = %v, %v", npmi, j)
	}
}

func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		msg  string
	}{
		{"kind", Options{Kind: "tree"}, "unknown graph kind"},
		{"window", Options{Kind: Comention, Window: "page"}, "unknown co-mention window"},
		{"multi", Options{Kind: Comention, Multi: true}, "relation graph only"},
		{"date", Options{Since: "2024-13-01"}, "since date"},
		{"order", Options{Since: "2024-02-01", Until: "2024-01-01"}, "after until"},
		{"event", Options{Events: []string{"HUG"}}, `unknown event type "HUG"`},
		{"type", Options{Types: []string{"LOC"}}, `unknown actor type "LOC"`},
		{"top", Options{Top: -1}, "negative top"},
		{"weight", Options{MinWeight: -1}, "negative minimum weight"},
		{"unknown ego", Options{Ego: "zed"}, `graph: unknown actor "zed": no actor`},
		{"filtered ego", Options{Ego: "e", Types: []string{"PERSON"}}, "has no edge in the relations graph"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(context.Background(), corpus(), tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %v, want one mentioning %q", err, tt.msg)
			}
		})
	}
	_, err := Build(context.Background(), corpus(), Options{Ego: "nobody"})
	if !errors.Is(err, ErrUnknownActor) {
		t.Errorf("unknown ego: %v does not wrap ErrUnknownActor", err)
	}
}

func TestAmbiguousEgo(t *testing.T) {
	src := corpus()
	for i, m := range src.mentions {
		if m.ActorID == "c" || m.ActorID == "d" {
			src.mentions[i].Name = "Same Name"
		}
	}
	_, err := Build(context.Background(), src, Options{Ego: "same name"})
	if err == nil || !strings.Contains(err.Error(), "ambiguous: it names c, d") {
		t.Errorf("ambiguous ego: %v", err)
	}
}

// TestMergeSurnames checks that a person named by surname alone in one
// article joins the one full name ending with it, and that a surname two
// full names share is left alone.
func TestMergeSurnames(t *testing.T) {
	person := func(doc string, sent int, id string) news.Mention {
		return news.Mention{Doc: doc, Sentence: sent, ActorID: id, Name: id, Type: news.Person, Text: id}
	}
	src := memSource{
		mentions: []news.Mention{
			person("a", 0, "volodymyr-zelensky"), person("b", 0, "zelensky"),
			person("a", 1, "bill-clinton"), person("a", 2, "hillary-clinton"), person("b", 1, "clinton"),
			{Doc: "b", Sentence: 0, ActorID: "russia", Name: "Russia", Type: news.GPE, Text: "Russia"},
			{Doc: "b", Sentence: 1, ActorID: "russia", Name: "Russia", Type: news.GPE, Text: "Russia"},
		},
		triples: []news.Triple{
			{Doc: "b", SentenceIndex: 0, SubjectID: "zelensky", Subject: "Zelensky", SubjectType: news.Person, Predicate: "accuse", ObjectID: "russia", Object: "Russia", ObjectType: news.GPE},
			{Doc: "b", SentenceIndex: 1, SubjectID: "clinton", Subject: "Clinton", SubjectType: news.Person, Predicate: "visit", ObjectID: "russia", Object: "Russia", ObjectType: news.GPE},
		},
	}
	n := build(t, src, Options{Kind: Relations})
	if got, want := edgeList(n, false), []string{"clinton>russia", "volodymyr-zelensky>russia"}; !slices.Equal(got, want) {
		t.Errorf("relation edges %q, want %q", got, want)
	}
	if z := nodeByKey(t, n, "volodymyr-zelensky"); z.Attrs["mentions"] != 2 || z.Attrs["articles"] != 2 {
		t.Errorf("merged Zelensky: mentions %v, articles %v; want 2 and 2", z.Attrs["mentions"], z.Attrs["articles"])
	}
	c := build(t, src, Options{Kind: Comention})
	for _, e := range edgeList(c, false) {
		if strings.Contains(e, "zelensky") && e != "russia-volodymyr-zelensky" && e != "volodymyr-zelensky-russia" {
			t.Errorf("co-mention edge %q: the surname was not merged", e)
		}
	}
}

func TestCounts(t *testing.T) {
	for _, tt := range []struct {
		add      []string
		top, str string
	}{
		{nil, "", ""},
		{[]string{"meet"}, "meet", "meet:1"},
		{[]string{"b", "a"}, "a", "a:1; b:1"},                     // tie: alphabetical
		{[]string{"b", "a", "b"}, "b", "b:2; a:1"},                // most frequent first
		{[]string{"c", "b", "c", "b", "a"}, "b", "b:2; c:2; a:1"}, // tie among the top
	} {
		var c counts
		tab := newStrtab()
		for _, k := range tt.add {
			c.add(tab.id(k))
		}
		if got := c.top(tab); got != tt.top {
			t.Errorf("%v: top = %q, want %q", tt.add, got, tt.top)
		}
		for _, k := range tt.add {
			want := 0
			for _, a := range tt.add {
				if a == k {
					want++
				}
			}
			if got := c.n(tab.id(k)); got != want {
				t.Errorf("%v: n(%q) = %d, want %d", tt.add, k, got, want)
			}
		}
		if got := c.n(tab.id("absent")); got != 0 {
			t.Errorf("%v: n(absent) = %d", tt.add, got)
		}
		if got := c.String(tab); got != tt.str {
			t.Errorf("%v: String = %q, want %q", tt.add, got, tt.str)
		}
	}
}

func TestDocSet(t *testing.T) {
	for _, n := range []int{0, 1, smallDocSet, smallDocSet + 1, 3 * smallDocSet} {
		var s docSet
		for round := range 2 { // each id twice
			for i := range n {
				s.add(uint32(i))
				if round == 0 && s.len() != i+1 {
					t.Fatalf("n=%d: len %d after %d ids", n, s.len(), i+1)
				}
			}
		}
		if s.len() != n {
			t.Errorf("n=%d: len %d after adding each id twice", n, s.len())
		}
	}
}

// TestStrtab: a string gets one index whatever buffer it comes from, and
// the table keeps a copy of its own, not the caller's buffer.
func TestStrtab(t *testing.T) {
	tab := newStrtab()
	buf := "Putin|Xi|Putin"
	putin, xi, putin2 := buf[0:5], buf[6:8], buf[9:14]
	if a, b := tab.id(putin), tab.id(putin2); a != b {
		t.Errorf("the same string got indexes %d and %d", a, b)
	}
	if tab.id(xi) == tab.id(putin) {
		t.Error("two strings share an index")
	}
	got := tab.intern(putin2)
	if got != "Putin" {
		t.Errorf("intern = %q", got)
	}
	if unsafe.StringData(got) == unsafe.StringData(putin) || unsafe.StringData(got) == unsafe.StringData(putin2) {
		t.Error("the table keeps the caller's buffer")
	}
	if len(tab.strs) != 2 || len(tab.index) != 2 {
		t.Errorf("%d strings, %d indexed; want 2", len(tab.strs), len(tab.index))
	}
}

// TestValues: Get finds a value by name or gives nil, Set replaces or
// appends, and ValuesOf lists a map sorted by name.
func TestValues(t *testing.T) {
	vs := ValuesOf(map[string]any{"n_articles": 2, "evidence": "a met b", "conflict": 0.5})
	if d := cmp.Diff(Values{{"conflict", 0.5}, {"evidence", "a met b"}, {"n_articles", 2}}, vs); d != "" {
		t.Errorf("ValuesOf (-want +got):\n%s", d)
	}
	tests := []struct {
		name string
		want any
	}{
		{"conflict", 0.5},
		{"evidence", "a met b"},
		{"n_articles", 2},
		{"missing", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := vs.Get(tt.name); got != tt.want {
			t.Errorf("Get(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
	vs.Set("evidence", "b met a")
	vs.Set("first_date", "2024-01-02")
	if vs.Get("evidence") != "b met a" || vs.Get("first_date") != "2024-01-02" || len(vs) != 4 {
		t.Errorf("after Set: %v", vs)
	}
	var m AttrValues = AttrMap{"degree": 3}
	if m.Get("degree") != 3 || m.Get("missing") != nil {
		t.Errorf("AttrMap.Get: %v, %v", m.Get("degree"), m.Get("missing"))
	}
	if Values(nil).Get("x") != nil {
		t.Error("nil Values has a value")
	}
}

// TestBoxes checks that boxes gives equal values one shared interface
// value: boxing a value seen before allocates nothing, and the interfaces
// hold the values given.
func TestBoxes(t *testing.T) {
	b := boxes[string]{}
	day := strings.Repeat("2025-01-0", 1) + "1" // not a constant: boxing it allocates
	first := b.box(day)
	if allocs := testing.AllocsPerRun(100, func() { b.box(day) }); allocs != 0 {
		t.Errorf("boxing a value seen before allocated %v times", allocs)
	}
	other := b.box(day + "x")
	if first != "2025-01-01" || other != "2025-01-01x" || len(b) != 2 {
		t.Errorf("boxes gave %v and %v, holding %d values; want 2025-01-01, 2025-01-01x, 2", first, other, len(b))
	}
	// Without the table each boxing allocates, or the check above
	// could not fail.
	var boxed any
	if allocs := testing.AllocsPerRun(100, func() { boxed = any(day) }); allocs == 0 {
		t.Skip("boxing a string does not allocate here; the check above proves nothing")
	}
	_ = boxed
}
