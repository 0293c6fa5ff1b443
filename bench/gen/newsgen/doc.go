// Package newsgen generates synthetic news articles for benchmarking
// newsgraph: realistic enough that extraction does the work it does on real
// news, made up so that a corpus of any size can be made anywhere, the same
// from the same seed.
//
// The world of a corpus holds a few thousand invented people, each with a
// given name from a list, an invented surname, a title and an affiliation
// (a real country or an organisation); a few hundred invented organisations,
// most with an abbreviation; the real international organisations (UN,
// NATO, EU...) and about a hundred real countries with their demonyms and
// capitals. People, organisations and countries are drawn for each article
// with Zipf laws, so that a few are named everywhere and most rarely, as in
// news.
//
// An article is 300 to 900 words (most near 600) of paragraphs in the
// shapes news uses and newsgraph's extractor reads: active and passive
// relations, coordinated subjects and objects, titles before names and
// surname-only references after, appositives ("Ingrid Haugvik, Norway's
// foreign minister,"), pronouns continuing the last subject, quotes with
// reporting verbs, relative clauses, that-clauses and control verbs
// ("urged Kenya to reopen the border"), nominal relations ("talks between X
// and Y", "X's visit to Y", "a Norway–Kenya summit"), demonym phrases
// ("Norwegian forces"), capitals as metonyms, negated and hypothetical
// relations, datelines, and sentences naming no one. Dates fall over a
// year.
//
// Article i depends only on the seed and i: the same seed gives
// byte-identical output, and a corpus of N articles is the first N of any
// larger corpus with the same seed. Articles are made one at a time, so
// memory does not grow with the corpus.
package newsgen
