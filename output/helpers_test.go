package output

import (
	"strings"
	"testing"
	"time"

	"github.com/lede-news/lede/extract"
)

// sampleArticle is a full article with text that tempts every escaping
// bug: HTML characters, quotes, YAML indicators, newlines and Korean.
func sampleArticle(i int) *extract.Article {
	kst := time.FixedZone("KST", 9*3600)
	return &extract.Article{
		URL:          "https://news.example.kr/article/2026/11/story-" + itoa(i) + ".html?x=1&y=<2>",
		CanonicalURL: "https://news.example.kr/a/" + itoa(i),
		Source:       "https://news.example.kr/article/" + itoa(i),
		SiteName:     "Example 뉴스",
		Headline:     `Breaking: "quotes" & <tags> #` + itoa(i),
		Byline:       "홍길동 기자",
		Authors:      []string{"홍길동", "Jane O'Neil"},
		Published:    extract.Timestamp{Time: time.Date(2026, 11, 1, 8, 30, 0, 0, kst), Zoned: true},
		Modified:     extract.Timestamp{Time: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)},
		Lang:         "ko",
		Description:  "- leading dash: and a colon",
		Image:        "https://news.example.kr/img/1.jpg",
		Tags:         []string{"politics", "경제"},
		Section:      "World",
		Body:         "First paragraph with a < b && c > d.\n\nSecond paragraph \\u003c literal.",
		WordCount:    12,
		ContentHash:  strings.Repeat("ab", 32),
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func mustNoErr(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
