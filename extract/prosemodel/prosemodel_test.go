package prosemodel

import (
	"encoding/binary"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"hash/maphash"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/ner/maxentmodel"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
	prosetoken "github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/newsgraph/newsgraph/bench/gen/newsgen"
	"github.com/newsgraph/newsgraph/internal/sample"
	"github.com/newsgraph/newsgraph/internal/testshared"
)

// reference holds prose's own models, which ours must agree with.
type reference struct {
	segmenter *segment.Segmenter
	tokenizer *tokenize.Tokenizer
	tagger    *tag.Tagger
	entities  *ner.Extracter
	ourTagger *Tagger
	ourModel  *EntityModel
}

func newReference(t testing.TB) *reference {
	t.Helper()
	r := &reference{tokenizer: tokenize.New()}
	var err error
	if r.segmenter, err = segment.New(); err != nil {
		t.Fatal(err)
	}
	if r.tagger, err = tag.New(); err != nil {
		t.Fatal(err)
	}
	if r.entities, err = ner.New(); err != nil {
		t.Fatal(err)
	}
	if r.ourTagger, err = EnglishTagger(); err != nil {
		t.Fatal(err)
	}
	if r.ourModel, err = EnglishEntities(); err != nil {
		t.Fatal(err)
	}
	return r
}

// compareSentence tags and labels one sentence's tokens with prose and
// with ours, and describes the first difference ("" when there is none).
func (r *reference) compareSentence(tokens []prosetoken.Token) string {
	want := slices.Clone(tokens)
	got := slices.Clone(tokens)
	r.tagger.TagTokens(want)
	r.ourTagger.TagTokens(got)
	for i := range want {
		if got[i].Tag != want[i].Tag {
			return fmt.Sprintf("token %d %q: tag %q, prose %q (sentence %q)", i, want[i].Text, got[i].Tag, want[i].Tag, texts(want))
		}
	}
	r.entities.Label(want)
	r.ourModel.Label(got)
	for i := range want {
		if got[i].Label != want[i].Label {
			return fmt.Sprintf("token %d %q: label %q, prose %q (sentence %q)", i, want[i].Text, got[i].Label, want[i].Label, texts(want))
		}
	}
	return ""
}

// compareText compares every sentence of text and returns the number of
// tokens compared, failing t at the first difference.
func (r *reference) compareText(t testing.TB, name, text string) int {
	t.Helper()
	n := 0
	for _, s := range r.segmenter.Segment(text) {
		tokens := r.tokenizer.Tokenize(s.Text)
		if diff := r.compareSentence(tokens); diff != "" {
			t.Fatalf("%s: %s", name, diff)
		}
		n += len(tokens)
	}
	return n
}

func texts(tokens []prosetoken.Token) string {
	words := make([]string, len(tokens))
	for i, t := range tokens {
		words[i] = t.Text
	}
	return strings.Join(words, " ")
}

