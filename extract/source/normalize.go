package source

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	textunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// sniffLen is how much of a file the binary check looks at.
const sniffLen = 8 << 10

// decodeBytes turns a file's raw bytes into UTF-8 ready for normalize: it
// strips a UTF-8 byte order mark and decodes UTF-16 with a byte order mark.
// It returns ErrBinary for content that looks binary.
func decodeBytes(data []byte) ([]byte, error) {
	if bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM) {
		out, _, err := transform.Bytes(textunicode.UTF16(textunicode.LittleEndian, textunicode.ExpectBOM).NewDecoder(), data)
		if err != nil {
			return nil, ErrBinary
		}
		data = out
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if looksBinary(data) {
		return nil, ErrBinary
	}
	return data, nil
}

// looksBinary reports whether data looks like a binary file: a NUL byte in
// its first 8 KiB, or more than 30% of those bytes are control characters
// (other than tab, line ends and form feed) or invalid UTF-8.
func looksBinary(data []byte) bool {
	sample := data
	truncated := false
	if len(sample) > sniffLen {
		sample, truncated = sample[:sniffLen], true
	}
	if len(sample) == 0 {
		return false
	}
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(sample); {
		c := sample[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size == 1 {
			if truncated && !utf8.FullRune(sample[i:]) {
				break // a rune cut by the sample's end
			}
			bad++
		}
		i += size
	}
	return bad*10 > len(sample)*3
}

// normalize returns data as clean text: see the package comment. The result
// is valid UTF-8 in NFC with "\n" line ends, no control characters other
// than "\n" and "\t", no trailing spaces on lines, at most one blank line in
// a row, and no leading or trailing blank space.
func normalize(data []byte) string {
	var b strings.Builder
	b.Grow(len(data))
	for i := 0; i < len(data); {
		if j := i + plainPrefix(data[i:]); j > i {
			b.Write(data[i:j]) // most text: kept as it is, a run at a time
			i = j
			continue
		}
		i += cleanChar(&b, data[i:])
	}
	return normalized(b.String())
}

// cleanChar writes to b what normalize makes of the character data starts
// with, and returns the bytes it took: "\r\n", "\r", "\f" and "\v" become
// "\n"; other control characters, C1 controls, zero-width spaces and stray
// byte order marks are dropped; line and paragraph separators become "\n",
// no-break and figure spaces " ", and a byte that is not UTF-8 U+FFFD.
func cleanChar(b *strings.Builder, data []byte) int {
	if c := data[0]; c < utf8.RuneSelf {
		switch {
		case c == '\r':
			b.WriteByte('\n')
			if len(data) > 1 && data[1] == '\n' {
				return 2
			}
		case c == '\n' || c == '\t':
			b.WriteByte(c)
		case c == '\f' || c == '\v':
			b.WriteByte('\n')
		case c < 0x20 || c == 0x7f:
			// control character: dropped
		default:
			b.WriteByte(c)
		}
		return 1
	}
	r, size := utf8.DecodeRune(data)
	switch {
	case r == utf8.RuneError && size == 1:
		b.WriteRune(utf8.RuneError)
	case r >= 0x80 && r <= 0x9f, r == '\u200b', r == '\ufeff':
		// C1 control, zero-width space, stray byte order mark: dropped
	case r == '\u2028' || r == '\u2029':
		b.WriteByte('\n')
	case r == '\u00a0' || r == '\u2007' || r == '\u202f':
		b.WriteByte(' ')
	default:
		b.Write(data[:size])
	}
	return size
}

// plainPrefix returns the length of the longest prefix of data that
// normalize keeps byte for byte before its final steps: printable ASCII,
// "\n", "\t", and runes above U+00A0 that it neither drops nor replaces.
func plainPrefix[T string | []byte](data T) int {
	i := 0
	for i < len(data) {
		c := data[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return i
		}
		// (A conversion this short, not kept, copies nothing to the heap.)
		r, size := utf8.DecodeRuneInString(string(data[i:min(i+utf8.UTFMax, len(data))]))
		switch {
		case r == utf8.RuneError && size == 1, r <= 0xa0, r == '\u200b', r == '\ufeff',
			r == '\u2028', r == '\u2029', r == '\u2007', r == '\u202f':
			return i
		}
		i += size
	}
	return i
}

// normalized ends normalize: NFC, then tidyLines.
func normalized(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return tidyLines(s)
}

// isTidy reports whether tidyLines would return s as it is: no line ends
// in a space or tab, no two blank lines follow each other, and s neither
// starts nor ends with white space.
func isTidy(s string) bool {
	return !strings.Contains(s, " \n") && !strings.Contains(s, "\t\n") && !strings.Contains(s, "\n\n\n") &&
		strings.TrimSpace(s) == s
}

// normalizeString is normalize for a string. Text that needs none of the
// byte-level changes (most text) is not copied for them.
func normalizeString(s string) string {
	if plainPrefix(s) == len(s) {
		return normalized(s)
	}
	return normalize([]byte(s))
}

// tidyLines trims trailing spaces from every line, collapses runs of blank
// lines to one and trims the text.
func tidyLines(s string) string {
	if isTidy(s) {
		return s // most text: not copied
	}
	return retidyLines(s)
}

// retidyLines is tidyLines for text that needs it: it copies s.
func retidyLines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimRight(line, " \t")
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return strings.TrimSpace(b.String())
}

// singleLine normalises s and folds all its white space, line ends
// included, to single spaces: for titles and other one-line fields.
func singleLine(s string) string {
	return strings.Join(strings.FieldsFunc(normalizeString(s), unicode.IsSpace), " ")
}
