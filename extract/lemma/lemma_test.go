package lemma

import "testing"

func TestVerb(t *testing.T) {
	tests := []struct{ in, want string }{
		{"met", "meet"}, {"meets", "meet"}, {"meeting", "meet"},
		{"threatened", "threaten"}, {"threatens", "threaten"},
		{"criticised", "criticise"}, {"criticizes", "criticize"},
		{"urged", "urge"}, {"urges", "urge"}, {"urging", "urge"},
		{"agreed", "agree"}, {"freed", "free"},
		// Unknown words, by the spelling rules alone.
		{"upgraded", "upgrade"}, {"downgrading", "downgrade"}, {"dispersed", "disperse"},
		{"aided", "aid"}, {"headed", "head"}, {"passed", "pass"}, {"landed", "land"},
		{"stopped", "stop"}, {"hoped", "hope"}, {"hopped", "hop"},
		{"visited", "visit"}, {"visiting", "visit"},
		{"accompanied", "accompany"}, {"carries", "carry"},
		{"pushes", "push"}, {"focuses", "focus"}, {"goes", "go"},
		{"negotiated", "negotiate"}, {"retaliated", "retaliate"},
		{"called", "call"}, {"stressed", "stress"},
		{"imposed", "impose"}, {"seized", "seize"}, {"argued", "argue"},
		{"struck", "strike"}, {"sought", "seek"}, {"told", "tell"},
		{"was", "be"}, {"has", "have"}, {"did", "do"},
		{"Condemned", "condemn"}, {"said", "say"}, {"says", "say"},
		{"sanctioned", "sanction"}, {"backed", "back"},
		{"meet", "meet"}, {"", ""},
		// Unknown to the word list: spelling rules decide.
		{"fleeced", "fleece"}, {"jabbed", "jab"}, {"smirked", "smirk"},
		{"wronged", "wrong"}, {"blogged", "blog"},
	}
	l := New()
	for _, tt := range tests {
		if got := l.Verb(tt.in); got != tt.want {
			t.Errorf("Verb(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzVerb(f *testing.F) {
	for _, s := range []string{"met", "ed", "ied", "ing", "s", "es", "x", "ßed", "\xffed"} {
		f.Add(s)
	}
	l := New()
	f.Fuzz(func(t *testing.T, s string) {
		_ = l.Verb(s) // must not panic
	})
}
