//go:build linux

package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// TestRebuildOnTerminal runs rebuild with stderr on a pseudo-terminal: it
// prints plain lines ("source read  source=1 …"), not log records, and
// erases its progress bar.
func TestRebuildOnTerminal(t *testing.T) {
	e := newRebuildEnv(t, "store: db\nsources:\n  - path: in\nexports:\n  - path: out/r.graphml\n")
	e.copyArticles("in")

	master, tty := openPTY(t)
	defer master.Close()
	var got bytes.Buffer
	done := make(chan struct{})
	go func() {
		io.Copy(&got, master) // ends with EIO once the terminal side is closed
		close(done)
	}()
	var out bytes.Buffer
	code := run(context.Background(), []string{"rebuild", "--config", e.cfg}, streams{in: strings.NewReader(""), out: &out, err: tty})
	tty.Close()
	<-done
	text := strings.ReplaceAll(got.String(), "\r\n", "\n")
	if code != 0 || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q:\n%q", code, out.String(), text)
	}
	for _, want := range []string{"rebuild started  config=", "source read  source=1 kind=path at=in articles=3\n",
		"export written  path=", "rebuild finished  read=3 new=3 "} {
		if !strings.Contains(text, want) {
			t.Errorf("terminal output lacks %q:\n%q", want, text)
		}
	}
	if strings.Contains(text, "level=") {
		t.Errorf("log records on a terminal:\n%q", text)
	}
	if !strings.Contains(text, "\x1b[K") {
		t.Errorf("no progress bar drawn or erased:\n%q", text)
	}
}
