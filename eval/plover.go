package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/news"
)

// Actor is one actor of a benchmark record.
type Actor struct {
	Text string `json:"text,omitempty"` // as written in the record ("Hungarian"); empty for code-only records
	Code string `json:"code,omitempty"` // CAMEO actor code ("HUN", "RUSGOV")
	Name string `json:"name,omitempty"` // canonical actor the code stands for, set for code-only records
}

// label returns the text, or the name for code-only actors.
func (a Actor) label() string {
	if a.Text != "" {
		return a.Text
	}
	if a.Name != "" {
		return a.Name
	}
	return a.Code
}

// Pair is one source → target relation a record expects.
type Pair struct {
	Sources []Actor `json:"sources"`
	Targets []Actor `json:"targets"`
	// Either marks compound actors that act on each other (PLOVER
	// "SRC/TAR" markup): Targets equals Sources, either direction counts,
	// and subject and object must name different actors when there are
	// several.
	Either bool   `json:"either,omitempty"`
	Event  string `json:"event"` // PLOVER event type, "" when the coding has none
}

// Record is one benchmark sentence, scored as one article.
type Record struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Event string `json:"event"` // PLOVER type used for the per-event breakdown; "" when none
	Pairs []Pair `json:"pairs"` // the relations expected; empty for negatives and unscorable records
	// Negative marks records coded as holding no event: every triple
	// extracted from them is a false positive.
	Negative bool `json:"negative,omitempty"`
	Line     int  `json:"line"` // 1-based line of the record in its file
}

// scorable reports whether the record takes part in scoring.
func (r Record) scorable() bool { return len(r.Pairs) > 0 || r.Negative }

// uniqueID returns id, or when seen already holds it, id with the first
// free suffix "#2", "#3", …, and records the result in seen.
func uniqueID(seen map[string]bool, id string) string {
	out := id
	for n := 2; seen[out]; n++ {
		out = fmt.Sprintf("%s#%d", id, n)
	}
	seen[out] = true
	return out
}

// Plover is an event-coding benchmark: one record per sentence.
type Plover struct {
	Records []Record
	// Gazetteer resolves demonyms, aliases and capitals when names are
	// compared. Nil means the built-in gazetteer with institutions folded
	// into their country, as the extractor uses by default.
	Gazetteer *gazetteer.Gazetteer
}

// ploverWire is the wire form of one PLOVER_GSR_CAMEO record. Source and
// target are usually lists of actors but are sometimes "" or a stray word;
// textInfo is usually an object with "markup" but once a plain string.
type ploverWire struct {
	ID       *string         `json:"id"`
	Event    string          `json:"event"`
	Text     *string         `json:"text"`
	Source   json.RawMessage `json:"source"`
	Target   json.RawMessage `json:"target"`
	TextInfo json.RawMessage `json:"textInfo"`
}

// ploverActor is the wire form of one actor.
type ploverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
}

// ParsePlover reads PLOVER_GSR_CAMEO.json: a JSON array of records, of
// which DOCUMENT records (the header) are skipped. name is used in errors,
// which give the line of the bad record.
func ParsePlover(name string, data []byte) (*Plover, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, &LineError{File: name, Line: 1, Err: errors.New("want a JSON array of records")}
	}
	p := &Plover{Records: []Record{}}
	seen := map[string]bool{}
	for dec.More() {
		start := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, &LineError{File: name, Line: lineAt(data, syntaxOffset(err, start)), Err: err}
		}
		line := lineAt(data, start+int64(len(data[start:])-len(bytes.TrimLeft(data[start:], " \t\r\n,"))))
		rec, ok, err := ploverRecord(raw)
		if err != nil {
			return nil, &LineError{File: name, Line: line, Err: err}
		}
		if !ok {
			continue
		}
		rec.ID = uniqueID(seen, rec.ID)
		rec.Line = line
		p.Records = append(p.Records, rec)
	}
	if _, err := dec.Token(); err != nil {
		return nil, &LineError{File: name, Line: lineAt(data, syntaxOffset(err, dec.InputOffset())), Err: err}
	}
	return p, nil
}

// syntaxOffset returns the offset a JSON error names, or def.
func syntaxOffset(err error, def int64) int64 {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se.Offset
	}
	return def
}

// ploverRecord converts one record; ok is false for DOCUMENT records.
func ploverRecord(raw json.RawMessage) (Record, bool, error) {
	var w ploverWire
	if err := json.Unmarshal(raw, &w); err != nil {
		return Record{}, false, fmt.Errorf("invalid record: %w", err)
	}
	if w.Event == "DOCUMENT" {
		return Record{}, false, nil
	}
	switch {
	case w.ID == nil || strings.TrimSpace(*w.ID) == "":
		return Record{}, false, errors.New("record without an id")
	case w.Text == nil:
		return Record{}, false, fmt.Errorf("record %s has no text field", *w.ID)
	case strings.TrimSpace(*w.Text) == "":
		return Record{ID: *w.ID, Event: w.Event, Pairs: []Pair{}}, true, nil // not scorable
	}
	sources, err := ploverActors(w.Source)
	if err != nil {
		return Record{}, false, fmt.Errorf("record %s: source: %w", *w.ID, err)
	}
	targets, err := ploverActors(w.Target)
	if err != nil {
		return Record{}, false, fmt.Errorf("record %s: target: %w", *w.ID, err)
	}
	rec := Record{ID: *w.ID, Text: *w.Text, Event: w.Event, Pairs: []Pair{}}
	if strings.Contains(markup(w.TextInfo), "SRC/TAR") {
		all := append(sources, targets...)
		if len(all) > 0 {
			rec.Pairs = append(rec.Pairs, Pair{Sources: all, Targets: all, Either: true, Event: w.Event})
		}
	} else if len(sources) > 0 && len(targets) > 0 {
		rec.Pairs = append(rec.Pairs, Pair{Sources: sources, Targets: targets, Event: w.Event})
	}
	return rec, true, nil
}

