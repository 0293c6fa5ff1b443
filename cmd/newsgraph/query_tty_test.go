//go:build linux

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair, skipping the test where there is
// none. The caller closes both ends.
func openPTY(t *testing.T) (master, terminal *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		master.Close()
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		master.Close()
		t.Skipf("ptsname: %v", err)
	}
	terminal, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		t.Skipf("open pty: %v", err)
	}
	return master, terminal
}

// runOnTerminal runs the command line with stdout on a pseudo-terminal and
// returns what it printed there; it fails the test on a non-zero exit.
func runOnTerminal(t *testing.T, args ...string) string {
	t.Helper()
	master, slave := openPTY(t)
	defer master.Close()
	var got bytes.Buffer
	done := make(chan struct{})
	go func() {
		io.Copy(&got, master) // ends with EIO once the slave is closed
		close(done)
	}()
	var errb bytes.Buffer
	code := run(context.Background(), args, streams{in: strings.NewReader(""), out: slave, err: &errb})
	slave.Close()
	<-done
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errb.String())
	}
	return strings.ReplaceAll(got.String(), "\r\n", "\n")
}
