package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/source"
	"github.com/newsgraph/newsgraph/internal/sample"
	"github.com/newsgraph/newsgraph/news"
)

var updateVersion = flag.Bool("update-version", false, "record the sample corpus output hash for the current Version in testdata/version.golden")

// TestVersion fails when the extractor's output on the sample corpus
// changes while Version stays the same: stores would then keep triples of
// the old rules for unchanged articles. After a deliberate change, bump
// Version and run go test ./extract -run TestVersion -update-version.
func TestVersion(t *testing.T) {
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	enc := json.NewEncoder(h)
	err = source.ReadFS(context.Background(), sample.Articles, ".", source.Options{}, func(a news.Article) error {
		ex, err := x.Extract(context.Background(), a)
		if err != nil {
			return err
		}
		ex.Rules = "" // the version itself is not output of the rules
		return enc.Encode(ex)
	})
	if err != nil {
		t.Fatal(err)
	}
	got := Version + " " + hex.EncodeToString(h.Sum(nil)) + "\n"
	const golden = "testdata/version.golden"
	if *updateVersion {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	wantVersion, wantHash, _ := strings.Cut(strings.TrimSpace(string(want)), " ")
	gotVersion, gotHash, _ := strings.Cut(strings.TrimSpace(got), " ")
	switch {
	case gotHash != wantHash && gotVersion == wantVersion:
		t.Errorf("the output on the sample corpus changed but Version is still %q: bump Version, then run go test ./extract -run TestVersion -update-version", Version)
	case gotHash != wantHash || gotVersion != wantVersion:
		t.Errorf("testdata/version.golden records %s, not %s: run go test ./extract -run TestVersion -update-version", want, got)
	}
}
