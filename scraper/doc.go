// Package scraper crawls news sites and writes their articles as records.
//
// A crawl is configured by a Config (see LoadConfig, QuickConfig) and run
// by a Crawler:
//
//	cfg, err := scraper.LoadConfig("config.yaml", nil)
//	...
//	c, err := scraper.NewCrawler(cfg, scraper.WithLogger(logger))
//	...
//	sum, err := c.Run(ctx) // ctx canceled: a graceful stop, sum.Interrupted
//
// # The walk
//
// Each site is walked from its start pages. Links that match the site's
// follow patterns are walked further, up to max_depth hops from a start
// page; links that match its articles patterns are fetched, extracted and
// written. Articles are leaves: only start and follow pages give links.
// Feeds (site.feeds) and sitemaps (sitemaps: true: the Sitemap lines of
// robots.txt, else /sitemap.xml; sitemap indexes and news sitemaps) add
// article URLs. The crawl never leaves a site's domains (Site.Domains,
// by default the hosts of its start pages and feeds), redirects included.
//
// URLs are normalized before anything else (scraper/urlnorm: lower-case
// host, no fragment, no utm_* or other tracking parameters, sorted query),
// so one page is fetched once per site and run whatever its links look
// like. An article's identity is its canonical URL when that is on the
// site, so two URLs serving one article (an AMP copy, a print view) give
// one record, also when two sites on one host reach it.
//
// # Politeness
//
// Requests carry crawl.user_agent. robots.txt is obeyed when
// crawl.respect_robots is on, Crawl-delay included. Each host gets at most
// crawl.per_host requests at a time, or, when it has a delay (the larger of
// crawl.delay and Crawl-delay), one request at a time with that pause
// between them. These limits are the host's, shared by every site on it:
// two sites on one host do not get twice its allowance. crawl.concurrency
// caps the requests in flight overall. Timeouts, connection failures, 429
// and 5xx are retried with backoff, honouring Retry-After (scraper/fetch);
// a retry keeps the host's delay, never coming sooner whatever the jitter
// or Retry-After. Bodies over crawl.max_body fail rather than being cut.
//
// A failure no later run would mend is not retried night after night:
// an article URL that answered 404 or 410, redirected off the site or over
// crawl.max_redirects, was not HTML, was over crawl.max_body or held no
// article is remembered in the state, and later runs leave it alone for
// crawl.recheck_failed (counting it in Summary.SkippedFailed, not as a
// failure); then it is fetched again, and if it now works the record is
// forgotten. WithRefresh does not bring it back sooner. Transient failures
// (timeouts, connection errors, 429, 5xx) are not remembered: the URL stays
// pending, every run fetches it again and counts it as failed.
//
// # Memory between runs
//
// The state file (scraper/state) remembers every article written. A later
// run does not fetch them again; WithRefresh revalidates them with
// conditional GETs instead (If-None-Match, If-Modified-Since) and writes an
// article again only if its content changed. Article URLs found but not
// yet written are kept as pending, so that a run that was stopped or
// killed is resumed by the next one: a killed run's JSONL file is cut back
// to its whole lines and the records in it count as done. Over any
// sequence of runs, killed or not, each article version is written once.
//
// # Output
//
// JSONL (one file per site and run, output.RunPath, created at the first
// record) or Markdown (one file per article, output.MarkdownDir). Records
// are output.Record values: the extract.Article plus the site, the fetch
// time and the HTTP status.
//
// # Reporting
//
// Run returns a Summary: pages fetched, articles written, unchanged,
// skipped (known, or failed for good recently), duplicates, failures by kind and by HTTP status, the outputs,
// and whether the run was interrupted. Run's error is only for a crawl
// that cannot start (state file, output directory) or, with the Summary,
// for a canceled context; failures of pages are in the Summary. WithLogger
// logs each page at Debug, each failure at Warn and each run at Info;
// WithProgress draws a live progress line.
package scraper
