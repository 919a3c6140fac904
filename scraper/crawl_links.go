package scraper

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/lede-news/lede/extract/charset"
	"github.com/lede-news/lede/scraper/urlnorm"
)

// pageLinks returns the normalized absolute URLs a page links to: <a> and
// <area> hrefs and <link rel=next|prev> (pagination), resolved against the
// page's <base href> when it has one. body is decoded by its own charset
// rules (BOM, header, meta, sniffing), as extraction does. Links that do not
// resolve to http(s) URLs are dropped; each URL appears once, in page order.
func pageLinks(body []byte, contentType string, pageURL *url.URL) []string {
	text, _, err := charset.Decode(body, contentType)
	if err != nil {
		return nil
	}
	base := pageURL
	var hrefs []string
	z := html.NewTokenizer(bytes.NewReader(text))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		switch string(name) {
		case "a", "area":
			if h, ok := attr(z, "href", ""); ok {
				hrefs = append(hrefs, h)
			}
		case "link":
			if h, ok := attr(z, "href", "rel"); ok {
				hrefs = append(hrefs, h)
			}
		case "base":
			if h, ok := attr(z, "href", ""); ok && base == pageURL {
				if b, err := pageURL.Parse(strings.TrimSpace(h)); err == nil {
					base = b
				}
			}
		}
	}
	seen := make(map[string]struct{}, len(hrefs))
	out := make([]string, 0, len(hrefs))
	for _, h := range hrefs {
		u, err := urlnorm.Resolve(base, h)
		if err != nil {
			continue
		}
		if _, dup := seen[u]; dup {
			continue
		}
		seen[u] = struct{}{}
		out = append(out, u)
	}
	return out
}

// attr returns the tag's href-like attribute key. When relKey is set, the
// tag counts only if that attribute names next or prev.
func attr(z *html.Tokenizer, key, relKey string) (string, bool) {
	var val string
	found, relOK := false, relKey == ""
	for {
		k, v, more := z.TagAttr()
		switch string(k) {
		case key:
			val, found = string(v), true
		case relKey:
			for _, r := range strings.Fields(strings.ToLower(string(v))) {
				if r == "next" || r == "prev" {
					relOK = true
				}
			}
		}
		if !more {
			break
		}
	}
	return val, found && relOK && strings.TrimSpace(val) != ""
}
