package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/news"
)

// queryFixtureDB builds the fixture corpus into a new store and returns its
// directory.
func queryFixtureDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "news.db")
	if code, _, stderr := runCLI(t, "", "build", "testdata/articles", "--db", db); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	return db
}

// tsv splits tab-separated output into rows of fields.
func tsv(out string) [][]string {
	var rows [][]string
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if line != "" {
			rows = append(rows, strings.Split(line, "\t"))
		}
	}
	return rows
}

// column returns the values of the named column of TSV rows with a header.
func column(t *testing.T, rows [][]string, name string) []string {
	t.Helper()
	if len(rows) == 0 {
		t.Fatalf("no header")
	}
	i := slices.Index(rows[0], name)
	if i < 0 {
		t.Fatalf("no column %q in header %v", name, rows[0])
	}
	var out []string
	for _, r := range rows[1:] {
		out = append(out, r[i])
	}
	return out
}

// jsonKeys returns the keys of the first object of a JSON array, in order.
func jsonKeys(t *testing.T, out string) []string {
	t.Helper()
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil || len(raw) == 0 {
		t.Fatalf("not a non-empty JSON array (%v):\n%s", err, out)
	}
	dec := json.NewDecoder(bytes.NewReader(raw[0]))
	dec.Token() // {
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// TestQueryCommands runs every query subcommand on the fixture corpus,
// piped (TSV with a header), as JSON, JSON Lines, CSV and an aligned table,
// and checks what each says.
func TestQueryCommands(t *testing.T) {
	db := queryFixtureDB(t)
	tests := []struct {
		name string
		args []string
		// check inspects the piped (TSV) output.
		check func(t *testing.T, rows [][]string)
		// checkJSON inspects the --format json output.
		checkJSON func(t *testing.T, out string)
		// tableHas is text the aligned table must show.
		tableHas []string
	}{
		{
			name: "actors",
			args: []string{"query", "actors", "-n", "2"},
			check: func(t *testing.T, rows [][]string) {
				if want := []string{"Kenya", "Japan"}; !slices.Equal(column(t, rows, "actor"), want) {
					t.Errorf("actors = %v, want %v", column(t, rows, "actor"), want)
				}
			},
			checkJSON: func(t *testing.T, out string) {
				var got []actorRow
				mustJSON(t, out, &got)
				if len(got) != 2 || got[0].ID != "kenya" || got[0].Mentions != 4 || got[0].FirstSeen != "2025-02-03" {
					t.Errorf("actors JSON = %+v", got)
				}
			},
			tableHas: []string{"actor  ", "Kenya  "},
		},
		{
			name: "actor by accented alias",
			args: []string{"query", "actor", "KÉNYA"},
			check: func(t *testing.T, rows [][]string) {
				want := [][]string{
					{"id", "kenya"}, {"name", "Kenya"}, {"type", "GPE"}, {"aliases", "Kenya"},
					{"mentions", "4"}, {"articles", "2"}, {"first_seen", "2025-02-03"}, {"last_seen", "2025-03-11"},
					{"events_in", "AID", "2"}, {"events_in", "AGREE", "1"}, {"events_in", "SUPPORT", "1"},
					{"relation_in", "AID", "Japan", "2", "1", "send", "2025-03-11", "2025-03-11", "japan"},
					{"relation_in", "SUPPORT", "Kari Vestby", "1", "1", "praise", "2025-02-03", "2025-02-03", "kari-vestby"},
					{"relation_in", "AGREE", "Norway", "1", "1", "agree", "2025-02-03", "2025-02-03", "norway"},
				}
				if !reflect.DeepEqual(rows, want) {
					t.Errorf("actor records:\n got %q\nwant %q", rows, want)
				}
			},
			checkJSON: func(t *testing.T, out string) {
				var p actorProfile
				mustJSON(t, out, &p)
				if p.ID != "kenya" || len(p.RelationsIn) != 3 || p.RelationsOut == nil || len(p.RelationsOut) != 0 ||
					p.EventsIn[0] != (eventCount{"AID", 2}) {
					t.Errorf("actor JSON = %+v", p)
				}
				if !strings.Contains(out, `"relations_out": []`) {
					t.Errorf("empty relations_out should print [], got:\n%s", out)
				}
			},
			tableHas: []string{"Kenya (GPE)", "2025-02-03 to 2025-03-11", "events in   AID 2, AGREE 1, SUPPORT 1", "Relations in", "Kari Vestby"},
		},
		{
			name: "actor by surname",
			args: []string{"query", "actor", "muriuki", "-n", "1"},
			check: func(t *testing.T, rows [][]string) {
				if rows[0][1] != "daniel-muriuki" {
					t.Errorf("muriuki resolved to %v", rows[0])
				}
				var rels [][]string
				for _, r := range rows {
					if strings.HasPrefix(r[0], "relation_") {
						rels = append(rels, r)
					}
				}
				if len(rels) != 2 { // -n 1: one out (urge UN), one in (met by Vestby)
					t.Errorf("relations with -n 1: %q", rels)
				}
			},
		},
		{
			name: "relations from",
			args: []string{"query", "relations", "--from", "kari vestby"},
			check: func(t *testing.T, rows [][]string) {
				if got, want := column(t, rows, "to_id"), []string{"daniel-muriuki", "kenya"}; !slices.Equal(got, want) {
					t.Errorf("to_id = %v, want %v", got, want)
				}
				if got := column(t, rows, "event"); !slices.Equal(got, []string{"CONSULT", "SUPPORT"}) {
					t.Errorf("event = %v", got)
				}
			},
			checkJSON: func(t *testing.T, out string) {
				var got []relationRow
				mustJSON(t, out, &got)
				if len(got) != 2 || got[0].From != "Kari Vestby" || got[0].Triples != 1 || got[0].Predicate != "meet" {
					t.Errorf("relations JSON = %+v", got)
				}
			},
			tableHas: []string{"from         to", "Kari Vestby  Daniel Muriuki  CONSULT"},
		},
		{
			name: "relations filtered",
			args: []string{"query", "relations", "--event", "threaten", "--since", "2025-03", "--until", "2025"},
			check: func(t *testing.T, rows [][]string) {
				if got := column(t, rows, "from_id"); !slices.Equal(got, []string{"selim-aydan", "turkey"}) {
					t.Errorf("threats from %v", got)
				}
			},
		},
		{
			name: "relations hypothetical",
			args: []string{"query", "relations", "--to", "canada", "--include-hypothetical", "-n", "1"},
			check: func(t *testing.T, rows [][]string) {
				if got := column(t, rows, "hedged"); !slices.Equal(got, []string{"1"}) || column(t, rows, "from")[0] != "Germany" {
					t.Errorf("hedged relation to Canada: %q", rows)
				}
			},
		},
		{
			name: "evidence both ways",
			args: []string{"query", "evidence", "kenya", "japan", "--both"},
			check: func(t *testing.T, rows [][]string) {
				// The headline and the body sentence both report the aid.
				if got := column(t, rows, "sentence"); !slices.Equal(got, []string{"Japan sends aid to Kenya", "Japan sent medical aid to Kenya on Tuesday."}) {
					t.Errorf("sentences = %q", got)
				}
				if got := column(t, rows, "url"); got[0] != "https://example.org/aid-1" {
					t.Errorf("url = %q", got)
				}
			},
			checkJSON: func(t *testing.T, out string) {
				var got []evidenceRow
				mustJSON(t, out, &got)
				want := evidenceRow{Date: "2025-03-11", From: "Japan", Predicate: "send", To: "Kenya", Event: "AID",
					Sentence: "Japan sent medical aid to Kenya on Tuesday.", ArticleID: "aid-1", Title: "Japan sends aid to Kenya",
					URL: "https://example.org/aid-1", SentenceIndex: 1, FromID: "japan", ToID: "kenya"}
				if len(got) != 2 {
					t.Fatalf("evidence JSON = %+v, want the headline and the body sentence", got)
				}
				want.Confidence = got[1].Confidence
				if got[1] != want || got[0].Sentence != "Japan sends aid to Kenya" || got[0].SentenceIndex != 0 {
					t.Errorf("evidence JSON = %+v\nwant %+v", got, want)
				}
			},
			tableHas: []string{"Japan sent medical aid to Kenya on Tuesday.", "aid-1"},
		},
		{
			name: "evidence negated",
			args: []string{"query", "evidence", "germany", "canada", "--include-hypothetical"},
			check: func(t *testing.T, rows [][]string) {
				if got := column(t, rows, "negated"); !slices.Equal(got, []string{"true"}) {
					t.Errorf("negated = %q", got)
				}
			},
		},
		{
			name: "path",
			args: []string{"query", "path", "Kari Vestby", "United Nations"},
			check: func(t *testing.T, rows [][]string) {
				if got, want := column(t, rows, "to_id"), []string{"daniel-muriuki", "united-nations"}; !slices.Equal(got, want) {
					t.Errorf("hops to %v, want %v", got, want)
				}
				if got := column(t, rows, "predicate"); !slices.Equal(got, []string{"meet", "urge"}) {
					t.Errorf("predicates %v", got)
				}
			},
			checkJSON: func(t *testing.T, out string) {
				var got []pathResult
				mustJSON(t, out, &got)
				if len(got) != 1 || got[0].Length != 2 || !slices.Equal(got[0].ActorIDs, []string{"kari-vestby", "daniel-muriuki", "united-nations"}) ||
					got[0].Hops[1].Sentence != "Muriuki urged the United Nations to send observers." {
					t.Errorf("path JSON = %+v", got)
				}
			},
			tableHas: []string{"Path 1 of 1, 2 hops: Kari Vestby – Daniel Muriuki – United Nations", "→ urge →"},
		},
		{
			name: "path against direction",
			args: []string{"query", "path", "japan", "world health organization"},
			check: func(t *testing.T, rows [][]string) {
				if got := column(t, rows, "direction"); !slices.Equal(got, []string{"in"}) {
					t.Errorf("direction = %v", got)
				}
			},
		},
		{
			name: "path by co-mention",
			args: []string{"query", "path", "turkey", "canada", "--graph", "comention"},
			check: func(t *testing.T, rows [][]string) {
				if got := column(t, rows, "direction"); !slices.Equal(got, []string{"comention"}) ||
					column(t, rows, "sentence")[0] != "Canada criticised Turkey for the remarks." {
					t.Errorf("co-mention path: %q", rows)
				}
			},
		},
		{
			name: "top",
			args: []string{"query", "top", "-n", "3"},
			check: func(t *testing.T, rows [][]string) {
				if got := column(t, rows, "id"); len(got) != 3 || got[0] != "kenya" {
					t.Errorf("top ids = %v", got)
				}
				if got := column(t, rows, "rank"); !slices.Equal(got, []string{"1", "2", "3"}) {
					t.Errorf("ranks = %v", got)
				}
			},
			checkJSON: func(t *testing.T, out string) {
				var got []topRow
				mustJSON(t, out, &got)
				if len(got) != 3 || got[0].Measure != "pagerank" || got[0].Value <= got[2].Value {
					t.Errorf("top JSON = %+v", got)
				}
			},
			tableHas: []string{"rank  actor", "Kenya"},
		},
		{
			name: "top by mentions",
			args: []string{"query", "top", "--by", "mentions", "-n", "2"},
			check: func(t *testing.T, rows [][]string) {
				if got := column(t, rows, "value"); !slices.Equal(got, []string{"4", "3"}) {
					t.Errorf("values = %v", got)
				}
			},
		},
		{
			name: "timeline",
			args: []string{"query", "timeline", "kenya"},
			check: func(t *testing.T, rows [][]string) {
				want := [][]string{{"bucket", "start", "out", "in", "total"}, {"2025-02", "2025-02-01", "0", "2", "2"}, {"2025-03", "2025-03-01", "0", "2", "2"}}
				if !reflect.DeepEqual(rows, want) {
					t.Errorf("timeline = %q, want %q", rows, want)
				}
			},
			checkJSON: func(t *testing.T, out string) {
				var got []timelineRow
				mustJSON(t, out, &got)
				if len(got) != 2 || got[1] != (timelineRow{"2025-03", "2025-03-01", 0, 2, 2}) {
					t.Errorf("timeline JSON = %+v", got)
				}
			},
			tableHas: []string{"2025-02  0    2   2      ████████████████████████████████████████"},
		},
		{
			name: "quotes",
			args: []string{"query", "quotes", "selim aydan"},
			check: func(t *testing.T, rows [][]string) {
				if got := column(t, rows, "text"); !reflect.DeepEqual(got, []string{"NATO against sending warships into the strait", "the patrols were unnecessary"}) {
					t.Errorf("quotes text = %q", got)
				}
				if got := column(t, rows, "sentence_index"); !reflect.DeepEqual(got, []string{"1", "2"}) {
					t.Errorf("quotes sentence_index = %q", got)
				}
			},
			checkJSON: func(t *testing.T, out string) {
				var got []quoteRow
				mustJSON(t, out, &got)
				if len(got) != 2 || got[1].Verb != "say" || got[1].Sentence != "Aydan said the patrols were unnecessary." {
					t.Errorf("quotes JSON = %+v", got)
				}
			},
			tableHas: []string{"Selim Aydan  say"},
		},
		{
			name: "timeline of a pair by week",
			args: []string{"query", "timeline", "kari vestby", "kenya", "--bucket", "week"},
			check: func(t *testing.T, rows [][]string) {
				want := [][]string{{"bucket", "start", "out", "in", "total"}, {"2025-W06", "2025-02-03", "1", "0", "1"}}
				if !reflect.DeepEqual(rows, want) {
					t.Errorf("timeline = %q, want %q", rows, want)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(slices.Clone(tt.args), "--db", db)
			code, out, stderr := runCLI(t, "", args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if tt.check != nil {
				tt.check(t, tsv(out))
			}
			code, jsonOut, stderr := runCLI(t, "", append(args, "--format", "json")...)
			if code != 0 {
				t.Fatalf("--format json: exit %d: %s", code, stderr)
			}
			if tt.checkJSON != nil {
				tt.checkJSON(t, jsonOut)
			}
			code, jsonl, stderr := runCLI(t, "", append(args, "--format", "jsonl")...)
			if code != 0 {
				t.Fatalf("--format jsonl: exit %d: %s", code, stderr)
			}
			checkJSONLines(t, jsonOut, jsonl)
			code, csvOut, stderr := runCLI(t, "", append(args, "--format", "csv")...)
			if code != 0 {
				t.Fatalf("--format csv: exit %d: %s", code, stderr)
			}
			cr := csv.NewReader(strings.NewReader(csvOut))
			cr.FieldsPerRecord = -1 // query actor's records vary in length
			recs, err := cr.ReadAll()
			if err != nil {
				t.Fatalf("--format csv does not parse: %v\n%s", err, csvOut)
			}
			if !reflect.DeepEqual(recs, tsv(out)) {
				t.Errorf("CSV and TSV differ:\n csv %q\n tsv %q", recs, tsv(out))
			}
			code, table, stderr := runCLI(t, "", append(args, "--format", "table")...)
			if code != 0 {
				t.Fatalf("--format table: exit %d: %s", code, stderr)
			}
			if strings.Contains(table, "\t") {
				t.Errorf("aligned table holds tabs:\n%s", table)
			}
			for _, s := range tt.tableHas {
				if !strings.Contains(table, s) {
					t.Errorf("table lacks %q:\n%s", s, table)
				}
			}
		})
	}
}

func mustJSON(t *testing.T, out string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
}

// checkJSONLines checks that JSON Lines output holds the same values as
// the JSON output: the array's elements one a line, or the one object.
func checkJSONLines(t *testing.T, jsonOut, jsonl string) {
	t.Helper()
	var whole any
	mustJSON(t, jsonOut, &whole)
	var lines []any
	for _, l := range strings.Split(strings.TrimRight(jsonl, "\n"), "\n") {
		var v any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("jsonl line %q: %v", l, err)
		}
		lines = append(lines, v)
	}
	if arr, ok := whole.([]any); ok {
		if !reflect.DeepEqual(arr, lines) {
			t.Errorf("jsonl differs from json:\n%s\n%s", jsonl, jsonOut)
		}
	} else if len(lines) != 1 || !reflect.DeepEqual(lines[0], whole) {
		t.Errorf("jsonl of an object should be that object on one line:\n%s", jsonl)
	}
}

// TestQueryFieldNames: the TSV and CSV headers are the JSON field names, in
// the same order, for every command that writes records.
func TestQueryFieldNames(t *testing.T) {
	db := queryFixtureDB(t)
	for _, args := range [][]string{
		{"query", "actors"},
		{"query", "relations"},
		{"query", "evidence", "japan", "kenya"},
		{"query", "path", "kari-vestby", "united-nations"},
		{"query", "top"},
		{"query", "timeline", "kenya"},
		{"query", "quotes", "selim-aydan"},
	} {
		t.Run(strings.Join(args[1:], " "), func(t *testing.T) {
			args = append(args, "--db", db)
			_, out, _ := runCLI(t, "", args...)
			_, jsonOut, _ := runCLI(t, "", append(args, "--format", "json")...)
			header := tsv(out)[0]
			keys := jsonKeys(t, jsonOut)
			if args[1] == "path" {
				var paths []pathResult
				mustJSON(t, jsonOut, &paths)
				b, _ := json.Marshal([]pathHop{paths[0].Hops[0]})
				keys = jsonKeys(t, string(b))
			}
			if !slices.Equal(header, keys) {
				t.Errorf("TSV header %v, JSON keys %v", header, keys)
			}
			for _, k := range keys {
				if k != strings.ToLower(k) || strings.ContainsAny(k, " -") {
					t.Errorf("field %q is not snake_case", k)
				}
			}
		})
	}
}

// TestQueryNothingMatched: a query that finds nothing exits 1 with one line
// on stderr saying why, and prints nothing on stdout.
func TestQueryNothingMatched(t *testing.T) {
	db := queryFixtureDB(t)
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"misspelt actor", []string{"query", "actor", "Kenia"}, `no actor is called "Kenia"; did you mean Kenya (kenya)`},
		{"prefix suggestion", []string{"query", "actor", "selim a"}, "did you mean Selim Aydan (selim-aydan)"},
		{"no such actor", []string{"query", "actor", "Atlantis"}, `no actor is called "Atlantis" (see`},
		{"unknown --from", []string{"query", "relations", "--from", "Norwey"}, "did you mean Norway (norway)"},
		{"no relations", []string{"query", "relations", "--from", "kenya"}, "no relations match from kenya"},
		{"hedged only", []string{"query", "relations", "--from", "germany"}, "see --include-hypothetical"},
		{"no evidence", []string{"query", "evidence", "kenya", "japan"}, "no sentence supports Kenya → Japan"},
		{"no path", []string{"query", "path", "kenya", "nato"}, "no path from Kenya to NATO within 6 hops"},
		{"no directed path", []string{"query", "path", "kenya", "japan", "--directed"}, "following direction"},
		{"empty timeline", []string{"query", "timeline", "kenya", "--event", "fight"}, "no dated relations of Kenya"},
		{"no quotes", []string{"query", "quotes", "kenya"}, "no statement of Kenya is stored"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, "", append(tt.args, "--db", db)...)
			if code != 1 || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want exit 1 mentioning %q", code, stderr, tt.msg)
			}
			if out != "" {
				t.Errorf("stdout should be empty, got %q", out)
			}
			if strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("message is not one line: %q", stderr)
			}
		})
	}
}

