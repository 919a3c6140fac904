package scraper

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/lede-news/lede/scraper/state"
)

// dedupeSite serves three articles, one of them under four URLs: its own,
// an AMP copy with the same canonical URL, a link with tracking parameters
// and a fragment, and an upper-case host.
func dedupeSite(t *testing.T) *newsSite {
	site := newNewsSite(t)
	site.page("/",
		"/news/1", "/news/1/amp", "/news/1?utm_source=x&fbclid=y#top",
		"/news/2", "/news/3", "/news/3?utm_medium=feed")
	site.article("/news/1", "/news/1")
	site.article("/news/1/amp", "/news/1")
	site.article("/news/2", "/news/2")
	site.article("/news/3", "/news/3")
	return site
}

func dedupeConfig(dir, base string) *Config {
	return testConfig(dir, base, nil, []string{`/news/\d+(/amp)?`}, "/")
}

// TestCrawlCanonicalDedupe checks that URLs are normalized before they are
// fetched (tracking parameters, fragments) and that two URLs serving the
// same article (same canonical URL) give one record.
func TestCrawlCanonicalDedupe(t *testing.T) {
	site := dedupeSite(t)
	cfg := dedupeConfig(t.TempDir(), site.URL)
	sum := runCrawl(t, cfg)
	got := canonicals(readRecords(t, cfg.Output.Dir))
	if want := urls(site.URL, "/news/1", "/news/2", "/news/3"); !slices.Equal(got, want) {
		t.Fatalf("wrote %v, want %v", got, want)
	}
	if sum.Articles != 3 || sum.Duplicates != 1 || sum.Failed != 0 {
		t.Errorf("summary: %d articles, %d duplicates, %d failed; want 3, 1, 0", sum.Articles, sum.Duplicates, sum.Failed)
	}
	for _, p := range []string{"/news/1", "/news/3"} {
		if n := site.count(p); n != 1 {
			t.Errorf("%s fetched %d times, want once", p, n)
		}
	}
	if n := site.total("/news/1?") + site.total("/news/3?"); n != 0 {
		t.Errorf("URLs with tracking parameters fetched %d times", n)
	}
}

// TestCrawlSecondRunSkips checks that a second run with the same state
// fetches no known article (duplicate URLs included) and writes nothing,
// creating no empty output file.
func TestCrawlSecondRunSkips(t *testing.T) {
	site := dedupeSite(t)
	dir := t.TempDir()
	first := runCrawl(t, dedupeConfig(dir, site.URL), WithRunID("first"))
	if first.Articles != 3 {
		t.Fatalf("first run wrote %d articles, want 3", first.Articles)
	}
	before := site.total("/news/")
	second := runCrawl(t, dedupeConfig(dir, site.URL), WithRunID("second"))
	if n := site.total("/news/") - before; n != 0 {
		t.Errorf("second run made %d article requests, want 0", n)
	}
	if second.Articles != 0 || second.Skipped != 4 || len(second.Outputs) != 0 {
		t.Errorf("second run: %d articles, %d skipped, outputs %v; want 0, 4 (the AMP copy included), none",
			second.Articles, second.Skipped, second.Outputs)
	}
	if b, _ := json.Marshal(second); !strings.Contains(string(b), `"outputs":[]`) {
		t.Errorf("summary JSON %s: want outputs [], not null", b)
	}
	if recs := readRecords(t, dedupeConfig(dir, site.URL).Output.Dir); len(recs) != 3 {
		t.Errorf("%d records over both runs, want 3", len(recs))
	}
}

