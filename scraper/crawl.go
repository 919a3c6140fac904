package scraper

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/lede-news/lede/scraper/urlnorm"
)

// defaultProgressEvery is how often the progress line is redrawn when
// WithProgress is given no interval: often enough to look alive, rarely
// enough not to flood a slow terminal.
const defaultProgressEvery = time.Second

// Crawler walks the configured sites and writes their articles. Create it
// with NewCrawler; one Crawler may Run several times, one Run at a time.
type Crawler struct {
	cfg      *Config
	sites    []*siteSpec // the sites to crawl, prepared
	logger   *slog.Logger
	progress io.Writer
	every    time.Duration
	refresh  bool
	only     []string // WithSites names
	runID    string   // WithRunID; "" means a timestamp at Run
}

// Option configures a Crawler.
type Option func(*Crawler)

// WithLogger sets the logger: each page at Debug, each failure at Warn, each
// run at Info. The default discards everything.
func WithLogger(l *slog.Logger) Option {
	return func(c *Crawler) { c.logger = l }
}

// WithProgress redraws a one-line progress report (pages fetched, articles
// written, queued, errors, rate) on w every interval (1s if every <= 0),
// using a carriage return; the last line ends with a newline. The CLI passes
// stderr when it is a terminal.
func WithProgress(w io.Writer, every time.Duration) Option {
	return func(c *Crawler) {
		c.progress = w
		c.every = every
	}
}

// WithRefresh revalidates articles the state already knows with conditional
// GETs (If-None-Match, If-Modified-Since) instead of skipping them; an
// article whose content changed is written again. It does not bring back
// URLs that failed for good (404, PDF...): those wait crawl.recheck_failed
// either way.
func WithRefresh(on bool) Option {
	return func(c *Crawler) { c.refresh = on }
}

// WithSites restricts the crawl to the named sites; NewCrawler fails if a
// name is not configured.
func WithSites(names ...string) Option {
	return func(c *Crawler) { c.only = append(c.only, names...) }
}

// WithRunID names the run (output file, state records). The default is the
// start time in UTC, like 20261125T163000Z, with a -2, -3... suffix when a
// run of that name already wrote output.
func WithRunID(id string) Option {
	return func(c *Crawler) { c.runID = id }
}

// siteSpec is a configured site prepared for crawling: URLs normalized,
// domains settled.
type siteSpec struct {
	site    Site
	starts  []string          // normalized start pages
	feeds   []string          // normalized feed URLs
	domains []string          // lower-case hosts, with a port when one was given
	hosts   []string          // hosts to visit for robots.txt and sitemaps (host:port)
	schemes map[string]string // host -> scheme of the configured URLs on it
}

// NewCrawler prepares a crawl of cfg's sites. It checks what it relies on:
// at least one site, a known output format, start and feed URLs on the
// site's domains, run ID and site names usable in file names.
func NewCrawler(cfg *Config, opts ...Option) (*Crawler, error) {
	if cfg == nil {
		return nil, errors.New("scraper: new crawler: nil configuration")
	}
	c := &Crawler{cfg: cfg}
	for _, o := range opts {
		o(c)
	}
	if c.logger == nil {
		c.logger = slog.New(slog.DiscardHandler)
	}
	if c.every <= 0 {
		c.every = defaultProgressEvery
	}
	var errs []error
	switch cfg.Output.Format {
	case "jsonl", "markdown":
	default:
		errs = append(errs, fmt.Errorf("output.format: bad format %q: want jsonl or markdown", cfg.Output.Format))
	}
	if cfg.Output.Dir == "" {
		errs = append(errs, errors.New("output.dir: must not be empty"))
	}
	if cfg.State.Path == "" {
		errs = append(errs, errors.New("state.path: must not be empty"))
	}
	if c.runID != "" && !siteNameRE.MatchString(c.runID) {
		errs = append(errs, fmt.Errorf("run ID %q: use letters, digits, '.', '-' and '_' (it names a file)", c.runID))
	}
	byName := map[string]int{}
	for i := range cfg.Sites {
		byName[cfg.Sites[i].Name] = i
	}
	chosen := make([]bool, len(cfg.Sites))
	for _, name := range c.only {
		i, ok := byName[name]
		if !ok {
			errs = append(errs, fmt.Errorf("site %q: not configured (sites: %s)", name, siteNames(cfg.Sites)))
			continue
		}
		chosen[i] = true
	}
	for i := range cfg.Sites {
		if len(c.only) > 0 && !chosen[i] {
			continue
		}
		spec, err := prepareSite(cfg.Sites[i])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c.sites = append(c.sites, spec)
	}
	if len(cfg.Sites) == 0 {
		errs = append(errs, errors.New("sites: no site configured"))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("scraper: new crawler: %w", err)
	}
	return c, nil
}

