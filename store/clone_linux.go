package store

import (
	"os"

	"golang.org/x/sys/unix"
)

// cloneFile makes dst share src's blocks copy-on-write (FICLONE: a reflink,
// on btrfs, XFS and other file systems that support it). It fails where the
// file system does not, and the caller copies instead.
func cloneFile(dst, src *os.File) error {
	return unix.IoctlFileClone(int(dst.Fd()), int(src.Fd()))
}
