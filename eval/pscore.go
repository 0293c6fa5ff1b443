package eval

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/news"
)

// Labels of the per-event rows for records without a PLOVER type.
const (
	NoType  = "(no type)"  // a relation whose CAMEO code has no PLOVER type
	NoEvent = "(no event)" // negatives: records coded as holding no event
)

// EventScore is the outcome over a set of benchmark records: all of them,
// or those of one event type.
type EventScore struct {
	Event         string  `json:"event"`          // PLOVER type, "all", NoType or NoEvent
	Records       int     `json:"records"`        // records with an expected pair: the recall denominator
	Found         int     `json:"found"`          // records with a triple that matches one of their pairs
	Triples       int     `json:"triples"`        // triples extracted from the records: the precision denominator
	Matched       int     `json:"matched"`        // triples that match one of their own record's pairs
	Precision     float64 `json:"precision"`      // Matched / Triples
	Recall        float64 `json:"recall"`         // Found / Records
	F1            float64 `json:"f1"`             // harmonic mean of Precision and Recall
	EventJudged   int     `json:"event_judged"`   // found records whose matched pair has a PLOVER type
	EventCorrect  int     `json:"event_correct"`  // of those, records where a matching triple has that type
	EventAccuracy float64 `json:"event_accuracy"` // EventCorrect / EventJudged
}

func (s *EventScore) finish() {
	s.Precision = ratio(s.Matched, s.Triples)
	s.Recall = ratio(s.Found, s.Records)
	s.F1 = f1(s.Precision, s.Recall)
	s.EventAccuracy = ratio(s.EventCorrect, s.EventJudged)
}

// RecordMiss is a record whose pair was not found, or found with the wrong
// event type.
type RecordMiss struct {
	ID      string   `json:"id"`
	Event   string   `json:"event"`   // expected PLOVER type
	Sources []string `json:"sources"` // expected source actors
	Targets []string `json:"targets"` // expected target actors
	Got     []string `json:"got"`     // the record's triples as "subject predicate object [EVENT]"
	Text    string   `json:"text"`
}

// PloverReport is the outcome of scoring against a benchmark.
type PloverReport struct {
	Records        int           `json:"records"`         // records in the benchmark
	Scored         int           `json:"scored"`          // records with an expected pair and an extraction
	Negative       int           `json:"negative"`        // negatives with an extraction
	Skipped        int           `json:"skipped"`         // records without a usable pair (no target, unknown actor): not scored
	Unread         int           `json:"unread"`          // scorable records without an extraction: not scored
	Total          EventScore    `json:"total"`           // all scored and negative records
	ByEvent        []EventScore  `json:"by_event"`        // one row per expected event type, sorted
	Misses         []RecordMiss  `json:"misses"`          // records not found, in file order
	WrongEvents    []RecordMiss  `json:"wrong_events"`    // records found with no triple of the expected type
	FalsePositives []news.Triple `json:"false_positives"` // triples matching none of their record's pairs
}

