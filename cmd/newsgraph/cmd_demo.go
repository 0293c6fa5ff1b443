package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/extract/source"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/sample"
	"github.com/newsgraph/newsgraph/news"
)

func newDemoCmd(s streams) *cobra.Command {
	var (
		out string
		top int
	)
	c := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole pipeline on the built-in sample corpus",
		Long: `demo ingests the built-in sample corpus (24 short, fictional news-style
articles written for newsgraph) into a fresh temporary store, prints the top
actors and the strongest relations, and writes the relation graph as GraphML
(newsgraph-demo.graphml in the current folder) for Gephi. No network, no setup.

` + exitStatuses,
		Example: `  go run ./cmd/newsgraph demo
  newsgraph demo -o /tmp/demo.graphml`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			return runDemo(c.Context(), s, out, top)
		},
	}
	c.Flags().StringVarP(&out, "output", "o", "newsgraph-demo.graphml", "GraphML output `FILE`")
	c.Flags().IntVarP(&top, "top", "n", 10, "rows in each table")
	return c
}

func runDemo(ctx context.Context, s streams, out string, top int) error {
	dir, err := os.MkdirTemp("", "newsgraph-demo-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	w, err := openWriter(dir, 0)
	if err != nil {
		return err
	}
	var f sourceFlags
	newX, err := f.extractorFactory(false)
	if err != nil {
		w.Close()
		return err
	}
	sum, err := buildInto(ctx, w, newX, 0, nil, func(ctx context.Context, yield func(news.Article) error) error {
		return source.ReadFS(ctx, sample.Articles, ".", source.Options{}, yield)
	})
	if err != nil {
		w.Close()
		return err
	}
	if err := w.Commit(); err != nil {
		return err
	}
	st, err := openStore(dir, true)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintf(s.out, "Sample corpus: %d articles → %d triples, %d actors (%s)\n\n",
		sum.Read, sum.Counts.Triples, sum.Counts.Actors, sum.Elapsed.Round(1e6))

	n, err := graph.Build(ctx, st, graph.Options{Kind: graph.Relations})
	if err != nil {
		return err
	}
	aligned := true // the demo is read by people, even when piped
	nodes := slices.Clone(n.Nodes)
	slices.SortFunc(nodes, func(a, b graph.Node) int {
		return cmp.Or(cmp.Compare(b.Attrs["pagerank"].(float64), a.Attrs["pagerank"].(float64)), cmp.Compare(a.Key, b.Key))
	})
	var rows [][]string
	for i, nd := range nodes {
		if i == top {
			break
		}
		rows = append(rows, []string{strconv.Itoa(i + 1), nd.Label, fmt.Sprint(nd.Attrs["actor_type"]),
			fmt.Sprint(nd.Attrs["mentions"]), fmt.Sprint(nd.Attrs["degree"]), fmt.Sprintf("%.3f", nd.Attrs["pagerank"])})
	}
	fmt.Fprintln(s.out, "Top actors by PageRank")
	if err := writeTable(s.out, aligned, []string{"#", "actor", "type", "mentions", "degree", "pagerank"}, rows); err != nil {
		return err
	}

	edges := slices.Clone(n.Edges)
	slices.SortStableFunc(edges, func(a, b graph.Edge) int { return cmp.Compare(b.Weight, a.Weight) })
	rows = rows[:0]
	for i, e := range edges {
		if i == top {
			break
		}
		rows = append(rows, []string{n.Nodes[e.From].Label, e.Label, n.Nodes[e.To].Label,
			fmt.Sprint(e.Attrs.Get("events")), strconv.Itoa(int(e.Weight))})
	}
	fmt.Fprintln(s.out, "\nStrongest relations")
	if err := writeTable(s.out, aligned, []string{"subject", "main predicate", "object", "event types", "triples"}, rows); err != nil {
		return err
	}
	if err := export.WriteFile(out, func(w io.Writer) error { return export.GraphML(w, n) }); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "\nWrote %s (%d actors, %d edges): open it in Gephi.\n", out, len(n.Nodes), len(n.Edges))
	return nil
}
