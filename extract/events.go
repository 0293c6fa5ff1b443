package extract

// PLOVER event types (Political Language Ontology for Verifiable Event
// Records, https://github.com/openeventdata/PLOVER), the taxonomy triples are
// classified into.
const (
	Agree       = "AGREE"
	Consult     = "CONSULT"
	Support     = "SUPPORT"
	Concede     = "CONCEDE"
	Cooperate   = "COOPERATE"
	Aid         = "AID"
	Retreat     = "RETREAT"
	Demand      = "DEMAND"
	Disapprove  = "DISAPPROVE"
	Reject      = "REJECT"
	Threaten    = "THREATEN"
	Protest     = "PROTEST"
	Sanction    = "SANCTION"
	Mobilize    = "MOBILIZE"
	Coerce      = "COERCE"
	Assault     = "ASSAULT"
	Fight       = "FIGHT"
	Investigate = "INVESTIGATE"
)

// eventInfo describes one PLOVER event type: its mode (verbal events are
// statements, material ones are deeds), a Goldstein-like
// cooperation–conflict score from −10 to +10, and whether it is symmetric
// between equals (a meeting of A with B is also one of B with A).
type eventInfo struct {
	mode      string
	score     float64
	symmetric bool
}

// events gives each PLOVER type's mode and score. Scores follow the spirit of
// the Goldstein scale as mapped onto PLOVER's categories: positive for
// cooperation, negative for conflict, larger magnitude for material acts.
var events = map[string]eventInfo{
	Agree:       {"verbal", 4.0, true},
	Consult:     {"verbal", 1.0, true},
	Support:     {"verbal", 3.0, false},
	Concede:     {"material", 5.0, false},
	Cooperate:   {"material", 6.0, true},
	Aid:         {"material", 7.0, false},
	Retreat:     {"material", 2.0, false},
	Demand:      {"verbal", -3.0, false},
	Disapprove:  {"verbal", -2.0, false},
	Reject:      {"verbal", -4.0, false},
	Threaten:    {"verbal", -6.0, false},
	Protest:     {"material", -6.5, false},
	Sanction:    {"material", -7.0, false},
	Mobilize:    {"material", -7.5, false},
	Coerce:      {"material", -8.0, false},
	Assault:     {"material", -9.0, false},
	Fight:       {"material", -10.0, true},
	Investigate: {"material", -2.0, false},
}

