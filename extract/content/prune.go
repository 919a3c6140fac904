package content

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// prune detaches from main the blocks of text that keepBlocks dropped, so
// that what renders main (Markdown) shows exactly the kept text.
//
// blocks are all the blocks render made of main and kept the subsequence
// keepBlocks returned. A subtree is detached when all the text it holds
// belongs to dropped blocks; with it go the images and other text-less
// elements inside it (an ad's picture under its "Advertisement" label,
// a teaser's thumbnail). Text-less elements beside kept text stay.
func prune(main *html.Node, blocks, kept []block) {
	if len(kept) == len(blocks) {
		return
	}
	p := pruner{blocks: blocks, kept: kept}
	p.walk(main)
}

// textState says what text a subtree holds.
type textState uint8

const (
	noText      textState = iota // no text of any block (images, white space)
	droppedText                  // only text of dropped blocks
	keptText                     // some text of kept blocks
)

// pruner walks main in document order, the order render made the blocks
// in, following the block each text node belongs to.
type pruner struct {
	blocks, kept []block
	i, k         int  // the current block and the next kept block
	in           bool // the walk is between blocks[i].first and .last
	// dropped is a stack of subtrees holding only dropped text, waiting
	// for their parent's state: they are detached when it holds kept
	// text, and go with it otherwise.
	dropped []*html.Node
}

// walk returns n's state, detaching its dropped children when it holds
// kept text.
func (p *pruner) walk(n *html.Node) textState {
	if n.Type == html.TextNode {
		return p.text(n)
	}
	mark := len(p.dropped)
	state := noText
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch s := p.walk(c); s {
		case droppedText:
			p.dropped = append(p.dropped, c)
			state = max(state, s)
		case keptText:
			state = s
		}
	}
	if state == keptText {
		for _, c := range p.dropped[mark:] {
			detach(c)
		}
	}
	p.dropped = p.dropped[:mark]
	return state
}

// detach removes c from its parent. When c ends a block and inline
// content stands beside it ("Lead<div>Advertisement</div>more"), an empty
// <div> takes its place, so the kept text either side stays two blocks
// for both renderers instead of running together.
func detach(c *html.Node) {
	if splitsBlocks(c) && (!isBlockNode(c.PrevSibling) || !isBlockNode(c.NextSibling)) {
		c.Parent.InsertBefore(&html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}, c)
	}
	c.Parent.RemoveChild(c)
}

// splitsBlocks reports whether n is or holds a block element (or <br>),
// which ends the block of text before it.
func splitsBlocks(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if blockTags[n.DataAtom] {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if splitsBlocks(c) {
			return true
		}
	}
	return false
}

// isBlockNode reports whether n, a sibling of a detached node, keeps the
// text either side apart on its own: a block element, or no node at all.
func isBlockNode(n *html.Node) bool {
	return n == nil || n.Type == html.ElementNode && blockTags[n.DataAtom]
}

// text returns the state of text node t and moves past its block when t
// ends it.
func (p *pruner) text(t *html.Node) textState {
	if p.i < len(p.blocks) && t == p.blocks[p.i].first {
		p.in = true
	}
	if !p.in {
		return noText // white space between blocks
	}
	b := &p.blocks[p.i]
	state := droppedText
	if p.k < len(p.kept) && p.kept[p.k].first == b.first {
		state = keptText
	}
	if t == b.last {
		p.in = false
		p.i++
		if state == keptText {
			p.k++
		}
	}
	return state
}
