// Package sample holds newsgraph's built-in sample corpus, which
// `newsgraph demo` runs the whole pipeline on.
//
// The corpus is fiction written for this project: 24 short news-style
// articles dated January to April 2025 that follow one storyline, in which an
// armed group seizes a Norwegian cargo ship and governments and international
// organisations respond until the crew is freed. The countries and
// international organisations are real. The officials, companies, armed group,
// charity, ship and islands are invented, and any resemblance to real
// officials is unintended.
//
// Each article file starts with a date line, then a blank line, a headline
// with no final period, another blank line and the paragraphs. Gold lists the
// triples an extractor should find, and Aliases maps each actor's canonical
// name to the names the articles use for it.
package sample

import "embed"

// Articles holds the sample articles as .txt files under "articles/".
//
//go:embed articles/*.txt
var Articles embed.FS

// Gold holds the gold triples as JSON Lines, one object per line with the
// fields doc (article file name without ".txt"), anchor (a verbatim piece of
// the evidence sentence), subject, object (canonical actor names),
// predicates (accepted verb lemmas), kind ("direct" when the sentence names
// both actors in full, "coref" when it names one only by surname, title or
// pronoun) and symmetric (true for meetings, talks and agreements). The
// format is the same as the development gold.
//
//go:embed gold.jsonl
var Gold []byte

// Aliases holds a JSON object that maps each canonical actor name in Gold to
// the names the articles use for that actor, including the canonical name
// itself.
//
//go:embed aliases.json
var Aliases []byte
