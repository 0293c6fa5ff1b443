package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/bench/querybench"
	"github.com/newsgraph/newsgraph/store"
)

// BenchmarkQuery1M measures `query actor`, `query relations --from X` and
// `query evidence X Y` end to end, as a user runs them (flags, opening the
// store read-only, the query, TSV output, closing), on a store of 1 000 000
// generated triples among 2000 actors with Zipf frequencies
// (bench/querybench). Query targets are drawn with the same frequencies, so
// frequent actors are asked about as often as they appear; the worst case,
// the most frequent actor, is measured on its own too.
//
// The store is built once per process in a temporary directory, through
// store.Ingest, which takes a minute or two: the benchmark runs only when
// asked for with -bench, and not with -short. Each sub-benchmark reports
// the median and the 99th percentile of its runs:
//
//	go test ./cmd/newsgraph -run '^$' -bench Query1M -benchtime 200x
func BenchmarkQuery1M(b *testing.B) {
	if testing.Short() {
		b.Skip("building a store of a million triples takes minutes")
	}
	ctx := context.Background()
	dir := b.TempDir()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	corpus, err := querybench.Generate(ctx, st, querybench.Config{})
	if err != nil {
		b.Fatal(err)
	}
	// Partners for evidence queries: the objects of each subject's
	// asserted relations (evidence leaves hypothetical ones out), read
	// before the store is closed (not timed).
	partners := map[string][]string{}
	partnersOf := func(id string) []string {
		if p, ok := partners[id]; ok {
			return p
		}
		seen := map[string]bool{}
		st.RelationsFrom(ctx, id, func(r store.Relation) error {
			if r.Asserted() && !seen[r.ObjectID] {
				seen[r.ObjectID] = true
				partners[id] = append(partners[id], r.ObjectID)
			}
			return nil
		})
		slices.Sort(partners[id])
		return partners[id]
	}
	r := rand.New(rand.NewPCG(7, 11))
	const queries = 1000
	type pair struct{ x, y string }
	evPairs := make([]pair, 0, queries)
	for len(evPairs) < queries {
		x := corpus.Pick(r)
		ps := partnersOf(x.ID)
		if len(ps) == 0 {
			continue
		}
		// The partner too is drawn by frequency: a query about a pair is
		// most often about a pair that is often in the news.
		y := ps[r.IntN(len(ps))]
		for range 3 {
			if c := corpus.Pick(r); slices.Contains(ps, c.ID) {
				y = c.ID
				break
			}
		}
		evPairs = append(evPairs, pair{x.ID, y})
	}
	if err := st.Commit(); err != nil {
		b.Fatal(err)
	}
	b.Logf("store: %d triples in %d articles, %d actors, generated in %s", corpus.Triples, corpus.Articles,
		len(corpus.Actors), corpus.Elapsed.Round(time.Second))

	// names asks for actors by a spelling people type: lower case, an
	// alias a third of the time.
	name := func(a querybench.Actor) string {
		if a.Alias != "" && r.IntN(3) == 0 {
			return strings.ToLower(a.Alias)
		}
		return strings.ToLower(a.Name)
	}
	hub := corpus.Actors[0]
	hubPartner := partners[hub.ID][0]
	for _, bm := range []struct {
		name string
		args func(i int) []string
	}{
		{"open", nil}, // opening and closing the store read-only, nothing else
		{"actor", func(int) []string { return []string{"query", "actor", name(corpus.Pick(r))} }},
		{"relations_from", func(int) []string { return []string{"query", "relations", "--from", corpus.Pick(r).ID} }},
		{"evidence", func(i int) []string { p := evPairs[i%len(evPairs)]; return []string{"query", "evidence", p.x, p.y} }},
		{"actor_hub", func(int) []string { return []string{"query", "actor", hub.ID} }},
		{"relations_from_hub", func(int) []string { return []string{"query", "relations", "--from", hub.ID} }},
		{"evidence_hub", func(int) []string { return []string{"query", "evidence", hub.ID, hubPartner} }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			var out, errb bytes.Buffer
			times := make([]time.Duration, 0, b.N)
			for i := range b.N {
				if bm.args == nil {
					start := time.Now()
					s, err := openStore(dir, true)
					if err != nil {
						b.Fatal(err)
					}
					s.Close()
					times = append(times, time.Since(start))
					continue
				}
				args := append(bm.args(i), "--db", dir)
				out.Reset()
				errb.Reset()
				start := time.Now()
				code := run(ctx, args, streams{in: strings.NewReader(""), out: &out, err: &errb})
				times = append(times, time.Since(start))
				if code != 0 {
					b.Fatalf("%v: exit %d: %s", args, code, errb.String())
				}
			}
			slices.Sort(times)
			median := times[len(times)/2]
			p99 := times[min(len(times)-1, (len(times)*99+99)/100-1)]
			b.ReportMetric(float64(median.Microseconds())/1000, "median-ms")
			b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
		})
	}
}
