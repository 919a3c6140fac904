package scraper

import (
	"errors"
	"net/url"
	"regexp"

	"github.com/gocolly/colly/v2"

	"github.com/lede-news/lede/scraper/discover"
	"github.com/lede-news/lede/scraper/urlnorm"
)

// maxSitemaps bounds the sitemaps one site's run reads: a sitemap index of
// a decades-old archive can list thousands of monthly sitemaps, and a
// nightly crawl wants the recent ones that come first, not the archive.
const maxSitemaps = 500

// seed queues the site's start pages, feeds, sitemaps and the article URLs
// an earlier run discovered but did not write (pending in the state).
func (s *siteRun) seed() {
	spec := s.spec
	var jobs []job
	var arts []string
	for _, u := range spec.starts {
		if matchAny(spec.site.Articles, u) {
			arts = append(arts, u) // an article given as a start page is a leaf too
			continue
		}
		jobs = append(jobs, s.pageJob(u, kindPage, 0, false)...)
	}
	for _, u := range spec.feeds {
		jobs = append(jobs, s.pageJob(u, kindFeed, 0, false)...)
	}
	if spec.site.Sitemaps {
		for _, h := range spec.hosts {
			listed := false
			if rules := s.r.robots[h]; rules != nil {
				robotsURL := spec.hostURL(h) + "/robots.txt"
				for _, raw := range rules.Sitemaps() {
					if u, ok := s.onSiteURL(robotsURL, raw); ok {
						jobs = append(jobs, s.sitemapJob(u, false)...)
						listed = true
					}
				}
			}
			if !listed {
				jobs = append(jobs, s.sitemapJob(spec.hostURL(h)+"/sitemap.xml", true)...)
			}
		}
	}
	s.front.push(jobs...)
	s.queueArticles(arts, true)
	pending, err := s.r.store.Pending(spec.site.Name)
	if err != nil {
		s.fail(spec.site.Name, "state", err)
		return
	}
	if len(pending) > 0 {
		s.log.Info("resuming pending articles", "count", len(pending))
	}
	s.queueArticles(pending, false)
}

// pageJob claims u and returns its job, or nothing when u was seen or
// robots.txt disallows it.
func (s *siteRun) pageJob(u string, kind jobKind, depth int, optional bool) []job {
	if !s.front.claim(u) {
		return nil
	}
	if !s.allowedURL(u) {
		s.blocked(u)
		return nil
	}
	return []job{{url: u, kind: kind, depth: depth, optional: optional}}
}

// sitemapJob is pageJob for a sitemap, within the site's sitemap budget.
func (s *siteRun) sitemapJob(u string, optional bool) []job {
	s.mu.Lock()
	over := s.sitemaps >= maxSitemaps
	if !over {
		s.sitemaps++
	}
	s.mu.Unlock()
	if over {
		s.log.Debug("sitemap left out: budget spent", "url", u, "max", maxSitemaps)
		return nil
	}
	return s.pageJob(u, kindSitemap, 0, optional)
}

// onSiteURL resolves raw, as written in the document at base (robots.txt,
// a sitemap or a feed: they may hold relative URLs), normalizes it and
// reports whether it is on the site.
func (s *siteRun) onSiteURL(base, raw string) (string, bool) {
	bu, err := url.Parse(base)
	if err != nil {
		return "", false
	}
	n, err := urlnorm.Resolve(bu, raw)
	if err != nil {
		return "", false
	}
	u, err := url.Parse(n)
	if err != nil || !s.spec.onSite(u) {
		return "", false
	}
	return n, true
}

func (s *siteRun) allowedURL(u string) bool {
	pu, err := url.Parse(u)
	return err == nil && s.r.allowed(pu)
}

func (s *siteRun) blocked(u string) {
	s.r.tally.add(func(sum *Summary) { sum.Blocked++ })
	s.log.Debug("disallowed by robots.txt", "url", u)
}

// queueArticles claims article URLs and queues those to fetch: not seen in
// this run, allowed by robots.txt, unknown to the state (or known, with
// WithRefresh), and not failed for good less than crawl.recheck_failed ago
// (WithRefresh or not). With addPending, the unknown ones are recorded as pending
// first, so that a killed run's next start still fetches them; without it
// (urls are the pending ones), those robots.txt disallows leave the pending set.
func (s *siteRun) queueArticles(urls []string, addPending bool) {
	var jobs []job
	var pending []string
	for _, u := range urls {
		if !s.front.claim(u) {
			continue
		}
		if !s.allowedURL(u) {
			s.blocked(u)
			if !addPending {
				// A pending URL robots.txt now disallows would be blocked
				// again by every run; a link found later brings it back.
				if err := s.r.store.RemovePending(s.spec.site.Name, u); err != nil {
					s.fail(u, "state", err)
				}
			}
			continue
		}
		_, known, err := s.r.store.Lookup(u)
		if err != nil {
			s.fail(u, "state", err)
			continue
		}
		if known && !s.r.c.refresh {
			s.r.tally.add(func(sum *Summary) { sum.Skipped++ })
			continue
		}
		if s.failedRecently(u) {
			s.r.tally.add(func(sum *Summary) { sum.SkippedFailed++ })
			continue
		}
		if !known {
			pending = append(pending, u)
		}
		jobs = append(jobs, job{url: u, kind: kindArticle})
	}
	if addPending && len(pending) > 0 {
		if err := s.r.store.AddPending(s.spec.site.Name, pending...); err != nil {
			s.fail(s.spec.site.Name, "state", err)
		}
	}
	s.front.push(jobs...)
}

