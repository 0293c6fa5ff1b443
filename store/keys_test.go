package store

import (
	"bytes"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

// TestKeyGolden pins the exact bytes of every kind of key. A failure here
// means the on-disk format changed: bump FormatVersion.
func TestKeyGolden(t *testing.T) {
	tests := []struct {
		name string
		key  []byte
		want string // hex
	}{
		{"version", metaVersionKey, "6d76657273696f6e"},
		{"counts", metaCountsKey, "6d636f756e7473"},
		{"article", articleKey("kremlin-scrape#3"), "61" + "6b72656d6c696e2d7363726170652333" + "0001"},
		{"article empty id", articleKey(""), "61" + "0001"},
		{"article with NUL", articleKey("a\x00b"), "61" + "6100ff62" + "0001"},
		{"article with 0x01 and 0xFF", articleKey("\x01\xff"), "61" + "01ff" + "0001"},
		{"triple", tripleKey("a1", 258), "74" + "6131" + "0001" + "00000102"},
		{"by subject", bySubjectKey("putin", "zelenskyy", "a1", 7),
			"73" + "707574696e" + "0001" + "7a656c656e736b7979" + "0001" + "6131" + "0001" + "00000007"},
		{"by object", byObjectKey("zelenskyy", "putin", "a1", 7),
			"6f" + "7a656c656e736b7979" + "0001" + "707574696e" + "0001" + "6131" + "0001" + "00000007"},
		{"mention", mentionKey("a1", 0), "6e" + "6131" + "0001" + "00000000"},
		{"actor tally", contributionKey("putin", "a1"), "63" + "707574696e" + "0001" + "6131" + "0001"},
		{"actor", actorKey("putin"), "65" + "707574696e" + "0001"},
		{"actor date", actorDateKey("putin", "2024-01-02", "a1"),
			"64" + "707574696e" + "0001" + hex.EncodeToString([]byte("2024-01-02")) + "0001" + "6131" + "0001"},
		{"name", nameKey("vladimir putin", "putin"), "66" + hex.EncodeToString([]byte("vladimir putin")) + "0001" + "707574696e" + "0001"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hex.EncodeToString(tt.key); got != tt.want {
				t.Errorf("key = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestValueGolden pins the exact bytes of each value encoding.
func TestValueGolden(t *testing.T) {
	tests := []struct {
		name  string
		value []byte
		want  string // hex
	}{
		{"version", encodeVersion(1), "00000001"},
		{"counts", Counts{Articles: 1, Triples: 2, Actors: 3, Mentions: 300}.encode(), "0102ac0203"},
		{"article", articleRecord{Hash: "ab", Title: "T", Date: "2024-01-02", URL: "", Source: "s", Triples: 1, Mentions: 2}.encode(),
			"026162" + "0154" + "0a" + hex.EncodeToString([]byte("2024-01-02")) + "00" + "0173" + "01" + "02"},
		{"triple", encodeTriple(news.Triple{
			Doc: "ignored", Sentence: "A met B.", SentenceIndex: 1, Start: 0, End: -1,
			SubjectID: "a", Subject: "A", SubjectType: news.Person, Predicate: "meet",
			ObjectID: "b", Object: "B", ObjectType: news.Org, Event: "", Negated: true,
			Hypothetical: false, Confidence: 0.5, Date: "",
		}), "08" + hex.EncodeToString([]byte("A met B.")) + "02" + "00" + "01" +
			"0161" + "0141" + "06" + hex.EncodeToString([]byte("PERSON")) + "04" + hex.EncodeToString([]byte("meet")) +
			"0162" + "0142" + "03" + hex.EncodeToString([]byte("ORG")) + "00" + "00" + "0000000000000000" +
			"01" + "3fe0000000000000" + "00"},
		{"relation", encodeRelation(news.Triple{
			Sentence: "ignored", SubjectID: "ignored", Event: "CONSULT", Predicate: "meet", Date: "2024-01-02",
			Hypothetical: true, Symmetric: true, Confidence: 0.5, Score: -2,
		}), "07" + hex.EncodeToString([]byte("CONSULT")) + "04" + hex.EncodeToString([]byte("meet")) +
			"0a" + hex.EncodeToString([]byte("2024-01-02")) + "06" + "3fe0000000000000" + "c000000000000000"},
		{"mention", encodeMention(news.Mention{ActorID: "a", Name: "A", Type: "GPE", Text: "a", Sentence: 2, Start: 3, End: 4}),
			"0161" + "0141" + "03" + hex.EncodeToString([]byte("GPE")) + "0161" + "04" + "06" + "08" + "00"},
		{"tally", (&tally{Articles: 1, Mentions: 2, Names: map[string]int{"B": 1, "A": 1},
			Aliases: map[string]int{"x": 2}, Dates: map[string]int{"d": 1}}).encode(),
			"01" + "02" + "02" + "0141" + "01" + "0142" + "01" + "00" + "00" + "00" + "01" + "0178" + "02" + "01" + "0164" + "01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hex.EncodeToString(tt.value); got != tt.want {
				t.Errorf("value = %s\n                want %s", got, tt.want)
			}
		})
	}
}

// TestStringEncoding checks that the key string encoding round-trips, keeps
// byte order and is prefix-free.
func TestStringEncoding(t *testing.T) {
	ids := []string{"", "a", "a\x00", "a\x00b", "a\x01", "a\xff", "ab", "b", "\x00", "\x00\x00", "\x00\x01", "\xff", "kremlin-scrape#3"}
	for _, a := range ids {
		enc := appendString(nil, a)
		got, rest, err := readString(append(bytes.Clone(enc), 'z'))
		if err != nil || got != a || string(rest) != "z" {
			t.Errorf("readString(enc(%q)) = %q, %q, %v", a, got, rest, err)
		}
		for _, b := range ids {
			encB := appendString(nil, b)
			if got, want := bytes.Compare(enc, encB), strings.Compare(a, b); got != want {
				t.Errorf("order of %q vs %q: encoded %d, strings %d", a, b, got, want)
			}
			if a != b && bytes.HasPrefix(encB, enc) {
				t.Errorf("enc(%q) is a prefix of enc(%q)", a, b)
			}
		}
	}
}

// TestParseKeys checks that each key parser inverts its builder and rejects
// malformed keys.
func TestParseKeys(t *testing.T) {
	s, o, a, seq := "s\x00", "\x00o", "a#1", uint32(1<<31+5)
	for _, prefix := range []byte{prefixTriple, prefixMention} {
		k := appendSeq(key(prefix, a), seq)
		gotA, gotSeq, err := parseSeqKey(prefix, k)
		if err != nil || gotA != a || gotSeq != seq {
			t.Errorf("parseSeqKey(%q) = %q, %d, %v", k, gotA, gotSeq, err)
		}
	}
	for _, tt := range []struct {
		prefix byte
		k      []byte
	}{
		{prefixBySubject, bySubjectKey(s, o, a, seq)},
		{prefixByObject, byObjectKey(s, o, a, seq)},
	} {
		first, second, gotA, gotSeq, err := parseIndexKey(tt.prefix, tt.k)
		if err != nil || first != s || second != o || gotA != a || gotSeq != seq {
			t.Errorf("parseIndexKey(%q) = %q, %q, %q, %d, %v", tt.k, first, second, gotA, gotSeq, err)
		}
	}
	parts, err := parseStringsKey(prefixContribution, contributionKey(s, a), 2)
	if err != nil || !cmp.Equal(parts, []string{s, a}) {
		t.Errorf("parseStringsKey = %q, %v", parts, err)
	}

	bad := []struct {
		name string
		fn   func() error
	}{
		{"seq key short", func() error { _, _, err := parseSeqKey(prefixTriple, key(prefixTriple, a)); return err }},
		{"seq key wrong prefix", func() error { _, _, err := parseSeqKey(prefixMention, tripleKey(a, 1)); return err }},
		{"seq key trailing", func() error { _, _, err := parseSeqKey(prefixTriple, append(tripleKey(a, 1), 0)); return err }},
		{"index key short", func() error {
			_, _, _, _, err := parseIndexKey(prefixBySubject, key(prefixBySubject, s, o))
			return err
		}},
		{"unterminated", func() error { _, err := parseStringsKey(prefixActor, []byte("eabc"), 1); return err }},
		{"bad escape", func() error { _, err := parseStringsKey(prefixActor, []byte("ea\x00\x02"), 1); return err }},
		{"empty", func() error { _, err := parseStringsKey(prefixActor, nil, 1); return err }},
	}
	for _, tt := range bad {
		if err := tt.fn(); !errors.Is(err, errBadKey) {
			t.Errorf("%s: err = %v, want errBadKey", tt.name, err)
		}
	}
}

// TestValueRoundTrip checks that every record decodes to what was encoded
// and that truncated or extended records are rejected.
func TestValueRoundTrip(t *testing.T) {
	tr := news.Triple{
		Doc: "d", Sentence: "x\x00y", SentenceIndex: -3, Start: 1 << 40, End: 5,
		SubjectID: "s", Subject: "S", SubjectType: "PERSON", Predicate: "p",
		ObjectID: "o", Object: "O", ObjectType: "GPE", Event: "CONSULT",
		Negated: true, Hypothetical: true, Confidence: 0.25, Date: "2024-01-01",
	}
	m := news.Mention{Doc: "d", ActorID: "a", Name: "A", Type: "ORG", Text: "the A", Sentence: 9, Start: 10, End: 15}
	ar := articleRecord{Hash: "h", Title: "t", Date: "d", URL: "u", Source: "s", Triples: 3, Mentions: 4}
	ta := &tally{Articles: 2, Mentions: 5, Names: map[string]int{"A": 5}, Types: map[string]int{"ORG": 5},
		EndNames: map[string]int{}, EndTypes: map[string]int{"ORG": 1}, Aliases: map[string]int{"A": 1, "the A": 4},
		Dates: map[string]int{"2024-01-01": 1}}
	c := Counts{Articles: 1, Triples: 2, Actors: 3, Mentions: 4}

	tests := []struct {
		name   string
		enc    []byte
		decode func([]byte) (any, error)
		want   any
	}{
		{"triple", encodeTriple(tr), func(b []byte) (any, error) { return decodeTriple("d", b) }, tr},
		{"mention", encodeMention(m), func(b []byte) (any, error) { return decodeMention("d", b) }, m},
		{"article", ar.encode(), func(b []byte) (any, error) { return decodeArticle(b) }, ar},
		{"tally", ta.encode(), func(b []byte) (any, error) { return decodeTally(b) }, ta},
		{"counts", c.encode(), func(b []byte) (any, error) { return decodeCounts(b) }, c},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.decode(tt.enc)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
			for i := range len(tt.enc) {
				if _, err := tt.decode(tt.enc[:i]); err == nil {
					t.Errorf("decoding %d of %d bytes succeeded", i, len(tt.enc))
				}
			}
			if _, err := tt.decode(append(bytes.Clone(tt.enc), 0)); err == nil {
				t.Errorf("decoding with a trailing byte succeeded")
			}
		})
	}
}

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestStoreImageGolden pins every key and value a small ingest writes, in
// key order: the whole on-disk image of one article. Run with -update after
// a deliberate format change (and bump FormatVersion).
func TestStoreImageGolden(t *testing.T) {
	s := openMem(t)
	ex := article("a#1", "2024-01-10", fact{S: "Vladimir Putin", V: "meet", O: "Volodymyr Zelenskyy", SText: "Putin"})
	ex.Quotes = []news.Quote{{SpeakerID: "vladimir-putin", Speaker: "Vladimir Putin", SpeakerType: news.Person,
		Verb: "say", Text: "We are ready.", Sentence: "Putin said: “We are ready.”", SentenceIndex: 1, Date: "2024-01-10"}}
	mustIngest(t, s, ex)
	var b strings.Builder
	err := s.bdb().View(func(txn *badger.Txn) error {
		return scanTxn(txn, nil, false, func(k, v []byte) error {
			fmt.Fprintf(&b, "%q\n  key   %x\n  value %x\n", k, k, v)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "image.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestStoreImageGolden -update)", err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("store image (-golden +got):\n%s", diff)
	}
}
