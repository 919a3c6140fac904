// Package metadata reads an article's metadata: headline, byline, authors,
// times, site, language, description, image, tags and section.
package metadata

import (
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// Options tell Read about the page and the site.
type Options struct {
	URL      *url.URL       // page URL: resolves relative URLs, its country-code domain gives a zone
	Timezone *time.Location // site zone for times printed without one; nil: the ccTLD's zone, else unzoned
	Now      time.Time      // fetch time, reference for relative dates
	// CSS selector overrides; empty means heuristics.
	Headline, Byline, Published string
}

// Time is a moment; Zoned is false when no zone was printed or inferred.
type Time struct {
	Time  time.Time
	Zoned bool
}

// Metadata is what Read finds. Empty values are absent.
type Metadata struct {
	CanonicalURL, SiteName, Headline, Byline string
	Authors                                  []string
	Published, Modified                      Time
	Lang, Description, Image                 string
	Tags                                     []string
	Section                                  string
	// ArticleBody is JSON-LD's articleBody, a cross-check for the content finder.
	ArticleBody string
}

// Read reads the metadata of doc. It must run before the document is
// cleaned: it reads scripts, meta tags and the page's chrome.
// PLACEHOLDER: replaced by the full cascade.
func Read(doc *goquery.Document, opts Options) Metadata {
	return Metadata{Headline: strings.TrimSpace(doc.Find("title").First().Text())}
}
