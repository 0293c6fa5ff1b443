package main

import (
	"cmp"

	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

// topRow is one line of `query top`.
type topRow struct {
	Rank    int     `json:"rank"`
	Actor   string  `json:"actor"`
	Type    string  `json:"type"`
	Measure string  `json:"measure"`
	Value   float64 `json:"value"`
	ID      string  `json:"id"`
}

// topMeasures are the measures --by documents; other numeric node
// attributes that the graph package computes are accepted too.
const topMeasures = "pagerank, betweenness, degree, eigenvector, mentions"

func newQueryTopCmd(s streams) *cobra.Command {
	var (
		f            queryFlags
		by, kind     string
		hypothetical bool
		limit        int
	)
	c := &cobra.Command{
		Use:   "top",
		Short: "Rank actors by a graph measure",
		Long: `top ranks actors by a measure of the actor graph: pagerank, betweenness,
degree, eigenvector (each computed on --graph relations or comention, as
export computes them; other node measures the graph package computes, such
as closeness, are accepted too) or mentions (read from the store's actor
counts, no graph needed). Ties go to the smaller actor id.

The graph measures need the whole graph: top reads every relation or mention
of the store, and its time grows with the store, unlike the other queries.
If this newsgraph's graph package does not compute the measure asked for,
top says so and exits with status 1 rather than print zeros.

Fields: rank (from 1), actor, type, measure, value, id.

` + queryExitStatuses,
		Example: `  newsgraph query top
  newsgraph query top --by betweenness --graph comention -n 10
  newsgraph query top --by mentions --format json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			by = strings.ToLower(by)
			if strings.TrimSpace(by) == "" {
				return usageError{fmt.Errorf("--by: want one of %s", topMeasures)}
			}
			k, err := graph.ParseKind(kind)
			if err != nil {
				return usageError{err}
			}
			st, format, err := f.open(s)
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := c.Context()
			var rows []topRow
			if by == "mentions" {
				actors, err := st.Actors(ctx)
				if err != nil {
					return err
				}
				for _, a := range actors {
					rows = append(rows, topRow{Actor: a.Name, Type: a.Type, Measure: by, Value: float64(a.Mentions), ID: a.ID})
				}
			} else {
				n, err := graph.Build(ctx, st, graph.Options{Kind: k, IncludeHypothetical: hypothetical})
				if err != nil {
					return err
				}
				if !declares(n, by) {
					if slices.Contains(strings.Split(topMeasures, ", "), by) {
						return fmt.Errorf("measure %q is not computed by this newsgraph's graph package, so there is nothing to rank by (the %s graph has %s)",
							by, k, strings.Join(numericAttrs(n), ", "))
					}
					return usageError{fmt.Errorf("--by %q: no such measure (want %s, or another of the %s graph's: %s)",
						by, topMeasures, k, strings.Join(numericAttrs(n), ", "))}
				}
				for _, node := range n.Nodes {
					v, ok := number(node.Attrs[by])
					if !ok {
						continue
					}
					typ, _ := node.Attrs["actor_type"].(string)
					rows = append(rows, topRow{Actor: node.Label, Type: typ, Measure: by, Value: v, ID: node.Key})
				}
			}
			if len(rows) == 0 {
				return noMatch(s, "no actors to rank: the %s graph of %s is empty", k, f.db)
			}
			slices.SortStableFunc(rows, func(a, b topRow) int {
				return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(a.ID, b.ID))
			})
			if limit > 0 && len(rows) > limit {
				rows = rows[:limit]
			}
			for i := range rows {
				rows[i].Rank = i + 1
			}
			return writeRecords(s.out, format, rows)
		},
	}
	f.add(c)
	c.Flags().StringVar(&by, "by", "pagerank", "rank by `MEASURE`: "+topMeasures)
	c.Flags().StringVar(&kind, "graph", "relations", "graph `KIND`: relations or comention")
	c.Flags().BoolVar(&hypothetical, "include-hypothetical", false, "count negated and hypothetical relations as links")
	c.Flags().IntVarP(&limit, "limit", "n", 20, "show the top `N` actors (0: all)")
	return c
}

// declares reports whether the network declares a numeric node attribute.
func declares(n *graph.Network, name string) bool {
	return slices.Contains(numericAttrs(n), name)
}

// numericAttrs lists the network's numeric node attributes.
func numericAttrs(n *graph.Network) []string {
	var out []string
	for _, a := range n.NodeAttrs {
		if a.Kind == graph.Int || a.Kind == graph.Double {
			out = append(out, a.Name)
		}
	}
	return out
}

// number converts an int or float attribute value.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case float64:
		return x, true
	case float32:
		return float64(x), true
	}
	return 0, false
}
