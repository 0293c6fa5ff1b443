package extract

import "strings"

// Word lists the recogniser and relation finder use. They describe English
// news style in general (titles, role nouns, clause markers), never
// particular articles or people.

// titleWords are capitalised words that form titles before a person's name
// ("Prime Minister Keir Starmer", "Sir Keir", "Gen. Valery Gerasimov"). They
// are stripped from the name and kept as the person's title.
var titleWords = setOf(
	"President", "Vice", "Prime", "Minister", "Foreign", "Defence", "Defense", "Interior", "Finance",
	"Economy", "Trade", "Justice", "Health", "Energy", "Home", "Culture", "Education", "Agriculture",
	"Secretary", "Secretary-General", "General", "Chancellor", "Mayor", "Governor", "Sir", "Dame", "Mr", "Mr.",
	"Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Pope",
	"Ambassador", "Envoy", "Special", "Senator", "Sen.", "Rep.", "Representative", "Speaker", "Chairman",
	"Chairwoman", "Chair", "Chief", "Commander", "Commander-in-Chief", "Gen.", "Lt.", "Col.", "Adm.", "Admiral",
	"Marshal", "Premier", "Spokesman", "Spokeswoman", "Spokesperson", "Deputy", "Head", "Leader",
	"Director", "Commissioner", "Judge", "Attorney", "CEO", "Sheikh", "Emir", "Crown", "Supreme",
	"Patriarch", "Archbishop", "Cardinal", "Ayatollah", "Field", "Major", "Lieutenant", "Colonel",
	"Captain", "Sergeant", "Ambassador-at-large", "First", "Lady", "Former", "former", "Acting", "Interim",
	"Opposition", "Senior", "Top", "Presidential", "Kremlin", "Foreign-Minister", "Negotiator", "Adviser",
	"Advisor", "Aide", "Envoy", "Representative", "Senate", "House", "Majority", "Minority", "Whip",
	"Member", "MP", "Congressman", "Congresswoman", "Lawmaker", "Sultan", "Grand", "Duke",
	"Mufti", "Rabbi", "Reverend", "Rev.", "Father", "Bishop", "Secretary-general", "Vice-President",
	"Vice-Chancellor", "Chief-of-Staff", "Staff", "Of",
)

// titleHeads are the words of a title that name the role itself; the rest
// ("Foreign", "Prime", "Deputy") only modify it. "the Russian president" is
// matched against persons introduced with the head "President".
var titleHeads = setOf(
	"president", "minister", "chancellor", "mayor", "governor", "secretary", "secretary-general",
	"king", "queen", "prince", "princess", "pope", "ambassador", "envoy", "senator", "speaker",
	"chairman", "chairwoman", "chair", "chief", "commander", "general", "admiral", "marshal",
	"premier", "spokesman", "spokeswoman", "spokesperson", "leader", "director", "commissioner",
	"judge", "negotiator", "adviser", "advisor", "aide", "emir", "sheikh", "sultan", "ayatollah",
	"head", "counterpart", "official", "diplomat", "lawmaker", "mp", "congressman", "congresswoman",
)

// roleNouns are lower-case role words that may stand right before a name
// ("envoy Steve Witkoff", "negotiator Rustem Umerov").
var roleNouns = setOf(
	"president", "minister", "envoy", "negotiator", "spokesman", "spokeswoman", "spokesperson",
	"adviser", "advisor", "aide", "ambassador", "chancellor", "leader", "chief", "commander",
	"counterpart", "secretary", "official", "diplomat", "lawmaker", "senator", "governor", "mayor",
	"premier", "director", "head", "general", "judge", "prosecutor", "opposition", "activist",
	"journalist", "billionaire", "businessman", "businesswoman", "candidate", "rival", "ally",
)

