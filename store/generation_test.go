package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

// listTree lists everything under dir, one "path size" (or "path -> target"
// for a symlink) a line, sorted, leaving out the writer's lock file, whose
// content changes with every writer.
func listTree(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		switch {
		case rel == "." || rel == lockFileName:
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			out = append(out, rel+" -> "+target)
		case d.IsDir():
			out = append(out, rel+"/")
		default:
			fi, err := d.Info()
			if err != nil {
				return err
			}
			out = append(out, fmt.Sprintf("%s %d", rel, fi.Size()))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// generations returns the names of the generation folders in dir.
func generations(t testing.TB, dir string) []string {
	t.Helper()
	l, err := readLayout(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range l.gens {
		out = append(out, genName(n))
	}
	return out
}

// currentOf returns what dir/current points to, or "".
func currentOf(t testing.TB, dir string) string {
	t.Helper()
	target, err := os.Readlink(filepath.Join(dir, currentName))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return target
}

// build opens a writer on dir, ingests exs and commits.
func build(t testing.TB, dir string, exs ...news.Extraction) {
	t.Helper()
	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		mustIngest(t, w, ex)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
}

// openReaderT opens dir read-only, closed at the end of the test.
func openReaderT(t testing.TB, dir string) *Store {
	t.Helper()
	r, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// writeFirstLayout writes a store of the first layout into dir, as
// newsgraph did before generations: the badger files directly in dir, with
// the format version given. Without close it returns with the database
// still open, for a child process to exit as if killed.
func writeFirstLayout(t testing.TB, dir string, version uint32, close bool, exs ...news.Extraction) {
	t.Helper()
	s := newStore(dir, Options{})
	db, err := openBadger(badgerOptions(dir, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	s.next = db
	s.db.Store(db)
	if err := s.checkVersion(db); err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		mustIngest(t, s, ex)
	}
	if version != FormatVersion {
		if err := db.Update(func(txn *badger.Txn) error { return txn.Set(metaVersionKey, encodeVersion(version)) }); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, lockFileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if close {
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCommitAndDiscard: Commit publishes a new generation, Close without
// Commit publishes nothing and leaves no generation behind, and a writer
// that changes nothing copies nothing.
func TestCommitAndDiscard(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")

	// A first writer that is closed without Commit leaves nothing.
	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, w, a1)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := generations(t, dir); len(got) != 0 || currentOf(t, dir) != "" {
		t.Fatalf("after a discarded first write: generations %v, current %q; want none", got, currentOf(t, dir))
	}
	if _, err := Open(dir, Options{ReadOnly: true}); !errors.Is(err, ErrNoStore) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("reader of a store never committed: err = %v, want ErrNoStore", err)
	}

	build(t, dir, a1, a2)
	if got, cur := generations(t, dir), currentOf(t, dir); !slices.Equal(got, []string{"gen-000001"}) || cur != "gen-000001" {
		t.Fatalf("after the first Commit: generations %v, current %q", got, cur)
	}
	want := snap(t, openReaderT(t, dir))

	// No change: nothing copied, nothing published.
	before := listTree(t, dir)
	w, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range []news.Extraction{a1, a2} {
		if st := mustIngest(t, w, ex); st != Unchanged {
			t.Errorf("Ingest(%s) = %v, want unchanged", ex.Article.ID, st)
		}
	}
	if err := w.DeleteArticle(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteArticle(unknown) = %v, want ErrNotFound", err)
	}
	if c, err := w.Counts(ctx); err != nil || c != want.Counts {
		t.Errorf("writer Counts = %+v, %v; want %+v", c, err, want.Counts)
	}
	if g := w.Generation(); g != "gen-000001" {
		t.Errorf("Generation() of a writer that wrote nothing = %q, want the published gen-000001", g)
	}
	if got := generations(t, dir); len(got) != 1 {
		t.Errorf("a writer that wrote nothing made a generation: %v", got)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if after := listTree(t, dir); !slices.Equal(before, after) {
		t.Errorf("a session without changes changed the folder:\nbefore %q\nafter  %q", before, after)
	}

	// A change that is discarded.
	w, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, w, a1Edited)
	if g := w.Generation(); g != "gen-000002" {
		t.Errorf("Generation() after the first write = %q, want gen-000002", g)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if after := listTree(t, dir); !slices.Equal(before, after) {
		t.Errorf("a discarded session changed the folder:\nbefore %q\nafter  %q", before, after)
	}

	// A change that is committed.
	build(t, dir, a1Edited, a3)
	r := openReaderT(t, dir)
	if g := r.Generation(); g != "gen-000002" {
		t.Errorf("published generation = %q, want gen-000002 (the discarded one was removed)", g)
	}
	mustCheck(t, r)
	wantExs := map[string]news.Extraction{"a1": a1Edited, "a2": a2, a3.Article.ID: a3}
	if diff := cmp.Diff(freshSnap(t, wantExs), snap(t, r)); diff != "" {
		t.Errorf("published store differs from a fresh one (-fresh +published):\n%s", diff)
	}
	// The generation replaced stays for readers that have it open.
	if got := generations(t, dir); !slices.Equal(got, []string{"gen-000001", "gen-000002"}) {
		t.Errorf("generations = %v, want the published one and the one it replaced", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "gen-000002", publishedMark)); err != nil {
		t.Errorf("published generation lacks its mark: %v", err)
	}
}

// TestReadersDuringWrite: readers opened while a writer has uncommitted
// changes (in the same process: badger locks each generation folder, and
// the writer never writes the published one) read the last published
// state; readers opened before a Commit keep their state after it, and the
// generation they read is not removed while they have it open.
func TestReadersDuringWrite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	build(t, dir, a1)
	r := openReaderT(t, dir)
	published := snap(t, r)
	r.Close()

	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	mustIngest(t, w, a2)
	mustIngest(t, w, a3)
	if err := w.DeleteArticle(ctx, "a1"); err != nil {
		t.Fatal(err)
	}
	during := openReaderT(t, dir)
	if diff := cmp.Diff(published, snap(t, during)); diff != "" {
		t.Errorf("reader during the write sees uncommitted changes (-published +seen):\n%s", diff)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(published, snap(t, during)); diff != "" {
		t.Errorf("reader opened before the Commit changed (-published +seen):\n%s", diff)
	}
	after := openReaderT(t, dir)
	if c, err := after.Counts(ctx); err != nil || c.Articles != 2 {
		t.Errorf("reader after the Commit: Counts %+v, %v; want 2 articles", c, err)
	}

	// Two more commits would remove gen-000001 and gen-000002, but
	// `during` and `after` have them open.
	build(t, dir, a1)
	build(t, dir, a1Edited)
	if got := generations(t, dir); len(got) != 4 {
		t.Errorf("generations = %v, want the two open ones and the last two", got)
	}
	if diff := cmp.Diff(published, snap(t, during)); diff != "" {
		t.Errorf("long-lived reader (-published +seen):\n%s", diff)
	}
	during.Close()
	after.Close()
	build(t, dir, a2Edited())
	if got := generations(t, dir); !slices.Equal(got, []string{"gen-000004", "gen-000005"}) {
		t.Errorf("generations = %v, want gen-000004 and gen-000005 once no reader holds the older ones", got)
	}
}

func a2Edited() news.Extraction {
	ex := a2
	ex.Article.Title = "edited"
	return ex
}

// TestFresh: a Fresh writer starts from an empty generation, works on a
// store of an older format, and publishes its generation even when empty.
func TestFresh(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	build(t, dir, a1, a2)
	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, w, a3)
	if err := w.bdb().Update(func(txn *badger.Txn) error {
		return txn.Set(metaVersionKey, encodeVersion(FormatVersion-1))
	}); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	var ve *VersionError
	if _, err := Open(dir, Options{}); !errors.As(err, &ve) {
		t.Fatalf("writer on an older format: err = %v, want *VersionError", err)
	}
	w, err = Open(dir, Options{Fresh: true})
	if err != nil {
		t.Fatalf("Fresh writer on an older format: %v", err)
	}
	if c, err := w.Counts(ctx); err != nil || c != (Counts{}) {
		t.Errorf("Fresh writer Counts = %+v, %v; want empty", c, err)
	}
	mustIngest(t, w, a2)
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	r := openReaderT(t, dir)
	mustCheck(t, r)
	if diff := cmp.Diff(freshSnap(t, map[string]news.Extraction{"a2": a2}), snap(t, r)); diff != "" {
		t.Errorf("after a fresh rebuild (-want +got):\n%s", diff)
	}

	// An empty fresh rebuild publishes an empty store.
	w, err = Open(dir, Options{Fresh: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if c, err := openReaderT(t, dir).Counts(ctx); err != nil || c != (Counts{}) {
		t.Errorf("after an empty fresh rebuild: Counts %+v, %v; want empty", c, err)
	}
}

// TestMigrateFirstLayout: a store of the first layout is read in place by
// readers and converted by the first writer into gen-000001, with every
// article; each step of the conversion resumes after a crash.
func TestMigrateFirstLayout(t *testing.T) {
	exs := map[string]news.Extraction{"a1": a1, "a2": a2, a3.Article.ID: a3}
	want := freshSnap(t, exs)
	tests := []struct {
		name string
		// interrupt leaves dir as a conversion killed at some step would.
		interrupt  func(t *testing.T, dir string)
		readerErr  string // what a reader says before the writer, or "" when it reads
		wantBefore bool   // a reader reads the store before conversion
	}{
		{"not started", func(*testing.T, string) {}, "", true},
		{"files half moved", func(t *testing.T, dir string) {
			moveFiles(t, dir, func(name string) bool { return strings.HasSuffix(name, ".sst") || name == "KEYREGISTRY" })
		}, "is being converted to the generation layout, or its conversion was interrupted", false},
		{"all but MANIFEST moved, no current", func(t *testing.T, dir string) {
			moveFiles(t, dir, func(name string) bool { return name != manifestName })
		}, "is being converted to the generation layout, or its conversion was interrupted", false},
		{"current made, MANIFEST not moved", func(t *testing.T, dir string) {
			moveFiles(t, dir, func(name string) bool { return name != manifestName })
			if err := publish(dir, genName(firstGen)); err != nil {
				t.Fatal(err)
			}
		}, "is being converted to the generation layout, or its conversion was interrupted", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFirstLayout(t, dir, FormatVersion, true, a1, a2, a3)
			tt.interrupt(t, dir)
			r, err := Open(dir, Options{ReadOnly: true})
			switch {
			case tt.wantBefore && err != nil:
				t.Fatalf("reader of the first layout: %v", err)
			case tt.wantBefore:
				if diff := cmp.Diff(want, snap(t, r)); diff != "" {
					t.Errorf("first layout read in place (-want +got):\n%s", diff)
				}
				r.Close()
			case err == nil:
				r.Close()
				t.Errorf("reader of a half-converted store: no error")
			case !strings.Contains(err.Error(), tt.readerErr) || strings.Contains(err.Error(), "\n"):
				t.Errorf("reader of a half-converted store: err = %q, want one line with %q", err, tt.readerErr)
			}

			w, err := Open(dir, Options{})
			if err != nil {
				t.Fatalf("writer: %v", err)
			}
			if g := w.Generation(); g != "gen-000001" {
				t.Errorf("writer reads %q, want gen-000001", g)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if cur := currentOf(t, dir); cur != "gen-000001" {
				t.Errorf("current = %q, want gen-000001", cur)
			}
			for _, e := range mustReadDir(t, dir) {
				if !e.IsDir() && e.Name() != lockFileName && e.Name() != currentName {
					t.Errorf("%s left at the top of the store after the conversion", e.Name())
				}
			}
			r = openReaderT(t, dir)
			mustCheck(t, r)
			if diff := cmp.Diff(want, snap(t, r)); diff != "" {
				t.Errorf("converted store (-want +got):\n%s", diff)
			}
			build(t, dir, a1Edited)
			if c, err := openReaderT(t, dir).Counts(context.Background()); err != nil || c.Articles != 3 {
				t.Errorf("after a build on the converted store: Counts %+v, %v", c, err)
			}
		})
	}
}

// TestMigrateKilledFirstLayout: a store of the first layout whose writer
// was killed (its log needs truncating) is recovered and converted by the
// first writer with every committed article; readers say what to do
// before that.
func TestMigrateKilledFirstLayout(t *testing.T) {
	if dir := os.Getenv("NEWSGRAPH_FIRST_LAYOUT"); dir != "" {
		writeFirstLayout(t, dir, FormatVersion, false, a1, a2)
		os.Exit(0) // killed: no Close
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestMigrateKilledFirstLayout$")
	cmd.Env = append(os.Environ(), "NEWSGRAPH_FIRST_LAYOUT="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	_, err := Open(dir, Options{ReadOnly: true})
	if err == nil || !strings.Contains(err.Error(), "was left open by an interrupted write of an older newsgraph") {
		t.Errorf("reader: err = %v, want the interrupted-write message", err)
	}
	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("writer: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r := openReaderT(t, dir)
	mustCheck(t, r)
	if diff := cmp.Diff(freshSnap(t, map[string]news.Extraction{"a1": a1, "a2": a2}), snap(t, r)); diff != "" {
		t.Errorf("recovered and converted (-want +got):\n%s", diff)
	}
}

// TestMigrateRefused: a store of the first layout in a newer format, or not
// newsgraph's, is refused with nothing changed; an older format is refused
// by a plain writer and converted by a Fresh one.
func TestMigrateRefused(t *testing.T) {
	for _, tt := range []struct {
		name    string
		version uint32
		want    string
	}{
		{"newer", FormatVersion + 1, fmt.Sprintf("was built by a newer newsgraph (format %d); this one reads format %d", FormatVersion+1, FormatVersion)},
		{"older", FormatVersion - 1, "run `newsgraph rebuild --from-scratch`"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFirstLayout(t, dir, tt.version, true, a1)
			before := listTree(t, dir)
			for _, opts := range []Options{{}, {ReadOnly: true}} {
				_, err := Open(dir, opts)
				var ve *VersionError
				if !errors.As(err, &ve) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("Open(%+v): err = %v, want a *VersionError saying %q", opts, err, tt.want)
				}
			}
			if after := listTree(t, dir); !slices.Equal(before, after) {
				t.Errorf("refused conversion changed the folder:\nbefore %q\nafter  %q", before, after)
			}
			if tt.version > FormatVersion {
				return
			}
			w, err := Open(dir, Options{Fresh: true})
			if err != nil {
				t.Fatalf("Fresh writer: %v", err)
			}
			mustIngest(t, w, a2)
			if err := w.Commit(); err != nil {
				t.Fatal(err)
			}
			if c, err := openReaderT(t, dir).Counts(context.Background()); err != nil || c.Articles != 1 {
				t.Errorf("after the fresh rebuild: Counts %+v, %v; want a2 alone", c, err)
			}
		})
	}
}

func moveFiles(t *testing.T, dir string, move func(name string) bool) {
	t.Helper()
	gen := filepath.Join(dir, genName(firstGen))
	if err := os.MkdirAll(gen, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range mustReadDir(t, dir) {
		if e.Type().IsRegular() && e.Name() != lockFileName && move(e.Name()) {
			if err := os.Rename(filepath.Join(dir, e.Name()), filepath.Join(gen, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func mustReadDir(t testing.TB, dir string) []fs.DirEntry {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// TestDamagedStore: a damaged store folder gives a one-line error naming
// the folder and the problem, from readers and writers, without a panic;
// damage inside table blocks is found by Check; nothing published is
// changed by the attempt.
func TestDamagedStore(t *testing.T) {
	firstFile := func(t *testing.T, dir, pattern string) string {
		t.Helper()
		m, err := filepath.Glob(filepath.Join(dir, "gen-000001", pattern))
		if err != nil || len(m) == 0 {
			t.Fatalf("no %s in the generation: %v", pattern, err)
		}
		slices.Sort(m)
		return m[0]
	}
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
		want   string // in the message of Open, or of Check when Open succeeds
		check  bool   // the damage is found by Check, not by Open
	}{
		{"truncated table", func(t *testing.T, dir string) {
			if err := os.Truncate(firstFile(t, dir, "*.sst"), 0); err != nil {
				t.Fatal(err)
			}
		}, "cannot open gen-000001", false},
		{"half a table", func(t *testing.T, dir string) {
			f := firstFile(t, dir, "*.sst")
			fi, _ := os.Stat(f)
			if err := os.Truncate(f, fi.Size()/2); err != nil {
				t.Fatal(err)
			}
		}, "cannot open gen-000001", false},
		{"table block flipped", func(t *testing.T, dir string) {
			f := firstFile(t, dir, "*.sst")
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for i := 64; i < 96 && i < len(b); i++ {
				b[i] ^= 0xff
			}
			if err := os.WriteFile(f, b, 0o644); err != nil {
				t.Fatal(err)
			}
			// Found by Check's checksums, or at open when the block is
			// the table's last, which badger reads for its biggest key.
		}, "is damaged", true},
		{"missing table", func(t *testing.T, dir string) {
			if err := os.Remove(firstFile(t, dir, "*.sst")); err != nil {
				t.Fatal(err)
			}
		}, "cannot open gen-000001", false},
		{"truncated manifest", func(t *testing.T, dir string) {
			if err := os.Truncate(firstFile(t, dir, manifestName), 3); err != nil {
				t.Fatal(err)
			}
		}, "cannot open gen-000001", false},
		{"garbage manifest", func(t *testing.T, dir string) {
			if err := os.WriteFile(firstFile(t, dir, manifestName), []byte(strings.Repeat("newsgraph", 100)), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "cannot open gen-000001", false},
		{"missing current", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, currentName)); err != nil {
				t.Fatal(err)
			}
		}, "the current link is missing, but gen-000001 was published: `ln -s gen-000001", false},
		{"current names a missing generation", func(t *testing.T, dir string) {
			if err := os.Rename(filepath.Join(dir, "gen-000001"), filepath.Join(dir, "elsewhere")); err != nil {
				t.Fatal(err)
			}
		}, "current names gen-000001, which is missing", false},
		{"current is a file", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, currentName)); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, currentName), []byte("gen-000001"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "current is not a symbolic link", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var many []news.Extraction
			for i := range 40 {
				many = append(many, article(fmt.Sprintf("m%02d", i), "2024-05-01",
					fact{S: "Vladimir Putin", V: "meet", O: fmt.Sprintf("Leader %d", i)}))
			}
			build(t, dir, many...)
			tt.damage(t, dir)
			before := listTree(t, dir)
			for _, opts := range []Options{{ReadOnly: true}, {}} {
				s, err := Open(dir, opts)
				if tt.check && err == nil {
					err = s.Check(context.Background())
					s.Close()
				} else if err == nil {
					s.Close()
					t.Errorf("Open(%+v) of a damaged store: no error", opts)
					continue
				}
				msg := fmt.Sprint(err)
				if !errors.Is(err, ErrCorrupt) || !strings.Contains(msg, dir) || !strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") {
					t.Errorf("Open(%+v): err = %q, want one line wrapping ErrCorrupt naming %s and saying %q", opts, msg, dir, tt.want)
				}
			}
			if after := listTree(t, dir); !slices.Equal(before, after) {
				t.Errorf("opening a damaged store changed it:\nbefore %q\nafter  %q", before, after)
			}
		})
	}
}

// TestSpace: a writer does not start below the free-space margin, and one
// that finds the space gone while writing stops, refuses to commit, and
// leaves the published generation as it was. (A real full disk is tested
// with the CLI on a small tmpfs, in cmd/newsgraph.)
func TestSpace(t *testing.T) {
	dir := t.TempDir()
	build(t, dir, a1)
	published := snap(t, openReaderT(t, dir))
	before := listTree(t, dir)
	free, ok := freeSpace(dir)
	if !ok {
		t.Skip("free space cannot be told here")
	}
	huge := int64(free + 1<<40)
	_, err := Open(dir, Options{MinFree: huge})
	var se *SpaceError
	if !errors.As(err, &se) || !errors.Is(err, ErrNoSpace) {
		t.Fatalf("Open below the margin: err = %v, want *SpaceError", err)
	}
	if want := fmt.Sprintf("store %s: only %d MiB free, below the %d MiB margin", dir, se.Free>>20, huge>>20); err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}

	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, w, a2)
	w.opts.MinFree = huge // the disk fills up
	w.unchecked = spaceCheckBytes
	if _, err := w.Ingest(context.Background(), a3); !errors.As(err, &se) {
		t.Fatalf("Ingest once the space is gone: err = %v, want *SpaceError", err)
	}
	if _, err := w.Ingest(context.Background(), a1Edited); !errors.As(err, &se) {
		t.Errorf("Ingest after a *SpaceError: err = %v, want it again", err)
	}
	if err := w.Commit(); !errors.As(err, &se) || !strings.Contains(err.Error(), "nothing of this run was published") {
		t.Errorf("Commit after a *SpaceError: err = %v", err)
	}
	if after := listTree(t, dir); !slices.Equal(before, after) {
		t.Errorf("the stopped writer changed the folder:\nbefore %q\nafter  %q", before, after)
	}
	r := openReaderT(t, dir)
	mustCheck(t, r)
	if diff := cmp.Diff(published, snap(t, r)); diff != "" {
		t.Errorf("published store changed (-before +after):\n%s", diff)
	}
}

// TestReadOnlyFolder: on a read-only folder readers read and writers fail
// with a clear error, changing nothing. Root ignores permission bits, so as
// root the store is put on a tmpfs that is remounted read-only; where that
// is not allowed the test is skipped.
func TestReadOnlyFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	if os.Geteuid() == 0 {
		mnt := filepath.Join(t.TempDir(), "mnt")
		if err := os.Mkdir(mnt, 0o755); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=512m", "tmpfs", mnt).CombinedOutput(); err != nil {
			t.Skipf("running as root and cannot mount a tmpfs to make read-only (%v: %s)", err, out)
		}
		t.Cleanup(func() { exec.Command("umount", mnt).Run() })
		dir = filepath.Join(mnt, "store")
		build(t, dir, a1)
		if out, err := exec.Command("mount", "-o", "remount,ro", mnt).CombinedOutput(); err != nil {
			t.Skipf("cannot remount the tmpfs read-only (%v: %s)", err, out)
		}
	} else {
		build(t, dir, a1)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
	}
	before := listTree(t, dir)
	r := openReaderT(t, dir)
	mustCheck(t, r)
	if c, err := r.Counts(context.Background()); err != nil || c.Articles != 1 {
		t.Errorf("reader of a read-only folder: Counts %+v, %v", c, err)
	}
	_, err := Open(dir, Options{})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("store %s: the folder is read-only", dir)) || strings.Contains(err.Error(), "\n") {
		t.Errorf("writer on a read-only folder: err = %v", err)
	}
	if after := listTree(t, dir); !slices.Equal(before, after) {
		t.Errorf("folder changed:\nbefore %q\nafter  %q", before, after)
	}
}

// TestHolder: the lock file's description of its holder round-trips, and
// the first layout's pid-only file is read too.
func TestHolder(t *testing.T) {
	le := parseHolder(holderInfo(mustTime(t, "2026-11-23T10:15:02Z")))
	if le.PID != os.Getpid() || !le.Started.Equal(mustTime(t, "2026-11-23T10:15:02Z")) || le.Command == "" {
		t.Errorf("parseHolder(holderInfo) = %+v", le)
	}
	if le := parseHolder([]byte("4242\n")); le.PID != 4242 {
		t.Errorf("pid-only file: %+v", le)
	}
	if le := parseHolder(nil); le.PID != 0 || le.Command != "" {
		t.Errorf("empty file: %+v", le)
	}
}

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// TestKilledCommit: the states a writer killed inside Commit leaves behind
// (a closed, synced generation that `current` does not name yet, and the
// new link under its temporary name) read as the state before, and the
// next writer clears them away.
func TestKilledCommit(t *testing.T) {
	dir := t.TempDir()
	build(t, dir, a1)
	published := snap(t, openReaderT(t, dir))

	// Killed after the new generation was closed and synced, before and
	// just after the temporary link was made.
	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, w, a2)
	next := w.nextName
	if err := w.next.Close(); err != nil {
		t.Fatal(err)
	}
	w.next = nil
	if err := syncFiles(filepath.Join(dir, next)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(next, filepath.Join(dir, currentTemp+"999999")); err != nil {
		t.Fatal(err)
	}
	w.base.Close()
	w.lock.release()

	if diff := cmp.Diff(published, snap(t, openReaderT(t, dir))); diff != "" {
		t.Errorf("reader after a commit killed before the rename (-published +read):\n%s", diff)
	}
	w, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if got := generations(t, dir); !slices.Equal(got, []string{"gen-000001"}) {
		t.Errorf("generations once a writer opened: %v, want only gen-000001", got)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, currentTemp+"*")); len(m) != 0 {
		t.Errorf("temporary links left: %v", m)
	}
}

// TestValueLogAcrossGenerations stores articles large enough for their
// packed triples to go to badger's value log (see ValueThreshold in
// badgerOptions), replaces them over several committed generations, and
// checks that every generation reads back exactly what a store built in
// memory from the same articles holds.
func TestValueLogAcrossGenerations(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	for version := range 3 {
		var exs []news.Extraction
		for i := range 20 {
			exs = append(exs, benchArticle(fmt.Sprintf("big%02d", i), version, 60)) // about 6 KB of triples each
		}
		build(t, dir, exs...)
		mem := openMem(t)
		for _, ex := range exs {
			mustIngest(t, mem, ex)
		}
		r := openReaderT(t, dir)
		mustCheck(t, r)
		large := 0
		err := r.db.Load().View(func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefixTriple}})
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
				if it.Item().ValueSize() > 2<<10 {
					large++
				}
			}
			return nil
		})
		if err != nil || large != len(exs) {
			t.Fatalf("version %d: %d packed triple values over the value-log threshold, want %d (err %v)", version, large, len(exs), err)
		}
		if diff := cmp.Diff(snap(t, mem), snap(t, r)); diff != "" {
			t.Fatalf("version %d: on-disk store differs from in-memory (-mem +disk):\n%s", version, diff)
		}
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
