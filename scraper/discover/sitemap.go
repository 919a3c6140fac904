package discover

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// ParseSitemap reads a sitemap and returns the pages it lists, or, for a
// sitemap index, the child sitemap URLs.
//
// It reads the sitemaps.org <urlset> (loc, lastmod) with the Google News
// extension (news:publication_date, news:title; other extensions such as
// image: and video: are skipped), the <sitemapindex>, and the plain-text
// format (one URL a line). A gzip body, recognised by its magic bytes, is
// decompressed, up to MaxDecompressedSize. Namespaces are not checked: the
// root's local name decides. A byte-order mark, white space around URLs and
// encodings other than UTF-8 named in the XML declaration are handled.
//
// The body is decoded as a stream, so memory grows with the entries
// returned, not with the XML. A body that is not a sitemap (an HTML page, a
// feed, other XML) is an error naming what it is. A document that breaks
// off after its root element returns the entries read so far along with the
// error.
func ParseSitemap(body []byte) (pages []Entry, sitemaps []string, err error) {
	in, err := open(body)
	if err != nil {
		return nil, nil, fmt.Errorf("sitemap: %w", err)
	}
	head, _ := in.r.Peek(headSize)
	if isBlank(head) {
		return nil, nil, errors.New("sitemap: body is empty")
	}
	if sniffHTML(head) {
		return nil, nil, errors.New("sitemap: body is an HTML page, not a sitemap")
	}
	if first := firstNonSpace(head); first != 0 && first != '<' {
		pages, err = parseTextSitemap(in.r)
		if err != nil {
			return nil, nil, fmt.Errorf("sitemap: %w", err)
		}
		return pages, nil, nil
	}
	h := &sitemapHandler{}
	if err := scan(in.decoder(), h); err != nil {
		return h.pages, h.sitemaps, fmt.Errorf("sitemap: %w", err)
	}
	return h.pages, h.sitemaps, nil
}

// firstNonSpace returns the first byte of b that is not white space, or 0.
func firstNonSpace(b []byte) byte {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
		default:
			return c
		}
	}
	return 0
}

// maxTextLine caps a line of a text sitemap; a URL longer than this is not
// a URL a crawler should fetch (browsers and servers stop near 8 KiB-64 KiB).
const maxTextLine = 64 << 10

// parseTextSitemap reads the sitemaps.org text format: one absolute
// http(s) URL per line, blank lines ignored. Any other line is an error
// naming its number, since a file with prose in it is not a sitemap.
func parseTextSitemap(r *bufio.Reader) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxTextLine)
	var pages []Entry
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		u, err := url.Parse(line)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("text sitemap line %d: %.80q is not an http(s) URL (and the body is not XML)", n, line)
		}
		pages = append(pages, Entry{URL: line})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("text sitemap: %w", err)
	}
	return pages, nil
}

// sitemapKind is what the root element says a sitemap is.
type sitemapKind int

const (
	kindUnknown sitemapKind = iota
	kindURLSet
	kindIndex
)

// sitemapHandler collects entries from a <urlset> or <sitemapindex>.
type sitemapHandler struct {
	kind     sitemapKind
	pages    []Entry
	sitemaps []string

	cur     Entry     // the <url> or <sitemap> being read
	lastmod time.Time // its lastmod
	pubDate time.Time // its news:publication_date
}

func (h *sitemapHandler) start(path []string, se xml.StartElement) (bool, error) {
	name := path[len(path)-1]
	switch len(path) {
	case 1:
		return false, h.root(name)
	case 2:
		h.cur, h.lastmod, h.pubDate = Entry{}, time.Time{}, time.Time{}
		return false, nil
	case 3:
		return path[1] == h.itemName() && (name == "loc" || name == "lastmod"), nil
	case 4:
		return h.kind == kindURLSet && path[1] == "url" && path[2] == "news" &&
			(name == "publication_date" || name == "title"), nil
	}
	return false, nil
}

// itemName is the local name of the root's children that hold entries.
func (h *sitemapHandler) itemName() string {
	if h.kind == kindIndex {
		return "sitemap"
	}
	return "url"
}

// root records the sitemap's kind, or says what else the document is.
func (h *sitemapHandler) root(name string) error {
	switch strings.ToLower(name) {
	case "urlset":
		h.kind = kindURLSet
		return nil
	case "sitemapindex":
		h.kind = kindIndex
		return nil
	case "html":
		return errors.New("body is an HTML page, not a sitemap")
	case "rss", "rdf", "feed":
		return fmt.Errorf("body is a feed (root <%s>), not a sitemap", name)
	}
	return fmt.Errorf("root element <%s> is not <urlset> or <sitemapindex>", name)
}

func (h *sitemapHandler) end(path []string, text []byte) {
	name := path[len(path)-1]
	switch len(path) {
	case 2:
		if name != h.itemName() || h.cur.URL == "" {
			return
		}
		if h.kind == kindIndex {
			h.sitemaps = append(h.sitemaps, h.cur.URL)
			return
		}
		h.cur.Modified = h.lastmod
		if h.cur.Modified.IsZero() {
			h.cur.Modified = h.pubDate
		}
		h.pages = append(h.pages, h.cur)
	case 3:
		if path[1] != h.itemName() {
			return
		}
		switch name {
		case "loc":
			if h.cur.URL == "" {
				h.cur.URL = cleanURL(string(text))
			}
		case "lastmod":
			h.lastmod, _ = parseDate(string(text))
		}
	case 4:
		if h.kind != kindURLSet || path[1] != "url" || path[2] != "news" {
			return
		}
		switch name {
		case "publication_date":
			h.pubDate, _ = parseDate(string(text))
		case "title":
			h.cur.Title = cleanTitle(string(text))
		}
	}
}
