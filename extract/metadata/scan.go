package metadata

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// scanPage walks the document under root once and returns both what
// Read looks up (the index) and the page's visual lines: one pass over a
// large tree costs less than two.
func scanPage(root *html.Node) (*index, []line) {
	s := &scanner{ix: &index{}}
	s.scan(root)
	return s.ix, s.lines
}

// scanner gathers the index (when ix is set) and the lines of a page
// (unless noLines is set).
type scanner struct {
	ix      *index
	noLines bool
	lines   []line
	cur     []byte     // the line's raw text; its buffer is reused line after line
	out     []byte     // the line collapsed; reused likewise
	first   *html.Node // the element around the line's first text, nil before it
}

// scan walks the tree under root.
func (s *scanner) scan(root *html.Node) {
	if root == nil {
		return
	}
	if s.ix != nil && root.Type == html.ElementNode {
		s.ix.add(root)
	}
	s.walk(root, root, !s.noLines)
	s.flush(root)
}

// walk visits n's children in document order. While inLines, text adds
// to the line of block; subtrees without lines (scripts, chrome) are only
// indexed, or skipped when there is no index.
func (s *scanner) walk(n, block *html.Node, inLines bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if !inLines {
				continue
			}
			if s.first == nil {
				if strings.TrimSpace(c.Data) == "" {
					continue
				}
				s.first = c.Parent
			}
			if len(s.cur) < maxLineBytes {
				s.cur = append(s.cur, c.Data...)
			}
		case html.ElementNode:
			if s.ix != nil {
				s.ix.add(c)
			}
			switch {
			case !inLines || skippedTags[c.DataAtom]:
				s.indexOnly(c)
			case c.DataAtom == atom.Br:
				s.cur = append(s.cur, ' ')
				s.indexOnly(c)
			case inlineTags[c.DataAtom]:
				s.walk(c, block, true)
			default:
				s.flush(block)
				if isChrome(c) {
					// Every line inside chrome would be dropped.
					s.indexOnly(c)
					continue
				}
				s.walk(c, c, true)
				s.flush(c)
			}
		}
	}
}

// indexOnly indexes the subtree under n without reading lines from it.
func (s *scanner) indexOnly(n *html.Node) {
	if s.ix != nil {
		s.walk(n, nil, false)
	}
}

// flush ends the current line, keeping it when it has text.
func (s *scanner) flush(block *html.Node) {
	if s.first != nil {
		if s.out = appendCollapsed(s.out[:0], s.cur, utf8.DecodeRune); len(s.out) > 0 {
			s.lines = append(s.lines, line{text: string(s.out), block: block, elem: s.first})
		}
	}
	s.cur = s.cur[:0]
	s.first = nil
}
