package discover

import "time"

// Entry is one page a sitemap or feed points to.
type Entry struct {
	// URL as written in the document, trimmed; not resolved or normalized
	// (see urlnorm.Resolve). Never empty.
	URL string
	// Modified is when the page last changed, in UTC: the sitemap's
	// lastmod, else news:publication_date; a feed item's pubDate (or
	// dc:date); an Atom entry's updated, else published. Zero when absent
	// or unreadable.
	Modified time.Time
	// Title is news:title in a sitemap, the item or entry title in a feed,
	// with white space collapsed; "" when absent.
	Title string
}
