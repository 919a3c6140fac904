// Package testsite serves a small news site on loopback (httptest) for the
// crawler's end-to-end tests and benchmarks, and counts what the crawler
// asked of it.
//
// The zero Options give the full-featured site: a home page linking the
// sections; sections paginated with ?page=N and a rel=next link; article
// pages with realistic news markup (an h1 headline, a "By ..." byline, a
// <time datetime>, several paragraphs, navigation, related links and a
// footer as noise, rel=canonical); robots.txt disallowing /private/ and
// naming the sitemaps (or answering Options.RobotsStatus); a sitemap, a sitemap index with a news sitemap and a
// gzip-compressed sitemap; an RSS feed; and the traps a crawler must get
// right, each at a fixed path:
//
//	/news/flaky            503 with Retry-After: 1 once, then the article
//	/news/slow             the article after Options.SlowDelay
//	/news/old-story        301 to /news/moved-story
//	/news/loop/0           a chain of Options.RedirectChain redirects (15: over a limit of 10)
//	/news/elsewhere        302 to the off-site server
//	/news/sneaky           302 into /private/, which robots.txt disallows
//	/news/gzipped          always gzip-encoded (so are articles whose number is a multiple of 5)
//	/news/latin1           ISO-8859-1 bytes, said so in Content-Type and <meta charset>
//	/news/gone-1, gone-2   404
//	/news/huge             a body over Options.HugeSize
//	/news/report.pdf       application/pdf
//	/news/N/amp            the same article as /news/N, with the same canonical
//	/news/N?utm_source=..  (links only) tracking parameters and a #fragment
//	/private/...           disallowed by robots.txt, linked from the sections
//
// Links also point at a second httptest server (Site.OffsiteURL, by IP and by
// the name localhost); a polite crawler sends it no request at all.
//
// Article pages carry an ETag and Last-Modified and answer a matching
// conditional GET with 304; Site.Change edits an article between runs.
//
// Counters are safe for concurrent use: Requests per path, ArticleRequests,
// RequestsFor (path and query), MaxInFlight, Arrivals (time-stamped),
// NotModified, OffsiteRequests; a Gauge shared through Options counts the
// requests in flight over several sites. Expected lists the canonical URLs
// of every article a complete crawl must write, Never those it must not.
//
// With Options.Plain only the home page, sections, regular articles,
// robots.txt, sitemaps and feed exist; with Options.Corpus, article pages are
// real pages read from a directory (for benchmarks), each given its own
// canonical URL.
package testsite
