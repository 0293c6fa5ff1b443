// Package eval measures extraction quality: it scores extracted triples
// against hand-made gold triples (Gold) and against public event-coding
// benchmarks (Plover). It reads gold files, compares, and counts; it never
// extracts anything itself, so the caller decides which extractor and
// options are measured.
//
// # Gold files
//
// A gold file is JSON Lines, one object per line with the fields doc
// (article id, the file stem), anchor (a verbatim piece of the evidence
// sentence), subject and object (canonical actor names), predicates
// (accepted predicates, verb lemmas or nouns such as "meeting"), kind
// ("direct": the sentence names both actors; "coref": it names one only by
// surname, title or pronoun; "optional": a right answer that is not required)
// and symmetric (the relation holds both ways). Unknown fields, missing
// fields, an unknown kind, no predicates, or a subject equal to the object
// are errors naming the file and line; blank lines are skipped. An aliases
// file is one JSON object mapping each canonical name to the surface forms
// the articles use for it.
//
// # When a predicted triple matches a gold item
//
// A predicted news.Triple matches a gold item when all of these hold:
//
//  1. Same document: Triple.Doc equals the item's doc.
//  2. Anchor: Triple.Sentence contains the anchor after both are
//     normalised: curly quotes and apostrophes (‘ ’ ‚ ‛ “ ” „ ‟ ′ ″) become
//     straight ones and runs of white space become one space. Case matters.
//  3. Names: the triple's subject names the item's subject and its object
//     names the item's object, or, for a symmetric item, the other way
//     round; see below.
//  4. Predicate: after lemmatising every word with the extractor's verb
//     lemmatiser (extract/lemma), the predicted predicate equals one of the
//     accepted predicates, or an accepted one-word predicate equals the
//     first word (the verb) of a predicted phrase: "meet with" is accepted
//     by "meet", "meeting" by "meet", "met" by "meeting".
//
// A predicted name (Triple.Subject, or its id Triple.SubjectID) names a
// gold actor G when any of these holds:
//
//   - news.ActorID of the name equals news.ActorID of G;
//   - news.ActorID of the name equals news.ActorID of one of G's surface
//     forms in the aliases file;
//   - the predicted actor's type is news.Person and the last
//     space-separated word of its name equals the last word of G, both
//     after news.ActorID ("Trump" and "Donald Trump", "Haugvik-Lunde" and
//     "Ingrid Haugvik-Lunde").
//
// Rules 1 to 3 alone give the looser pair match, which ignores the
// predicate. Negated and hypothetical triples are scored like any other.
//
// # Counting
//
// Only documents that are both in the gold and among the scored extractions
// count. A gold document without an extraction is reported as unread and
// left out; triples of documents the gold does not cover are ignored.
//
// Recall is over gold items: an item is found (TP) when at least one
// prediction matches it, missed (FN) otherwise. Optional items are never
// missed and are not in any recall denominator. Precision is over every
// predicted triple of the scored documents, not only those from sentences
// the gold covers: a prediction is correct when it matches any gold item
// (direct, coref or optional) and a false positive (FP) when it matches
// none. Precision is correct predictions / predictions, so two predictions
// of the same gold item both count as correct.
//
// Per kind, each prediction is put in the first class it fits: it matches a
// direct item, it matches a coref item, it matches an optional item, it
// matches nothing. The "direct" row counts predictions matching direct or
// optional items as correct and unmatched ones as false positives; the
// "coref" row counts only predictions matching coref items, so its
// precision is 1 whenever it predicted anything; the "all" row counts every
// prediction. Ratios with a zero denominator are 0.
//
// # PLOVER benchmark
//
// Plover reads openeventdata's PLOVER_GSR_CAMEO.json (a JSON array whose
// first record, event "DOCUMENT", is a header and is skipped) and
// UniversalPetrarch's GSR validation sentences as JSON Lines. Each record is
// one article: id and text. The files are outside data and have flaws that
// are tolerated: a repeated id gets a suffix ("X#2"), a record with empty
// text is kept but not scored, a source or target that is not a list ("")
// means no actors, and textInfo may be a plain string. A record without an
// id or a text field, or with malformed JSON, is an error naming the file
// and line.
//
// A record is found when a predicted triple of that article has a subject
// naming one of the record's source actors and an object naming one of its
// target actors. In a record marked SRC/TAR (compound actors that act on
// each other) every listed actor is on both sides and either direction
// counts, with subject and object naming two different listed actors when
// more than one is listed. PLOVER records with a source but no target are
// not scored at all.
//
// A predicted name P names a record actor written as T when any of these
// holds: news.ActorID(P) equals news.ActorID(T); they share a content word
// (lower case, accents folded, dots dropped so "U.S." is "us", a final "'s"
// dropped, split at anything but letters and digits; stop words such as
// "the", "of", "and", generic words such as "president", "government",
// "forces", "united", "states", and words shorter than two letters do not
// count); or the gazetteer resolves them to a common actor. P is looked up
// whole; T names every actor the gazetteer finds in it, taking the longest
// form at each word, with hyphenated words also split and a plural "s"
// dropped when the plural is unknown ("Israelis" → Israeli → Israel). So
// "Hungarian" names Hungary, and "Serbian President Vojislav Kostunica"
// names Serbia and Kostunica. The gazetteer is the built-in one with
// institutions folded into their country unless Plover.Gazetteer is set.
//
// GSR records give actors as CAMEO codes ("RUSGOV", "IGOUNO"); the first
// three letters are mapped to a country through an ISO 3166 alpha-3 table
// (and a few CAMEO organisation codes), so only names that resolve to that
// country (or equal its name) match; people ("Putin" for RUSGOV) do not.
// Events with an unknown actor ("---") or the same country on both sides
// ("GEOGOV" → "GEOREB") are not scored; records coded as holding no event
// are negatives, where every triple is a false positive. CAMEO event codes are mapped to the 18 PLOVER types the extractor uses (the
// CAMEO2PLOVER table, with its 2021 names folded back: ACCUSE → DISAPPROVE
// or INVESTIGATE, REQUEST → DEMAND, CAMEO 19 → FIGHT); CAMEO 01 and 02 have
// no PLOVER type and are left out of event accuracy.
//
// Pair recall is found records / scored records; pair precision is triples
// that match their own record's pairs / all triples on scored and negative
// records. Event accuracy is, among found records whose matched pair has a
// PLOVER type, the fraction where a triple matching such a pair has that
// type as its Event (any one such triple suffices). Records without an
// extraction are reported as unread and left out.
package eval
