package testsite

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const (
	htmlType = "text/html; charset=utf-8"
	xmlType  = "application/xml; charset=utf-8"
)

// serve routes one request of the site.
func (s *Site) serve(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/":
		write(w, htmlType, s.home())
	case p == "/robots.txt" && s.opts.RobotsStatus != 0 && s.opts.RobotsStatus != http.StatusOK:
		http.Error(w, http.StatusText(s.opts.RobotsStatus), s.opts.RobotsStatus)
	case p == "/robots.txt":
		write(w, "text/plain; charset=utf-8", s.robots())
	case p == "/sitemap.xml":
		write(w, xmlType, s.sitemap())
	case p == "/sitemap_index.xml":
		write(w, xmlType, s.sitemapIndex())
	case p == "/sitemap-news.xml":
		write(w, xmlType, s.newsSitemap())
	case p == "/sitemap-archive.xml.gz":
		write(w, "application/gzip", s.archiveSitemap())
	case p == "/feed.xml":
		write(w, "application/rss+xml; charset=utf-8", s.feed())
	case p == "/about" || p == "/contact":
		write(w, htmlType, s.plain(strings.TrimPrefix(p, "/")))
	case strings.HasPrefix(p, "/section/"):
		s.serveSection(w, r)
	case p == "/private/" && !s.opts.Plain:
		write(w, htmlType, s.privateIndex())
	case isArticlePath(p):
		s.serveArticle(w, r)
	default:
		http.NotFound(w, r)
	}
}

func write(w http.ResponseWriter, ctype string, body []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	_, _ = w.Write(body) // the client went away; nothing to do
}

func (s *Site) serveSection(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/section/")
	sec := -1
	for i := 0; i < s.opts.Sections; i++ {
		if s.sectionName(i) == name {
			sec = i
		}
	}
	page := 1
	if q := r.URL.Query().Get("page"); q != "" {
		n, err := strconv.Atoi(q)
		if err != nil {
			n = 0
		}
		page = n
	}
	if sec < 0 || page < 1 || page > s.Pages(sec) {
		http.NotFound(w, r)
		return
	}
	write(w, htmlType, s.section(sec, page))
}

// sleep pauses for d or until the request is abandoned.
func sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

func (s *Site) serveArticle(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	sleep(r.Context(), s.opts.ArticleDelay)
	if !s.opts.Plain {
		switch {
		case p == pathFlaky && s.takeFlaky():
			w.Header().Set("Retry-After", "1")
			http.Error(w, "service unavailable, try again", http.StatusServiceUnavailable)
			return
		case p == pathSlow:
			sleep(r.Context(), s.opts.SlowDelay)
		case p == pathOld:
			http.Redirect(w, r, pathMoved, http.StatusMovedPermanently)
			return
		case strings.HasPrefix(p, pathLoop):
			k, err := strconv.Atoi(strings.TrimPrefix(p, pathLoop))
			switch {
			case err != nil:
				http.NotFound(w, r)
			case k < s.opts.RedirectChain:
				http.Redirect(w, r, pathLoop+strconv.Itoa(k+1), http.StatusFound)
			default:
				http.Redirect(w, r, pathLoopEnd, http.StatusFound)
			}
			return
		case p == pathElsewhere:
			http.Redirect(w, r, s.OffsiteURL+"/news/landing", http.StatusFound)
			return
		case p == pathSneaky:
			http.Redirect(w, r, pathPrivate, http.StatusFound)
			return
		case p == pathHuge:
			write(w, htmlType, s.huge(s.opts.HugeSize))
			return
		case p == pathPDF:
			write(w, "application/pdf", []byte(pdfBytes))
			return
		}
	}
	a, ok := s.articleAt(p)
	if !ok {
		http.NotFound(w, r)
		return
	}
	s.serveStory(w, r, a)
}

// articleAt finds the story served at path: a regular article, its /amp
// twin, or a special one.
func (s *Site) articleAt(p string) (article, bool) {
	if !s.opts.Plain {
		if a, ok := s.special(p); ok {
			return a, true
		}
	}
	rest := strings.TrimPrefix(p, "/news/")
	if !s.opts.Plain {
		rest = strings.TrimSuffix(rest, dupSuffix)
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 1 || n > s.opts.Articles || strconv.Itoa(n) != rest {
		return article{}, false
	}
	return s.regular(n), true
}

// serveStory answers with the article or, for a matching conditional GET,
// 304 Not Modified.
func (s *Site) serveStory(w http.ResponseWriter, r *http.Request, a article) {
	rev := s.rev(a.path)
	var body []byte
	var etag string
	var parts [][]byte // a real page, sent as is, without a copy
	if s.corpus != nil && a.n > 0 {
		// Hashing or copying every 200 KB real page would put the server's
		// cost in the crawl benchmark; its version names it as well.
		parts = s.corpus.parts(a.n, s.URL+a.path)
		etag = fmt.Sprintf(`"c%d-r%d"`, a.n, rev)
	} else {
		body = s.articleHTML(a, rev)
		sum := sha256.Sum256(body)
		etag = `"` + hex.EncodeToString(sum[:8]) + `"`
	}
	modified := a.published.Add(time.Duration(rev) * time.Hour)
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Last-Modified", modified.UTC().Format(http.TimeFormat))
	if notModified(r, etag, modified) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	gz := s.gzipped(a) && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip")
	if parts != nil && !gz {
		n := 0
		for _, p := range parts {
			n += len(p)
		}
		h.Set("Content-Type", htmlType)
		h.Set("Content-Length", strconv.Itoa(n))
		for _, p := range parts {
			if _, err := w.Write(p); err != nil {
				return // the client went away
			}
		}
		return
	}
	if parts != nil {
		body = bytes.Join(parts, nil)
	}
	ctype := htmlType
	if a.path == pathLatin1 {
		body, ctype = latin1(body), "text/html; charset=iso-8859-1"
	}
	if gz {
		h.Set("Content-Encoding", "gzip")
		h.Set("Vary", "Accept-Encoding")
		body = gzipBytes(body)
	}
	write(w, ctype, body)
}

// latin1 re-encodes a UTF-8 page as ISO-8859-1 (its meta charset line
// included); characters outside Latin-1 become '?'.
func latin1(utf8 []byte) []byte {
	s := strings.Replace(string(utf8), `<meta charset="utf-8">`, `<meta charset="iso-8859-1">`, 1)
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xff {
			r = '?'
		}
		out = append(out, byte(r))
	}
	return out
}

// gzipped reports whether a is always sent gzip-encoded.
func (s *Site) gzipped(a article) bool {
	return !s.opts.Plain && (a.path == pathGzipped || a.n > 0 && a.n%5 == 0)
}

// notModified reports whether the conditional headers of r match the
// current version (If-None-Match wins over If-Modified-Since, RFC 9110).
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
			if t == etag || t == "*" {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		if t, err := http.ParseTime(ims); err == nil {
			return !modified.Truncate(time.Second).After(t)
		}
	}
	return false
}

// String describes the site for test logs.
func (s *Site) String() string {
	return fmt.Sprintf("testsite %s (%d articles, %d sections, %d per page)", s.URL, s.opts.Articles, s.opts.Sections, s.opts.PerPage)
}
