package store

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/newsgraph/newsgraph/news"
)

// mappedTableKB returns the resident kB of this process's mappings of
// table and value-log files under dir, from /proc/self/smaps.
func mappedTableKB(t *testing.T, dir string) int {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	defer f.Close()
	kb, inTable := 0, false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 6 && strings.Contains(fields[0], "-"):
			path := fields[5]
			inTable = strings.HasPrefix(path, abs+string(filepath.Separator)) &&
				(strings.HasSuffix(path, ".sst") || strings.HasSuffix(path, ".vlog"))
		case len(fields) >= 1 && strings.Contains(fields[0], "-"):
			inTable = false // an anonymous mapping
		case inTable && len(fields) == 3 && fields[0] == "Rss:":
			n, _ := strconv.Atoi(fields[1])
			kb += n
		}
	}
	return kb
}

// TestReaderReleasesTablePages: a reader's read of every triple or mention
// leaves no table page resident, while the same read through scan alone
// (the control) leaves them, so the test can fail. Each read has a reader
// of its own: badger's block cache would answer a second read of the same
// blocks without touching the mapping.
func TestReaderReleasesTablePages(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	w := openDisk(t, dir)
	if _, err := w.IngestBatch(ctx, randomArticles(3000, 5)); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	// Closed: a page that another mapping (the writer's) holds too is not
	// paged out.
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !releaseTablePages(dir) {
		t.Skip("this kernel cannot page out mapped files (MADV_PAGEOUT)")
	}
	scanOnly := func(r *Store, p byte) error {
		n := 0
		err := r.scan(ctx, []byte{p}, false, func(_ *badger.Txn, k, v []byte) error { n++; return nil })
		if n == 0 {
			t.Errorf("scan of %q read nothing", p)
		}
		return err
	}
	tests := []struct {
		name     string
		read     func(r *Store) error
		released bool
	}{
		{"scan triples (control)", func(r *Store) error { return scanOnly(r, prefixTriple) }, false},
		{"scan mentions (control)", func(r *Store) error { return scanOnly(r, prefixMention) }, false},
		{"EachTriple", func(r *Store) error { return r.EachTriple(ctx, func(news.Triple) error { return nil }) }, true},
		{"EachMention", func(r *Store) error { return r.EachMention(ctx, func(news.Mention) error { return nil }) }, true},
	}
	control := 0 // the least a control read left, kB
	for _, tt := range tests {
		r := openDisk(t, dir, Options{ReadOnly: true})
		releaseTablePages(dir)
		if err := tt.read(r); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		kb := mappedTableKB(t, dir)
		r.Close()
		switch {
		case !tt.released && kb < 256:
			t.Fatalf("after %s: %d kB of table pages resident, want the pages read", tt.name, kb)
		case !tt.released:
			if control == 0 || kb < control {
				control = kb
			}
		case kb > control/4: // a few pages may be touched again after the last release
			t.Errorf("after %s: %d kB of table pages resident, want few (a control read left %d)", tt.name, kb, control)
		}
	}
}
