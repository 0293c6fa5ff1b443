package graph

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
	Key   string         // stable key: the canonical actor id
	Label string         // display name
	Attrs map[string]any // values for Network.NodeAttrs: string, int, float64 or bool
}

// Edge is one link between two nodes of a Network, by index into Nodes.
type Edge struct {
	From, To int            // indexes into Network.Nodes
	Weight   float64        // number of supporting triples or co-mentions
	Label    string         // short description: dominant predicate or event type
	Attrs    map[string]any // values for Network.EdgeAttrs
}

// Network is an analysed actor graph ready to be written out. It is a plain
// value so that writers need no knowledge of how it was built: nodes and
// edges are in a deterministic order, and every node and edge has a value for
// every declared attribute (a missing one is written as the kind's zero).
type Network struct {
	Directed  bool
	NodeAttrs []Attr
	EdgeAttrs []Attr
	Nodes     []Node
	Edges     []Edge
}
