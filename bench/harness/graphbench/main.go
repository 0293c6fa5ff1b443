// Command graphbench times graph measures on the generated graphs of
// package graphgen, one measure a process, so that the harness gets each
// one's CPU time and peak memory from the child's rusage. The harness runs
// it; by hand:
//
//	go run ./bench/harness/graphbench graphml --nodes 10000 --edges 50000 --out g.graphml
//	go run ./bench/harness/graphbench ours    --nodes 10000 --edges 50000
//	go run ./bench/harness/graphbench gonum   --nodes 10000 --edges 50000 --measure pagerank
//
// ours runs newsgraph's graph.Analyse (every measure, betweenness sampled
// as by default); gonum runs gonum's network.Betweenness,
// network.PageRankSparse or community.Modularize. Times exclude building the
// graph. Each prints one JSON object on stdout: measure, seconds (wall),
// cpu_seconds (this process), sources and extrapolated (betweenness from a
// sample of sources, scaled to all).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"syscall"
	"time"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/newsgraph/newsgraph/bench/harness/graphgen"
	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
)

// Result is what one run prints.
type Result struct {
	Tool         string  `json:"tool"`
	Measure      string  `json:"measure"`
	Nodes        int     `json:"nodes"`
	Edges        int     `json:"edges"`
	Seconds      float64 `json:"seconds"`
	CPUSeconds   float64 `json:"cpu_seconds"`
	Sources      int     `json:"sources,omitempty"`
	Extrapolated bool    `json:"extrapolated,omitempty"`
	Note         string  `json:"note,omitempty"`
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "graphbench:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return errors.New("usage: graphbench graphml|ours|gonum --nodes N --edges M [...]")
	}
	cmd := args[0]
	fs := flag.NewFlagSet("graphbench "+cmd, flag.ContinueOnError)
	nodes := fs.Int("nodes", 10000, "nodes")
	edges := fs.Int("edges", 50000, "edges")
	out := fs.String("out", "", "graphml: output file")
	measure := fs.String("measure", "", "gonum: betweenness, pagerank or louvain")
	sources := fs.Int("sources", 0, "gonum betweenness: sources to time, scaled to all (0: all)")
	samples := fs.Int("samples", 0, "ours: betweenness samples as graph.Analyse takes them (0: its default)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	n, m := *nodes, *edges
	var res Result
	var err error
	switch cmd {
	case "graphml":
		return writeGraphML(*out, n, m)
	case "ours":
		res, err = ours(n, m, *samples)
	case "gonum":
		res, err = gonumMeasure(*measure, n, m, *sources)
	default:
		return fmt.Errorf("unknown command %q", cmd)
	}
	if err != nil {
		return err
	}
	res.Nodes, res.Edges = n, m
	return json.NewEncoder(os.Stdout).Encode(res)
}

func writeGraphML(path string, n, m int) error {
	if path == "" {
		return errors.New("graphml: --out FILE is required")
	}
	net := graphgen.Network(n, m)
	return export.WriteFile(path, func(w io.Writer) error { return export.GraphML(w, net) })
}

// timer measures wall and CPU time of this process from its start.
type timer struct {
	wall time.Time
	cpu  time.Duration
}

func startTimer() timer { return timer{time.Now(), cpuTime()} }

