package store

import (
	"bytes"
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/newsgraph/newsgraph/news"
)

// FuzzKeys checks the key encoding on arbitrary ids: keys of different ids
// never collide, no key is a prefix of another id's key, order is kept, and
// every key parses back to its parts.
func FuzzKeys(f *testing.F) {
	for _, seed := range [][2]string{
		{"a", "b"}, {"a", "a\x00"}, {"", "\x00"}, {"a\x00\x01", "a"}, {"x\xff", "x\x00\xff"},
		{"kremlin-scrape#3", "kremlin-scrape#30"},
	} {
		f.Add(seed[0], seed[1], uint32(7))
	}
	f.Fuzz(func(t *testing.T, a, b string, seq uint32) {
		ka, kb := articleKey(a), articleKey(b)
		if (a == b) != bytes.Equal(ka, kb) {
			t.Fatalf("articleKey(%q) = %x, articleKey(%q) = %x", a, ka, b, kb)
		}
		if got, want := bytes.Compare(ka, kb), strings.Compare(a, b); got != want {
			t.Errorf("key order of %q, %q is %d, string order %d", a, b, got, want)
		}
		if a != b && (bytes.HasPrefix(kb, ka) || bytes.HasPrefix(ka, kb)) {
			t.Errorf("article keys of %q and %q are prefixes of each other", a, b)
		}
		// The subject prefix of a is a prefix exactly of a's index keys.
		if got := bytes.HasPrefix(bySubjectKey(b, a, b, seq), key(prefixBySubject, a)); got != (a == b) {
			t.Errorf("bySubjectKey(%q, ...) has prefix of %q: %v", b, a, got)
		}
		if got := bytes.HasPrefix(bySubjectKey(a, b, a, seq), key(prefixBySubject, a, a)); got != (a == b) {
			t.Errorf("bySubjectKey(%q, %q, ...) has pair prefix (%q, %q): %v", a, b, a, a, got)
		}
		for _, k := range [][]byte{tripleKey(a), mentionKey(a), quoteKey(a)} {
			parts, err := parseStringsKey(k[0], k, 1)
			if err != nil || parts[0] != a {
				t.Errorf("parseStringsKey(%x) = %q, %v", k, parts, err)
			}
		}
		s, o, art, gotSeq, err := parseIndexKey(prefixByObject, byObjectKey(a, b, a+b, seq))
		if err != nil || s != a || o != b || art != a+b || gotSeq != seq {
			t.Errorf("parseIndexKey = %q, %q, %q, %d, %v", s, o, art, gotSeq, err)
		}
		parts, err := parseStringsKey(prefixContribution, contributionKey(a, b), 2)
		if err != nil || parts[0] != a || parts[1] != b {
			t.Errorf("parseStringsKey = %q, %v", parts, err)
		}
	})
}

// FuzzDecode checks that the value decoders never panic on arbitrary bytes
// and accept only canonical encodings.
func FuzzDecode(f *testing.F) {
	f.Add(encodeTriples(a1.Triples))
	f.Add(encodeMentions(a1.Mentions))
	f.Add(encodeQuotes([]news.Quote{{SpeakerID: "a", Speaker: "A", Text: "x", Sentence: "A said x.", Date: "d"}, {SpeakerID: "a"}}))
	f.Add((&tally{Articles: 1, Names: multiset{{"a", 1}, {"b", 2}}}).encode())
	f.Add(encodeRelation(a1.Triples[0]))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		// Decoding is strict: whatever decodes re-encodes to the same bytes.
		reencode := map[string]func() ([]byte, error){
			"triples":  func() ([]byte, error) { v, err := decodeTriples("d", b); return encodeTriples(v), err },
			"mentions": func() ([]byte, error) { v, err := decodeMentions("d", b); return encodeMentions(v), err },
			"quotes":   func() ([]byte, error) { v, err := decodeQuotes("d", b); return encodeQuotes(v), err },
			"article":  func() ([]byte, error) { v, err := decodeArticle(b); return v.encode(), err },
			"counts":   func() ([]byte, error) { v, err := decodeCounts(b); return v.encode(), err },
			"relation": func() ([]byte, error) {
				var r Relation
				err := decodeRelation(b, &r, nil)
				return encodeRelation(news.Triple{Event: r.Event, Predicate: r.Predicate, Date: r.Date,
					Negated: r.Negated, Hypothetical: r.Hypothetical, Symmetric: r.Symmetric,
					Confidence: r.Confidence, Score: r.Score}), err
			},
			"tally": func() ([]byte, error) {
				v, err := decodeTally(b)
				if err != nil {
					return nil, err
				}
				return v.encode(), nil
			},
		}
		for name, fn := range reencode {
			if got, err := fn(); err == nil && !bytes.Equal(got, b) {
				t.Errorf("%s %x decodes but re-encodes as %x", name, b, got)
			}
		}
		readString(b)

		// Reading one record agrees with reading them all, and never
		// panics, whatever the bytes.
		all, errAll := decodeTriples("d", b)
		for seq := range uint32(len(all) + 2) {
			got, ok, err := decodeTripleAt("d", b, seq)
			if errAll == nil && (err != nil || ok != (int(seq) < len(all))) {
				t.Errorf("triples %x: decodeTripleAt(%d) = %v, %v; %d triples", b, seq, ok, err, len(all))
			}
			if ok && errAll == nil && !cmp.Equal(got, all[seq], cmpopts.EquateNaNs()) {
				t.Errorf("triples %x: decodeTripleAt(%d) = %+v, decodeTriples has %+v", b, seq, got, all[seq])
			}
		}
		quotes, errAll := decodeQuotes("d", b)
		for seq := range uint32(len(quotes) + 2) {
			got, ok, err := decodeQuoteAt("d", b, seq)
			if errAll == nil && (err != nil || ok != (int(seq) < len(quotes))) {
				t.Errorf("quotes %x: decodeQuoteAt(%d) = %v, %v; %d quotes", b, seq, ok, err, len(quotes))
			}
			if ok && errAll == nil && got != quotes[seq] {
				t.Errorf("quotes %x: decodeQuoteAt(%d) = %+v, decodeQuotes has %+v", b, seq, got, quotes[seq])
			}
		}
	})
}

