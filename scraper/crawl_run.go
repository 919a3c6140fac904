package scraper

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"

	"github.com/lede-news/lede/extract"
	"github.com/lede-news/lede/output"
	"github.com/lede-news/lede/scraper/robots"
	"github.com/lede-news/lede/scraper/state"
)

// defaultMaxBody caps fetched bodies when the configuration gives no
// crawl.max_body: the extractor's own default, so that whatever is fetched
// can be extracted.
const defaultMaxBody = extract.DefaultMaxBytes

// runIDLayout formats the default run ID from the start time in UTC.
const runIDLayout = "20060102T150405Z"

// run is one Run of a Crawler: what its sites share.
type run struct {
	c         *Crawler
	ctx       context.Context
	id        string
	started   time.Time
	store     *state.Store
	transport http.RoundTripper // the walk's, after robots.txt
	gate      *hostGate
	robots    map[string]*robots.Rules // host:port -> rules; written only before the walk
	tally     *tally
	md        *output.MarkdownDir // Markdown output, nil for JSONL
	sites     []*siteRun

	// claims maps an article identity to its first holder in this run,
	// for all sites: like the state, a run writes an article once whatever
	// site (of overlapping ones on a host) reaches it.
	claimMu sync.Mutex
	claims  map[string]*claim
}

// siteRun is one site's walk within a run.
type siteRun struct {
	r     *run
	spec  *siteSpec
	coll  *colly.Collector
	front *frontier
	ext   extract.Extractor
	out   *siteOutput
	log   *slog.Logger

	mu       sync.Mutex
	sitemaps int // sitemaps queued, at most maxSitemaps
}

// Run crawls the sites: it repairs what a killed run left, walks each site
// from its start pages, feeds and sitemaps, and writes every new or changed
// article once. It returns a non-nil error only when the crawl cannot start
// (state file, output directory) or, together with a Summary marked
// Interrupted, when ctx ended it: then no new request starts, the records
// written so far are flushed, articles not reached stay pending for the
// next run, and the run is ended cleanly. Failures of pages are counted in
// the Summary, never returned. When the crawl cannot start the Summary is
// nil.
func (c *Crawler) Run(ctx context.Context) (*Summary, error) {
	started := time.Now().UTC()
	if err := checkWritable(c.cfg.Output.Dir); err != nil {
		return nil, err
	}
	store, err := state.Open(c.cfg.State.Path, state.WithLogger(c.logger))
	if err != nil {
		return nil, fmt.Errorf("scraper: run: %w", err)
	}
	r := &run{c: c, ctx: ctx, started: started, store: store, tally: newTally(), robots: map[string]*robots.Rules{},
		claims: map[string]*claim{}}
	sum, err := r.do()
	if cerr := store.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("scraper: run: %w", cerr)
	}
	return sum, err
}

// do runs the crawl on an open state.
func (r *run) do() (*Summary, error) {
	c := r.c
	if err := r.recoverKilled(); err != nil {
		return nil, err
	}
	r.id = c.chooseRunID(r.started)
	r.tally.s.RunID, r.tally.s.Started = r.id, r.started
	if c.cfg.Output.Format == "markdown" {
		r.md = output.NewMarkdownDir(c.cfg.Output.Dir)
	}
	for _, spec := range c.sites {
		s := &siteRun{r: r, spec: spec, front: newFrontier()}
		s.log = c.logger.With("site", spec.site.Name)
		s.ext = extract.Extractor{
			Timezone:  spec.site.Timezone,
			Selectors: spec.site.Selectors,
			Markdown:  c.cfg.Output.Format == "markdown",
			MaxBytes:  c.maxBody(),
		}
		s.out = &siteOutput{md: r.md}
		path := c.cfg.Output.Dir
		if r.md == nil {
			path = output.RunPath(c.cfg.Output.Dir, spec.site.Name, r.id, r.started)
			s.out.path = path
		}
		if err := r.store.BeginRun(state.Run{ID: r.id, Site: spec.site.Name, Path: path, Started: r.started}); err != nil {
			return nil, fmt.Errorf("scraper: run: %w", err)
		}
		r.sites = append(r.sites, s)
	}
	c.logger.Info("crawl started", "run", r.id, "sites", len(r.sites), "refresh", c.refresh)

	cc := c.cfg.Crawl
	r.gate = newHostGate(cc.PerHost, cc.Delay)
	base := http.DefaultTransport.(*http.Transport).Clone()
	defer base.CloseIdleConnections()
	r.fetchRobots(c.newTransport(base, r.gate))
	r.setDelays()
	// Made after robots.txt: its retries wait out the Crawl-delays.
	r.transport = c.newTransport(base, r.gate)
	for _, s := range r.sites {
		coll, err := s.newCollector()
		if err != nil {
			r.end()
			return nil, fmt.Errorf("scraper: run: %w", err)
		}
		s.coll = coll
	}
	r.walk()
	r.end()
	return r.finish(), r.ctx.Err()
}

