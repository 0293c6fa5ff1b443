package newsgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/news"
)

// Config sizes and seeds a corpus. The zero value of a field takes the
// default in its comment.
type Config struct {
	Articles int       // articles (default 1000)
	Seed     uint64    // random seed (default 1)
	People   int       // invented people (default 3000)
	Orgs     int       // invented organisations besides the real international ones (default 400)
	Start    time.Time // first possible date (default 2025-01-01)
	Days     int       // articles are dated over this many days from Start (default 365)
	MinWords int       // shortest article body in words (default 300)
	MaxWords int       // longest article body in words, about (default 900)
}

func (c Config) withDefaults() Config {
	if c.Articles <= 0 {
		c.Articles = 1000
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.People <= 0 {
		c.People = 3000
	}
	if c.Orgs <= 0 {
		c.Orgs = 400
	}
	if c.Start.IsZero() {
		c.Start = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if c.Days <= 0 {
		c.Days = 365
	}
	if c.MinWords <= 0 {
		c.MinWords = 300
	}
	if c.MaxWords < c.MinWords {
		c.MaxWords = max(c.MinWords, 900)
	}
	return c
}

// Streams of the seeded generator: the world has its own, and article i
// has stream articleStream+i, so an article depends only on the seed and
// its index.
const (
	worldStream   = 0x776f726c64 // "world"
	articleStream = 1 << 32
)

// Generator makes the articles of one corpus. It holds the invented world
// (a few hundred kilobytes) and nothing per article, so a corpus of any
// size is made in constant memory.
type Generator struct {
	cfg   Config
	world *world
}

// New returns the generator of the corpus cfg describes.
func New(cfg Config) *Generator {
	cfg = cfg.withDefaults()
	r := rand.New(rand.NewPCG(cfg.Seed, worldStream))
	return &Generator{cfg: cfg, world: newWorld(r, cfg.People, cfg.Orgs)}
}

// Config returns the generator's configuration with defaults filled in.
func (g *Generator) Config() Config { return g.cfg }

// Article returns article i (0 ≤ i < Config().Articles; larger i work too).
// The same seed and index always give the same article, and the articles
// of a smaller corpus are the first ones of a larger corpus with the same
// seed.
func (g *Generator) Article(i int) news.Article {
	r := rand.New(rand.NewPCG(g.cfg.Seed, articleStream+uint64(i)))
	date := g.cfg.Start.AddDate(0, 0, r.IntN(g.cfg.Days))
	out := outlets[r.IntN(len(outlets))]
	a := &writer{r: r, date: date, cast: g.cast(r)}
	// Lengths like news: most between 400 and 800 words.
	span := g.cfg.MaxWords - g.cfg.MinWords
	target := g.cfg.MinWords + (r.IntN(span+1)+r.IntN(span+1))/2
	title := a.headline()
	a.body(target, out.name)
	id := fmt.Sprintf("gen-%06d", i+1)
	return news.Article{
		ID:     id,
		Title:  title,
		Text:   a.b.String(),
		Date:   date.Format(time.DateOnly),
		URL:    fmt.Sprintf("https://%s/%s/%s-%d", out.host, date.Format("2006/01/02"), slug(title), i+1),
		Source: out.name,
	}
}

// cast draws the actors of one article: one to three countries, people,
// organisations. Each list of the world is in order of frequency and drawn
// with a Zipf law, as news names a few actors everywhere and most rarely.
func (g *Generator) cast(r *rand.Rand) []*member {
	w := g.world
	var cast []*member
	add := func(a *actor) {
		for _, m := range cast {
			if m.a == a {
				return
			}
		}
		cast = append(cast, &member{a: a})
	}
	zc := rand.NewZipf(r, 1.3, 2, uint64(len(w.countries)-1))
	zp := rand.NewZipf(r, 1.1, 8, uint64(len(w.people)-1))
	zo := rand.NewZipf(r, 1.2, 4, uint64(len(w.orgs)-1))
	for range 1 + r.IntN(3) {
		add(w.countries[zc.Uint64()])
	}
	for range 2 + r.IntN(4) {
		p := w.people[zp.Uint64()]
		add(p)
		// A person's own country or organisation often comes along.
		if r.IntN(2) == 0 {
			if p.country >= 0 {
				for _, c := range w.countries {
					if c.country == p.country {
						add(c)
					}
				}
			} else if p.org >= 0 {
				add(w.orgs[p.org])
			}
		}
	}
	for range r.IntN(3) {
		add(w.orgs[zo.Uint64()])
	}
	// The first two are the protagonists.
	r.Shuffle(len(cast), func(i, j int) { cast[i], cast[j] = cast[j], cast[i] })
	for i, m := range cast {
		m.weight = 1
		if i < 2 {
			m.weight = 4
		}
	}
	return cast
}

// member is an actor of one article and how often it was named.
type member struct {
	a        *actor
	weight   int
	mentions int
}

// writer builds the text of one article.
type writer struct {
	r        *rand.Rand
	date     time.Time
	cast     []*member
	b        strings.Builder
	words    int
	lastSubj *member // subject of the previous sentence, for pronouns
}

func (w *writer) pick(s []string) string { return s[w.r.IntN(len(s))] }

// who draws a member of the cast, protagonists more often, different from
// the ones in not.
func (w *writer) who(not ...*member) *member {
	total := 0
	for _, m := range w.cast {
		if !contains(not, m) {
			total += m.weight
		}
	}
	if total == 0 {
		return w.cast[w.r.IntN(len(w.cast))]
	}
	x := w.r.IntN(total)
	for _, m := range w.cast {
		if contains(not, m) {
			continue
		}
		if x < m.weight {
			return m
		}
		x -= m.weight
	}
	return w.cast[0]
}

func contains(ms []*member, m *member) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}

// name returns how the article names m now: in full with a title the first
// time, shorter later. subject allows forms that only read well as a
// subject (an appositive, "the Norwegians").
func (w *writer) name(m *member, subject bool) string {
	a := m.a
	first := m.mentions == 0
	m.mentions++
	switch a.kind {
	case person:
		if first {
			return w.introduce(a, subject)
		}
		switch x := w.r.IntN(10); {
		case x < 7:
			return a.surname
		case x < 8 && capitalised(a.title):
			return a.title + " " + a.surname
		default:
			return a.full()
		}
	case gpe:
		c := a.c
		switch x := w.r.IntN(20); {
		case first || x < 14:
			return a.full()
		case x < 17 && c.capital != "":
			return c.capital
		case x < 18 && subject && c.people != "":
			return "the " + c.people
		default:
			return "the " + c.demonym + " government"
		}
	}
	if first {
		if a.abbr != "" && a.name != a.abbr && w.r.IntN(2) == 0 {
			return a.full() + " (" + a.abbr + ")"
		}
		return a.full()
	}
	switch x := w.r.IntN(10); {
	case x < 6 && a.abbr != "":
		if a.the {
			return "the " + a.abbr
		}
		return a.abbr
	case x == 6:
		return a.generic
	default:
		return a.full()
	}
}

// introduce is the first mention of a person.
func (w *writer) introduce(a *actor, subject bool) string {
	var of string // "Norway's", "the NGC's"
	var demonym string
	switch {
	case a.country >= 0:
		c := &countries[a.country]
		of = possessive(c.name)
		if c.the {
			of = "the " + of
		}
		demonym = c.demonym
	case a.orgName != "":
		of = possessive(a.orgName)
	}
	switch x := w.r.IntN(10); {
	case x < 4 && capitalised(a.title) && demonym != "":
		return demonym + " " + a.title + " " + a.full()
	case x < 6 && capitalised(a.title):
		return a.title + " " + a.full()
	case x < 8 && subject && of != "":
		return a.full() + ", " + of + " " + strings.ToLower(a.title) + ","
	case x < 9 && !capitalised(a.title) && a.title != "":
		return a.title + " " + a.full()
	default:
		return a.full()
	}
}

// possessive returns "X's" ("Norway's", "the NGC's").
func possessive(s string) string {
	if strings.HasSuffix(s, "s") {
		return s + "'"
	}
	return s + "'s"
}

// pronoun returns he, she or it for m.
func pronoun(m *member) string {
	switch {
	case m.a.kind != person:
		return "it"
	case m.a.female:
		return "she"
	}
	return "he"
}

// when returns a time phrase, often none.
func (w *writer) when() string {
	switch x := w.r.IntN(12); {
	case x < 3:
		return " on " + w.date.Weekday().String()
	case x < 4:
		return " last week"
	case x < 5:
		d := w.date.AddDate(0, 0, -1-w.r.IntN(20))
		return fmt.Sprintf(" on %s %d", d.Month(), d.Day())
	case x < 6:
		return " earlier this month"
	case x < 7:
		return " late on " + w.pick(weekdays)
	}
	return ""
}

// complement returns what follows the object of v.
func (w *writer) complement(v verb) string {
	switch v.comp {
	case compOf:
		return " of " + w.pick(offences)
	case compTo:
		if v.base == "invite" {
			return " to a " + w.pick(summits) + " in " + w.pick(cities)
		}
		return " to " + w.pick(infinitives)
	case compFor:
		if w.r.IntN(2) == 0 {
			return " for " + w.pick(reasons)
		}
	case compOver:
		if w.r.IntN(2) == 0 {
			return " over " + w.pick(issues)
		}
	case compIn:
		if w.r.IntN(2) == 0 {
			return " in " + w.pick(cities)
		}
	case compWith:
		return " with " + w.pick(threats)
	case compOn:
		return " on " + w.pick(events)
	case compAgainst:
		if w.r.IntN(2) == 0 {
			return " against " + w.pick(gerunds)
		}
	}
	return ""
}

func (w *writer) verb() verb { return verbs[w.r.IntN(len(verbs))] }

func (w *writer) passiveVerb() verb {
	for {
		if v := w.verb(); v.passive {
			return v
		}
	}
}

// headline returns the article's title.
func (w *writer) headline() string {
	a := w.cast[0]
	b := w.cast[min(1, len(w.cast)-1)]
	v := w.verb()
	short := func(m *member) string {
		if m.a.kind == person {
			return m.a.surname
		}
		return strings.TrimPrefix(m.a.full(), "the ")
	}
	switch w.r.IntN(4) {
	case 0:
		return short(a) + " and " + short(b) + " hold talks in " + w.pick(cities)
	case 1:
		return capital(short(a)) + " " + v.third + " " + short(b) + " over " + strings.TrimPrefix(w.pick(issues), "the ")
	default:
		return capital(short(a)) + " " + v.third + " " + short(b)
	}
}

// body writes paragraphs of two to five sentences until the article has
// about target words.
func (w *writer) body(target int, outlet string) {
	for para := 0; w.words < target; para++ {
		if para > 0 {
			w.b.WriteString("\n\n")
		}
		n := 2 + w.r.IntN(4)
		for i := range n {
			s := w.sentenceOf(para == 0 && i == 0)
			if para == 0 && i == 0 && w.r.IntN(3) == 0 {
				// A dateline: "OSLO, March 4 (Harbour Wire) - ".
				place := w.pick(cities)
				for _, m := range w.cast {
					if m.a.kind == gpe && m.a.c.capital != "" {
						place = m.a.c.capital
						break
					}
				}
				s = fmt.Sprintf("%s, %s %d (%s) — %s", strings.ToUpper(place), w.date.Month(), w.date.Day(), outlet, s)
			}
			if i > 0 {
				w.b.WriteByte(' ')
			}
			w.b.WriteString(s)
			w.words += len(strings.Fields(s))
		}
	}
}

// sentenceOf returns one sentence, chosen among the shapes news uses.
func (w *writer) sentenceOf(lead bool) string {
	r := w.r
	var s string
	subj := (*member)(nil)
	x := r.IntN(125)
	if lead {
		x = r.IntN(30) // the lead sentence is a plain relation
	}
	switch {
	case x < 22: // active: A verbed B ...
		a := w.who()
		b := w.who(a)
		v := w.verb()
		s = w.name(a, true) + " " + v.past + " " + w.name(b, false) + w.complement(v) + w.when() + w.tail()
		subj = a
	case x < 30: // passive: B was verbed by A
		a := w.who()
		b := w.who(a)
		v := w.passiveVerb()
		s = w.name(b, true) + " was " + v.pp + " by " + w.name(a, false) + w.complement(v) + w.when() + w.tail()
		subj = b
	case x < 35: // coordinated subjects
		a := w.who()
		b := w.who(a)
		c := w.who(a, b)
		v := w.verb()
		if len(w.cast) > 3 && r.IntN(2) == 0 {
			d := w.who(a, b, c)
			s = w.name(a, true) + ", " + w.name(b, false) + " and " + w.name(c, false) + " " + v.past + " " + w.name(d, false) + w.complement(v)
		} else {
			s = w.name(a, true) + " and " + w.name(b, false) + " " + v.past + " " + w.name(c, false) + w.complement(v) + w.when()
		}
	case x < 40: // coordinated objects
		a := w.who()
		b := w.who(a)
		c := w.who(a, b)
		v := w.verb()
		s = w.name(a, true) + " " + v.past + " " + w.name(b, false) + " and " + w.name(c, false) + w.complement(v) + w.tail()
		subj = a
	case x < 44: // pronoun continuing the last subject
		if w.lastSubj == nil {
			return w.sentenceOf(lead)
		}
		a := w.lastSubj
		b := w.who(a)
		v := w.verb()
		s = pronoun(a) + " also " + v.past + " " + w.name(b, false) + w.complement(v)
		subj = a
	case x < 50: // reporting verbs and that-clauses
		a := w.who()
		b := w.who(a)
		switch r.IntN(4) {
		case 0:
			s = w.name(a, true) + " said " + w.name(b, false) + " must " + w.pick(infinitives)
		case 1:
			s = w.name(a, true) + " demanded that " + w.name(b, false) + " " + w.pick(subjunctives)
		case 2:
			c := w.who(a, b)
			v := w.verb()
			s = w.name(a, true) + " said " + w.name(b, false) + " had " + v.pp + " " + w.name(c, false) + w.complement(v)
		default:
			s = "According to " + w.name(a, false) + ", " + w.name(b, false) + " " + w.pick([]string{"has refused to", "is preparing to", "has agreed to"}) + " " + w.pick(infinitives)
		}
		subj = a
	case x < 57: // quotes
		a := w.speaker()
		q := w.pick(quotes)
		if r.IntN(3) == 0 {
			b := w.who(a)
			q = fmt.Sprintf(w.pick(quotesWith), w.name(b, false))
		}
		open, shut := `"`, `"`
		if r.IntN(3) == 0 {
			open, shut = "“", "”"
		}
		switch r.IntN(3) {
		case 0:
			s = open + q + "," + shut + " " + w.name(a, false) + " told reporters in " + w.pick(cities)
		case 1:
			s = open + q + "," + shut + " " + w.name(a, false) + " said"
		default:
			return capital(w.name(a, true)) + " said: " + open + q + "." + shut
		}
	case x < 61: // relative clauses
		a := w.who()
		b := w.who(a)
		c := w.who(a, b)
		v1, v2 := w.verb(), w.verb()
		rel := "which"
		if a.a.kind == person {
			rel = "who"
		}
		s = w.name(a, true) + ", " + rel + " " + v1.past + " " + w.name(b, false) + " " + w.pick([]string{"last year", "in the spring", "during the crisis"}) + ", " +
			v2.past + " " + w.name(c, false) + w.complement(v2)
		subj = a
	case x < 69: // nominal relations
		a := w.who()
		b := w.who(a)
		switch r.IntN(6) {
		case 0:
			s = "Talks between " + w.name(a, false) + " and " + w.name(b, false) + " " + w.pick([]string{"ended without agreement", "resumed in " + w.pick(cities), "are expected to continue", "broke down over " + w.pick(issues)})
		case 1:
			s = possessive(w.name(a, false)) + " visit to " + w.name(b, false) + " " + w.pick([]string{"was postponed", "comes amid tensions over " + w.pick(issues), "was the first in a decade"})
		case 2:
			s = w.name(a, true) + " held talks with " + w.name(b, false) + " in " + w.pick(cities) + w.when()
			subj = a
		case 3:
			a.mentions++
			b.mentions++
			s = capital(article(a.a.bare())) + " " + a.a.bare() + "–" + b.a.bare() + " " + w.pick(summits) + " is planned for " + w.pick(months)
		case 4:
			s = possessive(w.name(a, false)) + " decision drew condemnation from " + w.name(b, false)
		default:
			s = w.name(a, true) + " " + w.pick([]string{"signed a trade agreement with", "spoke by phone with", "sent aid to", "launched strikes on", "imposed sanctions on"}) + " " + w.name(b, false) + w.when()
			subj = a
		}
	case x < 73: // control and raising
		a := w.who()
		b := w.who(a)
		switch r.IntN(3) {
		case 0:
			s = w.name(a, true) + " and " + w.name(b, false) + " are scheduled to meet in " + w.pick(cities) + " on " + w.pick(weekdays)
		case 1:
			s = w.name(a, true) + " is ready to talk to " + w.name(b, false)
			subj = a
		default:
			v := w.verb()
			s = w.name(a, true) + " " + w.pick([]string{"agreed to", "refused to", "threatened to", "plans to"}) + " " + v.base + " " + w.name(b, false) + w.complement(v)
			subj = a
		}
	case x < 76: // negated and hypothetical
		a := w.who()
		b := w.who(a)
		v := w.verb()
		switch r.IntN(3) {
		case 0:
			s = w.name(a, true) + " did not " + v.base + " " + w.name(b, false) + w.complement(v)
		case 1:
			s = w.name(a, true) + " could " + v.base + " " + w.name(b, false) + " if talks fail"
		default:
			c := w.who(a, b)
			s = "If " + w.name(a, false) + " " + v.third + " " + w.name(b, false) + ", " + w.name(c, false) + " will respond"
		}
	case x < 80: // demonyms
		var g *member
		for _, m := range w.cast {
			if m.a.kind == gpe && (g == nil || r.IntN(2) == 0) {
				g = m
			}
		}
		if g == nil {
			return w.filler()
		}
		b := w.who(g)
		g.mentions++
		d := g.a.c.demonym
		switch r.IntN(3) {
		case 0:
			s = d + " " + w.pick([]string{"forces", "troops", "officials", "diplomats", "warships"}) + " " + w.pick([]string{"attacked", "blocked", "met", "warned", "escorted"}) + " " + w.name(b, false) + w.when()
		case 1:
			s = article(d) + " " + d + " proposal was rejected by " + w.name(b, false)
		default:
			if g.a.c.people == "" {
				return w.filler()
			}
			s = "The " + g.a.c.people + " accused " + w.name(b, false) + " of " + w.pick(offences)
		}
	case x < 86: // one actor, no relation
		a := w.who()
		switch r.IntN(6) {
		case 0:
			s = w.name(a, true) + " has denied any involvement"
		case 1:
			s = w.name(a, true) + " said " + pronoun(a) + " would respond in due course"
		case 2:
			s = w.name(a, true) + " declined to comment"
		case 3:
			s = w.name(a, true) + " has repeatedly called for calm"
		case 4:
			s = w.name(a, true) + " announced new measures to support farmers"
		default:
			s = w.name(a, true) + " is due to publish a report next month"
		}
		subj = a
	default:
		return w.filler()
	}
	w.lastSubj = subj
	return capital(s) + "."
}

// filler is a sentence that names no actor: a stock sentence, or one put
// together from parts so that fillers rarely repeat.
func (w *writer) filler() string {
	w.lastSubj = nil
	switch w.r.IntN(5) {
	case 0:
		return fmt.Sprintf(w.pick(fillersN), 3+w.r.IntN(400))
	case 1:
		return w.pick(fillers)
	case 2:
		return capital(w.pick(sources)) + " " + w.pick(reportVerbs) + " " + w.pick(clauses) + w.tail() + "."
	case 3:
		return "The " + w.pick(crises) + " began in " + w.pick(months) + " " + fmt.Sprint(2015+w.r.IntN(10)) + ", when " + w.pick(clauses) + "."
	}
	return capital(w.pick(clauses)) + ", " + w.pick(sources) + " " + w.pick(reportVerbs) + w.when() + "."
}

// tail returns an adverbial that lengthens a sentence, often none.
func (w *writer) tail() string {
	if w.r.IntN(3) > 0 {
		return ""
	}
	return w.pick(tails)
}

// speaker draws who is quoted: people more often than countries.
func (w *writer) speaker() *member {
	for range 3 {
		if m := w.who(); m.a.kind == person {
			return m
		}
	}
	return w.who()
}

// article returns "a" or "an" for the word w.
func article(w string) string {
	if w != "" && strings.ContainsRune("AEIOU", rune(w[0])) {
		return "an"
	}
	return "a"
}

// capital upper-cases the first letter of s.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// slug returns a URL path element for a title.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}
