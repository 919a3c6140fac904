package scraper

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lede-news/lede/scraper/state"
)

// failingSite serves a section page linking to one good article and to
// article URLs that fail for good, each its own way: 404, 410, a PDF, a
// page without article text, a redirect off the site, a redirect chain
// over the limit, a body over the cap. It returns those failing paths.
func failingSite(t *testing.T) (*newsSite, []string) {
	t.Helper()
	site := newNewsSite(t)
	bad := []string{"/news/gone", "/news/removed", "/news/report.pdf", "/news/empty",
		"/news/away", "/news/loop-0", "/news/huge"}
	site.page("/", append([]string{"/news/1"}, bad...)...)
	site.article("/news/1", "/news/1")
	// /news/gone: no route, a 404.
	site.handle("/news/removed", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	})
	site.handle("/news/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4 not really"))
	})
	site.handle("/news/empty", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>"))
	})
	site.handle("/news/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://elsewhere.invalid/news/away", http.StatusFound)
	})
	for i := 0; i < 20; i++ {
		next := fmt.Sprintf("/news/loop-%d", i+1)
		site.handle(fmt.Sprintf("/news/loop-%d", i), func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, next, http.StatusFound)
		})
	}
	site.handle("/news/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>" + strings.Repeat("word ", 8<<10) + "</p></body></html>"))
	})
	return site, bad
}

// failingConfig is testConfig for failingSite, with a body cap below
// /news/huge and the given crawl.recheck_failed.
func failingConfig(t *testing.T, base string, recheck time.Duration) *Config {
	cfg := testConfig(t.TempDir(), base, nil, []string{`/news/[a-z0-9.-]+`}, "/")
	cfg.Crawl.MaxBody = 16 << 10
	cfg.Crawl.RecheckFailed = recheck
	return cfg
}

// openState opens the crawl's state file for a look between runs; it is
// closed when the test ends or by the returned func, whichever is first.
func openState(t *testing.T, cfg *Config) (*state.Store, func()) {
	t.Helper()
	st, err := state.Open(cfg.State.Path)
	if err != nil {
		t.Fatal(err)
	}
	closed := false
	done := func() {
		if !closed {
			closed = true
			if err := st.Close(); err != nil {
				t.Error(err)
			}
		}
	}
	t.Cleanup(done)
	return st, done
}

// TestCrawlRemembersPermanentFailures: an article URL that failed for a
// reason no later run would mend is recorded in the state, and the next
// run within crawl.recheck_failed makes no request for it and does not
// count it as failed: a nightly cron job does not exit 1 over a dead link.
func TestCrawlRemembersPermanentFailures(t *testing.T) {
	site, bad := failingSite(t)
	cfg := failingConfig(t, site.URL, 168*time.Hour)

	first := runCrawl(t, cfg)
	wantErr := map[string]int{"http_status": 2, "no_article": 1, "off_site": 1, "redirects": 1, "too_large": 1}
	if first.Articles != 1 || first.NotHTML != 1 || first.Failed != 6 || !mapsEqual(first.ByError, wantErr) {
		t.Errorf("first run: %d articles, %d not HTML, %d failed %v; want 1, 1, 6 %v",
			first.Articles, first.NotHTML, first.Failed, first.ByError, wantErr)
	}
	st, closeState := openState(t, cfg)
	wantKind := map[string]struct {
		kind   string
		status int
	}{
		"/news/gone": {"http_status", 404}, "/news/removed": {"http_status", 410},
		"/news/report.pdf": {"not_html", 200}, "/news/empty": {"no_article", 200},
		"/news/away": {"off_site", 0}, "/news/loop-0": {"redirects", 0}, "/news/huge": {"too_large", 0},
	}
	for _, p := range bad {
		f, ok, err := st.Failure(site.URL + p)
		w := wantKind[p]
		if err != nil || !ok || f.Kind != w.kind || f.Status != w.status || f.Count != 1 || f.Site != "test" {
			t.Errorf("%s: failure record %+v, %v, %v; want kind %s status %d count 1", p, f, ok, err, w.kind, w.status)
		}
	}
	if _, ok, _ := st.Failure(site.URL + "/news/1"); ok {
		t.Error("/news/1 was written but has a failure record")
	}
	if pending, _ := st.Pending("test"); len(pending) != 0 {
		t.Errorf("still pending after the first run: %v", pending)
	}
	closeState()

	afterFirst := site.total("/news/") - site.count("/news/1")
	before := map[string]int{}
	for _, p := range bad {
		before[p] = site.count(p)
	}
	second := runCrawl(t, cfg)
	for _, p := range bad {
		if n := site.count(p) - before[p]; n != 0 {
			t.Errorf("second run requested %s %d times, want 0", p, n)
		}
	}
	if second.Failed != 0 || second.SkippedFailed != len(bad) || second.Skipped != 1 || second.NotHTML != 0 {
		t.Errorf("second run: %d failed %v, %d skipped as failed, %d skipped, %d not HTML; want 0, %d, 1, 0",
			second.Failed, second.ByError, second.SkippedFailed, second.Skipped, second.NotHTML, len(bad))
	}

	// WithRefresh revalidates known articles, not failed URLs.
	third := runCrawl(t, cfg, WithRefresh(true))
	if n := site.total("/news/") - site.count("/news/1"); n != afterFirst {
		t.Errorf("after a refresh run, %d requests to the failed URLs, want the first run's %d", n, afterFirst)
	}
	if third.SkippedFailed != len(bad) || third.Failed != 0 {
		t.Errorf("refresh run: %d skipped as failed, %d failed; want %d, 0", third.SkippedFailed, third.Failed, len(bad))
	}
}

