package metadata

import "github.com/andybalholm/cascadia"

// CSS selectors, compiled once; goquery's string methods would compile
// them again on every call.
var (
	metaSel         = cascadia.MustCompile("meta")
	ldSel           = cascadia.MustCompile(`script[type="application/ld+json" i]`)
	itempropSel     = cascadia.MustCompile("[itemprop]")
	itempropNameSel = cascadia.MustCompile(`[itemprop~="name"]`)
	timeSel         = cascadia.MustCompile("time[datetime]")
	linkSel         = cascadia.MustCompile("link[rel][href]")
	baseSel         = cascadia.MustCompile("base[href]")
	htmlSel         = cascadia.MustCompile("html")
	titleSel        = cascadia.MustCompile("title")
	h1Sel           = cascadia.MustCompile("h1")
	aSel            = cascadia.MustCompile("a")
	articleSel      = cascadia.MustCompile("article")
	crumbSel        = cascadia.MustCompile(`[class*="breadcrumb" i], [id*="breadcrumb" i], [class*="location" i], ` +
		`[class*="crumb" i], nav[aria-label*="breadcrumb" i], [itemtype*="BreadcrumbList"]`)
)
