package scraper

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/lede-news/lede/extract"
	"github.com/lede-news/lede/output"
	"github.com/lede-news/lede/scraper/fetch"
	"github.com/lede-news/lede/scraper/state"
	"github.com/lede-news/lede/scraper/urlnorm"
)

// claim is the first holder of an article identity in a run. Later URLs
// serving the same article are its aliases: they are recorded in the state
// only once the holder's record is safely written, so that a kill in
// between cannot leave an alias marking an article done that is in no
// output.
type claim struct {
	done    bool // the holder finished
	ok      bool // and its article is in the output (or was already)
	aliases []state.Article
}

// article fetches an article page (conditionally when the state knows it
// and WithRefresh is on), extracts it and writes it unless this run or an
// earlier one already wrote the same content under the same identity.
func (s *siteRun) article(j job) {
	store := s.r.store
	prev, known, err := store.Lookup(j.url)
	if err != nil {
		s.fail(j.url, "state", err)
		return
	}
	if known && !s.r.c.refresh {
		// Written (as an alias) since it was queued.
		s.r.tally.add(func(sum *Summary) { sum.Skipped++ })
		return
	}
	var hdr http.Header
	if known {
		hdr = http.Header{}
		if prev.ETag != "" {
			hdr.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			hdr.Set("If-Modified-Since", prev.LastModified)
		}
	}
	var why giveUp
	resp, ok := s.fetchedStatus(j, hdr, &why)
	if !ok {
		if permanent(why) {
			s.failedForGood(j.url, why)
		}
		return
	}
	if resp.status == http.StatusNotModified {
		s.unchanged(j, prev, resp)
		return
	}
	if !isHTML(resp.contentType, resp.body) {
		s.notHTML(j, resp)
		s.failedForGood(j.url, giveUp{kind: "not_html", status: resp.status})
		return
	}
	art, err := s.ext.Extract(extract.Page{
		URL: resp.url, Source: j.url, ContentType: resp.contentType, Body: resp.body, FetchedAt: resp.at,
	})
	if err != nil {
		kind := extractKind(err)
		s.fail(j.url, kind, err)
		if kind == "no_article" || kind == string(fetch.KindTooLarge) {
			s.failedForGood(j.url, giveUp{kind: kind, status: resp.status})
		}
		return
	}
	id := s.identity(art, resp.url, j.url)
	rec := state.Article{
		URL: j.url, CanonicalURL: id, Site: s.spec.site.Name, LastSeen: resp.at,
		ETag: resp.header.Get("ETag"), LastModified: resp.header.Get("Last-Modified"),
		ContentHash: art.ContentHash,
	}
	cl, first := s.claimArticle(id)
	if !first {
		s.r.tally.add(func(sum *Summary) { sum.Duplicates++ })
		s.log.Debug("duplicate", "url", j.url, "identity", id)
		s.alias(cl, rec)
		return
	}
	if !known {
		// Another URL of the same article may be known.
		prev, known, err = store.Lookup(id)
		if err != nil {
			s.fail(j.url, "state", err)
			s.settle(cl, false)
			return
		}
	}
	if known && prev.ContentHash == art.ContentHash {
		s.r.tally.add(func(sum *Summary) { sum.Unchanged++ })
		s.log.Debug("unchanged", "url", j.url, "identity", id)
		s.put(rec)
		s.settle(cl, true)
		return
	}
	err = s.out.write(&output.Record{Article: art, Site: s.spec.site.Name, FetchedAt: resp.at, Status: resp.status})
	if err != nil {
		s.fail(j.url, "write", err)
		s.settle(cl, false)
		return
	}
	s.r.tally.add(func(sum *Summary) { sum.Articles++ })
	s.log.Debug("written", "url", j.url, "identity", id, "changed", known)
	// Marked done only now that the record is in the output.
	s.put(rec)
	s.settle(cl, true)
}

// permanent reports whether a fetch failure is one no later run would
// mend by itself: a 404 or 410, a redirect off the site or over
// crawl.max_redirects, a body over crawl.max_body. Timeouts, connection
// errors, 429, 5xx and other statuses may pass: they stay pending.
func permanent(why giveUp) bool {
	switch why.kind {
	case "off_site", "redirects", string(fetch.KindTooLarge):
		return true
	case "http_status":
		return why.status == http.StatusNotFound || why.status == http.StatusGone
	}
	return false
}

