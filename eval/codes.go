package eval

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// codeActor returns the canonical actor (a name in the built-in gazetteer)
// that a CAMEO actor code stands for: the country of its first three
// letters ("RUSGOV" → Russia), or for international, militarised and
// non-governmental organisations ("IGOUNO", "IMGMUSISI") the last
// three-letter part that names a known organisation. It returns "" for
// unknown actors ("---", "---REB") and codes it does not know.
func codeActor(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) < 3 {
		return ""
	}
	switch code[:3] {
	case "IGO", "IMG", "NGO":
		name := ""
		for i := 3; i+3 <= len(code); i += 3 {
			if n := orgCode(code[i : i+3]); n != "" {
				name = n
			}
		}
		return name
	}
	return iso3Country(code[:3])
}

// orgCode maps a three-letter CAMEO organisation part to the gazetteer
// name of the organisation.
func orgCode(part string) string {
	switch part {
	case "UNO":
		return "United Nations"
	case "EEC":
		return "European Union"
	case "NAT":
		return "NATO"
	case "ITP":
		return "Interpol"
	case "IMF":
		return "International Monetary Fund"
	case "WBK":
		return "World Bank"
	case "WTO":
		return "World Trade Organization"
	case "IAE":
		return "International Atomic Energy Agency"
	case "ICC":
		return "International Criminal Court"
	case "AFU":
		return "African Union"
	case "ARL":
		return "Arab League"
	case "ASN":
		return "ASEAN"
	case "OPC":
		return "OPEC"
	case "WHO":
		return "World Health Organization"
	case "RCR":
		return "International Committee of the Red Cross"
	case "AMN":
		return "Amnesty International"
	case "HRW":
		return "Human Rights Watch"
	case "MSF":
		return "Médecins Sans Frontières"
	case "ISI":
		return "Islamic State"
	case "ALQ":
		return "al-Qaeda"
	case "TAL":
		return "Taliban"
	case "HMS":
		return "Hamas"
	case "HEZ":
		return "Hezbollah"
	}
	return ""
}