// FuzzIngest ingests articles with arbitrary ids, names and text, checks
// that everything reads back as written, through every index, and that
// deleting the article leaves the store empty and consistent.
func FuzzIngest(f *testing.F) {
	f.Add("kremlin-scrape#3", "vladimir-putin", "Vladimir Putin", "volodymyr-zelensky", "Zelenskyy", "meet", 0.9, -1)
	f.Add("a\x00", "a", "\x00", "a\x00", "", "", math.Inf(1), 1<<40)
	f.Add("", "x", "X", "y", "Y", "p", 0.0, 0)
	f.Add("same", "same", "same", "same", "same", "same", 0.5, 3)
	s := openMem(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, id, subj, subjName, obj, objName, pred string, conf float64, n int) {
		ex := news.Extraction{
			Article: news.Article{ID: id, Title: subjName, Text: objName + pred, Date: pred, URL: objName, Source: subj},
			Mentions: []news.Mention{
				{Doc: id, ActorID: subj, Name: subjName, Type: objName, Text: pred, Sentence: n, Start: -n, End: n},
				{ActorID: obj, Name: objName, Type: subjName, Text: subjName, Sentence: 0},
			},
			Triples: []news.Triple{
				{Doc: id, Sentence: pred, SentenceIndex: n, Start: n, End: -n, SubjectID: subj, Subject: subjName,
					SubjectType: objName, Predicate: pred, ObjectID: obj, Object: objName, ObjectType: subjName,
					Event: id, Negated: n%2 == 0, Hypothetical: n%3 == 0, Confidence: conf, Date: objName},
				{SubjectID: obj, ObjectID: subj, Predicate: pred},
			},
		}
		st, err := s.Ingest(ctx, ex)
		if _, perr := prepare(ex); perr != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Ingest of invalid extraction: err = %v, want ErrInvalid", err)
			}
			return
		}
		if err != nil || st != New {
			t.Fatalf("Ingest = %v, %v", st, err)
		}
		defer func() {
			if err := s.DeleteArticle(ctx, id); err != nil {
				t.Fatal(err)
			}
			if c, err := s.Counts(ctx); err != nil || c != (Counts{}) {
				t.Fatalf("Counts after delete = %+v, %v", c, err)
			}
			mustCheck(t, s)
		}()
		mustCheck(t, s)

		info, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		a := ex.Article
		want := ArticleInfo{ID: id, Hash: a.Hash(), Title: a.Title, Date: a.Date, URL: a.URL, Source: a.Source, Triples: 2, Mentions: 2}
		if diff := cmp.Diff(want, info); diff != "" {
			t.Errorf("Article (-want +got):\n%s", diff)
		}
		opts := cmp.Options{cmpopts.EquateNaNs(), cmpopts.SortSlices(func(x, y news.Triple) bool { return x.SubjectID < y.SubjectID })}
		wantTriples := withDocs(ex)
		if diff := cmp.Diff(wantTriples, collect(t, s.EachTriple), opts); diff != "" {
			t.Errorf("EachTriple (-want +got):\n%s", diff)
		}
		from := collect(t, func(ctx context.Context, fn func(news.Triple) error) error { return s.TriplesFrom(ctx, subj, fn) })
		to := collect(t, func(ctx context.Context, fn func(news.Triple) error) error { return s.TriplesTo(ctx, obj, fn) })
		between := collect(t, func(ctx context.Context, fn func(news.Triple) error) error {
			return s.TriplesBetween(ctx, subj, obj, fn)
		})
		wantFrom := filter(wantTriples, func(tr news.Triple) bool { return tr.SubjectID == subj })
		for name, got := range map[string][]news.Triple{"TriplesFrom": from, "TriplesTo": to, "TriplesBetween": between} {
			if diff := cmp.Diff(wantFrom, got, opts); diff != "" {
				t.Errorf("%s (-want +got):\n%s", name, diff)
			}
		}
		var mentions []news.Mention
		if err := s.ArticleMentions(ctx, id, func(m news.Mention) error { mentions = append(mentions, m); return nil }); err != nil {
			t.Fatal(err)
		}
		_, wantMentions, _ := prepareParts(ex)
		if diff := cmp.Diff(wantMentions, mentions); diff != "" {
			t.Errorf("ArticleMentions (-want +got):\n%s", diff)
		}
		if _, err := s.Actor(ctx, subj); err != nil {
			t.Errorf("Actor(%q): %v", subj, err)
		}
		if _, err := s.Actor(ctx, obj); err != nil {
			t.Errorf("Actor(%q): %v", obj, err)
		}
	})
}

// FuzzFoldName checks that folding is idempotent and gives lower-case words
// separated by single spaces, so that a folded query finds a folded name.
func FuzzFoldName(f *testing.F) {
	for _, s := range []string{"Volodymyr Zelenskyy", "U.S.", "Straße", "İstanbul", "ﬁ", "a--b", "Ǆ", "\u0130\u0307"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := FoldName(s)
		if again := FoldName(got); again != got {
			t.Errorf("FoldName(%q) = %q, but FoldName of that = %q", s, got, again)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Errorf("FoldName(%q) = %q: stray spaces", s, got)
		}
	})
}
