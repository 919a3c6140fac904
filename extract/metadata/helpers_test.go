package metadata

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// parse builds a document from an HTML snippet.
func parse(t testing.TB, src string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
	if err != nil {
		t.Fatalf("parsing %q: %v", src, err)
	}
	return doc
}

// mustURL parses a URL for test options.
func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// fmtTime formats a Time the way the article record does: RFC 3339 when
// zoned, a bare local date-time when not, "" when absent.
func fmtTime(t Time) string {
	switch {
	case t.Time.IsZero():
		return ""
	case t.Zoned:
		return t.Time.Format(time.RFC3339)
	}
	return t.Time.Format("2006-01-02T15:04:05")
}

// refNow is the reference fetch time of the tests.
var refNow = time.Date(2025, 4, 18, 15, 0, 0, 0, time.UTC)

// parseURLLoose parses s, returning an error for input url.Parse refuses.
func parseURLLoose(s string) (*url.URL, error) { return url.Parse(s) }
