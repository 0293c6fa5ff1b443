package graph

import (
	"slices"
	"strings"
)

// AttrKind is the value type of a node or edge attribute.
type AttrKind int

// Attribute kinds. Writers map them onto their format's types (GraphML
// attr.type string/int/double/boolean, GEXF string/integer/double/boolean).
const (
	String AttrKind = iota
	Int
	Double
	Bool
)

// String returns the kind's GraphML name.
func (k AttrKind) String() string {
	switch k {
	case Int:
		return "int"
	case Double:
		return "double"
	case Bool:
		return "boolean"
	default:
		return "string"
	}
}

// Attr declares one attribute column of a Network's nodes or edges.
type Attr struct {
	Name string   // NMTOKEN-safe name: letters, digits, '_'
	Kind AttrKind // value type
}

// Node is one actor in a Network.
type Node struct {
	Key   string  // stable key: the canonical actor id
	Label string  // display name
	Attrs AttrMap // values for Network.NodeAttrs: string, int, float64 or bool
}

// Edge is one link between two nodes of a Network, by index into Nodes.
type Edge struct {
	From, To int     // indexes into Network.Nodes
	Weight   float64 // number of supporting triples or co-mentions
	Label    string  // short description: dominant predicate or event type
	Attrs    Values  // values for Network.EdgeAttrs
}

// AttrValues gives the value of an attribute by name, nil when there is
// none. AttrMap (a node's) and Values (an edge's) implement it.
type AttrValues interface {
	Get(name string) any
}

// AttrMap holds a node's attribute values by name.
type AttrMap map[string]any

// Get returns the value of attribute name, nil when there is none.
func (m AttrMap) Get(name string) any { return m[name] }

// Values holds an edge's attribute values as a list of names and values,
// in the order of Network.EdgeAttrs when Build made them. A graph has
// many more edges than nodes, and an edge a few values: at 618 000 edges
// (a store of 100 000 generated articles) a map an edge took about 825
// bytes of one, past the eight entries of Go's smallest map; the list
// takes 32 bytes a value. A lookup reads the list from the front.
type Values []Value

// Value is one attribute value of a Values list.
type Value struct {
	Name  string
	Value any // string, int, float64 or bool
}

// Get returns the value of attribute name, nil when there is none.
func (vs Values) Get(name string) any {
	for i := range vs {
		if vs[i].Name == name {
			return vs[i].Value
		}
	}
	return nil
}

// Set sets the value of attribute name, adding it at the end when it is
// not in the list.
func (vs *Values) Set(name string, v any) {
	for i := range *vs {
		if (*vs)[i].Name == name {
			(*vs)[i].Value = v
			return
		}
	}
	*vs = append(*vs, Value{name, v})
}

// ValuesOf returns the values of m as a list, sorted by name.
func ValuesOf(m map[string]any) Values {
	vs := make(Values, 0, len(m))
	for name, v := range m {
		vs = append(vs, Value{name, v})
	}
	slices.SortFunc(vs, func(a, b Value) int { return strings.Compare(a.Name, b.Name) })
	return vs
}

// Network is an analysed actor graph ready to be written out. It is a plain
// value so that writers need no knowledge of how it was built: nodes and
// edges are in a deterministic order, and every node and edge has a value for
// every declared attribute (a missing one is written as the kind's zero).
//
// The summary fields are set by Analyse (and so by Build).
type Network struct {
	Directed  bool
	NodeAttrs []Attr
	EdgeAttrs []Attr
	Nodes     []Node
	Edges     []Edge

	// Modularity is Newman's modularity Q of the partition in the nodes'
	// "community" attribute, found by Louvain. For a directed graph both the
	// partition and Q are those of the undirected version of the graph, in
	// which the weights of a→b and b→a are summed. Q is in [−1/2, 1); 0 for
	// a graph without edges.
	Modularity float64
	// Communities is the number of Louvain communities, ids 0..Communities-1
	// (0 the largest).
	Communities int
	// Components is the number of weakly connected components, ids
	// 0..Components-1 (0 the largest).
	Components int
	// BetweennessSamples is the number of pivots betweenness was estimated
	// from, or 0 when it is exact.
	BetweennessSamples int
	// Warnings says, one sentence each, which measures are ill-defined on
	// this graph or did not converge, and what was written instead; empty
	// when none.
	Warnings []string
}
