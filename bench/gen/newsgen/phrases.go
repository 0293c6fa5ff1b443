package newsgen

// verb is a relation verb with its forms and what may follow the object.
type verb struct {
	base, past, pp, third string
	comp                  compKind
	passive               bool // reads well in the passive ("was praised by")
	conflict              bool
}

// compKind is what follows a verb's object.
type compKind uint8

const (
	compNone    compKind = iota
	compOf               // accused X of violating ...
	compTo               // urged X to halt ...
	compFor              // praised X for its support
	compOver             // criticised X over the border dispute
	compIn               // met X in Geneva
	compWith             // threatened X with sanctions
	compOn               // congratulated X on the election
	compAgainst          // warned X against escalating
)

var verbs = []verb{
	{"meet", "met", "met", "meets", compIn, false, false},
	{"meet with", "met with", "met with", "meets with", compIn, false, false},
	{"praise", "praised", "praised", "praises", compFor, true, false},
	{"criticise", "criticised", "criticised", "criticises", compOver, true, true},
	{"condemn", "condemned", "condemned", "condemns", compOver, true, true},
	{"accuse", "accused", "accused", "accuses", compOf, true, true},
	{"warn", "warned", "warned", "warns", compAgainst, true, true},
	{"threaten", "threatened", "threatened", "threatens", compWith, true, true},
	{"sanction", "sanctioned", "sanctioned", "sanctions", compOver, true, true},
	{"attack", "attacked", "attacked", "attacks", compNone, true, true},
	{"support", "supported", "supported", "supports", compNone, true, false},
	{"back", "backed", "backed", "backs", compNone, true, false},
	{"welcome", "welcomed", "welcomed", "welcomes", compNone, true, false},
	{"urge", "urged", "urged", "urges", compTo, true, false},
	{"call on", "called on", "called on", "calls on", compTo, false, false},
	{"press", "pressed", "pressed", "presses", compTo, true, false},
	{"visit", "visited", "visited", "visits", compNone, true, false},
	{"host", "hosted", "hosted", "hosts", compIn, true, false},
	{"thank", "thanked", "thanked", "thanks", compFor, true, false},
	{"blame", "blamed", "blamed", "blames", compFor, true, true},
	{"congratulate", "congratulated", "congratulated", "congratulates", compOn, true, false},
	{"invade", "invaded", "invaded", "invades", compNone, true, true},
	{"fund", "funded", "funded", "funds", compNone, true, false},
	{"sue", "sued", "sued", "sues", compOver, true, true},
	{"recognise", "recognised", "recognised", "recognises", compNone, true, false},
	{"reassure", "reassured", "reassured", "reassures", compOver, true, false},
	{"help", "helped", "helped", "helps", compNone, true, false},
	{"reject", "rejected", "rejected", "rejects", compNone, false, true},
	{"join", "joined", "joined", "joins", compIn, false, false},
	{"invite", "invited", "invited", "invites", compTo, true, false},
}

