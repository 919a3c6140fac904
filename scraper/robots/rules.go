package robots

import (
	"net/url"
	"time"

	"github.com/temoto/robotstxt"
)

// mode says whether Rules has a parsed file or a blanket answer.
type mode uint8

const (
	parsed      mode = iota // data holds the file (nil data: allow all)
	allowAll                // no usable robots.txt (4xx): everything allowed
	disallowAll             // server error or unreachable: nothing allowed
)

// Rules is what one host's robots.txt says to this crawler. The zero value
// (and a nil *Rules) allows everything. Rules is safe for concurrent use.
type Rules struct {
	mode  mode
	data  *robotstxt.RobotsData
	agent string           // our product token
	group *robotstxt.Group // the group that applies to us
}

// Allowed reports whether the crawler may fetch u, judged on its path and
// query. /robots.txt itself is always allowed.
func (r *Rules) Allowed(u *url.URL) bool {
	if r == nil || u == nil {
		return true
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if p == "/robots.txt" {
		return true
	}
	switch r.mode {
	case allowAll:
		return true
	case disallowAll:
		return false
	}
	if r.group == nil {
		return true
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return r.group.Test(p)
}

// CrawlDelay is the Crawl-delay of the group that applies to the crawler
// (its own, else '*'), 0 if none.
func (r *Rules) CrawlDelay() time.Duration {
	if r == nil || r.group == nil {
		return 0
	}
	return r.group.CrawlDelay
}

// Sitemaps returns the Sitemap URLs the file lists, in order.
func (r *Rules) Sitemaps() []string {
	if r == nil || r.data == nil {
		return nil
	}
	return append([]string(nil), r.data.Sitemaps...)
}