// TestCrawlRefresh checks WithRefresh: known articles are revalidated with
// conditional GETs; a 304 is Unchanged, an edited article is written again.
func TestCrawlRefresh(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/news/1", "/news/2", "/news/3")
	for _, p := range []string{"/news/1", "/news/2", "/news/3"} {
		site.article(p, p)
	}
	var conditional []string
	dir := t.TempDir()
	cfg := testConfig(dir, site.URL, nil, []string{`/news/\d+`}, "/")
	runCrawl(t, cfg, WithRunID("first"))

	site.edit("/news/2")
	// Record which requests carried validators, then serve as usual.
	site.watch(func(r *http.Request) {
		if r.Header.Get("If-None-Match") != "" && r.Header.Get("If-Modified-Since") != "" {
			conditional = append(conditional, r.URL.Path)
		}
	})
	sum := runCrawl(t, testConfig(dir, site.URL, nil, []string{`/news/\d+`}, "/"), WithRunID("second"), WithRefresh(true))
	site.watch(nil)
	slices.Sort(conditional)
	if want := []string{"/news/1", "/news/2", "/news/3"}; !slices.Equal(conditional, want) {
		t.Errorf("conditional GETs for %v, want %v", conditional, want)
	}
	if sum.Unchanged != 2 || sum.Articles != 1 || sum.ByStatus["304"] != 2 {
		t.Errorf("refresh: %d unchanged, %d written, statuses %v; want 2, 1, two 304s", sum.Unchanged, sum.Articles, sum.ByStatus)
	}
	recs := readRecords(t, cfg.Output.Dir)
	if len(recs) != 4 {
		t.Fatalf("%d records over both runs, want 4", len(recs))
	}
	var edited int
	for _, r := range recs {
		if r.Article.CanonicalURL == site.URL+"/news/2" {
			edited++
		}
	}
	if edited != 2 {
		t.Errorf("edited article written %d times over both runs, want 2", edited)
	}

	// A third refresh finds nothing changed: the new validators were kept.
	third := runCrawl(t, testConfig(dir, site.URL, nil, []string{`/news/\d+`}, "/"), WithRunID("third"), WithRefresh(true))
	if third.Unchanged != 3 || third.Articles != 0 {
		t.Errorf("third run: %d unchanged, %d written; want 3, 0", third.Unchanged, third.Articles)
	}
}

// TestCrawlSameContentNoValidators checks refresh without ETag support:
// a 200 with the same content hash is Unchanged and writes nothing.
func TestCrawlSameContentNoValidators(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/news/1")
	site.handle("/news/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(articleHTML(site.URL+"/news/1", "/news/1", 0)))
	})
	dir := t.TempDir()
	runCrawl(t, testConfig(dir, site.URL, nil, []string{`/news/\d+`}, "/"), WithRunID("a"))
	sum := runCrawl(t, testConfig(dir, site.URL, nil, []string{`/news/\d+`}, "/"), WithRunID("b"), WithRefresh(true))
	if sum.Unchanged != 1 || sum.Articles != 0 || site.count("/news/1") != 2 {
		t.Errorf("refetched %d times: %d unchanged, %d written; want 2, 1, 0", site.count("/news/1"), sum.Unchanged, sum.Articles)
	}
}

// TestCrawlPendingBlockedDropped checks that a pending article URL that
// robots.txt has since disallowed is counted as blocked once, not fetched,
// and leaves the pending set instead of being blocked by every later run.
func TestCrawlPendingBlockedDropped(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/news/1")
	site.article("/news/1", "/news/1")
	site.article("/news/private/2", "/news/private/2")
	site.handle("/robots.txt", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("User-agent: *\nDisallow: /news/private/\n"))
	})
	dir := t.TempDir()
	cfg := testConfig(dir, site.URL, nil, []string{`/news/(private/)?\d+`}, "/")
	cfg.Crawl.RespectRobots = true
	st, err := state.Open(cfg.State.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AddPending("test", site.URL+"/news/private/2"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	sum := runCrawl(t, cfg)
	if sum.Blocked != 1 || sum.Articles != 1 || site.count("/news/private/2") != 0 {
		t.Errorf("run 1: %d blocked, %d articles, private fetched %d times; want 1, 1, 0",
			sum.Blocked, sum.Articles, site.count("/news/private/2"))
	}
	st, err = state.Open(cfg.State.Path)
	if err != nil {
		t.Fatal(err)
	}
	pending, err := st.Pending("test")
	st.Close()
	if err != nil || len(pending) != 0 {
		t.Fatalf("pending after the run: %v, %v; want none", pending, err)
	}
	if sum := runCrawl(t, cfg); sum.Blocked != 0 {
		t.Errorf("run 2 blocked %d URLs, want 0", sum.Blocked)
	}
}
