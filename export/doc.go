// Package export writes a graph.Network in formats that graph tools such as
// Gephi, Gephi Lite, sigma.js and networkx open, and writes files durably.
//
// Every writer streams to an io.Writer through a bufio.Writer, node by node
// and edge by edge, without building the document in memory, and its
// output is a pure function of the Network, so the same Network always
// gives the same bytes:
//
//   - GraphML: a GraphML 1.0 document (http://graphml.graphdrawing.org/)
//     that validates against the official XML schema, laid out as Gephi's
//     GraphML importer reads it well: typed <key> declarations first, with
//     a lowercase "label" key for nodes and edges and a "weight" key for
//     edges ahead of the Network's own attributes, and an explicit value for
//     every declared attribute of every node and edge.
//   - GEXF: a GEXF 1.3 document (https://gexf.net/) that validates against
//     the GEXF 1.3 RELAX NG grammar, with typed attributes, labels and
//     weights, nodes coloured by community and sized by PageRank (viz:color,
//     viz:size), and, when the Network has dates, a dynamic graph whose
//     nodes and edges have start and end dates for Gephi's Timeline.
//   - CSVNodes and CSVEdges: the nodes and edges tables of Gephi's
//     spreadsheet import (Id, Label, …; Source, Target, Type, Id, Label,
//     Weight, …); WriteCSV writes both into a folder.
//   - JSON: graphology's serialisation format, which graphology, sigma.js
//     and Gephi Lite load.
//
// Format names the formats for the command line (ParseFormat,
// FormatOfPath).
//
// The formats agree with each other: attribute names are sanitised and made
// unique the same way (see GraphML), values are converted the same way
// (missing values as the kind's zero, ints clamped to 32 bits; NaN and ±Inf
// as 0, except in JSON, where they are null), and text is cleaned the same
// way: C0 controls other than tab and line breaks, U+FFFE, U+FFFF and bytes
// that are not valid UTF-8 are dropped, so no output is ever invalid XML,
// JSON or UTF-8. GEXF, CSV and JSON identify nodes by their Keys when every
// node has a distinct non-empty Key (graph.Build's actor ids), and by "n0",
// "n1", … otherwise; GraphML always uses "n0", "n1", …. Edge j is "e<j>"
// everywhere.
//
// A malformed Network (nil, or an edge whose endpoint is not a node index)
// is reported as an error wrapping ErrInvalidNetwork before anything is
// written. An empty Network (no nodes, no edges) is valid and gives a
// document with its declarations and an empty graph.
//
// WriteFile replaces a file atomically and durably (temp file in the same
// folder, write, fsync, close, rename, fsync the folder), so a reader never
// sees a half-written graph and a failed export leaves the old file intact.
// Writing to standard output is the caller's business.
package export
