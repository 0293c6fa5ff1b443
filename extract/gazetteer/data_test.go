package gazetteer

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/news"
)

// unMembers are the 193 UN member states under their canonical names in
// the built-in data.
var unMembers = []string{
	"Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda", "Argentina",
	"Armenia", "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados",
	"Belarus", "Belgium", "Belize", "Benin", "Bhutan", "Bolivia", "Bosnia and Herzegovina", "Botswana",
	"Brazil", "Brunei", "Bulgaria", "Burkina Faso", "Burundi", "Cape Verde", "Cambodia", "Cameroon",
	"Canada", "Central African Republic", "Chad", "Chile", "China", "Colombia", "Comoros",
	"Republic of the Congo", "Costa Rica", "Ivory Coast", "Croatia", "Cuba", "Cyprus", "Czech Republic",
	"North Korea", "Democratic Republic of the Congo", "Denmark", "Djibouti", "Dominica",
	"Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea", "Estonia",
	"Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia", "Georgia", "Germany", "Ghana",
	"Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau", "Guyana", "Haiti", "Honduras", "Hungary",
	"Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Jamaica", "Japan",
	"Jordan", "Kazakhstan", "Kenya", "Kiribati", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon",
	"Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi",
	"Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania", "Mauritius", "Mexico",
	"Micronesia", "Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia",
	"Nauru", "Nepal", "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Macedonia",
	"Norway", "Oman", "Pakistan", "Palau", "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines",
	"Poland", "Portugal", "Qatar", "South Korea", "Moldova", "Romania", "Russia", "Rwanda",
	"Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines", "Samoa", "San Marino",
	"São Tomé and Príncipe", "Saudi Arabia", "Senegal", "Serbia", "Seychelles", "Sierra Leone", "Singapore",
	"Slovakia", "Slovenia", "Solomon Islands", "Somalia", "South Africa", "South Sudan", "Spain",
	"Sri Lanka", "Sudan", "Suriname", "Sweden", "Switzerland", "Syria", "Tajikistan", "Thailand",
	"East Timor", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Turkey", "Turkmenistan", "Tuvalu",
	"Uganda", "Ukraine", "United Arab Emirates", "United Kingdom", "Tanzania", "United States", "Uruguay",
	"Uzbekistan", "Vanuatu", "Venezuela", "Vietnam", "Yemen", "Zambia", "Zimbabwe",
}

// others are the observers and other widely used countries.
var others = []string{"Vatican City", "Palestine", "Taiwan", "Kosovo"}

func TestBuiltinCountries(t *testing.T) {
	if len(unMembers) != 193 {
		t.Fatalf("the test lists %d UN members, want 193", len(unMembers))
	}
	g := mustDefault(t)
	seen := map[string]bool{}
	for _, name := range append(unMembers, others...) {
		if seen[name] {
			t.Errorf("%s listed twice in the test", name)
		}
		seen[name] = true
		e, ok := g.ByName(name)
		if !ok {
			t.Errorf("%s is missing", name)
			continue
		}
		if e.Name != name || e.Type != news.GPE {
			t.Errorf("ByName(%q) = %q %s, want %q GPE", name, e.Name, e.Type, name)
		}
		if m, ok := g.Lookup(name); !ok || m.Entry != e {
			t.Errorf("Lookup(%q) does not find it", name)
		}
	}
}

