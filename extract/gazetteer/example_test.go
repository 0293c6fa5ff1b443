package gazetteer_test

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

func ExampleGazetteer_Lookup() {
	g, err := gazetteer.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range []string{"the Kremlin", "U.S.", "Russian", "Kiev", "us", "Chad"} {
		m, ok := g.Lookup(s)
		if !ok {
			fmt.Printf("%-12q no match\n", s)
			continue
		}
		fmt.Printf("%-12q %s (%s) via %s, ambiguous=%v\n", s, m.Entry.Name, m.Entry.Type, m.Kind, m.Ambiguous)
	}
	// Output:
	// "the Kremlin" Russia (GPE) via institution, ambiguous=false
	// "U.S."       United States (GPE) via alias, ambiguous=false
	// "Russian"    Russia (GPE) via demonym, ambiguous=false
	// "Kiev"       Ukraine (GPE) via capital, ambiguous=false
	// "us"         no match
	// "Chad"       Chad (GPE) via name, ambiguous=true
}

func ExampleGazetteer_MatchWords() {
	g, err := gazetteer.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := strings.Fields("Moscow threatens Kyiv as the United States and NATO respond")
	for i := 0; i < len(words); i++ {
		if m, ok := g.MatchWords(words, i); ok {
			fmt.Printf("%s → %s\n", strings.Join(words[i:i+m.Tokens], " "), m.Entry.Name)
			i += m.Tokens - 1
		}
	}
	// Output:
	// Moscow → Russia
	// Kyiv → Ukraine
	// the United States → United States
	// NATO → NATO
}

func ExampleNew_unfolded() {
	entries, err := gazetteer.Builtin()
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := gazetteer.New(entries, gazetteer.Options{FoldInstitutions: false})
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := g.Lookup("the Kremlin")
	fmt.Println(m.Entry.Name, m.Entry.Type)
	// Output: Kremlin ORG
}
