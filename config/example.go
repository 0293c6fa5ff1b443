package config

import (
	_ "embed"
	"strings"
)

//go:embed example.yaml
var example string

// Example returns the commented example config that `newsgraph init`
// writes: one path source (the folder "articles"), a relations GraphML and
// a co-mention GEXF export, and every other key commented out with what it
// does. Parse accepts it as it is, and with its commented keys uncommented.
func Example() []byte { return []byte(example) }

// ExampleFolders returns the folders, relative to the config file, that
// the example's uncommented sources name and that must exist before a
// rebuild can read them.
func ExampleFolders() []string { return []string{"articles"} }

// uncomment returns the example with its commented-out keys and list items
// made live (a "# " before "key:" or "- " removed), for tests that the
// example's comments are valid config too.
func uncomment(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		trimmed := strings.TrimLeft(l, " ")
		indent := l[:len(l)-len(trimmed)]
		rest, ok := strings.CutPrefix(trimmed, "# ")
		if !ok {
			continue
		}
		if body := strings.TrimLeft(rest, " "); strings.HasPrefix(body, "- ") || isKeyLine(body) {
			lines[i] = indent + rest
		}
	}
	return strings.Join(lines, "\n")
}

// isKeyLine reports whether s starts with a lower-case YAML key and a
// colon, as commented-out config does ("cache: x", "file: y") and prose
// does not.
func isKeyLine(s string) bool {
	key, _, ok := strings.Cut(s, ":")
	if !ok || key == "" {
		return false
	}
	for _, r := range key {
		if (r < 'a' || r > 'z') && r != '_' {
			return false
		}
	}
	return true
}
