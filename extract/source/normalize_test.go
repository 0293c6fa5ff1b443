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
