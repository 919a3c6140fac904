package state

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// knownURLs is the size of the store the lookup and memory benchmarks run
// against: a large site's archive after months of nightly crawls.
const knownURLs = 100_000

func benchURL(i int) string {
	return fmt.Sprintf("https://www.example-news.com/2026/11/%02d/politics/article-title-words-here-%07d", i%28+1, i)
}

func benchArticle(i int) Article {
	u := benchURL(i)
	return Article{
		URL:          u + "?utm_source=rss",
		CanonicalURL: u,
		Site:         "example-news",
		FirstSeen:    t0,
		LastSeen:     t0,
		ETag:         `W/"5f3c-` + strconv.Itoa(i) + `"`,
		LastModified: "Tue, 24 Nov 2026 01:00:00 GMT",
		ContentHash:  "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
	}
}

// fill stores articles 0..n-1 with PutAll (sequential Puts would each pay
// a commit).
func fill(tb testing.TB, s *Store, n int) {
	tb.Helper()
	arts := make([]Article, n)
	for i := range arts {
		arts[i] = benchArticle(i)
	}
	if err := s.PutAll(arts); err != nil {
		tb.Fatal(err)
	}
}

// openFilled returns a store holding knownURLs articles, freshly reopened so
// that nothing of it is in the Go heap.
func openFilled(b *testing.B) (*Store, string) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "state.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	fill(b, s, knownURLs)
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if s, err = Open(path); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return s, path
}

// BenchmarkPut measures Put from many goroutines, as a crawl calls it: each
// commit (one fsync) carries every Put waiting at the time. The bbolt-batch
// variants run Put's transaction through bbolt's DB.Batch instead of the
// Store's group commit, for comparison.
func BenchmarkPut(b *testing.B) {
	writers := []struct {
		name  string
		write func(s *Store, a *Article) error
	}{
		{"group-commit", func(s *Store, a *Article) error { return s.Put(*a) }},
		{"bbolt-batch", func(s *Store, a *Article) error {
			return s.db.Batch(func(tx *bolt.Tx) error { return putTx(tx, a) })
		}},
	}
	for _, w := range writers {
		for _, par := range []int{1, 8} { // goroutines per GOMAXPROCS
			b.Run(fmt.Sprintf("%s/goroutines=%dxGOMAXPROCS", w.name, par), func(b *testing.B) {
				s, _ := openTemp(b)
				var next atomic.Int64
				b.SetParallelism(par)
				b.ResetTimer()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						a := benchArticle(int(next.Add(1)))
						if err := w.write(s, &a); err != nil {
							b.Error(err)
							return
						}
					}
				})
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "puts/s")
			})
		}
	}
}

// BenchmarkPutSequential shows what one goroutine calling Put in a loop gets:
// one commit, and so one fsync, per call.
func BenchmarkPutSequential(b *testing.B) {
	s, _ := openTemp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Put(benchArticle(i)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "puts/s")
}

// BenchmarkLookup looks up URLs in a store of knownURLs articles: by URL, by
// canonical URL (one more index read) and unknown URLs (both reads miss).
func BenchmarkLookup(b *testing.B) {
	s, _ := openFilled(b)
	cases := []struct {
		name  string
		url   func(i int) string
		found bool
	}{
		{"url", func(i int) string { return benchURL(i) + "?utm_source=rss" }, true},
		{"canonical", benchURL, true},
		{"unknown", func(i int) string { return benchURL(i + knownURLs) }, false},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			// Precompute keys so the benchmark measures Lookup, not Sprintf.
			urls := make([]string, 4096)
			for i := range urls {
				urls[i] = c.url(i * (knownURLs / len(urls)))
			}
			var next atomic.Int64
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					u := urls[int(next.Add(1))%len(urls)]
					_, ok, err := s.Lookup(u)
					if err != nil || ok != c.found {
						b.Errorf("Lookup(%s) = %v, %v; want found=%v", u, ok, err, c.found)
						return
					}
				}
			})
		})
	}
}

