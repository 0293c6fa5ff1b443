// Package store keeps newsgraph's knowledge graph on disk: each article's
// extraction (its mentions and actor–relation–actor triples), indexes to
// find triples by subject or object, one aggregate per actor, and a name
// index from every folded name and alias to its actors.
//
// It is the only package that imports badger and the only code that knows
// keys and encodings; keys.go documents the layout, the format version and
// why each index exists, codec.go the value encodings.
//
// # Ingest
//
// Ingest is idempotent and incremental. An article is keyed by its id and
// its content hash (news.Article.Hash): ingesting the same article twice
// writes nothing the second time, and ingesting an edited article replaces
// everything derived from its old version in one transaction. Aggregates
// after any sequence of ingests and deletions equal those of a fresh store
// holding the current articles.
//
// # Queries
//
// Queries read through indexes, so their cost grows with the answer, not
// with the store: FindActors resolves a name, alias or id (case, accents
// and punctuation folded by FoldName) with one prefix seek, SuggestActors
// proposes close names; RelationsFrom, RelationsTo and RelationsBetween
// read a Relation (ends, event, predicate, date, flags, confidence, score)
// from the covering subject- and object-first indexes without reading the
// triples, and RelationGroups, Evidence, Related, ShortestPaths build on
// them. Only EachTriple, EachMention, EachRelation and Check read
// everything.
//
// # Actors
//
// An actor exists while at least one stored article mentions it or names it
// at a triple end. Its Name and Type are the most frequent among its
// mentions (ties to the smallest string, so results do not depend on ingest
// order), its Aliases the distinct surface forms of its mentions, and
// FirstSeen/LastSeen the dates of the earliest and latest dated articles it
// appears in.
//
// # Empty values
//
// Iterators over an empty store call fn zero times; Actors, FindActors,
// SuggestActors, RelationGroups, Evidence and ShortestPaths return empty,
// non-nil slices; ActorInfo.Aliases is never nil, so JSON prints [] rather
// than null. Lookups of unknown ids return errors wrapping ErrNotFound.
//
// # Concurrency and processes
//
// A Store is safe for concurrent use. Writes are serialised; readers see a
// consistent snapshot per call. One process may open a directory for
// writing, or several for reading (Options.ReadOnly); any other open fails
// with a *LockError wrapping ErrLocked that names the holder's pid when
// known; a read-only open refused this way says that a writer (typically a
// build) holds the store, since badger admits no reader beside a writer. A
// store written in another format version fails to open with a
// *VersionError.
package store
