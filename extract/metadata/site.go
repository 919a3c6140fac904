package metadata

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds on a breadcrumb trail: a real one is a few short links.
const (
	maxCrumbBytes = 300
	maxCrumbLinks = 8
)

// homeCrumbs are the first steps of breadcrumb trails, never a section.
var homeCrumbs = map[string]bool{
	"home": true, "홈": true, "首页": true, "首頁": true, "ホーム": true, "accueil": true, "startseite": true,
	"inicio": true, "início": true, "news": true, "뉴스": true, "main": true,
}

// breadcrumbSection returns the last step of the page's breadcrumb trail
// before the article itself.
func breadcrumbSection(ix *index, headline string) string {
	for _, c := range ix.crumbs {
		if t, ok := textOf(c, maxCrumbBytes); !ok || t == "" {
			continue
		}
		var steps []string
		links := 0
		descendants(c, func(a *html.Node) bool {
			if a.DataAtom != atom.A {
				return true
			}
			links++
			t, _ := textOf(a, maxCrumbBytes)
			if t != "" && !homeCrumbs[strings.ToLower(t)] && fold(t) != fold(headline) {
				steps = append(steps, t)
			}
			return links < maxCrumbLinks
		})
		if len(steps) > 0 {
			return steps[len(steps)-1]
		}
	}
	return ""
}

// absURL resolves ref against base; it returns ref unchanged when either
// does not parse, and "" for non-web schemes (javascript:, data:).
func absURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	if base == nil {
		return u.String()
	}
	return base.ResolveReference(u).String()
}

// baseURL is the page's <base href> resolved against its URL, else its URL.
func baseURL(ix *index, page *url.URL) *url.URL {
	if ix.base == nil {
		return page
	}
	href := attrOf(ix.base, "href")
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return page
	}
	if page != nil {
		return page.ResolveReference(u)
	}
	if u.IsAbs() {
		return u
	}
	return nil
}

// langOf is the page language as a BCP 47 tag: <html lang>, else the
// meta tags' locale or content language, else JSON-LD's inLanguage.
func langOf(ix *index, meta metaTags, ldLang string) string {
	var lang string
	if root := ix.root; root != nil {
		lang = attrOf(root, "lang")
		if lang == "" {
			lang = attrOf(root, "xml:lang")
		}
	}
	if strings.TrimSpace(lang) == "" {
		lang = meta.first(metaLangKeys...)
	}
	if strings.TrimSpace(lang) == "" {
		lang = ldLang
	}
	lang = strings.TrimSpace(lang)
	if i := strings.IndexAny(lang, ",; "); i >= 0 {
		lang = lang[:i]
	}
	return strings.ReplaceAll(lang, "_", "-")
}

// canonicalLink is <link rel=canonical href>.
func canonicalLink(ix *index) string {
	for _, n := range ix.links {
		for _, r := range strings.Fields(strings.ToLower(attrOf(n, "rel"))) {
			if r == "canonical" {
				return attrOf(n, "href")
			}
		}
	}
	return ""
}

// hostLabel is the registrable label of host: "ehow" for www.ehow.com,
// "bbc" for www.bbc.co.uk. It names the site when nothing else does.
func hostLabel(u *url.URL) string {
	if u == nil {
		return ""
	}
	parts := strings.Split(strings.ToLower(u.Hostname()), ".")
	for len(parts) > 1 && secondLevel[parts[len(parts)-2]] && len(parts[len(parts)-1]) == 2 {
		parts = parts[:len(parts)-1]
	}
	if len(parts) < 2 {
		return ""
	}
	return parts[len(parts)-2]
}

// secondLevel are generic second-level labels under country domains.
var secondLevel = map[string]bool{"co": true, "com": true, "net": true, "org": true, "ac": true, "go": true, "or": true, "ne": true, "gov": true, "edu": true}
