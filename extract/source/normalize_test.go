package source

import (
	"errors"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"bom and line ends", "\ufeffa\r\nb\rc\n", "a\nb\nc"},
		{"controls", "a\x00b\x01c\x7fd\x1be", "abcde"},
		{"c1 controls", "a\u0085b\u009fc", "abc"},
		{"tab kept", "a\tb", "a\tb"},
		{"invalid bytes", "bad \xff\xfe bytes", "bad \ufffd\ufffd bytes"},
		{"cut rune", "end \xe2\x80", "end \ufffd\ufffd"},
		{"trailing spaces", "a  \t\nb ", "a\nb"},
		{"blank lines", "a\n\n\n\n\nb", "a\n\nb"},
		{"one blank line kept", "a\n\nb", "a\n\nb"},
		{"space-only lines are blank", "a\n \n\t\n  \nb", "a\n\nb"},
		{"trimmed", "  \n\n a\n\n", "a"},
		{"nfc", "Zele\u0301nskyy", "Zelénskyy"},
		{"no-break space", "Mr.\u00a0Putin", "Mr. Putin"},
		{"line separators", "a\u2028b\u2029c\fd\ve", "a\nb\nc\nd\ne"},
		{"zero width", "zero\u200bwidth\ufeff", "zerowidth"},
		{"indent kept", "x\n\tindented", "x\n\tindented"},
		{"empty", "", ""},
		{"only space", " \r\n\t ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalize([]byte(tt.in)); got != tt.want {
				t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDecodeBytes(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr error
	}{
		{"plain", "hello", "hello", nil},
		{"utf-8 bom", "\ufeffhello", "hello", nil},
		{"utf-16le bom", "\xff\xfeh\x00i\x00", "hi", nil},
		{"utf-16be bom", "\xfe\xff\x00h\x00i", "hi", nil},
		{"nul", "hel\x00lo", "", ErrBinary},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", ErrBinary},
		{"mostly controls", strings.Repeat("\x01\x02", 40) + "some text", "", ErrBinary},
		{"mostly invalid", strings.Repeat("\xff", 40) + "some text", "", ErrBinary},
		{"some latin-1", "caf\xe9 au lait", "caf\xe9 au lait", nil},
		{"nul after 8 KiB", strings.Repeat("a", 9000) + "\x00", strings.Repeat("a", 9000) + "\x00", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeBytes([]byte(tt.in))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSingleLine(t *testing.T) {
	if got, want := singleLine("  A\ttitle\r\nacross\x00 lines \xff "), "A title across lines \ufffd"; got != want {
		t.Errorf("singleLine = %q, want %q", got, want)
	}
}

// normalizeByteByByte is normalize without its runs of plain text: one
// character at a time, as first written. normalize must agree with it.
func normalizeByteByByte(data []byte) string {
	var b strings.Builder
	for i := 0; i < len(data); {
		i += cleanChar(&b, data[i:])
	}
	return normalized(b.String())
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"plain text\nwith lines\tand tabs", "a\r\nb\rc\fd\ve\x00f\x7fg", "caf\u00e9 e\u0301 \u00a0nbsp\u2007\u202f",
		"\u200bzero\ufeffwidth\u2028line\u2029para", "\xff\xfe bad \xc3 utf8 \xe2\x80", "\u0085c1\u009fend", "  trailing  \n\n\n\nblank  ", "\ufffd",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := normalizeByteByByte([]byte(s))
		if got := normalize([]byte(s)); got != want {
			t.Fatalf("normalize(%q) = %q, want %q", s, got, want)
		}
		if got := normalizeString(s); got != want {
			t.Fatalf("normalizeString(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzTidyLines checks that tidyLines returns as they are only texts
// that retidyLines, which rewrites every line, would not change.
func FuzzTidyLines(f *testing.F) {
	for _, s := range []string{"a\nb\n\nc", "a \nb\t\n\n\n\nc\n", "\n\na", " a", "a\n \nb", "a\u00a0", "\u2003a\nb", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tidyLines(s), retidyLines(s); got != want {
			t.Fatalf("tidyLines(%q) = %q, want %q", s, got, want)
		}
	})
}
