package testsite

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// siteName is the test site's publication name.
const siteName = "The Loopback Ledger"

// epoch is when the site's first article was published; article N follows
// N hours later.
var epoch = time.Date(2026, time.November, 1, 8, 0, 0, 0, time.UTC)

// sectionNames name the first sections; further ones are section-K.
var sectionNames = []string{"world", "politics", "business", "science", "culture", "sport", "health", "technology"}

// Paths of the traps and of articles found only through discovery.
const (
	pathFlaky         = "/news/flaky"
	pathSlow          = "/news/slow"
	pathOld           = "/news/old-story"
	pathMoved         = "/news/moved-story"
	pathLoop          = "/news/loop/"
	pathElsewhere     = "/news/elsewhere"
	pathSneaky        = "/news/sneaky"
	pathGzipped       = "/news/gzipped"
	pathLatin1        = "/news/latin1"
	pathGone1         = "/news/gone-1"
	pathGone2         = "/news/gone-2"
	pathHuge          = "/news/huge"
	pathPDF           = "/news/report.pdf"
	pathPrivate       = "/private/news/secret"
	pathSitemapOnly   = "/news/sitemap-only"
	pathNewsSitemap   = "/news/news-sitemap-only"
	pathArchiveOnly   = "/news/archive-only"
	pathFeedOnly      = "/news/feed-only"
	pathLoopEnd       = "/news/loop-end"
	dupSuffix         = "/amp"
	trackingArticle   = 1 // linked with tracking parameters and a fragment
	duplicatedArticle = 2 // also served at /news/2/amp
)

// article is one story the site can serve.
type article struct {
	path      string // canonical path
	n         int    // regular article number, 0 for the others
	title     string
	section   string
	published time.Time
}

// specials are the non-regular stories, by canonical path.
var specials = map[string]string{
	pathFlaky:       "Power restored after overnight outage",
	pathSlow:        "Inquiry hears evidence on delayed trains",
	pathMoved:       "Museum reopens its renovated east wing",
	pathGzipped:     "Harbour dredging to start in spring",
	pathLatin1:      "Café owners protest rent rise à la française",
	pathPrivate:     "Embargoed: budget figures",
	pathSitemapOnly: "Archive: the flood of 1953 remembered",
	pathNewsSitemap: "Breaking: ferry service suspended",
	pathArchiveOnly: "From the archive: the first city tram",
	pathFeedOnly:    "Newsletter exclusive: the mayor's diary",
	pathLoopEnd:     "You followed too many redirects",
}

func (s *Site) sectionName(i int) string {
	if i < len(sectionNames) {
		return sectionNames[i]
	}
	return "section-" + strconv.Itoa(i+1)
}

// sectionOf is the section index of regular article n.
func (s *Site) sectionOf(n int) int { return (n - 1) % s.opts.Sections }

// PageOf is the section index (from 0) and page (from 1) listing regular article n.
func (s *Site) PageOf(n int) (section, page int) {
	idx := (n - 1) / s.opts.Sections
	return s.sectionOf(n), idx/s.opts.PerPage + 1
}

// Pages is the number of pages of section sec.
func (s *Site) Pages(sec int) int {
	count := 0
	if sec < s.opts.Articles {
		count = (s.opts.Articles-sec-1)/s.opts.Sections + 1
	}
	if count == 0 {
		return 1
	}
	return (count + s.opts.PerPage - 1) / s.opts.PerPage
}

// articlesOn lists the regular article numbers on a section page.
func (s *Site) articlesOn(sec, page int) []int {
	var ns []int
	first := (page-1)*s.opts.PerPage*s.opts.Sections + sec + 1
	for i := 0; i < s.opts.PerPage; i++ {
		n := first + i*s.opts.Sections
		if n > s.opts.Articles {
			break
		}
		ns = append(ns, n)
	}
	return ns
}

// SectionURL is the URL of page page of section sec (page 1 has no query).
func (s *Site) SectionURL(sec, page int) string {
	u := s.URL + "/section/" + s.sectionName(sec)
	if page > 1 {
		u += "?page=" + strconv.Itoa(page)
	}
	return u
}

// SectionURLs lists the first page of every section.
func (s *Site) SectionURLs() []string {
	var us []string
	for i := 0; i < s.opts.Sections; i++ {
		us = append(us, s.SectionURL(i, 1))
	}
	return us
}

