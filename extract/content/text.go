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
}

// renderer turns a subtree into blocks, collapsing inline whitespace.
type renderer struct {
	blocks []block
	cur    strings.Builder
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
			r.text(c.Data, inLink)
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

// text appends s, collapsing runs of white space to one space.
func (r *renderer) text(s string, inLink bool) {
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
		r.cur.WriteRune(c)
		if inLink {
			r.link += size
		}
	}
}

func (r *renderer) flush() {
	if r.cur.Len() > 0 {
		r.blocks = append(r.blocks, block{text: r.cur.String(), link: r.link, heading: r.head})
	}
	r.cur.Reset()
	r.link, r.space, r.head = 0, false, false
}
