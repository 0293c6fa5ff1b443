//go:build unix

package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sys/unix"
)

// dirLock is the writer's exclusive flock on DIR/newsgraph.lock. The file
// holds a description of the holder (see holderInfo), written when the lock
// is taken and cleared when it is released, so that a second writer's
// *LockError can name it. Readers never touch it.
type dirLock struct {
	f *os.File
}

// lockPollInterval is how often a writer asked to wait retries the lock.
const lockPollInterval = 100 * time.Millisecond

// lockDir takes the writer's lock on dir. With wait > 0 it retries until
// wait has elapsed or ctx is done; otherwise it tries once. A lock held by
// another process gives a *LockError naming the holder.
func lockDir(ctx context.Context, dir string, wait time.Duration) (*dirLock, error) {
	path := filepath.Join(dir, lockFileName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, unix.EROFS) {
			return nil, fmt.Errorf("store %s: cannot write there (%w): a writer needs a writable folder", dir, err)
		}
		return nil, fmt.Errorf("store %s: lock: %w", dir, err)
	}
	deadline := time.Now().Add(wait)
	for {
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		if err == unix.EINTR {
			continue
		}
		if err != unix.EWOULDBLOCK || wait <= 0 || !time.Now().Before(deadline) {
			break
		}
		t := time.NewTimer(min(lockPollInterval, time.Until(deadline)))
		select {
		case <-ctx.Done():
			t.Stop()
			f.Close()
			return nil, fmt.Errorf("store %s: waiting for the writer to finish: %w", dir, ctx.Err())
		case <-t.C:
		}
	}
	if err != nil {
		le := readHolder(f)
		le.Dir, le.Waited = dir, wait
		f.Close()
		if err == unix.EWOULDBLOCK {
			return nil, le
		}
		return nil, fmt.Errorf("store %s: lock: %w", dir, err)
	}
	// Best effort: the description only improves a second writer's message.
	if err := f.Truncate(0); err == nil {
		f.WriteAt(holderInfo(time.Now()), 0)
	}
	return &dirLock{f: f}, nil
}

// readHolder returns a *LockError holding what the lock file says of its
// holder (Dir and Waited unset).
func readHolder(f *os.File) *LockError {
	var buf [4096]byte
	n, _ := f.ReadAt(buf[:], 0)
	return parseHolder(buf[:n])
}

// release clears the holder's description (so that a later message does
// not name a finished process) and drops the lock. It is safe on a nil
// lock and when called twice.
func (l *dirLock) release() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Truncate(0)
	l.f.Close() // closing the last descriptor drops the flock
	l.f = nil
}

// genInUse reports whether a process has the badger database in dir open:
// badger flocks the folder itself, shared for read-only opens and
// exclusive for writers. When it returns false it holds the exclusive
// lock until unlock is called, so that no reader can open the folder while
// it is removed.
func genInUse(dir string) (inUse bool, unlock func()) {
	f, err := os.Open(dir)
	if err != nil {
		return false, func() {}
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return err == unix.EWOULDBLOCK, func() {}
	}
	return false, func() { f.Close() }
}

// writable reports an error when dir cannot be written: a read-only file
// system, or (for users other than root) missing permission.
func writable(dir string) error {
	if err := unix.Access(dir, unix.W_OK); err != nil {
		return fmt.Errorf("store %s: the folder is read-only (%w): a build needs to write there; queries can still read it",
			dir, err)
	}
	return nil
}
