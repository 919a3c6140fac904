package metadata

import (
	"strings"

	"golang.org/x/net/html"
)

// metaTags are a page's <meta> values by lower-case key. A key comes from
// property (OpenGraph, article:*), name (description, Dublin Core,
// parsely-*, sailthru.*), itemprop or http-equiv; a space-separated
// property names several keys. Property values win over name values, and
// the first value of a key wins over later ones.
type metaTags map[string]string

// readMeta collects the page's meta tags.
func readMeta(ix *index) metaTags {
	m := metaTags{}
	var named [][2]string
	for _, n := range ix.metas {
		content := unescapeTwice(strings.TrimSpace(attrOf(n, "content")))
		if content == "" {
			content = unescapeTwice(strings.TrimSpace(attrOf(n, "value")))
		}
		if content == "" {
			continue
		}
		for _, k := range strings.Fields(attrOf(n, "property")) {
			m.set(k, content)
		}
		for _, a := range []string{"name", "itemprop", "http-equiv"} {
			if v := strings.TrimSpace(attrOf(n, a)); v != "" {
				named = append(named, [2]string{v, content})
			}
		}
	}
	for _, kv := range named {
		m.set(kv[0], kv[1])
	}
	return m
}

func (m metaTags) set(key, value string) {
	key = metaKey(key)
	if _, ok := m[key]; !ok && key != "" {
		m[key] = value
	}
}

// metaKey folds a key's spellings together: "DC.title", "dc.title" and
// "dc:title" are all "dc:title".
func metaKey(k string) string {
	k = strings.ToLower(strings.TrimSpace(k))
	for _, p := range []string{"dc.", "dcterms.", "dcterm."} {
		if strings.HasPrefix(k, p) {
			return strings.TrimSuffix(p, ".") + ":" + k[len(p):]
		}
	}
	return k
}

// first returns the value of the first key present.
func (m metaTags) first(keys ...string) string {
	for _, k := range keys {
		if v := m[k]; v != "" {
			return v
		}
	}
	return ""
}

// Meta keys per field, most specific first.
var (
	metaTitleKeys = []string{
		"dc:title", "dcterms:title", "og:title", "twitter:title", "parsely-title",
		"sailthru.title", "headline", "title",
	}
	metaAuthorKeys = []string{
		"dc:creator", "dcterms:creator", "author", "article:author_name", "parsely-author",
		"sailthru.author", "byl", "article:author", "og:article:author", "twitter:creator:name",
	}
	metaPublishedKeys = []string{
		"article:published_time", "og:article:published_time", "article:published",
		"datepublished", "parsely-pub-date", "sailthru.date", "pubdate", "publishdate",
		"publish-date", "publish_date", "published_time", "dc:date", "dcterms:created", "dcterms:date",
		"dc:date.issued", "date", "original-publish-date", "article.published", "cxenseparse:recs:publishtime",
		"og:published_time", "rnews:datepublished", "article_date_original", "displaydate",
	}
	metaModifiedKeys = []string{
		"article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
		"dcterms:modified", "last-modified", "lastmod", "article:modified", "modified_time",
	}
	metaSectionKeys = []string{
		"article:section", "og:article:section", "parsely-section", "sailthru.section", "section",
		"category", "article.section", "cxenseparse:recs:articlesection",
	}
	metaTagKeys = []string{
		"article:tag", "og:article:tag", "keywords", "news_keywords", "parsely-tags", "sailthru.tags",
	}
	metaSiteKeys = []string{
		"og:site_name", "application-name", "twitter:site_name", "al:ios:app_name", "apple-mobile-web-app-title",
	}
	metaDescriptionKeys = []string{
		"dc:description", "dcterms:description", "og:description", "description", "twitter:description",
	}
	metaImageKeys = []string{
		"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "parsely-image-url",
		"thumbnail", "image",
	}
	metaURLKeys  = []string{"og:url", "parsely-link", "twitter:url"}
	metaLangKeys = []string{"og:locale", "content-language", "language", "dc:language", "inlanguage"}
)

// allMeta returns every value of the given keys, in document order,
// for list fields (article:tag repeats).
func allMeta(ix *index, keys []string) []string {
	want := make(map[string]bool, len(keys))
	for _, k := range keys {
		want[k] = true
	}
	var out []string
	for _, n := range ix.metas {
		match := false
		for _, k := range strings.Fields(attrOf(n, "property")) {
			match = match || want[metaKey(k)]
		}
		match = match || want[metaKey(attrOf(n, "name"))]
		if match {
			if c := unescapeTwice(strings.TrimSpace(attrOf(n, "content"))); c != "" {
				out = append(out, c)
			}
		}
	}
	return out
}

func attrOf(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// unescapeTwice decodes character references left in a value that a CMS
// escaped twice ("&amp;#039;" reaches us as "&#039;"); the HTML parser has
// already decoded the first level.
func unescapeTwice(s string) string {
	if !strings.Contains(s, "&") || !strings.Contains(s, ";") {
		return s
	}
	return html.UnescapeString(s)
}
