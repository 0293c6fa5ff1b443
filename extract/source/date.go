package source

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

const (
	monthRe   = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`
	weekdayRe = `mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?`
	ordinalRe = `(?:st|nd|rd|th)?`

	// dateCoreRe is one date: ISO, day-month(-year), month-day(-year),
	// numeric with the year last, or numeric with the year first.
	dateCoreRe = `(?:` +
		`(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:z|[+-]\d{2}(?::?\d{2})?)?)?` +
		`|(?P<dd>\d{1,2})` + ordinalRe + `\.?\s+(?:of\s+)?(?P<dm>` + monthRe + `)\.?(?:,?\s*(?P<dy>\d{4}))?` +
		`|(?P<mm>` + monthRe + `)(?:\.\s*|\s+)(?P<md>\d{1,2})` + ordinalRe + `(?:,?\s*(?P<my>\d{4}))?` +
		`|(?P<n1>\d{1,2})(?P<ns>[/.-])(?P<n2>\d{1,2})[/.-](?P<n3>\d{4})` +
		`|(?P<sy>\d{4})[/.](?P<sm>\d{1,2})[/.](?P<sd>\d{1,2})` +
		`)`

	// timeRe is an optional time of day with a zone after a date.
	timeRe = `(?:,?\s*(?:at\s+|[-–—|@]\s*)?\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?m\.?)?` +
		`(?:\s*\(?(?:(?:utc|gmt)\s*[+-]\d{1,2}(?::?\d{2})?|[a-z]{2,5}|[+-]\d{2}:?\d{2})\)?)?)?`

	prefixRe = `(?:(?:(?:first|last)\s+)?(?:published|updated|posted|modified)|dated?)(?:\s+(?:on|at))?\s*:?\s*`
)

var (
	// dateLineRe matches a whole line that is only a date.
	dateLineRe = regexp.MustCompile(`(?i)^\s*(?:` + prefixRe + `)?(?:(?:` + weekdayRe + `)\.?,?\s+)?` + dateCoreRe + timeRe + `\s*$`)

	// dateInRe finds a written date inside a longer text (a dateline).
	dateInRe = regexp.MustCompile(`(?i)\b(?:(?:` + monthRe + `)(?:\.\s*|\s+)\d{1,2}` + ordinalRe + `(?:,?\s*\d{4})?|\d{1,2}` + ordinalRe + `\s+(?:` + monthRe + `)\.?(?:,?\s*\d{4})?)\b`)

	// datelineRe is an agency dateline: "Aug. 7 (UPI) —",
	// "MOSCOW, Jan 2, 2024 (Reuters) -", "KYIV, Ukraine (AP) —".
	datelineRe = regexp.MustCompile(`^(?P<pre>[^()\n]{0,80}?)\s*\((?P<agency>[A-Z][A-Za-z.&' -]{0,23})\)\s*(?P<sep>[-–—]{1,2}|:)?\s*(?P<rest>.*)$`)

	// cityRe is an upper-case place name, optionally followed by a region:
	// "MOSCOW", "KYIV, Ukraine", "NEW YORK".
	cityRe = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'-]+(?:,\s*[\p{L} .'-]+)?,?$`)

	isoPrefixRe = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:$|[Tt ])`)
	compactRe   = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	epochRe     = regexp.MustCompile(`^\d{9,13}(?:\.\d+)?$`)
)

var monthNums = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

func monthNum(s string) int { return monthNums[strings.ToLower(s[:3])] }

// ymd formats a validated date as YYYY-MM-DD, or returns "" when it is not
// a real calendar date.
func ymd(y, m, d int) string {
	if y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return ""
	}
	return t.Format(time.DateOnly)
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// dateFromMatch turns the groups of a dateCoreRe match into YYYY-MM-DD,
// or "" when the date has no year, is ambiguous or is not a real date.
func dateFromMatch(re *regexp.Regexp, m []string) string {
	g := func(name string) string { return m[re.SubexpIndex(name)] }
	switch {
	case g("iy") != "":
		return ymd(atoi(g("iy")), atoi(g("im")), atoi(g("id")))
	case g("dm") != "":
		if g("dy") == "" {
			return ""
		}
		return ymd(atoi(g("dy")), monthNum(g("dm")), atoi(g("dd")))
	case g("mm") != "":
		if g("my") == "" {
			return ""
		}
		return ymd(atoi(g("my")), monthNum(g("mm")), atoi(g("md")))
	case g("n1") != "":
		a, b, y := atoi(g("n1")), atoi(g("n2")), atoi(g("n3"))
		switch {
		case a == b, a > 12 && b <= 12, g("ns") == ".":
			return ymd(y, b, a) // day first, or both the same; 02.01.2024 is always day first
		case b > 12 && a <= 12:
			return ymd(y, a, b) // month first
		}
		return "" // ambiguous: 02/01/2024
	case g("sy") != "":
		return ymd(atoi(g("sy")), atoi(g("sm")), atoi(g("sd")))
	}
	return ""
}