// verbEvents maps verb lemmas (and a few verb + particle phrases) to PLOVER
// event types. A lemma absent here yields an empty event type: the relation
// is kept, but not classified.
var verbEvents = map[string]string{
	// AGREE
	"agree": Agree, "sign": Agree, "ratify": Agree, "accept": Agree, "endorse": Agree, "approve": Agree,
	"settle": Agree, "reconcile": Agree, "offer": Agree, "pledge": Agree, "promise": Agree, "guarantee": Agree,
	// CONSULT
	"meet": Consult, "talk": Consult, "discuss": Consult, "host": Consult, "visit": Consult,
	"call": Consult, "phone": Consult, "telephone": Consult, "speak": Consult, "confer": Consult,
	"consult": Consult, "negotiate": Consult, "receive": Consult, "invite": Consult,
	"brief": Consult, "contact": Consult, "mediate": Consult, "dine": Consult, "greet": Consult,
	"tell": Consult, "inform": Consult, "write": Consult, "convene": Consult,
	// SUPPORT
	"support": Support, "back": Support, "praise": Support, "commend": Support, "applaud": Support,
	"thank": Support, "congratulate": Support, "defend": Support, "hail": Support, "favour": Support,
	"favor": Support, "recognise": Support, "recognize": Support, "side with": Support, "express": Support,
	"reassure": Support, "salute": Support, "welcome": Support, "stand": Support, "champion": Support, "trust": Support,
	// CONCEDE
	"concede": Concede, "release": Concede, "free": Concede, "ease": Concede, "lift": Concede,
	"apologise": Concede, "apologize": Concede, "yield": Concede, "surrender": Concede, "pardon": Concede,
	"return": Concede, "compromise": Concede,
	// COOPERATE
	"cooperate": Cooperate, "collaborate": Cooperate, "work": Cooperate, "ally": Cooperate,
	"partner": Cooperate, "join": Cooperate, "coordinate": Cooperate, "unite": Cooperate,
	"normalise": Cooperate, "normalize": Cooperate, "trade": Cooperate, "share": Cooperate,
	// AID
	"aid": Aid, "help": Aid, "contribute": Aid, "assist": Aid, "supply": Aid, "provide": Aid, "send": Aid,
	"give": Aid, "donate": Aid, "fund": Aid, "finance": Aid, "arm": Aid, "equip": Aid,
	"deliver": Aid, "rescue": Aid, "shelter": Aid, "train": Aid, "lend": Aid, "protect": Aid,
	"evacuate": Aid, "grant": Aid, "allow": Concede, "permit": Concede,
	// RETREAT
	"withdraw": Retreat, "retreat": Retreat, "pull out of": Retreat, "leave": Retreat,
	"abandon": Retreat, "evacuate from": Retreat, "demobilise": Retreat, "demobilize": Retreat,
	// DEMAND
	"demand": Demand, "urge": Demand, "call on": Demand, "press": Demand, "ask": Demand,
	"request": Demand, "appeal": Demand, "insist": Demand, "call for": Demand, "pressure": Demand,
	"push": Demand, "order": Demand, "instruct": Demand, "implore": Demand, "exhort": Demand,
	// DISAPPROVE
	"criticise": Disapprove, "criticize": Disapprove, "condemn": Disapprove, "accuse": Disapprove,
	"blame": Disapprove, "denounce": Disapprove, "slam": Disapprove, "rebuke": Disapprove,
	"censure": Disapprove, "decry": Disapprove, "fault": Disapprove, "attack verbally": Disapprove,
	"scold": Disapprove, "ridicule": Disapprove, "mock": Disapprove, "lambast": Disapprove,
	"castigate": Disapprove, "chide": Disapprove, "berate": Disapprove, "reprimand": Disapprove,
	"complain": Disapprove, "question": Disapprove, "summon": Disapprove, "sue": Disapprove, "charge": Disapprove,
	// REJECT
	"reject": Reject, "refuse": Reject, "deny": Reject, "veto": Reject, "dismiss": Reject,
	"rebuff": Reject, "snub": Reject, "spurn": Reject, "oppose": Reject, "defy": Reject,
	"resist": Reject, "boycott": Reject, "renounce": Reject, "decline": Reject, "ignore": Reject,
	// THREATEN
	"threaten": Threaten, "warn": Threaten, "menace": Threaten, "intimidate": Threaten,
	"caution": Threaten, "vow": Threaten, "ultimatum": Threaten,
	// PROTEST
	"protest": Protest, "demonstrate": Protest, "rally": Protest, "strike against": Protest,
	"picket": Protest, "riot": Protest, "march": Protest,
	// SANCTION
	"sanction": Sanction, "embargo": Sanction, "ban": Sanction, "expel": Sanction, "suspend": Sanction,
	"impose": Sanction, "penalise": Sanction, "penalize": Sanction, "blacklist": Sanction,
	"freeze": Sanction, "sever": Sanction, "cut": Sanction, "cancel": Sanction, "bar": Sanction,
	"restrict": Sanction, "punish": Sanction, "fine": Sanction, "tariff": Sanction, "prohibit": Sanction, "withhold": Sanction,
	// MOBILIZE
	"mobilise": Mobilize, "mobilize": Mobilize, "deploy": Mobilize, "mass": Mobilize, "station": Mobilize,
	// COERCE
	"set fire": Coerce, "open fire": Assault, "exchange fire": Fight, "arrest": Coerce, "detain": Coerce, "deport": Coerce, "outlaw": Coerce, "curfew": Coerce, "seize": Coerce, "capture": Coerce, "blockade": Coerce,
	"raid": Coerce, "jail": Coerce, "imprison": Coerce, "kidnap": Coerce, "abduct": Coerce,
	"confiscate": Coerce, "coerce": Coerce, "force": Coerce, "crack down on": Coerce, "expropriate": Coerce,
	"annex": Coerce, "occupy": Coerce, "hack": Coerce, "spy": Coerce, "jam": Coerce, "persecute": Coerce, "demolish": Coerce,
	// ASSAULT
	"attack": Assault, "strike": Assault, "bomb": Assault, "shell": Assault, "hit": Assault,
	"target": Assault, "kill": Assault, "launch": Assault, "fire": Assault, "shoot": Assault,
	"assassinate": Assault, "massacre": Assault, "torture": Assault, "abuse": Assault, "rape": Assault, "assault": Assault, "raze": Assault,
	"destroy": Assault, "down": Assault, "wound": Assault, "injure": Assault, "pound": Assault,
	"bombard": Assault, "storm": Assault, "execute": Assault, "murder": Assault, "poison": Assault,
	"sabotage": Assault, "beat": Assault,
	// FIGHT
	"fight": Fight, "clash": Fight, "invade": Fight, "battle": Fight, "engage": Fight,
	"repel": Fight, "counterattack": Fight, "retaliate": Fight, "wage": Fight, "defeat": Fight,
	"encircle": Fight, "besiege": Fight, "ambush": Fight,
	// INVESTIGATE
	"investigate": Investigate, "probe": Investigate, "inspect": Investigate, "examine": Investigate,
	"monitor": Investigate, "audit": Investigate, "interrogate": Investigate, "question about": Investigate,
	"scrutinise": Investigate, "scrutinize": Investigate, "indict": Investigate, "prosecute": Investigate,
}

