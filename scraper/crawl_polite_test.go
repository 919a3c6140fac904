package scraper

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/lede-news/lede/scraper/robots"
)

// timerSlackGate absorbs timer and scheduling jitter in gap checks.
const timerSlackGate = 15 * time.Millisecond

// arrivals records the time each request reached a server and the most
// requests it had in flight at once.
type arrivals struct {
	mu       sync.Mutex
	at       []time.Time
	inFlight int
	max      int
}

func (a *arrivals) wrap(next http.Handler, hold time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		a.at = append(a.at, time.Now())
		a.inFlight++
		a.max = max(a.max, a.inFlight)
		a.mu.Unlock()
		defer func() {
			a.mu.Lock()
			a.inFlight--
			a.mu.Unlock()
		}()
		time.Sleep(hold)
		next.ServeHTTP(w, r)
	})
}

// gaps are the times between consecutive arrivals.
func (a *arrivals) gaps() []time.Duration {
	a.mu.Lock()
	defer a.mu.Unlock()
	at := append([]time.Time(nil), a.at...)
	sort.Slice(at, func(i, j int) bool { return at[i].Before(at[j]) })
	var out []time.Duration
	for i := 1; i < len(at); i++ {
		out = append(out, at[i].Sub(at[i-1]))
	}
	return out
}

// twoSitesOneHost serves two sites, "a" and "b", each a section page at
// /<name>/ linking n articles /<name>/<i>, on one server, and returns a
// configuration crawling both.
func twoSitesOneHost(t *testing.T, n int, hold time.Duration) (*Config, *arrivals) {
	site := newNewsSite(t)
	arr := &arrivals{}
	cfg := testConfig(t.TempDir(), site.URL, nil, nil)
	cfg.Sites = nil
	for _, name := range []string{"a", "b"} {
		var links []string
		for i := range n {
			p := fmt.Sprintf("/%s/%d", name, i)
			links = append(links, p)
			site.article(p, p)
		}
		site.page("/"+name+"/", links...)
		cfg.Sites = append(cfg.Sites, Site{
			Name: name, Start: []string{site.URL + "/" + name + "/"}, MaxDepth: DefaultMaxDepth,
			Articles: []*regexp.Regexp{regexp.MustCompile("^" + regexp.QuoteMeta(site.URL) + "/" + name + `/\d+$`)},
		})
	}
	site.mu.Lock()
	for k, h := range site.routes {
		site.routes[k] = arr.wrap(h, hold).ServeHTTP
	}
	site.mu.Unlock()
	return cfg, arr
}

// TestCrawlPerHostAcrossSites checks that per-host politeness holds for
// the host, not for each site: two sites on one host together keep to
// crawl.per_host requests in flight and to crawl.delay between requests.
func TestCrawlPerHostAcrossSites(t *testing.T) {
	t.Run("per_host", func(t *testing.T) {
		cfg, arr := twoSitesOneHost(t, 8, 30*time.Millisecond)
		cfg.Crawl.PerHost, cfg.Crawl.Concurrency = 2, 8
		sum := runCrawl(t, cfg)
		if sum.Articles != 16 {
			t.Errorf("wrote %d articles, want 16 (%v)", sum.Articles, sum.ByError)
		}
		if arr.max > 2 {
			t.Errorf("server saw %d requests in flight, want <= per_host 2", arr.max)
		}
	})
	t.Run("delay", func(t *testing.T) {
		const delay = 150 * time.Millisecond
		cfg, arr := twoSitesOneHost(t, 2, 0)
		cfg.Crawl.Delay = delay
		sum := runCrawl(t, cfg)
		if sum.Articles != 4 {
			t.Errorf("wrote %d articles, want 4 (%v)", sum.Articles, sum.ByError)
		}
		for i, g := range arr.gaps() {
			if g < delay-timerSlackGate {
				t.Errorf("request %d came %v after the one before, want >= crawl.delay %v", i+1, g.Round(time.Millisecond), delay)
			}
		}
	})
}

