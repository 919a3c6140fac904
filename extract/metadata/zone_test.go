package metadata

import (
	"testing"
	"time"
)

func TestHostZone(t *testing.T) {
	tests := []struct {
		host, want string
	}{
		{"globaleconomictimes.kr", "Asia/Seoul"},
		{"www.yna.co.kr", "Asia/Seoul"},
		{"www.asahi.co.jp", "Asia/Tokyo"},
		{"www.bbc.co.uk", "Europe/London"},
		{"www.spiegel.de", "Europe/Berlin"},
		{"www.lemonde.fr.", "Europe/Paris"},
		{"WWW.CORRIERE.IT", "Europe/Rome"},
		{"www.nytimes.com", ""},    // generic domain
		{"www.abc.net.au", ""},     // several zones
		{"www.cbc.ca", ""},         // several zones
		{"g1.globo.com.br", ""},    // several zones
		{"lenta.ru", ""},           // several zones
		{"www.eluniversal.mx", ""}, // several zones
		{"localhost", ""},
		{"127.0.0.1", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if loc := hostZone(tt.host); loc != nil {
			got = loc.String()
		}
		if got != tt.want {
			t.Errorf("hostZone(%q) = %q, want %q", tt.host, got, tt.want)
		}
	}
}

func TestSiteZonePrefersOption(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	u := mustURL(t, "https://news.example.kr/a/1")
	if got := siteZone(Options{URL: u, Timezone: ny}); got != ny {
		t.Errorf("siteZone with Timezone = %v, want America/New_York", got)
	}
	if got := siteZone(Options{URL: u}); got == nil || got.String() != "Asia/Seoul" {
		t.Errorf("siteZone from .kr = %v, want Asia/Seoul", got)
	}
	if got := siteZone(Options{}); got != nil {
		t.Errorf("siteZone without URL = %v, want nil", got)
	}
}