// TestQueryUsage: misuse exits 2 before the store is opened.
func TestQueryUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"actor without name", []string{"query", "actor"}, "missing NAME"},
		{"evidence with one actor", []string{"query", "evidence", "x"}, "missing Y"},
		{"path with three", []string{"query", "path", "a", "b", "c"}, "too many arguments"},
		{"timeline without actor", []string{"query", "timeline"}, "missing X"},
		{"bad format", []string{"query", "relations", "--format", "xml"}, `--format "xml"`},
		{"bad event", []string{"query", "relations", "--event", "hug"}, `--event "HUG": not a PLOVER event type`},
		{"bad date", []string{"query", "relations", "--since", "yesterday"}, "--since"},
		{"dates reversed", []string{"query", "relations", "--since", "2025-03", "--until", "2025-02"}, "is after --until"},
		{"bad bucket", []string{"query", "timeline", "x", "--bucket", "year"}, "--bucket"},
		{"bad graph", []string{"query", "path", "a", "b", "--graph", "tree"}, "unknown graph kind"},
		{"directed co-mention", []string{"query", "path", "a", "b", "--graph", "comention", "--directed"}, "apply to --graph relations"},
		{"unknown flag", []string{"query", "top", "--bogus"}, "unknown flag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", append(tt.args, "--db", "/nonexistent/db")...)
			if code != 2 || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want exit 2 mentioning %q", code, stderr, tt.msg)
			}
		})
	}
}

