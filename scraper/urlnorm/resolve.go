package urlnorm

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Resolve resolves href, as found in a page at base, and normalizes the
// result. It handles relative ("../a", "?p=2"), protocol-relative
// ("//host/a") and absolute hrefs, ignores white space around href and tabs
// and newlines inside it (as browsers do), and returns an *Error wrapping
// ErrScheme for hrefs that do not lead to an http(s) page: javascript:,
// mailto:, tel:, data:, ftp: and any other scheme. An empty href (or one
// that is only a fragment) names base itself.
func Resolve(base *url.URL, href string) (string, error) {
	h := cleanHref(href)
	if scheme, ok := hrefScheme(h); ok {
		if s := strings.ToLower(scheme); s != "http" && s != "https" {
			return "", &Error{URL: href, Err: fmt.Errorf("%w %q", ErrScheme, s)}
		}
	}
	if base == nil {
		return "", &Error{URL: href, Err: errors.New("nil base URL")}
	}
	ref, err := url.Parse(h)
	if err != nil {
		return "", &Error{URL: href, Err: unwrapURLError(err)}
	}
	abs := base.ResolveReference(ref)
	if abs.Scheme == "" {
		return "", &Error{URL: href, Err: fmt.Errorf("%w: base %q is not absolute", ErrScheme, base.String())}
	}
	return normalizeURL(abs.String(), abs)
}

// cleanHref trims white space and control characters around an href and
// removes ASCII tabs and newlines inside it, as the WHATWG URL parser does.
func cleanHref(h string) string {
	h = strings.TrimFunc(h, func(r rune) bool { return r <= ' ' })
	if strings.ContainsAny(h, "\t\n\r") {
		h = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return -1
			}
			return r
		}, h)
	}
	return h
}

// hrefScheme returns the scheme of h if it starts with one (RFC 3986:
// ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":").
func hrefScheme(h string) (string, bool) {
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return h[:i], true
		default:
			return "", false
		}
	}
	return "", false
}
