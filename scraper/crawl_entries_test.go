package scraper

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
)

// serveText routes path to a handler sending body with Content-Type ct.
func (s *newsSite) serveText(path, ct, body string) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ct)
		fmt.Fprint(w, body)
	})
}

// TestCrawlRelativeEntries checks that relative URLs in discovery
// documents are resolved against the document's URL, not dropped: a
// relative robots.txt Sitemap line, relative child sitemap and page <loc>s,
// and relative Atom links.
func TestCrawlRelativeEntries(t *testing.T) {
	site := newNewsSite(t)
	site.serveText("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n\nSitemap: /maps/index.xml\n")
	site.serveText("/maps/index.xml", "application/xml", `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>news.xml</loc></sitemap>
</sitemapindex>`)
	site.serveText("/maps/news.xml", "application/xml", `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>/news/1</loc></url>
<url><loc>../news/2</loc></url>
</urlset>`)
	site.serveText("/feeds/atom.xml", "application/atom+xml", `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test</title>
<entry><title>Three</title><link href="/news/3"/><updated>2026-11-20T08:00:00Z</updated></entry>
<entry><title>Four</title><link rel="alternate" href="../news/4"/></entry>
</feed>`)
	for _, p := range []string{"/news/1", "/news/2", "/news/3", "/news/4"} {
		site.article(p, p)
	}
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/\d+`})
	cfg.Crawl.RespectRobots = true
	cfg.Sites[0].Sitemaps = true
	cfg.Sites[0].Feeds = []string{site.URL + "/feeds/atom.xml"}
	sum := runCrawl(t, cfg)
	got := canonicals(readRecords(t, cfg.Output.Dir))
	if want := urls(site.URL, "/news/1", "/news/2", "/news/3", "/news/4"); !slices.Equal(got, want) {
		t.Errorf("wrote %v, want %v", got, want)
	}
	if sum.Failed != 0 {
		t.Errorf("failed %d (%v), want 0", sum.Failed, sum.ByError)
	}
}

// TestCrawlBrokenDiscovery checks that a sitemap or feed cut short still
// yields the entries read before the break, and counts as a failure.
func TestCrawlBrokenDiscovery(t *testing.T) {
	site := newNewsSite(t)
	site.serveText("/robots.txt", "text/plain", "Sitemap: "+site.URL+"/sitemap.xml\n")
	site.serveText("/sitemap.xml", "application/xml", `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>`+site.URL+`/news/1</loc></url>
<url><loc>`+site.URL+`/news/2</loc></url>
<url><loc>`+site.URL+`/news/9</lo`)
	site.serveText("/feed.xml", "application/rss+xml", `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Test</title>
<item><title>Three</title><link>`+site.URL+`/news/3</link></item>
<item><title>Eight</title><link>`+site.URL+`/news/8</li`)
	for _, p := range []string{"/news/1", "/news/2", "/news/3", "/news/8", "/news/9"} {
		site.article(p, p)
	}
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/\d+`})
	cfg.Sites[0].Sitemaps = true
	cfg.Sites[0].Feeds = []string{site.URL + "/feed.xml"}
	sum := runCrawl(t, cfg)
	got := canonicals(readRecords(t, cfg.Output.Dir))
	if want := urls(site.URL, "/news/1", "/news/2", "/news/3"); !slices.Equal(got, want) {
		t.Errorf("wrote %v, want %v", got, want)
	}
	if want := map[string]int{"sitemap": 1, "feed": 1}; !mapsEqual(sum.ByError, want) {
		t.Errorf("errors %v, want %v", sum.ByError, want)
	}
}