func siteNames(sites []Site) string {
	names := make([]string, len(sites))
	for i := range sites {
		names[i] = sites[i].Name
	}
	return strings.Join(names, ", ")
}

// prepareSite normalizes a site's URLs and settles its domains: the
// configured ones, else the hosts of its start pages and feeds.
func prepareSite(s Site) (*siteSpec, error) {
	key := fmt.Sprintf("site %q", s.Name)
	if !siteNameRE.MatchString(s.Name) {
		return nil, fmt.Errorf("%s: bad site name: use letters, digits, '.', '-' and '_' (it names a directory)", key)
	}
	if len(s.Articles) == 0 {
		return nil, fmt.Errorf("%s: no articles pattern", key)
	}
	spec := &siteSpec{site: s, schemes: map[string]string{}}
	var errs []error
	norm := func(what string, raws []string) []string {
		var out []string
		for i, raw := range raws {
			n, err := urlnorm.Normalize(raw)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %s[%d]: %w", key, what, i, err))
				continue
			}
			u, _ := url.Parse(n)
			if _, ok := spec.schemes[u.Host]; !ok {
				spec.schemes[u.Host] = u.Scheme
			}
			out = append(out, n)
		}
		return out
	}
	spec.starts = norm("start", s.Start)
	spec.feeds = norm("feeds", s.Feeds)
	for _, d := range s.Domains {
		spec.domains = append(spec.domains, strings.ToLower(d))
	}
	if len(spec.domains) == 0 {
		for _, raw := range append(append([]string{}, spec.starts...), spec.feeds...) {
			u, _ := url.Parse(raw)
			if !containsString(spec.domains, u.Host) {
				spec.domains = append(spec.domains, u.Host)
			}
		}
	}
	if len(spec.domains) == 0 {
		errs = append(errs, fmt.Errorf("%s: nothing to crawl: no start pages, feeds or domains", key))
	}
	for _, raw := range append(append([]string{}, spec.starts...), spec.feeds...) {
		u, _ := url.Parse(raw)
		if !spec.onSite(u) {
			errs = append(errs, fmt.Errorf("%s: %s is not on the site's domains (%s)", key, raw, strings.Join(spec.domains, ", ")))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	spec.settleHosts()
	return spec, nil
}

// onSite reports whether u is on one of the site's domains: the same host,
// and the same port when the domain names one.
func (s *siteSpec) onSite(u *url.URL) bool {
	if u == nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	host, name := strings.ToLower(u.Host), strings.ToLower(u.Hostname())
	for _, d := range s.domains {
		if d == host || d == name {
			return true
		}
	}
	return false
}

// hostURL is the root URL of host h, in the scheme the site's configured
// URLs use there (https when none does).
func (s *siteSpec) hostURL(h string) string {
	scheme := s.schemes[h]
	if scheme == "" {
		scheme = "https"
	}
	return scheme + "://" + h
}

// settleHosts lists the hosts the crawl will visit: each domain, or for a
// domain without a port, the hosts with a port of the configured URLs on it.
func (s *siteSpec) settleHosts() {
	for _, d := range s.domains {
		found := false
		for h := range s.schemes {
			if h != d && (&url.URL{Host: h}).Hostname() == d {
				s.hosts = append(s.hosts, h)
				found = true
			}
		}
		if !found || s.schemes[d] != "" {
			s.hosts = append(s.hosts, d)
		}
	}
	sort.Strings(s.hosts)
	s.hosts = slices.Compact(s.hosts)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
