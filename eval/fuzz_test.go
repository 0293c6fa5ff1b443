package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// addLineSeeds adds every line of the files matching pattern as a seed.
func addLineSeeds(f *testing.F, pattern string) {
	f.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range bytes.Split(data, []byte("\n")) {
			f.Add(line)
		}
	}
}

// FuzzParseGoldLine checks that the gold line parser never panics, that
// what it accepts is a valid item, and that an accepted item written back as
// JSON parses to the same item.
func FuzzParseGoldLine(f *testing.F) {
	addLineSeeds(f, "testdata/gold/*.jsonl")
	for _, s := range []string{"", "{}", "null", "[]", `{"doc": 1}`, `{"kind": "direct"} x`, "\xff\xfe"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		it, err := ParseGoldLine(line)
		if err != nil {
			return
		}
		if verr := it.validate(); verr != nil {
			t.Fatalf("accepted an invalid item %+v: %v", it, verr)
		}
		again, err := json.Marshal(it)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseGoldLine(again)
		if err != nil {
			t.Fatalf("item %s does not parse back: %v", again, err)
		}
		if diff := cmp.Diff(it, back); diff != "" {
			t.Errorf("round trip (-first +second):\n%s", diff)
		}
	})
}

// FuzzParseGold checks that a whole gold file never panics the parser.
func FuzzParseGold(f *testing.F) {
	for _, name := range []string{"testdata/gold/ok.jsonl", "testdata/gold/bad-kind.jsonl"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := ParseGold("fuzz.jsonl", bytes.NewReader(data))
		if err != nil {
			return
		}
		if _, err := NewGold(items, nil); err != nil {
			t.Fatalf("parsed items are not accepted by NewGold: %v", err)
		}
	})
}

// FuzzLoadPlover checks that the benchmark parsers never panic and give
// every record a distinct id and, when scorable, text.
func FuzzLoadPlover(f *testing.F) {
	files, err := filepath.Glob("testdata/plover/*")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	g := defaultGazetteer(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var (
			p   *Plover
			err error
		)
		switch t := bytes.TrimLeft(data, " \t\r\n"); {
		case len(t) > 0 && t[0] == '[':
			p, err = ParsePlover("fuzz.json", data)
		default:
			p, err = ParseGSR("fuzz.jsonl", bytes.NewReader(data))
		}
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, r := range p.Records {
			if r.ID == "" || seen[r.ID] {
				t.Fatalf("empty or repeated id %q", r.ID)
			}
			seen[r.ID] = true
			if r.scorable() && r.Text == "" {
				t.Fatalf("scorable record %q without text", r.ID)
			}
		}
		p.Gazetteer = g
		if _, err := p.Score(nil); err != nil {
			t.Fatal(err)
		}
	})
}
