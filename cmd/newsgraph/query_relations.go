package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/store"
)

// relationRow is one line of `query relations`: the relations of one
// ordered pair and event type.
type relationRow struct {
	From      string  `json:"from"`
	To        string  `json:"to"`
	Event     string  `json:"event"`
	Triples   int     `json:"triples"`
	Hedged    int     `json:"hedged"`
	Articles  int     `json:"articles"`
	Predicate string  `json:"predicate"`
	FirstDate string  `json:"first_date"`
	LastDate  string  `json:"last_date"`
	MeanScore float64 `json:"mean_score" table:"-"`
	FromID    string  `json:"from_id" table:"-"`
	ToID      string  `json:"to_id" table:"-"`
}

func newQueryRelationsCmd(s streams) *cobra.Command {
	var (
		f        queryFlags
		rf       relationFlags
		from, to string
		limit    int
	)
	c := &cobra.Command{
		Use:   "relations",
		Short: "List relations by pair and event type, strongest first",
		Long: `relations lists the stored relations that match, summed by ordered pair
(subject → object) and event type, most relations first. --from and --to
take any name or alias of an actor (see query actor); without them every
relation of the store is summed, which reads its whole index.

Negated and hypothetical relations ("did not meet", "could attack") are left
out unless --include-hypothetical.

Fields: from, to (canonical names), event (PLOVER type; empty for relations
without one), triples (relations in the group), hedged (of which negated or
hypothetical), articles, predicate (the most frequent), first_date,
last_date, mean_score (mean cooperation/conflict score, +10 … −10), from_id,
to_id. The terminal table leaves out mean_score and the ids.

` + queryExitStatuses,
		Example: `  newsgraph query relations --from russia -n 10
  newsgraph query relations --from "United States" --to china --since 2024
  newsgraph query relations --event threaten,assault --format csv > conflict.csv`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			filter, err := rf.filter()
			if err != nil {
				return err
			}
			st, format, err := f.open(s)
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := c.Context()
			for _, end := range []struct {
				name string
				id   *string
			}{{from, &filter.From}, {to, &filter.To}} {
				if end.name == "" {
					continue
				}
				a, err := resolveActor(ctx, st, s, end.name)
				if err != nil {
					return err
				}
				*end.id = a.ID
			}
			groups, err := st.RelationGroups(ctx, filter)
			if err != nil {
				return err
			}
			if len(groups) == 0 {
				return noMatch(s, "no relations match%s", describeFilter(filter))
			}
			if limit > 0 && len(groups) > limit {
				groups = groups[:limit]
			}
			ids := make([]string, 0, 2*len(groups))
			for _, g := range groups {
				ids = append(ids, g.SubjectID, g.ObjectID)
			}
			names, err := actorNames(ctx, st, ids)
			if err != nil {
				return err
			}
			rows := make([]relationRow, len(groups))
			for i, g := range groups {
				rows[i] = relationRow{
					From: names[g.SubjectID], To: names[g.ObjectID], Event: eventLabel(g.Event, format),
					Triples: g.Triples, Hedged: g.Hedged, Articles: g.Articles, Predicate: g.Predicate,
					FirstDate: g.FirstDate, LastDate: g.LastDate, MeanScore: g.MeanScore,
					FromID: g.SubjectID, ToID: g.ObjectID,
				}
			}
			return writeRecords(s.out, format, rows)
		},
	}
	f.add(c)
	rf.add(c)
	c.Flags().StringVar(&from, "from", "", "only relations whose subject is `ACTOR` (any name or alias)")
	c.Flags().StringVar(&to, "to", "", "only relations whose object is `ACTOR`")
	c.Flags().IntVarP(&limit, "limit", "n", 0, "show the `N` strongest groups (0: all)")
	return c
}

// describeFilter renders the filter for "nothing matched" messages.
func describeFilter(f store.RelationFilter) string {
	var parts []string
	if f.From != "" {
		parts = append(parts, "from "+f.From)
	}
	if f.To != "" {
		parts = append(parts, "to "+f.To)
	}
	if len(f.Events) > 0 {
		ev := make([]string, len(f.Events))
		for i, e := range f.Events {
			ev[i] = eventLabel(e, formatTable)
		}
		parts = append(parts, "of event "+strings.Join(ev, ", "))
	}
	if f.Since != "" {
		parts = append(parts, "since "+f.Since)
	}
	if f.Until != "" {
		parts = append(parts, "until "+f.Until)
	}
	if !f.IncludeHypothetical {
		parts = append(parts, "(negated and hypothetical ones left out; see --include-hypothetical)")
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf(" %s", strings.Join(parts, " "))
}