// TestHostGate checks the gate's rules: a host's delay is the larger of
// crawl.delay and its Crawl-delay (only with respect_robots), a host
// without a delay has per_host slots, one with a delay a single slot.
func TestHostGate(t *testing.T) {
	slow, err := robots.Parse(200, []byte("User-agent: *\nCrawl-delay: 3\n"), "lede")
	if err != nil {
		t.Fatal(err)
	}
	spec, err := prepareSite(Site{
		Name: "s", Start: []string{"http://news.example:8080/"}, Articles: []*regexp.Regexp{regexp.MustCompile(`.`)},
		Domains: []string{"news.example", "cdn.example:8443"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(spec.hosts) != 2 || spec.hosts[0] != "cdn.example:8443" || spec.hosts[1] != "news.example:8080" {
		t.Errorf("hosts %v, want the configured host:port of each domain", spec.hosts)
	}
	gateFor := func(delay time.Duration, respect bool) *hostGate {
		r := &run{c: &Crawler{cfg: &Config{Crawl: CrawlConfig{PerHost: 3, Delay: delay, RespectRobots: respect}}},
			robots: map[string]*robots.Rules{"news.example:8080": slow}, gate: newHostGate(3, delay)}
		r.setDelays()
		return r.gate
	}
	for _, tc := range []struct {
		name       string
		delay      time.Duration
		respect    bool
		news, cdn  time.Duration
		longestWin time.Duration
	}{
		{"Crawl-delay", 0, true, 3 * time.Second, 0, 3 * time.Second},
		{"crawl.delay shorter", time.Second, true, 3 * time.Second, time.Second, 3 * time.Second},
		{"crawl.delay longer", 5 * time.Second, true, 5 * time.Second, 5 * time.Second, 5 * time.Second},
		{"robots not respected", time.Second, false, time.Second, time.Second, time.Second},
	} {
		g := gateFor(tc.delay, tc.respect)
		if d := g.delayFor("NEWS.example:8080"); d != tc.news {
			t.Errorf("%s: news.example:8080 delay %v, want %v", tc.name, d, tc.news)
		}
		if d := g.delayFor("cdn.example:8443"); d != tc.cdn {
			t.Errorf("%s: cdn.example:8443 delay %v, want %v", tc.name, d, tc.cdn)
		}
		if d := g.maxDelay(); d != tc.longestWin {
			t.Errorf("%s: longest delay %v, want %v", tc.name, d, tc.longestWin)
		}
	}
	// Slots: three for a host without a delay, one with. The acquisitions
	// that must succeed get a generous deadline (a loaded machine may be
	// slow to schedule them); only the one that must block gets a short one.
	g := gateFor(0, true)
	slots := func(host string, want int) {
		t.Helper()
		for i := range want {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			_, err := g.acquire(ctx, host)
			cancel()
			if err != nil {
				t.Errorf("%s: slot %d of %d not granted: %v", host, i+1, want, err)
				return
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		if _, err := g.acquire(ctx, host); err == nil {
			t.Errorf("%s: slot %d granted, want only %d", host, want+1, want)
		}
	}
	slots("cdn.example:8443", 3)  // no delay: per_host
	slots("news.example:8080", 1) // Crawl-delay: one at a time
}

// failFirstTry serves a home page linking /news/1, whose first request
// gets first and every later one the article. The returned function gives
// the arrival times of /news/1's requests.
func failFirstTry(site *newsSite, first http.HandlerFunc) (arrivals func() []time.Time) {
	var (
		mu    sync.Mutex
		tries []time.Time
	)
	site.page("/", "/news/1")
	site.handle("/news/1", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		tries = append(tries, time.Now())
		n := len(tries)
		mu.Unlock()
		if n == 1 {
			first(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articleHTML(site.URL+"/news/1", "/news/1", 0))
	})
	return func() []time.Time {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(tries)
	}
}

// TestCrawlRetryKeepsDelay checks that a retry of a 503 waits the host's
// delay, though fetch's backoff alone would retry sooner.
func TestCrawlRetryKeepsDelay(t *testing.T) {
	const delay = time.Second // over fetch.DefaultBackoffBase, so that backoff alone would fail
	site := newNewsSite(t)
	arrivals := failFirstTry(site, func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "busy", http.StatusServiceUnavailable)
	})
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/\d+`}, "/")
	cfg.Crawl.Delay, cfg.Crawl.Retries = delay, 2
	sum := runCrawl(t, cfg)
	if sum.Articles != 1 {
		t.Fatalf("wrote %d articles, want 1 (%v)", sum.Articles, sum.ByError)
	}
	tries := arrivals()
	if len(tries) != 2 {
		t.Fatalf("article requested %d times, want 2", len(tries))
	}
	if g := tries[1].Sub(tries[0]); g < delay-timerSlackGate {
		t.Errorf("retry came %v after the 503, want >= crawl.delay %v", g.Round(time.Millisecond), delay)
	}
}

// TestCrawlRetryAfterTimeoutKeepsDelay checks that a retry after a timeout
// waits the host's delay from the failure, though fetch's full-jitter
// backoff alone may retry at once.
func TestCrawlRetryAfterTimeoutKeepsDelay(t *testing.T) {
	const (
		delay   = time.Second
		timeout = 300 * time.Millisecond
	)
	site := newNewsSite(t)
	arrivals := failFirstTry(site, func(_ http.ResponseWriter, r *http.Request) {
		select { // past the timeout: the crawler gives up on this attempt
		case <-r.Context().Done():
		case <-time.After(3 * timeout):
		}
	})
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/\d+`}, "/")
	cfg.Crawl.Delay, cfg.Crawl.Retries, cfg.Crawl.Timeout = delay, 2, timeout
	sum := runCrawl(t, cfg)
	if sum.Articles != 1 {
		t.Fatalf("wrote %d articles, want 1 (%v)", sum.Articles, sum.ByError)
	}
	tries := arrivals()
	if len(tries) != 2 {
		t.Fatalf("article requested %d times, want 2", len(tries))
	}
	// The attempt's timeout starts when the crawler sends the request, a
	// little before the handler records it (tens of ms on a loaded
	// machine), so tries[1]-tries[0]-timeout may fall short of the true gap
	// by that much. A retry timed from the start of the attempt rather than
	// from the failure would come delay-timeout (700ms) after it: still
	// caught.
	const sendSlack = 100 * time.Millisecond
	if g := tries[1].Sub(tries[0]) - timeout; g < delay-sendSlack {
		t.Errorf("retry came %v after the timeout, want >= crawl.delay %v", g.Round(time.Millisecond), delay)
	}
}

// The robots.txt fetch that tells a host's Crawl-delay is a request to
// that host: the first page after it waits out the delay too.
func TestHostGateDelayCountsFromRobotsFetch(t *testing.T) {
	const delay = 300 * time.Millisecond
	g := newHostGate(2, 0)
	release, err := g.acquire(context.Background(), "news.example")
	if err != nil {
		t.Fatal(err)
	}
	// Read the clock before release, which stamps the end itself: taken
	// after, a preempted test could see the gap short by the time between.
	ended := time.Now()
	release()                         // the robots.txt fetch ends
	g.setDelay("news.example", delay) // its Crawl-delay, learned from it
	release, err = g.acquire(context.Background(), "news.example")
	if err != nil {
		t.Fatal(err)
	}
	started := time.Now()
	release()
	if gap := started.Sub(ended); gap < delay {
		t.Errorf("first page started %v after robots.txt, want at least the Crawl-delay %v", gap, delay)
	}
	// Another host is not held up.
	release, err = g.acquire(context.Background(), "other.example")
	if err != nil {
		t.Fatal(err)
	}
	release()
}