// failedForGood records in the state that article URL u failed for a
// reason no later run would mend (which also takes it off the pending
// set), so that runs within crawl.recheck_failed do not fetch it again.
func (s *siteRun) failedForGood(u string, why giveUp) {
	err := s.r.store.PutFailure(state.Failure{URL: u, Site: s.spec.site.Name, Kind: why.kind, Status: why.status})
	if err != nil {
		s.fail(u, "state", err)
	}
}

// failedRecently reports whether article URL u failed for good less than
// crawl.recheck_failed ago. A damaged record is logged and u fetched (its
// next outcome overwrites the record).
func (s *siteRun) failedRecently(u string) bool {
	recheck := s.r.c.cfg.Crawl.RecheckFailed
	if recheck <= 0 {
		return false
	}
	f, found, err := s.r.store.Failure(u)
	if err != nil {
		s.log.Warn("failure record unreadable: fetching again", "url", u, "err", err)
		return false
	}
	if !found || time.Since(f.Last) >= recheck {
		return false
	}
	s.log.Debug("failed for good recently: skipped", "url", u, "error_kind", f.Kind, "status", f.Status,
		"last", f.Last, "count", f.Count)
	return true
}

// unchanged handles a 304 answer to a conditional GET.
func (s *siteRun) unchanged(j job, prev state.Article, resp *response) {
	s.r.tally.add(func(sum *Summary) { sum.Unchanged++ })
	s.log.Debug("not modified", "url", j.url)
	prev.LastSeen = resp.at
	if et := resp.header.Get("ETag"); et != "" {
		prev.ETag = et
	}
	if lm := resp.header.Get("Last-Modified"); lm != "" {
		prev.LastModified = lm
	}
	s.put(prev)
}

// identity is an article's identity: its canonical URL, normalized, when
// that is on the site's domains; else the URL it was served from.
func (s *siteRun) identity(art *extract.Article, final, requested string) string {
	if art.CanonicalURL != "" {
		if n, err := urlnorm.Normalize(art.CanonicalURL); err == nil {
			if u, err := url.Parse(n); err == nil && s.spec.onSite(u) {
				return n
			}
		}
	}
	if n, err := urlnorm.Normalize(final); err == nil {
		return n
	}
	return requested
}

// claimArticle claims identity id for the caller, or returns the claim of
// the job that got there first.
func (s *siteRun) claimArticle(id string) (*claim, bool) {
	s.r.claimMu.Lock()
	defer s.r.claimMu.Unlock()
	if cl, ok := s.r.claims[id]; ok {
		return cl, false
	}
	cl := &claim{}
	s.r.claims[id] = cl
	return cl, true
}

// alias records a duplicate URL of a claimed article in the state once the
// claim's holder has written it (at once if it has).
func (s *siteRun) alias(cl *claim, a state.Article) {
	s.r.claimMu.Lock()
	if !cl.done {
		cl.aliases = append(cl.aliases, a)
		s.r.claimMu.Unlock()
		return
	}
	ok := cl.ok
	s.r.claimMu.Unlock()
	if ok {
		s.put(a)
	}
}

// settle ends a claim: when its article is in the output, the aliases
// waiting on it are recorded too; otherwise they stay pending.
func (s *siteRun) settle(cl *claim, ok bool) {
	s.r.claimMu.Lock()
	cl.done, cl.ok = true, ok
	aliases := cl.aliases
	cl.aliases = nil
	s.r.claimMu.Unlock()
	if !ok {
		return
	}
	for _, a := range aliases {
		s.put(a)
	}
}

// put records an article in the state (which also clears it from pending).
func (s *siteRun) put(a state.Article) {
	if err := s.r.store.Put(a); err != nil {
		s.fail(a.URL, "state", err)
	}
}

// extractKind names an extraction failure for the summary.
func extractKind(err error) string {
	switch {
	case errors.Is(err, extract.ErrNoArticle), errors.Is(err, extract.ErrEmpty):
		return "no_article"
	case errors.Is(err, extract.ErrTooLarge):
		return string(fetch.KindTooLarge)
	}
	return "extract"
}

// errKind names a fetch failure for the summary.
func errKind(err error) string {
	switch {
	case errors.Is(err, errOffSite):
		return "off_site"
	case errors.Is(err, errRedirects):
		return "redirects"
	}
	if k := fetch.KindOf(err); k != "" {
		return string(k)
	}
	return string(fetch.KindOther)
}

// errStatus is the failure of an error status.
func errStatus(code int) error {
	return fmt.Errorf("HTTP status %d %s", code, http.StatusText(code))
}
