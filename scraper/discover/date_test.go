package discover

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	}
	base := utc(2026, 11, 25, 14, 30, 0)
	tests := []struct {
		in   string
		want time.Time
	}{
		// W3C Datetime / RFC 3339 (sitemaps, Atom)
		{"2026-11-25T14:30:00Z", base},
		{"2026-11-25T15:30:00+01:00", base},
		{"2026-11-25T09:30:00-0500", base},
		{"2026-11-25T14:30:00.250Z", base.Add(250 * time.Millisecond)},
		{"2026-11-25T15:30+01:00", base},
		{"2026-11-25T14:30:00", base},
		{"2026-11-25T14:30", base},
		{"2026-11-25", utc(2026, 11, 25, 0, 0, 0)},
		{"2026-11", utc(2026, 11, 1, 0, 0, 0)},
		{"2026", utc(2026, 1, 1, 0, 0, 0)},
		{"2026-11-25 14:30:00", base},
		{"2026-11-25 15:30:00 +0100", base},
		{"2026-11-25 15:30:00+01:00", base},
		{" \n 2026-11-25T14:30:00Z \t", base},
		// RFC 1123 / 822 and their variants (RSS)
		{"Wed, 25 Nov 2026 14:30:00 GMT", base},
		{"Wed, 25 Nov 2026 14:30:00 UT", base},
		{"Wed, 25 Nov 2026 14:30:00 Z", base},
		{"Wed, 25 Nov 2026 15:30:00 +0100", base},
		{"Wed, 25 Nov 2026 15:30:00 +01:00", base},
		{"Wed, 25 Nov 2026 09:30:00 EST", base},
		{"Wed, 25 Nov 2026 10:30:00 EDT", base},
		{"Wed, 25 Nov 2026 06:30:00 PST", base},
		{"Wed, 25 Nov 2026 07:30:00 PDT", base},
		{"Wed, 25 Nov 2026 15:30:00 CET", base},
		{"Wed, 25 Nov 2026 23:30:00 JST", base},
		{"Wed, 25 Nov 2026 20:00:00 IST", base},
		{"Wed, 25 Nov 2026 15:30:00 GMT+0100", base},
		{"Wed, 25 Nov 2026 09:30:00 UTC-05:00", base},
		{"Wed, 25 Nov 2026 14:30:00 +0000 (UTC)", base},
		{"Wed, 25 Nov 2026 14:30 GMT", base},
		{"Wed, 25 Nov 26 14:30:00 GMT", base},
		{"Thu, 5 Nov 2026 14:30:00 GMT", utc(2026, 11, 5, 14, 30, 0)},
		{"Thu, 05 Nov 2026 14:30:00 GMT", utc(2026, 11, 5, 14, 30, 0)},
		{"Wed, 25 Nov 2026 4:30:00 GMT", utc(2026, 11, 25, 4, 30, 0)},
		{"25 Nov 2026 14:30:00 GMT", base},
		{"Wed 25 Nov 2026 14:30:00 +0000", base},
		{"Wed, Nov 25 2026 14:30:00 +0000", base},
		{"Mon, 25 Nov 2026 14:30:00 GMT", base}, // wrong weekday: the date wins
		{"wed, 25 nov 2026 14:30:00 gmt", base},
		{"Wed,  25 Nov   2026 14:30:00    GMT", base},
		{"Wed, 25 Nov 2026 14:30:00 WIB", base}, // unknown zone: read as UTC
		{"Wed, 25 Nov 2026 14:30:00", base},
		{"Wednesday, 25 November 2026 14:30:00 GMT", base},
		{"Wed, 25 November 2026 14:30:00 GMT", base},
		{"Wednesday, 25-Nov-26 14:30:00 GMT", base},
		{"Wed Nov 25 14:30:00 2026", base},
		{"Wed Nov 25 14:30:00 UTC 2026", base},
		{"Wed, 25 Nov 2026", utc(2026, 11, 25, 0, 0, 0)},
		{"25 Nov 2026", utc(2026, 11, 25, 0, 0, 0)},
		{"November 25, 2026", utc(2026, 11, 25, 0, 0, 0)},
		{"Nov 25, 2026", utc(2026, 11, 25, 0, 0, 0)},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if !ok {
			t.Errorf("parseDate(%q) failed, want %v", tt.in, tt.want)
			continue
		}
		if !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("parseDate(%q) = %v, want %v (UTC)", tt.in, got, tt.want)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{"", "   ", "yesterday", "25/11/2026", "2026-13-45", "Wed, 32 Nov 2026 14:30:00 GMT", "Wed, 25 Nov 2026 25:61:00 GMT", "14:30"} {
		if got, ok := parseDate(in); ok {
			t.Errorf("parseDate(%q) = %v, want failure", in, got)
		}
	}
}
