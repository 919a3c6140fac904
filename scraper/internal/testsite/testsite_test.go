package testsite

import (
	"compress/gzip"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// noRedirect is a client that shows redirects and raw encodings as sent.
var noRedirect = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Transport:     &http.Transport{DisableCompression: true},
}

func get(t *testing.T, c *http.Client, u string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading: %v", u, err)
	}
	return resp, b
}

var hrefRE = regexp.MustCompile(`href="([^"]+)"`)

func links(t *testing.T, base string, body []byte) []string {
	t.Helper()
	b, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range hrefRE.FindAllSubmatch(body, -1) {
		u, err := b.Parse(strings.ReplaceAll(string(m[1]), "&amp;", "&"))
		if err != nil {
			t.Fatalf("bad link %q on %s", m[1], base)
		}
		out = append(out, u.String())
	}
	return out
}

// TestWalkFindsEveryLinkedArticle walks the site as a crawler would
// (follow and article patterns, robots ignored) and checks that the
// sections list exactly the regular articles.
func TestWalkFindsEveryLinkedArticle(t *testing.T) {
	for _, opts := range []Options{{}, {Plain: true, Articles: 50, Sections: 4, PerPage: 3}} {
		s := Start(t, opts)
		follow := regexp.MustCompile(s.FollowPattern())
		art := regexp.MustCompile(s.ArticlePattern())
		seen := map[string]bool{s.StartURL(): true}
		queue := []string{s.StartURL()}
		found := map[string]bool{}
		for len(queue) > 0 {
			u := queue[0]
			queue = queue[1:]
			resp, body := get(t, http.DefaultClient, u)
			if resp.StatusCode != 200 {
				t.Fatalf("%s: status %d", u, resp.StatusCode)
			}
			for _, l := range links(t, u, body) {
				switch {
				case art.MatchString(l):
					found[l] = true
				case follow.MatchString(l) && !seen[l]:
					seen[l] = true
					queue = append(queue, l)
				}
			}
		}
		for n := 1; n <= s.Options().Articles; n++ {
			if !found[s.ArticleURL(n)] {
				t.Errorf("%v: article %d not linked from any section", s, n)
			}
			sec, page := s.PageOf(n)
			if !seen[s.SectionURL(sec, page)] {
				t.Errorf("%v: page of article %d (%s) not reached", s, n, s.SectionURL(sec, page))
			}
		}
		if opts.Plain {
			for l := range found {
				if !strings.HasPrefix(l, s.URL+"/news/") || strings.Contains(l, "?") {
					t.Errorf("plain site links a trap: %s", l)
				}
			}
		} else {
			for _, want := range []string{s.URL + pathFlaky, s.URL + pathOld, s.URL + pathPrivate, s.URL + "/news/1?utm_source=newsletter&utm_medium=email", s.URL + "/news/2/amp"} {
				if !found[want] {
					t.Errorf("trap %s not linked", want)
				}
			}
			if !seen[s.URL+"/private/"] {
				t.Error("/private/ index not linked")
			}
		}
		if s.OffsiteRequests() != 0 {
			t.Errorf("off-site server got %d requests from a walk that never left the site", s.OffsiteRequests())
		}
	}
}

func TestRobots(t *testing.T) {
	s := Start(t, Options{CrawlDelay: 1500 * time.Millisecond})
	_, body := get(t, http.DefaultClient, s.URL+"/robots.txt")
	for _, want := range []string{"Disallow: /private/", "Crawl-delay: 1.5", "Sitemap: " + s.URL + "/sitemap.xml", "Sitemap: " + s.URL + "/sitemap_index.xml"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("robots.txt lacks %q:\n%s", want, body)
		}
	}
	s2 := Start(t, Options{})
	if _, body := get(t, http.DefaultClient, s2.URL+"/robots.txt"); strings.Contains(string(body), "Crawl-delay") {
		t.Errorf("Crawl-delay without the option:\n%s", body)
	}
}

