package main

import "testing"

// TestRunSplitsTheSameWork checks that the goroutines share the chunks
// rather than each doing them all: the checksum, a sum over the chunks, is
// the same on one goroutine and on several, and differs from one chunk
// more; with a table and without.
func TestRunSplitsTheSameWork(t *testing.T) {
	for _, mib := range []int{0, 1} {
		table := newTable(mib)
		one := run(5, 1000, 1, table)
		for _, workers := range []int{2, 3, 8} {
			if got := run(5, 1000, workers, table); got != one {
				t.Errorf("table %d MiB: run(5, 1000, %d) = %d, want %d as on one goroutine", mib, workers, got, one)
			}
		}
		if run(6, 1000, 2, table) == one {
			t.Errorf("table %d MiB: run(6, 1000, 2) = run(5, 1000, 1): the sixth chunk did no work", mib)
		}
	}
}

// TestLookupsReadTheTable checks that the table's content changes the
// result: the reads are not optimised away.
func TestLookupsReadTheTable(t *testing.T) {
	a := newTable(1)
	b := newTable(1)
	for i := range b {
		b[i]++
	}
	if lookups(1, 100, a) == lookups(1, 100, b) {
		t.Error("lookups gave the same sum for two tables that differ in every word")
	}
}
