package scraper_test

import (
	"bufio"
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lede-news/lede/scraper"
	"github.com/lede-news/lede/scraper/internal/testsite"
	"github.com/lede-news/lede/scraper/state"
)

// Benchmark sizes. Run them with
//
//	go test -run '^$' -bench 'BenchmarkCrawl' -benchtime 1x ./scraper
//
// (make bench runs every benchmark once per b.N probe; a crawl of 10,000
// pages takes about a minute on two cores, so b.N stays 1).
const (
	benchArticles  = 10000  // real corpus pages served by the loopback site
	benchWorkers   = 8      // crawl.concurrency and crawl.per_host: politeness off
	benchKnown     = 100000 // URLs the state knows before BenchmarkCrawlKnown100k
	benchKnownNew  = 1000   // new articles that run has to fetch
	memSampleEvery = 50 * time.Millisecond
	seedWorkers    = 64 // concurrent state.Put callers share commits (and fsyncs)
	benchTimeout   = 20 * time.Minute
)

// benchN overrides the size of BenchmarkCrawl's site, for a quicker look.
var benchN = flag.Int("bench.articles", benchArticles, "articles of BenchmarkCrawl's site")

// benchConfig is a crawl with politeness off: no delay, no robots.txt, one
// host at full parallelism.
func benchConfig(dir string, site *testsite.Site) *scraper.Config {
	cfg := siteConfig(dir, site)
	cfg.Crawl.Concurrency, cfg.Crawl.PerHost = benchWorkers, benchWorkers
	cfg.Crawl.Delay, cfg.Crawl.RespectRobots = 0, false
	cfg.Crawl.MaxBody = 10 << 20
	cfg.Crawl.Timeout = 30 * time.Second
	cfg.Sites[0].Sitemaps = false
	cfg.Sites[0].Feeds = nil
	cfg.Sites[0].Start = site.SectionURLs()
	cfg.Sites[0].MaxDepth = 20
	cfg.Sites[0].Follow = []*regexp.Regexp{regexp.MustCompile(site.FollowPattern())}
	return cfg
}

// memPeak is the largest memory use seen while sampling.
type memPeak struct {
	heapInuse, sys uint64
}

// sampleMemory samples runtime memory statistics until stop is closed.
func sampleMemory(stop <-chan struct{}) <-chan memPeak {
	out := make(chan memPeak, 1)
	go func() {
		var p memPeak
		var ms runtime.MemStats
		t := time.NewTicker(memSampleEvery)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			p.heapInuse = max(p.heapInuse, ms.HeapInuse)
			p.sys = max(p.sys, ms.Sys)
			select {
			case <-stop:
				out <- p
				return
			case <-t.C:
			}
		}
	}()
	return out
}

// resetPeakRSS resets the kernel's record of the process's peak resident
// set (VmHWM), where supported, so that it measures what follows.
func resetPeakRSS() {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // Linux >= 4.0; elsewhere VmHWM is lifetime
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS is the process's peak resident set in bytes (VmHWM), or 0.
func peakRSS() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

// measure runs crawl b.N times on fresh state from prepare, reporting
// articles/s and peak memory (the in-process test site's included).
func measure(b *testing.B, site *testsite.Site, prepare func(dir string) *scraper.Config, wantArticles int) {
	var written, failed int
	var elapsed, cpu time.Duration
	var peak memPeak
	var rss uint64
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		cfg := prepare(b.TempDir())
		runtime.GC()
		resetPeakRSS()
		stop := make(chan struct{})
		peaks := sampleMemory(stop)
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		sum := crawlWithin(b, benchTimeout, cfg)
		elapsed += time.Since(start)
		cpu += cpuTime() - cpu0
		b.StopTimer()
		close(stop)
		p := <-peaks
		peak.heapInuse, peak.sys = max(peak.heapInuse, p.heapInuse), max(peak.sys, p.sys)
		rss = max(rss, peakRSS())
		written += sum.Articles
		failed += sum.Failed
		if sum.Articles+sum.Failed < wantArticles {
			b.Errorf("crawl wrote %d and failed %d of %d articles: %+v", sum.Articles, sum.Failed, wantArticles, sum)
		}
		if i == 0 {
			b.Logf("%s: %d written, %d failed %v, %d pages in %s", site, sum.Articles, sum.Failed, sum.ByError, sum.Pages, sum.Duration.Round(time.Millisecond))
		}
		b.StartTimer()
	}
	b.StopTimer()
	const mb = 1 << 20
	b.ReportMetric(float64(written)/elapsed.Seconds(), "articles/s")
	if written > 0 {
		// CPU per article does not depend on what else the machine runs:
		// on n idle cores the crawl could do about n*1000/cpu-ms articles/s.
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(written), "cpu-ms/article")
	}
	b.ReportMetric(float64(peak.heapInuse)/mb, "peak-heap-MiB")
	b.ReportMetric(float64(peak.sys)/mb, "peak-sys-MiB")
	if rss > 0 {
		b.ReportMetric(float64(rss)/mb, "peak-rss-MiB")
	}
}

