package testsite

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"strconv"
	"strings"
	"time"
)

// robots is robots.txt: /private/ disallowed, the Crawl-delay if any, and
// two Sitemap lines (a sitemap and a sitemap index).
func (s *Site) robots() []byte {
	var b strings.Builder
	b.WriteString("# robots.txt of " + siteName + "\nUser-agent: *\nDisallow: /private/\n")
	if s.opts.CrawlDelay > 0 {
		fmt.Fprintf(&b, "Crawl-delay: %s\n", strconv.FormatFloat(s.opts.CrawlDelay.Seconds(), 'f', -1, 64))
	}
	fmt.Fprintf(&b, "\nSitemap: %s/sitemap.xml\nSitemap: %s/sitemap_index.xml\n", s.URL, s.URL)
	return []byte(b.String())
}

// urlset renders a sitemap of paths.
func (s *Site) urlset(paths []string, news bool) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if news {
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">` + "\n")
	} else {
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	}
	for _, p := range paths {
		a := s.lookup(p)
		if news {
			fmt.Fprintf(&b, "<url><loc>%s</loc><news:news><news:publication><news:name>%s</news:name><news:language>en</news:language></news:publication>"+
				"<news:publication_date>%s</news:publication_date><news:title>%s</news:title></news:news></url>\n",
				html.EscapeString(s.URL+p), siteName, a.published.Format(time.RFC3339), html.EscapeString(a.title))
		} else {
			fmt.Fprintf(&b, "<url><loc>%s</loc><lastmod>%s</lastmod></url>\n", html.EscapeString(s.URL+p), a.published.Format(time.RFC3339))
		}
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}

// lookup finds the story at a canonical path (regular or special).
func (s *Site) lookup(path string) article {
	if a, ok := s.special(path); ok {
		return a
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(path, "/news/")); err == nil {
		return s.regular(n)
	}
	return article{path: path, title: path, published: epoch}
}

func (s *Site) regularPaths(from, to int) []string {
	var ps []string
	for n := max(from, 1); n <= min(to, s.opts.Articles); n++ {
		ps = append(ps, "/news/"+strconv.Itoa(n))
	}
	return ps
}

// sitemap lists every regular article and the sitemap-only one.
func (s *Site) sitemap() []byte {
	ps := s.regularPaths(1, s.opts.Articles)
	if !s.opts.Plain {
		ps = append(ps, pathSitemapOnly)
	}
	return s.urlset(ps, false)
}

// sitemapIndex points at the news sitemap and the gzip-compressed archive.
func (s *Site) sitemapIndex() []byte {
	return []byte(fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%s/sitemap-news.xml</loc></sitemap>
<sitemap><loc>%s/sitemap-archive.xml.gz</loc></sitemap>
</sitemapindex>
`, s.URL, s.URL))
}

// newsSitemap is a Google News sitemap of the latest articles.
func (s *Site) newsSitemap() []byte {
	ps := s.regularPaths(s.opts.Articles-2, s.opts.Articles)
	if !s.opts.Plain {
		ps = append(ps, pathNewsSitemap)
	}
	return s.urlset(ps, true)
}

// archiveSitemap is a gzip-compressed sitemap (the file itself, not a
// Content-Encoding).
func (s *Site) archiveSitemap() []byte {
	ps := s.regularPaths(1, 2)
	if !s.opts.Plain {
		ps = append(ps, pathArchiveOnly)
	}
	return gzipBytes(s.urlset(ps, false))
}

// feed is an RSS 2.0 feed of the first articles and the feed-only one.
func (s *Site) feed() []byte {
	ps := s.regularPaths(1, 5)
	if !s.opts.Plain {
		ps = append(ps, pathFeedOnly)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>%s</title><link>%s/</link><description>Latest news</description>
`, siteName, s.URL)
	for _, p := range ps {
		a := s.lookup(p)
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate></item>\n",
			html.EscapeString(a.title), html.EscapeString(s.URL+p), html.EscapeString(s.URL+p), a.published.Format(time.RFC1123Z))
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

func gzipBytes(p []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(p) // writes to a bytes.Buffer cannot fail
	_ = zw.Close()
	return buf.Bytes()
}
