package newsgen

// country is a real country as news names it: the short name, whether it
// takes "the", the demonym (adjective), the plural noun for its people
// ("" when the demonym has none that news uses) and the capital, used as a
// metonym ("Oslo said").
type country struct {
	name, demonym, people, capital string
	the                            bool
}

// countries are real countries; invented people and organisations are
// attached to them.
var countries = []country{
	{"Afghanistan", "Afghan", "Afghans", "Kabul", false},
	{"Algeria", "Algerian", "Algerians", "Algiers", false},
	{"Argentina", "Argentine", "Argentines", "Buenos Aires", false},
	{"Armenia", "Armenian", "Armenians", "Yerevan", false},
	{"Australia", "Australian", "Australians", "Canberra", false},
	{"Austria", "Austrian", "Austrians", "Vienna", false},
	{"Azerbaijan", "Azerbaijani", "Azerbaijanis", "Baku", false},
	{"Bangladesh", "Bangladeshi", "Bangladeshis", "Dhaka", false},
	{"Belarus", "Belarusian", "Belarusians", "Minsk", false},
	{"Belgium", "Belgian", "Belgians", "", false},
	{"Bolivia", "Bolivian", "Bolivians", "La Paz", false},
	{"Brazil", "Brazilian", "Brazilians", "Brasilia", false},
	{"Bulgaria", "Bulgarian", "Bulgarians", "Sofia", false},
	{"Burkina Faso", "Burkinabe", "", "Ouagadougou", false},
	{"Cambodia", "Cambodian", "Cambodians", "Phnom Penh", false},
	{"Cameroon", "Cameroonian", "Cameroonians", "Yaounde", false},
	{"Canada", "Canadian", "Canadians", "Ottawa", false},
	{"Chile", "Chilean", "Chileans", "Santiago", false},
	{"China", "Chinese", "", "Beijing", false},
	{"Colombia", "Colombian", "Colombians", "Bogota", false},
	{"Croatia", "Croatian", "Croatians", "Zagreb", false},
	{"Cuba", "Cuban", "Cubans", "Havana", false},
	{"Cyprus", "Cypriot", "Cypriots", "Nicosia", false},
	{"Czech Republic", "Czech", "Czechs", "Prague", true},
	{"Denmark", "Danish", "Danes", "Copenhagen", false},
	{"Egypt", "Egyptian", "Egyptians", "Cairo", false},
	{"Estonia", "Estonian", "Estonians", "Tallinn", false},
	{"Ethiopia", "Ethiopian", "Ethiopians", "Addis Ababa", false},
	{"Finland", "Finnish", "Finns", "Helsinki", false},
	{"France", "French", "", "Paris", false},
	{"Germany", "German", "Germans", "Berlin", false},
	{"Ghana", "Ghanaian", "Ghanaians", "Accra", false},
	{"Greece", "Greek", "Greeks", "Athens", false},
	{"Hungary", "Hungarian", "Hungarians", "Budapest", false},
	{"India", "Indian", "Indians", "New Delhi", false},
	{"Indonesia", "Indonesian", "Indonesians", "Jakarta", false},
	{"Iran", "Iranian", "Iranians", "Tehran", false},
	{"Iraq", "Iraqi", "Iraqis", "Baghdad", false},
	{"Ireland", "Irish", "", "Dublin", false},
	{"Israel", "Israeli", "Israelis", "", false},
	{"Italy", "Italian", "Italians", "Rome", false},
	{"Japan", "Japanese", "", "Tokyo", false},
	{"Jordan", "Jordanian", "Jordanians", "Amman", false},
	{"Kazakhstan", "Kazakh", "Kazakhs", "Astana", false},
	{"Kenya", "Kenyan", "Kenyans", "Nairobi", false},
	{"Kuwait", "Kuwaiti", "Kuwaitis", "", false},
	{"Latvia", "Latvian", "Latvians", "Riga", false},
	{"Lebanon", "Lebanese", "", "Beirut", false},
	{"Libya", "Libyan", "Libyans", "Tripoli", false},
	{"Lithuania", "Lithuanian", "Lithuanians", "Vilnius", false},
	{"Malaysia", "Malaysian", "Malaysians", "Kuala Lumpur", false},
	{"Mali", "Malian", "Malians", "Bamako", false},
	{"Mexico", "Mexican", "Mexicans", "", false},
	{"Moldova", "Moldovan", "Moldovans", "Chisinau", false},
	{"Morocco", "Moroccan", "Moroccans", "Rabat", false},
	{"Mozambique", "Mozambican", "Mozambicans", "Maputo", false},
	{"Myanmar", "Myanmar", "", "Naypyidaw", false},
	{"Nepal", "Nepali", "Nepalis", "Kathmandu", false},
	{"Netherlands", "Dutch", "", "Amsterdam", true},
	{"New Zealand", "New Zealand", "New Zealanders", "Wellington", false},
	{"Niger", "Nigerien", "Nigeriens", "Niamey", false},
	{"Nigeria", "Nigerian", "Nigerians", "Abuja", false},
	{"North Korea", "North Korean", "North Koreans", "Pyongyang", false},
	{"Norway", "Norwegian", "Norwegians", "Oslo", false},
	{"Oman", "Omani", "Omanis", "Muscat", false},
	{"Pakistan", "Pakistani", "Pakistanis", "Islamabad", false},
	{"Peru", "Peruvian", "Peruvians", "Lima", false},
	{"Philippines", "Philippine", "Filipinos", "Manila", true},
	{"Poland", "Polish", "Poles", "Warsaw", false},
	{"Portugal", "Portuguese", "", "Lisbon", false},
	{"Qatar", "Qatari", "Qataris", "Doha", false},
	{"Romania", "Romanian", "Romanians", "Bucharest", false},
	{"Russia", "Russian", "Russians", "Moscow", false},
	{"Rwanda", "Rwandan", "Rwandans", "Kigali", false},
	{"Saudi Arabia", "Saudi", "Saudis", "Riyadh", false},
	{"Senegal", "Senegalese", "", "Dakar", false},
	{"Serbia", "Serbian", "Serbs", "Belgrade", false},
	{"Singapore", "Singaporean", "Singaporeans", "", false},
	{"Slovakia", "Slovak", "Slovaks", "Bratislava", false},
	{"Somalia", "Somali", "Somalis", "Mogadishu", false},
	{"South Africa", "South African", "South Africans", "Pretoria", false},
	{"South Korea", "South Korean", "South Koreans", "Seoul", false},
	{"Spain", "Spanish", "Spaniards", "Madrid", false},
	{"Sri Lanka", "Sri Lankan", "Sri Lankans", "Colombo", false},
	{"Sudan", "Sudanese", "", "Khartoum", false},
	{"Sweden", "Swedish", "Swedes", "Stockholm", false},
	{"Switzerland", "Swiss", "", "Bern", false},
	{"Syria", "Syrian", "Syrians", "Damascus", false},
	{"Tanzania", "Tanzanian", "Tanzanians", "Dodoma", false},
	{"Thailand", "Thai", "", "Bangkok", false},
	{"Tunisia", "Tunisian", "Tunisians", "Tunis", false},
	{"Turkey", "Turkish", "Turks", "Ankara", false},
	{"Uganda", "Ugandan", "Ugandans", "Kampala", false},
	{"Ukraine", "Ukrainian", "Ukrainians", "Kyiv", false},
	{"United Arab Emirates", "Emirati", "Emiratis", "Abu Dhabi", true},
	{"United Kingdom", "British", "", "London", true},
	{"United States", "American", "Americans", "Washington", true},
	{"Uruguay", "Uruguayan", "Uruguayans", "Montevideo", false},
	{"Uzbekistan", "Uzbek", "Uzbeks", "Tashkent", false},
	{"Venezuela", "Venezuelan", "Venezuelans", "Caracas", false},
	{"Vietnam", "Vietnamese", "", "Hanoi", false},
	{"Yemen", "Yemeni", "Yemenis", "", false},
	{"Zambia", "Zambian", "Zambians", "Lusaka", false},
	{"Zimbabwe", "Zimbabwean", "Zimbabweans", "Harare", false},
}

