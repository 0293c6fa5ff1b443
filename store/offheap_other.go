//go:build !unix

package store

// mapPages returns n bytes of zeroed memory. Where there is no mmap it
// comes from the Go heap, and freePages leaves it to the collector.
func mapPages(n int) ([]byte, error) { return make([]byte, n), nil }

// freePages releases memory from mapPages; on the Go heap, nothing to do.
func freePages([]byte) error { return nil }
