package graph

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/extract"
)

// The event types graph filters on are those the extractor assigns.
func TestEventTypesMatchExtract(t *testing.T) {
	want := []string{
		extract.Agree, extract.Consult, extract.Support, extract.Concede, extract.Cooperate, extract.Aid,
		extract.Retreat, extract.Demand, extract.Disapprove, extract.Reject, extract.Threaten, extract.Protest,
		extract.Sanction, extract.Mobilize, extract.Coerce, extract.Assault, extract.Fight, extract.Investigate,
	}
	if d := cmp.Diff(want, EventTypes()); d != "" {
		t.Errorf("EventTypes (-extract +graph):\n%s", d)
	}
}

func TestParseWindow(t *testing.T) {
	tests := []struct {
		in   string
		want Window
		ok   bool
	}{
		{"sentence", SentenceWindow, true}, {"Article", ArticleWindow, true}, {"articles", ArticleWindow, true},
		{"paragraph", "", false},
	}
	for _, tt := range tests {
		got, err := ParseWindow(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseWindow(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