// nounEvents maps nouns that carry the event when the verb is a light verb
// ("held talks with", "imposed sanctions on", "launched strikes on") to PLOVER
// types.
var nounEvents = map[string]string{
	"talks": Consult, "talk": Consult, "meeting": Consult, "meetings": Consult, "call": Consult,
	"calls": Consult, "discussions": Consult, "negotiations": Consult, "summit": Consult, "visit": Consult,
	"conversation": Consult, "consultations": Consult, "dialogue": Consult,
	"agreement": Agree, "deal": Agree, "accord": Agree, "treaty": Agree, "pact": Agree, "ceasefire": Agree,
	"truce": Agree, "memorandum": Agree, "framework": Agree, "consensus": Agree,
	"support": Support, "solidarity": Support, "backing": Support, "condolences": Support,
	"praise": Support, "gratitude": Support, "thanks": Support,
	"aid": Aid, "assistance": Aid, "weapons": Aid, "arms": Aid, "loan": Aid, "loans": Aid,
	"funding": Aid, "help": Aid, "supplies": Aid, "package": Aid, "troops": Mobilize,
	"sanctions": Sanction, "sanction": Sanction, "embargo": Sanction, "tariffs": Sanction,
	"tariff": Sanction, "restrictions": Sanction, "ban": Sanction, "penalties": Sanction,
	"strikes": Assault, "strike": Assault, "attack": Assault, "attacks": Assault, "airstrikes": Assault,
	"missiles": Assault, "missile": Assault, "drones": Assault, "offensive": Assault, "bombardment": Assault, "shelling": Fight, "bombing": Assault, "bombings": Assault,
	"assault": Assault, "raid": Coerce, "raids": Coerce, "blockade": Coerce, "blockades": Coerce, "curfew": Coerce, "curfews": Coerce, "siege": Coerce, "emergency": Coerce, "crackdown": Coerce, "arrests": Coerce,
	"war": Fight, "invasion": Fight, "counteroffensive": Fight,
	"warning": Threaten, "warnings": Threaten, "threat": Threaten, "threats": Threaten, "ultimatum": Threaten,
	"criticism": Disapprove, "accusations": Disapprove, "condemnation": Disapprove, "complaint": Disapprove,
	"impatience": Disapprove, "frustration": Disapprove, "anger": Disapprove, "displeasure": Disapprove, "discontent": Disapprove,
	"bombardments": Assault, "airstrike": Assault,
	"demands": Demand, "demand": Demand, "appeal": Demand, "request": Demand, "call for": Demand,
	"investigation": Investigate, "probe": Investigate, "inquiry": Investigate, "charges": Investigate,
	"exercises": Cooperate, "drills": Cooperate, "manoeuvres": Cooperate, "maneuvers": Cooperate,
	"games": Cooperate, "progress": Cooperate, "ties": Support, "relations": Support, "hands": Consult,
	"forces": Mobilize, "deployment": Mobilize, "fire": Assault, "suspension": Sanction,
	"protest": Protest, "protests": Protest, "rally": Protest, "rallies": Protest,
	"demonstration": Protest, "demonstrations": Protest, "sit-in": Protest, "hunger": Protest,
	"walkout": Protest, "boycott": Reject,
}

// protestVerbs with "strike" make it a stoppage, not an attack: "staged a
// general strike", "went on strike", "began a hunger strike".
var protestVerbs = setOf("stage", "hold", "begin", "start", "continue", "call", "organize", "organise", "go", "end")

