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
		{"triples", tripleKey("a1"), "74" + "6131" + "0001"},
		{"by subject", bySubjectKey("putin", "zelenskyy", "a1", 7),
			"73" + "707574696e" + "0001" + "7a656c656e736b7979" + "0001" + "6131" + "0001" + "00000007"},
		{"by object", byObjectKey("zelenskyy", "putin", "a1", 7),
			"6f" + "7a656c656e736b7979" + "0001" + "707574696e" + "0001" + "6131" + "0001" + "00000007"},
		{"mentions", mentionKey("a1"), "6e" + "6131" + "0001"},
		{"quotes", quoteKey("a1"), "71" + "6131" + "0001"},
		{"by speaker", bySpeakerKey("putin", "a1", 2), "70" + "707574696e" + "0001" + "6131" + "0001" + "00000002"},
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
		// Two triples of one sentence: the second refers to the strings
		// of the first (table: 0 "A met B.", 1 "a", 2 "A", 3 "PERSON",
		// 4 "meet", 5 "b", 6 "B", 7 "ORG", 8 "").
		{"triples", encodeTriples([]news.Triple{{
			Doc: "ignored", Sentence: "A met B.", SentenceIndex: 1, Start: 0, End: -1,
			SubjectID: "a", Subject: "A", SubjectType: news.Person, Predicate: "meet",
			ObjectID: "b", Object: "B", ObjectType: news.Org, Event: "", Negated: true,
			Hypothetical: false, Confidence: 0.5, Date: "",
		}, {
			Sentence: "A met B.", SentenceIndex: 1, SubjectID: "b", Subject: "B", SubjectType: news.Org,
			Predicate: "meet", ObjectID: "a", Object: "A", ObjectType: news.Person, Symmetric: true,
			Score: 1, Confidence: 0.5,
		}}), "09" + "08" + hex.EncodeToString([]byte("A met B.")) + "0161" + "0141" +
			"06" + hex.EncodeToString([]byte("PERSON")) + "04" + hex.EncodeToString([]byte("meet")) +
			"0162" + "0142" + "03" + hex.EncodeToString([]byte("ORG")) + "00" +
			"02" +
			"00" + "02" + "00" + "01" + "01" + "02" + "03" + "04" + "05" + "06" + "07" + "08" + "08" +
			"0000000000000000" + "01" + "3fe0000000000000" + "08" +
			"00" + "02" + "00" + "00" + "05" + "06" + "07" + "04" + "01" + "02" + "03" + "08" + "08" +
			"3ff0000000000000" + "04" + "3fe0000000000000" + "08"},
		{"no triples", encodeTriples(nil), "00" + "00"},
		{"relation", encodeRelation(news.Triple{
			Sentence: "ignored", SubjectID: "ignored", Event: "CONSULT", Predicate: "meet", Date: "2024-01-02",
			Hypothetical: true, Symmetric: true, Confidence: 0.5, Score: -2,
		}), "07" + hex.EncodeToString([]byte("CONSULT")) + "04" + hex.EncodeToString([]byte("meet")) +
			"0a" + hex.EncodeToString([]byte("2024-01-02")) + "06" + "3fe0000000000000" + "c000000000000000"},
		// Table: 0 "a", 1 "A", 2 "GPE", 3 "", 4 "the A"; the first text
		// is the actor id's string.
		{"mentions", encodeMentions([]news.Mention{
			{ActorID: "a", Name: "A", Type: "GPE", Text: "a", Sentence: 2, Start: 3, End: 4},
			{ActorID: "a", Name: "A", Type: "GPE", Text: "the A", Sentence: 2, Start: 10, End: 15},
		}), "05" + "0161" + "0141" + "03" + hex.EncodeToString([]byte("GPE")) + "00" + "05" + hex.EncodeToString([]byte("the A")) +
			"02" +
			"00" + "01" + "02" + "00" + "04" + "06" + "08" + "03" +
			"00" + "01" + "02" + "04" + "04" + "14" + "1e" + "03"},
		{"quotes", encodeQuotes([]news.Quote{{SpeakerID: "a", Speaker: "A", SpeakerType: news.Person, Verb: "say",
			Text: "Yes.", Sentence: "A said: Yes.", SentenceIndex: 3, Date: "d"}}),
			"07" + "0161" + "0141" + "06" + hex.EncodeToString([]byte("PERSON")) + "03" + hex.EncodeToString([]byte("say")) +
				"04" + hex.EncodeToString([]byte("Yes.")) + "0c" + hex.EncodeToString([]byte("A said: Yes.")) + "0164" +
				"01" + "00" + "01" + "02" + "03" + "04" + "05" + "06" + "06"},
		{"tally", (&tally{Articles: 1, Mentions: 2, Names: multiset{{"A", 1}, {"B", 1}},
			Aliases: multiset{{"x", 2}}, Dates: multiset{{"d", 1}}}).encode(),
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
	for _, k := range [][]byte{tripleKey(a), mentionKey(a), quoteKey(a)} {
		parts, err := parseStringsKey(k[0], k, 1)
		if err != nil || !cmp.Equal(parts, []string{a}) {
			t.Errorf("parseStringsKey(%q) = %q, %v", k, parts, err)
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
		{"article key wrong prefix", func() error { _, err := parseStringsKey(prefixMention, tripleKey(a), 1); return err }},
		{"article key trailing", func() error { _, err := parseStringsKey(prefixTriple, appendSeq(tripleKey(a), 1), 1); return err }},
		{"speaker key short", func() error { _, _, err := parseSpeakerKey(key(prefixBySpeaker, s, a)); return err }},
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
	tr2 := news.Triple{Doc: "d", Sentence: "x\x00y", SubjectID: "o", ObjectID: "s", Predicate: "q", Mode: "reported", Score: -1}
	m := news.Mention{Doc: "d", ActorID: "a", Name: "A", Type: "ORG", Text: "the A", Sentence: 9, Start: 10, End: 15}
	q := news.Quote{Doc: "d", SpeakerID: "a", Speaker: "A", SpeakerType: "ORG", Verb: "say", Text: "No.",
		Sentence: "A said no.", SentenceIndex: 2, Date: "2024-01-01"}
	ar := articleRecord{Hash: "h", Title: "t", Date: "d", URL: "u", Source: "s", Triples: 3, Mentions: 4}
	ta := &tally{Articles: 2, Mentions: 5, Names: multiset{{"A", 5}}, Types: multiset{{"ORG", 5}},
		EndTypes: multiset{{"ORG", 1}}, Aliases: multiset{{"A", 1}, {"the A", 4}},
		Dates: multiset{{"2024-01-01", 1}}}
	c := Counts{Articles: 1, Triples: 2, Actors: 3, Mentions: 4}

	tests := []struct {
		name   string
		enc    []byte
		decode func([]byte) (any, error)
		want   any
	}{
		{"triples", encodeTriples([]news.Triple{tr, tr2}), func(b []byte) (any, error) { return decodeTriples("d", b) }, []news.Triple{tr, tr2}},
		{"mentions", encodeMentions([]news.Mention{m, m}), func(b []byte) (any, error) { return decodeMentions("d", b) }, []news.Mention{m, m}},
		{"quotes", encodeQuotes([]news.Quote{q}), func(b []byte) (any, error) { return decodeQuotes("d", b) }, []news.Quote{q}},
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
