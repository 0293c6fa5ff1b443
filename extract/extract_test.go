package extract

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/testshared"
	"github.com/newsgraph/newsgraph/news"
)

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// summary writes a triple as "Subject predicate Object" with " [neg]" and
// " [hyp]" marks, for comparing whole sets.
func summary(t news.Triple) string {
	s := t.Subject + " " + t.Predicate + " " + t.Object
	if t.Negated {
		s += " [neg]"
	}
	if t.Hypothetical {
		s += " [hyp]"
	}
	return s
}

func TestTriples(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // every triple, as summary gives it
	}{
		{"active", "Russia launched air strikes on Ukraine on Tuesday.",
			[]string{"Russia launch Ukraine"}},
		{"titles stripped, surname resolved",
			"French President Emmanuel Macron met German Chancellor Friedrich Merz in Paris. Macron praised Germany.",
			[]string{"Emmanuel Macron meet Friedrich Merz", "Emmanuel Macron praise Germany"}},
		{"capital and institution as country", "The Kremlin accused Kyiv of sabotage.",
			[]string{"Russia accuse Ukraine"}},
		{"passive with agent", "Ukraine was attacked by Russian forces overnight.",
			[]string{"Russia attack Ukraine"}},
		{"passive without agent", "Ukraine was attacked overnight.", nil},
		{"coordinated objects", "The minister urged both Ukraine and Russia to halt the fighting, said Norway.",
			nil},
		{"coordinated objects named", "Norway urged Ukraine and Russia to halt the fighting.",
			[]string{"Norway urge Ukraine", "Norway urge Russia"}},
		{"symmetric coordinated subjects", "Canada and Japan signed a maritime pact.",
			[]string{"Canada sign Japan"}},
		{"negated", "Germany did not support France.", []string{"Germany support France [neg]"}},
		{"hypothetical", "The European Union could sanction Iran.", []string{"European Union sanction Iran [hyp]"}},
		{"demand on a coordinated clause subject", "Britain said on Friday that the Sudanese government and the rebels in Darfur must reach an agreement.",
			[]string{"United Kingdom demand Sudan"}},
		{"demand on partners after a possessive", "Greece demanded that its European Union partners refuse the plan.",
			[]string{"Greece demand European Union"}},
		{"ruling that a party must act", "The African Union concluded that Sudan must allow aid convoys.",
			[]string{"African Union demand Sudan"}},
		{"ruling without must is no demand", "The African Union concluded that Sudan allowed aid convoys.", nil},
		{"engaged in, read actively", "Serb forces were engaged in ethnic cleansing against the Albanian population.",
			[]string{"Serbia engage Albania"}},
		{"place targeted by the deed threatened", "Algeria threatened to institute a curfew in Rabat.",
			[]string{"Algeria threaten Morocco"}},
		{"place of a threatened signing is no target", "Algeria threatened to sign the accord in Rabat.", nil},
		{"blockades in a region", "Israel reimposed blockades in the West Bank.", []string{"Israel reimpose Palestine"}},
		{"city shelled is its country", "Russian forces shelled Kharkiv overnight.", []string{"Russia shell Ukraine"}},
		{"city as a place of talks", "Russia and Ukraine held talks in Istanbul.", []string{"Russia talk Ukraine"}},
		{"city visited is no target", "Merz visited Kharkiv on Monday.", nil},
		{"city in a longer name", "The Basra Oil Company said Iraq pays late.", nil},
		{"place before a comma is no co-subject", "After the meeting in Istanbul, Russia and Ukraine continued their attacks against each other.",
			[]string{"Russia attack Ukraine", "Ukraine attack Russia"}},
		{"deed done to an actor's computers", "North Korea tried to hack into the computers of South Korean army officers.",
			[]string{"North Korea hack South Korea"}},
		{"support for", "Britain's support for Ukraine has been unwavering.", []string{"United Kingdom support Ukraine"}},
		{"demonym before an event noun", "A Russian rocket attack on Kremenchuk killed five.", []string{"Russia attack Ukraine"}},
		{"name before an event noun", "US sanctions on Iran took effect.", []string{"United States sanction Iran"}},
		{"venue before a meeting noun", "Envoy Steve Witkoff returned from Kremlin talks with Iran.", []string{"Steve Witkoff talk Iran"}},
		{"mention ending with an event noun", "The Russian invasion of Ukraine began in 2022.", []string{"Russia invade Ukraine"}},
		{"surname of a person introduced by title", "President Trump spoke on Monday. Zelensky said he may talk to Trump soon.",
			[]string{"Zelensky talk Trump [hyp]"}},
		{"a definite event noun refers back", "Emmanuel Macron and Friedrich Merz are leaders. A Macron-Merz call took place on Monday. The Macron-Merz call lasted an hour.",
			[]string{"Emmanuel Macron call Friedrich Merz"}},
		{"fired a person is a dismissal", "Vladimir Putin has fired Colonel General Alexander Lapin.", []string{"Vladimir Putin sack Alexander Lapin"}},
		{"if opens a clause with its own subject", "Vladimir Putin asked Bill Clinton if Russia could join NATO.",
			[]string{"Vladimir Putin ask Bill Clinton", "Russia join NATO [hyp]"}},
		{"he after a person in a phrase", "In an interview with former Fox News host Tucker Carlson, Vladimir Putin said he asked Bill Clinton about NATO.",
			[]string{"Vladimir Putin ask Bill Clinton"}},
		{"the rights of a people", "Saudi Arabia supports the rights of Palestinians.", []string{"Saudi Arabia support Palestine"}},
		{"group of a region is the group's people", "The Albanians of southern Serbia are demanding autonomy from Serbian authorities.",
			[]string{"Albania demand Serbia"}},
		{"complaint about, not to", "Lebanon complained to the United Nations on Tuesday over two Israeli air raids.",
			[]string{"Lebanon complain Israel"}},
		{"complaint to", "Russia complained to the United Nations.", []string{"Russia complain United Nations"}},
		{"braces glued to words", "{France sent troops to Liberia, officials said.}", []string{"France send Liberia"}},
		{"a state of siege", "The government of President Prosper Avril declared a state of siege in Haiti.",
			[]string{"Prosper Avril declare Haiti"}},
		{"a name the tagger took for a verb", "Israeli Prime Minister Ehud Barak has agreed to US mediation in the talks.",
			[]string{"Ehud Barak agree United States"}},
		{"she is not a man named before", "Vladimir Putin met Angela Merkel. She praised Joe Biden.",
			[]string{"Vladimir Putin meet Angela Merkel", "Angela Merkel praise Joe Biden"}},
		{"he is not a woman named before", "Mrs Wilson met Joe Biden. He praised Norway.",
			[]string{"Wilson meet Joe Biden", "Joe Biden praise Norway"}},
		{"a verb after to the tagger took for an adjective", "A group of Serbian leaders announced that they are willing to forgive Croatian President Franjo Tudjman.",
			[]string{"Serbia forgive Franjo Tudjman"}},
		{"in protest of an actor's refusal", "Chechen refugees are continuing a hunger strike in protest of the Russian government's refusal to talk.",
			[]string{"Chechen refugees protest Russia"}},
		{"riots against an actor's policies", "Palestinian riots against Israeli military policies continued.",
			[]string{"Palestine riot Israel"}},
		{"a noun phrase after a preposition is no subject", "Thousands of Nigerians from throughout the country rallied to protest abuses by Islamic fundamentalists.",
			[]string{"Nigeria rally Islamic fundamentalists"}},
		{"a participle between nouns is an adjective", "British aircraft using precision guided missiles killed four Iraqis.",
			[]string{"United Kingdom kill Iraq"}},
		{"an -ed form after an adverb", "Border police sexually abused illegal Mexican immigrants, the report said.",
			nil},
		{"an -ed form after an adverb, named", "US border patrol agents sexually abused illegal Mexican immigrants.",
			[]string{"United States abuse Mexico"}},
		{"thousands of an actor's people", "The Sri Lankan army has been holding thousands of Tamil civilian refugees in camps.",
			[]string{"Sri Lanka hold Tamil refugees"}},
		{"a gerund after a light verb is the deed", "The Macedonian army resumed shelling Albanian positions.",
			[]string{"North Macedonia resume Albania"}},
		{"a compound participle", "Taliban ruled Afghanistan has been sharing expertise with Pakistan.",
			[]string{"Afghanistan share Pakistan"}},
		{"a participle between names, as a verb", "Russia backed Ukraine in 1991.", []string{"Russia back Ukraine"}},
		{"a clause right after the verb", "Britain said its citizens lost assets when Uganda expelled them.", nil},
		{"a gerund after keep carries the relation", "Norway said it will keep working with Japan.",
			[]string{"Norway work Japan"}},
		{"a raising word in quotation marks", "Norway said it was “determined” to keep working with Japan.",
			[]string{"Norway work Japan"}},
		{"a quoted noun is no verb", "Officials said Russian forces had “buffer zones” near Ukraine.", nil},
		{"they as the two persons just named", "Emmanuel Macron welcomed Friedrich Merz in Paris. They criticised Russia.",
			[]string{"Emmanuel Macron welcome Friedrich Merz", "Emmanuel Macron criticise Russia", "Friedrich Merz criticise Russia"}},
		{"they with three persons before is unresolved", "Emmanuel Macron met Friedrich Merz and Keir Starmer. They criticised Russia.",
			[]string{"Emmanuel Macron meet Friedrich Merz", "Emmanuel Macron meet Keir Starmer"}},
		{"until opens a clause", "Vladimir Putin met Joe Biden. He will keep fighting until they are met.",
			[]string{"Vladimir Putin meet Joe Biden"}},
		{"a light verb with no event noun says nothing", "Russia had no intention of ending its war on Ukraine.", nil},
		{"progress made together", "Ukraine and the United States had made progress.", []string{"Ukraine make United States"}},
		{"a verb after to before a possessive", "Vladimir Putin continues to wage his war on Ukraine.", []string{"Vladimir Putin wage Ukraine"}},
		{"an increase of attacks", "Russia has increased its bombardments against Ukraine.", []string{"Russia increase Ukraine"}},
		{"compared to is a preposition", "Donald Trump spoke softly when discussing Vladimir Putin compared to Joe Biden.", nil},
		{"the pair is not the speaker", "Donald Trump greeted Vladimir Putin. Nicola Hickling said that as the pair shook hands Trump smiled.",
			[]string{"Donald Trump greet Vladimir Putin", "Vladimir Putin shake Donald Trump"}},
		{"a go-between is no party", "Israel and Hamas agreed to a ceasefire brokered by Qatar and Egypt.", []string{"Israel agree Hamas"}},
		{"fire exchanged", "India and Pakistan exchanged fire along the border.",
			[]string{"India exchange fire Pakistan", "Pakistan exchange fire India"}},
		{"one deed told twice", "Russia launched air strikes on Ukraine, targeting Ukrainian power plants.",
			[]string{"Russia launch Ukraine"}},
		{"said is no relation", "Putin said Russia was ready.", nil},
		{"control verb", "Dmitry Medvedev threatened to sink the UK.",
			[]string{"Dmitry Medvedev threaten United Kingdom"}},
		{"phrasal verb kept", "The United States called on China to release the activists.",
			[]string{"United States call on China"}},
		{"prepositional verb", "Turkish President Recep Erdogan met with NATO officials.",
			[]string{"Recep Erdogan meet NATO"}},
		{"relative clause subject", "Steve Witkoff, who met Vladimir Putin, flew home.",
			[]string{"Steve Witkoff meet Vladimir Putin"}},
		{"pronoun", "Kenyan President Samuel Odhengo arrived in Oslo. He thanked Norway for its help.",
			[]string{"Samuel Odhengo visit Norway", "Samuel Odhengo thank Norway"}},
		{"no self relation", "Russia criticised Moscow.", nil},
		{"city attacked is its country", "Russia attacked Kremenchuk.", []string{"Russia attack Ukraine"}},
		{"unknown place is no actor", "Russia attacked the village of Bilohorivka.", nil},
		{"nominal: dash compound", "Officials prepared for the Norway–Kenya summit.",
			[]string{"Norway meet Kenya"}},
		{"nominal: between", "Talks between Canada and Mexico resumed on Monday.",
			[]string{"Canada talk Mexico"}},
		{"nominal: possessive visit", "Chile's visit to Peru was cancelled.",
			[]string{"Chile visit Peru"}},
		{"nominal: noun with object after a light verb",
			"President Ana Lindqvist held talks with Prime Minister Tomas Berg.",
			[]string{"Ana Lindqvist talk Tomas Berg"}},
		{"nominal: reaction from", "Iran's missile tests drew condemnation from France.",
			[]string{"France condemn Iran"}},
		{"that-clause target", "Brazil demanded that Argentina release the sailors.",
			[]string{"Brazil demand Argentina"}},
		{"said ... must is a demand", "Sweden said on Monday that Finland must return the ship.",
			[]string{"Sweden demand Finland"}},
		{"it refers to the country", "Syria said it would withdraw its troops from Lebanon.",
			[]string{"Syria withdraw Lebanon [hyp]"}},
		{"expletive it", "Spain met Portugal. It is likely that talks continue.",
			[]string{"Spain meet Portugal"}},
		{"raising verb passes the subject",
			"President Ana Lindqvist and Prime Minister Tomas Berg are scheduled to meet in Oslo.",
			[]string{"Ana Lindqvist meet Tomas Berg"}},
		{"coordinated verbs share the subject", "Greece must abandon its claim and recognize Turkey.",
			[]string{"Greece recognize Turkey [hyp]"}},
		{"modifier is not the object", "Finland abandoned its NATO bid.", nil},
		{"topic of discuss is no partner", "Egypt and Jordan discussed Syria.",
			[]string{"Egypt discuss Jordan"}},
		{"plural demonym", "The Palestinians rejected the plan of Israel.", nil},
		{"plural demonym acts", "The Palestinians rejected Israeli proposals.",
			[]string{"Palestine reject Israel"}},
		{"bullet line", "- Chancellor Olaf Brandt urged Poland to act.",
			[]string{"Olaf Brandt urge Poland"}},
		{"caption glued to its credit", "Chile praised Peru's General Ana RiosCredit: Reuters",
			[]string{"Chile praise Ana Rios"}},
		{"places are not people", "Chile accused Black Sea Fleet commanders.", nil},
		{"threat's condition names the threatened", "Peru threatened to end the talks if Chile sent troops.",
			[]string{"Peru threaten Chile"}},
		{"a deed made to depend on another is a threat", "Kenya will withdraw its force unless Somalia pays.",
			[]string{"Kenya withdraw Somalia"}},
		{"a capital as a place is no target of a meeting", "Chile met Peru in Madrid.",
			[]string{"Chile meet Peru"}},
		{"a capital as a place is the target of a deed there", "Chile imposed a curfew in Madrid.",
			[]string{"Chile impose Spain"}},
		{"purpose clause takes the main subject", "Nepali students began a hunger strike to protest against Peru.",
			[]string{"Nepal protest Peru"}},
		{"group placed in a country", "Opposition parties in Chile demanded that Bolivia reopen the border.",
			[]string{"Chile demand Bolivia"}},
		{"faction named by a proper adjective", "Aymara rebels attacked Peruvian police.",
			[]string{"Aymara rebels attack Peru"}},
		{"demonym describing a thing", "Peru threatened to shell Chilean towns.",
			[]string{"Peru threaten Chile"}},
		{"demonym describing a thing outside the object phrase", "Peru captured a hill on the Chilean border.", nil},
		{"led compound", "Brazilian-led troops attacked Paraguay.", []string{"Brazil attack Paraguay"}},
		{"mediation between two sides", "Norway began a mediation effort between Chile and Peru.",
			[]string{"Norway mediate Chile", "Norway mediate Peru"}},
		{"the two leaders", "Chilean President Ana Rios welcomed Peruvian President Luis Prado. The two leaders met in Lima.",
			[]string{"Ana Rios welcome Luis Prado", "Ana Rios meet Luis Prado"}},
		{"each other", "Chile and Peru continued their attacks against each other.",
			[]string{"Chile attack Peru", "Peru attack Chile"}},
		{"counterpart", "Chilean President Ana Rios arrived in Lima. She greeted her Peruvian counterpart.",
			[]string{"Ana Rios visit Peru", "Ana Rios greet Peru"}},
		{"allow concedes", "Chile decided to allow Peruvian ships to dock.", []string{"Chile allow Peru"}},
		{"demand noun with a that-clause", "Chile repeated its demand that Peru withdraw.",
			[]string{"Chile demand Peru"}},
		{"deeds on an actor's holdings", "Peruvian forces shelled positions of Chilean troops.",
			[]string{"Peru shell Chile"}},
		{"another attack is the subject", "Before Chile met Peru, another attack killed Bolivian soldiers.",
			[]string{"Chile meet Peru"}},
		{"object and coordinated verb", "Peru annexed Arica and sent troops to Bolivia.",
			[]string{"Peru annex Arica", "Peru send Bolivia"}},
	}
	x := newTestExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := x.Extract(context.Background(), news.Article{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tr := range ex.Triples {
				got = append(got, summary(tr))
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%q\n got  %q\n want %q", tt.text, got, want)
			}
		})
	}
}