var (
	offences = []string{
		"violating the ceasefire", "backing armed groups", "interfering in its elections", "war crimes",
		"corruption", "smuggling weapons across the border", "spreading disinformation", "piracy",
		"shielding foreign trawlers", "stalling the talks", "hoarding grain", "breaking the arms embargo",
	}
	issues = []string{
		"the border dispute", "grain exports", "the detention of journalists", "fishing rights", "gas prices",
		"the nuclear programme", "new tariffs", "the peace plan", "refugee flows", "the election results",
		"water rights", "mining licences", "the blockade", "the pipeline", "debt repayments", "the drone strikes",
	}
	reasons = []string{
		"its support", "its role in the talks", "its humanitarian aid", "the attack on the convoy",
		"the delays", "the release of the hostages", "its help during the floods", "the collapse of the talks",
	}
	infinitives = []string{
		"halt its offensive", "release the detainees", "return to the negotiating table", "lift the blockade",
		"withdraw its troops", "respect the ceasefire", "cut tariffs", "allow aid convoys through",
		"hold early elections", "reopen the border", "free the crew", "stop the shelling", "join the talks",
		"investigate the killings",
	}
	subjunctives = []string{
		"withdraw its forces", "release the prisoners", "halt the strikes", "pay compensation",
		"return the seized vessel", "stop arming the rebels", "open the crossings",
	}
	gerunds = []string{"escalating the conflict", "closing the border", "expelling diplomats", "delaying the vote"}
	threats = []string{"sanctions", "retaliation", "new tariffs", "legal action", "a trade embargo", "military action"}
	events  = []string{"the election", "the agreement", "the anniversary", "the new government", "the peace deal"}
	summits = []string{"summit", "meeting", "round of talks", "ministerial meeting", "conference"}
	cities  = []string{
		"Geneva", "Vienna", "Doha", "Istanbul", "Brussels", "Nairobi", "Singapore", "Oslo", "Cairo",
		"Riyadh", "Addis Ababa", "New York", "Paris", "Madrid", "Jakarta", "Warsaw", "Abu Dhabi",
	}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	outlets  = []struct{ name, host string }{
		{"Harbour Wire", "harbourwire.example"}, {"Daily Meridian", "meridian.example"},
		{"Continental Post", "continentalpost.example"}, {"Newsline", "newsline.example"},
		{"The Ledger", "ledger.example"},
	}
	quotes = []string{
		"We will not accept any threat to our sovereignty",
		"Our only concern is the safety of the civilians",
		"This is a very constructive step",
		"The door to dialogue remains open",
		"We expect concrete actions, not words",
		"There can be no peace without justice",
		"Nobody wants an escalation",
		"The situation on the ground is deteriorating",
		"We are determined to keep working in good faith",
		"These accusations are baseless",
	}
	quotesWith = []string{ // %s is an actor
		"We are ready to work with %s",
		"We will hold %s responsible for any escalation",
		"We have asked %s to explain its position",
		"Our partners in %s have been very clear",
		"We call on %s to show restraint",
	}
	fillers = []string{
		"The extent of the damage remains unclear, and no casualties have yet been confirmed.",
		"Officials said talks were expected to resume next week.",
		"Analysts said the move could complicate efforts to reach a lasting agreement.",
		"The ministry did not respond to a request for comment.",
		"Prices of fuel and bread have risen sharply since the start of the year.",
		"The region has been hit by repeated droughts, and millions of people depend on food aid.",
		"Details of the proposal have not been made public.",
		"Markets fell on the news, and the currency weakened against the dollar.",
		"Human rights groups have called for an independent investigation.",
		"The vote is scheduled for the end of the month.",
		"Several ministers are expected to attend, according to diplomats familiar with the preparations.",
		"Residents described hearing loud explosions shortly after midnight.",
		"The agreement still needs to be ratified by parliament.",
		"Shipping traffic through the strait has fallen by a third since the spring.",
		"The decision was taken after a late-night meeting of the cabinet.",
		"Negotiators worked through the night on a draft text.",
	}
	fillersN = []string{ // %d is a number
		"At least %d people were killed in the fighting, officials said.",
		"Some %d families have fled their homes since the clashes began.",
		"The package is worth about %d million dollars, according to the finance ministry.",
		"More than %d trucks were waiting at the crossing on Tuesday.",
		"Police said %d people had been arrested.",
		"The ship was carrying %d crew members.",
	}
	sources = []string{
		"officials", "diplomats", "aid workers", "analysts", "residents", "witnesses", "local media",
		"two people familiar with the matter", "a senior official", "the health ministry", "the army",
		"election observers", "a government spokesperson", "the central bank",
	}
	reportVerbs = []string{"said", "reported", "warned", "told reporters", "noted", "confirmed", "estimated"}
	clauses     = []string{
		"the talks had stalled after a dispute over the final communique",
		"dozens of people had been injured in the clashes near the border",
		"prices of bread and fuel had almost doubled since the spring",
		"the main road to the port remained closed for a third day",
		"the airport had reopened but most flights were still cancelled",
		"heavy rains had destroyed hundreds of homes in the north of the country",
		"the ceasefire was largely holding despite sporadic shelling overnight",
		"the number of displaced people had risen sharply in recent weeks",
		"negotiators were still far apart on the question of security guarantees",
		"turnout in the first round of the vote was lower than expected",
		"the government had ordered a review of all foreign mining contracts",
		"power cuts had left large parts of the capital without electricity",
		"several hundred protesters had gathered outside the parliament building",
		"the currency had lost a fifth of its value against the dollar this year",
		"the convoy had been stopped at a checkpoint for more than six hours",
		"the new rules would take effect at the start of next month",
		"fishing boats had been ordered to stay in port until further notice",
		"the hospital was running short of medicine and fuel for its generators",
	}
	crises = []string{"conflict", "dispute", "crisis", "standoff", "unrest", "blockade"}
	tails  = []string{
		", a move that drew criticism at home", ", according to a statement", ", citing security concerns",
		" after three days of talks", " amid rising tensions in the region", " amid growing pressure at home",
		", officials said", ", in a sign of warming ties", " despite objections from the opposition",
		", the first such step in years", " in a televised address", " at a news conference",
		", state media reported", " during a closed-door session",
	}
)