func (t timer) stop(r *Result) {
	r.Seconds = time.Since(t.wall).Seconds()
	r.CPUSeconds = (cpuTime() - t.cpu).Seconds()
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func ours(n, m, samples int) (Result, error) {
	net := graphgen.Network(n, m)
	res := Result{Tool: "newsgraph", Measure: "analyse"}
	t := startTimer()
	err := graph.Analyse(context.Background(), net, samples)
	t.stop(&res)
	res.Sources = net.BetweennessSamples
	return res, err
}

func gonumMeasure(measure string, n, m, sources int) (Result, error) {
	es := graphgen.Edges(n, m)
	res := Result{Tool: "gonum", Measure: measure}
	switch measure {
	case "betweenness":
		return gonumBetweenness(n, es, sources)
	case "pagerank":
		g := simple.NewWeightedDirectedGraph(0, 0)
		for i := range n {
			g.AddNode(simple.Node(i))
		}
		for _, e := range es {
			g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e.From), simple.Node(e.To), e.Weight))
		}
		t := startTimer()
		pr := network.PageRankSparse(g, 0.85, 1e-10)
		t.stop(&res)
		if len(pr) != n {
			return res, fmt.Errorf("pagerank: %d values for %d nodes", len(pr), n)
		}
		res.Note = "edge-weighted, tol 1e-10 (L2)"
	case "louvain":
		// The undirected version of the graph, weights of a→b and b→a
		// summed, as newsgraph's Louvain sees it.
		g := simple.NewWeightedUndirectedGraph(0, 0)
		for i := range n {
			g.AddNode(simple.Node(i))
		}
		for _, e := range es {
			w := e.Weight
			if old := g.WeightedEdge(int64(e.From), int64(e.To)); old != nil {
				w += old.Weight()
			}
			g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e.From), simple.Node(e.To), w))
		}
		t := startTimer()
		r := community.Modularize(g, 1, rand.NewPCG(1, 2))
		t.stop(&res)
		res.Note = fmt.Sprintf("undirected, weights summed; %d communities", len(r.Communities()))
	default:
		return res, fmt.Errorf("gonum: --measure %q: want betweenness, pagerank or louvain", measure)
	}
	return res, nil
}

// errStop ends gonum's Betweenness once the sampled sources are done.
var errStop = errors.New("enough sources")

// sampledGraph shows gonum the graph with its nodes in a shuffled order,
// so that network.Betweenness, which takes its sources in the order of
// Nodes, starts with a random sample; and it counts the calls of From.
// Brandes' BFS calls From once for each node it reaches, so after the
// first k sources From has been called exactly the sum of their reach
// (graphgen.Reach); the next call starts source k+1, and From stops the
// computation there. The time taken is that of k whole sources, which
// scaled by n/k estimates the time of all n.
type sampledGraph struct {
	*simple.DirectedGraph
	order []gonum.Node
	calls int
	limit int
}

func (g *sampledGraph) Nodes() gonum.Nodes { return iterator.NewOrderedNodes(g.order) }

func (g *sampledGraph) From(id int64) gonum.Nodes {
	g.calls++
	if g.limit > 0 && g.calls > g.limit {
		panic(errStop)
	}
	return g.DirectedGraph.From(id)
}

func gonumBetweenness(n int, es []graph.Edge, k int) (res Result, err error) {
	res = Result{Tool: "gonum", Measure: "betweenness"}
	d := simple.NewDirectedGraph()
	for i := range n {
		d.AddNode(simple.Node(i))
	}
	for _, e := range es {
		d.SetEdge(d.NewEdge(simple.Node(e.From), simple.Node(e.To)))
	}
	perm := rand.New(rand.NewPCG(5, 6)).Perm(n)
	g := &sampledGraph{DirectedGraph: d, order: make([]gonum.Node, n)}
	for i, p := range perm {
		g.order[i] = simple.Node(p)
	}
	if k <= 0 || k >= n {
		k = n
	} else {
		for _, r := range graphgen.Reach(n, es, perm[:k]) {
			g.limit += r
		}
		res.Extrapolated = true
	}
	res.Sources = k
	t := startTimer()
	func() {
		defer func() {
			if r := recover(); r != nil && r != errStop {
				panic(r)
			}
		}()
		network.Betweenness(g)
	}()
	t.stop(&res)
	if res.Extrapolated {
		if g.calls != g.limit+1 {
			return res, fmt.Errorf("betweenness: stopped after %d BFS steps, want %d", g.calls-1, g.limit)
		}
		scale := float64(n) / float64(k)
		res.Seconds *= scale
		res.CPUSeconds *= scale
		res.Note = fmt.Sprintf("timed on %d random sources, scaled by n/k", k)
	}
	return res, nil
}
