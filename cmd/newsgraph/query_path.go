package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/store"
)

// pathResult is one shortest path of `query path` in JSON.
type pathResult struct {
	Path     int       `json:"path"`
	Length   int       `json:"length"`
	Actors   []string  `json:"actors"`
	ActorIDs []string  `json:"actor_ids"`
	Hops     []pathHop `json:"hops"`
}

// pathHop is one step of a path, and one line of the text formats.
type pathHop struct {
	Path      int    `json:"path"`
	Hop       int    `json:"hop"`
	From      string `json:"from"`
	Direction string `json:"direction"`
	To        string `json:"to"`
	Predicate string `json:"predicate"`
	Event     string `json:"event"`
	Sentence  string `json:"sentence"`
	ArticleID string `json:"article_id"`
	Date      string `json:"date"`
	FromID    string `json:"from_id" table:"-"`
	ToID      string `json:"to_id" table:"-"`
}

// Hop directions.
const (
	hopOut       = "out"       // the evidence says from → to
	hopIn        = "in"        // the evidence says to → from
	hopComention = "comention" // both are named in the sentence
)

func newQueryPathCmd(s streams) *cobra.Command {
	var (
		f        queryFlags
		rf       relationFlags
		kind     string
		directed bool
		maxPaths int
		maxHops  int
	)
	c := &cobra.Command{
		Use:   "path X Y",
		Short: "Show the shortest paths between two actors, with evidence",
		Long: `path finds the shortest paths from X to Y by breadth-first search and shows
each hop with its strongest evidence sentence (the most confident asserted
relation between the two, or for co-mentions the first sentence naming both).
X and Y take any name or alias of an actor (see query actor).

--graph relations (default) links actors by relations, ignoring their
direction unless --directed; negated and hypothetical relations do not link
unless --include-hypothetical, and --event, --since, --until narrow the links.
--graph comention links actors named in the same sentence. The search reads
neighbours from the store's indexes as it reaches them, so a short path is
found without building the whole graph; all shortest paths are listed up to
--max-paths, in order of actor ids.

Fields: one record per hop: path (from 1), hop (from 1), from, direction
(out: the evidence says from → to; in: to → from; comention), to,
predicate, event, sentence, article_id, date, from_id, to_id. JSON writes
one object per path: path, length (hops), actors, actor_ids, hops (the hop
records). No path within --max-hops exits with status 1.

` + queryExitStatuses,
		Example: `  newsgraph query path "Joe Biden" Kremlin
  newsgraph query path putin nato --directed
  newsgraph query path kenya japan --graph comention --format json`,
		Args: exactArgs("X", "Y"),
		RunE: func(c *cobra.Command, args []string) error {
			filter, err := rf.filter()
			if err != nil {
				return err
			}
			k, err := graph.ParseKind(kind)
			if err != nil {
				return usageError{err}
			}
			relChosen := c.Flags().Changed("event") || c.Flags().Changed("since") || c.Flags().Changed("until") ||
				c.Flags().Changed("include-hypothetical")
			if k == graph.Comention && (directed || relChosen) {
				return usageError{fmt.Errorf("--directed, --event, --since, --until and --include-hypothetical apply to --graph relations")}
			}
			st, format, err := f.open(s)
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := c.Context()
			x, err := resolveActor(ctx, st, s, args[0])
			if err != nil {
				return err
			}
			y, err := resolveActor(ctx, st, s, args[1])
			if err != nil {
				return err
			}
			if x.ID == y.ID {
				return usageError{fmt.Errorf("%q and %q are the same actor, %s (%s): a path needs two", args[0], args[1], x.Name, x.ID)}
			}
			opts := store.PathOptions{Comention: k == graph.Comention, Directed: directed, Filter: filter,
				MaxPaths: maxPaths, MaxHops: maxHops}
			paths, err := st.ShortestPaths(ctx, x.ID, y.ID, opts)
			if err != nil {
				return err
			}
			if len(paths) == 0 {
				how := "ignoring direction"
				if directed {
					how = "following direction"
				}
				if opts.Comention {
					how = "by co-mention"
				}
				return noMatch(s, "no path from %s to %s within %d hops (%s graph, %s)", x.Name, y.Name, opts.MaxHops, k, how)
			}
			results, err := explainPaths(ctx, st, paths, opts, format)
			if err != nil {
				return err
			}
			return writePaths(s.out, format, results)
		},
	}
	f.add(c)
	rf.add(c)
	c.Flags().StringVar(&kind, "graph", "relations", "graph `KIND`: relations or comention")
	c.Flags().BoolVar(&directed, "directed", false, "follow relations from subject to object only")
	c.Flags().IntVar(&maxPaths, "max-paths", 10, "list at most `N` shortest paths")
	c.Flags().IntVar(&maxHops, "max-hops", 6, "give up beyond `N` hops")
	return c
}

