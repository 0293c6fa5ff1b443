package main

import (
	"github.com/spf13/cobra"
)

func newQueryCmd(s streams) *cobra.Command {
	c := &cobra.Command{
		Use:   "query",
		Short: "Ask questions of the stored graph",
		Long: `query answers questions from the store: who an actor is and what they do
(actor, actors), which relations link whom (relations), the sentences behind
a relation (evidence), how two actors are connected (path), who is central
(top), when things happened (timeline), and what an actor said (quotes).

Names are matched whatever their case, accents or punctuation, by the
canonical name, any surface form seen in the articles ("zelenskyy",
"ZELÉNSKYY", "the Kremlin") or the actor id. An unknown name gets "did you
mean" suggestions on stderr.

On a terminal results are an aligned table; piped, tab-separated values with
a header line. --format table|tsv|csv|json|jsonl chooses; field names are
snake_case and stable, the same in every format (see each command's help).

` + queryExitStatuses,
		Example: `  newsgraph query actor putin --db news.db
  newsgraph query relations --from russia --event threaten,assault -n 10
  newsgraph query evidence russia ukraine --both --format json
  newsgraph query path "Joe Biden" Kremlin
  newsgraph query top --by betweenness -n 10
  newsgraph query timeline russia ukraine --bucket week
  newsgraph query quotes putin -n 5`,
	}
	c.AddCommand(newQueryActorsCmd(s), newQueryActorCmd(s), newQueryRelationsCmd(s), newQueryEvidenceCmd(s),
		newQueryPathCmd(s), newQueryTopCmd(s), newQueryTimelineCmd(s), newQueryQuotesCmd(s))
	return c
}

// actorRow is one line of `query actors`.
type actorRow struct {
	Actor     string `json:"actor"`
	Type      string `json:"type"`
	Mentions  int    `json:"mentions"`
	Articles  int    `json:"articles"`
	FirstSeen string `json:"first_seen"`
	LastSeen  string `json:"last_seen"`
	ID        string `json:"id"`
}

func newQueryActorsCmd(s streams) *cobra.Command {
	var (
		f     queryFlags
		limit int
	)
	c := &cobra.Command{
		Use:   "actors",
		Short: "List actors with their mention and article counts",
		Long: `actors lists every actor in the store, most mentioned first.

Fields: actor (canonical name), type (PERSON, ORG, GPE), mentions, articles,
first_seen, last_seen (YYYY-MM-DD, empty when undated), id.

` + queryExitStatuses,
		Example: `  newsgraph query actors --db news.db
  newsgraph query actors -n 10 | cut -f1,3`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			st, format, err := f.open(s)
			if err != nil {
				return err
			}
			defer st.Close()
			actors, err := st.Actors(c.Context())
			if err != nil {
				return err
			}
			if limit > 0 && len(actors) > limit {
				actors = actors[:limit]
			}
			if len(actors) == 0 {
				return noMatch(s, "the store at %s holds no actors", f.db)
			}
			rows := make([]actorRow, len(actors))
			for i, a := range actors {
				rows[i] = actorRow{a.Name, a.Type, a.Mentions, a.Articles, a.FirstSeen, a.LastSeen, a.ID}
			}
			return writeRecords(s.out, format, rows)
		},
	}
	f.add(c)
	c.Flags().IntVarP(&limit, "limit", "n", 0, "show at most `N` actors (0: all)")
	return c
}
