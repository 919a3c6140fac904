package metadata

import (
	"strings"

	"golang.org/x/net/html"
)

// hintSet is a set of lower-case fragments of class, id, rel or itemprop
// values that mark an element's role. A fragment test is a substring
// search, far cheaper than a regexp alternation run at every byte.
type hintSet struct {
	anywhere []string // fragments matched anywhere in a value
	wordEnd  []string // fragments matched only where an ASCII word ends ("byl", not "bylaw")
}

// Role hints, never written after start-up.
var (
	// Class, id, rel or itemprop fragments of byline elements.
	bylineHints = hintSet{
		anywhere: []string{"byline", "by-line", "author", "writer", "reporter", "journalist", "dateline", "contributor", "기자"},
		wordEnd:  []string{"byl"},
	}
	// Class or id fragments of date elements.
	dateHints = hintSet{
		anywhere: []string{"date", "time", "publish", "posted", "updated", "dateline", "byline", "meta", "info"},
	}
)

// in reports whether the lower-cased value v holds one of the fragments.
func (h hintSet) in(v string) bool {
	for _, f := range h.anywhere {
		if strings.Contains(v, f) {
			return true
		}
	}
	for _, f := range h.wordEnd {
		for off := 0; ; {
			i := strings.Index(v[off:], f)
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
				if a.Val != "" && h.in(strings.ToLower(a.Val)) {
					return true
				}
			}
		}
	}
	return false
}