// explainPaths adds names and each hop's evidence to the paths.
func explainPaths(ctx context.Context, st *store.Store, paths [][]string, opts store.PathOptions, format outputFormat) ([]pathResult, error) {
	var ids []string
	for _, p := range paths {
		ids = append(ids, p...)
	}
	names, err := actorNames(ctx, st, ids)
	if err != nil {
		return nil, err
	}
	out := make([]pathResult, len(paths))
	for i, p := range paths {
		r := pathResult{Path: i + 1, Length: len(p) - 1, Actors: make([]string, len(p)), ActorIDs: p, Hops: []pathHop{}}
		for j, id := range p {
			r.Actors[j] = names[id]
		}
		for j := 1; j < len(p); j++ {
			a, b := p[j-1], p[j]
			h := pathHop{Path: i + 1, Hop: j, From: names[a], To: names[b], FromID: a, ToID: b}
			if opts.Comention {
				cm, ok, err := st.ComentionEvidence(ctx, a, b)
				if err != nil {
					return nil, err
				}
				h.Direction = hopComention
				if ok {
					h.Sentence, h.ArticleID, h.Date = cm.Sentence, cm.Article.ID, cm.Article.Date
					if h.Sentence == "" {
						h.Sentence = "(sentence " + strconv.Itoa(cm.SentenceIndex) + ", text not stored)"
					}
				}
			} else {
				ev, ok, err := st.StrongestEvidence(ctx, a, b, opts.Directed, opts.Filter)
				if err != nil {
					return nil, err
				}
				if ok {
					t := ev.Triple
					h.Direction = hopOut
					if t.SubjectID != a {
						h.Direction = hopIn
					}
					h.Predicate, h.Event, h.Sentence, h.ArticleID, h.Date = t.Predicate, eventLabel(t.Event, format), t.Sentence, t.Doc, t.Date
				}
			}
			h.Sentence = clipText(h.Sentence, format, 100)
			r.Hops = append(r.Hops, h)
		}
		out[i] = r
	}
	return out, nil
}

func writePaths(w io.Writer, f outputFormat, paths []pathResult) error {
	switch f {
	case formatJSON:
		return encodeJSON(w, paths)
	case formatJSONL:
		for _, p := range paths {
			if err := encodeJSONLine(w, p); err != nil {
				return err
			}
		}
		return nil
	case formatTable:
		for i, p := range paths {
			sep := ""
			if i > 0 {
				sep = "\n"
			}
			hops := "hops"
			if p.Length == 1 {
				hops = "hop"
			}
			if _, err := fmt.Fprintf(w, "%sPath %d of %d, %d %s: %s\n", sep, p.Path, len(paths), p.Length, hops, strings.Join(p.Actors, " – ")); err != nil {
				return err
			}
			rows := make([][]string, len(p.Hops))
			for j, h := range p.Hops {
				rel := "–"
				switch h.Direction {
				case hopOut:
					rel = "→ " + h.Predicate + " →"
				case hopIn:
					rel = "← " + h.Predicate + " ←"
				case hopComention:
					rel = "co-mentioned"
				}
				rows[j] = []string{strconv.Itoa(h.Hop), h.From, rel, h.To, h.Sentence, h.ArticleID, h.Date}
			}
			if err := writeTable(w, true, []string{"hop", "from", "relation", "to", "evidence", "article_id", "date"}, rows); err != nil {
				return err
			}
		}
		return nil
	}
	var hops []pathHop
	for _, p := range paths {
		hops = append(hops, p.Hops...)
	}
	return writeRecords(w, f, hops)
}
