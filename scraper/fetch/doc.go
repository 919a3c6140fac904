// Package fetch makes HTTP requests politely and robustly for a crawler.
//
// Its Transport is an http.RoundTripper, to plug into an http.Client or a
// colly Collector (Collector.WithTransport). Per request it:
//
//   - waits for one of Concurrency slots (0: no limit), or for the request's
//     context to end;
//   - sets the User-Agent when the request has none;
//   - bounds each attempt by Timeout, the headers and the whole body, and
//     reads the body into memory, so that a caller reading it never blocks;
//   - refuses a body over MaxBody with an *Error of Kind KindTooLarge rather
//     than truncating it (the limit counts the bytes read: decoded ones when
//     Go decompressed gzip transparently, compressed ones when the caller
//     asked for gzip itself);
//   - retries timeouts, connection failures, 429 and 5xx (not 501) up to
//     Retries more times, waiting BackoffBase*2^n with full jitter (capped at
//     BackoffMax) or what Retry-After says (also capped), never less than
//     MinBackoff (the jitter is drawn above it), and logs each retry;
//     only GET and HEAD requests with a replayable body are retried;
//   - after the last attempt, returns a 429/5xx response as it is, not as an
//     error.
//
// Failures are *Error values naming the URL, a Kind and the attempts made.
// KindOf classifies any error, also ones that did not come from a Transport,
// so that a crawl summary can count failures by kind:
//
//	client := &http.Client{Transport: &fetch.Transport{
//		UserAgent:   "lede/1.0 (+https://example.com/bot)",
//		Timeout:     20 * time.Second,
//		Retries:     2,
//		MaxBody:     10 << 20,
//		Concurrency: 8,
//	}}
//	resp, err := client.Get(u)
//	if err != nil {
//		summary[fetch.KindOf(err)]++
//	}
package fetch
