//go:build unix

package store

import "golang.org/x/sys/unix"

// freeSpace returns the bytes available to an unprivileged writer on the
// file system holding dir, and false when it cannot be told.
func freeSpace(dir string) (uint64, bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return uint64(st.Bavail) * uint64(st.Bsize), true
}
