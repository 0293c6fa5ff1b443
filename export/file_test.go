package export

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// writeString returns a write function for WriteFile that writes s.
func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// dirEntries returns the names in dir, sorted.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

func TestWriteFile(t *testing.T) {
	tests := []struct {
		name     string
		old      string      // existing content; "" for none
		oldPerm  fs.FileMode // permission of the existing file
		wantPerm fs.FileMode
	}{
		{name: "new file", wantPerm: 0o644},
		{name: "replace", old: "old graph", oldPerm: 0o600, wantPerm: 0o600},
		{name: "replace read-only", old: "old graph", oldPerm: 0o444, wantPerm: 0o444},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.graphml")
			if tt.old != "" {
				if err := os.WriteFile(path, []byte(tt.old), tt.oldPerm); err != nil {
					t.Fatal(err)
				}
			}
			want := strings.Repeat("<node/>\n", 20000) // larger than bufio's buffer
			if err := WriteFile(path, writeString(want)); err != nil {
				t.Fatalf("WriteFile: %v", err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != want {
				t.Errorf("file holds %d bytes, want %d", len(got), len(want))
			}
			if fi, err := os.Stat(path); err != nil {
				t.Fatal(err)
			} else if runtime.GOOS != "windows" && fi.Mode().Perm() != tt.wantPerm {
				t.Errorf("permission %v, want %v", fi.Mode().Perm(), tt.wantPerm)
			}
			if names := dirEntries(t, dir); !slices.Equal(names, []string{"out.graphml"}) {
				t.Errorf("folder holds %q, want only out.graphml", names)
			}
		})
	}
}

func TestWriteFileFailure(t *testing.T) {
	errWrite := errors.New("graph too large")
	tests := []struct {
		name  string
		write func(io.Writer) error
		want  error // nil: only check that it fails
	}{
		{"error before writing", func(io.Writer) error { return errWrite }, errWrite},
		{"error after writing", func(w io.Writer) error {
			if _, err := io.WriteString(w, strings.Repeat("partial ", 100000)); err != nil {
				return err
			}
			return errWrite
		}, errWrite},
		{"panic", func(w io.Writer) error {
			_, _ = io.WriteString(w, "partial")
			panic("write panicked")
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, existing := range []bool{true, false} {
				dir := t.TempDir()
				path := filepath.Join(dir, "out.graphml")
				const old = "<graphml>old</graphml>\n"
				if existing {
					if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				err := writeFileRecover(path, tt.write)
				if err == nil || tt.want != nil && !errors.Is(err, tt.want) {
					t.Errorf("WriteFile error = %v, want %v", err, tt.want)
				}
				if err != nil && tt.want != nil && !strings.Contains(err.Error(), path) {
					t.Errorf("WriteFile error %q does not name %s", err, path)
				}
				var want []string
				if existing {
					want = []string{"out.graphml"}
					if got, err := os.ReadFile(path); err != nil || string(got) != old {
						t.Errorf("existing file now holds %q (%v), want it untouched", got, err)
					}
				}
				if names := dirEntries(t, dir); !slices.Equal(names, want) {
					t.Errorf("folder holds %q, want %q", names, want)
				}
			}
		})
	}
}

// writeFileRecover calls WriteFile, turning a panic from write into an
// error.
func writeFileRecover(path string, write func(io.Writer) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("panic")
		}
	}()
	return WriteFile(path, write)
}

func TestWriteFileBadPath(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	called := false
	write := func(io.Writer) error { called = true; return nil }
	for _, path := range []string{
		filepath.Join(dir, "missing", "out.graphml"), // folder does not exist
		sub, // a folder, not a file
	} {
		called = false
		if err := WriteFile(path, write); err == nil {
			t.Errorf("WriteFile(%s) succeeded", path)
		}
		if called {
			t.Errorf("WriteFile(%s) called write before failing", path)
		}
	}
	if names := dirEntries(t, dir); !slices.Equal(names, []string{"sub"}) {
		t.Errorf("folder holds %q, want only sub", names)
	}
	if names := dirEntries(t, sub); len(names) != 0 {
		t.Errorf("sub holds %q, want nothing", names)
	}
}
