package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

// statsMeasures returns the node attributes stats ranks by, in the order
// --by all prints them. hub and authority exist on the relation graph only.
func statsMeasures() []string {
	return []string{"pagerank", "betweenness", "degree", "eigenvector", "closeness", "harmonic", "hub", "authority", "mentions"}
}

// statsOptions are the flags of the stats command.
type statsOptions struct {
	db    string
	by    string
	limit int
	graph graphFlags
}

func newStatsCmd(s streams) *cobra.Command {
	var opts statsOptions
	c := &cobra.Command{
		Use:   "stats",
		Short: "Rank the actors of the graph by centrality",
		Long: `stats builds the actor graph from the store, as export does, and prints the
top actors by one measure (--by) or by each (--by all): pagerank,
betweenness, degree, eigenvector, closeness, harmonic, hub and authority
(relations only) or mentions. See the graph package documentation for how
each is computed.

On a terminal it prints one aligned table per measure; piped, tab-separated
values with one header line: measure, rank, actor, type, value, id. Actors
with equal values are ordered by id. A summary (actors, edges, components,
Louvain communities and modularity) goes to standard error.

` + graphFlagsHelp + `

` + exitStatuses,
		Example: `  newsgraph stats --db news.db
  newsgraph stats --by all -n 5
  newsgraph stats --by betweenness --graph comention --window article
  newsgraph stats --ego "Vladimir Putin" --depth 2 --since 2024-01-01
  newsgraph stats --by hub --event THREATEN,COERCE | cut -f3,5`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			return runStats(c.Context(), s, opts, isTerminal(s.out))
		},
	}
	dbFlag(c, &opts.db)
	c.Flags().StringVar(&opts.by, "by", "pagerank", "rank by `MEASURE`: "+strings.Join(statsMeasures(), ", ")+" or all")
	c.Flags().IntVarP(&opts.limit, "limit", "n", 20, "show the top `N` actors of each measure (0: all)")
	opts.graph.add(c)
	return c
}

// runStats builds the graph and prints the rankings: aligned tables, one
// per measure, when aligned (on a terminal), else one TSV table.
func runStats(ctx context.Context, s streams, opts statsOptions, aligned bool) error {
	gopts, err := opts.graph.options()
	if err != nil {
		return err
	}
	measures, err := statsBy(opts.by, gopts.Kind)
	if err != nil {
		return err
	}
	if opts.limit < 0 {
		return usageError{fmt.Errorf("-n %d: want 0 or more", opts.limit)}
	}
	st, err := openStore(opts.db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := graph.Build(ctx, st, gopts)
	if err != nil {
		return err
	}
	printGraphSummary(s, gopts.Kind, n)
	if len(n.Nodes) == 0 {
		fmt.Fprintln(s.err, "no actors in this graph: is the store empty, or are the filters too narrow?")
		return errNoMatch
	}
	var rows [][]string
	for i, m := range measures {
		ranked := rankBy(n, m, opts.limit)
		if !aligned {
			for _, r := range ranked {
				rows = append(rows, append([]string{m}, r...))
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(s.out)
		}
		fmt.Fprintf(s.out, "Top actors by %s\n", m)
		if err := writeTable(s.out, true, []string{"#", "actor", "type", m, "id"}, ranked); err != nil {
			return err
		}
	}
	if aligned {
		return nil
	}
	return writeTable(s.out, false, []string{"measure", "rank", "actor", "type", "value", "id"}, rows)
}

// statsBy returns the measures --by names for a graph of kind k.
func statsBy(by string, k graph.Kind) ([]string, error) {
	directedOnly := func(m string) bool { return m == "hub" || m == "authority" }
	by = strings.ToLower(strings.TrimSpace(by))
	if by == "all" {
		if k == graph.Relations {
			return statsMeasures(), nil
		}
		return slices.DeleteFunc(statsMeasures(), directedOnly), nil
	}
	if !slices.Contains(statsMeasures(), by) {
		return nil, usageError{fmt.Errorf("--by %q: want one of %s or all", by, strings.Join(statsMeasures(), ", "))}
	}
	if directedOnly(by) && k != graph.Relations {
		return nil, usageError{fmt.Errorf("--by %s needs the directed graph (--graph relations)", by)}
	}
	return []string{by}, nil
}

// rankBy returns the rows (rank, actor, type, value, id) of the limit nodes
// with the highest value of attribute m (all when limit is 0), ties by id.
func rankBy(n *graph.Network, m string, limit int) [][]string {
	idx := make([]int, len(n.Nodes))
	vals := make([]float64, len(n.Nodes))
	for i, nd := range n.Nodes {
		idx[i] = i
		switch v := nd.Attrs[m].(type) {
		case int:
			vals[i] = float64(v)
		case float64:
			vals[i] = v
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(vals[b], vals[a]), cmp.Compare(n.Nodes[a].Key, n.Nodes[b].Key))
	})
	if limit > 0 && len(idx) > limit {
		idx = idx[:limit]
	}
	rows := make([][]string, len(idx))
	for r, i := range idx {
		nd := n.Nodes[i]
		typ, _ := nd.Attrs["actor_type"].(string)
		rows[r] = []string{strconv.Itoa(r + 1), nd.Label, typ, formatValue(nd.Attrs[m]), nd.Key}
	}
	return rows
}

// formatValue writes a measure: integers as such, reals with six
// significant digits.
func formatValue(v any) string {
	switch v := v.(type) {
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'g', 6, 64)
	}
	return fmt.Sprint(v)
}

// printGraphSummary writes one line about n, and its warnings, on stderr.
func printGraphSummary(s streams, k graph.Kind, n *graph.Network) {
	fmt.Fprintf(s.err, "%s graph: %d actors, %d edges, %d components, %d communities, modularity %.4f",
		k, len(n.Nodes), len(n.Edges), n.Components, n.Communities, n.Modularity)
	if n.BetweennessSamples > 0 {
		fmt.Fprintf(s.err, "; betweenness estimated from %d sampled sources", n.BetweennessSamples)
	}
	fmt.Fprintln(s.err)
	for _, w := range n.Warnings {
		fmt.Fprintln(s.err, "newsgraph: warning:", w)
	}
}
