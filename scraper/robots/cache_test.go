package robots

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// robotsServer serves body with status at /robots.txt and counts the fetches
// and the User-Agents they carried.
type robotsServer struct {
	*httptest.Server
	fetches atomic.Int32
	agent   atomic.Value
}

func newRobotsServer(t *testing.T, status int, body string, hold time.Duration) *robotsServer {
	t.Helper()
	s := &robotsServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			s.fetches.Add(1)
			s.agent.Store(r.Header.Get("User-Agent"))
			// Hold the answer so that concurrent callers arrive while
			// the fetch is in flight.
			select {
			case <-time.After(hold):
			case <-r.Context().Done():
				return
			}
			w.WriteHeader(status)
			fmt.Fprint(w, body)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func TestCacheGet(t *testing.T) {
	srv := newRobotsServer(t, 200, "User-agent: *\nDisallow: /private\n\nUser-agent: lede\nCrawl-delay: 2\n\nSitemap: /s.xml\n", 0)
	cache := &Cache{UserAgent: agent}
	rules, err := cache.Get(t.Context(), mustURL(t, srv.URL+"/news/a?x=1"))
	if err != nil {
		t.Fatal(err)
	}
	if rules.CrawlDelay() != 2*time.Second || rules.Sitemaps()[0] != "/s.xml" {
		t.Errorf("rules: delay %v sitemaps %q, want our group's 2s and /s.xml", rules.CrawlDelay(), rules.Sitemaps())
	}
	if got := srv.agent.Load(); got != agent {
		t.Errorf("robots.txt fetched with User-Agent %q, want %q", got, agent)
	}
	// The same origin again, another path: no second fetch.
	again, err := cache.Get(t.Context(), mustURL(t, srv.URL+"/other"))
	if err != nil || again != rules || srv.fetches.Load() != 1 {
		t.Errorf("second Get: err %v, same rules %v, %d fetches; want the cached rules and 1 fetch", err, again == rules, srv.fetches.Load())
	}
}

func TestCacheConcurrentGetFetchesOnce(t *testing.T) {
	const callers = 20
	srv := newRobotsServer(t, 200, "User-agent: *\nDisallow: /private\n", 50*time.Millisecond)
	cache := &Cache{UserAgent: agent}
	var wg sync.WaitGroup
	results := make([]*Rules, callers)
	for i := range callers {
		wg.Go(func() {
			rules, err := cache.Get(t.Context(), mustURL(t, fmt.Sprintf("%s/page/%d", srv.URL, i)))
			if err != nil {
				t.Error(err)
			}
			results[i] = rules
		})
	}
	wg.Wait()
	if n := srv.fetches.Load(); n != 1 {
		t.Fatalf("%d concurrent callers made %d fetches, want 1", callers, n)
	}
	for i, r := range results {
		if r != results[0] || r.Allowed(mustURL(t, srv.URL+"/private")) {
			t.Errorf("caller %d got different or wrong rules", i)
		}
	}
}

func TestCacheKeyedBySchemeAndHost(t *testing.T) {
	a := newRobotsServer(t, 200, "User-agent: *\nDisallow: /a\n", 0)
	b := newRobotsServer(t, 200, "User-agent: *\nDisallow: /b\n", 0)
	cache := &Cache{}
	ra, errA := cache.Get(t.Context(), mustURL(t, a.URL+"/x"))
	rb, errB := cache.Get(t.Context(), mustURL(t, b.URL+"/x"))
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if ra.Allowed(mustURL(t, "/a")) || !ra.Allowed(mustURL(t, "/b")) || rb.Allowed(mustURL(t, "/b")) || !rb.Allowed(mustURL(t, "/a")) {
		t.Error("each host should get its own rules")
	}
	// Case does not make another origin.
	upper := strings.Replace(a.URL, "http://", "HTTP://", 1)
	if _, err := cache.Get(t.Context(), mustURL(t, upper+"/y")); err != nil || a.fetches.Load() != 1 {
		t.Errorf("upper-case scheme: err %v, %d fetches; want the cached rules", err, a.fetches.Load())
	}
}

func TestCacheStatuses(t *testing.T) {
	for _, tc := range []struct {
		status  int
		allowed bool
	}{
		{404, true},
		{403, true},
		{500, false},
		{503, false},
	} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			srv := newRobotsServer(t, tc.status, "User-agent: *\nDisallow: /x\n", 0)
			rules, err := (&Cache{}).Get(t.Context(), mustURL(t, srv.URL+"/"))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range []string{"/", "/x"} {
				if got := rules.Allowed(mustURL(t, p)); got != tc.allowed {
					t.Errorf("Allowed(%s) = %v, want %v", p, got, tc.allowed)
				}
			}
		})
	}
}

func TestCacheUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	rules, err := (&Cache{}).Get(t.Context(), mustURL(t, "http://"+addr+"/page"))
	if err == nil || !strings.Contains(err.Error(), addr+"/robots.txt") {
		t.Errorf("err = %v, want an error naming the robots.txt URL", err)
	}
	if rules == nil || rules.Allowed(mustURL(t, "/page")) {
		t.Error("an unreachable host's rules should disallow everything")
	}
}

func TestCacheFollowsRedirectAndCapsBody(t *testing.T) {
	var b strings.Builder
	b.WriteString("User-agent: *\nDisallow: /early\n")
	for b.Len() < MaxSize+1000 {
		b.WriteString("# filler filler filler filler filler filler filler filler filler\n")
	}
	b.WriteString("Disallow: /late\n")
	target := newRobotsServer(t, 200, b.String(), 0)
	// The site's robots.txt moved to another host (as for http -> https).
	site := httptest.NewServer(http.RedirectHandler(target.URL+"/robots.txt", http.StatusMovedPermanently))
	t.Cleanup(site.Close)
	rules, err := (&Cache{}).Get(t.Context(), mustURL(t, site.URL+"/page"))
	if err != nil {
		t.Fatal(err)
	}
	if target.fetches.Load() != 1 {
		t.Fatalf("redirect not followed: %d fetches at its target", target.fetches.Load())
	}
	checkPaths(t, rules, "-/early", "+/late")
}

func TestCacheCallerGivesUp(t *testing.T) {
	srv := newRobotsServer(t, 200, "User-agent: *\nDisallow: /x\n", 200*time.Millisecond)
	cache := &Cache{}
	u := mustURL(t, srv.URL+"/")
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	rules, err := cache.Get(ctx, u)
	if !errors.Is(err, context.DeadlineExceeded) || rules.Allowed(mustURL(t, "/")) {
		t.Fatalf("Get past its deadline: err %v; want deadline exceeded and disallow-all rules", err)
	}
	// The failure was the caller's, not the host's: it is not kept.
	rules, err = cache.Get(t.Context(), u)
	if err != nil || !rules.Allowed(mustURL(t, "/")) || rules.Allowed(mustURL(t, "/x")) {
		t.Fatalf("Get after a caller gave up: err %v; want the host's rules", err)
	}
	if n := srv.fetches.Load(); n != 2 {
		t.Errorf("%d fetches, want 2", n)
	}
}

func TestCacheBadURL(t *testing.T) {
	for _, raw := range []string{"mailto:a@example.com", "/relative", "ftp://example.com/robots.txt"} {
		rules, err := (&Cache{}).Get(t.Context(), mustURL(t, raw))
		if err == nil || !strings.Contains(err.Error(), raw) || rules.Allowed(mustURL(t, "/")) {
			t.Errorf("Get(%q): err %v; want an error naming the URL and disallow-all rules", raw, err)
		}
	}
}

func TestOrigin(t *testing.T) {
	for raw, want := range map[string]string{
		"https://News.Example.com/a?b": "https://news.example.com",
		"HTTP://example.com:80/":       "http://example.com",
		"https://example.com:443/x":    "https://example.com",
		"https://example.com:8443/x":   "https://example.com:8443",
		"http://example.com:443/x":     "http://example.com:443",
		"http://[2001:db8::1]:80/x":    "http://[2001:db8::1]",
		"http://user:pw@example.com/x": "http://example.com",
	} {
		if got := origin(mustURL(t, raw)); got != want {
			t.Errorf("origin(%s) = %s, want %s", raw, got, want)
		}
	}
}
