package store

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/news"
)

// TestKeyTable: every key comes back as it was put, whatever its form, and
// a second put replaces the first.
func TestKeyTable(t *testing.T) {
	a := news.Article{ID: "a", Text: "Putin met Xi."}
	hash := a.Hash()
	keys := map[string]string{
		"plain":     hash,
		"rules":     news.ArticleKey(a, "extract v7"),
		"rules2":    news.ArticleKey(a, "extract v8"),
		"rules3":    news.ArticleKey(news.Article{ID: "b"}, "extract v7"),
		"short":     "abc",
		"empty":     "",
		"upper":     strings.ToUpper(hash),
		"not hex":   "zz" + hash[2:],
		"hex+other": hash + "x",
	}
	tab := newKeyTable()
	for id, k := range keys {
		tab.put(id, k)
	}
	for id, want := range keys {
		if got, ok := tab.get(id); !ok || got != want {
			t.Errorf("get(%q) = %q, %v; want %q", id, got, ok, want)
		}
	}
	if _, ok := tab.get("missing"); ok {
		t.Error("a missing id is found")
	}
	if n := len(tab.packed) + len(tab.other); n != len(keys) {
		t.Errorf("%d entries, want %d", n, len(keys))
	}
	if len(tab.rules) != 4 { // "", "+extract v7", "+extract v8", "x"
		t.Errorf("rules %q: want 4", tab.rules)
	}
	// Replacing moves an id between the two forms.
	tab.put("short", hash)
	tab.put("plain", "abc")
	for id, want := range map[string]string{"short": hash, "plain": "abc"} {
		if got, _ := tab.get(id); got != want {
			t.Errorf("after replacing: get(%q) = %q, want %q", id, got, want)
		}
	}
	if n := len(tab.packed) + len(tab.other); n != len(keys) {
		t.Errorf("after replacing: %d entries, want %d", n, len(keys))
	}
	for i := range 1000 {
		tab.put(fmt.Sprint("n", i), news.ArticleKey(news.Article{ID: fmt.Sprint(i)}, "extract v7"))
	}
	if len(tab.rules) != 4 {
		t.Errorf("rules %q after many puts: want 4", tab.rules)
	}
}
