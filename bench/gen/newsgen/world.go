package newsgen

import (
	"math/rand/v2"
	"strings"
)

// kind is what an actor is.
type kind uint8

const (
	person kind = iota
	org
	gpe
)

// actor is one invented person, organisation, or real country or
// international organisation of the generated world.
type actor struct {
	kind kind

	// person
	given, surname string
	female         bool
	title          string // capitalised before the name ("Foreign Minister") or a role ("spokesperson")
	country        int    // index into countries, or -1
	org            int    // index into world.orgs, or -1
	orgName        string // full name of org, or ""

	// org
	name, abbr string // full name, abbreviation or ""
	the        bool   // the name takes "the"
	generic    string // "the council": a later mention that names no one
	home       int    // country of an invented organisation, or -1 (drawn, not yet named in the text)

	// gpe
	c *country
}

// full returns the actor's full name, with "the" where it takes one.
func (a *actor) full() string {
	switch a.kind {
	case person:
		return a.given + " " + a.surname
	case gpe:
		if a.c.the {
			return "the " + a.c.name
		}
		return a.c.name
	}
	if a.the {
		return "the " + a.name
	}
	return a.name
}

// bare returns the name without "the", for compounds ("a Norway–Kenya
// summit").
func (a *actor) bare() string {
	switch a.kind {
	case person:
		return a.surname
	case gpe:
		return a.c.name
	}
	if a.abbr != "" {
		return a.abbr
	}
	return a.name
}

// world is every actor a corpus can name.
type world struct {
	countries []*actor // one per entry of countries, in a seeded order of frequency
	orgs      []*actor // real organisations first, then invented ones, in order of frequency
	people    []*actor // in order of frequency
}

// personTitles are the offices of people who act for a country; roleTitles
// those of people who act for an organisation. Capitalised titles go
// before the name.
var (
	personTitles = []string{
		"President", "Prime Minister", "Foreign Minister", "Defence Minister", "Finance Minister",
		"Interior Minister", "Trade Minister", "Energy Minister", "Health Minister", "opposition leader",
		"ambassador", "envoy", "spokesperson", "General", "Senator", "Deputy Foreign Minister",
	}
	roleTitles = []string{"chief executive", "leader", "chairman", "secretary-general", "spokesperson", "commander", "director"}
)

// newWorld invents the people and organisations of a corpus.
func newWorld(r *rand.Rand, nPeople, nOrgs int) *world {
	w := &world{}
	for _, i := range r.Perm(len(countries)) {
		w.countries = append(w.countries, &actor{kind: gpe, c: &countries[i], country: i, org: -1, home: i})
	}
	for _, o := range realOrgs {
		w.orgs = append(w.orgs, &actor{kind: org, name: o.name, abbr: o.abbr, the: o.the, generic: "the organisation", home: -1, country: -1, org: -1})
	}
	seen := map[string]bool{}
	for _, o := range w.orgs {
		seen[o.name] = true
		if o.abbr != "" {
			seen[o.abbr] = true
		}
	}
	for len(w.orgs) < len(realOrgs)+nOrgs {
		k := orgKinds[r.IntN(len(orgKinds))]
		adj, subj := orgAdjectives[r.IntN(len(orgAdjectives))], orgSubjects[r.IntN(len(orgSubjects))]
		name := adj + " " + subj + " " + k.word
		a := &actor{kind: org, name: name, the: true, generic: k.generic, home: r.IntN(len(countries)), country: -1, org: -1}
		if k.word == "Corporation" || k.word == "Group" {
			// Companies are named after an invented founder or place.
			name = surnameStems[r.IntN(len(surnameStems))] + surnameEnds[r.IntN(len(surnameEnds))] + " " + subj + " " + k.word
			a.name, a.the = name, false
		} else if r.IntN(3) > 0 {
			a.abbr = string(adj[0]) + string(subj[0]) + string(k.word[0])
		}
		if seen[a.name] || (a.abbr != "" && seen[a.abbr]) {
			continue
		}
		seen[a.name] = true
		if a.abbr != "" {
			seen[a.abbr] = true
		}
		w.orgs = append(w.orgs, a)
	}
	for len(w.people) < nPeople {
		female := r.IntN(2) == 0
		names := givenNames[0]
		if female {
			names = givenNames[1]
		}
		p := &actor{kind: person, female: female, given: names[r.IntN(len(names))], country: -1, org: -1, home: -1}
		p.surname = surnameStems[r.IntN(len(surnameStems))] + surnameEnds[r.IntN(len(surnameEnds))]
		if r.IntN(8) == 0 {
			// A double-barrelled surname: "Haugvik-Lunde".
			p.surname += "-" + surnameStems[r.IntN(len(surnameStems))] + surnameEnds[r.IntN(len(surnameEnds))]
		}
		if seen[p.full()] {
			continue
		}
		seen[p.full()] = true
		if r.IntN(3) == 0 {
			p.org = len(realOrgs) + r.IntN(nOrgs)
			if nOrgs == 0 || r.IntN(4) == 0 {
				p.org = r.IntN(len(realOrgs))
			}
			p.title = roleTitles[r.IntN(len(roleTitles))]
			p.orgName = w.orgs[p.org].full()
		} else {
			p.country = r.IntN(len(countries))
			p.title = personTitles[r.IntN(len(personTitles))]
		}
		w.people = append(w.people, p)
	}
	return w
}

// capitalised reports whether a title goes before the name as a title
// ("Foreign Minister Ingrid Haugvik") rather than as a role.
func capitalised(title string) bool {
	return title != "" && strings.ToUpper(title[:1]) == title[:1]
}
