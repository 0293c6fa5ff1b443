//go:build !linux

package main

import "testing"

// runOnTerminal needs Linux pseudo-terminals; elsewhere the test is
// skipped (the --format table tests cover the same output).
func runOnTerminal(t *testing.T, args ...string) string {
	t.Skip("pseudo-terminal tests run on Linux only")
	return ""
}
