package source

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// flatObject decodes line as encoding/json decodes a JSON object into
// map[string]any with UseNumber, when line is an object of the common
// kind: its values strings, numbers, true, false or null, its strings
// valid UTF-8 without escaped surrogates. For anything else (nested
// values, invalid JSON, text to repair) it reports false, and the caller
// decodes with encoding/json, which says what is wrong. A no-change
// rebuild of JSON Lines spends most of its time decoding them: this takes
// a third of encoding/json's time for such lines (BenchmarkReadJSONL).
func flatObject(line []byte) (map[string]any, bool) {
	p := flatParser{b: line}
	p.space()
	if !p.byte('{') {
		return nil, false
	}
	obj := make(map[string]any, 8)
	p.space()
	if p.byte('}') {
		return obj, p.end()
	}
	for {
		p.space()
		key, ok := p.string()
		if !ok {
			return nil, false
		}
		p.space()
		if !p.byte(':') {
			return nil, false
		}
		p.space()
		v, ok := p.value()
		if !ok {
			return nil, false
		}
		obj[key] = v
		p.space()
		if p.byte('}') {
			return obj, p.end()
		}
		if !p.byte(',') {
			return nil, false
		}
	}
}

// flatParser reads b from i on.
type flatParser struct {
	b []byte
	i int
}

// space skips JSON's white space.
func (p *flatParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// byte consumes c if it comes next.
func (p *flatParser) byte(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (p *flatParser) end() bool {
	p.space()
	return p.i == len(p.b)
}

// value reads a string, number, true, false or null.
func (p *flatParser) value() (any, bool) {
	if p.i == len(p.b) {
		return nil, false
	}
	switch c := p.b[p.i]; {
	case c == '"':
		return p.string()
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	for _, lit := range [...]struct {
		text  string
		value any
	}{{"true", true}, {"false", false}, {"null", nil}} {
		if len(p.b)-p.i >= len(lit.text) && string(p.b[p.i:p.i+len(lit.text)]) == lit.text {
			p.i += len(lit.text)
			return lit.value, true
		}
	}
	return nil, false
}

// number reads a number as its text, which is what UseNumber gives.
func (p *flatParser) number() (json.Number, bool) {
	start := p.i
	p.byte('-')
	switch {
	case p.byte('0'):
	case p.digits() == 0:
		return "", false
	}
	if p.byte('.') && p.digits() == 0 {
		return "", false
	}
	if p.byte('e') || p.byte('E') {
		if !p.byte('+') {
			p.byte('-')
		}
		if p.digits() == 0 {
			return "", false
		}
	}
	return json.Number(p.b[start:p.i]), true
}

// digits consumes a run of ASCII digits and returns its length.
func (p *flatParser) digits() int {
	start := p.i
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		p.i++
	}
	return p.i - start
}

// string reads a string: valid UTF-8, escapes other than of surrogates.
func (p *flatParser) string() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start := p.i
	ascii := true
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			s := p.b[start:p.i]
			p.i++
			if !ascii && !utf8.Valid(s) {
				return "", false // encoding/json replaces the bad bytes
			}
			return string(s), true
		case c == '\\':
			return p.escapedString(start)
		case c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
		p.i++
	}
	return "", false
}

// escapedString reads the rest of a string that started at start and has
// an escape at p.i.
func (p *flatParser) escapedString(start int) (string, bool) {
	// Escapes only shorten the text: the rest of the line is room enough.
	out := make([]byte, 0, len(p.b)-start)
	out = append(out, p.b[start:p.i]...)
	for p.i < len(p.b) {
		run := p.i
		for run < len(p.b) && p.b[run] >= 0x20 && p.b[run] != '"' && p.b[run] != '\\' {
			run++
		}
		out = append(out, p.b[p.i:run]...)
		p.i = run
		if p.i == len(p.b) {
			break
		}
		switch c := p.b[p.i]; {
		case c == '"':
			p.i++
			if !utf8.Valid(out) {
				return "", false
			}
			return string(out), true
		case c < 0x20:
			return "", false
		}
		if p.i+1 == len(p.b) {
			return "", false
		}
		e := p.b[p.i+1]
		p.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			if len(p.b)-p.i < 4 {
				return "", false
			}
			r, err := strconv.ParseUint(string(p.b[p.i:p.i+4]), 16, 16)
			if err != nil || r >= 0xd800 && r < 0xe000 {
				return "", false
			}
			out = utf8.AppendRune(out, rune(r))
			p.i += 4
		default:
			return "", false
		}
	}
	return "", false
}