// realOrgs are real international organisations, named as news names
// them: the full name, the abbreviation used on later mentions ("" when
// the name is already short) and whether the name takes "the".
var realOrgs = []struct {
	name, abbr string
	the        bool
}{
	{"United Nations", "UN", true},
	{"UN Security Council", "", true},
	{"North Atlantic Treaty Organization", "NATO", false},
	{"European Union", "EU", true},
	{"World Health Organization", "WHO", true},
	{"International Monetary Fund", "IMF", true},
	{"World Bank", "", true},
	{"African Union", "AU", true},
	{"Association of Southeast Asian Nations", "ASEAN", false},
	{"International Atomic Energy Agency", "IAEA", true},
	{"International Criminal Court", "ICC", true},
	{"World Food Programme", "WFP", true},
	{"Organization of the Petroleum Exporting Countries", "OPEC", false},
	{"Arab League", "", true},
	{"Red Cross", "", true},
}

// givenNames are common given names from many countries: on their own
// they name no real person; surnames are invented.
var givenNames = [2][]string{
	{ // male
		"Ahmed", "Alexei", "Anders", "Andrzej", "Arjun", "Bogdan", "Carlos", "Chen", "Daniel", "Darius",
		"David", "Dmitri", "Eduardo", "Emeka", "Erik", "Farid", "Felipe", "Georg", "Hamid", "Hans",
		"Hiroshi", "Ibrahim", "Ivan", "Jakob", "James", "Javier", "Jin", "Jonas", "Karim", "Kenji",
		"Khalid", "Kwame", "Lars", "Luca", "Luis", "Marco", "Mateus", "Mehmet", "Michael", "Mikhail",
		"Mustafa", "Nikolai", "Olusegun", "Omar", "Pablo", "Pavel", "Pedro", "Rafael", "Rahul", "Ravi",
		"Samuel", "Sergei", "Stefan", "Tariq", "Thomas", "Tomas", "Viktor", "Wei", "Yusuf", "Zoran",
	},
	{ // female
		"Aisha", "Alina", "Amara", "Ana", "Anna", "Astrid", "Beatriz", "Camila", "Chiara", "Daria",
		"Elena", "Elif", "Emma", "Fatima", "Grace", "Hana", "Helena", "Ingrid", "Irina", "Isabel",
		"Julia", "Karin", "Katarzyna", "Laila", "Leila", "Lucia", "Maria", "Marta", "Mei", "Miriam",
		"Nadia", "Naledi", "Natalia", "Nkechi", "Olena", "Priya", "Rania", "Sara", "Sofia", "Svetlana",
		"Tatiana", "Ursula", "Valentina", "Yara", "Yuki", "Zainab", "Zanele", "Zofia", "Lina", "Noor",
	},
}