// orgWords mark a run of capitalised words as an organisation.
var orgWords = setOf(
	"Ministry", "Council", "Party", "Agency", "Committee", "Commission", "Bank", "Company", "Corp",
	"Corp.", "Corporation", "Inc", "Inc.", "Ltd", "Ltd.", "Group", "Forces", "Force", "Army", "Navy",
	"Police", "Court", "Parliament", "Assembly", "University", "Institute", "Association", "Union",
	"Front", "Movement", "Organization", "Organisation", "Service", "Services", "Department", "Office",
	"Guard", "Brigade", "Battalion", "Regiment", "Command", "Cabinet", "Senate", "Congress", "Duma",
	"Federation", "Fund", "Foundation", "Alliance", "Coalition", "Authority", "Board", "Bureau",
	"Administration", "Government", "Academy", "Network", "Tribunal", "Directorate", "Secretariat",
	"Centre", "Center", "Society", "League", "Club", "Church", "Media", "Television", "Agency's",
	"Airlines", "Energy", "Holdings", "Industries", "Systems", "Technologies", "Times", "Post",
	"Press", "News", "Radio", "Community", "Militia", "Brotherhood", "Taskforce", "Task", "Mission", "Secretariat",
	"Relief", "Aid", "Watch", "Trust", "Charity", "Partners", "Initiative", "Institution", "Forum", "Council's",
)

// notNames are capitalised words that never start or make up an actor's
// name on their own: calendar words, time zones, section and caption words.
var notNames = setOf(
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
	"Sept", "Oct", "Nov", "Dec", "GMT", "UTC", "BST", "EST", "CET", "Credit", "Photo", "Image",
	"Images", "Getty", "Video", "Read", "More", "Search", "Legal", "Disclaimer", "Source", "Link",
	"Breaking", "Live", "Update", "Updated", "Opinion", "Analysis", "Editorial", "Comment",
	"Advertisement", "Share", "Subscribe", "Newsletter", "Copyright", "Reporting", "Editing",
	"Writing", "Meanwhile", "However", "But", "And", "The", "A", "An", "This", "That", "These",
	"Those", "It", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "In",
	"On", "At", "For", "With", "After", "Before", "As", "If", "When", "While", "Since", "During",
	"Earlier", "Later", "Today", "Yesterday", "Tomorrow", "Following", "According", "Despite",
	"Also", "Still", "Yet", "So", "Now", "Then", "Here", "There", "What", "Who", "Why", "How",
	"Mr", "Mrs", "Ms", "Sir", "Western", "Eastern", "Northern", "Southern", "Central",
	"Christmas", "Easter", "Ramadan", "Covid", "COVID-19", "Internet", "God",
)

// placeWords mark a run of capitalised words as a place or facility, never
// a person: "Black Sea", "Joint Base Elmendorf-Richardson", "St Petersburg",
// "Leningrad Military District".
var placeWords = setOf(
	"Sea", "Ocean", "River", "Lake", "Gulf", "Bay", "Strait", "Channel", "Canal", "Island",
	"Islands", "Peninsula", "Mountains", "Mountain", "Valley", "Desert", "Coast", "Street", "St",
	"St.", "Square", "Avenue", "Road", "Bridge", "Airport", "Station", "Port", "Base", "Palace",
	"District", "Region", "Oblast", "Province", "County", "City", "Village", "Plant", "Dam",
	"Prison", "Hospital", "Stadium", "Deployment", "Project", "LLC", "Plc", "GmbH", "Deal",
	"Facility", "Facilities", "Reactor",
)

// proposalNouns name what one actor puts to another: after an event verb,
// the name before them is the target ("rejected a United Nations appeal").
var proposalNouns = setOf("mediation", "proposal", "proposals", "offer", "ultimatum", "initiative",
	"plan", "demand", "demands", "request", "appeal", "invitation", "resolution", "call", "peace")

// placeNouns after a country name make it the place itself: "Montenegro
// province", "the Gaza enclave".
var placeNouns = setOf("province", "region", "city", "town", "village", "capital", "territory",
	"enclave", "district", "state", "republic", "area", "border", "coast", "side", "soil")

