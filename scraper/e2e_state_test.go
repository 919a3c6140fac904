package scraper_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/lede-news/lede/scraper"
	"github.com/lede-news/lede/scraper/internal/testsite"
)

// TestE2ESecondRunFetchesNothing: a re-run with the same state requests no
// article and writes nothing.
func TestE2ESecondRunFetchesNothing(t *testing.T) {
	site := testsite.Start(t, testsite.Options{Plain: true, Articles: 30})
	cfg := siteConfig(t.TempDir(), site)
	first := crawl(t, cfg)
	if first.Articles != 30 {
		t.Fatalf("first run wrote %d articles, want 30", first.Articles)
	}
	site.ResetCounters()
	second := crawl(t, cfg)
	if n := site.ArticleRequests(); n != 0 {
		t.Errorf("second run made %d article requests, want 0", n)
	}
	if second.Articles != 0 || len(second.Outputs) != 0 {
		t.Errorf("second run wrote %d articles to %v", second.Articles, second.Outputs)
	}
	if second.Skipped != 30 {
		t.Errorf("second run Skipped = %d, want 30", second.Skipped)
	}
	if second.RunID == first.RunID {
		t.Errorf("both runs are %s", first.RunID)
	}
}

// TestE2ESecondRunFullSite: on the full site, the second run requests none
// of the articles the first wrote, nor their aliases (tracking variants,
// the /amp twin, the redirected old URL).
func TestE2ESecondRunFullSite(t *testing.T) {
	site := testsite.Start(t, testsite.Options{})
	cfg := siteConfig(t.TempDir(), site)
	crawl(t, cfg)
	site.ResetCounters()
	second := crawl(t, cfg)
	if second.Articles != 0 {
		t.Errorf("second run wrote %d articles", second.Articles)
	}
	for _, u := range append(site.Expected(), site.URL+"/news/2/amp", site.URL+"/news/old-story") {
		path := strings.TrimPrefix(u, site.URL)
		if n := site.Requests(path); n != 0 {
			t.Errorf("second run requested %s %d times", path, n)
		}
	}
	if n := site.OffsiteRequests(); n != 0 {
		t.Errorf("off-site server got %d requests", n)
	}
}

// TestE2ERefresh: with WithRefresh every known article is revalidated with
// a conditional GET; only the one changed in between is written again.
func TestE2ERefresh(t *testing.T) {
	site := testsite.Start(t, testsite.Options{})
	cfg := siteConfig(t.TempDir(), site)
	crawl(t, cfg)
	site.Change("/news/3")
	site.ResetCounters()
	sum := crawl(t, cfg, scraper.WithRefresh(true))
	recs := outputs(t, sum)
	if len(recs) != 1 || recs[0].Article.CanonicalURL != site.ArticleURL(3) {
		var got []string
		for _, r := range recs {
			got = append(got, r.Article.CanonicalURL)
		}
		t.Fatalf("refresh wrote %v, want only %s", got, site.ArticleURL(3))
	}
	if !strings.Contains(recs[0].Article.Body, "Correction (revision 1)") {
		t.Error("refreshed record does not have the changed body")
	}
	// Every known URL is revalidated once: the expected articles and the
	// aliases the state also knows (/news/2/amp, /news/old-story).
	known := len(site.Expected())
	if n := site.NotModified(); n < known-1 {
		t.Errorf("%d answers 304, want >= %d (every known article but the changed one)", n, known-1)
	}
	if sum.Unchanged != site.NotModified() {
		t.Errorf("Unchanged = %d, but the site answered 304 %d times", sum.Unchanged, site.NotModified())
	}
	for _, u := range site.Expected() {
		if p := strings.TrimPrefix(u, site.URL); site.Requests(p) > 1 {
			t.Errorf("refresh requested %s %d times", p, site.Requests(p))
		}
	}
	// And a third, plain run: everything known again, nothing fetched.
	site.ResetCounters()
	third := crawl(t, cfg)
	if third.Articles != 0 || site.Requests("/news/3") != 0 {
		t.Errorf("run after refresh wrote %d, requested /news/3 %d times", third.Articles, site.Requests("/news/3"))
	}
}

