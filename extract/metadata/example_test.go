package metadata_test

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/lede-news/lede/extract/metadata"
)

func ExampleRead() {
	page := `<html lang="ko"><head>
<title>Mayor Visits Mexico - Global Economic Times</title>
<meta property="og:site_name" content="Global Economic Times">
</head><body>
<h2>Mayor Visits Mexico</h2>
<div class="arvdate"><a class="writer">KO YONG-CHUL Reporter</a> / Updated : 2025-04-18 12:59:55</div>
<p>SAN LUIS POTOSÍ – The mayor attended the assembly.</p>
</body></html>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		panic(err)
	}
	u, _ := url.Parse("https://globaleconomictimes.kr/article/1")
	md := metadata.Read(doc, metadata.Options{URL: u, Now: time.Now()})
	fmt.Println(md.Headline)
	fmt.Println(md.Byline)
	fmt.Println(md.Published.Time.Format(time.RFC3339), md.Published.Zoned) // the .kr domain gives Asia/Seoul
	fmt.Println(md.SiteName, md.Lang)
	// Output:
	// Mayor Visits Mexico
	// KO YONG-CHUL
	// 2025-04-18T12:59:55+09:00 true
	// Global Economic Times ko
}