// productNames are weapons and products that news names like people but
// that never act: "Kalibr missiles", "a Shahed drone", "Patriot batteries".
var productNames = setOf(
	"Kalibr", "Iskander", "Kinzhal", "Oreshnik", "Zircon", "Shahed", "Geran", "Lancet", "Onyx",
	"Patriot", "HIMARS", "ATACMS", "Tomahawk", "Taurus", "Storm", "Shadow", "SCALP", "Javelin",
	"Stinger", "Bayraktar", "Leopard", "Abrams", "Challenger", "Bradley", "Gripen", "Rafale",
	"Typhoon", "Starlink", "IRIS-T", "NASAMS", "Sarmat", "Burevestnik", "Poseidon", "Tornado",
)

// agentHeads are nouns after a demonym that make the phrase an actor for the
// country: "Russian forces", "the Ukrainian military", "Chinese officials".
var agentHeads = setOf(
	"forces", "force", "troops", "army", "military", "navy", "government", "officials", "official",
	"authorities", "leaders", "leader", "leadership", "diplomats", "diplomat", "ministry", "soldiers",
	"police", "negotiators", "negotiator", "delegation", "side", "regime", "administration",
	"parliament", "lawmakers", "state", "units", "jets", "warplanes", "artillery", "air", "defence",
	"defense", "intelligence", "security", "border", "coast", "special", "embassy", "foreign",
	"envoys", "envoy", "president", "prime", "counterparts", "counterpart", "commanders", "generals",
	"drones", "missiles", "strikes", "attacks", "shelling", "bombers", "warships", "submarines",
	"hackers", "agents", "spies", "prosecutors", "courts", "court", "media", "people", "public",
	"citizens", "nationals", "partners", "allies", "side's", "team", "company", "firms", "companies",
	"state-run", "state-owned", "cabinet", "premier", "chancellor", "king", "foreign-ministry",
	"opposition", "sources", "spokesman", "spokeswoman", "spokesperson",
	"rebels", "rebel", "militants", "guerrillas", "insurgents", "fighters", "separatists",
	"protesters", "demonstrators", "students", "workers", "doctors", "judge", "judges", "sides",
	"ships", "vessels", "planes", "helicopters", "aircraft", "peacekeepers", "observers",
	"inspectors", "mediators", "ministers", "minister", "delegates", "representatives",
	"politicians", "elders", "activists", "parties", "party", "group", "groups", "unions",
	"newspaper", "agency", "contingent", "commandos", "paratroopers", "gunmen", "settlers",
	"businessman", "businessmen", "businesses", "nationalists", "dissidents", "exiles", "militia",
	"militias", "navy's", "army's", "ambassador", "consulate", "negotiating", "mediator", "monarch",
	"candidates", "members", "supporters", "administrators", "employees", "voters", "deputies", "senators", "legislators",
	"officers", "personnel", "staff", "crew", "crews", "advisers", "advisors", "experts", "extremists",
	"civilians", "refugees", "prisoners", "residents", "villagers", "servicemen", "hostages", "militiamen", "tribesmen", "gunman",
	"immigrants", "migrants", "pilgrims", "population", "farmers", "miners", "journalists", "reporters", "youths",
	"police", "policemen", "guards", "sailors", "pilots", "marines", "terrorists", "radicals",
	"gunships", "warplanes", "bombers", "tanks", "bulldozers", "network", "movement", "organization",
	"organisation", "outfit", "faction", "factions", "wing", "cell", "cells",
)

// groupNouns head a phrase whose actor follows "of" or "from": "leaders of
// the coalition", "doctors from two American aid groups", "thousands of
// Nigerians".
var groupNouns = setOf(
	"leaders", "leader", "members", "member", "supporters", "thousands", "hundreds", "dozens",
	"millions", "group", "groups", "delegation", "delegations", "doctors", "officials", "troops",
	"representatives", "spokesman", "spokeswoman", "head", "heads", "chief", "president", "envoy",
	"envoys", "army", "forces", "soldiers", "government", "activists", "students", "workers",
	"minister", "ministers", "ambassador", "team", "units", "members", "militants", "fighters",
)

