// Command spin does a fixed amount of pure CPU work, split into chunks that
// GOMAXPROCS goroutines take in turn, and exits. The benchmark harness runs
// it with GOMAXPROCS=1 and 2, interleaved with newsgraph's own runs, as the
// machine's reference for the parallel step: the speed-up of work that
// touches no memory and shares nothing is the most two threads could gain
// in those minutes. On a shared virtual machine it is often below 2.
//
//	spin --chunks 8 --iterations 150000000
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
	iterations := flag.Int("iterations", 150_000_000, "xorshift steps in each piece")
	flag.Parse()
	if *chunks < 1 || *iterations < 1 {
		fmt.Fprintln(os.Stderr, "spin: --chunks and --iterations must be positive")
		os.Exit(2)
	}
	fmt.Println(run(*chunks, *iterations, runtime.GOMAXPROCS(0)))
}

// run does chunks pieces of xorshift work on workers goroutines and returns
// a checksum, printed so that the compiler cannot drop the work.
func run(chunks, iterations, workers int) uint64 {
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
				sums[w] += xorshift(uint64(c)*0x9e3779b97f4a7c15, iterations)
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