// walk seeds each site and runs its workers until every site is done or
// the context ends.
func (r *run) walk() {
	stop := make(chan struct{})
	go func() {
		select {
		case <-r.ctx.Done():
			for _, s := range r.sites {
				s.front.close()
			}
		case <-stop:
		}
	}()
	progressDone := r.startProgress(stop)
	defer func() {
		close(stop)
		<-progressDone
	}()

	var wg sync.WaitGroup
	for _, s := range r.sites {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.seed()
			s.log.Info("site walk started", "queued", s.front.queued())
			var workers sync.WaitGroup
			for range s.workers() {
				workers.Add(1)
				go func() {
					defer workers.Done()
					s.work()
				}()
			}
			workers.Wait()
		}()
	}
	wg.Wait()
}

// workers is the size of the site's worker pool.
func (s *siteRun) workers() int {
	cc := s.r.c.cfg.Crawl
	perHost := max(cc.PerHost, 1)
	if cc.Delay > 0 {
		perHost = 1 // see hostGate
	}
	slots := min(max(cc.Concurrency, 1), perHost*len(s.spec.domains))
	return max(slots, 1) * workersPerSlot
}

// work handles jobs until the site's walk is over.
func (s *siteRun) work() {
	for {
		j, ok := s.front.next()
		if !ok {
			return
		}
		s.handle(j)
		s.front.done()
	}
}

// handle does one job; a panic becomes the page's failure, never the
// crawl's end.
func (s *siteRun) handle(j job) {
	defer func() {
		if p := recover(); p != nil {
			s.fail(j.url, "internal", fmt.Errorf("internal error (recovered panic): %v", p))
		}
	}()
	if j.kind == kindArticle {
		s.article(j)
		return
	}
	s.page(j)
}

// end flushes and closes the outputs and ends the run in the state.
func (r *run) end() {
	for _, s := range r.sites {
		if err := s.out.close(); err != nil {
			r.tally.fail("write")
			r.c.logger.Warn("closing output", "site", s.spec.site.Name, "err", err)
		}
		if p := s.out.created(); p != "" {
			r.tally.add(func(sum *Summary) { sum.Outputs = append(sum.Outputs, p) })
		}
	}
	if r.md != nil && r.tally.summary().Articles > 0 {
		r.tally.add(func(sum *Summary) { sum.Outputs = append(sum.Outputs, r.c.cfg.Output.Dir) })
	}
	if r.id != "" {
		ids := []string{r.id}
		for _, s := range r.sites {
			ids = append(ids, visitedID(r.id, s.spec.site.Name))
		}
		for _, id := range ids {
			if err := r.store.EndRun(id); err != nil {
				r.tally.fail("state")
				r.c.logger.Warn("ending the run", "run", id, "err", err)
			}
		}
	}
}

// visitedID names a site's colly visited set in the state (ended, so
// dropped, with the run): each site has its own, so that one site's fetch
// of a page another site also walks (a shared home page or sitemap) does
// not make it "already visited" for the other. Run IDs hold no '/', so it
// is no run's ID.
func visitedID(runID, site string) string { return runID + "/" + site }

