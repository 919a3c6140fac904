package metadata

import (
	"testing"
	"time"
)

// page wraps a snippet in an article page with a headline.
func page(snippet string) string {
	return `<html><body><nav><a href="/">Home</a> 2026.01.20 (Tue)</nav>
		<h1>The Headline Of This Story</h1>` + snippet + `
		<p>` + longParagraph + `</p>
		<footer>Registration Date : 2024-10-24</footer></body></html>`
}

const longParagraph = `The body of the story runs long enough to be prose rather than a byline or a dateline, ` +
	`and it mentions April 11, 2025 as an event date that is not the publication date, which the rules must ` +
	`skip because it sits in the body of the article, well after the dateline.`

func readVisible(t *testing.T, src string, loc *time.Location) *visible {
	t.Helper()
	doc := parse(t, src)
	v := &visible{lines: pageLines(doc.Nodes[0]), loc: loc, now: refNow}
	v.head = headlineLine(v.lines, "The Headline Of This Story")
	if v.head < 0 {
		t.Fatalf("headline line not found in %s", src)
	}
	return v
}

func TestVisibleByline(t *testing.T) {
	tests := []struct {
		name, snippet, want string
	}{
		{"By line", `<p>By Jane Doe</p>`, "Jane Doe"},
		{"two authors", `<div>By Jane Doe and John Roe</div>`, "Jane Doe and John Roe"},
		{"English role word", `<div><a href="/r/ko">KO YONG-CHUL Reporter</a> / Updated : 2025-04-18 12:59:55</div>`, "KO YONG-CHUL"},
		{"Korean reporter", `<p class="info">홍길동 기자 hong@example.co.kr</p>`, "홍길동"},
		{"class hint", `<span class="author-name">Jane Doe</span>`, "Jane Doe"},
		{"rel author", `<p><a rel="author" href="/jane">Jane Doe</a> | April 18, 2025</p>`, "Jane Doe"},
		{"photo credit skipped", `<figure><img src="a.jpg"><figcaption class="credit">Photo: John Roe</figcaption></figure><p class="byline">By Jane Doe</p>`, "Jane Doe"},
		{"no byline", `<p>Share this</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := readVisible(t, page(tt.snippet), nil)
			if got := v.bylineNear(); got != tt.want {
				t.Errorf("bylineNear() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestVisibleDates(t *testing.T) {
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	tests := []struct {
		name, snippet string
		loc           *time.Location
		pub, mod      string
	}{
		{"only an update time", `<div class="arvdate">KO YONG-CHUL Reporter / Updated : 2025-04-18 12:59:55</div>`, seoul,
			"2025-04-18T12:59:55+09:00", ""},
		{"입력 and 수정", `<p>입력 2025.04.18 12:59 수정 2025.04.19 08:00</p>`, seoul,
			"2025-04-18T12:59:00+09:00", "2025-04-19T08:00:00+09:00"},
		{"printed zone", `<p class="date">April 18, 2025 3:04 PM EDT</p>`, seoul, "2025-04-18T15:04:00-04:00", ""},
		{"day only, no zone", `<p>18 April 2025</p>`, nil, "2025-04-18T00:00:00", ""},
		{"relative", `<span class="time">3 hours ago</span>`, nil, "2025-04-18T12:00:00Z", ""},
		{"Korean relative", `<span class="time">2시간 전</span>`, seoul, "2025-04-18T22:00:00+09:00", ""},
		{"time element behind relative text", `<p>Jane Doe <time datetime="2019-11-19T11:45:59Z">1 day ago</time></p>`, nil,
			"2019-11-19T11:45:59Z", ""},
		{"body dates are not datelines", ``, nil, "", ""},
		{"a coming event is not the dateline", `<p class="date">Concert on 2025-05-30</p><p class="date">Posted 2025-04-17</p>`, nil,
			"2025-04-17T00:00:00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := readVisible(t, page(tt.snippet), tt.loc)
			pub, mod := v.dates()
			if fmtTime(pub) != tt.pub || fmtTime(mod) != tt.mod {
				t.Errorf("dates() = %q, %q; want %q, %q", fmtTime(pub), fmtTime(mod), tt.pub, tt.mod)
			}
		})
	}
}

func TestVisibleLabelledDateAnywhere(t *testing.T) {
	src := `<html><body><h1>The Headline Of This Story</h1><p>` + longParagraph + `</p>` +
		`<p>` + longParagraph + `</p><div class="post-meta">Published: 2025-04-18</div></body></html>`
	v := readVisible(t, src, nil)
	v.head = -1 // as when the headline is not printed
	pub, _ := v.dates()
	if got := fmtTime(pub); got != "2025-04-18T00:00:00" {
		t.Errorf("dates() published = %q, want the labelled 2025-04-18", got)
	}
}
