package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
)

func newExportCmd(s streams) *cobra.Command {
	var (
		db, format, kind, out string
		hypothetical          bool
	)
	c := &cobra.Command{
		Use:   "export",
		Short: "Write the actor graph for Gephi and other tools",
		Long: `export builds the actor graph from the store, computes degree, strength,
PageRank and betweenness for every actor, and writes it.

Graphs: relations (directed, subject → object, weight = number of supporting
triples; negated and hypothetical triples left out unless
--include-hypothetical) or comention (undirected, actors named in the same
sentence, weight = number of such sentences).

Output goes to standard output, or to -o FILE, written to a temporary file and
renamed into place so that readers never see half a file.

` + exitStatuses,
		Example: `  newsgraph export --format graphml -o actors.graphml
  newsgraph export --graph comention --db news.db > comention.graphml`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if f := strings.ToLower(format); f != "graphml" {
				return usageError{fmt.Errorf("--format %q: supported formats: graphml", format)}
			}
			k, err := graph.ParseKind(kind)
			if err != nil {
				return usageError{err}
			}
			st, err := openStore(db, true)
			if err != nil {
				return err
			}
			defer st.Close()
			n, err := graph.Build(c.Context(), st, graph.Options{Kind: k, IncludeHypothetical: hypothetical})
			if err != nil {
				return err
			}
			write := func(w io.Writer) error { return export.GraphML(w, n) }
			if out == "" || out == "-" {
				bw := bufio.NewWriter(s.out)
				if err := write(bw); err != nil {
					return err
				}
				return bw.Flush()
			}
			if err := export.WriteFile(out, write); err != nil {
				return err
			}
			fmt.Fprintf(s.err, "wrote %s: %d actors, %d edges\n", out, len(n.Nodes), len(n.Edges))
			return nil
		},
	}
	dbFlag(c, &db)
	c.Flags().StringVar(&format, "format", "graphml", "output `FORMAT`: graphml")
	c.Flags().StringVar(&kind, "graph", "relations", "graph `KIND`: relations or comention")
	c.Flags().StringVarP(&out, "output", "o", "", "output `FILE` (default standard output)")
	c.Flags().BoolVar(&hypothetical, "include-hypothetical", false, "keep negated and hypothetical triples")
	return c
}
