package fetch

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestMaxBody(t *testing.T) {
	const limit = 1000
	for _, tc := range []struct {
		name    string
		size    int
		chunked bool // no Content-Length: the limit is found by reading
		tooBig  bool
	}{
		{"under", limit - 1, false, false},
		{"exactly at the limit", limit, false, false},
		{"one byte over", limit + 1, false, true},
		{"far over", 50 * limit, false, true},
		{"chunked under", limit - 1, true, false},
		{"chunked exactly at the limit", limit, true, false},
		{"chunked one byte over", limit + 1, true, true},
		{"chunked far over", 50 * limit, true, true},
		{"empty", 0, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := strings.Repeat("x", tc.size)
			srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
				if tc.chunked {
					w.(http.Flusher).Flush() // headers out before the body: no Content-Length
				}
				io.WriteString(w, page)
			})
			tr := fast(2)
			tr.MaxBody = limit
			resp, body, err := get(t, tr, srv.URL)
			if tc.tooBig {
				fe := wantError(t, err, KindTooLarge, 1) // not retried
				if !strings.Contains(fe.Error(), "1000 bytes") {
					t.Errorf("error %q does not name the limit", fe)
				}
				if srv.count() != 1 {
					t.Errorf("%d requests, want 1", srv.count())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if body != page || resp.ContentLength != int64(tc.size) {
				t.Errorf("got %d bytes, ContentLength %d; want %d of each", len(body), resp.ContentLength, tc.size)
			}
		})
	}
}

func TestTooLargeThroughClient(t *testing.T) {
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, strings.Repeat("x", 100))
	})
	client := &http.Client{Transport: &Transport{MaxBody: 10}}
	_, err := client.Get(srv.URL)
	var ue *url.Error
	var fe *Error
	if !errors.As(err, &ue) || !errors.As(err, &fe) || KindOf(err) != KindTooLarge {
		t.Fatalf("err = %v, want a *url.Error wrapping a too_large *Error", err)
	}
}

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := io.WriteString(zw, s); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGzip(t *testing.T) {
	page := strings.Repeat("<p>the same paragraph again</p>\n", 200)
	gz := gzipped(t, page)
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			io.WriteString(w, page)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz)
	})
	between := int64(len(gz) + (len(page)-len(gz))/2)
	for _, tc := range []struct {
		name       string
		askGzip    bool  // the caller sets Accept-Encoding itself
		maxBody    int64 // 0: none
		want       string
		tooLarge   bool
		uncompress bool
	}{
		{"decoded transparently", false, 0, page, false, true},
		{"decoded size at the limit", false, int64(len(page)), page, false, true},
		{"limit counts decoded bytes", false, between, "", true, false},
		{"caller asked for gzip: raw bytes", true, 0, string(gz), false, false},
		{"caller asked for gzip: limit counts compressed bytes", true, between, string(gz), false, false},
		{"caller asked for gzip: compressed over the limit", true, int64(len(gz) - 1), "", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := fast(0)
			tr.MaxBody = tc.maxBody
			req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL, nil)
			if tc.askGzip {
				req.Header.Set("Accept-Encoding", "gzip")
			}
			resp, err := tr.RoundTrip(req)
			if tc.tooLarge {
				wantError(t, err, KindTooLarge, 1)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			if string(body) != tc.want || resp.ContentLength != int64(len(tc.want)) || resp.Uncompressed != tc.uncompress {
				t.Errorf("got %d bytes (ContentLength %d, Uncompressed %v), want %d (Uncompressed %v)",
					len(body), resp.ContentLength, resp.Uncompressed, len(tc.want), tc.uncompress)
			}
		})
	}
}

func TestHeadKeepsContentLength(t *testing.T) {
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1234")
	})
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodHead, srv.URL, nil)
	tr := fast(0)
	tr.MaxBody = 100 // below the size HEAD reports, which is no body here
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.ContentLength != 1234 || len(body) != 0 {
		t.Errorf("HEAD: ContentLength %d, body %d bytes; want 1234 and none", resp.ContentLength, len(body))
	}
}

func TestUserAgent(t *testing.T) {
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.Header.Get("User-Agent"))
	})
	tr := &Transport{UserAgent: "lede-test/1.0"}
	for _, tc := range []struct{ given, want string }{
		{"", "lede-test/1.0"},
		{"someone-else/2", "someone-else/2"},
	} {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL, nil)
		if tc.given != "" {
			req.Header.Set("User-Agent", tc.given)
		}
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		if string(body) != tc.want {
			t.Errorf("request with User-Agent %q: server saw %q, want %q", tc.given, body, tc.want)
		}
		if got := req.Header.Get("User-Agent"); got != tc.given {
			t.Errorf("caller's request modified: User-Agent %q, want %q", got, tc.given)
		}
	}
}

func TestResponseRequestIsCallers(t *testing.T) {
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {})
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL, nil)
	resp, err := (&Transport{UserAgent: "lede-test"}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Request != req {
		t.Error("resp.Request is not the caller's request")
	}
}

func TestTruncatedBodyRetried(t *testing.T) {
	const page = "<html>the whole page</html>"
	truncate := func(w http.ResponseWriter) {
		// Promise the page, send part of it, drop the connection.
		w.Header().Set("Content-Length", fmt.Sprint(len(page)))
		io.WriteString(w, page[:5])
		w.(http.Flusher).Flush()
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
	}
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			truncate(w)
			return
		}
		io.WriteString(w, page)
	})
	_, body, err := get(t, fast(1), srv.URL)
	if err != nil || body != page || srv.count() != 2 {
		t.Fatalf("err %v, body %q after %d requests; want the whole page after 2", err, body, srv.count())
	}

	always := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { truncate(w) })
	_, _, err = get(t, fast(0), always.URL)
	wantError(t, err, KindConnection, 1)
}
