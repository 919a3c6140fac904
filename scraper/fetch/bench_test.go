package fetch

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkTransport measures one GET of a small page over loopback, read
// whole by the caller as colly does, through a Transport with every feature
// on (concurrency limit, body cap, retries available) against the bare
// http.Transport it wraps; "chunked" pages have no Content-Length.
func BenchmarkTransport(b *testing.B) {
	page := strings.Repeat("<p>A paragraph of a small news page.</p>\n", 400) // ~17 KB
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/sized" {
			w.Header().Set("Content-Length", strconv.Itoa(len(page)))
		}
		io.WriteString(w, page) // chunked otherwise: larger than the server's buffer
	}))
	defer srv.Close()
	bare := http.DefaultTransport.(*http.Transport).Clone()
	defer bare.CloseIdleConnections()
	fetch := &Transport{Base: bare, UserAgent: "lede-bench", Retries: 2, MaxBody: 1 << 20, Concurrency: 8}
	for _, bc := range []struct {
		name, path string
		rt         http.RoundTripper
	}{
		{"bare/chunked", "/chunked", bare},
		{"fetch/chunked", "/chunked", fetch},
		{"bare/sized", "/sized", bare},
		{"fetch/sized", "/sized", fetch},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(page)))
			req, _ := http.NewRequest(http.MethodGet, srv.URL+bc.path, nil)
			for b.Loop() {
				resp, err := bc.rt.RoundTrip(req)
				if err != nil {
					b.Fatal(err)
				}
				body, err := io.ReadAll(resp.Body) // as colly reads it
				resp.Body.Close()
				if err != nil || len(body) != len(page) {
					b.Fatalf("read %d bytes (%v), want %d", len(body), err, len(page))
				}
			}
		})
	}
}