type urlset struct {
	URLs []struct {
		Loc string `xml:"loc"`
	} `xml:"url"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

func locs(t *testing.T, body []byte) []string {
	t.Helper()
	var u urlset
	if err := xml.Unmarshal(body, &u); err != nil {
		t.Fatalf("sitemap: %v\n%s", err, body)
	}
	var out []string
	for _, x := range u.URLs {
		out = append(out, x.Loc)
	}
	for _, x := range u.Sitemaps {
		out = append(out, x.Loc)
	}
	return out
}

func TestSitemapsAndFeedListTheDiscoveryOnlyArticles(t *testing.T) {
	s := Start(t, Options{})
	found := map[string]bool{}
	_, body := get(t, http.DefaultClient, s.URL+"/sitemap.xml")
	for _, l := range locs(t, body) {
		found[l] = true
	}
	_, body = get(t, http.DefaultClient, s.URL+"/sitemap_index.xml")
	children := locs(t, body)
	if len(children) != 2 {
		t.Fatalf("sitemap index lists %v", children)
	}
	for _, c := range children {
		_, body := get(t, http.DefaultClient, c)
		if strings.HasSuffix(c, ".gz") {
			zr, err := gzip.NewReader(strings.NewReader(string(body)))
			if err != nil {
				t.Fatalf("%s is not gzip: %v", c, err)
			}
			if body, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		} else if !strings.Contains(string(body), "news:publication_date") {
			t.Errorf("news sitemap lacks publication dates")
		}
		for _, l := range locs(t, body) {
			found[l] = true
		}
	}
	for _, u := range s.SitemapOnly() {
		if !found[u] {
			t.Errorf("%s not in any sitemap", u)
		}
	}
	_, body = get(t, http.DefaultClient, s.FeedURL())
	for _, u := range s.FeedOnly() {
		if !strings.Contains(string(body), "<link>"+u+"</link>") {
			t.Errorf("%s not in the feed", u)
		}
		if found[u] {
			t.Errorf("feed-only %s is in a sitemap", u)
		}
	}
	for _, u := range append(s.SitemapOnly(), s.FeedOnly()...) {
		resp, _ := get(t, http.DefaultClient, u)
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", u, resp.StatusCode)
		}
	}
}

func TestTraps(t *testing.T) {
	s := Start(t, Options{RedirectChain: 3, HugeSize: 100 << 10})
	// 503 once with Retry-After, then the article.
	resp, _ := get(t, http.DefaultClient, s.URL+pathFlaky)
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "1" {
		t.Errorf("flaky first: %d Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if resp, _ := get(t, http.DefaultClient, s.URL+pathFlaky); resp.StatusCode != 200 {
		t.Errorf("flaky second: %d", resp.StatusCode)
	}
	if n := s.Requests(pathFlaky); n != 2 {
		t.Errorf("Requests(flaky) = %d, want 2", n)
	}
	// Redirects.
	if resp, _ := get(t, noRedirect, s.URL+pathOld); resp.StatusCode != 301 || resp.Header.Get("Location") != pathMoved {
		t.Errorf("old story: %d -> %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	hops := 0
	for u := s.URL + pathLoop + "0"; ; hops++ {
		resp, _ := get(t, noRedirect, u)
		if resp.StatusCode != http.StatusFound {
			break
		}
		u = s.URL + resp.Header.Get("Location")
	}
	if hops != 4 { // 3 in the chain, then to the end page
		t.Errorf("chain of %d redirects, want 4", hops)
	}
	if resp, _ := get(t, noRedirect, s.URL+pathSneaky); resp.Header.Get("Location") != pathPrivate {
		t.Errorf("sneaky redirects to %q", resp.Header.Get("Location"))
	}
	if resp, _ := get(t, noRedirect, s.URL+pathElsewhere); resp.Header.Get("Location") != s.OffsiteURL+"/news/landing" {
		t.Errorf("elsewhere redirects to %q", resp.Header.Get("Location"))
	}
	// Encodings, sizes, types.
	resp, body := get(t, noRedirect, s.URL+pathGzipped, "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" || len(body) < 2 || body[0] != 0x1f || body[1] != 0x8b {
		t.Errorf("gzipped article not gzip-encoded: %q", resp.Header.Get("Content-Encoding"))
	}
	if _, body := get(t, http.DefaultClient, s.URL+pathGzipped); !strings.Contains(string(body), "<h1 class=\"headline\">") {
		t.Error("gzipped article does not decode to an article")
	}
	if _, body := get(t, http.DefaultClient, s.URL+pathHuge); len(body) < 100<<10 {
		t.Errorf("huge page is %d bytes", len(body))
	}
	if resp, _ := get(t, http.DefaultClient, s.URL+pathPDF); resp.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("pdf content type %q", resp.Header.Get("Content-Type"))
	}
	for _, p := range []string{pathGone1, pathGone2, "/news/0", "/news/999", "/news/01", "/section/nope", "/section/world?page=99"} {
		if resp, _ := get(t, http.DefaultClient, s.URL+p); resp.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", p, resp.StatusCode)
		}
	}
	// The amp twin has the original's canonical.
	_, body = get(t, http.DefaultClient, s.URL+"/news/2/amp")
	if !strings.Contains(string(body), `<link rel="canonical" href="`+s.ArticleURL(2)+`">`) {
		t.Error("amp twin lacks the original's canonical")
	}
}

func TestLatin1AndRobotsStatus(t *testing.T) {
	s := Start(t, Options{RobotsStatus: 503})
	resp, body := get(t, http.DefaultClient, s.URL+pathLatin1)
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=iso-8859-1" {
		t.Errorf("Content-Type %q", ct)
	}
	if !strings.Contains(string(body), "Caf\xe9 owners") || !strings.Contains(string(body), `<meta charset="iso-8859-1">`) {
		t.Errorf("not Latin-1: %.300q", body)
	}
	if resp, _ := get(t, http.DefaultClient, s.URL+"/robots.txt"); resp.StatusCode != 503 {
		t.Errorf("robots.txt status %d, want 503", resp.StatusCode)
	}
}

func TestArticleMarkup(t *testing.T) {
	s := Start(t, Options{})
	_, body := get(t, http.DefaultClient, s.ArticleURL(7))
	page := string(body)
	for _, want := range []string{`<h1 class="headline">`, `<p class="byline">By `, `<time class="published" datetime="2026-11-01T15:00:00Z">`,
		`<link rel="canonical" href="` + s.ArticleURL(7) + `">`, `<nav class="main-nav">`, `<aside class="related">`, `<footer`} {
		if !strings.Contains(page, want) {
			t.Errorf("article lacks %q", want)
		}
	}
	if n := strings.Count(page, "<p>"); n < 5 {
		t.Errorf("article has %d paragraphs", n)
	}
	_, other := get(t, http.DefaultClient, s.ArticleURL(8))
	if string(other) == page {
		t.Error("two articles are identical")
	}
}

func TestConditionalGetAndChange(t *testing.T) {
	s := Start(t, Options{})
	u := s.ArticleURL(3)
	resp, first := get(t, http.DefaultClient, u)
	etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	if etag == "" || lm == "" {
		t.Fatalf("no validators: ETag %q Last-Modified %q", etag, lm)
	}
	if resp, _ := get(t, http.DefaultClient, u, "If-None-Match", etag); resp.StatusCode != 304 {
		t.Errorf("If-None-Match: %d, want 304", resp.StatusCode)
	}
	if resp, _ := get(t, http.DefaultClient, u, "If-Modified-Since", lm); resp.StatusCode != 304 {
		t.Errorf("If-Modified-Since: %d, want 304", resp.StatusCode)
	}
	if s.NotModified() != 2 {
		t.Errorf("NotModified() = %d, want 2", s.NotModified())
	}
	s.Change("/news/3")
	resp, second := get(t, http.DefaultClient, u, "If-None-Match", etag)
	if resp.StatusCode != 200 || resp.Header.Get("ETag") == etag {
		t.Errorf("after Change: %d, ETag %q (was %q)", resp.StatusCode, resp.Header.Get("ETag"), etag)
	}
	if string(second) == string(first) || !strings.Contains(string(second), "Correction (revision 1)") {
		t.Error("after Change the body is the same")
	}
	if resp, _ := get(t, http.DefaultClient, u, "If-Modified-Since", lm); resp.StatusCode != 200 {
		t.Errorf("If-Modified-Since after Change: %d, want 200", resp.StatusCode)
	}
}

func TestCounters(t *testing.T) {
	s := Start(t, Options{ArticleDelay: 300 * time.Millisecond}) // long enough to overlap on a busy machine
	var wg sync.WaitGroup
	for n := 1; n <= 3; n++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(s.ArticleURL(n))
			if err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	get(t, http.DefaultClient, s.StartURL())
	if got := s.MaxInFlight(); got != 3 {
		t.Errorf("MaxInFlight = %d, want 3", got)
	}
	if got := s.ArticleRequests(); got != 3 {
		t.Errorf("ArticleRequests = %d, want 3", got)
	}
	if got := s.RequestsFor("/news/2"); got != 1 {
		t.Errorf("RequestsFor(/news/2) = %d, want 1", got)
	}
	get(t, http.DefaultClient, s.SectionURL(0, 2))
	if got := s.RequestsFor("/section/world?page=2"); got != 1 {
		t.Errorf("RequestsFor(/section/world?page=2) = %d, want 1", got)
	}
	if got := s.RequestsFor("/section/world"); got != 0 {
		t.Errorf("RequestsFor(/section/world) = %d, want 0", got)
	}
	if got := s.TotalRequests(); got != 5 {
		t.Errorf("TotalRequests = %d, want 4", got)
	}
	arr := s.Arrivals()
	if len(arr) != 5 || arr[3].Path != "/" {
		t.Errorf("Arrivals = %v", arr)
	}
	s.ResetCounters()
	if s.TotalRequests() != 0 || s.Requests("/") != 0 || len(s.Arrivals()) != 0 {
		t.Error("ResetCounters left counts")
	}
}

func TestExpected(t *testing.T) {
	s := Start(t, Options{})
	exp := s.Expected()
	seen := map[string]bool{}
	for _, u := range exp {
		if seen[u] {
			t.Errorf("%s listed twice", u)
		}
		seen[u] = true
	}
	if want := 24 + 5 + 3 + 1; len(exp) != want {
		t.Errorf("Expected has %d URLs, want %d", len(exp), want)
	}
	for _, u := range s.Never() {
		if seen[u] {
			t.Errorf("%s both expected and never", u)
		}
	}
	sort.Strings(exp)
	if p := Start(t, Options{Plain: true, Articles: 5}); len(p.Expected()) != 5 {
		t.Errorf("plain Expected = %v", p.Expected())
	}
}

func TestCorpusPagesGetTheirOwnCanonical(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "shared", "corpus", "dev", "html")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("dev corpus not found at %s (../shared beside the module): %v", dir, err)
	}
	s := Start(t, Options{Plain: true, Corpus: dir, Articles: 400})
	if s.corpus.Len() < 2 {
		t.Fatalf("corpus of %d pages", s.corpus.Len())
	}
	n := s.corpus.Len() + 1 // the same real page as article 1
	_, a := get(t, http.DefaultClient, s.ArticleURL(1))
	_, b := get(t, http.DefaultClient, s.ArticleURL(n))
	for _, c := range []struct {
		body []byte
		want string
	}{{a, s.ArticleURL(1)}, {b, s.ArticleURL(n)}} {
		if got := canonicalTag.FindAll(c.body, -1); len(got) != 1 || !strings.Contains(string(got[0]), c.want) {
			t.Errorf("canonical links %q, want one to %s", got, c.want)
		}
		if ogURLTag.Match(c.body) {
			t.Error("og:url left in a corpus page")
		}
	}
}

func TestGaugeAcrossSites(t *testing.T) {
	var g Gauge
	a := Start(t, Options{Plain: true, ArticleDelay: 300 * time.Millisecond, Gauge: &g})
	b := Start(t, Options{Plain: true, ArticleDelay: 300 * time.Millisecond, Gauge: &g})
	var wg sync.WaitGroup
	for _, u := range []string{a.ArticleURL(1), a.ArticleURL(2), b.ArticleURL(1)} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if resp, err := http.Get(u); err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	if g.Max() != 3 || a.MaxInFlight() != 2 || b.MaxInFlight() != 1 {
		t.Errorf("gauge max %d (want 3), site a %d (want 2), site b %d (want 1)", g.Max(), a.MaxInFlight(), b.MaxInFlight())
	}
}
