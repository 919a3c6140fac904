package fetch_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/lede-news/lede/scraper/fetch"
)

func ExampleTransport() {
	// A server that is briefly overloaded: its first answer is a 503.
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		if calls == 1 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintf(w, "hello, %s", r.Header.Get("User-Agent"))
	}))
	defer srv.Close()

	client := &http.Client{Transport: &fetch.Transport{
		UserAgent:   "lede/1.0",
		Timeout:     10 * time.Second,
		Retries:     2,
		MaxBody:     1 << 20,
		Concurrency: 4,
	}}
	resp, err := client.Get(srv.URL)
	if err != nil {
		fmt.Println(fetch.KindOf(err), err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body) // in memory already: cannot time out
	fmt.Println(resp.StatusCode, string(body), "after", calls, "requests")
	// Output: 200 hello, lede/1.0 after 2 requests
}

func ExampleKindOf() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, strings.Repeat("a long page ", 1000))
	}))
	defer srv.Close()

	client := &http.Client{Transport: &fetch.Transport{MaxBody: 1000}}
	_, err := client.Get(srv.URL)
	fmt.Println(fetch.KindOf(err))
	// Output: too_large
}