func TestMatchesProseOnSampleCorpus(t *testing.T) {
	r := newReference(t)
	n := 0
	err := fs.WalkDir(sample.Articles, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sample.Articles, path)
		if err != nil {
			return err
		}
		n += r.compareText(t, path, string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 5000 {
		t.Fatalf("compared only %d tokens", n)
	}
	t.Logf("%d tokens: every tag and label as prose's", n)
}

func TestMatchesProseOnGeneratedNews(t *testing.T) {
	r := newReference(t)
	articles := 100
	if testing.Short() {
		articles = 20
	}
	g := newsgen.New(newsgen.Config{Seed: 7, Articles: articles})
	n := 0
	for i := range articles {
		a := g.Article(i)
		n += r.compareText(t, a.ID, a.Title+"\n\n"+a.Text)
	}
	t.Logf("%d articles, %d tokens: every tag and label as prose's", articles, n)
}

func TestMatchesProseOnSharedCorpus(t *testing.T) {
	dir := testshared.Path(t, "corpus/articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r := newReference(t)
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n += r.compareText(t, filepath.Base(f), string(b))
	}
	t.Logf("%d articles, %d tokens: every tag and label as prose's", len(files), n)
}

// TestMatchesProseOnOddTokens covers what prose handles outside its
// models, and words whose features are odd: traces, brackets, emoticons,
// handles, numbers prose's ParseFloat accepts, non-ASCII and invalid
// UTF-8, hyphens, years.
func TestMatchesProseOnOddTokens(t *testing.T) {
	r := newReference(t)
	words := []string{
		"-", "*", "0", "*T*", "*-1", "*EXP*-12", "*?*", "-LRB-", "-RRB-", "-ABC", ":)", "xD", "¯\\(ツ)/¯",
		"@user", "1999", "+123", "-123", "12,000", "3.5", "1e5", "1e400", "Inf", "-inf", "NaN", "nan", "infinity", "Infinity", "none", "N",
		"Jean-Luc", "McDonald", "NASA", "U.S.A.", "o'Neil", "Ça", "İstanbul", "ÉCOLE", "école", "Straße", "naïve", "\xff", "ab\xe2\x80", "Ab\xe2",
		"I", "a", "the", "The", "Kremlin", "Putin", "said", "", "_", "__init__", "x_y", "Zoë", "ǅemal", "ΣΊΣΥΦΟΣ", "hello!", "U.S.", "'s", "'", "\"",
	}
	// Every word alone, and every word between others, as first, middle
	// and last token.
	for i, w := range words {
		for _, tokens := range [][]string{
			{w},
			{w, "met", "Putin"},
			{"President", w, "met", "the", "Kremlin", "."},
			{"Putin", "met", words[(i+1)%len(words)], w},
		} {
			toks := make([]prosetoken.Token, len(tokens))
			for j, text := range tokens {
				toks[j].Text = text
			}
			if diff := r.compareSentence(toks); diff != "" {
				t.Fatal(diff)
			}
		}
	}
}

// TestEntityLabelsOnGivenTags labels tokens whose tags are not the
// tagger's (newsgraph relabels windows after splitting compounds): the
// labels must still be prose's.
func TestEntityLabelsOnGivenTags(t *testing.T) {
	r := newReference(t)
	tags := []string{"NNP", "NN", "VBD", "IN", "DT", "JJ", ".", ",", "CD", "PRP", "VBZ", "NNPS", "", "X-Y", "V"}
	words := []string{"Putin", "met", "Zelensky", "in", "Paris", "on", "Monday", ",", "NATO", "said", "."}
	for shift := range tags {
		toks := make([]prosetoken.Token, len(words))
		for i, w := range words {
			toks[i] = prosetoken.Token{Text: w, Tag: tags[(i+shift)%len(tags)]}
		}
		want, got := slices.Clone(toks), slices.Clone(toks)
		r.entities.Label(want)
		r.ourModel.Label(got)
		for i := range want {
			if got[i].Label != want[i].Label {
				t.Fatalf("shift %d token %d %q/%q: %q, prose %q", shift, i, want[i].Text, want[i].Tag, got[i].Label, want[i].Label)
			}
		}
	}
}

func FuzzMatchesProse(f *testing.F) {
	for _, s := range []string{
		"Vladimir Putin met Donald Trump in Alaska on Friday.",
		"The Kremlin said Moscow would respond; NATO's chief, Mark Rutte, disagreed.",
		"*-1 -LRB- :) @user 1999 1e5 NaN Jean-Luc İstanbul \xff",
		"",
	} {
		f.Add(s)
	}
	r := newReference(f)
	f.Fuzz(func(t *testing.T, text string) {
		tokens := r.tokenizer.Tokenize(text)
		if diff := r.compareSentence(tokens); diff != "" {
			t.Fatal(diff)
		}
	})
}

// TestWordListsMatchProse compares basic-english.txt and emoticons.txt
// with the lists in prose's source, read from the module cache.
func TestWordListsMatchProse(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/jdkato/prose/v3").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("prose's source not found with go list: %v", err)
	}
	for _, c := range []struct{ source, ours string }{
		{"internal/wordlist/wordlist.go", basicEnglishText},
		{"internal/emoticon/emoticon.go", emoticonsText},
	} {
		want := mapKeys(t, filepath.Join(dir, c.source))
		got := strings.Split(strings.TrimSuffix(c.ours, "\n"), "\n")
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: ours has %d words, prose %d; they differ", c.source, len(got), len(want))
		}
		if len(want) < 50 {
			t.Errorf("%s: only %d words read", c.source, len(want))
		}
	}
}

// mapKeys returns the sorted string keys of the map literals in a Go file.
func mapKeys(t *testing.T, path string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	ast.Inspect(f, func(n ast.Node) bool {
		if kv, ok := n.(*ast.KeyValueExpr); ok {
			if lit, ok := kv.Key.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				keys = append(keys, s)
			}
		}
		return true
	})
	slices.Sort(keys)
	return keys
}

// TestCorruptModels checks that damaged model data gives an error, never
// a panic.
func TestCorruptModels(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		load func([]byte) error
	}{
		{"tagger", aptagmodel.English, func(b []byte) error { _, err := newTagger(b, nil); return err }},
		{"entities", maxentmodel.English, func(b []byte) error { _, err := newEntityModel(b, nil); return err }},
	} {
		if err := c.load(c.data); err != nil {
			t.Fatalf("%s: the shipped model: %v", c.name, err)
		}
		// Cut short anywhere in its first half.
		for n := 0; n < len(c.data)/2; n = n*3/2 + 1 {
			if err := c.load(c.data[:n]); err == nil {
				t.Errorf("%s cut to %d bytes: no error", c.name, n)
			}
		}
		// A wrong magic or version, and counts and offsets made huge.
		for _, at := range []int{0, 8, 12, 16, 20, 40, 100, 1000} {
			bad := slices.Clone(c.data)
			for i := at; i < at+4; i++ {
				bad[i] = 0xff
			}
			_ = c.load(bad) // must not panic; some of these damage only weights
		}
		bad := slices.Clone(c.data)
		bad[0] = 'X'
		if err := c.load(bad); err == nil || !strings.Contains(err.Error(), "not a") {
			t.Errorf("%s with a wrong magic: %v", c.name, err)
		}
	}
}

