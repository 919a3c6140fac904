package scraper

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/lede-news/lede/scraper/state"
)

// TestCrawlSitemapsFeedsRobots checks discovery and robots.txt together:
// the Sitemap line of robots.txt leads to a sitemap index and a news
// sitemap, the feed adds its article, entries off the site or not matching
// articles are ignored, and URLs robots.txt disallows are never requested.
func TestCrawlSitemapsFeedsRobots(t *testing.T) {
	site := newNewsSite(t)
	base := site.URL
	text := func(ct, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ct)
			fmt.Fprint(w, body)
		}
	}
	site.handle("/robots.txt", text("text/plain", "User-agent: *\nDisallow: /private/\n\nSitemap: "+base+"/sitemap_index.xml\n"))
	site.handle("/sitemap_index.xml", text("application/xml", `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>`+base+`/sitemap-news.xml</loc></sitemap>
<sitemap><loc>http://127.0.0.1:1/elsewhere.xml</loc></sitemap>
</sitemapindex>`))
	site.handle("/sitemap-news.xml", text("application/xml", `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>`+base+`/news/5</loc><news:news><news:publication_date>2026-11-20T08:00:00Z</news:publication_date><news:title>Five</news:title></news:news></url>
<url><loc>`+base+`/news/6?utm_source=sitemap</loc></url>
<url><loc>`+base+`/private/news/7</loc></url>
<url><loc>`+base+`/about</loc></url>
<url><loc>http://127.0.0.1:1/news/99</loc></url>
</urlset>`))
	site.handle("/feed.xml", text("application/rss+xml", `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Test</title>
<item><title>Eight</title><link>`+base+`/news/8</link><pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>One</title><link>`+base+`/news/1</link></item>
</channel></rss>`))
	site.page("/", "/news/1", "/private/news/2")
	for _, p := range []string{"/news/1", "/private/news/2", "/news/5", "/news/6", "/private/news/7", "/news/8"} {
		site.article(p, p)
	}
	cfg := testConfig(t.TempDir(), base, nil, []string{`/(private/)?news/\d+`}, "/")
	cfg.Crawl.RespectRobots = true
	cfg.Sites[0].Sitemaps = true
	cfg.Sites[0].Feeds = []string{base + "/feed.xml"}
	sum := runCrawl(t, cfg)

	got := canonicals(readRecords(t, cfg.Output.Dir))
	if want := urls(base, "/news/1", "/news/5", "/news/6", "/news/8"); !slices.Equal(got, want) {
		t.Errorf("wrote %v, want %v", got, want)
	}
	if n := site.total("/private/"); n != 0 {
		t.Errorf("%d requests under /private/, which robots.txt disallows", n)
	}
	if sum.Blocked != 2 || sum.Failed != 0 {
		t.Errorf("blocked %d, failed %d (%v); want 2, 0", sum.Blocked, sum.Failed, sum.ByError)
	}
	if n := site.count("/sitemap.xml"); n != 0 {
		t.Errorf("/sitemap.xml guessed %d times though robots.txt names the sitemaps", n)
	}
}

// TestCrawlGuessedSitemapMissing checks that with sitemaps on and no
// Sitemap line, /sitemap.xml is tried and its absence is no failure.
func TestCrawlGuessedSitemapMissing(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/news/1")
	site.article("/news/1", "/news/1")
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/\d+`}, "/")
	cfg.Sites[0].Sitemaps = true
	sum := runCrawl(t, cfg)
	if site.count("/sitemap.xml") != 1 || site.count("/robots.txt") != 1 {
		t.Errorf("robots.txt fetched %d times, /sitemap.xml %d times; want once each", site.count("/robots.txt"), site.count("/sitemap.xml"))
	}
	if sum.Failed != 0 || sum.Articles != 1 {
		t.Errorf("failed %d (%v), wrote %d; want 0, 1", sum.Failed, sum.ByError, sum.Articles)
	}
}

// TestCrawlPageFailures checks that what goes wrong with a page is counted
// by kind in the summary and never stops the crawl: a PDF is skipped as not
// HTML, a page without article text fails as no_article, a 404 as
// http_status.
func TestCrawlPageFailures(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/news/1", "/news/report.pdf", "/news/empty", "/news/gone")
	site.article("/news/1", "/news/1")
	site.handle("/news/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4 not really"))
	})
	site.handle("/news/empty", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>"))
	})
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/[a-z0-9.]+`}, "/")
	sum := runCrawl(t, cfg)
	want := map[string]int{"no_article": 1, "http_status": 1}
	if sum.Articles != 1 || sum.NotHTML != 1 || sum.Failed != 2 || !mapsEqual(sum.ByError, want) {
		t.Errorf("summary: %d articles, %d not HTML, %d failed %v; want 1, 1, 2 %v", sum.Articles, sum.NotHTML, sum.Failed, sum.ByError, want)
	}
	if sum.ByStatus["404"] != 1 || sum.ByStatus["200"] != 4 || sum.Pages != 5 {
		t.Errorf("pages %d by status %v; want 5: four 200, one 404", sum.Pages, sum.ByStatus)
	}
	// None of them stays pending to fail every later run; a timeout would.
	st, err := state.Open(cfg.State.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if pending, _ := st.Pending("test"); len(pending) != 0 {
		t.Errorf("still pending: %v", pending)
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestCrawlRawBytes checks that extraction gets the bytes as sent: colly
// would re-encode a UTF-8 page whose header wrongly says ISO-8859-1 into
// mojibake; extraction's own charset rules (valid UTF-8 wins) read it
// right.
func TestCrawlRawBytes(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/news/1")
	site.handle("/news/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		fmt.Fprint(w, strings.Replace(articleHTML(site.URL+"/news/1", "/news/1", 0), "town council", "café council in Zürich", 1))
	})
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/\d+`}, "/")
	runCrawl(t, cfg)
	recs := readRecords(t, cfg.Output.Dir)
	if len(recs) != 1 || !strings.Contains(recs[0].Article.Body, "café council in Zürich") {
		t.Fatalf("records %+v: want one body with the UTF-8 text intact", recs)
	}
}
