package scraper

import (
	"regexp"
	"time"

	"github.com/lede-news/lede/extract"
)

// Config is a crawl's whole configuration, as read from config.yaml, flags
// and LEDE_ environment variables (see LoadConfig).
type Config struct {
	Output OutputConfig
	State  StateConfig
	Crawl  CrawlConfig
	Sites  []Site
}

// OutputConfig says where and how records are written.
type OutputConfig struct {
	Dir    string // root directory of the output
	Format string // "jsonl" or "markdown"
}

// StateConfig says where the crawl remembers what it has seen.
type StateConfig struct {
	Path string // the embedded store's file
}

// CrawlConfig is the politeness and robustness of every fetch.
type CrawlConfig struct {
	UserAgent     string        // sent with every request; should name a contact
	Concurrency   int           // requests in flight across all hosts
	PerHost       int           // requests in flight to one host
	Delay         time.Duration // pause between requests to one host
	Timeout       time.Duration // per request, headers and body
	Retries       int           // further tries after a timeout, 429 or 5xx
	MaxBody       int64         // bytes; a larger response is an error
	RespectRobots bool          // obey robots.txt, Crawl-delay included
	MaxRedirects  int           // redirects followed per request
	// RecheckFailed is how long an article URL that failed for a reason no
	// later run would mend (404, 410, off-site redirect, not HTML, no
	// article...) is left alone before it is fetched again; 0 fetches it
	// again on every run.
	RecheckFailed time.Duration
}

// Site is one news site to crawl.
type Site struct {
	Name      string
	Start     []string         // section pages to start from
	Follow    []*regexp.Regexp // section and pagination pages to walk
	Articles  []*regexp.Regexp // article pages to extract
	Timezone  *time.Location   // zone for times printed without one; nil: from the domain
	MaxDepth  int              // link hops from a start page
	Sitemaps  bool             // also read robots.txt Sitemap lines and sitemaps
	Feeds     []string         // RSS/Atom feed URLs
	Selectors extract.Selectors
	Domains   []string // hosts the crawl may visit; default: the start pages' hosts
}
