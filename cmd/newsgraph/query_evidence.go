package main

import (
	"cmp"
	"slices"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/store"
)

// evidenceRow is one line of `query evidence`: one supporting sentence.
type evidenceRow struct {
	Date          string  `json:"date"`
	From          string  `json:"from"`
	Predicate     string  `json:"predicate"`
	To            string  `json:"to"`
	Event         string  `json:"event"`
	Sentence      string  `json:"sentence"`
	ArticleID     string  `json:"article_id"`
	Title         string  `json:"title"`
	URL           string  `json:"url" table:"-"`
	SentenceIndex int     `json:"sentence_index" table:"-"`
	Negated       bool    `json:"negated" table:"-"`
	Hypothetical  bool    `json:"hypothetical" table:"-"`
	Confidence    float64 `json:"confidence" table:"-"`
	FromID        string  `json:"from_id" table:"-"`
	ToID          string  `json:"to_id" table:"-"`
}

func newQueryEvidenceCmd(s streams) *cobra.Command {
	var (
		f     queryFlags
		rf    relationFlags
		both  bool
		limit int
	)
	c := &cobra.Command{
		Use:   "evidence X Y",
		Short: "Show the sentences behind the relations of X to Y",
		Long: `evidence prints every sentence from which a relation X → Y was extracted
(and Y → X with --both), oldest first, with its article. X and Y take any
name or alias of an actor (see query actor).

Negated and hypothetical relations are left out unless --include-hypothetical;
--event, --since and --until narrow further.

Fields: date, from, predicate, to, event, sentence (verbatim), article_id,
title, url, sentence_index (from 0), negated, hypothetical, confidence (0–1),
from_id, to_id. The terminal table leaves out url and the columns after it,
and shortens long sentences; the other formats keep them whole.

` + queryExitStatuses,
		Example: `  newsgraph query evidence russia ukraine
  newsgraph query evidence Putin Zelenskyy --both --format json
  newsgraph query evidence nato russia --event threaten -n 5`,
		Args: exactArgs("X", "Y"),
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
			x, err := resolveActor(ctx, st, s, args[0])
			if err != nil {
				return err
			}
			y, err := resolveActor(ctx, st, s, args[1])
			if err != nil {
				return err
			}
			filter.From, filter.To = x.ID, y.ID
			ev, err := st.Evidence(ctx, filter)
			if err != nil {
				return err
			}
			if both && x.ID != y.ID {
				filter.From, filter.To = y.ID, x.ID
				back, err := st.Evidence(ctx, filter)
				if err != nil {
					return err
				}
				ev = append(ev, back...)
				sortEvidence(ev)
			}
			if len(ev) == 0 {
				way := "→"
				if both {
					way = "↔"
				}
				return noMatch(s, "no sentence supports %s %s %s%s", x.Name, way, y.Name, describeFilter(store.RelationFilter{
					Events: filter.Events, Since: filter.Since, Until: filter.Until, IncludeHypothetical: filter.IncludeHypothetical}))
			}
			if limit > 0 && len(ev) > limit {
				ev = ev[:limit]
			}
			names := map[string]string{x.ID: x.Name, y.ID: y.Name}
			rows := make([]evidenceRow, len(ev))
			for i, e := range ev {
				t := e.Triple
				rows[i] = evidenceRow{
					Date: t.Date, From: names[t.SubjectID], Predicate: t.Predicate, To: names[t.ObjectID],
					Event: eventLabel(t.Event, format), Sentence: clipText(t.Sentence, format, 120),
					ArticleID: t.Doc, Title: clipText(e.Article.Title, format, 50), URL: e.Article.URL,
					SentenceIndex: t.SentenceIndex, Negated: t.Negated, Hypothetical: t.Hypothetical,
					Confidence: t.Confidence, FromID: t.SubjectID, ToID: t.ObjectID,
				}
			}
			return writeRecords(s.out, format, rows)
		},
	}
	f.add(c)
	rf.add(c)
	c.Flags().BoolVar(&both, "both", false, "also show the sentences of Y → X")
	c.Flags().IntVarP(&limit, "limit", "n", 0, "show at most `N` sentences (0: all)")
	return c
}

// sortEvidence orders evidence as store.Evidence does: by date (undated
// last), article and sentence.
func sortEvidence(ev []store.Evidence) {
	slices.SortStableFunc(ev, func(a, b store.Evidence) int {
		if (a.Triple.Date == "") != (b.Triple.Date == "") {
			if a.Triple.Date == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(a.Triple.Date, b.Triple.Date), cmp.Compare(a.Triple.Doc, b.Triple.Doc),
			cmp.Compare(a.Triple.SentenceIndex, b.Triple.SentenceIndex))
	})
}