// TestFeaturePrefixes checks what newEntityModel relies on to give each
// key one feature: no feature's "name-" begins another's.
func TestFeaturePrefixes(t *testing.T) {
	for _, a := range entityFeatures {
		for _, b := range entityFeatures {
			if a != b && strings.HasPrefix(b+"-", a+"-") {
				t.Errorf("%q- begins %q-", a, b)
			}
		}
	}
}

func TestTable(t *testing.T) {
	entries := []struct {
		key     string
		classes []uint8
		weights []float32
	}{
		{"apple", []uint8{0}, []float32{0.5}},
		{"banana", []uint8{1, 3}, []float32{1.5, 10}},
		{"cherry", []uint8{2}, []float32{2.5}},
		{"", []uint8{3}, []float32{3.5}},
	}
	tab := newTable(maphash.MakeSeed(), len(entries), 0)
	for _, e := range entries {
		if err := tab.add(e.key, e.classes, littleEndian(e.weights)); err != nil {
			t.Fatalf("add(%q): %v", e.key, err)
		}
	}
	for _, c := range []struct {
		key  string
		want []float32
	}{
		{"apple", []float32{0.5, 0, 0, 0}},
		{"banana", []float32{0, 1.5, 0, 10}},
		{"cherry", []float32{0, 0, 2.5, 0}},
		{"", []float32{0, 0, 0, 3.5}},
		{"appl", make([]float32, 4)},
		{"apples", make([]float32, 4)},
		{"Cherry", make([]float32, 4)},
	} {
		scores := make([]float32, 4)
		accumulate(tab, c.key, scores)
		if !slices.Equal(scores, c.want) {
			t.Errorf("%q: %v, want %v", c.key, scores, c.want)
		}
	}
	scores := []float32{1, 1, 1, 1}
	accumulate(tab, "banana", scores)
	accumulate(tab, "banana", scores)
	if want := []float32{1, 4, 1, 21}; !slices.Equal(scores, want) {
		t.Errorf("banana twice: %v, want %v", scores, want)
	}
	// A batch adds what the features one by one add, in the same order.
	var b batch
	want := make([]float32, 4)
	for _, k := range []string{"banana", "fig", "", "apple", "banana", "Cherry"} {
		b.add(k)
		accumulate(tab, k, want)
	}
	got := make([]float32, 4)
	tab.accumulateAll(&b, got)
	if !slices.Equal(got, want) {
		t.Errorf("accumulateAll: %v, want %v", got, want)
	}
	for _, c := range []struct {
		name, value string
		want        []float32
	}{
		{"ban", "ANA", []float32{0, 1.5, 0, 10}},
		{"BAN", "ANA", []float32{0, 0, 0, 0}}, // the name keeps its case
	} {
		b.reset()
		b.addLower(c.name, c.value)
		got := make([]float32, 4)
		tab.accumulateAll(&b, got)
		if !slices.Equal(got, c.want) {
			t.Errorf("addLower(%q, %q): %v, want %v", c.name, c.value, got, c.want)
		}
	}
	if err := tab.add("banana", nil, nil); err == nil {
		t.Error("banana added twice")
	}
	if len(tab.slots) < 4 || len(tab.slots)&(len(tab.slots)-1) != 0 {
		t.Errorf("%d slots for 4 entries", len(tab.slots))
	}
	for range len(tab.slots) - len(entries) {
		_ = tab.add(fmt.Sprint(len(tab.records)), nil, nil)
	}
	if err := tab.add("one too many", nil, nil); err == nil {
		t.Error("a full table took one more")
	}
	if err := tab.add(strings.Repeat("x", 1<<16), nil, nil); err == nil {
		t.Error("a feature of 64 KiB went in")
	}
}

func taggerData() []byte { return aptagmodel.English }
func entityData() []byte { return maxentmodel.English }

// accumulate adds the weights of one feature to scores: a batch of one.
func accumulate(tab *table, key string, scores []float32) {
	var b batch
	b.add(key)
	tab.accumulateAll(&b, scores)
}

// littleEndian returns ws as prose's model files hold them.
func littleEndian(ws []float32) []byte {
	var b []byte
	for _, w := range ws {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(w))
	}
	return b
}

// TestRecordsSizedExactly checks that the loaders size the tables' records
// at what they hold: memory allocated beyond it would stay with the model
// for the life of the process.
func TestRecordsSizedExactly(t *testing.T) {
	tagger, err := EnglishTagger()
	if err != nil {
		t.Fatal(err)
	}
	entities, err := EnglishEntities()
	if err != nil {
		t.Fatal(err)
	}
	for name, tab := range map[string]*table{"tagger": tagger.features, "entities": entities.features} {
		if len(tab.records) != cap(tab.records) {
			t.Errorf("%s: %d bytes of records in %d allocated", name, len(tab.records), cap(tab.records))
		}
	}
}