// BenchmarkMemory reports the memory a store of knownURLs articles costs a
// process that looks each of them up once (a nightly re-run's discovery pass).
// The store is filled first, in this process; the baseline is taken after a
// GC that returns that garbage to the OS.
//
//	heap-inuse-MB   Go heap in use after the pass and a GC
//	heap-peak-MB    most Go heap in use during the pass (sampled every 10,000)
//	heap-growth-MB  heap-peak-MB minus the heap in use before the pass
//	file-MB         size of the bbolt file. bbolt maps it with mmap, outside
//	                the Go heap: the pages read count toward RSS (and can be
//	                dropped by the OS at will), never toward the heap
//	rss-growth-MB   growth of the resident set over the pass: the mapped file
//	                pages read plus heap growth (Linux)
//	sys-MB          memory the Go runtime holds from the OS, fill included
func BenchmarkMemory(b *testing.B) {
	s, path := openFilled(b)
	urls := make([]string, knownURLs)
	for i := range urls {
		urls[i] = benchURL(i)
	}
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	rssBase, rssOK := procStatusKB("VmRSS")
	var peak uint64
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for i, u := range urls {
			if _, ok, err := s.Lookup(u); err != nil || !ok {
				b.Fatalf("Lookup(%s) = %v, %v", u, ok, err)
			}
			if i%10_000 == 0 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&ms)
	peak = max(peak, ms.HeapInuse)
	runtime.GC()
	runtime.ReadMemStats(&ms)
	const mb = 1 << 20
	b.ReportMetric(float64(ms.HeapInuse)/mb, "heap-inuse-MB")
	b.ReportMetric(float64(peak)/mb, "heap-peak-MB")
	b.ReportMetric(float64(peak-min(peak, base))/mb, "heap-growth-MB")
	b.ReportMetric(float64(ms.Sys)/mb, "sys-MB")
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/mb, "file-MB")
	}
	if rss, ok := procStatusKB("VmRSS"); ok && rssOK {
		b.ReportMetric(float64(rss-rssBase)/1024, "rss-growth-MB")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*knownURLs), "ns/lookup")
	b.ReportMetric(0, "ns/op") // one op is a whole pass: see ns/lookup
}

// procStatusKB reads a "Name: N kB" line of /proc/self/status.
func procStatusKB(name string) (int, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, name+":"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return n, err == nil
		}
	}
	return 0, false
}

// jsonArticle is the JSON encoding BenchmarkCodec compares against.
type jsonArticle struct {
	Site         string    `json:"site"`
	CanonicalURL string    `json:"canonical_url,omitempty"`
	FirstSeen    time.Time `json:"first_seen"`
	LastSeen     time.Time `json:"last_seen"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	ContentHash  string    `json:"content_hash,omitempty"`
}

// BenchmarkCodec compares the stored value encoding with JSON: encode plus
// decode of one article, and the value's size.
func BenchmarkCodec(b *testing.B) {
	a := benchArticle(12345)
	b.Run("binary", func(b *testing.B) {
		b.ReportAllocs()
		var size int
		for i := 0; i < b.N; i++ {
			v := appendArticle(nil, &a)
			size = len(v)
			if _, err := decodeArticle(a.URL, v); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(size), "value-bytes")
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		var size int
		for i := 0; i < b.N; i++ {
			v, err := json.Marshal(jsonArticle{a.Site, a.CanonicalURL, a.FirstSeen, a.LastSeen, a.ETag, a.LastModified, a.ContentHash})
			if err != nil {
				b.Fatal(err)
			}
			size = len(v)
			var back jsonArticle
			if err := json.Unmarshal(v, &back); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(size), "value-bytes")
	})
}

// BenchmarkVisited measures colly's per-request pair, IsVisited then Visited,
// from many goroutines on one run's Storage.
func BenchmarkVisited(b *testing.B) {
	s, _ := openTemp(b)
	st := s.Storage("bench")
	if err := st.Init(); err != nil {
		b.Fatal(err)
	}
	var next atomic.Uint64
	b.SetParallelism(8)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			id := next.Add(1) * 0x9e3779b97f4a7c15 // spread like colly's hashes
			if seen, err := st.IsVisited(id); err != nil || seen {
				b.Errorf("IsVisited(%d) = %v, %v", id, seen, err)
				return
			}
			if err := st.Visited(id); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "requests/s")
}
