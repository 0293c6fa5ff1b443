package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/export"
)

// initOptions are the flags of init.
type initOptions struct {
	config string
	force  bool
}

func newInitCmd(s streams) *cobra.Command {
	var opts initOptions
	c := &cobra.Command{
		Use:   "init",
		Short: "Write a commented example newsgraph.yaml for rebuild",
		Long: `init writes a commented example config file, ./` + config.FileName + ` (or
--config FILE), that ` + "`newsgraph rebuild`" + ` accepts as it is: it reads the
folder "articles" beside the file (created when missing), stores into
"newsgraph.db" and writes a relations GraphML and a co-mention GEXF into
"exports". Every other key is in it, commented out, with what it does.

An existing file is left alone unless --force is given; the new file then
replaces it atomically.

` + exitStatuses,
		Example: `  newsgraph init && newsgraph rebuild
  newsgraph init --config /srv/news/newsgraph.yaml`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			return runInit(s, opts)
		},
	}
	c.Flags().StringVar(&opts.config, "config", config.FileName, "config `FILE` to write")
	c.Flags().BoolVar(&opts.force, "force", false, "replace an existing file")
	return c
}

// runInit writes the example config and the folders its sources name.
func runInit(s streams, opts initOptions) error {
	path := opts.config
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("%s is a folder: give the file to write with --config FILE", path)
		}
		if !opts.force {
			return fmt.Errorf("%s exists: use --force to replace it", path)
		}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("init: %w", err)
	}
	write := func(w io.Writer) error {
		_, err := w.Write(config.Example())
		return err
	}
	if opts.force {
		if err := export.WriteFile(path, write); err != nil {
			return fmt.Errorf("init: %w", err)
		}
	} else {
		// O_EXCL: a file created since the check above is not replaced.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s exists: use --force to replace it", path)
		}
		if err != nil {
			return fmt.Errorf("init: %w", err)
		}
		werr := write(f)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			os.Remove(path)
			return fmt.Errorf("init: write %s: %w", path, werr)
		}
	}
	fmt.Fprintf(s.err, "wrote %s\n", path)
	for _, sub := range config.ExampleFolders() {
		p := filepath.Join(dir, sub)
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			if err := os.Mkdir(p, 0o755); err != nil {
				return fmt.Errorf("init: %w", err)
			}
			fmt.Fprintf(s.err, "created %s%c: put articles there (text, HTML, JSON Lines, feeds)\n", p, filepath.Separator)
		}
	}
	fmt.Fprintf(s.err, "next: edit %s, then run `newsgraph rebuild`\n", path)
	return nil
}
