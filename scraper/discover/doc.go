// Package discover finds article URLs in the documents news sites publish
// for that purpose: sitemaps and feeds.
//
// ParseSitemap reads a sitemaps.org <urlset> (with the Google News
// extension), a <sitemapindex> or a text sitemap, and returns page entries
// and child sitemap URLs; the caller fetches the children and parses them
// in turn. ParseFeed reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds. Both
// return Entry values: a URL, when the page last changed if the document
// says, and a title if it gives one.
//
//	pages, children, err := discover.ParseSitemap(body)
//	entries, err := discover.ParseFeed(body)
//
// Both take the body as fetched: gzip is recognised by its magic bytes and
// decompressed (at most MaxDecompressedSize), a byte-order mark is skipped,
// and an encoding named in the XML declaration (ISO-8859-1, Windows-1252,
// Shift_JIS, ...) is converted to UTF-8. Invalid UTF-8 in an undeclared
// document becomes U+FFFD rather than an error. Parsing is tolerant the way
// real sitemaps and feeds need: namespaces are not checked (the local
// names decide), a bare '&' in a URL is read literally, HTML entities such
// as &nbsp; are known, white space around URLs is trimmed, and dates are
// read in RFC 3339, RFC 1123/822 and the sloppy variants feeds use.
//
// Parsing streams tokens (encoding/xml), so a 50,000-URL sitemap costs the
// entries it yields, not a document tree.
//
// URLs are returned as written. Resolve and normalize them with
// urlnorm.Resolve against the URL the document came from before using
// them as identities.
package discover
