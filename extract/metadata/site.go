package metadata

import (
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
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
func breadcrumbSection(doc *goquery.Document, headline string) string {
	var section string
	doc.FindMatcher(crumbSel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if t, ok := textOf(s.Get(0), maxCrumbBytes); !ok || t == "" {
			return true
		}
		var steps []string
		s.FindMatcher(aSel).EachWithBreak(func(i int, a *goquery.Selection) bool {
			t, _ := textOf(a.Get(0), maxCrumbBytes)
			if t != "" && !homeCrumbs[strings.ToLower(t)] && fold(t) != fold(headline) {
				steps = append(steps, t)
			}
			return i < maxCrumbLinks
		})
		if len(steps) > 0 {
			section = steps[len(steps)-1]
			return false
		}
		return true
	})
	return section
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
func baseURL(doc *goquery.Document, page *url.URL) *url.URL {
	href, ok := doc.FindMatcher(baseSel).First().Attr("href")
	if !ok {
		return page
	}
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
func langOf(doc *goquery.Document, meta metaTags, ldLang string) string {
	var lang string
	if root := firstNode(doc.FindMatcher(htmlSel)); root != nil {
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
func canonicalLink(doc *goquery.Document) string {
	var href string
	doc.FindMatcher(linkSel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		n := s.Get(0)
		for _, r := range strings.Fields(strings.ToLower(attrOf(n, "rel"))) {
			if r == "canonical" {
				href = attrOf(n, "href")
				return false
			}
		}
		return true
	})
	return href
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