// page fetches a start or follow page, sitemap or feed and queues what it
// leads to.
func (s *siteRun) page(j job) {
	resp, ok := s.fetched(j, nil)
	if !ok {
		return
	}
	switch j.kind {
	case kindPage:
		if !isHTML(resp.contentType, resp.body) {
			s.notHTML(j, resp)
			return
		}
		base, err := url.Parse(resp.url)
		if err != nil {
			s.fail(j.url, "other", err)
			return
		}
		s.follow(pageLinks(resp.body, resp.contentType, base), j.depth+1)
	case kindSitemap:
		// A sitemap cut short still lists the entries before the break:
		// they are queued, and the break is counted.
		pages, maps, err := discover.ParseSitemap(resp.body)
		if err != nil {
			if j.optional && len(pages) == 0 && len(maps) == 0 {
				s.log.Debug("no sitemap", "url", j.url, "err", err)
			} else {
				s.fail(j.url, "sitemap", err)
			}
		}
		var jobs []job
		for _, raw := range maps {
			if u, ok := s.onSiteURL(resp.url, raw); ok {
				jobs = append(jobs, s.sitemapJob(u, false)...)
			}
		}
		s.front.push(jobs...)
		s.entries(resp.url, pages)
	case kindFeed:
		entries, err := discover.ParseFeed(resp.body)
		if err != nil {
			s.fail(j.url, "feed", err)
		}
		s.entries(resp.url, entries)
	}
}

// entries queues the sitemap or feed entries that are the site's articles,
// resolving them against base, the document's URL.
func (s *siteRun) entries(base string, entries []discover.Entry) {
	var arts []string
	for _, e := range entries {
		if u, ok := s.onSiteURL(base, e.URL); ok && matchAny(s.spec.site.Articles, u) {
			arts = append(arts, u)
		}
	}
	s.queueArticles(arts, true)
}

// follow queues the links of a page, found at depth hops from a start
// page: articles (leaves) within max_depth, and follow pages whose own
// links would still be within it.
func (s *siteRun) follow(links []string, depth int) {
	site := &s.spec.site
	var arts []string
	var jobs []job
	for _, l := range links {
		u, err := url.Parse(l)
		if err != nil || !s.spec.onSite(u) {
			continue
		}
		switch {
		case matchAny(site.Articles, l):
			if depth <= site.MaxDepth {
				arts = append(arts, l)
			}
		case matchAny(site.Follow, l):
			if depth < site.MaxDepth {
				jobs = append(jobs, s.pageJob(l, kindPage, depth, false)...)
			}
		}
	}
	s.queueArticles(arts, true)
	s.front.push(jobs...)
}

// fetched fetches j and does the accounting every kind shares: responses
// by status, failures by kind, dropped requests, robots refusals and
// redirects to pages already fetched. ok is false when nothing is left to
// do with j; a 304 answer to a conditional GET is returned for the caller.
func (s *siteRun) fetched(j job, hdr map[string][]string) (*response, bool) {
	return s.fetchedStatus(j, hdr, nil)
}

// giveUp is why fetchedStatus gave up on a URL: the failure kind it
// counted ("" when it counted none) and the HTTP status of the response
// it gave up on, 0 when there was none.
type giveUp struct {
	kind   string
	status int
}

// fetchedStatus is fetched, also reporting in *why (when not nil) why it
// gave up on j.
func (s *siteRun) fetchedStatus(j job, hdr map[string][]string, why *giveUp) (*response, bool) {
	resp, err := s.get(j.url, hdr)
	if err != nil {
		var visited *colly.AlreadyVisitedError
		switch {
		case errors.Is(err, errDropped) || s.r.ctx.Err() != nil:
			s.log.Debug("dropped", "url", j.url, "kind", j.kind)
		case errors.As(err, &visited):
			// A redirect to a page this run already fetched.
			if j.kind == kindArticle {
				s.r.tally.add(func(sum *Summary) { sum.Duplicates++ })
			}
			s.log.Debug("redirect to a page already fetched", "url", j.url, "to", visited.Destination)
		case errors.Is(err, errBlocked):
			s.blocked(j.url)
		default:
			kind := errKind(err)
			if why != nil {
				why.kind = kind
			}
			s.fail(j.url, kind, err)
		}
		return nil, false
	}
	s.r.tally.response(resp.status)
	s.log.Debug("fetched", "url", j.url, "kind", j.kind, "status", resp.status, "bytes", len(resp.body), "final", resp.url)
	switch {
	case resp.status == 304 && hdr != nil:
		return resp, true
	case resp.status < 200 || resp.status > 299:
		if j.optional {
			s.log.Debug("optional URL not there", "url", j.url, "status", resp.status)
			return nil, false
		}
		s.fail(j.url, "http_status", errStatus(resp.status))
		if why != nil {
			*why = giveUp{kind: "http_status", status: resp.status}
		}
		return nil, false
	}
	return resp, true
}

func (s *siteRun) notHTML(j job, resp *response) {
	s.r.tally.add(func(sum *Summary) { sum.NotHTML++ })
	s.log.Debug("not HTML: skipped", "url", j.url, "content_type", resp.contentType)
}

// fail counts a failure and logs it at Warn.
func (s *siteRun) fail(u, kind string, err error) {
	s.r.tally.fail(kind)
	s.log.Warn("failed", "url", u, "error_kind", kind, "err", err)
}

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
