package discover

import (
	"strings"
	"time"
)

// numericLayouts are the date forms that start with a digit, most common
// first: W3C Datetime / RFC 3339 (sitemaps, Atom), then RFC 822 without
// the weekday. Read-only.
var numericLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01",
	"2006",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006",
}

// namedLayouts are the date forms that start with a day or month name:
// RFC 1123/822 and the deviations feeds commit. Read-only.
var namedLayouts = []string{
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04:05",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04 -0700",
	"Mon 2 Jan 2006 15:04:05 -0700",
	"Mon, Jan 2 2006 15:04:05 -0700",
	"Mon, 2 January 2006 15:04:05 -0700",
	"Monday, 2 January 2006 15:04:05 -0700",
	"Monday, 02-Jan-06 15:04:05 -0700",
	"Mon Jan _2 15:04:05 2006",
	"Mon Jan _2 15:04:05 -0700 2006",
	"Mon, 2 Jan 2006",
	"January 2, 2006 15:04:05 -0700",
	"January 2, 2006",
	"Jan 2, 2006",
}

// zoneOffsets maps time-zone names found in feed dates to numeric offsets:
// RFC 822's own (UT, GMT, EST ... PDT) and the ones publishers use most.
// IST is taken as India (+05:30), the commonest in news feeds. A name not
// here is dropped and the time read as UTC. Read-only.
var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
	"AKST": "-0900", "AKDT": "-0800", "HST": "-1000",
	"BST": "+0100", "WET": "+0000", "WEST": "+0100", "CET": "+0100",
	"CEST": "+0200", "EET": "+0200", "EEST": "+0300", "MSK": "+0300",
	"IST": "+0530", "SGT": "+0800", "HKT": "+0800", "JST": "+0900",
	"KST": "+0900", "AEST": "+1000", "AEDT": "+1100", "ACST": "+0930",
	"AWST": "+0800", "NZST": "+1200", "NZDT": "+1300",
}

// parseDate reads a date in any of numericLayouts or namedLayouts after tidying it (white
// space collapsed, zone names made numeric, "+01:00" offsets in RFC 822
// dates made "+0100"). It returns the time in UTC, or false.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if len(s) >= len("2006-01-02T15:04:05Z") && s[4] == '-' { // fast path: well-formed RFC 3339
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t.UTC(), true
		}
	}
	s = tidyDate(s)
	layouts := numericLayouts
	if s != "" && (s[0] < '0' || s[0] > '9') {
		layouts = namedLayouts
	}
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// tidyDate rewrites the sloppy parts of a date into what the layouts
// expect.
func tidyDate(s string) string {
	fields := strings.Fields(s)
	out := fields[:0]
	for i, f := range fields {
		if strings.HasPrefix(f, "(") { // "+0000 (UTC)": a comment
			break
		}
		if off, ok := zoneOffsets[strings.ToUpper(f)]; ok && i > 0 {
			out = append(out, off)
			continue
		}
		for _, p := range []string{"GMT", "UTC"} { // "GMT+0200", "UTC-05:00"
			if len(f) > len(p) && strings.EqualFold(f[:len(p)], p) && (f[len(p)] == '+' || f[len(p)] == '-') {
				f = f[len(p):]
			}
		}
		if len(f) == 6 && (f[0] == '+' || f[0] == '-') && f[3] == ':' { // "+01:00"
			f = f[:3] + f[4:]
		}
		out = append(out, f)
	}
	// An unknown zone name at the end ("ChST", "WIB"): drop it, read as UTC.
	if n := len(out); n > 3 && isLetters(out[n-1]) && len(out[n-1]) <= 5 {
		if _, month := monthNames[strings.ToLower(out[n-1])]; !month {
			out = out[:n-1]
		}
	}
	return strings.Join(out, " ")
}

// monthNames holds month names and abbreviations in lower case, so that a
// trailing month ("2 Jan") is never taken for a zone. Read-only.
var monthNames = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "oct": true, "nov": true, "dec": true,
	"june": true, "july": true,
}

// isLetters reports whether s is non-empty and all ASCII letters.
func isLetters(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
