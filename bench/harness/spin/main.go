// Command spin does a fixed amount of work, split into chunks that
// GOMAXPROCS goroutines take in turn, and exits. The benchmark harness runs
// it with GOMAXPROCS=1 and 2, interleaved with newsgraph's own runs, as the
// machine's reference for the parallel step.
//
// By default the work is pure CPU: a chain of register operations that
// touches no memory and shares nothing, the most two threads could gain in
// those minutes. On a shared virtual machine it is often below 2.
//
// With --table-mib N each step also reads a random word of a table of N
// MiB that the goroutines share, read-only, as extraction's workers share
// its models: work bound by the caches and memory rather than the CPU,
// which a second thread speeds up only as far as the machine's caches and
// memory let it (the table is filled before the work, on one thread).
//
//	spin --chunks 8 --iterations 150000000
//	spin --chunks 8 --iterations 40000000 --table-mib 16
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	chunks := flag.Int("chunks", 8, "pieces of work, taken by the goroutines in turn")
	iterations := flag.Int("iterations", 150_000_000, "steps in each piece")
	tableMiB := flag.Int("table-mib", 0, "if not 0, each step also reads a random word of a shared table of this many MiB (a power of two)")
	flag.Parse()
	if *chunks < 1 || *iterations < 1 {
		fmt.Fprintln(os.Stderr, "spin: --chunks and --iterations must be positive")
		os.Exit(2)
	}
	if *tableMiB < 0 || *tableMiB&(*tableMiB-1) != 0 || *tableMiB > 1<<14 {
		fmt.Fprintln(os.Stderr, "spin: --table-mib must be 0 or a power of two up to 16384")
		os.Exit(2)
	}
	fmt.Println(run(*chunks, *iterations, runtime.GOMAXPROCS(0), newTable(*tableMiB)))
}

// newTable returns a table of mib MiB of words, filled; nil for 0.
func newTable(mib int) []uint64 {
	if mib == 0 {
		return nil
	}
	t := make([]uint64, mib<<20/8)
	for i := range t {
		t[i] = uint64(i) * 0x9e3779b97f4a7c15
	}
	return t
}

// run does chunks pieces of work on workers goroutines and returns a
// checksum, printed so that the compiler cannot drop the work. The work
// reads table at random if it is not nil (its length a power of two).
func run(chunks, iterations, workers int, table []uint64) uint64 {
	var next atomic.Int64
	sums := make([]uint64, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				c := next.Add(1)
				if c > int64(chunks) {
					return
				}
				seed := uint64(c) * 0x9e3779b97f4a7c15
				if table != nil {
					sums[w] += lookups(seed, iterations, table)
				} else {
					sums[w] += xorshift(seed, iterations)
				}
			}
		})
	}
	wg.Wait()
	var sum uint64
	for _, s := range sums {
		sum += s
	}
	return sum
}

// xorshift runs n steps of Marsaglia's xorshift64 from x: a chain of
// dependent register operations, no memory traffic.
func xorshift(x uint64, n int) uint64 {
	for range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// lookups runs n steps of xorshift64 from x, each also adding the word of
// table (whose length is a power of two) that the step's value picks. The
// reads do not depend on each other, so a core keeps several in flight, as
// it does for a hash table's lookups.
func lookups(x uint64, n int, table []uint64) uint64 {
	mask := uint64(len(table) - 1)
	var sum uint64
	for range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		sum += table[x&mask]
	}
	return sum
}
