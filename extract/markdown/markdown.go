package markdown

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Render renders n and everything under it as Markdown, resolving links
// and images against base (which may be nil: links are then kept as
// written). Blocks are separated by exactly one blank line; the result
// has no leading or trailing white space and is empty when n holds no
// text or images.
func Render(n *html.Node, base *url.URL) string {
	if n == nil {
		return ""
	}
	r := renderer{base: base}
	var l blockList
	r.node(n, &l)
	return l.join()
}

// renderer holds what one Render call needs while it walks the tree.
type renderer struct {
	base   *url.URL
	em     int // depth of open emphasis, so nested <em> do not emit "**"
	strong int // depth of open strong emphasis
	strike int // depth of open strikethrough
	inLink bool
}

// block is one rendered Markdown block.
type block struct {
	text string
	// interrupts is set for lists that may directly follow a paragraph
	// line in a list item without a blank line between them.
	interrupts bool
}

// blockList collects the blocks of a container and the inline text of the
// paragraph being built.
type blockList struct {
	blocks []block
	para   inlineBuf
}

// add ends the current paragraph and appends b, unless it is empty.
func (l *blockList) add(b block) {
	l.flush()
	if b.text != "" {
		l.blocks = append(l.blocks, b)
	}
}

// flush ends the current paragraph.
func (l *blockList) flush() {
	if p := paragraph(l.para.String()); p != "" {
		l.blocks = append(l.blocks, block{text: p})
	}
	l.para.reset()
}

// join returns the blocks separated by one blank line.
func (l *blockList) join() string {
	l.flush()
	var b strings.Builder
	for i, bl := range l.blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.text)
	}
	return b.String()
}

// joinTight returns the blocks of a list item: a list that may interrupt
// a paragraph follows the line before it directly, so the item stays
// tight; other blocks are separated by a blank line.
func (l *blockList) joinTight() string {
	l.flush()
	var b strings.Builder
	for i, bl := range l.blocks {
		switch {
		case i == 0:
		case bl.interrupts:
			b.WriteByte('\n')
		default:
			b.WriteString("\n\n")
		}
		b.WriteString(bl.text)
	}
	return b.String()
}

// node renders n in block context.
func (r *renderer) node(n *html.Node, l *blockList) {
	switch n.Type {
	case html.TextNode:
		l.para.text(n.Data)
	case html.DocumentNode:
		r.children(n, l)
	case html.ElementNode:
		r.element(n, l)
	}
}

func (r *renderer) children(n *html.Node, l *blockList) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c, l)
	}
}

// element renders one element in block context.
func (r *renderer) element(n *html.Node, l *blockList) {
	if skipped[n.DataAtom] {
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		l.add(block{text: r.heading(n)})
	case atom.Ul, atom.Ol:
		l.add(r.list(n))
	case atom.Blockquote:
		l.add(block{text: r.blockquote(n)})
	case atom.Pre:
		l.add(block{text: fence(n)})
	case atom.Table:
		r.table(n, l)
	case atom.Hr:
		l.add(block{text: "---"})
	case atom.Br:
		l.para.lineBreak()
	default:
		switch {
		case blockAtoms[n.DataAtom]:
			l.flush()
			r.children(n, l)
			l.flush()
		case n.DataAtom == atom.A && hasBlock(n):
			// A link around blocks (a teaser card) keeps its target: the
			// blocks are flattened into its text.
			l.para.part(r.inline(n))
		case hasBlock(n):
			// An inline element around blocks (<span><p>..</p></span>)
			// is transparent.
			r.children(n, l)
		default:
			l.para.part(r.inline(n))
		}
	}
}

// heading renders h1..h6 as an ATX heading on one line.
func (r *renderer) heading(n *html.Node) string {
	text := oneLine(r.inlineContent(n))
	if text == "" {
		return ""
	}
	if strings.HasSuffix(text, "#") {
		// A closing run of '#' would be read as the heading's end.
		text = text[:len(text)-1] + `\#`
	}
	level := int(n.Data[1] - '0')
	return strings.Repeat("#", level) + " " + text
}

// blockquote renders n's blocks with "> " before every line.
func (r *renderer) blockquote(n *html.Node) string {
	var l blockList
	r.children(n, &l)
	return prefixLines(l.join(), "> ", "> ")
}

// prefixLines puts first before the first line of s and rest before the
// others; blank lines get the prefix without its trailing spaces.
func prefixLines(s, first, rest string) string {
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		p := rest
		if i == 0 {
			p = first
		}
		if ln == "" {
			p = strings.TrimRight(p, " ")
		}
		lines[i] = p + ln
	}
	return strings.Join(lines, "\n")
}

// oneLine turns the hard breaks of inline Markdown into spaces, for
// headings and table cells, which are one line.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "\n") {
		return s
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}
