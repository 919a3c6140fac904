// Package urlnorm turns URLs into one identity form, so that a crawler can
// tell whether it has already seen a page.
//
// Normalize takes an absolute http(s) URL; Resolve takes an href found in a
// page and the page's URL. Both return the same normal form:
//
//	HTTP://Example.COM:80/a/./b/../c?utm_source=x&b=2&a=1#top
//	http://example.com/a/c?a=1&b=2
//
// The rules, in order of the URL's parts:
//
//   - scheme: http or https only, lower-cased; anything else is an error
//     wrapping ErrScheme (javascript:, mailto:, tel:, data:, ftp:, ...).
//   - host: required (else ErrNoHost), lower-cased, trailing dot removed.
//     An internationalized host stays in Unicode, lower-cased.
//   - port: dropped when it is the scheme's default (80, 443).
//   - path: dot segments removed, empty path "/", case kept; "//" kept.
//   - query: tracking parameters dropped (utm_*, fbclid, gclid, ... see
//     IsTracking), the rest sorted by key, stable for repeated keys, an
//     empty query dropped. Parameters that select content (id, page, ...)
//     are always kept: merging two pages is worse than fetching one twice.
//   - fragment: dropped.
//   - percent-encoding: upper-case hex; escapes of unreserved characters
//     (letters, digits, "-._~") decoded; characters that may not stand
//     bare (space, non-ASCII, quotes, ...) encoded; reserved characters
//     ("/", "?", "&", "=", "+", ...) left as they were written, since
//     encoding or decoding them can change what the URL means.
//
// Normalize is idempotent: Normalize(Normalize(x)) == Normalize(x).
//
// Not done, on purpose: removing "www.", changing http to https, removing a
// trailing slash or "index.html", and lower-casing the path. Each merges
// URLs that some servers treat as different pages.
package urlnorm