func TestTripleFields(t *testing.T) {
	x := newTestExtractor(t)
	a := news.Article{ID: "d1", Date: "2024-05-06", Text: "Headline here\n\nThe White House condemned Iran on Monday."}
	ex, err := x.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Triples) != 1 {
		t.Fatalf("got %d triples, want 1: %+v", len(ex.Triples), ex.Triples)
	}
	tr := ex.Triples[0]
	if tr.Subject != "United States" || tr.SubjectType != news.GPE || tr.Object != "Iran" ||
		tr.Predicate != "condemn" || tr.Event != Disapprove || tr.Mode != "verbal" || tr.Score >= 0 ||
		tr.Date != "2024-05-06" || tr.Doc != "d1" || tr.Confidence <= 0 || tr.Confidence > 1 {
		t.Errorf("triple = %+v", tr)
	}
	if a.Text[tr.Start:tr.End] != tr.Sentence || tr.Sentence != "The White House condemned Iran on Monday." {
		t.Errorf("sentence %q at [%d:%d] does not locate its text", tr.Sentence, tr.Start, tr.End)
	}
	for _, m := range ex.Mentions {
		if a.Text[m.Start:m.End] != m.Text || m.Date != a.Date {
			t.Errorf("mention %+v does not locate its text", m)
		}
	}
}

