package source

import "testing"

func TestDateLine(t *testing.T) {
	tests := []struct {
		line   string
		want   string
		wantOK bool
	}{
		{"Tuesday, 02 January 2024 12:17 GMT", "2024-01-02", true},
		{"2024-01-02", "2024-01-02", true},
		{"2024-01-02T10:00:00Z", "2024-01-02", true},
		{"2024-01-02 10:00", "2024-01-02", true},
		{"January 2, 2024", "2024-01-02", true},
		{"Jan. 2, 2024", "2024-01-02", true},
		{"2 Jan 2024", "2024-01-02", true},
		{"2nd of January, 2024", "2024-01-02", true},
		{"Sun 5 May 2024 09:30", "2024-05-05", true},
		{"Published: Jan. 2, 2024 at 10:00 a.m. ET", "2024-01-02", true},
		{"Updated on 3 March 2025, 14:05 (CET)", "2025-03-03", true},
		{"  Sept 30 2023  ", "2023-09-30", true},
		{"25/12/2024", "2024-12-25", true},
		{"12/25/2024", "2024-12-25", true},
		{"01/01/2024", "2024-01-01", true},
		{"02.01.2024", "2024-01-02", true},
		{"2024/03/05", "2024-03-05", true},
		{"MOSCOW, Jan 2, 2024 (Reuters) -", "2024-01-02", true},
		// Date lines that give no Date.
		{"02/01/2024", "", true},
		{"Aug. 7 (UPI)", "", true},
		{"Aug. 7", "", true},
		{"31 February 2024", "", true},
		{"KYIV, Ukraine (AP) —", "", true},
		// Not date lines.
		{"Monday", "", false},
		{"Kremlin", "", false},
		{"May the best man win", "", false},
		{"March 2024", "", false},
		{"2024", "", false},
		{"Aug. 7 (UPI) — The Kremlin announced Thursday that talks will be held.", "", false},
		{"Trump (R) wins the vote", "", false},
		{"Putin meets Xi on 2 January 2024", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := dateLine(tt.line)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("dateLine(%q) = %q, %v; want %q, %v", tt.line, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		line     string
		wantDate string
		wantRest string
		wantOK   bool
	}{
		{"Aug. 7 (UPI) — The Kremlin announced Thursday.", "", "The Kremlin announced Thursday.", true},
		{"WASHINGTON, Jan. 2, 2024 (Reuters) - The president said.", "2024-01-02", "The president said.", true},
		{"KYIV, Ukraine (AP) — Drones hit the city.", "", "Drones hit the city.", true},
		{"(AP) — Drones hit the city.", "", "Drones hit the city.", true},
		{"Trump (R) wins the vote", "", "", false},
		{"Putin (left) meets Trump", "", "", false},
		{"The Kremlin (Russia) said nothing.", "", "", false},
		{"No parentheses here", "", "", false},
	}
	for _, tt := range tests {
		dl, ok := parseDateline(tt.line)
		if ok != tt.wantOK || dl.date != tt.wantDate || dl.rest != tt.wantRest {
			t.Errorf("parseDateline(%q) = %+v, %v; want date %q rest %q, %v", tt.line, dl, ok, tt.wantDate, tt.wantRest, tt.wantOK)
		}
	}
}

func TestParseDateValue(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-01-02", "2024-01-02"},
		{"2024-01-02T23:30:00-05:00", "2024-01-02"}, // the date as written, not UTC
		{"2024-01-02T10:00:00.123Z", "2024-01-02"},
		{"2024-1-2", "2024-01-02"},
		{"Tue, 02 Jan 2024 12:17:00 GMT", "2024-01-02"},
		{"Tue, 2 Jan 2024 12:17:00 +0000", "2024-01-02"},
		{"Monday, 02-Jan-06 15:04:05 MST", "2006-01-02"},
		{"Mon Jan  2 15:04:05 2006", "2006-01-02"},
		{"January 2, 2024", "2024-01-02"},
		{"2 January 2024", "2024-01-02"},
		{"20240102", "2024-01-02"},
		{"1704196620", "2024-01-02"},
		{"1704196620000", "2024-01-02"},
		{"2024/01/02", "2024-01-02"},
		{"yesterday", ""},
		{"2024-02-30", ""},
		{"02/01/2024", ""},
		{"Aug. 7", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := parseDateValue(tt.in); got != tt.want {
			t.Errorf("parseDateValue(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