// TestE2EMarkdown writes Markdown files, one per article, with front
// matter naming the canonical URL.
func TestE2EMarkdown(t *testing.T) {
	site := testsite.Start(t, testsite.Options{Plain: true, Articles: 8, Sections: 2})
	dir := t.TempDir()
	cfg := siteConfig(dir, site)
	cfg.Output.Format = "markdown"
	sum := crawl(t, cfg)
	if sum.Articles != 8 {
		t.Fatalf("wrote %d articles, want 8", sum.Articles)
	}
	files := mdFiles(t, cfg.Output.Dir)
	if len(files) != 8 {
		t.Fatalf("%d Markdown files, want 8: %v", len(files), files)
	}
	seen := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		md := string(b)
		if !strings.HasPrefix(md, "---\n") || !strings.Contains(md, "\n---\n") {
			t.Errorf("%s: no YAML front matter", f)
			continue
		}
		for n := 1; n <= 8; n++ {
			if strings.Contains(md, "canonical_url: \""+site.ArticleURL(n)+"\"") || strings.Contains(md, "canonical_url: "+site.ArticleURL(n)+"\n") {
				seen[site.ArticleURL(n)] = true
			}
		}
		if !strings.Contains(md, "\n# ") || !strings.Contains(md, "site: ledger") && !strings.Contains(md, "site: \"ledger\"") {
			t.Errorf("%s: no headline or site:\n%.400s", f, md)
		}
	}
	if len(seen) != 8 {
		t.Errorf("front matter names %d distinct canonical URLs, want 8", len(seen))
	}
	site.ResetCounters()
	if again := crawl(t, cfg); again.Articles != 0 || site.ArticleRequests() != 0 {
		t.Errorf("second Markdown run wrote %d, requested %d articles", again.Articles, site.ArticleRequests())
	}
	if n := len(mdFiles(t, cfg.Output.Dir)); n != 8 {
		t.Errorf("%d Markdown files after the second run, want 8", n)
	}
}

// TestE2ERefreshAliases: an article changed behind two URLs (its /amp twin)
// or behind a redirect is written once by a refresh.
func TestE2ERefreshAliases(t *testing.T) {
	site := testsite.Start(t, testsite.Options{})
	cfg := siteConfig(t.TempDir(), site)
	crawl(t, cfg)
	site.Change("/news/2")           // also served at /news/2/amp
	site.Change("/news/moved-story") // reached through /news/old-story's 301
	sum := crawl(t, cfg, scraper.WithRefresh(true))
	got := byCanonical(outputs(t, sum))
	checkExactlyOnce(t, got, []string{site.ArticleURL(2), site.URL + "/news/moved-story"})
}

// TestE2EPendingSurvivesInterrupt: articles a stopped run discovered (here
// only through a sitemap) are fetched by the next run even when nothing
// leads to them any more: they were recorded as pending.
func TestE2EPendingSurvivesInterrupt(t *testing.T) {
	site := testsite.Start(t, testsite.Options{Plain: true, Articles: 40, ArticleDelay: 30 * time.Millisecond})
	dir := t.TempDir()
	cfg := siteConfig(dir, site)
	cfg.Crawl.PerHost = 1
	cfg.Sites[0].Follow, cfg.Sites[0].Feeds = nil, nil // the home page leads nowhere: the sitemap is the only way

	ctx, cancel := context.WithTimeout(context.Background(), e2eTimeout)
	defer cancel()
	go func() { // stop the run once it has written a few records
		for ctx.Err() == nil {
			if recs, _ := allJSONLQuiet(cfg.Output.Dir); recs >= 3 {
				cancel()
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	c, err := scraper.NewCrawler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	first, err := c.Run(ctx)
	if first == nil || !first.Interrupted || err == nil {
		t.Fatalf("first run: %+v, %v; want an interrupted summary and the context's error", first, err)
	}
	if first.Articles >= 40 {
		t.Fatalf("first run wrote all %d articles before the stop", first.Articles)
	}

	cfg.Sites[0].Sitemaps = false // nothing leads to the articles now
	second := crawl(t, cfg)
	if second.Articles != 40-first.Articles {
		t.Errorf("second run wrote %d, want the %d pending", second.Articles, 40-first.Articles)
	}
	recs, _ := allJSONL(t, cfg.Output.Dir)
	checkExactlyOnce(t, byCanonical(recs), site.Expected())
}
