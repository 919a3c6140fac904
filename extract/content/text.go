package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// block is one paragraph, list item or heading of rendered text.
type block struct {
	text    string
	link    int // bytes of text inside links
	heading bool
	// first and last are the text nodes the block's text begins and ends
	// in, so prune can find a dropped block in the tree.
	first, last *html.Node
}

// renderer turns a subtree into blocks, collapsing inline whitespace.
type renderer struct {
	blocks []block
	cur    strings.Builder
	first  *html.Node // the text node the current block begins in
	last   *html.Node // the latest text node that added to it
	link   int
	space  bool // a space is pending before the next word
	head   bool // the current block is a heading
}

// render returns the blocks of text under n.
func render(n *html.Node) []block {
	var r renderer
	r.walk(n, false)
	r.flush()
	return r.blocks
}

func (r *renderer) walk(n *html.Node, inLink bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			r.text(c, inLink)
		case html.ElementNode:
			if c.DataAtom == atom.Br {
				r.flush()
				continue
			}
			isBlock := blockTags[c.DataAtom]
			if isBlock {
				r.flush()
			}
			heading := isHeading(c.DataAtom)
			if heading {
				r.head = true
			}
			r.walk(c, inLink || c.DataAtom == atom.A)
			if isBlock {
				r.flush()
			}
		}
	}
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// text appends the text of node t, collapsing runs of white space to one
// space.
func (r *renderer) text(t *html.Node, inLink bool) {
	s := t.Data
	for len(s) > 0 {
		c, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if unicode.IsSpace(c) {
			r.space = r.cur.Len() > 0
			continue
		}
		if r.space {
			r.cur.WriteByte(' ')
			r.space = false
		}
		if r.cur.Len() == 0 {
			r.first = t
		}
		r.last = t
		r.cur.WriteRune(c)
		if inLink {
			r.link += size
		}
	}
}

func (r *renderer) flush() {
	if r.cur.Len() > 0 {
		r.blocks = append(r.blocks, block{text: r.cur.String(), link: r.link, heading: r.head, first: r.first, last: r.last})
	}
	r.cur.Reset()
	r.link, r.space, r.head = 0, false, false
	r.first, r.last = nil, nil
}
