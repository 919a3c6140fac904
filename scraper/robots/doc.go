// Package robots reads robots.txt files (RFC 9309) for one crawler and
// remembers them per host.
//
// Parse turns a fetched robots.txt, with its HTTP status, into Rules: a 2xx
// body is parsed, a missing file (4xx) allows everything, a server error
// (5xx, and 429) disallows everything. Rules answer the three questions a
// crawler asks of a host:
//
//	rules, err := robots.Parse(resp.StatusCode, body, "lede/1.0 (+https://example.com/bot)")
//	rules.Allowed(u)   // may I fetch this URL? (path and query)
//	rules.CrawlDelay() // how long between requests? (0: not said)
//	rules.Sitemaps()   // where are the sitemaps?
//
// The group of rules used is the one naming the crawler's product token (the
// "lede" of "lede/1.0 ..."), else the '*' group.
//
// A Cache fetches each scheme+host's /robots.txt once, however many goroutines
// ask at the same time, and keeps the answer:
//
//	cache := &robots.Cache{Client: client, UserAgent: ua}
//	rules, err := cache.Get(ctx, u) // err: host unreachable; rules then disallow all
//
// The parsing is github.com/temoto/robotstxt's, fed a normalized copy of the
// file so that it reads it the way RFC 9309 does (lenient about bad lines,
// exact agent matching, empty Disallow lines).
package robots
