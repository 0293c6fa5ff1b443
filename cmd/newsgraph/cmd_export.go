package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
)

func newExportCmd(s streams) *cobra.Command {
	var (
		db, format, out string
		gf              graphFlags
	)
	c := &cobra.Command{
		Use:   "export",
		Short: "Write the actor graph for Gephi and other tools",
		Long: `export builds the actor graph from the store, computes every measure
(degree, strength, betweenness, closeness, harmonic, eigenvector, PageRank,
HITS hub/authority, Louvain community, component) for every actor, and
writes it.

` + graphFlagsHelp + `

Formats (--format):
  graphml  GraphML for Gephi, yEd, networkx (the default)
  gexf     GEXF 1.3 for Gephi: nodes coloured by community and sized by
           PageRank; with dates, a dynamic graph for Gephi's Timeline
  csv      Gephi's spreadsheet import: nodes.csv and edges.csv in the folder
           -o DIR (required: two files)
  json     graphology JSON for Gephi Lite and sigma.js
Without --format, an -o FILE ending in .graphml, .gexf or .json picks the
format.

Output goes to standard output, or to -o FILE (-o DIR for csv); files are
written to a temporary file and renamed into place so that readers never see
half a file.

` + exitStatuses,
		Example: `  newsgraph export --format graphml -o actors.graphml
  newsgraph export -o actors.gexf            # GEXF, from the extension
  newsgraph export --format csv -o actors/   # actors/nodes.csv, actors/edges.csv
  newsgraph export --format json > actors.json
  newsgraph export --graph comention --db news.db > comention.graphml`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			f, err := exportFormat(c, format, out)
			if err != nil {
				return err
			}
			opts, err := gf.options()
			if err != nil {
				return err
			}
			st, err := openStore(db, true)
			if err != nil {
				return err
			}
			defer st.Close()
			n, err := graph.Build(c.Context(), st, opts)
			if err != nil {
				return err
			}
			return writeExport(s, f, out, n)
		},
	}
	dbFlag(c, &db)
	c.Flags().StringVar(&format, "format", "graphml", "output `FORMAT`: graphml, gexf, csv or json")
	c.Flags().StringVarP(&out, "output", "o", "", "output `FILE`, or folder for csv (default standard output)")
	gf.add(c)
	return c
}

// exportFormat returns the format asked for: --format, or when it is not
// given, the one -o's extension names, or GraphML. CSV needs -o DIR.
func exportFormat(c *cobra.Command, format, out string) (export.Format, error) {
	if !c.Flags().Changed("format") {
		if f, ok := export.FormatOfPath(out); ok {
			return f, nil
		}
	}
	f, err := export.ParseFormat(format)
	if err != nil {
		return "", usageError{fmt.Errorf("--format %q: supported formats: graphml, gexf, csv, json", format)}
	}
	if !f.OneFile() && (out == "" || out == "-") {
		return "", usageError{fmt.Errorf("--format %s writes two files, %s and %s: give their folder with -o DIR", f, export.CSVNodesFile, export.CSVEdgesFile)}
	}
	return f, nil
}

// writeExport writes n in format f to standard output (out "" or "-") or
// atomically to the file out, or for CSV into the folder out.
func writeExport(s streams, f export.Format, out string, n *graph.Network) error {
	if !f.OneFile() {
		if err := export.WriteCSV(out, n); err != nil {
			return err
		}
		fmt.Fprintf(s.err, "wrote %s and %s in %s: %d actors, %d edges\n",
			export.CSVNodesFile, export.CSVEdgesFile, out, len(n.Nodes), len(n.Edges))
		return nil
	}
	write := func(w io.Writer) error { return f.Write(w, n) }
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
}
