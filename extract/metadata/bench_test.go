package metadata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// corpusDir returns ../shared/corpus/dev/html beside the module root, or
// skips with the reason.
func corpusDir(b testing.TB) string {
	b.Helper()
	dir, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			b.Skip("module root (go.mod) not found; cannot locate ../shared")
		}
		dir = parent
	}
	html := filepath.Join(filepath.Dir(dir), "shared", "corpus", "dev", "html")
	if _, err := os.Stat(html); err != nil {
		b.Skipf("dev corpus absent: %s must sit beside the module root (%v)", html, err)
	}
	return html
}

// corpusDocs parses every dev-corpus page, or skips; total is their bytes.
func corpusDocs(b *testing.B) (docs []*goquery.Document, total int64) {
	dir := corpusDir(b)
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(files) == 0 {
		b.Skipf("no pages in %s (%v)", dir, err)
	}
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(src)))
		if err != nil {
			b.Fatalf("%s: %v", p, err)
		}
		docs = append(docs, doc)
		total += int64(len(src))
	}
	return docs, total
}

// BenchmarkRead reads the metadata of every dev-corpus page, parsed
// beforehand, so only Read is measured. MB/s is over the pages' bytes.
func BenchmarkRead(b *testing.B) {
	docs, total := corpusDocs(b)
	u := mustURL(b, "https://news.example.kr/a/1")
	now := time.Date(2025, 4, 18, 0, 0, 0, 0, time.UTC)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, doc := range docs {
			Read(doc, Options{URL: u, Now: now})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/page")
}

// BenchmarkScanPage measures the one walk of each page Read makes (the
// index and the lines), the largest part of Read.
func BenchmarkScanPage(b *testing.B) {
	docs, total := corpusDocs(b)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, doc := range docs {
			scanPage(doc.Nodes[0])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/page")
}