// TestSharedCorpusInvariants runs the extractor over the development corpus
// and checks what must hold for any article: offsets locate their text, no
// actor relates to itself, types and confidences are in range.
func TestSharedCorpusInvariants(t *testing.T) {
	dir := testshared.Path(t, "corpus/articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no articles in %s", dir)
	}
	x := newTestExtractor(t)
	total := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := news.Article{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b)}
		ex, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		total += len(ex.Triples)
		for _, tr := range ex.Triples {
			if tr.SubjectID == tr.ObjectID {
				t.Errorf("%s: self relation %s", a.ID, summary(tr))
			}
			if a.Text[tr.Start:tr.End] != tr.Sentence {
				t.Errorf("%s: sentence offsets wrong for %q", a.ID, tr.Sentence)
			}
			for _, typ := range []string{tr.SubjectType, tr.ObjectType} {
				if typ != news.Person && typ != news.Org && typ != news.GPE {
					t.Errorf("%s: bad actor type %q in %s", a.ID, typ, summary(tr))
				}
			}
			if tr.Confidence <= 0 || tr.Confidence > 1 {
				t.Errorf("%s: confidence %v", a.ID, tr.Confidence)
			}
		}
	}
	t.Logf("%d articles, %d triples", len(files), total)
	if total < len(files) {
		t.Errorf("only %d triples from %d articles", total, len(files))
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Russia attacked Ukraine.", "He said.", "the Russian president", "“Putin’s” U.S. \n\n\x00",
		"Mr. Smith met Dr. Jones of the UN.", "The the the", "", "A and B and C met.",
	} {
		f.Add(s)
	}
	x := newTestExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		a := news.Article{ID: "f", Text: text}
		ex, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range ex.Triples {
			if tr.Start < 0 || tr.End > len(text) || text[tr.Start:tr.End] != tr.Sentence || tr.SubjectID == tr.ObjectID {
				t.Fatalf("bad triple %+v", tr)
			}
		}
	})
}

