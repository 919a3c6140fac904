package testsite_test

import (
	"fmt"
	"net/http"

	"github.com/lede-news/lede/scraper/internal/testsite"
)

// A test starts a site, crawls it, and checks the crawl against what the
// site counted.
func ExampleNew() {
	site, err := testsite.New(testsite.Options{Articles: 10, Sections: 2})
	if err != nil {
		panic(err)
	}
	defer site.Close()

	resp, err := http.Get(site.ArticleURL(3) + "?utm_source=example")
	if err != nil {
		panic(err)
	}
	resp.Body.Close()

	fmt.Println("status:", resp.StatusCode, resp.Header.Get("ETag") != "")
	fmt.Println("requests for /news/3:", site.Requests("/news/3"))
	fmt.Println("articles a full crawl writes:", len(site.Expected()))
	fmt.Println("off-site requests:", site.OffsiteRequests())
	// Output:
	// status: 200 true
	// requests for /news/3: 1
	// articles a full crawl writes: 19
	// off-site requests: 0
}