// ArticleURL is the canonical URL of regular article n.
func (s *Site) ArticleURL(n int) string { return s.URL + "/news/" + strconv.Itoa(n) }

func (s *Site) regular(n int) article {
	return article{
		path:      "/news/" + strconv.Itoa(n),
		n:         n,
		title:     headline(n),
		section:   s.sectionName(s.sectionOf(n)),
		published: epoch.Add(time.Duration(n) * time.Hour),
	}
}

func (s *Site) special(path string) (article, bool) {
	title, ok := specials[path]
	if !ok {
		return article{}, false
	}
	return article{path: path, title: title, section: "news", published: epoch.Add(-time.Duration(len(path)) * time.Hour)}, true
}

// Linked lists the canonical URLs of the articles reachable from the
// sections (regular ones, and the redirected, retried, slow and gzipped ones).
func (s *Site) Linked() []string {
	var us []string
	for n := 1; n <= s.opts.Articles; n++ {
		us = append(us, s.ArticleURL(n))
	}
	if !s.opts.Plain {
		for _, p := range []string{pathFlaky, pathSlow, pathMoved, pathGzipped, pathLatin1} {
			us = append(us, s.URL+p)
		}
	}
	return us
}

// SitemapOnly lists the canonical URLs of articles found only in sitemaps.
func (s *Site) SitemapOnly() []string {
	if s.opts.Plain {
		return nil
	}
	return []string{s.URL + pathSitemapOnly, s.URL + pathNewsSitemap, s.URL + pathArchiveOnly}
}

// FeedOnly lists the canonical URLs of articles found only in the feed.
func (s *Site) FeedOnly() []string {
	if s.opts.Plain {
		return nil
	}
	return []string{s.URL + pathFeedOnly}
}

// Expected lists the canonical URLs of every article a complete crawl
// (sections, sitemaps and the feed) must write, each once.
func (s *Site) Expected() []string {
	us := s.Linked()
	us = append(us, s.SitemapOnly()...)
	return append(us, s.FeedOnly()...)
}

// Never lists URLs (as linked) that must never be written: disallowed,
// failing, off-site, not HTML, too large, beyond the redirect limit.
func (s *Site) Never() []string {
	if s.opts.Plain {
		return nil
	}
	var us []string
	for _, p := range []string{pathPrivate, pathGone1, pathGone2, pathHuge, pathPDF, pathLoop + "0", pathLoopEnd, pathElsewhere, pathSneaky} {
		us = append(us, s.URL+p)
	}
	return append(us, s.OffsiteURL+"/news/landing", s.OffsiteURL+"/news/1")
}

// words make up the generated articles' text.
var words = strings.Fields(`council river plan budget school harbour museum train station
	residents officials report minister mayor committee hospital bridge storm ferry festival
	library police court market farmers teachers workers union election housing energy water
	climate university research police transport airport tourism wildlife coast forest village
	district survey figures spending contract vote debate season record weather inquiry`)

// headline is regular article n's title.
func headline(n int) string {
	r := rng(uint32(n))
	w := func() string { return words[r.next()%uint32(len(words))] }
	t := fmt.Sprintf("%s %s %s as %s %s", w(), w(), "talks resume", w(), w())
	return strings.ToUpper(t[:1]) + t[1:] + fmt.Sprintf(" (report %d)", n)
}

// paragraphs is an article's generated body.
func paragraphs(seed uint32, count int) []string {
	r := rng(seed*7919 + 17)
	var ps []string
	for i := 0; i < count; i++ {
		var b strings.Builder
		sentences := 3 + int(r.next()%3)
		for j := 0; j < sentences; j++ {
			n := 8 + int(r.next()%10)
			for k := 0; k < n; k++ {
				wd := words[r.next()%uint32(len(words))]
				if k == 0 {
					wd = strings.ToUpper(wd[:1]) + wd[1:]
				}
				b.WriteString(wd)
				if k < n-1 {
					b.WriteByte(' ')
				}
			}
			fmt.Fprintf(&b, " (%d.%d.%d). ", seed, i, j)
		}
		ps = append(ps, strings.TrimSpace(b.String()))
	}
	return ps
}

// lcg is a tiny deterministic generator so pages are the same every run.
type lcg struct{ x uint32 }

func rng(seed uint32) *lcg { return &lcg{x: seed*2654435761 + 1} }

func (l *lcg) next() uint32 {
	l.x = l.x*1664525 + 1013904223
	return l.x >> 8
}