// iso3Country maps an ISO 3166-1 alpha-3 code (and the few non-standard
// codes the PLOVER records use: ITL, JAP, VTN, KSV) to the gazetteer name
// of the country, or "".
func iso3Country(code string) string {
	switch code {
	case "AFG":
		return "Afghanistan"
	case "ALB":
		return "Albania"
	case "DZA":
		return "Algeria"
	case "AND":
		return "Andorra"
	case "AGO":
		return "Angola"
	case "ATG":
		return "Antigua and Barbuda"
	case "ARG":
		return "Argentina"
	case "ARM":
		return "Armenia"
	case "AUS":
		return "Australia"
	case "AUT":
		return "Austria"
	case "AZE":
		return "Azerbaijan"
	case "BHS":
		return "Bahamas"
	case "BHR":
		return "Bahrain"
	case "BGD":
		return "Bangladesh"
	case "BRB":
		return "Barbados"
	case "BLR":
		return "Belarus"
	case "BEL":
		return "Belgium"
	case "BLZ":
		return "Belize"
	case "BEN":
		return "Benin"
	case "BTN":
		return "Bhutan"
	case "BOL":
		return "Bolivia"
	case "BIH":
		return "Bosnia and Herzegovina"
	case "BWA":
		return "Botswana"
	case "BRA":
		return "Brazil"
	case "BRN":
		return "Brunei"
	case "BGR":
		return "Bulgaria"
	case "BFA":
		return "Burkina Faso"
	case "BDI":
		return "Burundi"
	case "CPV":
		return "Cape Verde"
	case "KHM":
		return "Cambodia"
	case "CMR":
		return "Cameroon"
	case "CAN":
		return "Canada"
	case "CAF":
		return "Central African Republic"
	case "TCD":
		return "Chad"
	case "CHL":
		return "Chile"
	case "CHN":
		return "China"
	case "COL":
		return "Colombia"
	case "COM":
		return "Comoros"
	case "COG":
		return "Republic of the Congo"
	case "CRI":
		return "Costa Rica"
	case "CIV":
		return "Ivory Coast"
	case "HRV":
		return "Croatia"
	case "CUB":
		return "Cuba"
	case "CYP":
		return "Cyprus"
	case "CZE":
		return "Czech Republic"
	case "PRK":
		return "North Korea"
	case "COD":
		return "Democratic Republic of the Congo"
	case "DNK":
		return "Denmark"
	case "DJI":
		return "Djibouti"
	case "DMA":
		return "Dominica"
	case "DOM":
		return "Dominican Republic"
	case "ECU":
		return "Ecuador"
	case "EGY":
		return "Egypt"
	case "SLV":
		return "El Salvador"
	case "GNQ":
		return "Equatorial Guinea"
	case "ERI":
		return "Eritrea"
	case "EST":
		return "Estonia"
	case "SWZ":
		return "Eswatini"
	case "ETH":
		return "Ethiopia"
	case "FJI":
		return "Fiji"
	case "FIN":
		return "Finland"
	case "FRA":
		return "France"
	case "GAB":
		return "Gabon"
	case "GMB":
		return "Gambia"
	case "GEO":
		return "Georgia"
	case "DEU":
		return "Germany"
	case "GHA":
		return "Ghana"
	case "GRC":
		return "Greece"
	case "GRD":
		return "Grenada"
	case "GTM":
		return "Guatemala"
	case "GIN":
		return "Guinea"
	case "GNB":
		return "Guinea-Bissau"
	case "GUY":
		return "Guyana"
	case "HTI":
		return "Haiti"
	case "HND":
		return "Honduras"
	case "HUN":
		return "Hungary"
	case "ISL":
		return "Iceland"
	case "IND":
		return "India"
	case "IDN":
		return "Indonesia"
	case "IRN":
		return "Iran"
	case "IRQ":
		return "Iraq"
	case "IRL":
		return "Ireland"
	case "ISR":
		return "Israel"
	case "ITA", "ITL":
		return "Italy"
	case "JAM":
		return "Jamaica"
	case "JPN", "JAP":
		return "Japan"
	case "JOR":
		return "Jordan"
	case "KAZ":
		return "Kazakhstan"
	case "KEN":
		return "Kenya"
	case "KIR":
		return "Kiribati"
	case "KWT":
		return "Kuwait"
	case "KGZ":
		return "Kyrgyzstan"
	case "LAO":
		return "Laos"
	case "LVA":
		return "Latvia"
	case "LBN":
		return "Lebanon"
	case "LSO":
		return "Lesotho"
	case "LBR":
		return "Liberia"
	case "LBY":
		return "Libya"
	case "LIE":
		return "Liechtenstein"
	case "LTU":
		return "Lithuania"
	case "LUX":
		return "Luxembourg"
	case "MDG":
		return "Madagascar"
	case "MWI":
		return "Malawi"
	case "MYS":
		return "Malaysia"
	case "MDV":
		return "Maldives"
	case "MLI":
		return "Mali"
	case "MLT":
		return "Malta"
	case "MHL":
		return "Marshall Islands"
	case "MRT":
		return "Mauritania"
	case "MUS":
		return "Mauritius"
	case "MEX":
		return "Mexico"
	case "FSM":
		return "Micronesia"
	case "MDA":
		return "Moldova"
	case "MCO":
		return "Monaco"
	case "MNG":
		return "Mongolia"
	case "MNE":
		return "Montenegro"
	case "MAR":
		return "Morocco"
	case "MOZ":
		return "Mozambique"
	case "MMR":
		return "Myanmar"
	case "NAM":
		return "Namibia"
	case "NRU":
		return "Nauru"
	case "NPL":
		return "Nepal"
	case "NLD":
		return "Netherlands"
	case "NZL":
		return "New Zealand"
	case "NIC":
		return "Nicaragua"
	case "NER":
		return "Niger"
	case "NGA":
		return "Nigeria"
	case "MKD":
		return "North Macedonia"
	case "NOR":
		return "Norway"
	case "OMN":
		return "Oman"
	case "PAK":
		return "Pakistan"
	case "PLW":
		return "Palau"
	case "PAN":
		return "Panama"
	case "PNG":
		return "Papua New Guinea"
	case "PRY":
		return "Paraguay"
	case "PER":
		return "Peru"
	case "PHL":
		return "Philippines"
	case "POL":
		return "Poland"
	case "PRT":
		return "Portugal"
	case "QAT":
		return "Qatar"
	case "KOR":
		return "South Korea"
	case "ROU":
		return "Romania"
	case "RUS":
		return "Russia"
	case "RWA":
		return "Rwanda"
	case "KNA":
		return "Saint Kitts and Nevis"
	case "LCA":
		return "Saint Lucia"
	case "VCT":
		return "Saint Vincent and the Grenadines"
	case "WSM":
		return "Samoa"
	case "SMR":
		return "San Marino"
	case "STP":
		return "São Tomé and Príncipe"
	case "SAU":
		return "Saudi Arabia"
	case "SEN":
		return "Senegal"
	case "SRB":
		return "Serbia"
	case "SYC":
		return "Seychelles"
	case "SLE":
		return "Sierra Leone"
	case "SGP":
		return "Singapore"
	case "SVK":
		return "Slovakia"
	case "SVN":
		return "Slovenia"
	case "SLB":
		return "Solomon Islands"
	case "SOM":
		return "Somalia"
	case "ZAF":
		return "South Africa"
	case "SSD":
		return "South Sudan"
	case "ESP":
		return "Spain"
	case "LKA":
		return "Sri Lanka"
	case "SDN":
		return "Sudan"
	case "SUR":
		return "Suriname"
	case "SWE":
		return "Sweden"
	case "CHE":
		return "Switzerland"
	case "SYR":
		return "Syria"
	case "TJK":
		return "Tajikistan"
	case "THA":
		return "Thailand"
	case "TLS":
		return "East Timor"
	case "TGO":
		return "Togo"
	case "TON":
		return "Tonga"
	case "TTO":
		return "Trinidad and Tobago"
	case "TUN":
		return "Tunisia"
	case "TUR":
		return "Turkey"
	case "TKM":
		return "Turkmenistan"
	case "TUV":
		return "Tuvalu"
	case "UGA":
		return "Uganda"
	case "UKR":
		return "Ukraine"
	case "ARE":
		return "United Arab Emirates"
	case "GBR":
		return "United Kingdom"
	case "TZA":
		return "Tanzania"
	case "USA":
		return "United States"
	case "URY":
		return "Uruguay"
	case "UZB":
		return "Uzbekistan"
	case "VUT":
		return "Vanuatu"
	case "VEN":
		return "Venezuela"
	case "VNM", "VTN":
		return "Vietnam"
	case "YEM":
		return "Yemen"
	case "ZMB":
		return "Zambia"
	case "ZWE":
		return "Zimbabwe"
	case "VAT":
		return "Vatican City"
	case "PSE":
		return "Palestine"
	case "TWN":
		return "Taiwan"
	case "XKX", "KSV":
		return "Kosovo"
	case "HKG":
		return "Hong Kong"
	case "GRL":
		return "Greenland"
	case "EUR":
		return "Europe"
	}
	return ""
}

