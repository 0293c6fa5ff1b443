package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
)

// newFilePerm is the permission of a file that WriteFile creates: readable
// by all, writable by the owner.
const newFilePerm fs.FileMode = 0o644

// WriteFile replaces the file at path with what write writes, atomically and
// durably: write's output goes through a bufio.Writer into a temporary file
// named ".<base>.tmp-*" in path's folder, which is flushed, fsynced, closed
// and renamed onto path, and then the folder is fsynced so that the rename
// survives a crash.
//
// A reader sees either the old file or the complete new one, never a part.
// If write or any step before the rename fails (or write panics), the
// temporary file is removed, an existing file at path is left untouched,
// and the error is returned wrapped with path. An error from fsyncing the
// folder is returned too, although the new file is then already in place.
//
// A new file gets permission 0644 (set explicitly, so the umask does not
// apply); a replaced regular file keeps its permission bits. A symbolic link at path
// is replaced by a regular file, not followed. path "-" has no special
// meaning here: callers write standard output themselves.
func WriteFile(path string, write func(io.Writer) error) error {
	dir, base := filepath.Dir(path), filepath.Base(path)
	perm := newFilePerm
	if fi, err := os.Lstat(path); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("write %s: is a directory", path)
		}
		if fi.Mode().IsRegular() {
			perm = fi.Mode().Perm()
		}
	}

	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	renamed := false
	defer func() {
		if !renamed {
			_ = f.Close() // may already be closed; the write error matters
			_ = os.Remove(tmp)
		}
	}()

	if err := f.Chmod(perm); err != nil && runtime.GOOS != "windows" {
		return fmt.Errorf("write %s: %w", path, err)
	}
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	renamed = true
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// syncDir fsyncs the folder dir so that a rename into it is durable. File
// systems and platforms that cannot fsync a folder are not an error.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil // folders cannot be opened for fsync; NTFS journals renames
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if errors.Is(err, errors.ErrUnsupported) || errors.Is(err, syscall.EINVAL) {
		err = nil
	}
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync folder %s: %w", dir, err)
	}
	return nil
}
