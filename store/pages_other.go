//go:build !linux

package store

// releaseTablePages does nothing here: see pages_linux.go.
func releaseTablePages(dir string) bool { return false }
