package scraper

import (
	"bytes"
	"encoding/json"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestPageLinks(t *testing.T) {
	page, _ := url.Parse("https://news.example/world/index.html")
	tests := []struct {
		name, html string
		want       []string
	}{
		{"relative and absolute",
			`<a href="story-1">a</a><a href="/news/2">b</a><a href="https://NEWS.example/news/3#c">c</a>`,
			[]string{"https://news.example/world/story-1", "https://news.example/news/2", "https://news.example/news/3"}},
		{"base href",
			`<head><base href="https://news.example/archive/"></head><a href="x">x</a>`,
			[]string{"https://news.example/archive/x"}},
		{"pagination and area",
			`<link rel="next" href="?page=2"><link rel="stylesheet" href="/s.css"><map><area href="/map/1"></map>`,
			[]string{"https://news.example/world/index.html?page=2", "https://news.example/map/1"}},
		{"not links",
			`<a href="javascript:void(0)">j</a><a href="mailto:x@y">m</a><a href="#top">t</a><a>none</a><a href="  ">blank</a>`,
			[]string{"https://news.example/world/index.html"}},
		{"tracking and duplicates",
			`<a href="/n?utm_source=x&b=2&a=1">1</a><a href="/n?a=1&b=2">2</a>`,
			[]string{"https://news.example/n?a=1&b=2"}},
		{"legacy charset",
			"<meta charset=\"windows-1252\"><a href=\"/caf\xe9\">caf\xe9</a>",
			[]string{"https://news.example/caf%C3%A9"}},
	}
	for _, tt := range tests {
		got := pageLinks([]byte(tt.html), "text/html", page)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func FuzzPageLinks(f *testing.F) {
	f.Add([]byte(`<base href="/x/"><a href="a?utm_source=1#f">a</a><link rel=next href=2>`))
	f.Add([]byte("<a href='\x00'>"))
	base, _ := url.Parse("http://news.example/s/")
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, l := range pageLinks(body, "", base) {
			u, err := url.Parse(l)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Fragment != "" {
				t.Fatalf("link %q is not an absolute http(s) URL without fragment", l)
			}
		}
	})
}

func TestFrontier(t *testing.T) {
	f := newFrontier()
	if !f.claim("p1") || f.claim("p1") {
		t.Fatal("claim: want the first claim of a URL to win and the second to lose")
	}
	f.push(job{url: "p1", kind: kindPage}, job{url: "a1", kind: kindArticle})
	j, ok := f.next()
	if !ok || j.url != "a1" {
		t.Fatalf("next = %v %v, want the article first", j, ok)
	}
	j2, _ := f.next()
	// Both jobs are out: a third next would wait; the walk ends only when
	// both are done.
	done := make(chan bool)
	go func() {
		_, ok := f.next()
		done <- ok
	}()
	f.push(job{url: "a2", kind: kindArticle}) // added by a worker holding a job
	if ok := <-done; !ok {
		t.Fatal("next returned false while a worker could still add jobs")
	}
	f.done()
	f.done()
	go func() {
		_, ok := f.next()
		done <- ok
	}()
	f.done()
	if ok := <-done; ok {
		t.Fatal("next returned a job after the walk ended")
	}
	_ = j2
	f2 := newFrontier()
	f2.push(job{url: "x"})
	f2.close()
	if _, ok := f2.next(); ok || f2.queued() != 0 {
		t.Fatal("a closed frontier still hands out jobs")
	}
}

func TestNewCrawlerErrors(t *testing.T) {
	good := func() *Config {
		return testConfig(t.TempDir(), "http://news.example", nil, []string{`/news/\d+`}, "/")
	}
	tests := []struct {
		name string
		edit func(*Config)
		opts []Option
		want string
	}{
		{"unknown site", nil, []Option{WithSites("nope")}, `site "nope": not configured (sites: test)`},
		{"format", func(c *Config) { c.Output.Format = "csv" }, nil, `output.format: bad format "csv"`},
		{"start off domains", func(c *Config) { c.Sites[0].Domains = []string{"other.example"} }, nil,
			`site "test": http://news.example/ is not on the site's domains (other.example)`},
		{"bad start URL", func(c *Config) { c.Sites[0].Start = []string{"ftp://x/"} }, nil, `site "test": start[0]`},
		{"no sites", func(c *Config) { c.Sites = nil }, nil, "sites: no site configured"},
		{"run ID", nil, []Option{WithRunID("../x")}, `run ID "../x"`},
	}
	for _, tt := range tests {
		cfg := good()
		if tt.edit != nil {
			tt.edit(cfg)
		}
		_, err := NewCrawler(cfg, tt.opts...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
	if _, err := NewCrawler(good(), WithSites("test")); err != nil {
		t.Errorf("good configuration: %v", err)
	}
}

func TestPrepareSiteDomains(t *testing.T) {
	arts := []*regexp.Regexp{regexp.MustCompile(`.`)}
	spec, err := prepareSite(Site{Name: "s", Articles: arts,
		Start: []string{"https://WWW.News.example/world"}, Feeds: []string{"https://feeds.news.example/rss"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"www.news.example", "feeds.news.example"}; !slices.Equal(spec.domains, want) {
		t.Errorf("default domains %v, want %v", spec.domains, want)
	}
	for raw, want := range map[string]bool{
		"https://www.news.example/a":             true,
		"http://www.news.example:8080/a":         true, // a domain without port allows any port
		"https://news.example/a":                 false,
		"https://evil.example/?www.news.example": false,
		"ftp://www.news.example/a":               false,
	} {
		u, _ := url.Parse(raw)
		if got := spec.onSite(u); got != want {
			t.Errorf("onSite(%s) = %v, want %v", raw, got, want)
		}
	}
}

func TestSummaryJSON(t *testing.T) {
	s := Summary{RunID: "r", Duration: 1500 * time.Millisecond, Articles: 2,
		ByStatus: map[string]int{"200": 3}, ByError: map[string]int{"timeout": 1}, Failed: 1}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m["duration_s"] != 1.5 || m["articles"] != 2.0 || m["run_id"] != "r" {
		t.Errorf("JSON %s: want duration_s 1.5, articles 2, run_id r", b)
	}
	if _, ok := m["Duration"]; ok {
		t.Errorf("JSON %s carries the raw Duration", b)
	}
	var back Summary
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Duration != s.Duration || back.ByError["timeout"] != 1 {
		t.Errorf("round trip gave %+v", back)
	}
}

// TestCrawlProgress checks the progress line: redrawn with a carriage
// return, ending with a newline and the final counts.
func TestCrawlProgress(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/news/1")
	site.article("/news/1", "/news/1")
	var buf bytes.Buffer
	cfg := testConfig(t.TempDir(), site.URL, nil, []string{`/news/\d+`}, "/")
	runCrawl(t, cfg, WithProgress(&buf, time.Millisecond), WithRunID("p"))
	out := buf.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\r")
	last := strings.TrimSpace(lines[len(lines)-1])
	if !strings.HasPrefix(out, "\r") || !strings.HasSuffix(out, "\n") ||
		!strings.HasPrefix(last, "lede p: 2 pages, 1 articles, 0 queued, 0 errors, ") {
		t.Errorf("progress output %q", out)
	}
}

// TestRunSetupErrors checks that Run fails, naming the problem, when the
// output directory cannot be written or the state cannot open.
func TestRunSetupErrors(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(dir, "http://news.example", nil, []string{`/news/\d+`}, "/")
	cfg.Output.Dir = filepath.Join(dir, "file")
	writeFile(t, cfg.Output.Dir, "not a directory")
	c, err := NewCrawler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Run(t.Context()); err == nil || !strings.Contains(err.Error(), "output directory") {
		t.Errorf("unwritable output: %v", err)
	}
	cfg = testConfig(dir, "http://news.example", nil, []string{`/news/\d+`}, "/")
	writeFile(t, cfg.State.Path, "not a bbolt file, and long enough to be taken for a damaged one....")
	c, _ = NewCrawler(cfg)
	if _, err := c.Run(t.Context()); err == nil || !strings.Contains(err.Error(), cfg.State.Path) {
		t.Errorf("bad state file: %v", err)
	}
}
