package discover_test

import (
	"fmt"
	"net/url"

	"github.com/lede-news/lede/scraper/discover"
	"github.com/lede-news/lede/scraper/urlnorm"
)

func ExampleParseSitemap() {
	body := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example.com/world/summit</loc>
    <news:news>
      <news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-11-25T14:30:00+01:00</news:publication_date>
      <news:title>Summit ends without a deal</news:title>
    </news:news>
  </url>
  <url><loc>https://news.example.com/about</loc></url>
</urlset>`)
	pages, children, err := discover.ParseSitemap(body)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range pages {
		fmt.Printf("%s %q %v\n", p.URL, p.Title, p.Modified)
	}
	fmt.Println(len(children), "child sitemaps")
	// Output:
	// https://news.example.com/world/summit "Summit ends without a deal" 2026-11-25 13:30:00 +0000 UTC
	// https://news.example.com/about "" 0001-01-01 00:00:00 +0000 UTC
	// 0 child sitemaps
}

func ExampleParseSitemap_index() {
	body := []byte(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example.com/sitemap-news.xml</loc></sitemap>
  <sitemap><loc>https://news.example.com/sitemap-2026-11.xml.gz</loc></sitemap>
</sitemapindex>`)
	_, children, err := discover.ParseSitemap(body)
	fmt.Println(children, err)
	// Output: [https://news.example.com/sitemap-news.xml https://news.example.com/sitemap-2026-11.xml.gz] <nil>
}

func ExampleParseFeed() {
	body := []byte(`<rss version="2.0"><channel>
  <item>
    <title>Budget vote tonight</title>
    <link>/politics/budget?utm_source=rss</link>
    <pubDate>Wed, 25 Nov 2026 09:05:00 EST</pubDate>
  </item>
  <item><title>No link, skipped</title></item>
</channel></rss>`)
	entries, err := discover.ParseFeed(body)
	if err != nil {
		fmt.Println(err)
		return
	}
	// URLs come as written: resolve them against the feed's own URL.
	feedURL, _ := url.Parse("https://news.example.com/rss.xml")
	for _, e := range entries {
		u, err := urlnorm.Resolve(feedURL, e.URL)
		fmt.Println(u, err, e.Modified, e.Title)
	}
	// Output: https://news.example.com/politics/budget <nil> 2026-11-25 14:05:00 +0000 UTC Budget vote tonight
}
