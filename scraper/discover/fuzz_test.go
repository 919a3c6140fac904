package discover

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// addFixtures seeds f with every fixture in testdata/dir.
func addFixtures(f *testing.F, dir string) {
	paths, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
	for _, p := range paths {
		if strings.HasSuffix(p, ".golden") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// checkEntries holds for every result: URLs non-empty and trimmed, times
// in UTC.
func checkEntries(t *testing.T, es []Entry) {
	t.Helper()
	for _, e := range es {
		if e.URL == "" || strings.TrimSpace(e.URL) != e.URL || strings.ContainsAny(e.URL, "\n\r\t") {
			t.Fatalf("bad URL %q", e.URL)
		}
		if !e.Modified.IsZero() && e.Modified.Location() != time.UTC {
			t.Fatalf("Modified %v not in UTC", e.Modified)
		}
		if strings.TrimSpace(e.Title) != e.Title {
			t.Fatalf("Title %q not trimmed", e.Title)
		}
	}
}

func FuzzParseSitemap(f *testing.F) {
	addFixtures(f, "sitemap")
	f.Add(gzipped(f, []byte(`<urlset><url><loc>https://a.example/</loc></url></urlset>`)))
	f.Add([]byte(`<sitemapindex><sitemap><loc>https://a.example/s.xml</loc></sitemap></sitemapindex>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		pages, sitemaps, err := ParseSitemap(body)
		if err != nil && !strings.HasPrefix(err.Error(), "sitemap: ") {
			t.Fatalf("error %q does not say it is about a sitemap", err)
		}
		checkEntries(t, pages)
		for _, s := range sitemaps {
			if s == "" || strings.TrimSpace(s) != s {
				t.Fatalf("bad child sitemap URL %q", s)
			}
		}
		if len(pages) > 0 && len(sitemaps) > 0 {
			t.Fatalf("both pages and sitemaps from one document")
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	addFixtures(f, "feed")
	f.Add(gzipped(f, []byte(`<rss><channel><item><link>https://a.example/</link></item></channel></rss>`)))
	f.Fuzz(func(t *testing.T, body []byte) {
		entries, err := ParseFeed(body)
		if err != nil && !strings.HasPrefix(err.Error(), "feed: ") {
			t.Fatalf("error %q does not say it is about a feed", err)
		}
		checkEntries(t, entries)
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-25T14:30:00Z", "Wed, 25 Nov 2026 14:30:00 GMT", "Wed Nov 25 14:30:00 UTC 2026", "x (y", "  GMT+01:00 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if tm, ok := parseDate(s); ok && tm.Location() != time.UTC {
			t.Fatalf("parseDate(%q) = %v, not UTC", s, tm)
		}
	})
}
