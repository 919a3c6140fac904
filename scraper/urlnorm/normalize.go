package urlnorm

import (
	"fmt"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Normalize returns the identity form of an absolute http(s) URL: two URLs
// that name the same page normalize to the same string.
//
// It lower-cases the scheme and host (and strips a trailing dot from the
// host), drops the default port (:80 for http, :443 for https), the fragment
// and tracking parameters (see IsTracking), sorts the remaining query
// parameters by key (repeated keys keep their order), drops an empty query,
// removes dot segments, makes an empty path "/", and writes percent-encoding
// one way: upper-case hex, unreserved characters decoded, characters that
// are not allowed where they stand encoded. The path keeps its case; an
// internationalized host is kept as given, lower-cased (no Punycode).
//
// Leading and trailing white space is ignored. The error is an *Error naming
// the URL and the problem.
func Normalize(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	u, err := url.Parse(s)
	if err != nil {
		return "", &Error{URL: raw, Err: unwrapURLError(err)}
	}
	return normalizeURL(raw, u)
}

// unwrapURLError strips the *url.Error wrapper, which repeats the URL that
// our *Error already names.
func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// normalizeURL normalizes a parsed URL; raw is the input, for errors.
func normalizeURL(raw string, u *url.URL) (string, error) {
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		if scheme == "" {
			return "", &Error{URL: raw, Err: fmt.Errorf("%w: not an absolute URL", ErrScheme)}
		}
		return "", &Error{URL: raw, Err: fmt.Errorf("%w %q", ErrScheme, scheme)}
	}
	host, err := normalizeHost(u)
	if err != nil {
		return "", &Error{URL: raw, Err: err}
	}
	port, err := normalizePort(scheme, u.Port())
	if err != nil {
		return "", &Error{URL: raw, Err: err}
	}

	var b strings.Builder
	b.Grow(len(raw) + len("/"))
	b.WriteString(scheme)
	b.WriteString("://")
	if ui := u.User.String(); ui != "" {
		b.WriteString(ui)
		b.WriteByte('@')
	}
	b.WriteString(host)
	if port != "" {
		b.WriteByte(':')
		b.WriteString(port)
	}
	writePath(&b, u.EscapedPath())
	writeQuery(&b, u.RawQuery)
	return b.String(), nil
}

// normalizeHost returns the host lower-cased, without trailing dots,
// bracketed if it is an IPv6 literal.
func normalizeHost(u *url.URL) (string, error) {
	if u.Opaque != "" {
		return "", fmt.Errorf("%w (opaque URL; want scheme://host/...)", ErrNoHost)
	}
	h := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	if h == "" {
		return "", ErrNoHost
	}
	if strings.Contains(h, ":") { // IPv6 literal, maybe with a zone
		ip, err := netip.ParseAddr(h)
		if err != nil || !ip.Is6() {
			return "", fmt.Errorf("bad host %q", h)
		}
		return "[" + strings.ReplaceAll(ip.String(), "%", "%25") + "]", nil
	}
	if !utf8.ValidString(h) {
		return "", fmt.Errorf("host %q is not valid UTF-8", h)
	}
	if strings.Contains(h, "%") {
		return "", fmt.Errorf("bad host %q: %% is not allowed in a host name", h)
	}
	return h, nil
}

// normalizePort returns the port without leading zeros, or "" for none or
// the scheme's default.
func normalizePort(scheme, port string) (string, error) {
	if port == "" {
		return "", nil
	}
	n, err := strconv.ParseUint(port, 10, 16)
	if err != nil {
		return "", fmt.Errorf("bad port %q", port)
	}
	if (scheme == "http" && n == 80) || (scheme == "https" && n == 443) {
		return "", nil
	}
	return strconv.FormatUint(n, 10), nil
}

// writePath writes the escaped path p with normalized percent-encoding and
// dot segments removed; an empty path is written as "/".
func writePath(b *strings.Builder, p string) {
	if p == "" {
		b.WriteByte('/')
		return
	}
	p = escape(p, pathByte)
	if p[0] != '/' { // cannot happen for a URL with a host; be safe
		p = "/" + p
	}
	b.WriteString(removeDotSegments(p))
}

// removeDotSegments applies RFC 3986 section 5.2.4 to an absolute path.
// Empty segments ("//") are kept: they may be meaningful to the server.
func removeDotSegments(p string) string {
	if !strings.Contains(p, "/.") {
		return p
	}
	segs := strings.Split(p[1:], "/")
	out := make([]string, 0, len(segs))
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case ".":
			if last {
				out = append(out, "")
			}
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, s)
		}
	}
	return "/" + strings.Join(out, "/")
}

// param is one query parameter: its normalized key and the normalized
// "key=value" (or "key") text written out.
type param struct{ key, text string }

// writeQuery writes "?" and the normalized query, or nothing if no
// parameter is left.
func writeQuery(b *strings.Builder, raw string) {
	if raw == "" {
		return
	}
	params := make([]param, 0, strings.Count(raw, "&")+1)
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		text := escape(part, queryByte)
		key, _, _ := strings.Cut(text, "=")
		if IsTracking(key) {
			continue
		}
		params = append(params, param{key: key, text: text})
	}
	if len(params) == 0 {
		return
	}
	slices.SortStableFunc(params, func(a, b param) int { return strings.Compare(a.key, b.key) })
	b.WriteByte('?')
	for i, p := range params {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.text)
	}
}
