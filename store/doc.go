// Package store keeps newsgraph's knowledge graph on disk: each article's
// extraction (its mentions and actor–relation–actor triples), indexes to
// find triples by subject or object, and one aggregate per actor.
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
// Iterators over an empty store call fn zero times; Actors returns an empty,
// non-nil slice; ActorInfo.Aliases is never nil, so JSON prints [] rather
// than null. Lookups of unknown ids return errors wrapping ErrNotFound.
//
// # Concurrency and processes
//
// A Store is safe for concurrent use. Writes are serialised; readers see a
// consistent snapshot per call. One process may open a directory for
// writing, or several for reading (Options.ReadOnly); any other open fails
// with a *LockError wrapping ErrLocked that names the holder's pid when
// known. A store written in another format version fails to open with a
// *VersionError.
package store