// TestQueryTopUnknownMeasure: a measure the graph does not have is a usage
// error naming the ones it has.
func TestQueryTopUnknownMeasure(t *testing.T) {
	db := queryFixtureDB(t)
	code, out, stderr := runCLI(t, "", "query", "top", "--by", "charisma", "--db", db)
	if code != 2 || out != "" || !strings.Contains(stderr, `--by "charisma": no such measure`) || !strings.Contains(stderr, "pagerank") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

// TestQueryWhileBuilding: a query against a store that another process is
// writing (here the test itself, as a build would) answers from the state
// published before, without waiting and without the writer's uncommitted
// changes; once the writer commits, queries see them.
func TestQueryWhileBuilding(t *testing.T) {
	db := queryFixtureDB(t)
	st, err := openWriter(db, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Ingest(context.Background(), killedBuildArticle()); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"query", "actors"},
		{"query", "actor", "kenya"},
		{"query", "relations", "--from", "japan"},
		{"query", "top"},
	} {
		code, out, stderr := runCLI(t, "", append(args, "--db", db)...)
		if code != 0 || out == "" || stderr != "" {
			t.Errorf("%v during a write: exit %d, stdout %q, stderr %q; want the published state", args, code, out, stderr)
		}
	}
	if code, out, _ := runCLI(t, "", "query", "evidence", "kenya", "japan", "--db", db); strings.Contains(out, "Kenya met Japan.") {
		t.Errorf("query during a write sees the uncommitted article (exit %d): %q", code, out)
	}
	// A second writer is refused, naming the first.
	code, _, stderr := runCLI(t, "", "build", "testdata/articles", "--db", db)
	want := fmt.Sprintf("is being written by pid %d (", os.Getpid())
	if code != exitLocked || !strings.Contains(stderr, want) || !strings.Contains(stderr, "--wait DURATION waits for it") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("build beside a writer: exit %d, stderr %q; want exit %d and one line with %q", code, stderr, exitLocked, want)
	}
	if strings.Contains(stderr, "badger") || strings.Contains(strings.ToLower(stderr), "another process is using") {
		t.Errorf("badger's message leaked: %q", stderr)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := runCLI(t, "", "query", "evidence", "kenya", "japan", "--db", db); code != 0 || !strings.Contains(out, "Kenya met Japan.") {
		t.Errorf("query after the writer committed: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

// killedBuildArticle is an article the fixture corpus lacks.
func killedBuildArticle() news.Extraction {
	return news.Extraction{Article: news.Article{ID: "k1", Date: "2025-01-02", Text: "Kenya met Japan."},
		Mentions: []news.Mention{{ActorID: "kenya", Name: "Kenya", Type: news.GPE, Text: "Kenya"},
			{ActorID: "japan", Name: "Japan", Type: news.GPE, Text: "Japan", Start: 10, End: 15}},
		Triples: []news.Triple{{Sentence: "Kenya met Japan.", SubjectID: "kenya", Subject: "Kenya", Predicate: "meet",
			ObjectID: "japan", Object: "Japan", Event: "CONSULT", Confidence: 0.9, Date: "2025-01-02"}}}
}

// TestQueryHelp: every query command documents its fields, examples and
// exit statuses.
func TestQueryHelp(t *testing.T) {
	for _, cmd := range []string{"actors", "actor", "relations", "evidence", "path", "top", "timeline", "quotes"} {
		code, out, _ := runCLI(t, "", "query", cmd, "--help")
		for _, s := range []string{"Examples:", "Exit status", "Fields", "75", "--format"} {
			if code != 0 || !strings.Contains(out, s) {
				t.Errorf("query %s --help: exit %d, lacks %q", cmd, code, s)
			}
		}
	}
}

// TestQueryTTY: on a terminal the commands print aligned tables without
// being asked (and the timeline its bars); piped, TSV.
func TestQueryTTY(t *testing.T) {
	db := queryFixtureDB(t)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"query", "actors", "-n", "1"}, []string{"actor  type  mentions  articles  first_seen  last_seen   id\nKenya  GPE   4 "}},
		{[]string{"query", "relations", "--from", "japan"}, []string{"from   to     event  triples"}},
		{[]string{"query", "timeline", "kenya"}, []string{"bucket   out  in  total", "████"}},
		{[]string{"query", "actor", "japan"}, []string{"Japan (GPE)", "Relations out"}},
	}
	for _, tt := range tests {
		out := runOnTerminal(t, append(tt.args, "--db", db)...)
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v on a terminal lacks %q:\n%s", tt.args, w, out)
			}
		}
		if strings.Contains(out, "\t") {
			t.Errorf("%v on a terminal printed tabs:\n%s", tt.args, out)
		}
	}
}

