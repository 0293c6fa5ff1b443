// Package source reads news articles from files, folders, glob patterns,
// standard input and fs.FS trees, and turns them into news.Article values
// with normalised text, a title and a date where the source has them.
//
// # Formats
//
// The format is chosen by the file extension, case-insensitively:
//
//   - .txt, .text, .md, .markdown: plain text, one article a file, or a
//     scrape dump of many articles (see below).
//   - .jsonl, .ndjson: JSON Lines, one article a line.
//   - .html, .htm, .xhtml: one web page, one article.
//
// Files with other extensions are skipped silently when met inside a folder;
// a file named explicitly (or matched by a glob pattern) with another
// extension is read as plain text. Standard input ("-") is sniffed: JSON
// Lines when its first non-space byte is '{', HTML when it is '<', plain text
// otherwise; its articles take the id stem "stdin". JSON Lines (from files
// and standard input) are streamed; other formats are read whole.
//
// # Text normalisation (every format)
//
// A UTF-8 byte order mark is stripped and UTF-16 with a byte order mark is
// decoded; invalid UTF-8 bytes become U+FFFD; CRLF, lone CR, form feed,
// vertical tab and U+2028/U+2029 become "\n"; NUL and the other C0 and C1
// control characters except "\n" and "\t" are removed, as are U+200B and
// U+FEFF; no-break spaces become plain spaces; the text is put in Unicode
// NFC; trailing spaces are trimmed from every line; runs of blank lines are
// collapsed to one blank line; leading and trailing blank space is trimmed.
// A file that is empty after this, or that looks binary (a NUL byte in its
// first 8 KiB, or more than 30% control or invalid bytes there), yields a
// *Warning and no article; it is not an error.
//
// # Plain text: date and title
//
// The head of a text article is read as follows; nothing else is changed:
//
//  1. If the first non-empty line is a date line, it is removed from the
//     text and, when it names a full date, becomes Article.Date (YYYY-MM-DD).
//     A date line is a line that holds nothing but a date, optionally with a
//     "Published"/"Updated" prefix, a weekday, a time and a time zone:
//     "Tuesday, 02 January 2024 12:17 GMT", "2024-01-02",
//     "2024-01-02T10:00:00Z", "January 2, 2024", "2 Jan 2024",
//     "Published: Jan. 2, 2024 at 10:00 a.m. ET". Agency datelines with
//     nothing after them ("Aug. 7 (UPI)", "MOSCOW, Jan 2, 2024 (Reuters) -")
//     count too. A date without a year ("Aug. 7") and an ambiguous numeric
//     date ("02/01/2024": day or month first?) are still date lines but give
//     no Date; a numeric date is used when it is unambiguous ("25/12/2024",
//     "12/25/2024") and dotted numeric dates are read day first
//     ("02.01.2024" is 2 January).
//  2. The next non-empty line is the title when it is title-like: at most
//     150 characters and 25 words, holding a letter, not ending in sentence
//     punctuation (. ! ? : ; …, also when followed by closing quotes or
//     brackets), and not an agency dateline leading into body text
//     ("Aug. 7 (UPI) — The Kremlin said…").
//  3. A section label before the headline is dropped: when the title-like
//     line has at most 3 words and 30 characters ("Kremlin", "World news")
//     and the next non-empty line is title-like with at least 5 words, the
//     short line is removed and the next line is the title.
//  4. A date line directly after the title is treated as in step 1 (the
//     first date found wins).
//  5. When no date was found, an agency dateline that starts the first body
//     line and names a full date ("WASHINGTON, Jan. 2, 2024 (Reuters) - …")
//     gives the Date; the line stays in the text.
//
// The title keeps its place in Text: Text begins with Title followed by a
// blank line, so the extractor sees headline sentences too, and the title is
// always its own paragraph. A trailing " | Section" suffix
// ("… says Kremlin | Russia-Ukraine war News") is cut from the title, and a
// Markdown heading mark ("# ") is dropped from it; the first line of Text is
// the cleaned title.
//
// # Scrape dumps
//
// A text file holding at least one separator line (Options.SplitOn, by
// default a line reading "Source link") is a dump: it is split at the
// separator lines, the separators are dropped, and each part that holds real
// text becomes one article with the id "stem#1", "stem#2", … in order of
// appearance. Parts that are empty or hold only boilerplate (lines without
// letters such as image counters, "Advertisement", "Read more", "Share", …,
// or fewer than 3 words in all) are dropped and not numbered. When only one
// part is left, the file is a single article with a stray separator (a
// scraped article ending in "Source link") and its id is the plain stem.
// Every part gets the date and title treatment above; a file or part left
// with no text once its date line is removed gives no article.
//
// # JSON Lines
//
// Each non-blank line is one JSON object. Keys are matched
// case-insensitively: "id" (a string or number), "title" (or "headline"),
// "text" (or "body", then "content"), "date" (or "published",
// "published_at", "publishedAt", "pubDate", "datePublished"), "url" (or
// "link"), "source". Dates are normalised to YYYY-MM-DD from ISO 8601, RFC
// 1123 and the written forms above, or Unix seconds or milliseconds; an
// unreadable date gives an empty Date. A missing id gives "stem#LINE" with
// the 1-based line number. The object's "source" is kept as Article.Source
// (it names the feed); otherwise Source is the file path. Invalid JSON, a
// value that is not an object, a line without text and a line over 64 MiB
// each give a *Warning with the line number and are skipped; the other lines
// are read. When the object has a title, it is put before the text as its
// own paragraph unless the text already starts with it.
//
// # HTML
//
// The page is parsed with golang.org/x/net/html. A declared non-UTF-8
// charset (<meta charset>) is decoded. The content root is the <article>
// element with the most text, else <main> (or role="main"), else <body>.
// Inside it, script, style, noscript, template, nav, footer, header, aside,
// form, svg, iframe, button, select, textarea, object, embed, canvas, audio,
// video and elements marked hidden or aria-hidden="true" are dropped. Block
// elements (p, div, h1–h6, li, br, section, article, blockquote, tr, …) end
// lines, paragraphs and headings end paragraphs, table cells are separated
// by spaces, and inline text joins with single spaces; entities are decoded
// by the parser.
//
// Title: og:title, then <title> (with a " | Site" or " - Site" suffix of at
// most 4 words cut), then the first <h1>, then JSON-LD "headline". Date:
// meta article:published_time, og:published_time, a meta named date,
// pubdate, publishdate, dc.date, dc.date.issued or dcterms.date, any element
// with itemprop="datePublished", the first <time datetime> in the content
// root, then JSON-LD "datePublished". URL: <link rel="canonical">, then
// og:url. When the content holds no <h1> matching the title and does not
// start with the title, the title is put before the text as its own
// paragraph. Pages the parser refuses (more than 512 nested open elements)
// are read token by token instead: the text outside dropped elements, with
// block breaks, and the <title>.
//
// # Ids, sources and order
//
// Article.ID is the file name without its extension ("d001.txt" → "d001"),
// "stem#N" for dump parts, or the JSONL id. Article.Source is the path the
// article was read from, as given or as found inside a named folder ("-" for
// standard input), or the JSONL "source" value. Read delivers articles in a
// deterministic order: paths in the order given, the files of a folder (and
// of a glob pattern) sorted by path, hidden files and folders (names
// starting with ".") skipped inside folders and, as in a shell, not matched
// by wildcards, and a file named twice read once. Files matched by a glob
// pattern count as named explicitly. Two articles with the same id in one Read call give a *Warning; both
// are delivered.
//
// # Errors and warnings
//
// Problems with one input that leave the rest readable are *Warning values
// passed to Options.Warn (dropped when it is nil). Paths that do not exist,
// glob patterns that match nothing and "-" without Options.Stdin are errors,
// all reported together before any article is delivered. I/O errors and
// errors returned by the callback stop reading. Parsing never panics on any
// input.
package source