// BenchmarkCrawl crawls 10,000 article pages (real pages of the dev corpus,
// cycled, each with its own canonical URL) from a loopback site, politeness
// off: fetch, extraction, state and JSONL writing included. The test site
// serves from the same process; its copy of the corpus (~55 MB) is part of
// the memory figures.
func BenchmarkCrawl(b *testing.B) {
	site := testsite.Start(b, testsite.Options{Plain: true, Corpus: corpusDir(b), Articles: *benchN, Sections: 20, PerPage: 100})
	measure(b, site, func(dir string) *scraper.Config { return benchConfig(dir, site) }, *benchN)
}

// BenchmarkCrawlKnown100k crawls a site of 101,000 articles whose state
// already knows 100,000: it lists them all (section pages of 1,000 links),
// looks each up, and fetches only the 1,000 new ones. It measures the
// memory a big archive's nightly run needs.
func BenchmarkCrawlKnown100k(b *testing.B) {
	total := benchKnown + benchKnownNew
	site := testsite.Start(b, testsite.Options{Plain: true, Articles: total, Sections: 20, PerPage: 1000})
	seeded := filepath.Join(b.TempDir(), "seeded.db")
	start := time.Now()
	seedState(b, seeded, site, benchKnown)
	b.Logf("seeded %d known URLs in %s", benchKnown, time.Since(start).Round(time.Millisecond))
	measure(b, site, func(dir string) *scraper.Config {
		cfg := benchConfig(dir, site)
		copyFile(b, seeded, cfg.State.Path)
		site.ResetCounters()
		return cfg
	}, benchKnownNew)
	if n := site.ArticleRequests(); n != benchKnownNew {
		b.Errorf("last run made %d article requests, want %d (only the new ones)", n, benchKnownNew)
	}
}

// seedState records articles 1..n of site as known, as a crawl would have.
func seedState(b *testing.B, path string, site *testsite.Site, n int) {
	st, err := state.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	now := time.Now().UTC()
	var wg sync.WaitGroup
	errs := make(chan error, seedWorkers)
	for w := 0; w < seedWorkers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w + 1; i <= n; i += seedWorkers {
				u := site.ArticleURL(i)
				err := st.Put(state.Article{URL: u, CanonicalURL: u, Site: "ledger", FirstSeen: now, LastSeen: now,
					ETag: `"e` + strconv.Itoa(i) + `"`, ContentHash: strconv.Itoa(i)})
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	if c, err := st.Count(); err != nil || c != n {
		b.Fatalf("state holds %d articles (%v), want %d", c, err, n)
	}
}

func copyFile(b *testing.B, from, to string) {
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(from)
	if err != nil {
		b.Fatal(err)
	}
	dst, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(dst, bytes.NewReader(src)); err != nil {
		b.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		b.Fatal(err)
	}
}