// actionNouns are nouns after a demonym that name something the country
// does or proposes: "an Indian proposal", "French mediation", "an
// Australian ultimatum". They make the demonym an actor too.
var actionNouns = setOf(
	"proposal", "proposals", "plan", "offer", "ultimatum", "mediation", "initiative", "request",
	"invitation", "bid", "aggression", "occupation", "incursion", "offensive", "raid", "raids",
	"bombing", "bombings", "airstrikes", "air strikes", "changes", "demands", "demand", "pressure",
	"intervention", "blockade", "invasion", "shelling", "involvement", "veto",
)

// purposeVerbs in an infinitive or participle after a main clause state
// what the main clause's subject did it for: "began a hunger strike to
// protest X", "blocked roads demanding that X resign".
var purposeVerbs = setOf("protest", "demand", "press", "urge", "denounce", "condemn", "oppose",
	"pressure", "call", "support", "back")

// targetMarkers open a phrase that names whom a deed is aimed at, however
// far from the verb: "in protest against", "in defiance of".
var targetMarkers = setOf("against", "protest", "defiance")

// factionHeads are nouns for a group that acts under a name that is no
// country: "Shona rebels", "Hutu rebel group", "Islamic fundamentalists".
var factionHeads = setOf(
	"rebels", "militants", "guerrillas", "insurgents", "fighters", "separatists", "elders",
	"leaders", "tribesmen", "militias", "militia", "militiamen", "fundamentalists", "extremists",
	"nationalists", "radicals", "activists", "protesters", "demonstrators", "refugees", "settlers",
	"gunmen", "politicians", "clerics", "group", "movement", "faction", "factions", "insurgency",
	"organization", "organisation",
)

// factionAdjectives are capitalised adjectives of religion, ideology or
// people that name a faction, not a country: at the start of a sentence
// they tell "Islamic fundamentalists" from "Angry activists".
var factionAdjectives = setOf(
	"Islamic", "Islamist", "Muslim", "Moslem", "Christian", "Jewish", "Hindu", "Sikh", "Buddhist",
	"Catholic", "Protestant", "Orthodox", "Shiite", "Shia", "Shi'ite", "Sunni", "Alawite", "Druze",
	"Maoist", "Marxist", "Communist", "Kurdish", "Tamil", "Arab", "Pashtun", "Baloch", "Uighur",
	"Uyghur", "Tuareg", "Berber", "Roma", "Basque", "Catalan", "Corsican", "Chechen", "Kashmiri",
)

// possessionNouns name what an actor holds; a deed done to them is done
// to the actor: "shelled positions of the rebels".
var possessionNouns = setOf("positions", "position", "camps", "camp", "bases", "base", "homes",
	"offices", "headquarters", "territory", "strongholds", "stronghold", "property", "assets",
	"convoy", "convoys", "vessels", "ships", "facilities", "installations", "lines",
	"computers", "networks", "systems", "servers", "websites", "infrastructure", "embassy", "consulate",
	"villages", "towns", "cities", "airports", "ports", "bridges", "depots", "warehouses", "plants")

// policyNouns name an actor's course of action; a protest or attack
// against them is against the actor: "riots against Israeli military
// policies".
var policyNouns = setOf("policy", "policies", "rule", "occupation", "decision", "decisions", "plan", "plans",
	"actions", "measures", "crackdown", "presence", "treatment", "refusal", "failure")

// entitlementNouns name what an actor is owed or holds as its own; a deed
// done to them is done to the actor: "the rights of Palestinians", "the
// sovereignty of Ukraine".
var entitlementNouns = setOf("right", "rights", "interests", "sovereignty", "independence",
	"security", "safety", "integrity", "dignity", "cause", "claims", "demands", "position")

// plainActionNouns name an action without an ending that says so (see
// isActionNoun): "the return of U.N. inspectors".
var plainActionNouns = setOf("return", "release", "entry", "access", "presence", "arrival", "exit",
	"departure", "transfer", "handover", "expulsion", "ouster", "removal", "resignation")

// measureNouns count or time what follows "of": "10 days of war games",
// "tons of aid".
var measureNouns = setOf("days", "weeks", "months", "years", "hours", "tons", "tonnes", "rounds",
	"series", "number", "dozens", "hundreds", "thousands", "millions", "kind", "sort", "type", "wave", "spate", "state")

