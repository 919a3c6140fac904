package metadata

import "testing"

func TestStripSite(t *testing.T) {
	names := []string{"Global Economic Times", "globaleconomictimes"}
	tests := []struct{ in, want string }{
		{"Mayor Visits Mexico - Global Economic Times", "Mayor Visits Mexico"},
		{"Mayor Visits Mexico | Global Economic Times", "Mayor Visits Mexico"},
		{"Global Economic Times :: Mayor Visits Mexico", "Mayor Visits Mexico"},
		{"Mayor Visits Mexico – globaleconomictimes.kr", "Mayor Visits Mexico"},
		{"Mayor Visits Mexico - Opinion - Global Economic Times", "Mayor Visits Mexico - Opinion"},
		{"Mayor Visits Mexico - A Report", "Mayor Visits Mexico - A Report"}, // not the site
		{"Global Economic Times", "Global Economic Times"},                   // nothing left: kept
	}
	for _, tt := range tests {
		if got := stripSite(tt.in, names); got != tt.want {
			t.Errorf("stripSite(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFromTitleTag(t *testing.T) {
	tests := []struct {
		in    string
		names []string
		want  string
	}{
		{"Lorem ipsum dolor sit amet – My website", nil, "Lorem ipsum dolor sit amet"},
		{"Friday Facts | Factorio", []string{"Factorio.com"}, "Friday Facts"},
		{"Mozilla - Wikipedia", nil, "Mozilla - Wikipedia"}, // too short without the tail
		{"A headline without any separator", nil, "A headline without any separator"},
	}
	for _, tt := range tests {
		if got := fromTitleTag(tt.in, tt.names); got != tt.want {
			t.Errorf("fromTitleTag(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
