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

func ExampleGEXF() {
	n := &graph.Network{
		Directed: true,
		NodeAttrs: []graph.Attr{
			{Name: "community", Kind: graph.Int},
			{Name: "pagerank", Kind: graph.Double},
			{Name: "first_seen", Kind: graph.String},
		},
		Nodes: []graph.Node{
			{Key: "kenya", Label: "Kenya", Attrs: map[string]any{"community": 0, "pagerank": 0.64, "first_seen": "2025-02-03"}},
			{Key: "norway", Label: "Norway", Attrs: map[string]any{"community": 1, "pagerank": 0.16}}, // no date
		},
		Edges: []graph.Edge{{From: 1, To: 0, Weight: 2, Label: "agree"}},
	}
	if err := export.GEXF(os.Stdout, n); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
	//   <meta>
	//     <creator>newsgraph</creator>
	//   </meta>
	//   <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
	//     <attributes class="node">
	//       <attribute id="community" title="community" type="integer"/>
	//       <attribute id="pagerank" title="pagerank" type="double"/>
	//       <attribute id="first_seen" title="first_seen" type="string"/>
	//     </attributes>
	//     <nodes count="2">
	//       <node id="kenya" label="Kenya" start="2025-02-03">
	//         <attvalues>
	//           <attvalue for="community" value="0"/>
	//           <attvalue for="pagerank" value="0.64"/>
	//           <attvalue for="first_seen" value="2025-02-03"/>
	//         </attvalues>
	//         <viz:color r="243" g="195" b="0"/>
	//         <viz:size value="50"/>
	//       </node>
	//       <node id="norway" label="Norway">
	//         <attvalues>
	//           <attvalue for="community" value="1"/>
	//           <attvalue for="pagerank" value="0.16"/>
	//           <attvalue for="first_seen" value=""/>
	//         </attvalues>
	//         <viz:color r="135" g="86" b="146"/>
	//         <viz:size value="30"/>
	//       </node>
	//     </nodes>
	//     <edges count="1">
	//       <edge id="e0" source="norway" target="kenya" label="agree" weight="2"/>
	//     </edges>
	//   </graph>
	// </gexf>
}

func ExampleJSON() {
	n := &graph.Network{
		NodeAttrs: []graph.Attr{{Name: "pagerank", Kind: graph.Double}},
		Nodes: []graph.Node{
			{Key: "kenya", Label: "Kenya", Attrs: map[string]any{"pagerank": 0.6}},
			{Key: "norway", Label: "Norway", Attrs: map[string]any{"pagerank": 0.4}},
		},
		EdgeAttrs: []graph.Attr{{Name: "first_date", Kind: graph.String}},
		Edges: []graph.Edge{{From: 0, To: 1, Weight: 2, Label: "co-mention",
			Attrs: graph.ValuesOf(map[string]any{"first_date": "2025-02-03"})}},
	}
	if err := export.JSON(os.Stdout, n); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	// Output:
	// {"attributes":{},"options":{"type":"undirected","multi":false,"allowSelfLoops":false},"nodes":[
	// {"key":"kenya","attributes":{"label":"Kenya","pagerank":0.6}},
	// {"key":"norway","attributes":{"label":"Norway","pagerank":0.4}}
	// ],"edges":[
	// {"key":"e0","source":"kenya","target":"norway","attributes":{"weight":2,"label":"co-mention","first_date":"2025-02-03"}}
	// ]}
}

func ExampleCSVEdges() {
	n := &graph.Network{
		Directed:  true,
		EdgeAttrs: []graph.Attr{{Name: "evidence", Kind: graph.String}},
		Nodes:     []graph.Node{{Key: "kenya", Label: "Kenya"}, {Key: "norway", Label: "Norway"}},
		Edges: []graph.Edge{{From: 1, To: 0, Weight: 1, Label: "agree",
			Attrs: graph.ValuesOf(map[string]any{"evidence": `Norway and Kenya agree on "harbour" inspections.`})}},
	}
	if err := export.CSVEdges(os.Stdout, n); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	// Output:
	// Source,Target,Type,Id,Label,Weight,evidence
	// norway,kenya,Directed,e0,agree,1,"Norway and Kenya agree on ""harbour"" inspections."
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
