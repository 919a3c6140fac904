package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/lede-news/lede/extract/charset"
)

// benchPage is one page of the dev corpus, read before timing starts.
type benchPage struct {
	name string
	body []byte
}

// loadBenchCorpus reads every page of ../shared/corpus/dev/html, or skips
// the benchmark when the shared data is absent.
func loadBenchCorpus(b *testing.B) ([]benchPage, int64) {
	b.Helper()
	dir := filepath.Join(sharedDataDir(b), "corpus", "dev", "html")
	names, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(names) == 0 {
		b.Skipf("no pages in %s (%v): the dev corpus must sit at ../shared/corpus/dev beside the module root", dir, err)
	}
	sort.Strings(names)
	pages := make([]benchPage, 0, len(names))
	var total int64
	for _, n := range names {
		body, err := os.ReadFile(n)
		if err != nil {
			b.Fatalf("reading corpus page %s: %v", n, err)
		}
		pages = append(pages, benchPage{name: filepath.Base(n), body: body})
		total += int64(len(body))
	}
	return pages, total
}

// runCorpus times fn over the whole corpus per iteration, single-threaded,
// and reports MB/s, ns/page and allocs/page.
func runCorpus(b *testing.B, pages []benchPage, total int64, fn func(p benchPage)) {
	b.Helper()
	b.SetBytes(total)
	b.ReportAllocs()
	for _, p := range pages { // warm-up: lazily built tables, page faults
		fn(p)
	}
	var before, after runtimeMallocs
	before.read()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			fn(p)
		}
	}
	b.StopTimer()
	after.read()
	n := float64(b.N) * float64(len(pages))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/page")
	b.ReportMetric(float64(after.mallocs-before.mallocs)/n, "allocs/page")
}

// BenchmarkExtract runs the zero Extractor over every dev-corpus page,
// single-threaded. Pages with no article end in an error; that is a
// result, not a benchmark failure.
func BenchmarkExtract(b *testing.B) {
	pages, total := loadBenchCorpus(b)
	b.Run("full", func(b *testing.B) {
		var e Extractor
		runCorpus(b, pages, total, func(p benchPage) {
			_, _ = e.Extract(Page{URL: "https://example.com/" + p.name, Body: p.body})
		})
	})
	b.Run("full+markdown", func(b *testing.B) {
		e := Extractor{Markdown: true}
		runCorpus(b, pages, total, func(p benchPage) {
			_, _ = e.Extract(Page{URL: "https://example.com/" + p.name, Body: p.body})
		})
	})
	// The stages below show where the time goes and the ceiling set by
	// the HTML parser alone.
	b.Run("decode", func(b *testing.B) {
		runCorpus(b, pages, total, func(p benchPage) {
			_, _, _ = charset.Decode(p.body, "")
		})
	})
	b.Run("parse", func(b *testing.B) {
		runCorpus(b, pages, total, func(p benchPage) {
			_, _ = html.Parse(bytes.NewReader(p.body))
		})
	})
	b.Run("parse+goquery", func(b *testing.B) {
		runCorpus(b, pages, total, func(p benchPage) {
			root, err := html.Parse(bytes.NewReader(p.body))
			if err == nil {
				_ = goquery.NewDocumentFromNode(root).Find("p").Length()
			}
		})
	})
}

// runtimeMallocs samples the heap allocation count.
type runtimeMallocs struct{ mallocs uint64 }

func (m *runtimeMallocs) read() {
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	m.mallocs = s.Mallocs
}
