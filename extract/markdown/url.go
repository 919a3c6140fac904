package markdown

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// unsafeSchemes are link schemes that run code or carry inline data
// instead of pointing somewhere: their links keep only their text.
var unsafeSchemes = map[string]bool{"javascript": true, "vbscript": true, "data": true}

// resolve returns ref as an absolute URL against the renderer's base, or
// "" when ref is empty, unparsable or has an unsafe scheme.
func (r *renderer) resolve(ref string) string {
	// Browsers drop tabs and newlines anywhere in a URL ("java\nscript:").
	ref = strings.Map(func(c rune) rune {
		if c == '\t' || c == '\n' || c == '\r' {
			return -1
		}
		return c
	}, strings.TrimSpace(ref))
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if r.base != nil {
		u = r.base.ResolveReference(u)
	}
	if unsafeSchemes[strings.ToLower(u.Scheme)] {
		return ""
	}
	return u.String()
}

// lazySrcAttrs hold an image's real URL on pages that load images lazily,
// most used first.
var lazySrcAttrs = []string{"data-src", "data-lazy-src", "data-original", "data-url", "data-lazy"}

// imageSource picks an image's URL: src unless missing or an inline
// placeholder, then the lazy-loading attributes, then the widest srcset
// candidate (of the img or of a <source> in its <picture>).
func imageSource(n *html.Node) string {
	if src := strings.TrimSpace(attr(n, "src")); src != "" && !strings.HasPrefix(strings.ToLower(src), "data:") {
		return src
	}
	for _, key := range lazySrcAttrs {
		if v := strings.TrimSpace(attr(n, key)); v != "" {
			return v
		}
	}
	for _, key := range []string{"srcset", "data-srcset"} {
		if v := widestCandidate(attr(n, key)); v != "" {
			return v
		}
	}
	if p := n.Parent; p != nil && p.DataAtom == atom.Picture {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Source {
				if v := widestCandidate(attr(c, "srcset")); v != "" {
					return v
				}
			}
		}
	}
	return ""
}

// widestCandidate returns the URL of the srcset candidate with the largest
// width ("640w") or density ("2x") descriptor; the first when none has one.
func widestCandidate(srcset string) string {
	best, bestSize := "", -1.0
	for _, cand := range strings.Split(srcset, ",") {
		f := strings.Fields(cand)
		if len(f) == 0 || strings.HasPrefix(strings.ToLower(f[0]), "data:") {
			continue
		}
		size := 0.0
		if len(f) > 1 {
			d := f[1]
			if v, err := strconv.ParseFloat(d[:len(d)-1], 64); err == nil && (strings.HasSuffix(d, "w") || strings.HasSuffix(d, "x")) {
				size = v
			}
		}
		if size > bestSize {
			best, bestSize = f[0], size
		}
	}
	return best
}
