package scraper

import (
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestCrawlWalkDepth checks the walk: links matching follow are walked,
// articles are extracted as leaves (their links are not read), other links
// are ignored, and max_depth bounds the hops from a start page.
func TestCrawlWalkDepth(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/section/world", "/news/1", "/about", "/news/1#comments")
	site.page("/section/world", "/news/2", "/section/world?page=2")
	site.page("/section/world?page=2", "/news/3", "/section/world?page=3")
	site.page("/section/world?page=3", "/news/4")
	site.page("/about", "/news/9")
	for _, p := range []string{"/news/1", "/news/2", "/news/3", "/news/4", "/news/9"} {
		site.article(p, p)
	}
	// An article page links to /section/world and / (nav): being a leaf,
	// its links are not followed, which matters only with a depth to spare.

	tests := []struct {
		depth int
		want  []string
	}{
		{0, nil},
		{1, []string{"/news/1"}},
		{2, []string{"/news/1", "/news/2"}},
		{3, []string{"/news/1", "/news/2", "/news/3"}},
		{10, []string{"/news/1", "/news/2", "/news/3", "/news/4"}},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		cfg := testConfig(dir, site.URL, []string{`/(section/[a-z]+(\?page=\d+)?)?`}, []string{`/news/\d+`}, "/")
		cfg.Sites[0].MaxDepth = tt.depth
		sum := runCrawl(t, cfg)
		got := canonicals(readRecords(t, cfg.Output.Dir))
		if want := urls(site.URL, tt.want...); !slices.Equal(got, want) {
			t.Errorf("max_depth %d: wrote %v, want %v", tt.depth, got, want)
		}
		if sum.Articles != len(tt.want) || sum.Failed != 0 {
			t.Errorf("max_depth %d: summary %+v", tt.depth, sum)
		}
	}
	if n := site.count("/about"); n != 0 {
		t.Errorf("/about (matches neither pattern) fetched %d times", n)
	}
	if n := site.count("/news/9"); n != 0 {
		t.Errorf("/news/9 (linked only from /about) fetched %d times", n)
	}
}

// TestCrawlStaysOnSite checks that links and redirects off the site's
// domains are never followed, and that a refused redirect is a failure
// named off_site.
func TestCrawlStaysOnSite(t *testing.T) {
	offHits := 0
	off := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		offHits++
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(articleHTML("http://elsewhere/", "x", 0)))
	}))
	defer off.Close()
	site := newNewsSite(t)
	site.page("/", "/news/1", off.URL+"/news/2", "/news/away", "mailto:desk@example.com", "javascript:void(0)")
	site.article("/news/1", "/news/1")
	site.handle("/news/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, off.URL+"/news/3", http.StatusFound)
	})
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/[a-z0-9]+`}, "/")
	// A pattern matching any loopback port: only the domains keep the
	// crawl off the other server.
	cfg.Sites[0].Articles = append(cfg.Sites[0].Articles, regexp.MustCompile(`^http://127\.0\.0\.1:\d+/news/\d+$`))
	sum := runCrawl(t, cfg)
	if offHits != 0 {
		t.Errorf("off-site server got %d requests", offHits)
	}
	if sum.Articles != 1 || sum.Failed != 1 || sum.ByError["off_site"] != 1 {
		t.Errorf("summary: articles %d failed %d by error %v; want 1 article, 1 off_site failure", sum.Articles, sum.Failed, sum.ByError)
	}
}

// TestCrawlRedirectLimit checks crawl.max_redirects and that a redirect
// within the site is followed, the record carrying the final URL.
func TestCrawlRedirectLimit(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/news/old", "/news/loop0")
	site.handle("/news/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/new", http.StatusMovedPermanently)
	})
	site.article("/news/new", "/news/new")
	for i := 0; i < 6; i++ {
		next := "/news/loop" + string(rune('1'+i))
		site.handle("/news/loop"+string(rune('0'+i)), func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, next, http.StatusFound)
		})
	}
	site.article("/news/loop6", "/news/loop6")
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/[a-z0-9]+`}, "/")
	cfg.Crawl.MaxRedirects = 3
	sum := runCrawl(t, cfg)
	recs := readRecords(t, cfg.Output.Dir)
	if len(recs) != 1 || recs[0].Article.URL != site.URL+"/news/new" || recs[0].Article.Source != site.URL+"/news/old" {
		t.Fatalf("records %+v, want the redirected /news/old as /news/new", recs)
	}
	if sum.ByError["redirects"] != 1 || sum.Failed != 1 {
		t.Errorf("by error %v, failed %d: want the 6-hop chain refused", sum.ByError, sum.Failed)
	}
	if n := site.count("/news/loop4"); n != 0 {
		t.Errorf("followed the chain past the limit: /news/loop4 fetched %d times", n)
	}
}

// TestCrawlWithSites checks that WithSites crawls only the named sites and
// that a start page matching articles is an article (a leaf).
func TestCrawlWithSites(t *testing.T) {
	a, b := newNewsSite(t), newNewsSite(t)
	for _, s := range []*newsSite{a, b} {
		s.page("/", "/news/2")
		s.article("/news/1", "/news/1")
		s.article("/news/2", "/news/2")
	}
	dir := t.TempDir()
	cfg := testConfig(dir, a.URL, nil, []string{`/news/\d+`}, "/")
	other := testConfig(dir, b.URL, nil, []string{`/news/\d+`}, "/news/1")
	other.Sites[0].Name = "other"
	cfg.Sites = append(cfg.Sites, other.Sites[0])
	sum := runCrawl(t, cfg, WithSites("other"))
	if n := a.total("/"); n != 0 {
		t.Errorf("site not chosen got %d requests", n)
	}
	got := canonicals(readRecords(t, cfg.Output.Dir))
	if want := urls(b.URL, "/news/1"); !slices.Equal(got, want) || sum.Articles != 1 {
		t.Errorf("wrote %v, want %v (the start page, as an article, and no link of it)", got, want)
	}
	if n := b.count("/news/2"); n != 0 {
		t.Errorf("a link of an article start page was followed (%d requests)", n)
	}
}

// TestCrawlUserAgentGzip checks that every request carries the configured
// User-Agent and accepts gzip, and that a gzip-encoded article is read.
func TestCrawlUserAgentGzip(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/news/1")
	site.handle("/news/1", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "gzip only", http.StatusNotAcceptable)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte(articleHTML(site.URL+"/news/1", "/news/1", 0)))
		zw.Close()
	})
	var agents []string
	site.watch(func(r *http.Request) { agents = append(agents, r.UserAgent()) })
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/\d+`}, "/")
	sum := runCrawl(t, cfg)
	site.watch(nil)
	if sum.Articles != 1 {
		t.Fatalf("wrote %d articles (failures %v), want the gzip-encoded one", sum.Articles, sum.ByError)
	}
	if len(agents) != 2 || agents[0] != cfg.Crawl.UserAgent || agents[1] != cfg.Crawl.UserAgent {
		t.Errorf("User-Agents %q, want %q on both requests", agents, cfg.Crawl.UserAgent)
	}
	recs := readRecords(t, cfg.Output.Dir)
	if len(recs) != 1 || !strings.Contains(recs[0].Article.Body, "town council meeting") {
		t.Errorf("records %+v", recs)
	}
}
