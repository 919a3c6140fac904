package markdown

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxColumns is the widest table rendered as a pipe table: wider ones are
// unreadable as Markdown lines, and a hostile colspan must not blow the
// output up. Their cells render as blocks.
const maxColumns = 64

// table renders a data table as a GFM pipe table: the first row is the
// header, cells are one line with '|' escaped, short rows are padded.
// A table of one row or one column is layout, not data, and one wider
// than maxColumns is unreadable: their cells render as ordinary blocks.
func (r *renderer) table(n *html.Node, l *blockList) {
	l.flush()
	if c := child(n, atom.Caption); c != nil {
		r.node(c, l)
		l.flush()
	}
	rows := tableRows(n)
	cols := 0
	for _, row := range rows {
		w := 0
		for _, c := range row {
			w += colspan(c)
		}
		cols = max(cols, w)
	}
	if len(rows) < 2 || cols < 2 || cols > maxColumns {
		for _, row := range rows {
			for _, c := range row {
				r.children(c, l)
				l.flush()
			}
		}
		return
	}
	var b strings.Builder
	for i, row := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		r.writeRow(&b, row, cols)
		if i == 0 {
			b.WriteByte('\n')
			b.WriteString("|")
			b.WriteString(strings.Repeat(" --- |", cols))
		}
	}
	l.add(block{text: b.String()})
}

// writeRow writes one table row of cols cells.
func (r *renderer) writeRow(b *strings.Builder, row []*html.Node, cols int) {
	b.WriteByte('|')
	written := 0
	for _, c := range row {
		text := strings.ReplaceAll(oneLine(r.inlineContent(c)), "|", `\|`)
		b.WriteString(" ")
		b.WriteString(text)
		if text != "" {
			b.WriteByte(' ')
		}
		b.WriteByte('|')
		written++
		for span := colspan(c); span > 1 && written < cols; span-- {
			b.WriteString(" |")
			written++
		}
	}
	for ; written < cols; written++ {
		b.WriteString(" |")
	}
}

// tableRows returns the cells of n's rows, in thead, tbody, tfoot or
// directly in the table, not those of tables nested in cells.
func tableRows(n *html.Node) [][]*html.Node {
	var rows [][]*html.Node
	var walk func(*html.Node)
	walk = func(p *html.Node) {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				walk(c)
			case atom.Tr:
				var cells []*html.Node
				for d := c.FirstChild; d != nil; d = d.NextSibling {
					if d.Type == html.ElementNode && (d.DataAtom == atom.Td || d.DataAtom == atom.Th) {
						cells = append(cells, d)
					}
				}
				if len(cells) > 0 {
					rows = append(rows, cells)
				}
			}
		}
	}
	walk(n)
	return rows
}

// colspan reads a cell's colspan, 1 when absent or invalid.
func colspan(n *html.Node) int {
	v, err := strconv.Atoi(strings.TrimSpace(attr(n, "colspan")))
	if err != nil || v < 1 {
		return 1
	}
	return min(v, maxColumns+1)
}

// child returns n's first child element with atom a.
func child(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
	}
	return nil
}
