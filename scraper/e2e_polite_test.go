package scraper_test

import (
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lede-news/lede/scraper"
	"github.com/lede-news/lede/scraper/internal/testsite"
)

// timerSlack allows for timer granularity between the crawler's sleep and
// the server's clock, both on this machine.
const timerSlack = 10 * time.Millisecond

// sectionOnly configures a crawl of the site's first section alone: no
// sitemaps, no feed, so the requests are the pages and their articles.
func sectionOnly(t *testing.T, site *testsite.Site) *scraper.Config {
	cfg := siteConfig(t.TempDir(), site)
	cfg.Sites[0].Start = []string{site.SectionURL(0, 1)}
	cfg.Sites[0].Sitemaps = false
	cfg.Sites[0].Feeds = nil
	return cfg
}

// gaps are the intervals between the arrivals of the pages (robots.txt
// left out), in arrival order.
func gaps(site *testsite.Site) (paths []string, gaps []time.Duration) {
	var arr []testsite.Arrival
	for _, a := range site.Arrivals() {
		if a.Path != "/robots.txt" {
			arr = append(arr, a)
		}
	}
	sort.Slice(arr, func(i, j int) bool { return arr[i].At.Before(arr[j].At) })
	for i, a := range arr {
		paths = append(paths, a.Path)
		if i > 0 {
			gaps = append(gaps, a.At.Sub(arr[i-1].At))
		}
	}
	return paths, gaps
}

// TestE2EDelays: robots.txt's Crawl-delay and crawl.delay each space the
// requests to one host, even with per_host 2.
func TestE2EDelays(t *testing.T) {
	for _, tc := range []struct {
		name       string
		crawlDelay time.Duration // robots.txt
		delay      time.Duration // crawl.delay
		want       time.Duration
	}{
		{"robots Crawl-delay", time.Second, 0, time.Second},
		{"crawl.delay", 0, 300 * time.Millisecond, 300 * time.Millisecond},
		{"Crawl-delay wins when longer", 500 * time.Millisecond, 200 * time.Millisecond, 500 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := testsite.Start(t, testsite.Options{Plain: true, Sections: 1, Articles: 2, CrawlDelay: tc.crawlDelay})
			cfg := sectionOnly(t, site)
			cfg.Crawl.Delay = tc.delay
			sum := crawl(t, cfg)
			if sum.Articles != 2 {
				t.Fatalf("wrote %d articles, want 2", sum.Articles)
			}
			paths, gs := gaps(site)
			if len(paths) < 3 {
				t.Fatalf("requests %v, want the section, 2 articles (and the home page it links)", paths)
			}
			for i, g := range gs {
				if g < tc.want-timerSlack {
					t.Errorf("%s came %v after %s, want >= %v", paths[i+1], g.Round(time.Millisecond), paths[i], tc.want)
				}
			}
		})
	}
}

// TestE2EPerHostParallelism: the server never sees more requests at once
// than per_host (or concurrency, when lower) allows.
func TestE2EPerHostParallelism(t *testing.T) {
	for _, tc := range []struct{ perHost, concurrency, want int }{
		{1, 8, 1}, {3, 8, 3}, {4, 2, 2},
	} {
		t.Run("per_host="+strconv.Itoa(tc.perHost)+",concurrency="+strconv.Itoa(tc.concurrency), func(t *testing.T) {
			site := testsite.Start(t, testsite.Options{Plain: true, Articles: 24, ArticleDelay: 20 * time.Millisecond})
			cfg := siteConfig(t.TempDir(), site)
			cfg.Crawl.PerHost, cfg.Crawl.Concurrency = tc.perHost, tc.concurrency
			sum := crawl(t, cfg)
			if sum.Articles != 24 {
				t.Errorf("wrote %d articles, want 24", sum.Articles)
			}
			if m := site.MaxInFlight(); m > tc.want {
				t.Errorf("server saw %d requests in flight, want <= %d", m, tc.want)
			} else {
				t.Logf("max in flight %d (limit %d)", m, tc.want)
			}
		})
	}
}

// TestE2EMaxDepth: max_depth bounds the walk down the pagination.
func TestE2EMaxDepth(t *testing.T) {
	const depth = 2
	site := testsite.Start(t, testsite.Options{Plain: true, Sections: 1, PerPage: 2, Articles: 12}) // 6 pages
	cfg := sectionOnly(t, site)
	cfg.Sites[0].MaxDepth = depth
	sum := crawl(t, cfg)
	got := byCanonical(outputs(t, sum))
	for n := 1; n <= 12; n++ {
		_, page := site.PageOf(n)
		hops := page // page p is p-1 hops from the start page, its articles one more
		switch {
		case hops <= depth && got[site.ArticleURL(n)] != 1:
			t.Errorf("article %d (page %d, %d hops) written %d times, want once", n, page, hops, got[site.ArticleURL(n)])
		case hops > depth+1 && site.Requests("/news/"+strconv.Itoa(n)) != 0:
			t.Errorf("article %d (page %d, %d hops) requested beyond max_depth %d", n, page, hops, depth)
		}
	}
	for page := depth + 2; page <= site.Pages(0); page++ {
		if uri := strings.TrimPrefix(site.SectionURL(0, page), site.URL); site.RequestsFor(uri) != 0 {
			t.Errorf("section page %d (%d hops) requested beyond max_depth %d", page, page-1, depth)
		}
	}
	for _, p := range []string{"/sitemap.xml", "/sitemap_index.xml", "/feed.xml"} {
		if n := site.Requests(p); n != 0 {
			t.Errorf("%s requested %d times with sitemaps off and no feeds", p, n)
		}
	}
	if sum.Articles < 2*depth {
		t.Errorf("wrote %d articles, want >= %d", sum.Articles, 2*depth)
	}
}

// TestE2EConcurrencyAcrossSites: crawl.concurrency bounds the requests in
// flight over all sites together, per_host each one.
func TestE2EConcurrencyAcrossSites(t *testing.T) {
	var all testsite.Gauge
	opts := testsite.Options{Plain: true, Articles: 16, ArticleDelay: 20 * time.Millisecond, Gauge: &all}
	a, b := testsite.Start(t, opts), testsite.Start(t, opts)
	dir := t.TempDir()
	cfg := siteConfig(dir, a)
	other := siteConfig(dir, b).Sites[0]
	other.Name = "other"
	cfg.Sites = append(cfg.Sites, other)
	cfg.Crawl.PerHost, cfg.Crawl.Concurrency = 2, 3
	sum := crawl(t, cfg)
	if sum.Articles != 32 {
		t.Errorf("wrote %d articles, want 32", sum.Articles)
	}
	if m := all.Max(); m > 3 {
		t.Errorf("%d requests in flight over both sites, concurrency is 3", m)
	}
	if m := max(a.MaxInFlight(), b.MaxInFlight()); m > 2 {
		t.Errorf("%d requests in flight on one site, per_host is 2", m)
	}
	t.Logf("max in flight: both %d, a %d, b %d", all.Max(), a.MaxInFlight(), b.MaxInFlight())
}
