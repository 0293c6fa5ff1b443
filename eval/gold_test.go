package eval

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadGold(t *testing.T) {
	g, err := LoadGold("testdata/gold/ok.jsonl", "testdata/gold/aliases.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []Item{
		{Doc: "a1", Anchor: "Norway accused the Front of piracy", Subject: "Norway", Object: "Azure Coast Front",
			Predicates: []string{"accuse"}, Kind: Direct, Line: 1},
		{Doc: "a1", Anchor: "She met   Samuel Odhengo in “Nairobi”", Subject: "Ingrid Haugvik-Lunde", Object: "Samuel Odhengo",
			Predicates: []string{"meet", "talk"}, Kind: Coref, Symmetric: true, Line: 3},
		{Doc: "a1", Anchor: "Norway accused the Front of piracy", Subject: "Norway", Object: "Fjellhavn Shipping",
			Predicates: []string{"accuse"}, Kind: Optional, Line: 4},
		{Doc: "a2", Anchor: "Kenya urged the United Nations to act", Subject: "Kenya", Object: "United Nations",
			Predicates: []string{"urge", "call on"}, Kind: Direct, Line: 5},
		{Doc: "a3", Anchor: "India held talks with Egypt", Subject: "India", Object: "Egypt",
			Predicates: []string{"talk", "hold"}, Kind: Direct, Symmetric: true, Line: 6},
	}
	if diff := cmp.Diff(want, g.Items()); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a1", "a2", "a3"}, g.Docs()); diff != "" {
		t.Errorf("docs (-want +got):\n%s", diff)
	}
	if !g.HasDoc("a2") || g.HasDoc("a4") {
		t.Errorf("HasDoc(a2), HasDoc(a4) = %v, %v; want true, false", g.HasDoc("a2"), g.HasDoc("a4"))
	}
}

func TestLoadGoldErrors(t *testing.T) {
	for _, tc := range []struct {
		gold, aliases string
		line          int    // 0: no *LineError expected
		want          string // part of the message
	}{
		{"bad-json.jsonl", "", 2, "invalid JSON"},
		{"bad-kind.jsonl", "", 3, `kind "indirect", want direct, coref or optional`},
		{"bad-field.jsonl", "", 1, `unknown field "predicate"`},
		{"bad-missing.jsonl", "", 1, "missing anchor"},
		{"bad-nopredicates.jsonl", "", 1, "no predicates"},
		{"bad-self.jsonl", "", 1, `subject and object are both "Norway"`},
		{"bad-trailing.jsonl", "", 1, "data after the object"},
		{"bad-type.jsonl", "", 1, "invalid JSON"},
		{"ok.jsonl", "bad-aliases.json", 0, "bad-aliases.json: want an object of name → list of names"},
		{"ok.jsonl", "bad-aliases-syntax.json", 4, "bad-aliases-syntax.json:4:"},
		{"absent.jsonl", "", 0, "absent.jsonl"},
		{"ok.jsonl", "absent.json", 0, "absent.json"},
	} {
		t.Run(tc.gold+"+"+tc.aliases, func(t *testing.T) {
			aliases := ""
			if tc.aliases != "" {
				aliases = filepath.Join("testdata/gold", tc.aliases)
			}
			_, err := LoadGold(filepath.Join("testdata/gold", tc.gold), aliases)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
			var le *LineError
			switch {
			case tc.line == 0 && errors.As(err, &le) && tc.aliases == "":
				t.Errorf("unexpected *LineError %v", err)
			case tc.line > 0 && !errors.As(err, &le):
				t.Errorf("error %v is not a *LineError", err)
			case tc.line > 0 && le.Line != tc.line:
				t.Errorf("error on line %d, want %d: %v", le.Line, tc.line, err)
			case tc.line > 0 && tc.aliases == "" && !strings.HasPrefix(err.Error(), filepath.Join("testdata/gold", tc.gold)+":"):
				t.Errorf("error %q does not start with the file name", err)
			}
		})
	}
}

func TestParseGoldLongLine(t *testing.T) {
	long := `{"doc": "` + strings.Repeat("x", maxLine) + `"}`
	_, err := ParseGold("long.jsonl", strings.NewReader("\n"+long+"\n"))
	var le *LineError
	if !errors.As(err, &le) || le.Line != 2 || !errors.Is(err, errLineTooLong) {
		t.Errorf("got %v, want a line-too-long error on line 2", err)
	}
}

func TestParseGoldEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n", "  \r\n"} {
		items, err := ParseGold("empty.jsonl", strings.NewReader(in))
		if err != nil || items == nil || len(items) != 0 {
			t.Errorf("ParseGold(%q) = %v, %v; want an empty list", in, items, err)
		}
	}
}

func TestNewGoldInvalid(t *testing.T) {
	_, err := NewGold([]Item{{Doc: "a", Anchor: "b", Subject: "X", Object: "Y", Predicates: []string{"meet"}}}, nil)
	if err == nil || !strings.Contains(err.Error(), "gold item 1: kind") {
		t.Errorf("got %v, want an error naming item 1 and its kind", err)
	}
}

func TestParseAliasesNull(t *testing.T) {
	if _, err := ParseAliases("null.json", []byte("null")); err == nil {
		t.Error("null aliases: no error")
	}
	data, err := os.ReadFile("testdata/gold/aliases.json")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseAliases("aliases.json", data)
	if err != nil || len(m) != 4 {
		t.Errorf("ParseAliases = %d entries, %v; want 4", len(m), err)
	}
}
