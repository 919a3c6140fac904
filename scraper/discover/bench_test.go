package discover

import (
	"os"
	"testing"
)

// BenchmarkParseSitemap parses a 50,000-URL Google News sitemap (the
// sitemaps.org maximum for one file), plain and gzip-compressed.
func BenchmarkParseSitemap(b *testing.B) {
	body := bigSitemap(50000)
	for _, bc := range []struct {
		name string
		body []byte
	}{{"plain", body}, {"gzip", gzipped(b, body)}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(body))) // decompressed bytes, so MB/s compare
			b.ReportAllocs()
			for b.Loop() {
				pages, _, err := ParseSitemap(bc.body)
				if err != nil || len(pages) != 50000 {
					b.Fatalf("%d pages, %v", len(pages), err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/50000, "ns/url")
		})
	}
}

// BenchmarkParseFeed parses the RSS 2.0 fixture.
func BenchmarkParseFeed(b *testing.B) {
	body, err := os.ReadFile("testdata/feed/rss2.xml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseFeed(body); err != nil {
			b.Fatal(err)
		}
	}
}
