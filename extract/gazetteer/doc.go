// Package gazetteer resolves the names under which actors appear in news
// ("the Kremlin", "U.S.", "Russian", "Kyiv", "Nato") to canonical actors
// (Russia, United States, Ukraine, NATO).
//
// # Data
//
// An Entry is one actor: a canonical name, a type (news.Person, news.Org or
// news.GPE), and the surface forms that name it. Aliases are other names
// ("Russian Federation", "US", "U.S."); demonyms are adjectives that name
// the actor only in an actor position ("Russian forces"); capitals are
// cities used as metonyms ("Moscow said"); institutions are organisations
// that act for the actor ("the Kremlin", "the Pentagon"); cities are other
// places inside it named as where things happen ("Kharkiv", "Basra"),
// never the actor acting but the actor a deed done there is done to. Exclude lists
// longer phrases that contain one of the entry's forms without naming it
// ("Latin America", "New Mexico", "Washington Post").
//
// Builtin returns the embedded data (data/builtin.yaml): every UN member
// state, the observers and a few other widely used countries and territories
// (Vatican City, Palestine, Taiwan, Kosovo, Hong Kong, Greenland,
// Somaliland), two regions that act in news (Europe, the West), and about a
// hundred international organisations, blocs, legislatures, central banks,
// aid groups and armed groups. It is general purpose: it names no people and
// is not tuned to any particular articles. Load reads a user file in the
// same format, YAML or JSON.
//
// # Resolution
//
// New indexes a list of entries. Later entries override earlier ones with
// the same canonical name (compared by news.ActorID), and a surface form
// claimed by two entries belongs to the later one, so user entries appended
// after Builtin replace built-in ones. With Options.FoldInstitutions
// (DefaultOptions, the setting the CLI uses) institutions resolve to their
// country; without it each institution is an actor of its own, type ORG.
// Capitals and cities always resolve to their country.
//
// # Case and form rules
//
// A form is split into words at white space and matched word by word
// against tokens, so "U.S." must be one token and "Downing Street" two. A
// token matches a form word when it is the word as written or the word in
// Title Case (the first letter of each hyphen-separated part upper-cased).
// Lower-case tokens therefore never match capitalised forms ("turkey",
// "china", "chad"), and all-capital abbreviations ("US", "UN", "WHO", "ICC")
// match only exactly, so "us" and "who" never match. Accents and curly
// apostrophes are folded on both sides ("Elysee" matches "Élysée",
// "Côte d’Ivoire" matches "Côte d'Ivoire"). A leading "the" is skipped but
// counted in Match.Tokens; a trailing possessive ("Kremlin's", "Houthis'")
// is accepted on the last token; a possessive inside a form matches whether
// or not the tokenizer split it off ("People's Republic of China" matches
// "People" "'s" "Republic" "of" "China"); an abbreviation written with dots also
// matches without its final dot ("U.S" at the end of a sentence). All-capital
// headlines ("RUSSIA") are not matched.
//
// MatchWords returns the longest form starting at a position, found through
// an index keyed by first word, and rejects a form that lies inside one of
// its entry's Exclude phrases without covering it. An entry flagged
// Ambiguous ("Chad", "Jordan", "Georgia", "Turkey") still matches, but
// matches through its one-word names and aliases carry Match.Ambiguous so
// that the caller can ask for more evidence.
//
// A nil *Gazetteer knows no actors: every lookup fails. A Gazetteer is
// immutable after New and safe for concurrent use; the *Entry values it
// returns in a Match must not be modified.
package gazetteer
