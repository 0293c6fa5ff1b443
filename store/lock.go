package store

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// lockFileName is the writer's lock file in the store folder. Badger keeps a
// pid file named LOCK and flocks each generation folder itself; this file
// is newsgraph's own, taken before any generation is touched, so that one
// writer at a time works on the folder, a second one gets a typed error
// naming the first, and readers (who never take it) are never refused.
const lockFileName = "newsgraph.lock"

// maxCommandLen bounds the command line recorded in the lock file.
const maxCommandLen = 300

// holderInfo is what a writer writes into the lock file: its pid, when it
// took the lock and its command line, one "key=value" a line.
func holderInfo(now time.Time) []byte {
	cmd := strings.Join(os.Args, " ")
	cmd = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, cmd)
	if len(cmd) > maxCommandLen {
		cmd = cmd[:maxCommandLen] + "…"
	}
	return fmt.Appendf(nil, "pid=%d\nstarted=%s\ncommand=%s\n", os.Getpid(), now.Format(time.RFC3339), cmd)
}

// parseHolder reads what holderInfo wrote. A file of the first layout held
// only the pid; an empty or unreadable file gives a LockError naming no
// holder.
func parseHolder(b []byte) *LockError {
	le := &LockError{}
	b = bytes.TrimSpace(b)
	if pid, err := strconv.Atoi(string(b)); err == nil && pid > 0 {
		le.PID = pid
		return le
	}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		switch k {
		case "pid":
			if pid, err := strconv.Atoi(v); err == nil && pid > 0 {
				le.PID = pid
			}
		case "started":
			if t, err := time.Parse(time.RFC3339, v); err == nil {
				le.Started = t
			}
		case "command":
			le.Command = v
		}
	}
	return le
}

// LockError reports that another process is writing the store folder. It
// wraps ErrLocked. Only writers can get it: readers never wait for a
// writer.
type LockError struct {
	Dir     string        // the store folder
	PID     int           // the holder's process id, or 0 when unknown
	Started time.Time     // when the holder took the lock, or zero when unknown
	Command string        // the holder's command line, or "" when unknown
	Waited  time.Duration // how long this open waited (Options.Wait)
}

// Error names the folder and what is known of the holder, on one line:
//
//	store news.db is being written by pid 4242 (newsgraph build articles --db news.db), started 2026-11-23 10:15:02 (3m12s ago); try again when it has finished
func (e *LockError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "store %s is being written by ", e.Dir)
	if e.PID > 0 {
		fmt.Fprintf(&b, "pid %d", e.PID)
	} else {
		b.WriteString("another process")
	}
	if e.Command != "" {
		fmt.Fprintf(&b, " (%s)", e.Command)
	}
	if !e.Started.IsZero() {
		fmt.Fprintf(&b, ", started %s", e.Started.Local().Format(time.DateTime))
		if ago := time.Since(e.Started); ago >= 0 {
			fmt.Fprintf(&b, " (%s ago)", ago.Round(time.Second))
		}
	}
	if e.Waited > 0 {
		fmt.Fprintf(&b, "; still busy after waiting %s", e.Waited)
	} else {
		b.WriteString("; try again when it has finished")
	}
	return b.String()
}

// Unwrap returns ErrLocked.
func (e *LockError) Unwrap() error { return ErrLocked }
