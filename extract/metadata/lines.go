package metadata

import (
	"strings"
	"unicode/utf8"

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

// pageLines splits the document under root into lines in document order,
// in one walk. Lines in chrome (navigation, footers, asides, comments) are
// left out: they never hold the article's byline or dateline.
func pageLines(root *html.Node) []line {
	var (
		lines []line
		cur   []byte // the line's raw text; its buffer is reused line after line
		out   []byte // the line collapsed; reused likewise
		first *html.Node
	)
	flush := func(block *html.Node) {
		if first != nil {
			if out = appendCollapsed(out[:0], cur, utf8.DecodeRune); len(out) > 0 {
				lines = append(lines, line{text: string(out), block: block, elem: first})
			}
		}
		cur = cur[:0]
		first = nil
	}
	var walk func(n, block *html.Node)
	walk = func(n, block *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if first == nil {
					if strings.TrimSpace(c.Data) == "" {
						continue
					}
					first = c.Parent
				}
				if len(cur) < maxLineBytes {
					cur = append(cur, c.Data...)
				}
			case html.ElementNode:
				if skippedTags[c.DataAtom] {
					continue
				}
				if c.DataAtom == atom.Br {
					cur = append(cur, ' ')
					continue
				}
				if inlineTags[c.DataAtom] {
					walk(c, block)
					continue
				}
				flush(block)
				if isChrome(c) {
					// Every line inside chrome would be dropped: skip it.
					continue
				}
				walk(c, c)
				flush(c)
			}
		}
	}
	if root != nil {
		walk(root, root)
		flush(root)
	}
	return lines
}
