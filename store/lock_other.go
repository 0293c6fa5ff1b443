//go:build !unix

package store

// dirLock is unused where flock is unavailable; badger's own directory lock
// still refuses a second writer, and Open maps its error to a *LockError.
type dirLock struct{}

func lockDir(dir string, readOnly bool) (*dirLock, error) { return nil, nil }

func (l *dirLock) release() {}
