package metadata

import (
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// hintSet is a set of lower-case fragments of class, id, rel or itemprop
// values that mark an element's role. It answers whether
// strings.ToLower(v) holds a fragment in one pass over v, looking up each
// byte's candidate fragments in a table: far cheaper than a regexp
// alternation, or a substring search per fragment.
type hintSet struct {
	frags   []string
	wordEnd []bool                  // frags[k] counts only where an ASCII word ends ("byl", not "bylaw")
	first   [utf8.RuneSelf]hintMask // fragments by first byte, in either case
}

// hintMask is a set of fragment numbers.
type hintMask uint64

// maxHints is the number of fragments a hintMask holds.
const maxHints = 64

// newHintSet builds a hint set at start-up from lower-case fragments.
func newHintSet(anywhere []string, wordEnd ...string) *hintSet {
	h := &hintSet{}
	for i, f := range append(append([]string{}, anywhere...), wordEnd...) {
		if len(h.frags) == maxHints || f == "" || f != strings.ToLower(f) {
			panic(fmt.Sprintf("metadata: bad hint fragment %q", f)) // a programming error, at start-up
		}
		h.frags = append(h.frags, f)
		h.wordEnd = append(h.wordEnd, i >= len(anywhere))
		if c := f[0]; c < utf8.RuneSelf {
			// A fragment led by a non-ASCII byte is found by the slow path.
			h.first[c] |= 1 << uint(len(h.frags)-1)
			if 'a' <= c && c <= 'z' {
				h.first[c-'a'+'A'] |= 1 << uint(len(h.frags)-1)
			}
		}
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
// A match among v's ASCII bytes, compared without case, is one in the
// lowered value too; only when there is none and v has non-ASCII bytes
// (which lowering may turn into ASCII letters: K, the Kelvin sign, is k)
// is v lowered and searched again.
func (h *hintSet) inValue(v string) bool {
	wide := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c >= utf8.RuneSelf {
			wide = true
			continue
		}
		for m := h.first[c]; m != 0; m &= m - 1 {
			if h.matchAt(v, i, bits.TrailingZeros64(uint64(m))) {
				return true
			}
		}
	}
	return wide && h.in(strings.ToLower(v))
}

// matchAt reports whether fragment k occurs at v[i:] without regard to
// ASCII case. A word-end fragment followed by a non-ASCII byte is left to
// the slow path, which sees that byte lowered.
func (h *hintSet) matchAt(v string, i, k int) bool {
	f := h.frags[k]
	if len(v)-i < len(f) {
		return false
	}
	for j := 0; j < len(f); j++ {
		c := v[i+j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != f[j] {
			return false
		}
	}
	if !h.wordEnd[k] {
		return true
	}
	end := i + len(f)
	return end == len(v) || v[end] < utf8.RuneSelf && !isWordByte(v[end])
}

// in reports whether the lower-cased value v holds one of the fragments.
func (h *hintSet) in(v string) bool {
	for k, f := range h.frags {
		for off := 0; ; {
			i := strings.Index(v[off:], f)
			if i < 0 {
				break
			}
			end := off + i + len(f)
			if !h.wordEnd[k] || end == len(v) || !isWordByte(v[end]) {
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
func hintMatch(h *hintSet, n *html.Node, depth int) bool {
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
