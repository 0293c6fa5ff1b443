package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// usage is what one child process cost: wall time from start to exit, CPU
// time (user + system) and peak resident set size, from the child's
// rusage.
type usage struct {
	Wall   time.Duration
	CPU    time.Duration
	MaxRSS int64   // bytes
	Load   float64 // 1-minute load average when the child started: other work on the machine
}

// child describes a process to run.
type child struct {
	name   string   // what the logs call it
	path   string   // program
	args   []string // arguments
	dir    string   // working directory, "" for the harness's
	env    []string // added to the environment
	stdout io.Writer
	ok     func(code int) bool // exit codes that are not errors (default: 0)
}

// runChild runs c and returns its usage. stdout goes to c.stdout (default
// /dev/null); stderr is kept and quoted in the error when the child fails.
func runChild(ctx context.Context, c child) (usage, int, error) {
	cmd := exec.CommandContext(ctx, c.path, c.args...)
	cmd.Dir = c.dir
	if len(c.env) > 0 {
		cmd.Env = append(os.Environ(), c.env...)
	}
	if c.stdout != nil {
		cmd.Stdout = c.stdout
	} else {
		null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		if err != nil {
			return usage{}, -1, err
		}
		defer null.Close()
		cmd.Stdout = null
	}
	var stderr bytes.Buffer
	cmd.Stderr = &limitedBuffer{b: &stderr, max: 64 << 10}
	load := load1()
	start := time.Now()
	err := cmd.Run()
	u := usage{Wall: time.Since(start), Load: load}
	code := -1
	if ps := cmd.ProcessState; ps != nil {
		code = ps.ExitCode()
		u.CPU = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			u.MaxRSS = int64(ru.Maxrss) * 1024 // kilobytes on Linux
		}
	}
	okCode := c.ok
	if okCode == nil {
		okCode = func(code int) bool { return code == 0 }
	}
	if err != nil && (code < 0 || !okCode(code)) {
		if ctx.Err() != nil {
			return u, code, ctx.Err()
		}
		return u, code, fmt.Errorf("%s: %w\n%s", c.name, err, indent(strings.TrimSpace(stderr.String())))
	}
	return u, code, nil
}

// output runs a command and returns its standard output.
func output(ctx context.Context, dir, path string, args ...string) (string, error) {
	var out bytes.Buffer
	_, _, err := runChild(ctx, child{name: path + " " + strings.Join(args, " "), path: path, args: args, dir: dir, stdout: &out})
	return out.String(), err
}

// limitedBuffer keeps the first max bytes written to it.
type limitedBuffer struct {
	b   *bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.max - l.b.Len(); room > 0 {
		l.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func indent(s string) string {
	if s == "" {
		return ""
	}
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// diskUsage returns the bytes allocated to the files under dir, as du
// counts them.
func diskUsage(dir string) (int64, error) {
	var total int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			total += st.Blocks * 512
		} else {
			total += info.Size()
		}
		return nil
	})
	return total, err
}
