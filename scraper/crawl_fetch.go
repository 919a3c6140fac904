package scraper

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/gocolly/colly/v2"

	"github.com/lede-news/lede/scraper/fetch"
)

// workersPerSlot is how many workers a site runs per request slot (per
// host parallelism times hosts): a second worker per slot extracts and
// writes the last page while the first waits for the host's next turn, so
// politeness, not extraction, sets the pace.
const workersPerSlot = 2

// Why a fetch ended without a response worth handling.
var (
	errOffSite   = errors.New("redirect off the site's domains refused")
	errRedirects = errors.New("too many redirects")
	errBlocked   = errors.New("robots.txt disallows the redirect target")
	errDropped   = errors.New("request dropped: the crawl is stopping")
)

// newTransport makes a transport of the run: politeness per host through
// gate, overall concurrency, timeouts, retries with backoff and
// Retry-After, the body cap, gzip, and the bodies as sent (see
// collyTransport). Retries wait at least the longest delay of a host, as
// far as known to gate: the transport is one for all hosts, so its
// MinBackoff (the floor of every retry's wait, jitter drawn above it) is
// the longest delay, and BackoffMax at least that; a 429/5xx's shorter
// Retry-After is raised to MinBackoff as well.
func (c *Crawler) newTransport(base http.RoundTripper, gate *hostGate) http.RoundTripper {
	cc := c.cfg.Crawl
	longest := gate.maxDelay()
	return &collyTransport{
		next: &fetch.Transport{
			Base:        base,
			UserAgent:   c.userAgent(),
			Timeout:     cc.Timeout,
			Retries:     cc.Retries,
			MaxBody:     c.maxBody(),
			Concurrency: max(cc.Concurrency, 1),
			BackoffBase: fetch.DefaultBackoffBase,
			BackoffMax:  max(fetch.DefaultBackoffMax, longest),
			MinBackoff:  longest,
			Logger:      c.logger,
		},
		gate:    gate,
		maxBody: c.maxBody(),
	}
}

func (c *Crawler) userAgent() string {
	if c.cfg.Crawl.UserAgent != "" {
		return c.cfg.Crawl.UserAgent
	}
	return DefaultUserAgent
}

// maxBody is the body cap of fetches and extraction alike.
func (c *Crawler) maxBody() int64 {
	if c.cfg.Crawl.MaxBody > 0 {
		return c.cfg.Crawl.MaxBody
	}
	return defaultMaxBody
}

// fetchResult is what colly's callbacks report of one request.
type fetchResult struct {
	resp *colly.Response
	err  error
}

// resultKey is the colly.Context key of a request's *fetchResult.
const resultKey = "lede.result"