// dateLine reports whether line holds nothing but a date (see the package
// comment) and returns it as YYYY-MM-DD when it is a full, unambiguous
// date. Agency datelines with nothing after them count as date lines.
func dateLine(line string) (date string, ok bool) {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 120 {
		return "", false
	}
	if m := dateLineRe.FindStringSubmatch(line); m != nil {
		return dateFromMatch(dateLineRe, m), true
	}
	if dl, ok := parseDateline(line); ok && dl.rest == "" {
		return dl.date, true
	}
	return "", false
}

// dateline is an agency dateline at the start of a line.
type dateline struct {
	date string // YYYY-MM-DD when the dateline names a full date
	rest string // the text after the dateline
}

// parseDateline recognises an agency dateline at the start of line: an
// optional upper-case place and an optional date, then "(Agency)", then a
// dash, a colon or the end of the line. Either the place or a date must be
// there, so "Trump (R) wins" is not a dateline.
func parseDateline(line string) (dateline, bool) {
	if len(line) < 4 || !strings.Contains(line[:min(len(line), 120)], "(") {
		return dateline{}, false
	}
	m := datelineRe.FindStringSubmatch(line)
	if m == nil {
		return dateline{}, false
	}
	pre := strings.TrimSpace(m[datelineRe.SubexpIndex("pre")])
	sep := m[datelineRe.SubexpIndex("sep")]
	rest := strings.TrimSpace(m[datelineRe.SubexpIndex("rest")])
	if sep == "" && rest != "" {
		return dateline{}, false
	}
	var dl dateline
	dl.rest = rest
	loc := dateInRe.FindStringIndex(pre)
	switch {
	case loc != nil:
		// The text before the date must be a place, if anything.
		before := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(pre[:loc[0]]), ","))
		after := strings.TrimSpace(pre[loc[1]:])
		if (before != "" && !cityRe.MatchString(before)) || strings.Trim(after, ",. ") != "" {
			return dateline{}, false
		}
		if d, ok := dateLine(pre[loc[0]:loc[1]]); ok {
			dl.date = d
		}
	case pre != "" && cityRe.MatchString(pre):
	case pre == "" && sep != "":
	default:
		return dateline{}, false
	}
	return dl, true
}

// dateLayouts are tried by parseDateValue after the written forms.
var dateLayouts = []string{
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	time.UnixDate,
	time.RubyDate,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
}

// parseDateValue normalises a date from a metadata field (JSON Lines,
// HTML meta tags) to YYYY-MM-DD, or returns "" when it cannot. A timestamp
// keeps the calendar date written in it, whatever its zone.
func parseDateValue(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 {
		return ""
	}
	if m := isoPrefixRe.FindStringSubmatch(s); m != nil {
		return ymd(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := dateLineRe.FindStringSubmatch(s); m != nil {
		return dateFromMatch(dateLineRe, m)
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return ymd(t.Year(), int(t.Month()), t.Day())
		}
	}
	if m := compactRe.FindStringSubmatch(s); m != nil {
		return ymd(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if epochRe.MatchString(s) {
		return epochDate(s)
	}
	return ""
}

// epochDate reads Unix seconds (up to 11 digits) or milliseconds (12 or 13
// digits) as a UTC date.
func epochDate(s string) string {
	whole, _, _ := strings.Cut(s, ".")
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return ""
	}
	var t time.Time
	if len(whole) >= 12 {
		t = time.UnixMilli(n).UTC()
	} else {
		t = time.Unix(n, 0).UTC()
	}
	return ymd(t.Year(), int(t.Month()), t.Day())
}
