package scraper_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"

	"github.com/lede-news/lede/output"
	"github.com/lede-news/lede/scraper"
)

// A crawl of a two-article site: the home page links a section and an
// article, the section links the other article (once with a tracking
// parameter, which the crawl drops before fetching). A second run with the
// same state fetches nothing: both articles are known.
func ExampleNewCrawler() {
	mux := http.NewServeMux()
	page := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body)
		}
	}
	story := func(title string) string {
		return `<html><head><title>` + title + `</title></head><body><article><h1>` + title + `</h1>
<p>The council voted on Tuesday to rebuild the old river bridge, ending a debate that has divided the town for a decade.</p>
<p>Work is to start in the spring and last two years, during which a ferry will carry pedestrians across the river.</p>
</article></body></html>`
	}
	mux.HandleFunc("/{$}", page(`<a href="/world">World</a> <a href="/news/1">Bridge</a>`))
	mux.HandleFunc("/world", page(`<a href="/news/2?utm_source=home">Ferry</a> <a href="/news/2">Ferry</a>`))
	mux.HandleFunc("/news/1", page(story("Council votes to rebuild the bridge")))
	mux.HandleFunc("/news/2", page(story("A ferry for the bridge years")))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir, err := os.MkdirTemp("", "lede-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	cfg := &scraper.Config{
		Output: scraper.OutputConfig{Dir: filepath.Join(dir, "out"), Format: "jsonl"},
		State:  scraper.StateConfig{Path: filepath.Join(dir, "lede.db")},
		Crawl:  scraper.CrawlConfig{Concurrency: 2, PerHost: 2, MaxRedirects: 5},
		Sites: []scraper.Site{{
			Name:     "town",
			Start:    []string{srv.URL + "/"},
			Follow:   []*regexp.Regexp{regexp.MustCompile(`/world$`)},
			Articles: []*regexp.Regexp{regexp.MustCompile(`/news/\d+$`)},
			MaxDepth: 2,
		}},
	}
	for _, run := range []string{"first", "second"} {
		c, err := scraper.NewCrawler(cfg, scraper.WithRunID(run))
		if err != nil {
			fmt.Println(err)
			return
		}
		sum, err := c.Run(context.Background())
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s run: %d pages, %d articles written, %d skipped, %d failed\n",
			run, sum.Pages, sum.Articles, sum.Skipped, sum.Failed)
		for _, path := range sum.Outputs {
			recs, _ := output.RepairJSONL(path) // reads the records back
			for _, r := range recs {
				fmt.Printf("  %s\n", r.Article.Headline)
			}
		}
	}
	// Unordered output:
	// first run: 4 pages, 2 articles written, 0 skipped, 0 failed
	//   Council votes to rebuild the bridge
	//   A ferry for the bridge years
	// second run: 2 pages, 0 articles written, 2 skipped, 0 failed
}