// Score scores extractions of the benchmark's articles (see Articles).
// Records without an extraction are counted as Unread and left out. It
// fails only when the built-in gazetteer cannot be loaded.
func (p *Plover) Score(exs []news.Extraction) (*PloverReport, error) {
	g := p.Gazetteer
	if g == nil {
		entries, err := gazetteer.Builtin()
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		if g, err = gazetteer.New(entries, gazetteer.Options{FoldInstitutions: true}); err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
	}
	m := newNameMatcher(g)
	read := map[string]bool{}
	byDoc := map[string][]news.Triple{}
	for _, ex := range exs {
		read[ex.Article.ID] = true
		for _, t := range ex.Triples {
			byDoc[t.Doc] = append(byDoc[t.Doc], t)
		}
	}
	r := &PloverReport{
		Records:        len(p.Records),
		Total:          EventScore{Event: "all"},
		ByEvent:        []EventScore{},
		Misses:         []RecordMiss{},
		WrongEvents:    []RecordMiss{},
		FalsePositives: []news.Triple{},
	}
	rows := map[string]*EventScore{}
	for _, rec := range p.Records {
		switch {
		case !rec.scorable():
			r.Skipped++
			continue
		case !read[rec.ID]:
			r.Unread++
			continue
		}
		label := rec.Event
		switch {
		case rec.Negative:
			label = NoEvent
			r.Negative++
		case label == "":
			label = NoType
		}
		if len(rec.Pairs) > 0 {
			r.Scored++
		}
		row := rows[label]
		if row == nil {
			row = &EventScore{Event: label}
			rows[label] = row
		}
		o := m.scoreRecord(rec, byDoc[rec.ID])
		for _, s := range []*EventScore{&r.Total, row} {
			s.Triples += len(byDoc[rec.ID])
			s.Matched += o.matched
			if len(rec.Pairs) > 0 {
				s.Records++
			}
			if o.found {
				s.Found++
			}
			if o.judged {
				s.EventJudged++
			}
			if o.judged && o.eventOK {
				s.EventCorrect++
			}
		}
		r.FalsePositives = append(r.FalsePositives, o.unmatched...)
		switch {
		case len(rec.Pairs) > 0 && !o.found:
			r.Misses = append(r.Misses, recordMiss(rec, byDoc[rec.ID]))
		case o.judged && !o.eventOK:
			r.WrongEvents = append(r.WrongEvents, recordMiss(rec, byDoc[rec.ID]))
		}
	}
	r.Total.finish()
	for _, row := range rows {
		row.finish()
		r.ByEvent = append(r.ByEvent, *row)
	}
	slices.SortFunc(r.ByEvent, func(a, b EventScore) int { return cmp.Compare(a.Event, b.Event) })
	return r, nil
}

// recordOutcome is how one record's triples fared.
type recordOutcome struct {
	found     bool          // a triple matches one of the pairs
	matched   int           // triples that match one of the pairs
	judged    bool          // a matched pair has a PLOVER type
	eventOK   bool          // a triple matching a typed pair has its type
	unmatched []news.Triple // triples matching no pair
}

func (m *nameMatcher) scoreRecord(rec Record, ts []news.Triple) recordOutcome {
	var o recordOutcome
	for _, t := range ts {
		hit := false
		for _, pr := range rec.Pairs {
			if !m.pairMatches(t, pr) {
				continue
			}
			hit = true
			if pr.Event != "" {
				o.judged = true
				o.eventOK = o.eventOK || t.Event == pr.Event
			}
		}
		if hit {
			o.found = true
			o.matched++
		} else {
			o.unmatched = append(o.unmatched, t)
		}
	}
	return o
}

// pairMatches reports whether t's subject names a source and its object a
// target of pr (for Either pairs: two different listed actors, in either
// order).
func (m *nameMatcher) pairMatches(t news.Triple, pr Pair) bool {
	for i, s := range pr.Sources {
		if !m.names(t.Subject, s) {
			continue
		}
		for j, o := range pr.Targets {
			if pr.Either && i == j && len(pr.Sources) > 1 {
				continue
			}
			if m.names(t.Object, o) {
				return true
			}
		}
	}
	return false
}

func recordMiss(rec Record, ts []news.Triple) RecordMiss {
	rm := RecordMiss{ID: rec.ID, Event: rec.Event, Sources: []string{}, Targets: []string{}, Got: []string{}, Text: rec.Text}
	for _, pr := range rec.Pairs {
		for _, a := range pr.Sources {
			if l := a.label(); !slices.Contains(rm.Sources, l) {
				rm.Sources = append(rm.Sources, l)
			}
		}
		for _, a := range pr.Targets {
			if l := a.label(); !slices.Contains(rm.Targets, l) {
				rm.Targets = append(rm.Targets, l)
			}
		}
	}
	for _, t := range ts {
		s := fmt.Sprintf("%s %s %s", t.Subject, t.Predicate, t.Object)
		if t.Event != "" {
			s += " [" + t.Event + "]"
		}
		rm.Got = append(rm.Got, s)
	}
	return rm
}
