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
// A writer whose generation starts empty (a new store, or a rebuild from
// scratch) loads in bulk (bulk.go): it sorts what it writes outside badger
// and hands it to badger's StreamWriter, which writes the final tables
// directly, and derives the actor aggregates and the name index from the
// sorted tallies; the first read, or Commit, ends the load. The result is
// the store the same ingests write through transactions, key for key.
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
// # The store folder
//
// The store path DIR is a folder holding:
//
//	DIR/newsgraph.lock   the writer's lock (flock), with the holder's pid, start time and command
//	DIR/gen-000041/      a generation: a complete badger database
//	DIR/gen-000042/      another one
//	DIR/current          symlink to the published generation ("gen-000042")
//
// Readers (Options.ReadOnly) resolve current once and open that generation
// read-only; badger takes a shared flock on it, which nothing that writes
// ever asks for. They never touch newsgraph.lock, so they neither wait for
// a writer nor see what it has not committed: queries during a build answer
// from the last published state, and a reader keeps the state it opened
// with for as long as it stays open.
//
// A writer takes newsgraph.lock with a non-blocking flock (retrying up to
// Options.Wait), so one process writes at a time; a second one gets a
// *LockError naming the first. Until its first write it reads the
// published generation. The first write prepares a new generation: every
// file of the published one is copied into gen-(N+1) (a copy-on-write
// clone where the file system can; see prepare for why not hard links)
// and badger opens the copy for writing. A session that changes nothing
// therefore copies nothing and publishes nothing. Commit closes the new
// generation (badger flushes and syncs it), fsyncs its files and folder,
// makes a symlink under a temporary name and renames it over current, and
// fsyncs DIR: the switch is atomic, and a crash at any point leaves either
// the old state published or the new one, never a mix. It then removes the
// generations older than the one it replaced, except those a reader still
// has open (badger's flock on them says so); the one it replaced stays for
// the readers that opened it. Close without Commit discards the new
// generation. A writer removes, when it opens, the generations a killed
// writer left (numbered above the published one) and their temporary
// links. A published generation is never written again.
//
// Costs: a build that changes something copies the store once (a clone is
// nearly free; a plain copy runs at the disk's speed) and needs free space
// for it. The old generation's space is returned at the next Commit.
//
// # The first layout
//
// newsgraph used to keep the badger files directly in DIR (format 2, like
// today's generations). Readers read such a store in place. The first
// writer converts it, with renames inside DIR (nothing is copied), in
// steps that each survive a crash: it checks the old store (a newer format,
// or a store that is not newsgraph's, stops it with nothing changed; a log
// left by a killed writer is replayed first), moves every file but
// MANIFEST into gen-000001, points current at it, and moves MANIFEST last.
// A MANIFEST at the top of DIR means the conversion has not finished, and
// the next writer resumes it; readers meanwhile are told so (see migrate).
//
// # Formats
//
// Each generation records the key layout's format version (keys.go). A
// store of another version fails to open with a *VersionError: one built
// by a newer newsgraph says so and is left alone; an older one is rebuilt
// from the sources with `newsgraph rebuild --from-scratch`, which opens the
// writer with Options.Fresh: it starts from an empty generation and
// publishes it in place of the old one.
//
// # Free space
//
// Badger writes its log and tables through memory-mapped files, and a file
// system that fills up under a mapped write kills the process with SIGBUS,
// which no recover catches. A writer therefore checks the free space
// (statfs) when it opens, before it copies the store (which needs the
// store's size) and after every 256 KiB written or second elapsed, and
// before Commit closes the generation (closing flushes and compacts). Below
// Options.MinFree (default DefaultMinFree, 256 MiB: room for badger's two
// 8 MiB memtables to flush and for level 0 to be compacted, with room to
// spare) it stops with a *SpaceError ("store DIR: only N MiB free, below
// the M MiB margin"): further writes and Commit are refused, Close
// discards the new generation without letting badger flush it, and the
// published generation is untouched. A bulk load (a new store) keeps its
// sorted runs in the new generation until its tables are written, so it
// checks before it ends that the runs' size is free once more.
//
// # Damage
//
// A read-only folder is read normally and refused to writers with a
// one-line error. A damaged published generation (a truncated or altered
// file, a missing table, a current link that is missing or points nowhere)
// gives a one-line error wrapping ErrCorrupt that names DIR and the
// problem; badger opens tables on goroutines of its own and panics there
// on a table whose footer points outside the file, so those footers are
// checked before badger opens a generation (see checkTables). Table blocks
// carry checksums, verified when read from disk; Check verifies every
// block of the generation it reads. Nothing is ever written to a published
// generation, so a failed open loses nothing.
//
// # Concurrency
//
// A Store is safe for concurrent use. Writes are serialised; readers see a
// consistent snapshot per call.
package store
