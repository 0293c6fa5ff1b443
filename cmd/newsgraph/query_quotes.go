package main

import (
	"github.com/spf13/cobra"
)

// quoteRow is one line of `query quotes`: one statement of the actor.
type quoteRow struct {
	Date          string `json:"date"`
	Speaker       string `json:"speaker"`
	Verb          string `json:"verb"`
	Text          string `json:"text"`
	ArticleID     string `json:"article_id"`
	Sentence      string `json:"sentence" table:"-"`
	SentenceIndex int    `json:"sentence_index" table:"-"`
	SpeakerID     string `json:"speaker_id" table:"-"`
}

func newQueryQuotesCmd(s streams) *cobra.Command {
	var (
		f     queryFlags
		limit int
	)
	c := &cobra.Command{
		Use:   "quotes X",
		Short: "Show what X is reported to have said",
		Long: `quotes prints the statements attributed to X ("X said ...", "X told
reporters ...", a quotation with X as its speaker), newest first. "X said"
is no relation between actors, so these are not in the graph; they are kept
with their article and replaced with it. X takes any name or alias of an
actor (see query actor).

Fields: date, speaker, verb (the reporting verb's lemma), text (the quotation,
or the reported clause), article_id, sentence (verbatim), sentence_index
(from 0), speaker_id. The terminal table leaves out the last three and
shortens long text; the other formats keep it whole.

` + queryExitStatuses,
		Example: `  newsgraph query quotes putin
  newsgraph query quotes "the Kremlin" -n 5 --format json`,
		Args: exactArgs("X"),
		RunE: func(c *cobra.Command, args []string) error {
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
			qs, err := st.QuotesBy(ctx, x.ID, limit)
			if err != nil {
				return err
			}
			if len(qs) == 0 {
				return noMatch(s, "no statement of %s is stored", x.Name)
			}
			rows := make([]quoteRow, len(qs))
			for i, q := range qs {
				rows[i] = quoteRow{
					Date: q.Date, Speaker: x.Name, Verb: q.Verb, Text: clipText(q.Text, format, 120),
					ArticleID: q.Doc, Sentence: q.Sentence, SentenceIndex: q.SentenceIndex, SpeakerID: q.SpeakerID,
				}
			}
			return writeRecords(s.out, format, rows)
		},
	}
	f.add(c)
	c.Flags().IntVarP(&limit, "limit", "n", 0, "show at most `N` statements (0: all)")
	return c
}
