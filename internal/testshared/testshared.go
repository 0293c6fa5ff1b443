// Package testshared finds the ../shared folder that sits beside the project
// (development corpus, gold files, benchmarks and schemas) for tests, and
// skips a test with a message saying what is missing when it is absent.
package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of the shared folder: $NEWSGRAPH_SHARED when
// set, otherwise the first "shared" folder found beside the module root or
// one of its parents. It returns "" when there is none.
func Dir() string {
	if d := os.Getenv("NEWSGRAPH_SHARED"); d != "" {
		if abs, err := filepath.Abs(d); err == nil {
			return abs
		}
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; {
		cand := filepath.Join(dir, "..", "shared")
		if fi, err := os.Stat(filepath.Join(cand, "corpus")); err == nil && fi.IsDir() {
			abs, err := filepath.Abs(cand)
			if err != nil {
				return cand
			}
			return abs
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns the path of rel inside the shared folder, or skips t with a
// message naming what is missing.
func Path(t testing.TB, rel string) string {
	t.Helper()
	d := Dir()
	if d == "" {
		t.Skip("skipping: ../shared (development corpus, gold and schemas) is not beside the project")
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: %s is absent", p)
	}
	return p
}
