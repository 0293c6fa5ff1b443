package gazetteer

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

func TestLoad(t *testing.T) {
	want := []Entry{
		{Name: "Vladimir Putin", Type: news.Person, Aliases: []string{"Putin", "President Putin"}},
		{Name: "United States", Type: news.GPE, Aliases: []string{"US", "U.S.", "Uncle Sam"},
			Demonyms: []string{"American"}, Capitals: []string{"Washington"}},
		{Name: "Acme Corporation", Type: news.Org, Aliases: []string{"Acme"}, Ambiguous: true},
	}
	for _, file := range []string{"user.yaml", "user.json", "user-mapping.yml", "user-list.gaz"} {
		got, err := Load(filepath.Join("testdata", file))
		if err != nil {
			t.Errorf("Load(%s): %v", file, err)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Load(%s) mismatch (-want +got):\n%s", file, diff)
		}
	}
}

func TestLoadOverridesBuiltin(t *testing.T) {
	user, err := Load(filepath.Join("testdata", "user.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	g := mustNew(t, DefaultOptions(), user...)
	for surface, want := range map[string]string{
		"Putin":      "Vladimir Putin",
		"Uncle Sam":  "United States",
		"Washington": "United States",
		"USA":        "", // the user entry replaced the built-in one
		"Kremlin":    "Russia",
	} {
		m, ok := g.Lookup(surface)
		got := ""
		if ok {
			got = m.Entry.Name
		}
		if got != want {
			t.Errorf("Lookup(%q) = %q, want %q", surface, got, want)
		}
	}
	if m, ok := g.Lookup("Acme"); !ok || !m.Ambiguous {
		t.Errorf("Lookup(Acme) = %+v, %v; want an ambiguous match", m, ok)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		file  string
		want  []string // substrings of the error
		entry int      // for an *EntryError, else 0
	}{
		{"bad-noname.yaml", []string{"bad-noname.yaml: entry 3: missing name"}, 3},
		{"bad-type.yaml", []string{"bad-type.yaml: entry 1 (Atlantis): unknown type \"COUNTRY\""}, 1},
		{"bad-field.yaml", []string{"bad-field.yaml: ", "field alias not found"}, 0},
		{"bad-alias.json", []string{"bad-alias.json: entry 2 (Lemuria): alias 2: empty"}, 2},
		{"bad-institution.yaml", []string{"bad-institution.yaml: entry 1 (Atlantis): institution 1: missing name"}, 1},
		{"bad-syntax.json", []string{"bad-syntax.json: "}, 0},
		{"bad-shape.yaml", []string{"bad-shape.yaml: want a list of entries"}, 0},
		{"bad-nokey.yaml", []string{"bad-nokey.yaml: ", "actors"}, 0},
		{"empty.yaml", []string{"empty.yaml: empty file"}, 0},
		{"missing.yaml", []string{"missing.yaml", "no such file"}, 0},
	}
	for _, tt := range tests {
		_, err := Load(filepath.Join("testdata", tt.file))
		if err == nil {
			t.Errorf("Load(%s) succeeded, want an error", tt.file)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Load(%s) error %q does not contain %q", tt.file, err, w)
			}
		}
		var ee *EntryError
		if got := errors.As(err, &ee); got != (tt.entry > 0) || got && ee.Entry != tt.entry {
			t.Errorf("Load(%s) error %#v: want *EntryError for entry %d", tt.file, err, tt.entry)
		}
	}
}

func TestParseShapes(t *testing.T) {
	tests := []struct {
		name string
		data string
		f    format
		n    int    // entries, when no error
		err  string // substring, or "" for success
	}{
		{"yaml list", "- {name: A, type: ORG}", formatYAML, 1, ""},
		{"yaml empty list", "[]", formatYAML, 0, ""},
		{"yaml mapping", "entries: [{name: A, type: org}]", formatYAML, 1, ""},
		{"yaml null entries", "entries:", formatYAML, 0, `missing key "entries"`},
		{"yaml null entry", "- \n- {name: A, type: ORG}", formatYAML, 0, "entry 1: empty entry"},
		{"yaml nameless entry", "- {name: A, type: ORG}\n- {type: ORG}", formatYAML, 0, "entry 2: missing name"},
		{"json null entry", `[{"name": "A", "type": "ORG"}, null]`, formatJSON, 0, "entry 2: empty entry"},
		{"yaml scalar aliases", "- {name: A, type: ORG, aliases: B}", formatYAML, 0, "cannot unmarshal"},
		{"json object", `{"entries": []}`, formatJSON, 0, ""},
		{"json trailing", `[] []`, formatJSON, 0, "data after the entries"},
		{"json unknown", `[{"name": "A", "type": "ORG", "kind": "x"}]`, formatJSON, 0, "unknown field"},
		{"json scalar", `"A"`, formatJSON, 0, "want a list"},
		{"sniff json", ` [{"name": "A", "type": "ORG"}]`, formatSniff, 1, ""},
		{"sniff yaml", "- name: A\n  type: ORG\n", formatSniff, 1, ""},
		{"bom", "\uFEFF- {name: A, type: ORG}", formatYAML, 1, ""},
	}
	for _, tt := range tests {
		es, err := parse("f", []byte(tt.data), tt.f)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.err)
		case tt.err == "" && len(es) != tt.n:
			t.Errorf("%s: %d entries, want %d", tt.name, len(es), tt.n)
		}
	}
}

func TestBuiltinIsACopy(t *testing.T) {
	a, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	a[0].Name = "Changed"
	a[0].Aliases[0] = "Changed"
	b, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if b[0].Name == "Changed" || b[0].Aliases[0] == "Changed" {
		t.Error("changing Builtin's result changed the built-in data")
	}
}
