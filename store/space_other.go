//go:build !unix

package store

// freeSpace cannot tell the free space here: the checks pass.
func freeSpace(dir string) (uint64, bool) { return 0, false }
