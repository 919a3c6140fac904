package scraper

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lede-news/lede/output"
)

// newsSite is a tiny news site on loopback for the crawler's focused tests:
// handlers by path, counting every request.
type newsSite struct {
	*httptest.Server
	mu       sync.Mutex
	hits     map[string]int // path?query -> requests
	versions map[string]int // article path -> edit count (changes ETag and body)
	routes   map[string]http.HandlerFunc
	observe  func(r *http.Request) // called for each request, under mu
}

func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	s := &newsSite{hits: map[string]int{}, versions: map[string]int{}, routes: map[string]http.HandlerFunc{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *newsSite) serve(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Path
	if r.URL.RawQuery != "" {
		key += "?" + r.URL.RawQuery
	}
	s.mu.Lock()
	s.hits[key]++
	if s.observe != nil {
		s.observe(r)
	}
	h, ok := s.routes[key]
	if !ok {
		h, ok = s.routes[r.URL.Path]
	}
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	h(w, r)
}

// watch calls f for each request from now on (under the site's lock).
func (s *newsSite) watch(f func(r *http.Request)) {
	s.mu.Lock()
	s.observe = f
	s.mu.Unlock()
}

// handle routes path (with its query, if any) to h.
func (s *newsSite) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	s.routes[path] = h
	s.mu.Unlock()
}

// page serves an HTML page linking to links.
func (s *newsSite) page(path string, links ...string) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var b strings.Builder
		b.WriteString("<!doctype html><html><head><title>Section</title></head><body><ul>")
		for _, l := range links {
			fmt.Fprintf(&b, `<li><a href="%s">link</a></li>`, l)
		}
		b.WriteString("</ul></body></html>")
		fmt.Fprint(w, b.String())
	})
}

// article serves an article page at path whose canonical URL is canonical
// (a path on the site), with an ETag and Last-Modified that change with
// edit, answering a matching conditional GET with 304.
func (s *newsSite) article(path, canonical string) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		v := s.versions[canonical]
		s.mu.Unlock()
		etag := fmt.Sprintf(`"%s-v%d"`, canonical, v)
		modified := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC).Add(time.Duration(v) * time.Hour).Format(http.TimeFormat)
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articleHTML(s.URL+canonical, canonical, v))
	})
}

// edit changes the article whose canonical path is canonical.
func (s *newsSite) edit(canonical string) {
	s.mu.Lock()
	s.versions[canonical]++
	s.mu.Unlock()
}

func (s *newsSite) count(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[key]
}

// total is the number of requests whose path starts with prefix.
func (s *newsSite) total(prefix string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for k, v := range s.hits {
		if strings.HasPrefix(k, prefix) {
			n += v
		}
	}
	return n
}

func articleHTML(canonicalURL, slug string, version int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Story %[1]s - The Test Times</title>
<link rel="canonical" href="%[2]s">
<meta property="og:site_name" content="The Test Times">
</head><body>
<nav><a href="/">Home</a> <a href="/section/world">World</a></nav>
<article><h1>Story %[1]s</h1>
<p class="byline">By Jane Reporter</p>
<time datetime="2026-11-20T08:00:00Z">20 November 2026</time>
`, slug, canonicalURL)
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&b, "<p>Paragraph %d of story %s tells the reader what happened in the town council meeting, who said what, and why the vote on the new bridge matters for the people who cross the river every day.</p>\n", i, slug)
	}
	if version > 0 {
		fmt.Fprintf(&b, "<p>Correction %d: an earlier version of this story misstated the date of the vote.</p>\n", version)
	}
	b.WriteString("</article><footer>Copyright The Test Times</footer></body></html>")
	return b.String()
}

// testConfig is a polite-off configuration writing under dir for one site
// on srv, with the given follow and article patterns (regular expressions
// on paths, anchored to the server's URL).
func testConfig(dir, base string, follow, articles []string, start ...string) *Config {
	anchor := func(pats []string) []*regexp.Regexp {
		var out []*regexp.Regexp
		for _, p := range pats {
			out = append(out, regexp.MustCompile("^"+regexp.QuoteMeta(base)+p+"$"))
		}
		return out
	}
	var starts []string
	for _, s := range start {
		starts = append(starts, base+s)
	}
	return &Config{
		Output: OutputConfig{Dir: filepath.Join(dir, "out"), Format: "jsonl"},
		State:  StateConfig{Path: filepath.Join(dir, "state", "lede.db")},
		Crawl: CrawlConfig{
			UserAgent: "lede-test/1.0 (+test)", Concurrency: 4, PerHost: 4,
			Timeout: 5 * time.Second, Retries: 0, MaxBody: 1 << 20, MaxRedirects: 5,
		},
		Sites: []Site{{
			Name: "test", Start: starts, Follow: anchor(follow), Articles: anchor(articles),
			MaxDepth: DefaultMaxDepth,
		}},
	}
}

// runCrawl runs a crawl of cfg and fails the test on a setup error.
func runCrawl(t *testing.T, cfg *Config, opts ...Option) *Summary {
	t.Helper()
	c, err := NewCrawler(cfg, opts...)
	if err != nil {
		t.Fatalf("NewCrawler: %v", err)
	}
	sum, err := c.Run(context.Background())
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return sum
}

// readRecords reads every JSONL record under root, failing on a torn or
// invalid line.
func readRecords(t *testing.T, root string) []output.Record {
	t.Helper()
	var recs []output.Record
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(p, ".jsonl") {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var r output.Record
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				return fmt.Errorf("%s: %q: %w", p, sc.Text(), err)
			}
			recs = append(recs, r)
		}
		return sc.Err()
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return recs
}

// canonicals lists the records' canonical URLs, sorted.
func canonicals(recs []output.Record) []string {
	var out []string
	for _, r := range recs {
		out = append(out, r.Article.CanonicalURL)
	}
	sort.Strings(out)
	return out
}

// urls lists base+path for each path, sorted.
func urls(base string, paths ...string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, base+p)
	}
	sort.Strings(out)
	return out
}

// writeFile writes content at path, creating its directory.
func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