// ploverActors reads a source or target list. Anything but a list (absent,
// null, "" or a stray word) means no actors.
func ploverActors(raw json.RawMessage) ([]Actor, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return nil, nil
	}
	var list []ploverActor
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("want a list of actors: %w", err)
	}
	var out []Actor
	for _, a := range list {
		if strings.TrimSpace(a.ActorText) == "" {
			continue
		}
		out = append(out, Actor{Text: strings.TrimSpace(a.ActorText), Code: a.Code})
	}
	return out, nil
}

// markup returns the record's SRC/TAR/EVT markup: textInfo.markup, or
// textInfo itself when it is a string.
func markup(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var obj struct {
		Markup string `json:"markup"`
	}
	if json.Unmarshal(raw, &obj) == nil {
		return obj.Markup
	}
	return ""
}

// gsrWire is the wire form of one GSR validation line.
type gsrWire struct {
	ID     *string `json:"id"`
	Text   *string `json:"text"`
	Events []struct {
		EventCode  string `json:"eventcode"`
		SourceCode string `json:"sourcecode"`
		TargetCode string `json:"targetcode"`
		NoEvents   string `json:"noevents"`
	} `json:"events"`
}

// ParseGSR reads the PETRARCH GSR validation sentences: JSON Lines with id,
// text and events (eventcode, sourcecode, targetcode, or noevents). Codes
// are mapped to actors and event types as the package documentation
// describes. name is used in errors.
func ParseGSR(name string, r io.Reader) (*Plover, error) {
	p := &Plover{Records: []Record{}}
	seen := map[string]bool{}
	err := eachLine(name, r, func(n int, line []byte) error {
		rec, err := gsrRecord(line)
		if err != nil {
			return err
		}
		rec.ID = uniqueID(seen, rec.ID)
		rec.Line = n
		p.Records = append(p.Records, rec)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// gsrRecord converts one GSR line.
func gsrRecord(line []byte) (Record, error) {
	var w gsrWire
	if err := json.Unmarshal(line, &w); err != nil {
		return Record{}, fmt.Errorf("invalid JSON: %w", err)
	}
	switch {
	case w.ID == nil || strings.TrimSpace(*w.ID) == "":
		return Record{}, errors.New("record without an id")
	case w.Text == nil:
		return Record{}, fmt.Errorf("record %s has no text field", *w.ID)
	case strings.TrimSpace(*w.Text) == "":
		return Record{ID: *w.ID, Pairs: []Pair{}}, nil // not scorable
	}
	rec := Record{ID: *w.ID, Text: *w.Text, Pairs: []Pair{}}
	noEvents, coded := false, 0
	for _, e := range w.Events {
		if strings.EqualFold(e.NoEvents, "true") {
			noEvents = true
			continue
		}
		coded++
		src := Actor{Code: e.SourceCode, Name: codeActor(e.SourceCode)}
		tgt := Actor{Code: e.TargetCode, Name: codeActor(e.TargetCode)}
		if src.Name == "" || tgt.Name == "" || src.Name == tgt.Name {
			continue // an unknown actor, or one country on both sides: not scored
		}
		pr := Pair{Sources: []Actor{src}, Targets: []Actor{tgt}, Event: cameoEvent(e.EventCode)}
		if !slices.ContainsFunc(rec.Pairs, func(q Pair) bool {
			return q.Event == pr.Event && q.Sources[0] == src && q.Targets[0] == tgt
		}) {
			rec.Pairs = append(rec.Pairs, pr)
		}
	}
	if len(rec.Pairs) > 0 {
		rec.Event = rec.Pairs[0].Event
	} else {
		rec.Negative = noEvents && coded == 0
	}
	return rec, nil
}

// LoadPlover reads a benchmark file: PLOVER_GSR_CAMEO.json when its first
// non-space byte is '[', the GSR validation JSON Lines when it is '{'.
func LoadPlover(path string) (*Plover, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("benchmark: %w", err)
	}
	switch t := bytes.TrimLeft(data, " \t\r\n\ufeff"); {
	case len(t) > 0 && t[0] == '[':
		return ParsePlover(path, data)
	case len(t) > 0 && t[0] == '{':
		return ParseGSR(path, bytes.NewReader(data))
	}
	return nil, fmt.Errorf("%s: neither a PLOVER JSON array nor GSR JSON Lines", path)
}

// Articles returns one article per scorable record (ID and Text), in file
// order: the input to extract before calling Score.
func (p *Plover) Articles() []news.Article {
	var out []news.Article
	for _, r := range p.Records {
		if r.scorable() {
			out = append(out, news.Article{ID: r.ID, Text: r.Text})
		}
	}
	return out
}
