package scraper_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lede-news/lede/output"
	"github.com/lede-news/lede/scraper"
	"github.com/lede-news/lede/scraper/internal/testsite"
)

// e2eTimeout bounds one crawl of a test site; a crawl that hangs fails
// instead of stalling the test binary.
const e2eTimeout = 2 * time.Minute

// testMaxBody is the body cap the end-to-end crawls configure: well above
// an article page, below the site's /news/huge.
const testMaxBody = 1 << 20

// siteConfig configures a crawl of site: loopback-fast politeness (no
// delay), robots.txt obeyed, sitemaps and the feed read, state and output
// in dir.
func siteConfig(dir string, site *testsite.Site) *scraper.Config {
	return &scraper.Config{
		Output: scraper.OutputConfig{Dir: filepath.Join(dir, "out"), Format: "jsonl"},
		State:  scraper.StateConfig{Path: filepath.Join(dir, "state", "lede.db")},
		Crawl: scraper.CrawlConfig{
			UserAgent: "lede-e2e/1.0 (+test)", Concurrency: 8, PerHost: 2, Delay: 0,
			Timeout: 10 * time.Second, Retries: 2, MaxBody: testMaxBody, RespectRobots: true, MaxRedirects: 10,
		},
		Sites: []scraper.Site{{
			Name:     "ledger",
			Start:    []string{site.StartURL()},
			Follow:   []*regexp.Regexp{regexp.MustCompile(site.FollowPattern())},
			Articles: []*regexp.Regexp{regexp.MustCompile(site.ArticlePattern())},
			MaxDepth: scraper.DefaultMaxDepth,
			Sitemaps: true,
			Feeds:    []string{site.FeedURL()},
		}},
	}
}

// crawl runs one crawl of cfg to its end.
func crawl(t testing.TB, cfg *scraper.Config, opts ...scraper.Option) *scraper.Summary {
	t.Helper()
	return crawlWithin(t, e2eTimeout, cfg, opts...)
}

// crawlWithin runs one crawl of cfg to its end, failing after timeout.
func crawlWithin(t testing.TB, timeout time.Duration, cfg *scraper.Config, opts ...scraper.Option) *scraper.Summary {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	c, err := scraper.NewCrawler(cfg, opts...)
	if err != nil {
		t.Fatalf("NewCrawler: %v", err)
	}
	sum, err := c.Run(ctx)
	if err != nil {
		t.Fatalf("Run (timeout %s): %v; summary %+v", timeout, err, sum)
	}
	if sum == nil {
		t.Fatal("Run returned no summary")
	}
	if sum.Interrupted {
		t.Fatalf("run interrupted (timeout %s?): %+v", timeout, sum)
	}
	return sum
}

// readJSONL reads every record of a JSONL file, failing the test on any
// torn or unparsable line.
func readJSONL(t *testing.T, path string) []output.Record {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading output: %v", err)
	}
	if len(b) > 0 && b[len(b)-1] != '\n' {
		t.Errorf("%s: last line has no newline (torn write)", path)
	}
	var recs []output.Record
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var r output.Record
		if err := r.UnmarshalJSON(sc.Bytes()); err != nil {
			t.Errorf("%s:%d: not a whole JSON record: %v: %.120q", path, line, err, sc.Bytes())
			continue
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// outputs reads the records of a summary's output files.
func outputs(t *testing.T, sum *scraper.Summary) []output.Record {
	t.Helper()
	var recs []output.Record
	for _, p := range sum.Outputs {
		recs = append(recs, readJSONL(t, p)...)
	}
	return recs
}

// allJSONL reads every *.jsonl file under dir.
func allJSONL(t *testing.T, dir string) (recs []output.Record, files []string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".jsonl") {
			files = append(files, p)
			recs = append(recs, readJSONL(t, p)...)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatalf("walking %s: %v", dir, err)
	}
	return recs, files
}

// byCanonical counts records by canonical URL (the page URL when a record
// has none).
func byCanonical(recs []output.Record) map[string]int {
	m := map[string]int{}
	for _, r := range recs {
		if r.Article == nil {
			m[""]++
			continue
		}
		key := r.Article.CanonicalURL
		if key == "" {
			key = r.Article.URL
		}
		m[key]++
	}
	return m
}

// checkExactlyOnce reports each expected URL not written exactly once, and
// each written URL not expected.
func checkExactlyOnce(t *testing.T, got map[string]int, want []string) {
	t.Helper()
	expected := map[string]bool{}
	for _, u := range want {
		expected[u] = true
		if got[u] != 1 {
			t.Errorf("%s written %d times, want once", u, got[u])
		}
	}
	for u, n := range got {
		if !expected[u] {
			t.Errorf("unexpected record %s (%d times)", u, n)
		}
	}
}

// corpusDir is the dev corpus's pages, beside the module as ../shared.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", "dev", "html")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("dev corpus not found at %s (../shared beside the module root): %v", dir, err)
	}
	return dir
}

// mdFiles lists the Markdown files under dir.
func mdFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return nil // nothing written yet
			}
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walking %s: %v", dir, err)
	}
	return files
}

// allJSONLQuiet counts the complete lines of the *.jsonl files under dir,
// for polling from a goroutine (no test failures).
func allJSONLQuiet(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".jsonl") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			n += bytes.Count(b, []byte{'\n'})
		}
		return nil
	})
	return n, err
}
