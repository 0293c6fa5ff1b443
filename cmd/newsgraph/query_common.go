package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/store"
)

// queryExitStatuses is the EXIT STATUS part of every query command's help.
const queryExitStatuses = `Exit status: 0 results printed; 1 nothing matched (a message on stderr says
what) or an error; 2 usage error. Queries never wait for a build and never
exit with 75: they answer from the state the last build published, also
while a build runs, and a build that was killed leaves that state as it was.`

// queryFlags are the flags every query command has.
type queryFlags struct {
	db     string
	format string
}

func (f *queryFlags) add(c *cobra.Command) {
	dbFlag(c, &f.db)
	formatFlag(c, &f.format)
}

// open parses --format for s.out and opens the published state of the
// store read-only. The format is checked first, so that a usage error never
// touches the store.
func (f *queryFlags) open(s streams) (*store.Store, outputFormat, error) {
	format, err := parseFormat(f.format, s.out)
	if err != nil {
		return nil, "", err
	}
	st, err := openStore(f.db, true)
	if err != nil {
		return nil, "", err
	}
	return st, format, nil
}

// noMatch prints why a query found nothing on stderr and returns errNoMatch
// (exit status 1, no further message).
func noMatch(s streams, format string, args ...any) error {
	fmt.Fprintf(s.err, "newsgraph: "+format+"\n", args...)
	return errNoMatch
}

// resolveActor returns the actor name refers to: the actor with that id, or
// whose name, alias or spelling folds to the same form (case, accents and
// punctuation aside). When several do, the most mentioned is taken and the
// others are named on stderr; when none does, the closest names are
// suggested on stderr and the error is errNoMatch.
func resolveActor(ctx context.Context, st *store.Store, s streams, name string) (store.ActorInfo, error) {
	found, err := st.FindActors(ctx, name)
	if err != nil {
		return store.ActorInfo{}, err
	}
	if rest, ok := cutArticle(name); ok && len(found) == 0 {
		// "the Kremlin" is stored as the mention "Kremlin".
		if found, err = st.FindActors(ctx, rest); err != nil {
			return store.ActorInfo{}, err
		}
	}
	if len(found) == 0 {
		sugg, err := st.SuggestActors(ctx, name, 5)
		if err != nil {
			return store.ActorInfo{}, err
		}
		if len(sugg) == 0 {
			return store.ActorInfo{}, noMatch(s, "no actor is called %q (see `newsgraph query actors`)", name)
		}
		names := make([]string, len(sugg))
		for i, sg := range sugg {
			names[i] = fmt.Sprintf("%s (%s)", sg.Actor.Name, sg.Actor.ID)
		}
		return store.ActorInfo{}, noMatch(s, "no actor is called %q; did you mean %s?", name, strings.Join(names, ", "))
	}
	if i := slices.IndexFunc(found, func(a store.ActorInfo) bool { return a.ID == name }); i >= 0 {
		return found[i], nil // an exact id is unambiguous
	}
	if len(found) > 1 {
		others := make([]string, 0, len(found)-1)
		for _, a := range found[1:] {
			others = append(others, fmt.Sprintf("%s (%s)", a.Name, a.ID))
		}
		fmt.Fprintf(s.err, "newsgraph: %q also names %s; showing %s (%s), the most mentioned: give an id to choose\n",
			name, strings.Join(others, ", "), found[0].Name, found[0].ID)
	}
	return found[0], nil
}

// relationFlags select relations: event types, a date range, and whether
// negated and hypothetical ones count.
type relationFlags struct {
	events       []string
	since, until string
	hypothetical bool
}

func (f *relationFlags) add(c *cobra.Command) {
	c.Flags().StringSliceVar(&f.events, "event", nil, "keep only relations of these PLOVER event `TYPES` (comma-separated or repeated; \"none\" for relations without one)")
	c.Flags().StringVar(&f.since, "since", "", "keep relations dated on or after `DATE` (YYYY-MM-DD, YYYY-MM or YYYY)")
	c.Flags().StringVar(&f.until, "until", "", "keep relations dated on or before `DATE` (YYYY-MM-DD, YYYY-MM or YYYY: the end of that month or year)")
	c.Flags().BoolVar(&f.hypothetical, "include-hypothetical", false, "count negated and hypothetical relations too")
}

// filter returns the store filter of the flags, or a usage error.
func (f *relationFlags) filter() (store.RelationFilter, error) {
	rf := store.RelationFilter{IncludeHypothetical: f.hypothetical}
	known := ploverEvents()
	for _, e := range f.events {
		e = strings.ToUpper(strings.TrimSpace(e))
		switch {
		case e == "NONE":
			e = ""
		case !slices.Contains(known, e):
			return rf, usageError{fmt.Errorf("--event %q: not a PLOVER event type (want one of %s, or none)", e, strings.Join(known, ", "))}
		}
		rf.Events = append(rf.Events, e)
	}
	var err error
	if rf.Since, err = parseDateBound("--since", f.since, false); err != nil {
		return rf, err
	}
	if rf.Until, err = parseDateBound("--until", f.until, true); err != nil {
		return rf, err
	}
	if rf.Since != "" && rf.Until != "" && rf.Since > rf.Until {
		return rf, usageError{fmt.Errorf("--since %s is after --until %s", f.since, f.until)}
	}
	return rf, nil
}

// ploverEvents returns the PLOVER event types the extractor assigns.
func ploverEvents() []string {
	return []string{
		extract.Agree, extract.Consult, extract.Support, extract.Concede, extract.Cooperate, extract.Aid,
		extract.Retreat, extract.Demand, extract.Disapprove, extract.Reject, extract.Threaten, extract.Protest,
		extract.Sanction, extract.Mobilize, extract.Coerce, extract.Assault, extract.Fight, extract.Investigate,
	}
}

// parseDateBound turns YYYY-MM-DD, YYYY-MM or YYYY into a YYYY-MM-DD bound:
// the first day of the month or year, or with end the last.
func parseDateBound(flag, s string, end bool) (string, error) {
	if s == "" {
		return "", nil
	}
	for _, layout := range []struct {
		layout string
		years  int
		months int
	}{{time.DateOnly, 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		t, err := time.Parse(layout.layout, s)
		if err != nil {
			continue
		}
		if end && (layout.years > 0 || layout.months > 0) {
			t = t.AddDate(layout.years, layout.months, -1)
		}
		return t.Format(time.DateOnly), nil
	}
	return "", usageError{fmt.Errorf("%s %q: want a date as YYYY-MM-DD, YYYY-MM or YYYY", flag, s)}
}

// actorNames returns the display names of ids, falling back to the id for
// an actor that is gone.
func actorNames(ctx context.Context, st *store.Store, ids []string) (map[string]string, error) {
	names, err := st.ActorNames(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if _, ok := names[id]; !ok {
			names[id] = id
		}
	}
	return names, nil
}

// clipText shortens long text for the aligned table, where one long cell
// would push every row wide; the other formats keep it whole.
func clipText(s string, f outputFormat, limit int) string {
	if f != formatTable {
		return s
	}
	if r := []rune(s); len(r) > limit {
		return string(r[:limit-1]) + "…"
	}
	return s
}

// cutArticle removes a leading "the" from a name.
func cutArticle(name string) (string, bool) {
	f := strings.Fields(name)
	if len(f) >= 2 && strings.EqualFold(f[0], "the") {
		return strings.Join(f[1:], " "), true
	}
	return name, false
}
