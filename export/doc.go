// Package export writes a graph.Network in formats that graph tools such as
// Gephi open, and writes files durably.
//
// GraphML streams a Network as a GraphML 1.0 document
// (http://graphml.graphdrawing.org/) that validates against the official XML
// schema. Its layout follows what Gephi's GraphML importer reads well: typed
// <key> declarations first, with a lowercase "label" key for nodes and edges
// and a "weight" key for edges ahead of the Network's own attributes, and an
// explicit value for every declared attribute of every node and edge. The
// output is a pure function of the Network, so the same Network always gives
// the same bytes. Text is XML-escaped and characters that XML 1.0 forbids
// are removed; a malformed Network (an edge whose endpoint is not a node
// index) is reported as an error wrapping ErrInvalidNetwork before anything
// is written.
//
// A nil *graph.Network is invalid. An empty Network (no nodes, no edges) is
// valid and gives a document with the key declarations and an empty graph.
//
// WriteFile replaces a file atomically and durably (temp file in the same
// folder, write, fsync, close, rename, fsync the folder), so a reader never
// sees a half-written graph and a failed export leaves the old file intact.
// Writing to standard output is the caller's business.
package export
