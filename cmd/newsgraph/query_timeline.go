package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/store"
)

// timelineRow is one bucket of `query timeline`.
type timelineRow struct {
	Bucket string `json:"bucket"`
	Start  string `json:"start"`
	Out    int    `json:"out"`
	In     int    `json:"in"`
	Total  int    `json:"total"`
}

// bucketing maps dates to buckets of a day, an ISO week or a month.
type bucketing string

const (
	bucketDay   bucketing = "day"
	bucketWeek  bucketing = "week"
	bucketMonth bucketing = "month"
)

// start returns the first day of the bucket holding t.
func (b bucketing) start(t time.Time) time.Time {
	switch b {
	case bucketWeek:
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) // back to Monday
	case bucketMonth:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// next returns the start of the following bucket.
func (b bucketing) next(start time.Time) time.Time {
	switch b {
	case bucketWeek:
		return start.AddDate(0, 0, 7)
	case bucketMonth:
		return start.AddDate(0, 1, 0)
	}
	return start.AddDate(0, 0, 1)
}

// label names the bucket starting at start: 2025-02-03, 2025-W06, 2025-02.
func (b bucketing) label(start time.Time) string {
	switch b {
	case bucketWeek:
		y, w := start.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case bucketMonth:
		return start.Format("2006-01")
	}
	return start.Format(time.DateOnly)
}

func newQueryTimelineCmd(s streams) *cobra.Command {
	var (
		f      queryFlags
		rf     relationFlags
		bucket string
	)
	c := &cobra.Command{
		Use:   "timeline X [Y]",
		Short: "Count relations over time for an actor or a pair",
		Long: `timeline counts, per day, ISO week or month, the relations X takes part in:
out with X as subject, in with X as object. With Y it counts the relations
between the two: out for X → Y, in for Y → X. Buckets without relations
between the first and the last are listed with zeros, so the rows can be
plotted as they are. X and Y take any name or alias of an actor.

On a terminal each bucket gets a bar; piped, plain rows. Undated relations
cannot be placed: their number is given on stderr. Negated and hypothetical
relations are left out unless --include-hypothetical; --event, --since and
--until narrow further.

Fields: bucket (2025-02-03, 2025-W06 or 2025-02), start (its first day,
YYYY-MM-DD), out, in, total.

` + queryExitStatuses,
		Example: `  newsgraph query timeline russia
  newsgraph query timeline russia ukraine --bucket week --event assault,fight
  newsgraph query timeline nato --since 2024 --format csv > nato.csv`,
		Args: func(c *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return usageError{fmt.Errorf("missing X (see %s --help)", c.CommandPath())}
			case len(args) > 2:
				return usageError{fmt.Errorf("too many arguments: want X [Y] (see %s --help)", c.CommandPath())}
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			filter, err := rf.filter()
			if err != nil {
				return err
			}
			b := bucketing(strings.ToLower(bucket))
			if b != bucketDay && b != bucketWeek && b != bucketMonth {
				return usageError{fmt.Errorf("--bucket %q: want day, week or month", bucket)}
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
			out, in := filter, filter
			out.From, in.To = x.ID, x.ID
			what := x.Name
			if len(args) == 2 {
				y, err := resolveActor(ctx, st, s, args[1])
				if err != nil {
					return err
				}
				out.To, in.From = y.ID, y.ID
				what = x.Name + " and " + y.Name
			}
			counts := map[string][2]int{} // date → out, in
			undated := 0
			count := func(i int) func(r store.Relation) error {
				return func(r store.Relation) error {
					if i == 1 && r.SubjectID == r.ObjectID {
						return nil // a self-relation counts once, as out
					}
					if r.Date == "" {
						undated++
						return nil
					}
					c := counts[r.Date]
					c[i]++
					counts[r.Date] = c
					return nil
				}
			}
			if err := st.EachMatch(ctx, out, count(0)); err != nil {
				return err
			}
			if len(args) < 2 || out.To != x.ID {
				if err := st.EachMatch(ctx, in, count(1)); err != nil {
					return err
				}
			}
			if undated > 0 {
				fmt.Fprintf(s.err, "newsgraph: %d undated relations of %s are not in the timeline\n", undated, what)
			}
			rows, err := timelineRows(b, counts)
			if err != nil {
				return err
			}
			if len(rows) == 0 {
				return noMatch(s, "no dated relations of %s%s", what, describeFilter(store.RelationFilter{
					Events: filter.Events, Since: filter.Since, Until: filter.Until, IncludeHypothetical: filter.IncludeHypothetical}))
			}
			if format == formatTable {
				return writeTimelineChart(s.out, rows)
			}
			return writeRecords(s.out, format, rows)
		},
	}
	f.add(c)
	rf.add(c)
	c.Flags().StringVar(&bucket, "bucket", "month", "bucket `SIZE`: day, week or month")
	return c
}

// timelineRows buckets the per-date counts, with empty buckets filled in
// between the first and the last. Dates that do not parse are an error.
func timelineRows(b bucketing, counts map[string][2]int) ([]timelineRow, error) {
	sums := map[time.Time][2]int{}
	var first, last time.Time
	for d, c := range counts {
		t, err := time.Parse(time.DateOnly, d)
		if err != nil {
			return nil, fmt.Errorf("relation dated %q: %w", d, err)
		}
		st := b.start(t)
		s := sums[st]
		s[0] += c[0]
		s[1] += c[1]
		sums[st] = s
		if first.IsZero() || st.Before(first) {
			first = st
		}
		if st.After(last) {
			last = st
		}
	}
	rows := []timelineRow{}
	if len(sums) == 0 {
		return rows, nil
	}
	for st := first; !st.After(last); st = b.next(st) {
		s := sums[st]
		rows = append(rows, timelineRow{Bucket: b.label(st), Start: st.Format(time.DateOnly), Out: s[0], In: s[1], Total: s[0] + s[1]})
	}
	return rows, nil
}

// writeTimelineChart writes the buckets with a bar each, scaled to the
// largest total.
func writeTimelineChart(w io.Writer, rows []timelineRow) error {
	const width = 40
	top := 0
	for _, r := range rows {
		top = max(top, r.Total)
	}
	cells := make([][]string, len(rows))
	for i, r := range rows {
		n := 0
		if r.Total > 0 {
			n = max(1, int(math.Round(float64(r.Total)*width/float64(top))))
		}
		cells[i] = []string{r.Bucket, strconv.Itoa(r.Out), strconv.Itoa(r.In), strconv.Itoa(r.Total), strings.Repeat("█", n)}
	}
	return writeTable(w, true, []string{"bucket", "out", "in", "total", ""}, cells)
}
