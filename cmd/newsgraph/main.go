// Command newsgraph turns news articles into a knowledge graph of who does
// what to whom: it extracts actor–relation–actor triples, stores them in an
// embedded database, analyses the actor graph and exports it for Gephi.
//
// Run "newsgraph --help" for the commands, or "newsgraph demo" to see it work
// on the built-in sample corpus.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], streams{in: os.Stdin, out: os.Stdout, err: os.Stderr})
	stop()
	os.Exit(code)
}