// TestMentionNames checks who the recogniser finds in a text, by name.
func TestMentionNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // distinct actors mentioned, "name (TYPE)", sorted
	}{
		{"two known surnames are two people",
			"Donald Trump met Vladimir Putin. Aides prepared for Trump Putin talks.",
			[]string{"Donald Trump (PERSON)", "Vladimir Putin (PERSON)"}},
		{"shouted words are no names", "Anna Berg wrote to the EDITOR DESK.", []string{"Anna Berg (PERSON)"}},
		{"weapons are no actors", "Russia fired Kalibr missiles. Kalibr hit Odesa.", []string{"Russia (GPE)"}},
		{"an aid group is an organisation", "Harbourlight Relief delivered food to Kenya.",
			[]string{"Harbourlight Relief (ORG)", "Kenya (GPE)"}},
	}
	x := newTestExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := x.Extract(context.Background(), news.Article{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range ex.Mentions {
				got = append(got, m.Name+" ("+m.Type+")")
			}
			slices.Sort(got)
			got = slices.Compact(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q\n got  %q\n want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestQuotes checks who is said to have said what.
func TestQuotes(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "Speaker verb: text"
	}{
		{"said that", "Kenya said on Monday that the crew was safe.", []string{"Kenya say: the crew was safe"}},
		{"quotation", "“We will not pay a ransom,” Norwegian Foreign Minister Ingrid Haugvik-Lunde said.",
			[]string{"Ingrid Haugvik-Lunde say: We will not pay a ransom"}},
		{"inverted", "The talks were useful, said Ana Lindqvist.", []string{"Ana Lindqvist say: The talks were useful"}},
		{"relation, not only a quote", "Brazil told Chile that it would help.", []string{"Brazil tell: it would help"}},
		{"no speaker", "It was said that the talks failed.", nil},
	}
	x := newTestExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := x.Extract(context.Background(), news.Article{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range ex.Quotes {
				got = append(got, q.Speaker+" "+q.Verb+": "+q.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q\n got  %q\n want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestSentences checks sentence splitting on news layout.
func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"abbreviations", "WASHINGTON, Aug. 7 (UPI) -- The U.S. and the U.K. met Mr. Putin on Feb. 3. Dr. Ana Rios left.",
			[]string{"WASHINGTON, Aug. 7 (UPI) -- The U.S. and the U.K. met Mr. Putin on Feb. 3.", "Dr. Ana Rios left."}},
		{"headline without final stop", "Kenya and Norway agree on talks\n\nThe talks open today.",
			[]string{"Kenya and Norway agree on talks", "The talks open today."}},
		{"quotation over two sentences", "He said: “We are ready. We will talk.” Then he left.",
			[]string{"He said: “We are ready. We will talk.”", "Then he left."}},
		{"caption glued to credit", "Lapin was a favourite of PutinCredit: East2West\nHe left.",
			[]string{"Lapin was a favourite of Putin", "He left."}},
		{"bullets", "- Kenya met Norway\n• Chile met Peru",
			[]string{"Kenya met Norway", "Chile met Peru"}},
	}
	x := newTestExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range x.sentences(tt.text) {
				got = append(got, strings.TrimSpace(s.text))
				if tt.text[s.start:s.start+len(s.text)] != s.text {
					t.Errorf("sentence %q is not at its offset %d", s.text, s.start)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q\n got  %q\n want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestPronounGender(t *testing.T) {
	tests := []struct {
		word string
		want byte
	}{
		{"she", 'f'}, {"She", 'f'}, {"herself", 'f'}, {"he", 'm'}, {"himself", 'm'}, {"they", 0},
	}
	for _, tt := range tests {
		if got := pronounGender(tt.word); got != tt.want {
			t.Errorf("pronounGender(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	for w, want := range map[string]byte{"Mrs.": 'f', "Queen": 'f', "Sir": 'm', "Mr": 'm', "President": 0} {
		if got := honorificGender(w); got != want {
			t.Errorf("honorificGender(%q) = %q, want %q", w, got, want)
		}
	}
	for w, want := range map[string]byte{"Angela": 'f', "Vladimir": 'm', "Jean": 0, "Kim": 0} {
		if got := firstNameGender(w); got != want {
			t.Errorf("firstNameGender(%q) = %q, want %q", w, got, want)
		}
	}
	for n := range femaleNames {
		if maleNames[n] {
			t.Errorf("%q is listed as both a female and a male first name", n)
		}
	}
}

// TestLoadModelsConcurrent starts the models' load from several goroutines
// at once, as a command does when it loads them in the background and its
// workers make their Extractors meanwhile: every call must see the loaded
// models (run with -race), and Extractors made then must extract.
func TestLoadModelsConcurrent(t *testing.T) {
	const callers = 4
	errs := make(chan error, 2*callers)
	xs := make(chan *Extractor, callers)
	for range callers {
		go func() { errs <- LoadModels() }()
		go func() {
			x, err := New(Options{})
			errs <- err
			xs <- x
		}()
	}
	for range 2 * callers {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	a := news.Article{ID: "a", Text: "Vladimir Putin met Donald Trump in Helsinki on Monday."}
	for range callers {
		ex, err := (<-xs).Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		if len(ex.Triples) == 0 {
			t.Errorf("no triples from %q", a.Text)
		}
	}
}
