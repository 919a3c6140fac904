package metadata

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// hintSet is a set of lower-case ASCII fragments of class, id, rel or
// itemprop values that mark an element's role. A fragment test is a
// substring search, far cheaper than a regexp alternation run at every
// byte.
type hintSet struct {
	anywhere [][]byte // fragments matched anywhere in a value
	wordEnd  [][]byte // fragments matched only where an ASCII word ends ("byl", not "bylaw")
}

// newHintSet builds a hint set at start-up.
func newHintSet(anywhere []string, wordEnd ...string) hintSet {
	var h hintSet
	for _, f := range anywhere {
		h.anywhere = append(h.anywhere, []byte(f))
	}
	for _, f := range wordEnd {
		h.wordEnd = append(h.wordEnd, []byte(f))
	}
	return h
}

// Role hints, never written after start-up.
var (
	// Class, id, rel or itemprop fragments of byline elements.
	bylineHints = newHintSet([]string{
		"byline", "by-line", "author", "writer", "reporter", "journalist", "dateline", "contributor", "기자",
	}, "byl")
	// Class or id fragments of date elements.
	dateHints = newHintSet([]string{"date", "time", "publish", "posted", "updated", "dateline", "byline", "meta", "info"})
	// Class or id fragments of breadcrumb trails.
	crumbHints = newHintSet([]string{"breadcrumb", "crumb", "location"})
	// The aria-label of a breadcrumb <nav>.
	crumbLabelHints = newHintSet([]string{"breadcrumb"})
	// The itemtype of a breadcrumb trail.
	crumbTypeHints = newHintSet([]string{"breadcrumblist"})
	// Class or id fragments of chrome blocks.
	chromeHints = newHintSet([]string{
		"comment", "footer", "sidebar", "related", "popular", "most-read", "mostread", "recommend",
		"gnb", "lnb", "navbar", "menu", "breadcrumb", "newsletter", "promo", "trending", "more-stories",
		"rightcol", "right-col", "top_bar", "topbar", "masthead",
	})
)

// inValue reports whether strings.ToLower(v) holds one of the fragments.
// An ASCII value is lowered on the stack, without an allocation.
func (h hintSet) inValue(v string) bool {
	var buf [maxStackLower]byte
	if len(v) <= len(buf) {
		if low, ok := lowerASCII(buf[:], v); ok {
			return h.in(low)
		}
	}
	return h.in([]byte(strings.ToLower(v)))
}

// in reports whether the lower-cased value v holds one of the fragments.
func (h hintSet) in(v []byte) bool {
	for _, f := range h.anywhere {
		if bytes.Contains(v, f) {
			return true
		}
	}
	for _, f := range h.wordEnd {
		for off := 0; ; {
			i := bytes.Index(v[off:], f)
			if i < 0 {
				break
			}
			end := off + i + len(f)
			if end == len(v) || !isWordByte(v[end]) {
				return true
			}
			off += i + 1
		}
	}
	return false
}

// isWordByte reports whether c is an ASCII word character, as \b sees it.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// hintMatch reports whether the class, id, rel or itemprop of n or of up
// to depth of its ancestors holds one of h's fragments.
func hintMatch(h hintSet, n *html.Node, depth int) bool {
	for ; n != nil && depth >= 0 && n.Type == html.ElementNode; n, depth = n.Parent, depth-1 {
		for _, a := range n.Attr {
			switch a.Key {
			case "class", "id", "rel", "itemprop":
				if a.Val != "" && h.inValue(a.Val) {
					return true
				}
			}
		}
	}
	return false
}