// newCollector makes the site's colly collector. Workers call it
// synchronously (Async off): colly's Async mode starts a goroutine per
// Visit, unbounded for a 100,000-URL sitemap, while a fixed pool of
// workers each making one request at a time keeps memory flat.
func (s *siteRun) newCollector() (*colly.Collector, error) {
	r := s.r
	c := colly.NewCollector()
	// NewCollector applies COLLY_* environment variables; set every field
	// that matters so that none of them changes the crawl.
	c.UserAgent = r.c.userAgent()
	c.MaxDepth = 0 // depth is counted by the frontier, in hops from a start page
	c.AllowedDomains, c.DisallowedDomains = nil, nil
	c.URLFilters, c.DisallowedURLFilters = nil, nil
	c.AllowURLRevisit = false
	c.MaxBodySize = 0 // colly truncates silently at 10 MB; fetch.Transport fails loudly at crawl.max_body
	c.CacheDir = ""
	// Colly's own robots.txt check is off (IgnoreRobotsTxt): the crawler
	// checks robots.txt itself (scraper/robots) so it also gets Crawl-delay
	// for the host's gate and the Sitemap lines.
	c.IgnoreRobotsTxt = true
	c.Async = false
	c.ParseHTTPErrorResponse = true // every status reaches OnResponse (304 included)
	c.DetectCharset = false         // extraction decodes; see collyTransport
	c.CheckHead = false
	c.MaxRequests = 0
	c.Context = r.ctx
	c.SetRequestTimeout(0) // fetch.Transport bounds each attempt; retries may take longer in all
	c.WithTransport(r.transport)
	if err := c.SetStorage(r.store.Storage(visitedID(r.id, s.spec.site.Name))); err != nil {
		return nil, fmt.Errorf("site %q: colly storage: %w", s.spec.site.Name, err)
	}
	c.SetRedirectHandler(s.checkRedirect)
	// No LimitRules: they would be this collector's alone, and two sites on
	// one host would each get the host's allowance. The run's hostGate, in
	// the transport, keeps per-host politeness for all of them.
	c.OnRequest(func(req *colly.Request) {
		if r.ctx.Err() != nil {
			req.Abort()
		}
	})
	c.OnResponse(func(resp *colly.Response) {
		if res, ok := resp.Ctx.GetAny(resultKey).(*fetchResult); ok {
			res.resp = resp
		}
	})
	c.OnError(func(resp *colly.Response, err error) {
		if resp == nil || resp.Ctx == nil {
			return
		}
		if res, ok := resp.Ctx.GetAny(resultKey).(*fetchResult); ok {
			res.err = err
		}
	})
	return c, nil
}

// checkRedirect is the site's redirect policy: at most crawl.max_redirects
// hops, never off the site's domains, never where robots.txt says no.
func (s *siteRun) checkRedirect(req *http.Request, via []*http.Request) error {
	if n := s.r.c.cfg.Crawl.MaxRedirects; len(via) > n {
		return fmt.Errorf("%w: %s after %d (crawl.max_redirects is %d)", errRedirects, via[0].URL, len(via)-1, n)
	}
	if !s.spec.onSite(req.URL) {
		return fmt.Errorf("%w: %s to %s", errOffSite, via[len(via)-1].URL, req.URL)
	}
	if !s.r.allowed(req.URL) {
		return fmt.Errorf("%w: %s", errBlocked, req.URL)
	}
	return nil
}

// response is a fetched page as the crawl handles it.
type response struct {
	status      int
	url         string // final URL, after redirects
	contentType string // the Content-Type header as sent
	header      http.Header
	body        []byte
	at          time.Time
}

// get fetches u through colly with extra headers hdr (may be nil). The
// error is errDropped when the crawl is stopping, else what colly or the
// transport reported.
func (s *siteRun) get(u string, hdr http.Header) (*response, error) {
	res := &fetchResult{}
	cctx := colly.NewContext()
	cctx.Put(resultKey, res)
	h := http.Header{}
	for k, v := range hdr {
		h[k] = v
	}
	h.Set("User-Agent", s.r.c.userAgent())
	err := s.coll.Request(http.MethodGet, u, nil, cctx, h)
	switch {
	case s.r.ctx.Err() != nil && res.resp == nil:
		return nil, errDropped
	case res.err != nil:
		return nil, res.err
	case res.resp == nil && err != nil:
		return nil, err
	case res.resp == nil:
		return nil, errDropped // aborted in OnRequest
	}
	resp := res.resp
	out := &response{status: resp.StatusCode, body: resp.Body, at: time.Now().UTC(), url: u}
	if resp.Request != nil && resp.Request.URL != nil {
		out.url = resp.Request.URL.String()
	}
	if resp.Headers != nil {
		out.header = *resp.Headers
		out.contentType = out.header.Get(headerContentType)
		if out.contentType == "" {
			out.contentType = out.header.Get("Content-Type")
		}
	}
	return out, nil
}

// isHTML reports whether a response is an HTML page by its Content-Type,
// sniffing the body only when the header is missing.
func isHTML(contentType string, body []byte) bool {
	if strings.TrimSpace(contentType) == "" {
		contentType = http.DetectContentType(body)
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(contentType), ";")
		mt = strings.TrimSpace(mt)
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}
