package main

import "testing"

// TestRunSplitsTheSameWork checks that the goroutines share the chunks
// rather than each doing them all: the checksum, a sum over the chunks, is
// the same on one goroutine and on several, and differs from one chunk
// more.
func TestRunSplitsTheSameWork(t *testing.T) {
	one := run(5, 1000, 1)
	for _, workers := range []int{2, 3, 8} {
		if got := run(5, 1000, workers); got != one {
			t.Errorf("run(5, 1000, %d) = %d, want %d as on one goroutine", workers, got, one)
		}
	}
	if run(6, 1000, 2) == one {
		t.Error("run(6, 1000, 2) = run(5, 1000, 1): the sixth chunk did no work")
	}
}