// modifierHeads are agent heads only before another noun: "border
// guards", "air force", "coast guard"; "the Thai border" is a place.
var modifierHeads = setOf("border", "air", "coast", "special", "foreign", "defence", "defense", "prime")

// possessiveDeterminers open a noun phrase owned by an actor named before.
var possessiveDeterminers = setOf("his", "her", "its", "their")

// pronouns resolved to the most recent compatible actor.
var personPronouns = setOf("he", "she", "He", "She", "himself", "herself")

// agentAdjectives after "it is" describe a will, so "it" is an actor: "it is
// willing to withdraw", "it was ready to talk".
var agentAdjectives = setOf(
	"willing", "unwilling", "ready", "prepared", "able", "unable", "determined", "eager",
	"committed", "keen", "reluctant", "open", "opposed", "against", "set", "going", "planning",
)

// groupPronouns refer to a country or organisation named just before: "Iraq
// said it would allow", "the rebels said they would release".
var groupPronouns = setOf("it", "they")

// subordinators open a clause whose subject is not the main clause's.
var subordinators = setOf(
	"that", "because", "although", "though", "while", "whereas", "after", "before", "since",
	"until", "unless", "when", "whether", "if", "as", "once", "where", "which", "who", "whom", "whose",
)

// compoundParticiples make compound adjectives with a name before them,
// often written without the hyphen: "Taliban ruled Afghanistan", "US
// backed forces".
var compoundParticiples = setOf("ruled", "led", "backed", "controlled", "occupied", "held", "sponsored",
	"funded", "armed", "allied", "aligned", "installed", "run")

// aspectVerbs take a gerund that carries the relation: "keep working with
// the US", "continued shelling the town".
var aspectVerbs = setOf("keep", "continue", "resume", "start", "begin", "stop", "cease", "quit")

// vacuousVerbs say nothing between two actors unless an event noun
// carries the relation: "Russia had no intention of", "made the comments".
var vacuousVerbs = setOf("have", "be", "get", "make", "take", "give", "put", "do", "use")

// brokerParticiples name a go-between's part in a deal: "a ceasefire
// brokered by Qatar", "talks hosted by Saudi Arabia".
var brokerParticiples = setOf("brokered", "mediated", "facilitated", "hosted", "organised", "organized",
	"arranged", "sponsored", "negotiated", "chaired")

// clauseOpeners begin a clause of their own even right after a verb; the
// other subordinators may be the verb's own preposition ("served as",
// "fled after").
var clauseOpeners = setOf("when", "while", "because", "although", "though", "whereas", "unless", "if", "whether", "once", "until")

// reportingVerbs introduce speech or thought; "X said ..." alone is not a
// relation between actors.
var reportingVerbs = setOf(
	"say", "add", "note", "state", "claim", "announce", "report", "insist", "believe", "think",
	"hope", "write", "argue", "suggest", "explain", "stress", "emphasise", "emphasize", "tell reporters",
	"confirm", "acknowledge", "admit", "declare", "describe", "reiterate", "recall", "predict",
	"estimate", "expect", "remark", "observe", "comment", "continue", "seem", "appear", "remain",
	"become", "be", "have", "do", "get", "go", "come", "begin", "want", "need", "try", "plan",
	"decide", "aim", "seek", "intend", "fail", "manage", "prepare", "include", "involve", "follow",
	"mean", "make", "take", "put", "keep", "let", "know", "see", "look", "feel", "find",
)

// hypotheticalMarkers turn the clause they open (or the verb they modify)
// into a possibility rather than a fact.
var hypotheticalMarkers = setOf(
	"could", "would", "might", "may", "should", "if", "unless", "whether", "must", "can",
	"ought", "shall",
)

// statePassives are participles that after "be" and before "to" describe
// the subject's own stance: "is opposed to", "is committed to".
var statePassives = setOf("oppose", "commit", "ally", "hostile", "devote", "dedicate")

