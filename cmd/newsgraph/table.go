package main

import (
	"io"
	"os"
	"strings"
	"text/tabwriter"
)

// isTerminal reports whether w is a terminal, where people read tables; a
// pipe or file gets tab-separated values for scripts.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// writeTable writes rows under header: aligned columns on a terminal (or
// when aligned is true), tab-separated values with the header otherwise.
func writeTable(w io.Writer, aligned bool, header []string, rows [][]string) error {
	clean := func(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }
	if !aligned {
		var b strings.Builder
		for _, r := range append([][]string{header}, rows...) {
			for i, c := range r {
				if i > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(clean(c))
			}
			b.WriteByte('\n')
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			if i > 0 {
				io.WriteString(tw, "\t")
			}
			io.WriteString(tw, clean(c))
		}
		io.WriteString(tw, "\n")
	}
	return tw.Flush()
}