// TestQueryAfterKilledBuild: a build that dies before it publishes (here
// a child process that stores an article and exits) leaves the store as it
// was: queries answer from the published state with no note and no
// recovery, and the next build carries on.
func TestQueryAfterKilledBuild(t *testing.T) {
	if dir := os.Getenv("NEWSGRAPH_KILLED_BUILD"); dir != "" {
		st, err := openWriter(dir, 0)
		if err != nil {
			os.Exit(2)
		}
		if _, err := st.Ingest(context.Background(), killedBuildArticle()); err != nil {
			os.Exit(2)
		}
		os.Exit(0) // killed: no Commit, no Close
	}
	db := queryFixtureDB(t)
	_, before, _ := runCLI(t, "", "query", "actors", "--db", db)
	cmd := exec.Command(os.Args[0], "-test.run=^TestQueryAfterKilledBuild$")
	cmd.Env = append(os.Environ(), "NEWSGRAPH_KILLED_BUILD="+db)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("writer child: %v\n%s", err, out)
	}
	code, out, stderr := runCLI(t, "", "query", "actors", "--db", db)
	if code != 0 || out != before || stderr != "" {
		t.Errorf("query after a killed build: exit %d, stderr %q, stdout changed: %v", code, stderr, out != before)
	}
	if code, out, _ := runCLI(t, "", "query", "evidence", "kenya", "japan", "--db", db); strings.Contains(out, "Kenya met Japan.") {
		t.Errorf("the killed build's article was published (exit %d)", code)
	}
	if code, out, stderr := runCLI(t, "", "build", "testdata/articles", "--db", db); code != 0 || !strings.Contains(out, "0 new, 0 changed") {
		t.Errorf("build after a killed build: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

// TestQueryPathSameActor: two names of one actor make no path.
func TestQueryPathSameActor(t *testing.T) {
	db := queryFixtureDB(t)
	code, _, stderr := runCLI(t, "", "query", "path", "muriuki", "Daniel Muriuki", "--db", db)
	if code != 2 || !strings.Contains(stderr, "are the same actor, Daniel Muriuki (daniel-muriuki)") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestQueryLeadingArticle resolves "the Kenya" as "Kenya": mentions are
// stored without their article ("the Kremlin" as "Kremlin").
func TestQueryLeadingArticle(t *testing.T) {
	db := queryFixtureDB(t)
	code, stdout, stderr := runCLI(t, "", "query", "actor", "The KENYA", "--db", db)
	if code != 0 || !strings.Contains(stdout, "id\tkenya") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
