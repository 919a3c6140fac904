package metadata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// FuzzRead feeds Read arbitrary pages and selectors: it must never panic.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b), "", "https://example.kr/a")
		}
	}
	f.Add(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[{"@id":"x"}],"@id":"x"}]}</script>`, "h1", "")
	f.Add(`<h1>T</h1><p>By 2025-04-18 입력 2025.04.18 오후 12:59 3 hours ago</p>`, "[", "http://[::1]/")
	f.Add(`<meta property="article:published_time" content="9999999999999">`, "p:nth-child(", "https://x.de")
	f.Fuzz(func(t *testing.T, src, sel, pageURL string) {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
		if err != nil {
			return
		}
		opts := Options{Now: refNow, Headline: sel, Byline: sel, Published: sel}
		if u, err := parseURLLoose(pageURL); err == nil {
			opts.URL = u
		}
		Read(doc, opts)
	})
}