// TestBuiltinData checks the data for consistency: valid types, unique
// names, forms that resolve to their own entry, and no form claimed by two
// entries unless both are flagged ambiguous.
func TestBuiltinData(t *testing.T) {
	es, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	owner := map[string]*Entry{}
	var counts struct{ gpe, org, person, institutions, forms int }
	claim := func(e *Entry, form string) {
		counts.forms++
		key := formKey(splitForm(form))
		if o, ok := owner[key]; ok && o.Name != e.Name && !(o.Ambiguous && e.Ambiguous) {
			t.Errorf("form %q is claimed by %q and %q", form, o.Name, e.Name)
		}
		owner[key] = e
	}
	for i := range es {
		e := &es[i]
		switch e.Type {
		case news.GPE:
			counts.gpe++
		case news.Org:
			counts.org++
		case news.Person:
			counts.person++
		default:
			t.Errorf("%s: type %q", e.Name, e.Type)
		}
		id := news.ActorID(e.Name)
		if o, ok := ids[id]; ok {
			t.Errorf("names %q and %q have the same ActorID %q", o, e.Name, id)
		}
		ids[id] = e.Name
		for _, f := range e.forms() {
			claim(e, f)
		}
		counts.institutions += len(e.Institutions)
		for _, in := range e.Institutions {
			if id := news.ActorID(in.Name); ids[id] != "" {
				t.Errorf("institution %q has the ActorID of %q", in.Name, ids[id])
			}
			ids[news.ActorID(in.Name)] = in.Name
		}
	}
	t.Logf("built-in: %d GPE, %d ORG, %d PERSON, %d institutions, %d forms", counts.gpe, counts.org, counts.person, counts.institutions, counts.forms)

	// Every form resolves to its own entry, folded and unfolded.
	for _, opts := range []Options{{FoldInstitutions: true}, {FoldInstitutions: false}} {
		g, err := New(es, opts)
		if err != nil {
			t.Fatal(err)
		}
		for i := range es {
			e := &es[i]
			check := func(form, want string) {
				m, ok := g.Lookup(form)
				if !ok {
					t.Errorf("fold=%v: Lookup(%q) found nothing, want %q", opts.FoldInstitutions, form, want)
				} else if m.Entry.Name != want {
					t.Errorf("fold=%v: Lookup(%q) = %q, want %q", opts.FoldInstitutions, form, m.Entry.Name, want)
				}
			}
			for _, f := range append(append(append([]string{e.Name}, e.Aliases...), e.Demonyms...), e.Capitals...) {
				check(f, e.Name)
			}
			for _, in := range e.Institutions {
				want := e.Name
				if !opts.FoldInstitutions {
					want = in.Name
				}
				for _, f := range append([]string{in.Name}, in.Aliases...) {
					check(f, want)
				}
			}
		}
	}
}

// forms returns every surface form of e, institutions included.
func (e *Entry) forms() []string {
	fs := append([]string{e.Name}, e.Aliases...)
	fs = append(fs, e.Demonyms...)
	fs = append(fs, e.Capitals...)
	for _, in := range e.Institutions {
		fs = append(fs, in.Name)
		fs = append(fs, in.Aliases...)
	}
	return fs
}

// TestBuiltinCase checks that no built-in form starts with a lower-case
// letter other than in an article or a particle ("al-Qaeda"), so that
// lower-case words in running text do not match.
func TestBuiltinCase(t *testing.T) {
	es, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"the": true, "al-Qaeda": true, "al-Qaida": true, "al": true, "al-Shabaab": true, "al-Shabab": true, "al-Qassam": true, "occupied": true}
	for i := range es {
		for _, f := range es[i].forms() {
			first := splitForm(f)[0]
			if r := []rune(first)[0]; r >= 'a' && r <= 'z' && !allowed[first] {
				t.Errorf("%s: form %q starts with a lower-case word", es[i].Name, f)
			}
			if strings.TrimSpace(f) != f {
				t.Errorf("%s: form %q has surrounding space", es[i].Name, f)
			}
		}
	}
}

// TestBuiltinCities checks that every built-in city is found as a city of
// the entry that lists it: no other entry's name, alias or capital claims
// the same form.
func TestBuiltinCities(t *testing.T) {
	es, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	g := mustDefault(t)
	n := 0
	for _, e := range es {
		for _, city := range e.Cities {
			n++
			words := strings.Fields(city)
			m, ok := g.MatchWords(words, 0)
			if !ok {
				t.Errorf("MatchWords(%q) found nothing, want a city of %s", city, e.Name)
				continue
			}
			if m.Kind != KindCity || m.Entry.Name != e.Name || m.Tokens != len(words) {
				t.Errorf("MatchWords(%q) = %q %v (%d tokens), want a city of %s", city, m.Entry.Name, m.Kind, m.Tokens, e.Name)
			}
		}
	}
	if n < 300 {
		t.Errorf("%d built-in cities, want at least 300", n)
	}
}
