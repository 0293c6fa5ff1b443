package gazetteer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the YAML and JSON readers. They must
// never panic, and whatever they accept must index and match without
// panicking.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("- {name: A, type: ORG, aliases: [the B, C's], exclude: [X A]}"))
	f.Add([]byte(`{"entries": [{"name": "A", "type": "GPE", "institutions": [{"name": "B"}]}]}`))
	f.Add([]byte("&a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, fm := range []format{formatYAML, formatJSON, formatSniff} {
			es, err := parse("fuzz", data, fm)
			if err != nil {
				continue
			}
			for _, opts := range []Options{{FoldInstitutions: true}, {}} {
				g, err := New(es, opts)
				if err != nil {
					t.Fatalf("New rejected entries that parse accepted: %v", err)
				}
				for _, e := range es {
					for _, form := range e.forms() {
						g.Lookup(form)
						words := strings.Fields(form)
						for i := range words {
							if m, ok := g.MatchWords(words, i); ok && (m.Tokens < 1 || i+m.Tokens > len(words)) {
								t.Fatalf("MatchWords(%q, %d) consumed %d tokens", words, i, m.Tokens)
							}
						}
					}
				}
			}
		}
	})
}

// FuzzMatchWords runs the built-in gazetteer over arbitrary text.
func FuzzMatchWords(f *testing.F) {
	for _, s := range []string{
		"The Kremlin said Russian forces hit Kyiv", "the the the", "U.S.'s", "Côte d’Ivoire",
		"in Latin America", "Democratic Republic of the Congo", "\xff\xfe", "Kremlin'",
	} {
		f.Add(s)
	}
	g := mustDefault(f)
	f.Fuzz(func(t *testing.T, s string) {
		g.Lookup(s)
		words := strings.Fields(s)
		for i := range words {
			if m, ok := g.MatchWords(words, i); ok {
				if m.Tokens < 1 || i+m.Tokens > len(words) || m.Entry == nil {
					t.Fatalf("MatchWords(%q, %d) = %+v", words, i, m)
				}
			}
		}
	})
}