// protestActs are deeds of protest whatever their object: "blocked roads
// to demand", "rioted calling for".
var protestActs = setOf("block", "riot", "march", "demonstrate", "rally", "boycott", "picket", "strike")

// haltVerbs withdraw what their object names; withdrawing cooperation is
// a sanction: "halted economic aid", "suspended talks".
var haltVerbs = setOf("halt", "suspend", "cut", "freeze", "end", "stop", "reduce", "cancel", "curtail", "withdraw")

// coopEvents are the cooperative event types a halt verb can withdraw.
var coopEvents = map[string]bool{Aid: true, Consult: true, Cooperate: true, Support: true}

// conventionalArms are verbs of attack with military weapons: PLOVER codes
// them FIGHT whoever fires.
var conventionalArms = setOf("shell", "bombard", "pound", "fire", "fire on", "open fire", "shoot", "shoot down", "strike", "airstrike")

// militaryHeads are the nouns that make a subject an armed force: "Serb
// forces killed" is FIGHT, "gunmen killed" ASSAULT.
var militaryHeads = setOf("forces", "force", "troops", "army", "military", "aircraft", "tanks", "gunships",
	"helicopters", "jets", "warplanes", "navy", "artillery", "soldiers", "warships", "marines",
	"paratroopers", "drones", "bombers", "units", "air", "attacks", "strikes", "airstrikes")

// unconventionalArms are violent deeds PLOVER codes ASSAULT even when
// soldiers do them: "soldiers beat detainees".
var unconventionalArms = setOf("beat", "beat up", "torture", "abuse", "assassinate", "execute", "poison",
	"rape", "massacre", "kidnap", "abduct", "sabotage")

// yieldNouns after "accept" or "meet" make a concession: "accepted demands
// from the rebels".
var yieldNouns = setOf("demands", "demand", "conditions", "terms", "ultimatum")

// conflictEvents are the hostile event types.
var conflictEvents = map[string]bool{Assault: true, Fight: true, Coerce: true, Sanction: true, Threaten: true}

// promisable event types become AGREE when announced for the future: a
// promise to help, yield or meet is an agreement to.
var promisable = map[string]bool{Support: true, Aid: true, Concede: true, Retreat: true, Consult: true, Cooperate: true}

// controllerEvents are the event types that a verb or adjective governing
// "to VERB" imposes on the inner verb: PLOVER codes a promise to act as
// AGREE and a refusal as REJECT, whatever the act.
var controllerEvents = map[string]string{
	"agree": Agree, "agreed": Agree, "offer": Agree, "willing": Agree, "ready": Agree,
	"prepared": Agree, "pledge": Agree, "promise": Agree,
	"refuse": Reject, "decline": Reject, "unwilling": Reject,
}

// lightVerbs carry little meaning of their own; the noun after them decides
// the event type.
var lightVerbs = map[string]bool{
	"hold": true, "have": true, "increase": true, "intensify": true, "escalate": true, "expand": true, "show": true, "voice": true, "lavish": true, "heap": true, "shower": true, "launch": true, "impose": true, "sign": true, "express": true,
	"issue": true, "conduct": true, "make": true, "give": true, "reach": true, "announce": true,
	"take": true, "stage": true, "deliver": true, "open": true, "carry": true, "level": true,
	"offer": true, "send": true, "provide": true, "extend": true, "pledge": true, "begin": true,
	"start": true, "continue": true, "step": true, "announced": true, "institute": true, "introduce": true, "enforce": true, "reimpose": true, "declare": true, "seal": true, "strike": true,
	"mount": true, "unleash": true, "establish": true, "restore": true, "shake": true, "set": true, "tighten": true, "ease": true, "upgrade": true, "strengthen": true, "renew": true, "resume": true, "fire": true, "wage": true, "file": true, "lodge": true,
}

// classify returns the PLOVER event type, mode, score and symmetry for a
// predicate lemma and, for light verbs, the head noun of its object.
func classify(predicate, noun string) (event, mode string, score float64, symmetric bool) {
	if lightVerbs[predicate] && noun != "" {
		if ev, ok := nounEvents[noun]; ok {
			event = ev
		}
		if noun == "strike" && protestVerbs[predicate] {
			event = Protest
		}
	}
	if event == "" {
		event = verbEvents[predicate]
	}
	if event == "" {
		return "", "", 0, false
	}
	info := events[event]
	return event, info.mode, info.score, info.symmetric
}
