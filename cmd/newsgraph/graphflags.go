package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

// graphFlags are the flags that choose and filter the actor graph, shared by
// the commands that build one (export, stats).
type graphFlags struct {
	kind         string
	window       string
	multi        bool
	since, until string
	minWeight    float64
	events       []string
	types        []string
	top          int
	ego          string
	depth        int
	hypothetical bool
	samples      int

	cmd *cobra.Command // to tell flags given from defaults
}

// graphFlagsHelp describes the graph flags for a command's long help.
const graphFlagsHelp = `Graphs (--graph): relations (directed, subject → object, weight = number of
supporting triples; negated and hypothetical triples left out unless
--include-hypothetical; --multi keeps one edge per event type) or comention
(undirected, actors named in the same sentence, or article with --window
article; weight = number of such sentences or articles).

Filters, applied in this order: --since/--until (article dates, inclusive),
--event (PLOVER types; for comention, units holding such a triple),
--type (actor types), --min-weight, --ego/--depth (the actors within
--depth steps of one actor, either direction), --top (the N actors with the
highest PageRank; measures are then recomputed on them).`

// add registers the graph flags on c.
func (f *graphFlags) add(c *cobra.Command) {
	fs := c.Flags()
	f.cmd = c
	fs.StringVar(&f.kind, "graph", "relations", "graph `KIND`: relations or comention")
	fs.StringVar(&f.window, "window", "sentence", "co-mention `UNIT`: sentence or article (comention only)")
	fs.BoolVar(&f.multi, "multi", false, "one edge per (pair, event type) instead of one per pair (relations only)")
	fs.StringVar(&f.since, "since", "", "keep articles dated on or after `DATE` (YYYY-MM-DD)")
	fs.StringVar(&f.until, "until", "", "keep articles dated on or before `DATE` (YYYY-MM-DD)")
	fs.Float64Var(&f.minWeight, "min-weight", 0, "drop edges lighter than `W`")
	fs.StringSliceVar(&f.events, "event", nil, "keep only PLOVER event `TYPE`s (repeatable or comma-separated: CONSULT,THREATEN)")
	fs.StringSliceVar(&f.types, "type", nil, "keep only actor `TYPE`s (repeatable or comma-separated: PERSON,ORG,GPE)")
	fs.IntVar(&f.top, "top", 0, "keep the `N` actors with the highest PageRank (0: all)")
	fs.StringVar(&f.ego, "ego", "", "keep the actors around `ACTOR` (id, name or alias)")
	fs.IntVar(&f.depth, "depth", 1, "steps around --ego, following edges either way")
	fs.BoolVar(&f.hypothetical, "include-hypothetical", false, "keep negated and hypothetical triples")
	fs.IntVar(&f.samples, "betweenness-samples", 0, "betweenness from `K` sampled sources (0: exact up to 5000 actors, 1000 samples above; -1: always exact)")
}

// options returns the graph options the flags ask for; a bad value is a
// usage error.
func (f *graphFlags) options() (graph.Options, error) {
	var opts graph.Options
	kind, err := graph.ParseKind(f.kind)
	if err != nil {
		return opts, usageError{fmt.Errorf("--graph: %w", err)}
	}
	window, err := graph.ParseWindow(f.window)
	if err != nil {
		return opts, usageError{fmt.Errorf("--window: %w", err)}
	}
	if kind != graph.Comention && f.changed("window") {
		return opts, usageError{fmt.Errorf("--window applies to --graph comention only")}
	}
	if kind != graph.Relations && f.multi {
		return opts, usageError{fmt.Errorf("--multi applies to --graph relations only")}
	}
	if f.depth < 1 {
		return opts, usageError{fmt.Errorf("--depth %d: want 1 or more", f.depth)}
	}
	if f.ego == "" && f.changed("depth") {
		return opts, usageError{fmt.Errorf("--depth needs --ego")}
	}
	opts = graph.Options{
		Kind:                kind,
		IncludeHypothetical: f.hypothetical,
		Multi:               f.multi,
		Window:              window,
		Since:               f.since,
		Until:               f.until,
		MinWeight:           f.minWeight,
		Events:              splitList(f.events),
		Types:               splitList(f.types),
		Top:                 f.top,
		Ego:                 strings.TrimSpace(f.ego),
		Depth:               f.depth,
		BetweennessSamples:  f.samples,
	}
	if err := opts.Validate(); err != nil {
		return opts, usageError{err}
	}
	return opts, nil
}

// changed reports whether flag name was given on the command line.
func (f *graphFlags) changed(name string) bool {
	return f.cmd != nil && f.cmd.Flags().Changed(name)
}

// splitList drops empty items of a repeatable, comma-separated flag.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
