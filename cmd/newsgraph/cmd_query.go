package main

import (
	"strconv"

	"github.com/spf13/cobra"
)

func newQueryCmd(s streams) *cobra.Command {
	c := &cobra.Command{
		Use:   "query",
		Short: "Ask questions of the stored graph",
		Long: `query answers questions from the store. On a terminal it prints an aligned
table; piped, tab-separated values with a header line.

` + exitStatuses,
		Example: `  newsgraph query actors --db news.db`,
	}
	c.AddCommand(newQueryActorsCmd(s))
	return c
}

func newQueryActorsCmd(s streams) *cobra.Command {
	var (
		db    string
		limit int
	)
	c := &cobra.Command{
		Use:   "actors",
		Short: "List actors with their mention and article counts",
		Long: `actors lists every actor in the store, most mentioned first: canonical
name, type (PERSON, ORG, GPE), mentions, articles, first and last seen.

` + exitStatuses,
		Example: `  newsgraph query actors --db news.db
  newsgraph query actors -n 10 | cut -f1,3`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			st, err := openStore(db, true)
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
				return errNoMatch
			}
			rows := make([][]string, len(actors))
			for i, a := range actors {
				rows[i] = []string{a.Name, a.Type, strconv.Itoa(a.Mentions), strconv.Itoa(a.Articles), a.FirstSeen, a.LastSeen, a.ID}
			}
			return writeTable(s.out, isTerminal(s.out), []string{"actor", "type", "mentions", "articles", "first_seen", "last_seen", "id"}, rows)
		},
	}
	dbFlag(c, &db)
	c.Flags().IntVarP(&limit, "limit", "n", 0, "show at most `N` actors (0: all)")
	return c
}
