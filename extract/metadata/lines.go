package metadata

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// line is one visual line of the page: the text of a block element's
// inline content, up to its next child block.
type line struct {
	text  string
	block *html.Node // the block element holding the line
	elem  *html.Node // the innermost element around the line's first text
}

// maxLineBytes caps the text kept per line: the rules read short lines
// (bylines, datelines); a longer one is prose and only its length matters.
const maxLineBytes = 600

// chromeTags hold page chrome, never the article's byline or dateline.
var chromeTags = map[atom.Atom]bool{atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true}

// neverChrome are the page's outer containers: their class names describe
// the layout ("sidebar-primary" on <body>), not chrome.
var neverChrome = map[atom.Atom]bool{atom.Html: true, atom.Body: true, atom.Main: true, atom.Article: true}

// isChrome reports whether n is a chrome block by its tag, class or id.
func isChrome(n *html.Node) bool {
	if neverChrome[n.DataAtom] {
		return false
	}
	if chromeTags[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		if (a.Key != "class" && a.Key != "id") || a.Val == "" {
			continue
		}
		if chromeHints.inValue(a.Val) {
			return true
		}
	}
	return false
}

// pageLines splits the document under root into lines in document order.
// Lines in chrome (navigation, footers, asides, comments) are left out:
// they never hold the article's byline or dateline.
func pageLines(root *html.Node) []line {
	s := &scanner{}
	s.scan(root)
	return s.lines
}
