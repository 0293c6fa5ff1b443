package export

import (
	"math"
	"strconv"

	"github.com/newsgraph/newsgraph/graph"
)

// The expectations of the tests, written independently of the writers'
// conversion code where that is simple: what a reader should get back.

// wantValue returns the value a reader should get back for v in an
// attribute of kind: a cleaned string, an int64 clamped to 32 bits, a
// finite float64 (NaN and ±Inf become 0), or a bool. It uses the writers'
// conversions for the odd Go types, which TestValueConversion pins.
func wantValue(kind graph.AttrKind, v any) any {
	switch kind {
	case graph.Int:
		return toInt(v)
	case graph.Double:
		f := toFloat(v)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return 0.0
		}
		return f
	case graph.Bool:
		return toBool(v)
	}
	return stripIllegal(toString(v))
}

// wantJSONValue is wantValue as encoding/json decodes it into an any:
// numbers as float64. NaN and ±Inf doubles are nil.
func wantJSONValue(kind graph.AttrKind, v any) any {
	switch kind {
	case graph.Int:
		return float64(toInt(v))
	case graph.Double:
		f := toFloat(v)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil
		}
		return f
	}
	return wantValue(kind, v)
}

// wantField is wantValue as a CSV field.
func wantField(kind graph.AttrKind, v any) string {
	switch w := wantValue(kind, v).(type) {
	case int64:
		return strconv.FormatInt(w, 10)
	case float64:
		return strconv.FormatFloat(w, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(w)
	case string:
		return w
	}
	panic("unreachable")
}

// wantNodeIDs returns the node ids GEXF, CSV and JSON should write.
func wantNodeIDs(n *graph.Network) []string {
	ids := make([]string, len(n.Nodes))
	seen := map[string]bool{}
	byKey := true
	for i, nd := range n.Nodes {
		k := stripIllegal(nd.Key)
		if k == "" || seen[k] {
			byKey = false
		}
		seen[k] = true
		ids[i] = k
	}
	if !byKey {
		for i := range ids {
			ids[i] = "n" + strconv.Itoa(i)
		}
	}
	return ids
}

// wantWeight returns the weight XML and CSV readers should get back.
func wantWeight(w float64) float64 {
	if math.IsNaN(w) || math.IsInf(w, 0) {
		return 0
	}
	return w
}
