package news

import (
	"encoding/hex"
	"testing"
)

func TestActorID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Volodymyr Zelenskyy", "volodymyr-zelensky"},
		{"Volodymyr Zelenskiy", "volodymyr-zelensky"},
		{"Dmitrii Peskov", "dmitry-peskov"},
		{"Alexei Navalny", "alexey-navalny"},
		{"Hawaii", "haway"}, // an id, not a spelling: only consistency matters
		{"Li Wei", "li-wei"},
		{"Zelénskyy", "zelensky"},
		{"U.S.", "u-s"},
		{"  the   Kremlin ", "the-kremlin"},
		{"Côte d’Ivoire", "cote-d-ivoire"},
		{"G7", "g7"},
		{"", ""},
		{"—", ""},
	}
	for _, tt := range tests {
		if got := ActorID(tt.in); got != tt.want {
			t.Errorf("ActorID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHash(t *testing.T) {
	a := Article{ID: "d1", Title: "T", Text: "body", Date: "2024-01-02", Source: "x.txt"}
	b := a
	b.Source = "moved/x.txt"
	if a.Hash() != b.Hash() {
		t.Error("moving a file changed its hash")
	}
	c := a
	c.Text = "body!"
	if a.Hash() == c.Hash() {
		t.Error("editing the text kept the hash")
	}
	// Length prefixes keep field boundaries apart.
	d1 := Article{ID: "ab", Title: "c"}
	d2 := Article{ID: "a", Title: "bc"}
	if d1.Hash() == d2.Hash() {
		t.Error("field boundaries are not part of the hash")
	}
}

// TestIDDigest: the digest is the first 16 bytes of the id's SHA-256.
func TestIDDigest(t *testing.T) {
	tests := []struct{ id, want string }{
		{"", "e3b0c44298fc1c149afbf4c8996fb924"},
		{"a", "ca978112ca1bbdcafac231b39a23dc4d"},
	}
	for _, tt := range tests {
		d := IDDigest(tt.id)
		if got := hex.EncodeToString(d[:]); got != tt.want {
			t.Errorf("IDDigest(%q) = %s, want %s", tt.id, got, tt.want)
		}
	}
}