// finish completes the summary and logs it.
func (r *run) finish() *Summary {
	finished := time.Now().UTC()
	r.tally.add(func(s *Summary) {
		s.Finished = finished
		s.Duration = finished.Sub(r.started)
		s.Interrupted = r.ctx.Err() != nil
	})
	sum := r.tally.summary()
	r.c.logger.Info("crawl finished", "run", sum.RunID, "pages", sum.Pages, "articles", sum.Articles,
		"unchanged", sum.Unchanged, "skipped", sum.Skipped, "duplicates", sum.Duplicates,
		"failed", sum.Failed, "duration", sum.Duration.Round(time.Millisecond), "interrupted", sum.Interrupted)
	return sum
}

// chooseRunID returns WithRunID's ID, else the start time, suffixed -2,
// -3... while a run of that name already has an output file.
func (c *Crawler) chooseRunID(started time.Time) string {
	if c.runID != "" {
		return c.runID
	}
	base := started.Format(runIDLayout)
	id := base
	for n := 2; c.runOutputExists(id, started); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

func (c *Crawler) runOutputExists(id string, started time.Time) bool {
	for _, s := range c.sites {
		if _, err := os.Stat(output.RunPath(c.cfg.Output.Dir, s.site.Name, id, started)); err == nil {
			return true
		}
	}
	return false
}

// checkWritable makes the output directory and checks a file can be
// created in it.
func checkWritable(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("scraper: output directory %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, ".lede-probe-*")
	if err != nil {
		return fmt.Errorf("scraper: output directory %s is not writable: %w", dir, err)
	}
	name := f.Name()
	f.Close()
	if err := os.Remove(name); err != nil {
		return fmt.Errorf("scraper: output directory %s: %w", dir, err)
	}
	return nil
}

// allowed reports whether robots.txt lets the crawl fetch u (always true
// when crawl.respect_robots is off or the host's rules are unknown).
func (r *run) allowed(u *url.URL) bool {
	if !r.c.cfg.Crawl.RespectRobots {
		return true
	}
	rules := r.robots[u.Host]
	return rules == nil || rules.Allowed(u)
}

// setDelays gives each host whose robots.txt has a Crawl-delay longer
// than crawl.delay that delay in the gate (when crawl.respect_robots is on).
func (r *run) setDelays() {
	if !r.c.cfg.Crawl.RespectRobots {
		return
	}
	for h, rules := range r.robots {
		if rules != nil {
			r.gate.setDelay(h, rules.CrawlDelay())
		}
	}
}

// fetchRobots reads, through transport, the robots.txt of every host that
// needs it (all hosts when crawl.respect_robots is on, hosts of sites with
// sitemaps: true otherwise), in parallel, before the walk: the host gate
// needs Crawl-delay and the sitemaps come from the Sitemap lines.
func (r *run) fetchRobots(transport http.RoundTripper) {
	respect := r.c.cfg.Crawl.RespectRobots
	hosts := map[string]string{} // host -> root URL
	for _, s := range r.sites {
		if !respect && !s.spec.site.Sitemaps {
			continue
		}
		for _, h := range s.spec.hosts {
			if _, ok := hosts[h]; !ok {
				hosts[h] = s.spec.hostURL(h)
			}
		}
	}
	cache := &robots.Cache{Client: &http.Client{Transport: transport}, UserAgent: r.c.userAgent()}
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	for h, root := range hosts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			u, err := url.Parse(root + "/")
			if err != nil {
				return
			}
			rules, err := cache.Get(r.ctx, u)
			if err != nil && r.ctx.Err() == nil {
				if respect {
					r.tally.fail("robots")
					r.c.logger.Warn("robots.txt unreachable: host treated as disallowed", "host", h, "err", err)
				} else {
					r.c.logger.Debug("robots.txt unreachable", "host", h, "err", err)
				}
			}
			mu.Lock()
			r.robots[h] = rules
			mu.Unlock()
		}()
	}
	wg.Wait()
}
