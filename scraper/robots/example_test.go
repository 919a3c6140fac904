package robots_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"

	"github.com/lede-news/lede/scraper/robots"
)

func ExampleParse() {
	body := []byte(`# news.example.com
User-agent: *
Disallow: /search
Crawl-delay: 5

User-agent: lede
Disallow: /drafts/
Crawl-delay: 1

Sitemap: https://news.example.com/sitemap.xml
`)
	rules, err := robots.Parse(200, body, "lede/1.0 (+https://example.com/bot)")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, raw := range []string{"https://news.example.com/2026/11/story", "https://news.example.com/drafts/x"} {
		u, _ := url.Parse(raw)
		fmt.Println(u.Path, rules.Allowed(u))
	}
	fmt.Println(rules.CrawlDelay(), rules.Sitemaps())
	// Output:
	// /2026/11/story true
	// /drafts/x false
	// 1s [https://news.example.com/sitemap.xml]
}

func ExampleCache() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		}
	}))
	defer srv.Close()

	cache := &robots.Cache{UserAgent: "lede/1.0"}
	for _, path := range []string{"/news/a", "/private/b"} {
		u, _ := url.Parse(srv.URL + path)
		rules, err := cache.Get(context.Background(), u) // one fetch for both
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(path, rules.Allowed(u))
	}
	// Output:
	// /news/a true
	// /private/b false
}
