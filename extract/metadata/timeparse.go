package metadata

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Year bounds of a plausible publication date: a page dated before the
// web or far ahead of the fetch has misread a number.
const (
	minYear      = 1970
	maxYearAhead = 1 // years after the reference time (clock skew, time zones)
)

// Pieces of the free-text date patterns. Each time and zone part is
// optional; a date alone is a day.
var (
	zonePart = `(?:\s*\(?\s*(Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d{2})?|\b(?:` + zoneAlternation() + `)\b)\)?)?`
	timePart = `(?:\s*(?:\([^)\d]{1,6}\))?\s*(?:[T,|·@–—-]|\b(?i:at|um|a las)\b|(?i:à|às))?\s*(오전|오후|午前|午後)?\s*(\d{1,2})\s*[:시時h]\s*(\d{2})(?:\s*[:분分]\s*(\d{2}))?(?:[.,]\d{1,9})?(?:\s*[초秒])?(?:\s*([AaPp])\.?\s?[Mm]\.?)?` + zonePart + `)?`
)

// Free-text date patterns, compiled once.
var (
	// 2025-04-18, 2025.04.18, 2025/4/18, 2025년 4월 18일, 2025年4月18日
	ymdRe = regexp.MustCompile(`\b(\d{4})\s*[-./년年]\s*(\d{1,2})\s*[-./월月]\s*(\d{1,2})(?:\s*[일日])?` + timePart)
	// April 18, 2025; Apr. 18th 2025
	mdyRe = regexp.MustCompile(`(?i:\b(` + monthAlternation() + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)` + timePart)
	// 18 April 2025; 18. April 2025; 18 de abril de 2025
	dmyRe = regexp.MustCompile(`(?i:\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(` + monthAlternation() + `)\.?,?\s+(?:de\s+)?(\d{4})\b)` + timePart)
	// 18.04.2025, 04/18/2025
	numDMYRe = regexp.MustCompile(`\b(\d{1,2})([./])(\d{1,2})[./](\d{4})\b` + timePart)
	// 3 hours ago, an hour ago
	agoRe = regexp.MustCompile(`(?i)\b(\d{1,3}|an?|one)\s+(second|sec|minute|min|hour|hr|day|week)s?\s+ago\b`)
	// 2시간 전, 3時間前, 5分钟前
	agoCJKRe = regexp.MustCompile(`(\d{1,3})\s*(초|분|시간|일|주|秒|分钟|分|小时|時間|天|日)\s*[전前]`)
)

// timeMatch is a date found in free text: where it starts and ends in the
// text, and what it says.
type timeMatch struct {
	start, end int
	t          Time
	hasClock   bool // a time of day was printed, not only a day
	relative   bool // "3 hours ago": computed from the reference time
}

// clock is what a pattern read, before zones are applied.
type clock struct {
	y, mo, d, h, mi, s int
	pm, am             bool
	hasClock           bool
	zone               string
}

// findTime returns the first date in text. loc is the zone for a time
// printed without one (nil: unzoned); now is the reference for relative
// dates and the upper bound of plausible years; dayFirst reads 04/05/2025
// as 4 May.
func findTime(text string, loc *time.Location, now time.Time, dayFirst bool) (timeMatch, bool) {
	var best timeMatch
	found := false
	consider := func(m timeMatch) {
		if !found || m.start < best.start {
			best, found = m, true
		}
	}
	// Every absolute pattern prints a four-digit year: test for one
	// before running them.
	if hasYearDigits(text) {
		if idx := ymdRe.FindStringSubmatchIndex(text); idx != nil && !digitAt(text, idx[7]) {
			c := clockFrom(text, idx, 1, 2, 3, 4)
			if m, ok := c.match(idx, loc, now); ok {
				consider(m)
			}
		}
		// Both month-name patterns print a number after the name.
		if hasWordThenNumber(text) {
			if idx := mdyRe.FindStringSubmatchIndex(text); idx != nil {
				c := clockFrom(text, idx, 3, 1, 2, 4)
				if m, ok := c.match(idx, loc, now); ok {
					consider(m)
				}
			}
			if idx := dmyRe.FindStringSubmatchIndex(text); idx != nil {
				c := clockFrom(text, idx, 3, 2, 1, 4)
				if m, ok := c.match(idx, loc, now); ok {
					consider(m)
				}
			}
		}
		if idx := numDMYRe.FindStringSubmatchIndex(text); idx != nil {
			dayGroup, monthGroup := 1, 3
			a, _ := strconv.Atoi(group(text, idx, 1))
			b, _ := strconv.Atoi(group(text, idx, 3))
			sep := group(text, idx, 2)
			if b > 12 || (a <= 12 && sep == "/" && !dayFirst) {
				dayGroup, monthGroup = 3, 1
			}
			c := clockFrom(text, idx, 4, monthGroup, dayGroup, 5)
			if m, ok := c.match(idx, loc, now); ok {
				consider(m)
			}
		}
	}
	if !now.IsZero() {
		if m, ok := findRelative(text, now, loc); ok {
			consider(m)
		}
	}
	return best, found
}

// clockFrom reads the groups of a date match: year, month and day group
// numbers, and the first group of timePart (meridiem prefix, hour,
// minute, second, am/pm letter, zone).
func clockFrom(text string, idx []int, yg, mg, dg, tg int) clock {
	var c clock
	c.y, _ = strconv.Atoi(group(text, idx, yg))
	ms := group(text, idx, mg)
	if n, err := strconv.Atoi(ms); err == nil {
		c.mo = n
	} else {
		c.mo = int(months[strings.ToLower(ms)])
	}
	c.d, _ = strconv.Atoi(group(text, idx, dg))
	if h := group(text, idx, tg+1); h != "" {
		c.hasClock = true
		c.h, _ = strconv.Atoi(h)
		c.mi, _ = strconv.Atoi(group(text, idx, tg+2))
		c.s, _ = strconv.Atoi(group(text, idx, tg+3))
		switch group(text, idx, tg) {
		case "오후", "午後":
			c.pm = true
		case "오전", "午前":
			c.am = true
		}
		switch group(text, idx, tg+4) {
		case "p", "P":
			c.pm = true
		case "a", "A":
			c.am = true
		}
		c.zone = group(text, idx, tg+5)
	}
	return c
}

// match validates c and turns it into a Time.
func (c clock) match(idx []int, loc *time.Location, now time.Time) (timeMatch, bool) {
	if c.pm && c.h < 12 {
		c.h += 12
	} else if c.am && c.h == 12 {
		c.h = 0
	}
	if !plausible(c.y, c.mo, c.d, c.h, c.mi, c.s, now) {
		return timeMatch{}, false
	}
	end := idx[1]
	zone := loc
	zoned := false
	if c.zone != "" {
		if z := parseZone(c.zone); z != nil {
			zone, zoned = z, true
		}
	}
	var t Time
	switch {
	case zoned:
		t = Time{Time: time.Date(c.y, time.Month(c.mo), c.d, c.h, c.mi, c.s, 0, zone), Zoned: true}
	case loc != nil:
		t = Time{Time: time.Date(c.y, time.Month(c.mo), c.d, c.h, c.mi, c.s, 0, loc), Zoned: true}
	default:
		t = Time{Time: time.Date(c.y, time.Month(c.mo), c.d, c.h, c.mi, c.s, 0, time.UTC)}
	}
	return timeMatch{start: idx[0], end: end, t: t, hasClock: c.hasClock}, true
}

// plausible reports whether the fields make a real date in a sane range.
func plausible(y, mo, d, h, mi, s int, now time.Time) bool {
	maxYear := 2100
	if !now.IsZero() {
		maxYear = now.Year() + maxYearAhead
	}
	if y < minYear || y > maxYear || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60 {
		return false
	}
	return d <= time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// findRelative reads "3 hours ago" or "2시간 전" against now.
func findRelative(text string, now time.Time, loc *time.Location) (timeMatch, bool) {
	var idx []int
	// Each pattern needs its closing word and a digit or "a"/"one": test
	// for the word before running it.
	if containsFoldASCII(text, "ago") {
		idx = agoRe.FindStringSubmatchIndex(text)
	}
	if idx == nil && hasDigit(text) && (strings.Contains(text, "전") || strings.Contains(text, "前")) {
		idx = agoCJKRe.FindStringSubmatchIndex(text)
	}
	if idx == nil {
		return timeMatch{}, false
	}
	n := 1
	if v, err := strconv.Atoi(group(text, idx, 1)); err == nil {
		n = v
	}
	var unit time.Duration
	switch strings.ToLower(group(text, idx, 2)) {
	case "second", "sec", "초", "秒":
		unit = time.Second
	case "minute", "min", "분", "分", "分钟":
		unit = time.Minute
	case "hour", "hr", "시간", "時間", "小时":
		unit = time.Hour
	case "day", "일", "天", "日":
		unit = 24 * time.Hour
	case "week", "주":
		unit = 7 * 24 * time.Hour
	default:
		return timeMatch{}, false
	}
	t := now.Add(-time.Duration(n) * unit)
	if loc != nil {
		t = t.In(loc)
	}
	return timeMatch{start: idx[0], end: idx[1], t: Time{Time: t, Zoned: true}, hasClock: unit < 24*time.Hour, relative: true}, true
}

func group(text string, idx []int, g int) string {
	if 2*g+1 >= len(idx) || idx[2*g] < 0 {
		return ""
	}
	return text[idx[2*g]:idx[2*g+1]]
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// yearDigits is the length of the digit run every absolute date pattern
// holds: the year.
const yearDigits = 4

// hasYearDigits reports whether s holds a run of yearDigits ASCII digits.
func hasYearDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			run = 0
			continue
		}
		if run++; run == yearDigits {
			return true
		}
	}
	return false
}

// containsFoldASCII reports whether s holds word, a lower-case ASCII word
// without the letters k and s, in any ASCII case: the same test as a
// (?i) regexp literal for such words, whose letters fold only to ASCII.
func containsFoldASCII(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for ; j < len(word); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != word[j] {
				break
			}
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// hasWordThenNumber reports whether s holds a letter (an ASCII one, or
// any non-ASCII byte: (?i) matches ſ for s), an optional '.' and ',',
// white space as \s reads it, then a digit: what mdyRe ("April 18") and
// dmyRe ("April 2025", "abril de 2025") need after their month name.
func hasWordThenNumber(s string) bool {
	for i := 1; i < len(s); i++ {
		if !digitAt(s, i) {
			continue
		}
		j := i - 1
		for j >= 0 && isRegexpSpace(s[j]) {
			j--
		}
		if j == i-1 {
			continue
		}
		if j >= 0 && s[j] == ',' {
			j--
		}
		if j >= 0 && s[j] == '.' {
			j--
		}
		if j >= 0 && (s[j] >= utf8.RuneSelf || 'a' <= s[j]|0x20 && s[j]|0x20 <= 'z') {
			return true
		}
	}
	return false
}

// isRegexpSpace reports whether c is white space to a regexp's \s.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func digitAt(s string, i int) bool {
	return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// Machine-readable layouts (meta content, JSON-LD, datetime attributes).
var (
	zonedLayouts = []string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05.999999999Z0700",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04Z0700",
		"2006-01-02 15:04:05.999999999Z07:00",
		"2006-01-02 15:04:05.999999999 Z07:00",
		"2006-01-02 15:04:05.999999999 -0700",
		"2006-01-02T15:04:05.999999999 -0700",
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04 -0700",
		"2 Jan 2006 15:04:05 -0700",
	}
	localLayouts = []string{
		"2006-01-02T15:04:05.999999999",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05.999999999",
		"2006-01-02 15:04",
		"2006-01-02",
		"20060102",
		"20060102150405",
	}
)

// parseTime reads a machine-readable time (an ISO 8601 or RFC 1123 value,
// a Unix epoch) and, failing those, the first date in it as free text.
// A printed zone is kept; a time without one takes loc, or is unzoned
// when loc is nil.
func parseTime(s string, loc *time.Location, now time.Time) (Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxDateLen {
		return Time{}, false
	}
	if t, ok := parseEpoch(s, now); ok {
		return t, true
	}
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if !plausible(t.Year(), int(t.Month()), t.Day(), 0, 0, 0, now) {
				return Time{}, false
			}
			return Time{Time: t, Zoned: true}, true
		}
	}
	for _, l := range localLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if !plausible(t.Year(), int(t.Month()), t.Day(), 0, 0, 0, now) {
				return Time{}, false
			}
			return inZone(t, loc), true
		}
	}
	if m, ok := findTime(s, loc, time.Time{}, false); ok && !m.relative {
		if !now.IsZero() && m.t.Time.Year() > now.Year()+maxYearAhead {
			return Time{}, false
		}
		return m.t, true
	}
	return Time{}, false
}

// maxDateLen bounds a machine-readable date value: anything longer is
// prose, not a timestamp.
const maxDateLen = 80

// inZone gives a wall-clock time (parsed as UTC) the zone loc.
func inZone(t time.Time, loc *time.Location) Time {
	if loc == nil {
		return Time{Time: t}
	}
	y, mo, d := t.Date()
	h, mi, sec := t.Clock()
	return Time{Time: time.Date(y, mo, d, h, mi, sec, t.Nanosecond(), loc), Zoned: true}
}

// Unix epochs in seconds or milliseconds, as some CMSs print them.
const (
	epochSecondsDigits = 10
	epochMillisDigits  = 13
)

func parseEpoch(s string, now time.Time) (Time, bool) {
	if len(s) != epochSecondsDigits && len(s) != epochMillisDigits {
		return Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return Time{}, false
	}
	var t time.Time
	if len(s) == epochMillisDigits {
		t = time.UnixMilli(n).UTC()
	} else {
		t = time.Unix(n, 0).UTC()
	}
	if !plausible(t.Year(), int(t.Month()), t.Day(), 0, 0, 0, now) {
		return Time{}, false
	}
	return Time{Time: t, Zoned: true}, true
}
