// Package source reads news articles from files, folders, glob patterns,
// standard input, fs.FS trees and RSS or Atom feeds (files, or URLs through
// a Fetcher), and turns them into news.Article values with normalised text,
// a title and a date where the source has them.
//
// # Formats
//
// The format is chosen by the file extension, case-insensitively:
//
//   - .txt, .text, .md, .markdown: plain text, one article a file, or a
//     scrape dump of many articles (see below).
//   - .jsonl, .ndjson: JSON Lines, one article a line.
//   - .html, .htm, .xhtml: one web page, one article.
//   - .rss, .atom, .xml: an RSS or Atom feed, one article an item.
//
// Files with other extensions are skipped silently when met inside a folder;
// a file named explicitly (or matched by a glob pattern) with another
// extension is read as a feed when its content is one (its root element is
// rss, rdf:RDF or feed) and as plain text otherwise. Standard input ("-") is
// sniffed: JSON Lines when its first non-space byte is '{', a feed when it
// is '<' and the root element is a feed's, HTML for other '<', plain text
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
// # Feeds
//
// RSS (0.9x, 1.0 and 2.0) and Atom (0.3 and 1.0) are parsed with
// github.com/mmcdole/gofeed, which also reads JSON Feed; the encoding
// declared in the XML prolog is decoded, and UTF-16 with a byte order mark
// is read too. Each item becomes one article, in feed order:
//
//   - ID: the item's GUID (RSS <guid>, Atom <id>), else its link. When that
//     key is an absolute URI ("https://…", "urn:uuid:…", "tag:…"), it is the
//     id as it is; otherwise the id is "STEM#KEY", where STEM is the file
//     name without its extension (or "stdin"), or, for Fetcher, the feed
//     URL. A key longer than 512 bytes becomes "STEM#H" and an item with
//     neither GUID nor link gets "STEM#H" too, H being the first 16 hex
//     digits of the SHA-256 of the key, or of title, date and published
//     field joined by newlines. Ids therefore depend only on the item and
//     on where the feed was read from, never on the item's position or the
//     time of reading: the same item gives the same id on every run.
//   - Title: the item title, reduced to plain text on one line.
//   - Text: the title, a blank line, then the item's content (RSS
//     content:encoded, Atom content) or, when it has none, its description
//     (Atom summary), reduced to plain text with the HTML rules above
//     (paragraphs kept, scripts and the like dropped, entities decoded;
//     text without tags only has its entities decoded) and normalised as
//     every format. The title is not repeated when the text starts with it.
//   - Date: the published date, else the updated date (RSS pubDate or
//     dc:date, Atom published or updated), as YYYY-MM-DD: the calendar date
//     written in the feed, whatever its zone; empty when unknown.
//   - URL: the item link, resolved against the feed URL (Fetcher) or the
//     feed's own absolute link when it is relative.
//   - Source: the feed title, else the file path or feed URL.
//
// An item without text (no content or description, or one that is only its
// title or an image) is skipped with a *Warning naming the feed and the
// item: "world.rss: item 3 \"https://…/gallery\": no article text, skipped".
// A file read as a feed that is not one (or is truncated) gives a *Warning
// wrapping ErrNotFeed ("news.xml: not an RSS or Atom feed: …, skipped"); a
// feed without items gives a *Warning too.
//
// # Feeds by URL
//
// A Fetcher reads feeds over http and https: Fetch for one feed, FetchAll
// for many, where a feed that fails is reported and the others are still
// read. Each request has its own timeout (Fetcher.Timeout, headers and
// body). Network errors, timeouts, HTTP 429 and HTTP 5xx are retried
// (Fetcher.Retries, 2 by default) after an exponential backoff
// (Fetcher.Backoff, doubled each time, capped by Fetcher.MaxWait, jittered
// from the caller's seeded Fetcher.Rand); a Retry-After header replaces the
// backoff. Other 4xx statuses, bodies over Fetcher.MaxBytes (20 MiB by
// default; ErrTooLarge) and content that is not a feed (ErrNotFeed) are not
// retried. Errors are *FetchError values with a one-line message naming the
// URL: "feed https://example.com/rss: HTTP 503 Service Unavailable after 3
// attempts".
//
// With a Fetcher.Cache (FileCache keeps it in a folder), the ETag and
// Last-Modified of each response are kept with its body and sent back as
// If-None-Match and If-Modified-Since; on 304 Not Modified the kept body is
// parsed again, so the caller gets the same articles as last time (the
// store then skips them as unchanged by their hash).
//
// With Fetcher.FetchArticles, an item whose text holds fewer than
// Fetcher.MinWords words (100 by default) besides its title is taken for a
// summary: the linked page is fetched (same timeout, retries, size limit
// and cache) and read with the HTML rules above, and its article text
// replaces the summary when it holds more words. A page that fails, is not
// HTML or holds less text leaves the summary and gives a *Warning.
//
// # Ids, sources and order
//
// Article.ID is the file name without its extension ("d001.txt" → "d001"),
// "stem#N" for dump parts, the JSONL id, or a feed item's id (see Feeds).
// Article.Source is the path the article was read from, as given or as
// found inside a named folder ("-" for standard input), the JSONL "source"
// value, or the feed title. Read delivers articles in a
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
