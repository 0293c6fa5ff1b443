package store

import (
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/news"
)

// TestKeyTable: an id put is found, with the key it was put with and no
// other, and a second put replaces the first.
func TestKeyTable(t *testing.T) {
	a := news.Article{ID: "a", Text: "Putin met Xi."}
	keys := map[string]string{
		"plain": a.Hash(),
		"rules": news.ArticleKey(a, "extract v7"),
		"other": news.ArticleKey(news.Article{ID: "b"}, "extract v7"),
		"short": "abc",
		"empty": "",
	}
	tab := newKeyTable()
	for id, k := range keys {
		tab.put(id, k)
	}
	for id, key := range keys {
		if found, same := tab.lookup(id, key); !found || !same {
			t.Errorf("lookup(%q, its key) = %v, %v; want found, same", id, found, same)
		}
		for _, other := range keys {
			if other == key {
				continue
			}
			if found, same := tab.lookup(id, other); !found || same {
				t.Errorf("lookup(%q, %q) = %v, %v; want found, not same", id, other, found, same)
			}
		}
	}
	if found, same := tab.lookup("missing", ""); found || same {
		t.Errorf("lookup(missing) = %v, %v; want neither", found, same)
	}
	tab.put("short", keys["plain"])
	if _, same := tab.lookup("short", "abc"); same {
		t.Error("after replacing: the old key still matches")
	}
	if _, same := tab.lookup("short", keys["plain"]); !same {
		t.Error("after replacing: the new key does not match")
	}
	for i := range 1000 {
		tab.put(fmt.Sprint("n", i), news.ArticleKey(news.Article{ID: fmt.Sprint(i)}, "extract v7"))
	}
	if n := len(tab.fps); n != len(keys)+1000 {
		t.Errorf("%d entries, want %d", n, len(keys)+1000)
	}
	for i := range 1000 {
		id, key := fmt.Sprint("n", i), news.ArticleKey(news.Article{ID: fmt.Sprint(i)}, "extract v7")
		if _, same := tab.lookup(id, key); !same {
			t.Fatalf("lookup(%q) lost its key", id)
		}
	}
}
