//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/sys/unix"

	"github.com/newsgraph/newsgraph/news"
	"github.com/newsgraph/newsgraph/store"
)

// buildBinary builds the newsgraph command into a temporary folder, so
// that tests can run it as a process and kill it.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsgraph")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// genCorpus writes generated articles into dir: article i at revision
// rev[i], sentences of the form "Kenya criticised Japan on day 3." between
// twenty countries the gazetteer knows. Each (i, revision) always gives the
// same text.
type genCorpus struct {
	dir       string
	sentences int
	rev       []int
}

var (
	crashActors = []string{"Kenya", "Japan", "Norway", "India", "Egypt", "Brazil", "Canada", "Germany", "France", "Turkey",
		"Nigeria", "Chile", "Peru", "Spain", "Italy", "Poland", "Ghana", "Mexico", "Sweden", "Greece"}
	crashVerbs = []string{"criticised", "praised", "sanctioned", "supported", "warned", "accused", "thanked", "met", "condemned", "welcomed"}
)

func newGenCorpus(t *testing.T, dir string, articles, sentences int) *genCorpus {
	t.Helper()
	c := &genCorpus{dir: dir, sentences: sentences, rev: make([]int, articles)}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range articles {
		c.write(t, i)
	}
	return c
}

func (c *genCorpus) write(t *testing.T, i int) {
	t.Helper()
	r := rand.New(rand.NewPCG(uint64(i), uint64(c.rev[i])))
	var b strings.Builder
	fmt.Fprintf(&b, "2025-%02d-%02d\nReport %d, revision %d\n\n", 1+i%12, 1+i%28, i, c.rev[i])
	for j := range c.sentences {
		a := r.IntN(len(crashActors))
		o := (a + 1 + r.IntN(len(crashActors)-1)) % len(crashActors)
		fmt.Fprintf(&b, "%s %s %s on day %d. ", crashActors[a], crashVerbs[r.IntN(len(crashVerbs))], crashActors[o], j+1)
	}
	b.WriteString("\n")
	if err := os.WriteFile(filepath.Join(c.dir, fmt.Sprintf("art%05d.txt", i)), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// edit gives n random articles a new revision.
func (c *genCorpus) edit(t *testing.T, r *rand.Rand, n int) {
	t.Helper()
	for range n {
		i := r.IntN(len(c.rev))
		c.rev[i]++
		c.write(t, i)
	}
}

// storeDump is what a store holds, in a form to compare whole: its counts,
// its actors and every triple as a JSON line, sorted.
type storeDump struct {
	Counts  store.Counts
	Actors  []store.ActorInfo
	Triples []string
}

// dumpStore reads the published store in db and checks it (store.Check).
func dumpStore(t *testing.T, db string) storeDump {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open %s: %v", db, err)
	}
	defer st.Close()
	if err := st.Check(ctx); err != nil {
		t.Fatalf("check %s: %v", db, err)
	}
	var d storeDump
	if d.Counts, err = st.Counts(ctx); err != nil {
		t.Fatal(err)
	}
	if d.Actors, err = st.Actors(ctx); err != nil {
		t.Fatal(err)
	}
	err = st.EachTriple(ctx, func(tr news.Triple) error {
		b, err := json.Marshal(tr)
		d.Triples = append(d.Triples, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(d.Triples)
	return d
}

// countStore opens the published store in db and reads its counts.
func countStore(t *testing.T, db string) {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open %s: %v", db, err)
	}
	defer st.Close()
	if _, err := st.Counts(context.Background()); err != nil {
		t.Fatalf("counts of %s: %v", db, err)
	}
}

// runResult is how a build process ended.
type runResult struct {
	code   int    // exit status, or -1 when a signal ended it
	signal string // the signal that ended it, or ""
	stderr string
	took   time.Duration
}

// runBuild runs `newsgraph build corpus --db db` and, with a deadline > 0,
// sends sig when it elapses.
func runBuild(t *testing.T, bin, corpus, db string, deadline time.Duration, sig syscall.Signal, env ...string) runResult {
	t.Helper()
	cmd := exec.Command(bin, "build", corpus, "--db", db)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if deadline > 0 {
		timer := time.AfterFunc(deadline, func() { cmd.Process.Signal(sig) })
		defer timer.Stop()
	}
	err := cmd.Wait()
	res := runResult{code: cmd.ProcessState.ExitCode(), stderr: stderr.String(), took: time.Since(start)}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		res.signal = ws.Signal().String()
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return res
}

// TestBuildKilled: a build killed (SIGKILL) at random points, again and
// again, with a quarter to a half of the corpus edited before each run (so
// that every run has work to be killed in) and every fifth run stopped by
// a Ctrl-C (SIGINT, which publishes the articles finished) instead, loses
// nothing that was published and never shows a badger error: after every
// run the published store opens (and every fourth time passes Check), and
// after a last uninterrupted run it equals a clean build of the final
// corpus exactly (counts, actors and every triple).
func TestBuildKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a build 20+ times: skipped in -short mode")
	}
	start := time.Now()
	bin := buildBinary(t)
	tmp := t.TempDir()
	corpus := newGenCorpus(t, filepath.Join(tmp, "corpus"), 800, 10)

	// A clean build tells how long a build takes, to spread the kills over
	// it: from start-up to the publication.
	res := runBuild(t, bin, corpus.dir, filepath.Join(tmp, "timing.db"), 0, 0)
	if res.code != 0 {
		t.Fatalf("clean build: exit %d: %s", res.code, res.stderr)
	}
	full := res.took
	spread := full * 7 / 10 // a run redoes a quarter to a half of the articles
	t.Logf("a clean build of %d articles takes %s; kills land between 10 ms and %s", len(corpus.rev),
		full.Round(time.Millisecond), (10*time.Millisecond + spread).Round(time.Millisecond))

	r := rand.New(rand.NewPCG(2026, 6))
	db := filepath.Join(tmp, "news.db")
	const wantKills, maxRuns = 24, 120
	var kills, interrupts, completed, published int
	for run := 0; kills < wantKills && run < maxRuns && time.Since(start) < 90*time.Second; run++ {
		// Each run has work: a quarter to a half of the articles edited.
		if run > 0 {
			corpus.edit(t, r, len(corpus.rev)/4+r.IntN(len(corpus.rev)/4))
		}
		deadline := 10*time.Millisecond + time.Duration(r.Int64N(int64(spread)))
		sig := syscall.SIGKILL
		if run%5 == 4 {
			sig = syscall.SIGINT
		}
		res := runBuild(t, bin, corpus.dir, db, deadline, sig)
		if strings.Contains(strings.ToLower(res.stderr), "badger") || strings.Contains(res.stderr, "panic") {
			t.Fatalf("run %d: badger's error or a panic: %s", run, res.stderr)
		}
		switch {
		case res.signal == "killed":
			kills++
		case res.signal == "interrupt": // before main took SIGINT over
			interrupts++
		case res.code == 130:
			interrupts++
			if !strings.Contains(res.stderr, "interrupted: published the ") {
				t.Errorf("run %d: exit 130 without saying what was published: %q", run, res.stderr)
			}
		case res.code == 0:
			completed++
			// The machine is faster than when the clean build was timed
			// (two cores, shared): aim the next kills within this run's time.
			spread = max(res.took*9/10, 20*time.Millisecond)
		default:
			t.Fatalf("run %d: exit %d (signal %q): %s", run, res.code, res.signal, res.stderr)
		}
		// Whatever was published opens; every fourth time it is also
		// checked whole (Check and a dump take a quarter of a second).
		if _, err := os.Lstat(filepath.Join(db, "current")); err == nil {
			published++
			if published%4 == 1 {
				dumpStore(t, db)
			} else {
				countStore(t, db)
			}
		}
	}
	t.Logf("%d SIGKILLs, %d SIGINTs, %d runs completed, a store published after %d of them", kills, interrupts, completed, published)
	if kills < 20 {
		t.Fatalf("only %d kills landed", kills)
	}
	if res := runBuild(t, bin, corpus.dir, db, 0, 0); res.code != 0 {
		t.Fatalf("last build: exit %d: %s", res.code, res.stderr)
	}
	clean := filepath.Join(tmp, "clean.db")
	if res := runBuild(t, bin, corpus.dir, clean, 0, 0); res.code != 0 {
		t.Fatalf("clean build of the final corpus: exit %d: %s", res.code, res.stderr)
	}
	got, want := dumpStore(t, db), dumpStore(t, clean)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after the kills (-clean build +killed builds):\n%s", diff)
	}
	if gens, _ := filepath.Glob(filepath.Join(db, "gen-*")); len(gens) > 2 {
		t.Errorf("generations left: %v, want at most the published one and the one before", gens)
	}
	t.Logf("%d triples, %d actors; the test took %s", got.Counts.Triples, got.Counts.Actors, time.Since(start).Round(time.Millisecond))
}

