package export_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
)

func ExampleGraphML() {
	n := &graph.Network{
		Directed:  true,
		NodeAttrs: []graph.Attr{{Name: "mentions", Kind: graph.Int}},
		Nodes: []graph.Node{
			{Key: "Q1", Label: "Acme & Co", Attrs: map[string]any{"mentions": 3}},
			{Key: "Q2", Label: "Jane Doe"}, // mentions missing: written as 0
		},
		Edges: []graph.Edge{{From: 0, To: 1, Weight: 2, Label: "hired"}},
	}
	if err := export.GraphML(os.Stdout, n); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
	//   <key id="d0" for="node" attr.name="label" attr.type="string"/>
	//   <key id="d1" for="edge" attr.name="label" attr.type="string"/>
	//   <key id="d2" for="edge" attr.name="weight" attr.type="double"/>
	//   <key id="d4" for="node" attr.name="mentions" attr.type="int"/>
	//   <graph id="G" edgedefault="directed">
	//     <node id="n0">
	//       <data key="d0">Acme &amp; Co</data>
	//       <data key="d4">3</data>
	//     </node>
	//     <node id="n1">
	//       <data key="d0">Jane Doe</data>
	//       <data key="d4">0</data>
	//     </node>
	//     <edge id="e0" source="n0" target="n1">
	//       <data key="d1">hired</data>
	//       <data key="d2">2</data>
	//     </edge>
	//   </graph>
	// </graphml>
}

func ExampleWriteFile() {
	n := &graph.Network{Nodes: []graph.Node{{Label: "solo"}}}
	dir, err := os.MkdirTemp("", "newsgraph-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "actors.graphml")
	err = export.WriteFile(path, func(w io.Writer) error { return export.GraphML(w, n) })
	fmt.Println(err)
	// Output:
	// <nil>
}
