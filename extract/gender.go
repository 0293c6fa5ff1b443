package extract

import "strings"

// Pronoun gender. Resolution sends "she" to the most salient person who is
// not known to be a man, and "he" to one not known to be a woman. A person's
// gender is known only from an honorific before the name ("Mrs", "Queen",
// "Sir") or a common first name; otherwise it is unknown and either pronoun
// may refer to them.

// pronounGender returns 'f' for she/herself, 'm' for he/himself, else 0.
func pronounGender(w string) byte {
	switch strings.ToLower(w) {
	case "she", "herself":
		return 'f'
	case "he", "himself":
		return 'm'
	}
	return 0
}

// honorificGender returns the gender an honorific before a name gives, or 0.
func honorificGender(w string) byte {
	w = strings.TrimSuffix(w, ".")
	switch {
	case femaleHonorifics[w]:
		return 'f'
	case maleHonorifics[w]:
		return 'm'
	}
	return 0
}

var (
	femaleHonorifics = setOf("Mrs", "Ms", "Miss", "Madam", "Madame", "Mme", "Queen", "Princess", "Lady", "Dame", "Baroness", "Duchess", "Countess", "Empress", "Sister")
	maleHonorifics   = setOf("Mr", "Sir", "Lord", "King", "Prince", "Baron", "Duke", "Count", "Emperor", "Sheikh", "Pope", "Brother", "Father")
)

// firstNameGender returns the gender a common first name gives, or 0 for a
// name not listed or used for both.
func firstNameGender(first string) byte {
	w := strings.ToLower(first)
	switch {
	case femaleNames[w]:
		return 'f'
	case maleNames[w]:
		return 'm'
	}
	return 0
}

// femaleNames and maleNames are common first names in international news,
// across languages and transliterations. Names given to both (Jean, Andrea,
// Nikola, Kim) are in neither.
var femaleNames = setOf(
	"angela", "theresa", "hillary", "kamala", "ursula", "giorgia", "marine", "liz", "elizabeth",
	"nancy", "jacinda", "sanna", "kaja", "annalena", "nikki", "kristi", "tulsi", "yulia", "maria",
	"svetlana", "olena", "iryna", "nadia", "nadezhda", "golda", "indira", "benazir", "sheikh hasina",
	"hasina", "christine", "kristalina", "roberta", "mette", "magdalena", "ingrid", "frederiksen",
	"margaret", "mary", "anne", "ann", "anna", "hanna", "hannah", "sarah", "sara", "susan", "karen",
	"linda", "barbara", "patricia", "jennifer", "jessica", "emily", "emma", "olivia", "sophia",
	"sophie", "catherine", "katherine", "kate", "victoria", "julia", "laura", "lisa", "michelle",
	"melania", "jill", "ivanka", "priti", "suella", "yvette", "rachel", "kemi", "nicola",
	"penny", "liz", "keiko", "yuriko", "sanae", "claudia", "dilma", "cristina",
	"michelle", "ellen", "samia", "joyce", "ngozi", "amina", "aisha", "fatima", "leila", "layla",
	"zeinab", "mariam", "maryam", "ruth", "esther", "natalia", "natalya", "tatiana", "tatyana",
	"elena", "yelena", "olga", "irina", "ekaterina", "yekaterina", "valentina", "lyudmila",
	"maria", "marta", "agnieszka", "beata", "ewa", "zuzana", "kersti", "vjosa", "salome", "maia",
	"sviatlana", "alice", "helen", "heather", "diane", "donna", "caroline", "charlotte", "isabel",
	"isabella", "monica", "veronica", "teresa", "alexandria", "marjorie", "lauren", "elise",
	"amy", "kristen", "pam", "tammy", "janet", "gina", "tulsi",
)

var maleNames = setOf(
	"oliver", "jack", "harry", "george", "henry", "louis", "lucas", "noah", "liam", "ethan",
	"vladimir", "donald", "joe", "barack", "george", "bill", "emmanuel", "keir", "friedrich", "olaf",
	"volodymyr", "dmitry", "dmitri", "sergei", "sergey", "alexander", "aleksandr", "andrei", "andriy",
	"yuri", "yury", "mikhail", "boris", "nikolai", "viktor", "victor", "vitaliy", "vitali", "oleksandr",
	"oleksiy", "rustem", "denys", "petro", "ramzan", "yevgeny", "alexei", "alexey", "igor", "ivan",
	"pavel", "anatoly", "valery", "gennady", "steve", "steven", "stephen", "marco", "mike", "michael",
	"john", "james", "robert", "richard", "david", "william", "thomas", "charles", "christopher",
	"daniel", "matthew", "mark", "paul", "peter", "andrew", "kevin", "brian", "jeffrey", "ronald",
	"jd", "pete", "tony", "antony", "rishi", "boris", "david", "narendra",
	"recep", "tayyip", "benjamin", "isaac", "yitzhak", "ehud", "ariel", "naftali", "yair", "itamar",
	"bezalel", "mahmoud", "ismail", "yahya", "hassan", "hasan", "ali", "ebrahim",
	"masoud", "abbas", "bashar", "ahmed", "ahmad", "mohammed", "muhammad", "mohammad", "abdel",
	"abdul", "abdullah", "omar", "osama", "hosni", "anwar", "recep", "shehbaz", "imran", "nawaz",
	"jong", "fumio", "shinzo", "shigeru", "luiz", "inacio", "jair", "javier",
	"nicolas", "hugo", "fidel", "raul", "gustavo", "andres", "pedro", "mateusz", "donald", "andrzej",
	"viktor", "robert", "aleksandar", "milorad", "alexis", "kyriakos", "giuseppe", "matteo", "mario",
	"silvio", "francis", "leo", "frank", "jens", "mark", "antonio", "charles", "william",
	"harry", "justin", "anthony", "scott", "lindsey", "mitch", "chuck", "ted", "marco", "elon",
	"jake", "jared", "lloyd", "pete", "hunter", "tucker", "sean", "nigel", "jeremy", "ed", "edward",
	"cyril", "jacob", "thabo", "nelson", "paul", "yoweri", "uhuru", "william", "abiy",
	"bola", "muhammadu", "olusegun", "goodluck", "emmerson", "robert", "laurent", "alassane",
	"macky", "felix", "denis", "idriss", "mahamat", "abdelaziz", "abdelmadjid", "kais", "recep",
	"ilham", "nikol", "alexander", "kassym", "shavkat", "emomali", "aliaksandr", "alyaksandr",
	"gitanas", "edgars", "alar", "sauli", "ulf", "jonas",
)
