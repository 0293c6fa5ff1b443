package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzConfig feeds the loader arbitrary files: it must never panic, every
// error must be one *Error line naming the file, and every config it
// accepts must have sources and absolute paths.
func FuzzConfig(f *testing.F) {
	for _, name := range []string{"good.yaml", "minimal.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(Example())
	f.Add([]byte(uncomment(string(Example()))))
	f.Add([]byte("sources:\n  - feed: https://x.org/rss\n    timeout: 1m\nexports:\n  - {path: a, format: csv}\n"))
	f.Add([]byte("a: &x [*x]\nsources: *x\n"))
	f.Add([]byte("sources: [{path: a}]\nexports: [{path: a.gexf, events: 'threaten,', ego: ~, depth: 0x2}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("f.yaml", data, "/base")
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %T is not an *Error: %v", err, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "f.yaml:") || strings.ContainsAny(msg, "\r\n") {
				t.Fatalf("message is not one line naming the file: %q", msg)
			}
			if strings.Contains(msg, "cannot parse:") {
				t.Fatalf("the parser panicked: %s", msg)
			}
			return
		}
		if len(cfg.Sources) == 0 {
			t.Fatal("accepted a config without sources")
		}
		paths := []string{cfg.Store, cfg.Cache}
		for _, s := range cfg.Sources {
			if s.URL == "" {
				paths = append(paths, s.Path)
			}
		}
		for _, e := range cfg.Exports {
			paths = append(paths, e.Path)
			if err := e.Graph.Validate(); err != nil {
				t.Fatalf("export %s accepted with invalid graph options: %v", e.Raw, err)
			}
		}
		for _, p := range paths {
			if !filepath.IsAbs(p) {
				t.Fatalf("path %q is not absolute", p)
			}
		}
	})
}
