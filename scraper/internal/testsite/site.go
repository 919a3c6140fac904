package testsite

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// Defaults the zero Options stand for: enough articles for three paginated
// sections of a few pages each, small enough that a crawl takes a moment.
const (
	defaultArticles      = 24
	defaultSections      = 3
	defaultPerPage       = 4
	defaultSlowDelay     = 200 * time.Millisecond
	defaultRedirectChain = 15      // above the crawl's usual limit of 10
	defaultHugeSize      = 2 << 20 // above the 1 MiB cap the tests configure
)

// Options shape the site. The zero value is the full-featured site.
type Options struct {
	Articles      int           // regular articles /news/1 ... /news/N; 0 means 24
	Sections      int           // sections; 0 means 3
	PerPage       int           // articles listed per section page; 0 means 4
	SlowDelay     time.Duration // pause of /news/slow; 0 means 200ms
	ArticleDelay  time.Duration // pause before every article response; 0 means none
	CrawlDelay    time.Duration // robots.txt Crawl-delay; 0 means no such line
	RedirectChain int           // redirects in /news/loop/0's chain; 0 means 15
	HugeSize      int           // body size of /news/huge; 0 means 2 MiB
	RobotsStatus  int           // status of /robots.txt; 0 means 200 (with the rules)
	Gauge         *Gauge        // also counts this site's requests in flight; nil means none
	// Plain leaves out the traps: only the home page, sections, regular
	// articles, robots.txt, sitemaps and feed (listing regular articles).
	Plain bool
	// Corpus is a directory of real HTML pages; when set, regular article
	// N serves page (N-1) modulo their number, with its own canonical URL.
	Corpus string
}

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Articles, defaultArticles)
	def(&o.Sections, defaultSections)
	def(&o.PerPage, defaultPerPage)
	def(&o.RedirectChain, defaultRedirectChain)
	def(&o.HugeSize, defaultHugeSize)
	if o.SlowDelay <= 0 {
		o.SlowDelay = defaultSlowDelay
	}
	return o
}

// Site is a running test news site and its off-site neighbour.
type Site struct {
	URL        string // base URL without trailing slash: http://127.0.0.1:PORT
	OffsiteURL string // the off-site server, http://127.0.0.1:PORT

	opts    Options
	srv     *httptest.Server
	off     *httptest.Server
	stats   *stats
	offStat *stats
	corpus  *corpus

	mu      sync.Mutex
	revs    map[string]int // article path -> revision, bumped by Change
	flakyOK bool           // /news/flaky has answered 503 once
}

// New starts a site. Close it when done.
func New(opts Options) (*Site, error) {
	s := &Site{opts: opts.withDefaults(), stats: newStats(), offStat: newStats(), revs: map[string]int{}}
	s.stats.gauge = opts.Gauge
	if s.opts.Corpus != "" {
		c, err := loadCorpus(s.opts.Corpus)
		if err != nil {
			return nil, err
		}
		s.corpus = c
	}
	// The handlers read s.URL and s.OffsiteURL: set them from the bound
	// listeners before the servers start, not after (a request from another
	// process could otherwise race the assignment).
	s.off = httptest.NewUnstartedServer(s.offStat.wrap(http.HandlerFunc(offsite)))
	s.OffsiteURL = "http://" + s.off.Listener.Addr().String()
	s.srv = httptest.NewUnstartedServer(s.stats.wrap(http.HandlerFunc(s.serve)))
	s.URL = "http://" + s.srv.Listener.Addr().String()
	s.off.Start()
	s.srv.Start()
	return s, nil
}

// Start starts a site for a test or benchmark and closes it at its end.
func Start(tb testing.TB, opts Options) *Site {
	tb.Helper()
	s, err := New(opts)
	if err != nil {
		tb.Fatalf("starting the test site: %v", err)
	}
	tb.Cleanup(s.Close)
	return s
}

// Close stops both servers.
func (s *Site) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
	s.off.CloseClientConnections()
	s.off.Close()
}

// Options returns the site's options, defaults filled in.
func (s *Site) Options() Options { return s.opts }

// Host is the site's host:port.
func (s *Site) Host() string { return strings.TrimPrefix(s.URL, "http://") }

// StartURL is the home page.
func (s *Site) StartURL() string { return s.URL + "/" }

// FeedURL is the RSS feed.
func (s *Site) FeedURL() string { return s.URL + "/feed.xml" }

// ArticlePattern matches the site's article URLs (private ones included,
// so that only robots.txt keeps a crawler out of them).
func (s *Site) ArticlePattern() string {
	return `^` + regexp.QuoteMeta(s.URL) + `/(private/)?news/[^#]+$`
}

// FollowPattern matches the home page, section pages with their
// pagination, and the private area's index.
func (s *Site) FollowPattern() string {
	return `^` + regexp.QuoteMeta(s.URL) + `/(section/[a-z0-9-]+(\?page=\d+)?|private/)?$`
}

// Change edits an article (by path, e.g. "/news/3"): its body gains a
// correction and its ETag and Last-Modified change.
func (s *Site) Change(path string) {
	s.mu.Lock()
	s.revs[path]++
	s.mu.Unlock()
}

func (s *Site) rev(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.revs[path]
}

// takeFlaky reports whether /news/flaky should fail this time (only the first).
func (s *Site) takeFlaky() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.flakyOK {
		return false
	}
	s.flakyOK = true
	return true
}

// Requests is the number of requests the site received for path (without
// query), e.g. "/news/3".
func (s *Site) Requests(path string) int { return s.stats.count(path) }

// RequestsFor is the number of requests for uri, path and query exactly
// as sent, e.g. "/section/world?page=2".
func (s *Site) RequestsFor(uri string) int { return s.stats.countURI(uri) }

// TotalRequests is the number of requests the site received.
func (s *Site) TotalRequests() int { return s.stats.total() }

// ArticleRequests is the number of requests for article paths (/news/...,
// /private/news/...), whatever their answer.
func (s *Site) ArticleRequests() int { return s.stats.articles() }

// NotModified is the number of 304 answers to conditional GETs.
func (s *Site) NotModified() int { return s.stats.notModified() }

// MaxInFlight is the largest number of requests the site served at once.
func (s *Site) MaxInFlight() int { return s.stats.maxInFlight() }

// Arrivals lists every request in the order it arrived.
func (s *Site) Arrivals() []Arrival { return s.stats.arrivals() }

// OffsiteRequests is the number of requests the off-site server received.
func (s *Site) OffsiteRequests() int { return s.offStat.total() }

// ResetCounters zeroes every counter (between two runs of a test).
func (s *Site) ResetCounters() {
	s.stats.reset()
	s.offStat.reset()
}

func offsite(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!doctype html><title>Elsewhere</title><h1>Another site</h1><p>%s</p>", r.URL.Path)
}
