package scraper

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lede-news/lede/output"
	"github.com/lede-news/lede/scraper/state"
)

// tenArticles is a home page linking /news/1 ... /news/10.
func tenArticles(t *testing.T) *newsSite {
	site := newNewsSite(t)
	var links []string
	for i := 1; i <= 10; i++ {
		p := "/news/" + strconv.Itoa(i)
		links = append(links, p)
		site.article(p, p)
	}
	site.page("/", links...)
	return site
}

func allTen(base string) []string {
	var paths []string
	for i := 1; i <= 10; i++ {
		paths = append(paths, "/news/"+strconv.Itoa(i))
	}
	return urls(base, paths...)
}

// TestCrawlResumeRepairsKilledRun builds what a run killed mid-write leaves
// (an open run in the state, a JSONL file of whole lines and a torn one)
// and checks the next run repairs the file, counts its records as done,
// and writes every other article, so that over both runs each article is
// written exactly once and no line is torn.
func TestCrawlResumeRepairsKilledRun(t *testing.T) {
	site := tenArticles(t)

	// A complete crawl elsewhere provides real records to cut from.
	donor := testConfig(t.TempDir(), site.URL, nil, []string{`/news/\d+`}, "/")
	runCrawl(t, donor, WithRunID("donor"))
	lines := donorLines(t, donor.Output.Dir)

	dir := t.TempDir()
	cfg := testConfig(dir, site.URL, nil, []string{`/news/\d+`}, "/")
	started := time.Date(2026, 11, 24, 23, 0, 0, 0, time.UTC)
	killed := output.RunPath(cfg.Output.Dir, "test", "killed", started)
	torn := append(bytes.Join(lines[:3], nil), lines[3][:len(lines[3])/2]...)
	if err := os.MkdirAll(filepath.Dir(killed), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(killed, torn, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := state.Open(cfg.State.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.BeginRun(state.Run{ID: "killed", Site: "test", Path: killed, Started: started}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	before := site.total("/news/")
	sum := runCrawl(t, cfg, WithRunID("resumed"))
	if sum.Recovered != 3 || sum.Articles != 7 || sum.Skipped != 3 {
		t.Errorf("resumed run: recovered %d, wrote %d, skipped %d; want 3, 7, 3", sum.Recovered, sum.Articles, sum.Skipped)
	}
	if n := site.total("/news/") - before; n != 7 {
		t.Errorf("resumed run made %d article requests, want 7 (none for the 3 recovered)", n)
	}
	data, err := os.ReadFile(killed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, bytes.Join(lines[:3], nil)) {
		t.Errorf("killed run's file not cut back to its 3 whole lines:\n%s", data)
	}
	if got, want := canonicals(readRecords(t, cfg.Output.Dir)), allTen(site.URL); !slices.Equal(got, want) {
		t.Errorf("over both runs wrote %v, want each of %v once", got, want)
	}
	st, err = state.Open(cfg.State.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if open, _ := st.OpenRuns(""); len(open) != 0 {
		t.Errorf("runs left open: %+v", open)
	}
}

// donorLines reads the JSONL lines (with their newlines) a crawl wrote.
func donorLines(t *testing.T, root string) [][]byte {
	t.Helper()
	var lines [][]byte
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".jsonl") {
			data, _ := os.ReadFile(p)
			lines = append(lines, bytes.SplitAfter(data, []byte("\n"))...)
		}
		return nil
	})
	for len(lines) > 0 && len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	if len(lines) != 10 {
		t.Fatalf("donor crawl wrote %d lines, want 10", len(lines))
	}
	return lines
}

// TestCrawlCancel checks a graceful stop: when the context ends, the run
// stops requesting, keeps what it wrote, leaves the rest pending, ends the
// run in the state and returns an Interrupted summary with ctx.Err(). The
// next run writes exactly the rest.
func TestCrawlCancel(t *testing.T) {
	site := tenArticles(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var once sync.Once
	hold := true
	var arrivals []string
	site.watch(func(r *http.Request) {
		arrivals = append(arrivals, r.URL.Path)
		// The request for /news/3 stops the crawl and then hangs until the
		// crawler drops it.
		if hold && r.URL.Path == "/news/3" {
			once.Do(cancel)
		}
	})
	site.handle("/news/3", func(w http.ResponseWriter, r *http.Request) {
		site.mu.Lock()
		h := hold
		site.mu.Unlock()
		if h {
			<-r.Context().Done()
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML(site.URL+"/news/3", "/news/3", 0))
	})

	dir := t.TempDir()
	cfg := testConfig(dir, site.URL, nil, []string{`/news/\d+`}, "/")
	cfg.Crawl.Concurrency, cfg.Crawl.PerHost = 1, 1
	c, err := NewCrawler(cfg, WithRunID("stopped"))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := c.Run(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run returned %v, want context.Canceled", err)
	}
	if sum == nil || !sum.Interrupted {
		t.Fatalf("summary %+v, want Interrupted", sum)
	}
	written := readRecords(t, cfg.Output.Dir)
	site.mu.Lock()
	seen := slices.Clone(arrivals)
	site.mu.Unlock()
	i := slices.Index(seen, "/news/3")
	if i < 0 || i != len(seen)-1 {
		t.Fatalf("requests %v: want /news/3 last, nothing after the stop", seen)
	}
	// Every article requested before the stop was written: the one in
	// flight when it came finished.
	if before := i - 1; len(written) != sum.Articles || sum.Articles != before {
		t.Errorf("interrupted run wrote %d records, summary says %d; want the %d requested before the stop", len(written), sum.Articles, before)
	}

	st, err := state.Open(cfg.State.Path)
	if err != nil {
		t.Fatal(err)
	}
	open, _ := st.OpenRuns("")
	pending, _ := st.Pending("test")
	st.Close()
	if len(open) != 0 {
		t.Errorf("interrupted run left open: %+v", open)
	}
	if len(pending)+len(written) != 10 {
		sort.Strings(pending)
		t.Errorf("%d pending %v + %d written, want 10 in all", len(pending), pending, len(written))
	}

	site.mu.Lock()
	hold = false
	site.mu.Unlock()
	again := runCrawl(t, testConfig(dir, site.URL, nil, []string{`/news/\d+`}, "/"), WithRunID("rest"))
	if again.Articles != 10-len(written) || again.Interrupted {
		t.Errorf("next run wrote %d, want %d", again.Articles, 10-len(written))
	}
	if got, want := canonicals(readRecords(t, cfg.Output.Dir)), allTen(site.URL); !slices.Equal(got, want) {
		t.Errorf("over both runs wrote %v, want each of %v once", got, want)
	}
}

// TestCrawlMarkdownResume checks Markdown output and the clean-up of a
// killed Markdown run: its temp files go, its run is ended, and every
// article gets its file.
func TestCrawlMarkdownResume(t *testing.T) {
	site := tenArticles(t)
	dir := t.TempDir()
	cfg := testConfig(dir, site.URL, nil, []string{`/news/\d+`}, "/")
	cfg.Output.Format = "markdown"
	leftover := filepath.Join(cfg.Output.Dir, "test", "2026", "11", ".lede-tmp-killed")
	writeFile(t, leftover, "half a file")
	st, err := state.Open(cfg.State.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.BeginRun(state.Run{ID: "killed", Site: "test", Path: cfg.Output.Dir, Started: time.Now()}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	sum := runCrawl(t, cfg)
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Errorf("temp file of the killed run still there: %v", err)
	}
	var files []string
	filepath.Walk(cfg.Output.Dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 10 || sum.Articles != 10 || !slices.Equal(sum.Outputs, []string{cfg.Output.Dir}) {
		t.Fatalf("%d files, %d articles, outputs %v; want 10, 10, the output directory", len(files), sum.Articles, sum.Outputs)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "---\n") || !strings.Contains(string(data), "\n# Story /news/") ||
		!strings.Contains(string(data), "town council meeting") {
		t.Errorf("Markdown file %s:\n%s", files[0], data)
	}
}
