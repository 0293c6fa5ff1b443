//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// lockFileName is the store's own lock file. Badger keeps a pid file named
// LOCK and flocks the directory itself; a separate file lets us take a lock
// before badger starts, get a typed error, and name the holder.
const lockFileName = "newsgraph.lock"

// dirLock is a flock on DIR/newsgraph.lock: exclusive for a writer, which
// also writes its pid into the file; shared for read-only opens.
type dirLock struct {
	f      *os.File
	writer bool
}

// lockDir takes the lock without waiting. A held lock gives a *LockError.
func lockDir(dir string, readOnly bool) (*dirLock, error) {
	path := filepath.Join(dir, lockFileName)
	var (
		f   *os.File
		err error
	)
	if readOnly {
		f, err = os.Open(path)
		if errors.Is(err, os.ErrNotExist) {
			// Not created by a writer yet (or a read-only copy): badger's
			// own shared lock on the directory still guards us.
			return nil, nil
		}
	} else {
		f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	}
	if err != nil {
		return nil, fmt.Errorf("store: lock %s: %w", dir, err)
	}
	how := unix.LOCK_EX
	if readOnly {
		how = unix.LOCK_SH
	}
	for {
		err = unix.Flock(int(f.Fd()), how|unix.LOCK_NB)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		pid := readPID(f)
		f.Close()
		if err == unix.EWOULDBLOCK {
			return nil, &LockError{Dir: dir, PID: pid, ReadOnly: readOnly}
		}
		return nil, fmt.Errorf("store: lock %s: %w", dir, err)
	}
	l := &dirLock{f: f, writer: !readOnly}
	if l.writer {
		// Best effort: the pid only improves the message of a second open.
		if err := f.Truncate(0); err == nil {
			f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		}
	}
	return l, nil
}

// readPID returns the pid written in the lock file, or 0.
func readPID(f *os.File) int {
	var buf [32]byte
	n, _ := f.ReadAt(buf[:], 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// release clears the pid (so that a later reader's lock error does not name
// a finished process) and drops the lock. It is safe on a nil lock.
func (l *dirLock) release() {
	if l == nil || l.f == nil {
		return
	}
	if l.writer {
		l.f.Truncate(0)
	}
	l.f.Close() // closing the last descriptor drops the flock
	l.f = nil
}