// cameoEvent maps a CAMEO event code ("042", "0841") to the PLOVER event
// type the extractor uses, following the CAMEO2PLOVER table with its 2021
// names folded back into the 18 types of PLOVER_GSR_CAMEO: CAMEO 09 is
// INVESTIGATE, 10 DEMAND, 11 DISAPPROVE, 19 FIGHT; 084–087 are RETREAT and
// the rest of 08 CONCEDE. Codes 01 and 02 (statements, appeals) have no
// PLOVER type and give "".
func cameoEvent(code string) string {
	code = strings.TrimSpace(code)
	if len(code) < 2 {
		return ""
	}
	if len(code) >= 3 && code[:2] == "08" && code[2] >= '4' && code[2] <= '7' {
		return extract.Retreat
	}
	switch code[:2] {
	case "03":
		return extract.Agree
	case "04":
		return extract.Consult
	case "05":
		return extract.Support
	case "06":
		return extract.Cooperate
	case "07":
		return extract.Aid
	case "08":
		return extract.Concede
	case "09":
		return extract.Investigate
	case "10":
		return extract.Demand
	case "11":
		return extract.Disapprove
	case "12":
		return extract.Reject
	case "13":
		return extract.Threaten
	case "14":
		return extract.Protest
	case "15":
		return extract.Mobilize
	case "16":
		return extract.Sanction
	case "17":
		return extract.Coerce
	case "18", "20":
		return extract.Assault
	case "19":
		return extract.Fight
	}
	return ""
}
