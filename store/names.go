package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	badger "github.com/dgraph-io/badger/v4"
	"golang.org/x/text/unicode/norm"
)

// FoldName returns the form under which the name index keys a name: case
// and accents removed ("Zelénskyy" and "ZELENSKYY" fold alike), apostrophes
// and full stops dropped ("U.S." and "US", "O'Brien" and "OBrien" fold
// alike), and every other run of characters that are not letters or digits
// turned into one space ("Jean-Luc" and "jean luc"; the actor id
// "volodymyr-zelenskyy" folds like the name "Volodymyr Zelenskyy").
//
// Accents are removed by Unicode decomposition (NFKD, combining marks
// dropped); letters that do not decompose are mapped by a small table
// (ß→ss, æ→ae, œ→oe, ø→o, đ and ð→d, ł→l, ı→i, þ→th, ħ→h). The result is
// lower case; "" when s holds no letter or digit.
func FoldName(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFKD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\'' || r == '.' || r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`':
			// dropped without a break: "U.S." is "US"
		case unicode.Is(unicode.Mn, r):
			// a combining accent
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if f := foldLetter(r); f != "" {
				b.WriteString(f)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		default:
			space = true
		}
	}
	return b.String()
}

// foldLetter maps the letters that Unicode decomposition leaves alone but a
// reader treats as accented forms of Latin letters; "" for the others.
func foldLetter(r rune) string {
	switch r {
	case 'ß', 'ẞ':
		return "ss"
	case 'æ', 'Æ':
		return "ae"
	case 'œ', 'Œ':
		return "oe"
	case 'ø', 'Ø':
		return "o"
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d"
	case 'ł', 'Ł':
		return "l"
	case 'ı':
		return "i"
	case 'þ', 'Þ':
		return "th"
	case 'ħ', 'Ħ':
		return "h"
	}
	return ""
}

// FindActors returns the actors that name resolves to: the actor whose id
// is name, and every actor one of whose names, triple-end names or mention
// surface forms folds (FoldName) to the same form as name. It reads one
// range of the name index. The result is sorted by Mentions (most first),
// then ID, and is empty, not nil, when nothing matches.
func (s *Store) FindActors(ctx context.Context, name string) ([]ActorInfo, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := []ActorInfo{}
	err := s.view(func(txn *badger.Txn) error {
		ids := []string{}
		if name != "" && len(name) <= maxIDLen {
			ids = append(ids, name)
		}
		if f := FoldName(name); f != "" && len(f) <= maxIDLen {
			err := scanTxn(txn, key(prefixName, f), true, func(k, _ []byte) error {
				parts, err := parseStringsKey(prefixName, k, 2)
				if err != nil {
					return corrupt(k, err)
				}
				ids = append(ids, parts[1])
				return nil
			})
			if err != nil {
				return err
			}
		}
		slices.Sort(ids)
		spans := newSpanReader(txn)
		defer spans.close()
		for _, id := range slices.Compact(ids) {
			a, ok, err := actorInfo(txn, spans, id)
			if err != nil {
				return err
			}
			if ok {
				out = append(out, a)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("find actors %q: %w", name, err)
	}
	sortActors(out)
	return out, nil
}

// Suggestion is an actor whose name is close to one that matched nothing.
type Suggestion struct {
	Actor    ActorInfo `json:"actor"`
	Form     string    `json:"form"`     // the folded name that came closest
	Prefix   bool      `json:"prefix"`   // the query is the start of Form or of one of its words
	Distance int       `json:"distance"` // edit distance between the folded query and Form (or its closest word); 0 for prefixes
}

// SuggestActors returns up to n actors whose names come close to name, for
// "did you mean" hints: first those with a name starting with the folded
// query (or a word of which does), then those within a small edit distance
// (Levenshtein over runes: 1 for queries of up to 4 letters, 2 up to 8, 3
// beyond) of a folded name or of one of its words; ties go to the more
// mentioned actor, then the id. It reads the keys of the name index, not the
// triples: its cost grows with the number of distinct names, and it is
// meant for the path where FindActors found nothing.
func (s *Store) SuggestActors(ctx context.Context, name string, n int) ([]Suggestion, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	q := []rune(FoldName(name))
	out := []Suggestion{}
	if len(q) == 0 || n <= 0 {
		return out, nil
	}
	maxDist := 1
	switch {
	case len(q) > 8:
		maxDist = 3
	case len(q) > 4:
		maxDist = 2
	}
	best := map[string]Suggestion{}
	better := func(a, b Suggestion) bool { // a is closer than b
		if a.Prefix != b.Prefix {
			return a.Prefix
		}
		return a.Distance < b.Distance
	}
	err := s.view(func(txn *badger.Txn) error {
		var form []rune
		err := scanTxn(txn, []byte{prefixName}, true, func(k, _ []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			parts, err := parseStringsKey(prefixName, k, 2)
			if err != nil {
				return corrupt(k, err)
			}
			form = append(form[:0], []rune(parts[0])...)
			sg, ok := closeness(q, form, maxDist)
			if !ok {
				return nil
			}
			sg.Form = parts[0]
			if old, seen := best[parts[1]]; !seen || better(sg, old) {
				best[parts[1]] = sg
			}
			return nil
		})
		if err != nil {
			return err
		}
		spans := newSpanReader(txn)
		defer spans.close()
		for id, sg := range best {
			a, ok, err := actorInfo(txn, spans, id)
			if err != nil {
				return err
			}
			if ok {
				sg.Actor = a
				out = append(out, sg)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("suggest actors for %q: %w", name, err)
	}
	slices.SortFunc(out, func(a, b Suggestion) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return cmp.Or(cmp.Compare(b.Actor.Mentions, a.Actor.Mentions), cmp.Compare(a.Actor.ID, b.Actor.ID))
	})
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}

// closeness compares the folded query q with a folded form: a prefix of the
// form or of one of its words, or within maxDist edits of the form or of
// one of its words.
func closeness(q, form []rune, maxDist int) (Suggestion, bool) {
	if hasPrefix(form, q) {
		return Suggestion{Prefix: true}, true
	}
	d := levenshtein(q, form, maxDist)
	for start := 0; start < len(form); {
		end := start
		for end < len(form) && form[end] != ' ' {
			end++
		}
		w := form[start:end]
		if start > 0 && hasPrefix(w, q) {
			return Suggestion{Prefix: true}, true
		}
		if start > 0 || end < len(form) {
			d = min(d, levenshtein(q, w, maxDist))
		}
		start = end + 1
	}
	if d > maxDist {
		return Suggestion{}, false
	}
	return Suggestion{Distance: d}, true
}

func hasPrefix(s, p []rune) bool { return len(s) >= len(p) && slices.Equal(s[:len(p)], p) }

// levenshtein returns the edit distance between a and b (insertions,
// deletions, substitutions of runes), or a value above max as soon as the
// distance is known to exceed max.
func levenshtein(a, b []rune, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// spanReader finds the first and last 'd' date of actors with two
// iterators kept open for the length of a read transaction.
type spanReader struct {
	fwd, rev *badger.Iterator
}

func newSpanReader(txn *badger.Txn) *spanReader {
	p := []byte{prefixActorDate}
	return &spanReader{
		fwd: txn.NewIterator(badger.IteratorOptions{Prefix: p}),
		rev: txn.NewIterator(badger.IteratorOptions{Prefix: p, Reverse: true}),
	}
}

func (r *spanReader) close() {
	r.fwd.Close()
	r.rev.Close()
}

// span returns the actor's first and last dates, or "" when none of its
// articles is dated.
func (r *spanReader) span(actor string) (first, last string, err error) {
	p := key(prefixActorDate, actor)
	r.fwd.Seek(p)
	if !r.fwd.ValidForPrefix(p) {
		return "", "", nil
	}
	date := func(k []byte) (string, error) {
		parts, err := parseStringsKey(prefixActorDate, k, 3)
		if err != nil {
			return "", corrupt(k, err)
		}
		return parts[1], nil
	}
	if first, err = date(r.fwd.Item().Key()); err != nil {
		return "", "", err
	}
	// Every key of the actor sorts below p with its final 0x01 raised to
	// 0x02, which is no valid key: a reverse seek there lands on the last.
	end := append(p[:len(p)-1:len(p)-1], 0x02)
	r.rev.Seek(end)
	if !r.rev.ValidForPrefix(p) {
		return "", "", fmt.Errorf("%w: actor %q dates vanished mid-read", ErrCorrupt, actor)
	}
	if last, err = date(r.rev.Item().Key()); err != nil {
		return "", "", err
	}
	return first, last, nil
}

// actorInfo reads actor id's aggregate and dates; ok is false when the
// actor is not stored.
func actorInfo(txn *badger.Txn, spans *spanReader, id string) (ActorInfo, bool, error) {
	if len(id) > maxIDLen {
		return ActorInfo{}, false, nil
	}
	t, err := getTally(txn, actorKey(id))
	if err != nil || t == nil {
		return ActorInfo{}, false, err
	}
	a := t.info(id)
	if a.FirstSeen, a.LastSeen, err = spans.span(id); err != nil {
		return ActorInfo{}, false, err
	}
	return a, true, nil
}

// sortActors sorts by Mentions (most first), then ID.
func sortActors(as []ActorInfo) {
	slices.SortStableFunc(as, func(a, b ActorInfo) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.ID, b.ID))
	})
}
