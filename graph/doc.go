// Package graph builds actor graphs from stored triples and mentions and
// analyses them with gonum.
//
// Two graphs are built: the relation graph (directed, actor → actor, one edge
// per ordered pair weighted by the number of supporting triples) and the
// co-mention graph (undirected, actors named in the same sentence). Both are
// returned as a Network: a plain, deterministically ordered value that the
// export package writes without knowing how it was made.
package graph
