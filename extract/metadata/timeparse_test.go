package metadata

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	tests := []struct {
		in   string
		loc  *time.Location
		want string // fmtTime; "" for no time
	}{
		{"2025-04-18T12:59:55+09:00", nil, "2025-04-18T12:59:55+09:00"},
		{"2015-03-27T13:07:55.096Z", seoul, "2015-03-27T13:07:55Z"}, // a printed zone is kept
		{"2021-11-01T10:52:50+0100", nil, "2021-11-01T10:52:50+01:00"},
		{"2015-04-30T07:19:58", nil, "2015-04-30T07:19:58"}, // no zone, none known: unzoned
		{"2015-04-30T07:19:58", seoul, "2015-04-30T07:19:58+09:00"},
		{"2017-11-03 03:01:00.000000", nil, "2017-11-03T03:01:00"},
		{"2024-06-25", seoul, "2024-06-25T00:00:00+09:00"},
		{"Tue, 14 Apr 2015 17:00:00 -0400", nil, "2015-04-14T17:00:00-04:00"},
		{"1713420000", nil, "2024-04-18T06:00:00Z"},    // Unix seconds
		{"1713420000000", nil, "2024-04-18T06:00:00Z"}, // Unix milliseconds
		{"April 18, 2025 3:04 PM EDT", nil, "2025-04-18T15:04:00-04:00"},
		{"2025.04.18 12:59", seoul, "2025-04-18T12:59:00+09:00"},
		{"", nil, ""},
		{"not a date", nil, ""},
		{"2025-13-45", nil, ""},
		{"1850-01-01", nil, ""}, // before the web
	}
	for _, tt := range tests {
		got, ok := parseTime(tt.in, tt.loc, refNow)
		if s := fmtTime(got); s != tt.want || ok != (tt.want != "") {
			t.Errorf("parseTime(%q, %v) = %q, %v; want %q", tt.in, tt.loc, s, ok, tt.want)
		}
	}
}

func TestFindTime(t *testing.T) {
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	tests := []struct {
		text     string
		loc      *time.Location
		dayFirst bool
		want     string
	}{
		{"Updated : 2025-04-18 12:59:55", seoul, false, "2025-04-18T12:59:55+09:00"},
		{"입력 2025.04.18 12:59", seoul, false, "2025-04-18T12:59:00+09:00"},
		{"입력 2025.04.18 오후 1:05", seoul, false, "2025-04-18T13:05:00+09:00"},
		{"2025년 4월 18일 12시 59분", seoul, false, "2025-04-18T12:59:00+09:00"},
		{"2025年4月18日 12:59", nil, false, "2025-04-18T12:59:00"},
		{"April 18, 2025 3:04 PM EDT", seoul, false, "2025-04-18T15:04:00-04:00"}, // printed zone wins
		{"Posted Apr. 18th, 2025 at 9:30 a.m. ET", nil, false, "2025-04-18T09:30:00-04:00"},
		{"18 April 2025", nil, false, "2025-04-18T00:00:00"},
		{"Le 18 avril 2025 à 14h05", nil, false, "2025-04-18T14:05:00"},
		{"18. März 2025, 08:15 Uhr", nil, false, "2025-03-18T08:15:00"},
		{"18 de abril de 2025", nil, false, "2025-04-18T00:00:00"},
		{"Mon, 14 Apr 2025 17:00:00 GMT", nil, false, "2025-04-14T17:00:00Z"},
		{"18.04.2025 12:59", nil, false, "2025-04-18T12:59:00"},
		{"04/05/2025", nil, false, "2025-04-05T00:00:00"}, // month first by default
		{"04/05/2025", nil, true, "2025-05-04T00:00:00"},  // day first on a country domain
		{"25/04/2025", nil, false, "2025-04-25T00:00:00"}, // 25 cannot be a month
		{"3 hours ago", nil, false, "2025-04-18T12:00:00Z"},
		{"an hour ago", nil, false, "2025-04-18T14:00:00Z"},
		{"2시간 전", seoul, false, "2025-04-18T22:00:00+09:00"},
		{"3時間前", nil, false, "2025-04-18T12:00:00Z"},
		{"Phone 010 4724 5264", nil, false, ""},
		{"from April 11th to 14th", nil, false, ""},
		{"2026-02-30", nil, false, ""}, // no such day
	}
	for _, tt := range tests {
		m, ok := findTime(tt.text, tt.loc, refNow, tt.dayFirst)
		if s := fmtTime(m.t); s != tt.want || ok != (tt.want != "") {
			t.Errorf("findTime(%q) = %q, %v; want %q", tt.text, s, ok, tt.want)
		}
	}
}

func TestParseZone(t *testing.T) {
	tests := []struct {
		in     string
		offset int // seconds east; -1 for none
	}{
		{"Z", 0}, {"+09:00", 9 * 3600}, {"-0430", -(4*3600 + 30*60)}, {"UTC+9", 9 * 3600},
		{"GMT-05:00", -5 * 3600}, {"KST", 9 * 3600}, {"CEST", 2 * 3600}, {"IST", 5*3600 + 1800},
		{"+25:00", -1}, {"XYZ", -1}, {"", -1},
	}
	for _, tt := range tests {
		loc := parseZone(tt.in)
		got := -1
		if loc != nil {
			_, got = time.Date(2025, 1, 15, 0, 0, 0, 0, loc).Zone()
		}
		if got != tt.offset {
			t.Errorf("parseZone(%q) offset = %d, want %d", tt.in, got, tt.offset)
		}
	}
}