// activityPassives are participles that after "be" and before "in" say
// what the subject is doing: "were engaged in fighting", "is involved in
// attacks on".
var activityPassives = setOf("engage", "involve", "embroil", "entangle")

// raisingWords before "to VERB" pass their subject to the verb: "are
// scheduled to meet", "is ready to talk", "is expected to visit".
var raisingWords = setOf(
	"scheduled", "expected", "set", "due", "likely", "unlikely", "going", "poised", "supposed",
	"ready", "willing", "prepared", "able", "unable", "about", "slated", "planning", "eager",
	"keen", "determined", "hoping", "trying", "seeking", "intends", "intended", "plans", "planned",
	"wants", "wanted", "hopes", "hoped", "agreed", "agrees", "decided", "decides", "sought", "seeks",
	"tried", "tries", "refused", "refuses", "offered", "offers", "pledged", "vowed", "promised",
	"have", "has", "had", "having", "need", "needs", "needed", "ought", "begun", "began", "begin",
	"begins", "started", "starts", "continued", "continues", "continue", "keep", "kept",
)

// topicVerbs take a topic as their object ("discussed Ukraine"); only "with"
// introduces the other party ("discussed Ukraine with Putin").
var topicVerbs = setOf("discuss", "debate", "consider", "review", "address")

// nominalPreps introduce the other party of an event noun: "talks with
// Putin", "a visit to Moscow", "sanctions on Russia".
var nominalPreps = setOf("with", "to", "against", "on", "into")

// complementVerbs take a "that" clause whose subject is the target: "demanded
// that Russia withdraw". The value is the predicate to record ("" keeps the
// verb's lemma).
var complementVerbs = map[string]string{
	"demand": "", "insist": "demand", "urge": "", "ask": "", "request": "", "allege": "accuse",
	"accuse": "", "charge": "accuse", "complain": "", "warn": "", "order": "",
}

// rulingVerbs state a finding or decision; with "that Y must" it is a
// demand on Y: "the court ruled that Israel must", "the forum concluded
// that the US must allocate".
var rulingVerbs = setOf("conclude", "rule", "decide", "find", "determine", "resolve")

// motionVerbs report travel; an event noun on their path names the
// relation: "returned from talks with Putin".
var motionVerbs = setOf("return", "come", "arrive", "travel", "fly", "head", "go", "leave", "depart")

// arrivalVerbs take a destination: arriving in a country's capital is a
// visit to that country.
var arrivalVerbs = setOf("arrive", "travel", "fly", "land", "come")

// inVerbs take their target with "in": "intervened in Syria".
var inVerbs = setOf("intervene", "invest", "interfere", "meddle", "participate", "engage", "join")

// timeNouns may stand between a verb and its clause: "said today that".
var timeNouns = setOf("overnight", "today", "yesterday", "tonight", "week", "month", "year", "morning", "evening", "night")

var negators = setOf("not", "n't", "n’t", "never", "no", "neither", "nor")

// particleVerbs are verb + particle pairs whose meaning differs from the bare
// verb; they are kept as the predicate ("call on", "crack down on").
var particleVerbs = setOf(
	"call on", "crack down on", "side with", "pull out of", "back down", "stand by",
	"lash out at", "hit out at", "break with", "reach out to", "turn to", "take on", "give up",
	"hand over", "call for",
)

// phraseVerbs are verb + preposition pairs that mean the bare verb ("met
// with" → meet): the preposition is dropped from the predicate.
var phraseVerbs = setOf(
	"meet with", "speak with", "talk with", "talk to", "speak to", "work with", "agree with",
	"consult with", "negotiate with", "cooperate with", "clash with", "fight with", "sympathise with",
	"side with",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isCapitalised reports whether w starts with an upper-case letter.
func isCapitalised(w string) bool {
	for _, r := range w {
		return r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
	}
	return false
}

// isPossessive reports whether the token is a possessive clitic.
func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}

// locatives are prepositions after which a capital names a place, not the
// government seated there ("talks in Geneva", "arrived in Oslo").
var locatives = setOf("in", "at", "near", "outside", "inside", "across", "throughout", "around", "within")
