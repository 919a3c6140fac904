package fetch

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/gocolly/colly/v2"
)

// collector is a colly Collector as the crawler sets one up: colly's own
// body cap off, every status reaching OnResponse, requests through tr.
func collector(tr *Transport) *colly.Collector {
	c := colly.NewCollector()
	c.MaxBodySize = 0
	c.ParseHTTPErrorResponse = true
	c.AllowURLRevisit = true
	c.IgnoreRobotsTxt = true
	c.WithTransport(tr)
	return c
}

// visit fetches url with c and returns the body colly saw, or its error.
func visit(t *testing.T, c *colly.Collector, url string) (status int, body string, err error) {
	t.Helper()
	c.OnResponse(func(r *colly.Response) { status, body = r.StatusCode, string(r.Body) })
	c.OnError(func(r *colly.Response, e error) { err = e })
	if verr := c.Visit(url); verr != nil && err == nil {
		err = verr
	}
	return status, body, err
}

func TestWithColly(t *testing.T) {
	page := strings.Repeat("<p>paragraph</p>\n", 500)
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/flaky":
			if n == 1 {
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
		case "/sitemap.xml.gz":
			if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				w.Header().Set("Content-Encoding", "gzip")
				zw := gzip.NewWriter(w)
				io.WriteString(zw, page)
				zw.Close()
				return
			}
		}
		io.WriteString(w, page)
	})

	t.Run("retried 503", func(t *testing.T) {
		status, body, err := visit(t, collector(fast(1)), srv.URL+"/flaky")
		if err != nil || status != 200 || body != page {
			t.Errorf("status %d, %d bytes, err %v; want 200 and the page", status, len(body), err)
		}
	})
	t.Run("gzip decoded once", func(t *testing.T) {
		// Colly gunzips a .xml.gz body itself unless Go's transport already
		// did (Response.Uncompressed), so the flag must survive RoundTrip.
		_, body, err := visit(t, collector(fast(0)), srv.URL+"/sitemap.xml.gz")
		if err != nil || body != page {
			t.Errorf("%d bytes, err %v; want the decoded page", len(body), err)
		}
	})
	t.Run("too large reaches OnError with its kind", func(t *testing.T) {
		tr := fast(0)
		tr.MaxBody = int64(len(page) - 1)
		_, body, err := visit(t, collector(tr), srv.URL+"/big")
		if KindOf(err) != KindTooLarge || body != "" {
			t.Errorf("err %v (kind %q), %d bytes; want too_large and no body", err, KindOf(err), len(body))
		}
	})
}
