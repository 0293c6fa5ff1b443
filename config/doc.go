// Package config reads newsgraph.yaml, the file that tells `newsgraph
// rebuild` where the store is, which sources to read, how to extract and
// which exports to write. docs/operations.md is the reference for users;
// example.yaml (Example) is the commented file `newsgraph init` writes.
//
// # Format
//
// One YAML document, a mapping with these keys (only sources is required):
//
//	version: 1                  # the format version; 1 is the only one
//	store: newsgraph.db         # the store folder
//	cache: newsgraph.db.cache   # the feed cache folder (default: store + ".cache")
//	gazetteer:
//	  file: people.yaml         # extra gazetteer entries (default: none)
//	  fold_institutions: true   # "the Kremlin" → Russia (default true)
//	extraction:
//	  workers: 0                # extracting goroutines, 0 = one per CPU
//	sources:                    # a list; each item has path or feed
//	  - path: articles          # a file, a folder (recursive) or a glob pattern
//	    split_on: '^Source link$'  # separator regex of scrape dumps
//	  - feed: https://example.com/rss   # an http(s) URL, or a feed file
//	    fetch_articles: false   # fetch the linked page of summary-only items
//	    timeout: 30s            # per request (URLs only)
//	    retries: 2              # after a network error, timeout, 429 or 5xx
//	exports:                    # a list (may be empty or absent)
//	  - path: out/relations.graphml
//	    format: graphml         # graphml, gexf, csv or json; default from the extension
//	    graph: relations        # relations or comention
//	    since: 2025-01-01       # and until, min_weight, events, types, top,
//	                            # ego, depth, window, multi,
//	                            # include_hypothetical, betweenness_samples
//
// The export filters mean what the flags of `newsgraph export` of the same
// names mean and map one to one onto graph.Options. events and types take a
// list or one comma-separated string.
//
// # Paths
//
// Relative paths (store, cache, gazetteer.file, source paths and feed
// files, export paths) are resolved against the folder of the config file,
// so a config works the same from any working folder (cron, systemd).
// Paths are not checked for existence here: a missing source is reported
// when it is read, so that one missing source does not stop the others.
//
// # Errors
//
// Every problem is an *Error whose message is one line naming the file, the
// line and column, and the problem: "newsgraph.yaml:14:5: unknown key
// "formt" in export 1 (did you mean "format"?)". Load stops at the first
// problem. Unknown keys, keys given twice, values of the wrong kind, bad
// dates, durations, regular expressions, formats, graph kinds, event and
// actor types, options that do not fit together (split_on on a feed, window
// on a relations graph, depth without ego), a source with neither or both
// of path and feed, no sources, and two exports writing the same file are
// all errors.
package config
