package export

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// bufSize is the size of the bufio.Writer every writer streams through.
const bufSize = 64 << 10

// Attribute names that the writers read for more than their value: GEXF
// colours nodes by community, sizes them by PageRank and places nodes and
// edges on its timeline by their dates. An absent attribute only turns the
// feature off.
const (
	attrCommunity = "community"  // Int: community index, for viz:color
	attrPageRank  = "pagerank"   // Double: for viz:size
	attrFirstSeen = "first_seen" // String YYYY-MM-DD: node start
	attrLastSeen  = "last_seen"  // String YYYY-MM-DD: node end
	attrFirstDate = "first_date" // String YYYY-MM-DD: edge start
	attrLastDate  = "last_date"  // String YYYY-MM-DD: edge end
)

// legalASCII reports whether the ASCII byte c may appear in written text:
// everything but the C0 controls other than tab, newline and carriage
// return, which XML 1.0 forbids.
func legalASCII(c byte) bool {
	return c >= 0x20 || c == '\t' || c == '\n' || c == '\r'
}

// cleanText returns s without the characters that every writer drops: C0
// controls other than tab, newline and carriage return, U+FFFE, U+FFFF,
// and bytes that are not valid UTF-8 (including encoded surrogates). It
// returns s itself, without allocating, when there is nothing to drop, so
// that all formats carry the same text.
func cleanText(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !legalASCII(c) {
				return dropIllegal(s, i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !legalNonASCII(r, size) {
			return dropIllegal(s, i)
		}
		i += size
	}
	return s
}

// dropIllegal returns s without its illegal characters, the first of
// which is at byte i.
func dropIllegal(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if legalASCII(c) {
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if legalNonASCII(r, size) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// nodeIDs returns the id that GEXF, CSV and JSON give each node: its Key,
// cleaned as cleanText does, when every node has a non-empty Key and no
// two cleaned Keys are equal; otherwise "n<i>" for node i, as in GraphML.
// Graphs from graph.Build have unique actor ids as keys.
func nodeIDs(n *graph.Network) []string {
	ids := make([]string, len(n.Nodes))
	seen := make(map[string]struct{}, len(n.Nodes))
	for i := range n.Nodes {
		k := cleanText(n.Nodes[i].Key)
		if _, dup := seen[k]; dup || k == "" {
			for j := range ids {
				ids[j] = "n" + strconv.Itoa(j)
			}
			return ids
		}
		seen[k] = struct{}{}
		ids[i] = k
	}
	return ids
}

// appendEdgeID appends the id of edge j, "e<j>", to dst.
func appendEdgeID(dst []byte, j int) []byte {
	return strconv.AppendInt(append(dst, 'e'), int64(j), 10)
}

// hasAttr reports whether attrs declares an attribute named name.
func hasAttr(attrs []graph.Attr, name string) bool {
	for _, a := range attrs {
		if a.Name == name {
			return true
		}
	}
	return false
}

// appendScalar appends v converted to kind as GraphML, GEXF and CSV write
// it: an integer clamped to 32 bits for Int, strconv's shortest 'g' format
// for Double (0 for NaN and ±Inf), true or false for Bool. It returns false
// without appending for String and unknown kinds, which the caller escapes
// as text.
func appendScalar(dst []byte, kind graph.AttrKind, v any) ([]byte, bool) {
	switch kind {
	case graph.Int:
		return strconv.AppendInt(dst, toInt(v), 10), true
	case graph.Double:
		return appendDouble(dst, toFloat(v)), true
	case graph.Bool:
		return strconv.AppendBool(dst, toBool(v)), true
	}
	return dst, false
}
