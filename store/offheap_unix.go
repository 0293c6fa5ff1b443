//go:build unix

package store

import "golang.org/x/sys/unix"

// mapPages returns n bytes of zeroed memory mapped from the operating
// system, outside the Go heap; freePages gives it back. The sorter keeps
// its buffer there (see sorter): memory it frees itself, at known points,
// and which the collector then does not count when it sets its next goal.
func mapPages(n int) ([]byte, error) {
	return unix.Mmap(-1, 0, n, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
}

// freePages unmaps memory from mapPages. Nothing may use it afterwards.
func freePages(b []byte) error {
	if cap(b) == 0 {
		return nil
	}
	return unix.Munmap(b[:cap(b)])
}
