package scraper

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"

	"github.com/lede-news/lede/output"
	"github.com/lede-news/lede/scraper/state"
	"github.com/lede-news/lede/scraper/urlnorm"
)

// recoverKilled finishes what killed runs left, for every site (not only
// the ones this run crawls, since ending a run ends it for all its sites):
// a JSONL file loses its torn last line and each whole record in it is
// recorded in the state as done, so this run neither loses nor rewrites
// it; a Markdown directory loses its temp files. Then the old run is ended.
func (r *run) recoverKilled() error {
	runs, err := r.store.OpenRuns("")
	if err != nil {
		return fmt.Errorf("scraper: run: %w", err)
	}
	var ids []string
	for _, old := range runs {
		if !containsString(ids, old.ID) {
			ids = append(ids, old.ID)
		}
		ids = append(ids, visitedID(old.ID, old.Site))
		if old.Path == "" {
			continue
		}
		if !strings.HasSuffix(old.Path, ".jsonl") {
			if err := output.CleanTemp(old.Path); err != nil {
				return fmt.Errorf("scraper: cleaning up killed run %s of site %q: %w", old.ID, old.Site, err)
			}
			continue
		}
		recs, err := output.RepairJSONL(old.Path)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("scraper: repairing the output of killed run %s of site %q: %w", old.ID, old.Site, err)
		}
		spec := r.c.specFor(old.Site)
		done := make([]state.Article, 0, len(recs))
		for i := range recs {
			if a, ok := stateFromRecord(&recs[i], old.Site, spec); ok {
				done = append(done, a)
			}
		}
		if err := r.store.PutAll(done); err != nil {
			return fmt.Errorf("scraper: recording killed run %s of site %q: %w", old.ID, old.Site, err)
		}
		r.tally.add(func(s *Summary) { s.Recovered += len(recs) })
		r.c.logger.Info("repaired killed run", "run", old.ID, "site", old.Site, "path", old.Path, "records", len(recs))
	}
	for _, id := range ids {
		if err := r.store.EndRun(id); err != nil {
			return fmt.Errorf("scraper: run: %w", err)
		}
	}
	return nil
}

// specFor is the configured site named name, or nil.
func (c *Crawler) specFor(name string) *siteSpec {
	for i := range c.cfg.Sites {
		if c.cfg.Sites[i].Name == name {
			spec, err := prepareSite(c.cfg.Sites[i])
			if err == nil {
				return spec
			}
		}
	}
	return nil
}

// stateFromRecord is the state entry of a record written by a crawl: keyed
// by the URL that was requested (Source), identified as the crawl
// identified it (canonical URL on the site, else the page URL).
func stateFromRecord(rec *output.Record, site string, spec *siteSpec) (state.Article, bool) {
	art := rec.Article
	if art == nil {
		return state.Article{}, false
	}
	key, err := urlnorm.Normalize(firstNonEmptyString(art.Source, art.URL))
	if err != nil {
		return state.Article{}, false
	}
	id := ""
	if art.CanonicalURL != "" {
		if n, err := urlnorm.Normalize(art.CanonicalURL); err == nil {
			if u, err := url.Parse(n); err == nil && (spec == nil || spec.onSite(u)) {
				id = n
			}
		}
	}
	if id == "" {
		if n, err := urlnorm.Normalize(art.URL); err == nil {
			id = n
		}
	}
	return state.Article{
		URL: key, CanonicalURL: id, Site: site,
		FirstSeen: rec.FetchedAt, LastSeen: rec.FetchedAt, ContentHash: art.ContentHash,
	}, true
}

func firstNonEmptyString(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
