package discover

import (
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"strings"
)

// ParseFeed reads the entries of an RSS 2.0 (and 0.9x), RSS 1.0 (RDF) or
// Atom feed, in document order.
//
// An RSS item's URL is its <link>, else its <guid> when that is a
// permalink (isPermaLink absent or "true") and looks like an http(s) URL;
// feedburner:origLink beats both, since link then points at a redirector.
// An Atom entry's URL is its <link rel="alternate"> (rel absent means
// alternate), else its first link. Modified is pubDate (else dc:date) for
// RSS, updated (else published) for Atom. Entries without a URL are
// skipped. URLs are returned as written: relative Atom links are left for
// the caller to resolve against the feed's URL (urlnorm.Resolve).
//
// Gzip bodies, byte-order marks and declared encodings are handled as by
// ParseSitemap. A body that is not a feed is an error naming what it is; a
// feed that breaks off returns the entries read so far with the error.
func ParseFeed(body []byte) ([]Entry, error) {
	in, err := open(body)
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	head, _ := in.r.Peek(headSize)
	if isBlank(head) {
		return nil, errors.New("feed: body is empty")
	}
	if sniffHTML(head) {
		return nil, errors.New("feed: body is an HTML page, not a feed")
	}
	h := &feedHandler{}
	if err := scan(in.decoder(), h); err != nil {
		return h.entries, fmt.Errorf("feed: %w", err)
	}
	return h.entries, nil
}

// feedKind is what the root element says a feed is.
type feedKind int

const (
	feedRSS feedKind = iota + 1
	feedRDF
	feedAtom
)

// Ranks of the candidate sources of an entry's URL and date: a higher rank
// replaces a lower one, an equal rank keeps the first seen.
const (
	rankNone = iota
	rankWeak // a fallback: atom:link of another rel, a secondary date
	rankFair // a usable alternative: guid permalink, rdf:about, dc:date
	rankGood // the format's own field: link, pubDate, updated
	rankBest // better than the format's own: feedburner:origLink
)

// feedHandler collects entries from a feed.
type feedHandler struct {
	kind    feedKind
	entries []Entry

	depth     int    // len(path) of the open item/entry, 0 if none
	space     string // its namespace: children in it are core fields
	cur       Entry
	urlRank   int
	dateRank  int
	titleCore bool // cur.Title came from a core <title>

	guidPermalink bool   // the open <guid> may be used as the URL
	titleType     string // type attribute of the open <title>
	titleIsCore   bool   // the open <title> is in the item's namespace
}

func (h *feedHandler) start(path []string, se xml.StartElement) (bool, error) {
	name := path[len(path)-1]
	if len(path) == 1 {
		return false, h.root(name)
	}
	if h.depth == 0 {
		if h.isItem(path) {
			h.depth, h.space = len(path), se.Name.Space
			h.cur, h.urlRank, h.dateRank, h.titleCore = Entry{}, rankNone, rankNone, false
			if h.kind == feedRDF {
				if about := attr(se, "about"); about != "" {
					h.setURL(about, rankFair)
				}
			}
		}
		return false, nil
	}
	if len(path) != h.depth+1 { // only the item's own children matter
		return false, nil
	}
	core := se.Name.Space == h.space
	switch name {
	case "title":
		h.titleType, h.titleIsCore = attr(se, "type"), core
		return !h.titleCore && (core || h.cur.Title == ""), nil
	case "link":
		if href := attr(se, "href"); href != "" || h.kind == feedAtom {
			h.atomLink(se, href)
			return false, nil
		}
		return true, nil
	case "guid":
		h.guidPermalink = !strings.EqualFold(strings.TrimSpace(attr(se, "isPermaLink")), "false")
		return true, nil
	case "origLink", "pubDate", "date", "updated", "published", "modified":
		return true, nil
	}
	return false, nil
}

// isItem reports whether path ends at an RSS item or Atom entry.
func (h *feedHandler) isItem(path []string) bool {
	name, parent := path[len(path)-1], path[len(path)-2]
	switch h.kind {
	case feedAtom:
		return name == "entry" && len(path) == 2
	default: // RSS items sit in <channel> (2.0) or beside it (1.0)
		return name == "item" && (len(path) == 2 || parent == "channel")
	}
}

// root records the feed's kind, or says what else the document is.
func (h *feedHandler) root(name string) error {
	switch strings.ToLower(name) {
	case "rss":
		h.kind = feedRSS
	case "rdf":
		h.kind = feedRDF
	case "feed":
		h.kind = feedAtom
	case "html":
		return errors.New("body is an HTML page, not a feed")
	case "urlset", "sitemapindex":
		return fmt.Errorf("body is a sitemap (root <%s>), not a feed", name)
	default:
		return fmt.Errorf("root element <%s> is not <rss>, <rdf:RDF> or <feed>", name)
	}
	return nil
}

// atomLink considers an Atom-style <link rel href> as the entry's URL.
func (h *feedHandler) atomLink(se xml.StartElement, href string) {
	if href == "" {
		return
	}
	rel := strings.ToLower(strings.TrimSpace(attr(se, "rel")))
	rank := rankWeak
	if rel == "" || rel == "alternate" {
		rank = rankFair
		if h.kind == feedAtom {
			if t := attr(se, "type"); t == "" || strings.Contains(t, "html") {
				rank = rankGood
			}
		}
	}
	h.setURL(href, rank)
}

func (h *feedHandler) end(path []string, b []byte) {
	if h.depth == 0 {
		return
	}
	text := string(b)
	if len(path) == h.depth {
		if h.cur.URL != "" {
			h.entries = append(h.entries, h.cur)
		}
		h.depth = 0
		return
	}
	if len(path) != h.depth+1 {
		return
	}
	switch path[len(path)-1] {
	case "title":
		h.setTitle(text)
	case "link":
		h.setURL(text, rankGood)
	case "guid":
		if h.guidPermalink {
			if u := cleanURL(text); hasHTTPScheme(u) {
				h.setURL(u, rankFair)
			}
		}
	case "origLink":
		h.setURL(text, rankBest)
	case "pubDate":
		h.setDate(text, rankGood)
	case "updated":
		if h.kind == feedAtom {
			h.setDate(text, rankGood)
		} else {
			h.setDate(text, rankWeak)
		}
	case "date", "modified":
		h.setDate(text, rankFair)
	case "published":
		if h.kind == feedAtom {
			h.setDate(text, rankFair)
		} else {
			h.setDate(text, rankWeak)
		}
	}
}

func (h *feedHandler) setURL(u string, rank int) {
	if u = cleanURL(u); u != "" && rank > h.urlRank {
		h.cur.URL, h.urlRank = u, rank
	}
}

func (h *feedHandler) setDate(s string, rank int) {
	if rank <= h.dateRank {
		return
	}
	if t, ok := parseDate(s); ok {
		h.cur.Modified, h.dateRank = t, rank
	}
}

// setTitle keeps the first title in the item's own namespace, else the
// first title at all (media:title and the like); an Atom title of
// type="html" has its markup and entities removed.
func (h *feedHandler) setTitle(s string) {
	if h.titleCore || (!h.titleIsCore && h.cur.Title != "") {
		return
	}
	if h.titleType == "html" {
		s = html.UnescapeString(stripTags(s))
	}
	if s = cleanTitle(s); s != "" {
		h.cur.Title, h.titleCore = s, h.titleIsCore
	}
}

// stripTags removes anything between '<' and '>'.
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hasHTTPScheme reports whether u starts with http:// or https://.
func hasHTTPScheme(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// attr returns the value of se's attribute with the given local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