// surnameStems and surnameEnds build invented surnames ("Haugvik",
// "Derenko", "Malvarez").
var (
	surnameStems = []string{
		"Ab", "Bal", "Bor", "Char", "Dahl", "Der", "Ek", "Fal", "Gor", "Hal", "Haug", "Iv", "Jar", "Kal",
		"Kor", "Lind", "Mal", "Mar", "Nor", "Ok", "Ol", "Pet", "Rad", "Ros", "Sal", "Sand", "Tor", "Ul",
		"Val", "Ves", "Wen", "Zan", "Bel", "Cas", "Dor", "Fen", "Gal", "Hen", "Kas", "Lev", "Mor", "Nad",
	}
	surnameEnds = []string{
		"vik", "sen", "strom", "lund", "enko", "ov", "ova", "ski", "ez", "ado", "ani", "oye", "ulu",
		"berg", "man", "ic", "escu", "idis", "oglu", "ara", "eda", "ton", "ley", "ini", "etti", "aki",
		"mba", "ongo", "awa", "ish",
	}
)

// orgWords build invented organisations: an adjective or place word, a
// subject word and a kind ("Northern Grain Council").
var (
	orgAdjectives = []string{
		"Northern", "Southern", "Eastern", "Western", "Central", "National", "United", "Federal",
		"Coastal", "Highland", "Atlantic", "Pacific", "Continental", "Democratic", "Popular", "Free",
		"Azure", "Crimson", "Golden", "Silver", "New", "Independent", "Allied", "Regional",
	}
	orgSubjects = []string{
		"Grain", "Energy", "Workers", "Farmers", "Maritime", "Mining", "Rail", "Trade", "Health",
		"Water", "Steel", "Shipping", "Telecom", "Fisheries", "Liberation", "Progress", "Renewal",
		"Justice", "Unity", "Reform", "Solidarity", "Defence", "Aviation", "Textile",
	}
	orgKinds = []struct {
		word, generic string // "Council", "the council"
	}{
		{"Council", "the council"}, {"Front", "the group"}, {"Union", "the union"},
		{"Agency", "the agency"}, {"Party", "the party"}, {"Movement", "the movement"},
		{"Alliance", "the alliance"}, {"Corporation", "the company"}, {"Group", "the company"},
		{"Federation", "the federation"}, {"Commission", "the commission"}, {"Army", "the group"},
	}
)