// TestCrawlRecheckFailedZero: with crawl.recheck_failed 0 every run fetches
// failed URLs again, and counts their failures.
func TestCrawlRecheckFailedZero(t *testing.T) {
	site, bad := failingSite(t)
	cfg := failingConfig(t, site.URL, 0)
	runCrawl(t, cfg)
	second := runCrawl(t, cfg)
	for _, p := range bad {
		if n := site.count(p); n != 2 {
			t.Errorf("%s requested %d times in two runs, want 2", p, n)
		}
	}
	if second.SkippedFailed != 0 || second.Failed != 6 || second.NotHTML != 1 {
		t.Errorf("second run: %d skipped as failed, %d failed, %d not HTML; want 0, 6, 1",
			second.SkippedFailed, second.Failed, second.NotHTML)
	}
	st, _ := openState(t, cfg)
	if f, ok, err := st.Failure(site.URL + "/news/gone"); err != nil || !ok || f.Count != 2 || !f.First.Before(f.Last) {
		t.Errorf("/news/gone after two failures: %+v, %v, %v; want count 2, first before last", f, ok, err)
	}
}

// TestCrawlTransientFailureRetried: an article answering 503 every time is
// not remembered as failed: it stays pending, every run fetches it again
// and counts it as failed (so the run exits 1).
func TestCrawlTransientFailureRetried(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/news/1", "/news/down")
	site.article("/news/1", "/news/1")
	site.handle("/news/down", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "busy", http.StatusServiceUnavailable)
	})
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/[a-z0-9]+`}, "/")
	cfg.Crawl.RecheckFailed = 168 * time.Hour
	for run := 1; run <= 2; run++ {
		sum := runCrawl(t, cfg)
		if sum.Failed != 1 || sum.ByError["http_status"] != 1 || sum.SkippedFailed != 0 {
			t.Errorf("run %d: %d failed %v, %d skipped as failed; want the 503 failed, none skipped",
				run, sum.Failed, sum.ByError, sum.SkippedFailed)
		}
		if n := site.count("/news/down"); n != run {
			t.Errorf("after run %d, /news/down requested %d times, want %d", run, n, run)
		}
		st, closeState := openState(t, cfg)
		if f, ok, _ := st.Failure(site.URL + "/news/down"); ok {
			t.Errorf("run %d: a 503 recorded as a failure for good: %+v", run, f)
		}
		if pending, _ := st.Pending("test"); len(pending) != 1 || pending[0] != site.URL+"/news/down" {
			t.Errorf("run %d: pending %v, want /news/down", run, pending)
		}
		closeState()
	}
}

// TestCrawlFailedComesBack: a URL that 404ed is left alone until
// crawl.recheck_failed has passed; then it is fetched again, and once it
// serves an article, the article is written and the failure forgotten.
func TestCrawlFailedComesBack(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/news/late")
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/[a-z]+`}, "/")
	cfg.Crawl.RecheckFailed = 168 * time.Hour
	u := site.URL + "/news/late"

	if sum := runCrawl(t, cfg); sum.Failed != 1 || sum.ByStatus["404"] != 1 {
		t.Fatalf("first run: %d failed, by status %v; want the 404", sum.Failed, sum.ByStatus)
	}
	site.article("/news/late", "/news/late") // published at last
	if sum := runCrawl(t, cfg); sum.SkippedFailed != 1 || sum.Articles != 0 || site.count("/news/late") != 1 {
		t.Fatalf("second run, within recheck: %d skipped as failed, %d articles, %d requests; want 1, 0, 1",
			sum.SkippedFailed, sum.Articles, site.count("/news/late"))
	}
	// Eight days pass: the failure is as old as that.
	st, closeState := openState(t, cfg)
	old := time.Now().Add(-8 * 24 * time.Hour)
	if err := st.PutFailure(state.Failure{URL: u, Site: "test", Kind: "http_status", Status: 404, Last: old}); err != nil {
		t.Fatal(err)
	}
	closeState()

	sum := runCrawl(t, cfg)
	if sum.Articles != 1 || sum.SkippedFailed != 0 || sum.Failed != 0 || site.count("/news/late") != 2 {
		t.Errorf("run after recheck: %d articles, %d skipped as failed, %d failed, %d requests; want 1, 0, 0, 2",
			sum.Articles, sum.SkippedFailed, sum.Failed, site.count("/news/late"))
	}
	if got := canonicals(readRecords(t, cfg.Output.Dir)); len(got) != 1 || got[0] != u {
		t.Errorf("records %v, want %s", got, u)
	}
	st, _ = openState(t, cfg)
	if f, ok, err := st.Failure(u); ok || err != nil {
		t.Errorf("failure record kept after the article was written: %+v, %v", f, err)
	}
	if _, known, _ := st.Lookup(u); !known {
		t.Error("article not in the state")
	}
}