// TestBuildDiskFull: a build on a file system that fills up stops with a
// clear one-line error and a non-zero exit status, before badger's
// memory-mapped writes could meet a full disk (SIGBUS), and the published
// store is intact. It needs root to mount a small tmpfs; it is skipped
// otherwise.
func TestBuildDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("mounts a tmpfs and fills it: skipped in -short mode")
	}
	if os.Geteuid() != 0 {
		t.Skip("skipping: mounting a small tmpfs to fill needs root")
	}
	mnt := filepath.Join(t.TempDir(), "mnt")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("skipping: cannot mount a tmpfs (%v: %s)", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", mnt).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", mnt, err, out)
		}
	})
	bin := buildBinary(t)
	tmp := t.TempDir()
	db := filepath.Join(mnt, "news.db")
	const margin = 4 // MiB
	env := fmt.Sprintf("NEWSGRAPH_MIN_FREE=%d", margin)

	small := newGenCorpus(t, filepath.Join(tmp, "small"), 20, 5)
	if res := runBuild(t, bin, small.dir, db, 0, 0, env); res.code != 0 {
		t.Fatalf("first build on the tmpfs: exit %d: %s", res.code, res.stderr)
	}
	before := dumpStore(t, db)

	// Leave the margin and 3 MiB more free: far less than the big corpus
	// needs.
	free, ok := freeMiB(mnt)
	if !ok {
		t.Skip("cannot tell the free space of the tmpfs")
	}
	fill := free - margin - 3
	if fill > 0 {
		if err := os.WriteFile(filepath.Join(mnt, "filler"), make([]byte, fill<<20), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	big := newGenCorpus(t, filepath.Join(tmp, "big"), 600, 40)
	res := runBuild(t, bin, big.dir, db, 0, 0, env)
	msg := strings.TrimSpace(res.stderr)
	wantRE := fmt.Sprintf("only \\d+ MiB free, below the %d MiB margin; nothing of this build was published: %s is as it was", margin, db)
	if res.code != 1 || res.signal != "" || strings.Contains(msg, "\n") || !matches(t, wantRE, msg) {
		t.Fatalf("build on a full disk: exit %d, signal %q, stderr %q; want exit 1 and one line matching %q", res.code, res.signal, msg, wantRE)
	}
	t.Logf("stopped with: %s", msg)
	if diff := cmp.Diff(before, dumpStore(t, db)); diff != "" {
		t.Errorf("published store changed (-before +after):\n%s", diff)
	}
	if gens, _ := filepath.Glob(filepath.Join(db, "gen-*")); len(gens) != 1 {
		t.Errorf("generations after the failed build: %v, want the published one", gens)
	}
	// Once there is room again, the build goes through.
	if err := os.Remove(filepath.Join(mnt, "filler")); err != nil {
		t.Fatal(err)
	}
	if res := runBuild(t, bin, small.dir, db, 0, 0, env); res.code != 0 {
		t.Errorf("build after freeing space: exit %d: %s", res.code, res.stderr)
	}
}

// freeMiB returns the MiB available on the file system holding dir.
func freeMiB(dir string) (int, bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return int(uint64(st.Bavail) * uint64(st.Bsize) >> 20), true
}

// matches reports whether s matches the regular expression re.
func matches(t *testing.T, re, s string) bool {
	t.Helper()
	ok, err := regexp.MatchString(re, s)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}
