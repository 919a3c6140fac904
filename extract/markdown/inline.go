package markdown

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inlineBuf builds inline Markdown with HTML's white-space collapsing:
// runs of spaces, tabs and newlines become one space, and a space at
// either end is reported (String starts or ends with " ") so the parent
// can place it outside emphasis markers.
type inlineBuf struct {
	b     strings.Builder
	lead  bool // white space came before any content
	space bool // white space is pending before the next content
}

func (w *inlineBuf) reset() {
	w.b.Reset()
	w.lead, w.space = false, false
}

// pendingSpace records white space.
func (w *inlineBuf) pendingSpace() {
	if w.b.Len() == 0 {
		w.lead = true
	} else {
		w.space = true
	}
}

// flushSpace writes the pending space before new content, except at a
// line start.
func (w *inlineBuf) flushSpace() {
	if w.space {
		s := w.b.String()
		if s[len(s)-1] != '\n' {
			w.b.WriteByte(' ')
		}
	}
	w.space = false
}

// text appends HTML text, collapsing white space and escaping Markdown.
func (w *inlineBuf) text(s string) {
	for i := 0; i < len(s); {
		if isSpace(s[i]) {
			w.pendingSpace()
			i++
			continue
		}
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		w.flushSpace()
		escapeText(&w.b, s[i:j])
		i = j
	}
}

// part appends already rendered inline Markdown, whose ends may carry
// one space.
func (w *inlineBuf) part(s string) {
	if strings.HasPrefix(s, " ") {
		w.pendingSpace()
	}
	t := strings.Trim(s, " ")
	if t != "" {
		w.flushSpace()
		w.b.WriteString(t)
	}
	if t != "" && strings.HasSuffix(s, " ") {
		w.pendingSpace()
	}
}

// lineBreak appends a hard line break; paragraph turns it into Markdown.
func (w *inlineBuf) lineBreak() {
	w.space = false
	w.b.WriteByte('\n')
}

// String returns the content, with a leading and trailing space where
// white space stood.
func (w *inlineBuf) String() string {
	s := w.b.String()
	if s == "" {
		if w.lead || w.space {
			return " "
		}
		return ""
	}
	if w.lead {
		s = " " + s
	}
	if w.space {
		s += " "
	}
	return s
}

// inline renders element n in inline context.
func (r *renderer) inline(n *html.Node) string {
	if skipped[n.DataAtom] {
		return ""
	}
	switch n.DataAtom {
	case atom.Br:
		return "\n"
	case atom.Img:
		return r.image(n)
	case atom.A:
		return r.link(n)
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt, atom.Pre:
		return codeSpan(textContent(n))
	case atom.Em, atom.I, atom.Cite, atom.Dfn, atom.Var:
		if r.em > 0 {
			return r.inlineContent(n)
		}
		r.em++
		defer func() { r.em-- }()
		return wrap("*", r.inlineContent(n))
	case atom.Strong, atom.B:
		if r.strong > 0 {
			return r.inlineContent(n)
		}
		r.strong++
		defer func() { r.strong-- }()
		return wrap("**", r.inlineContent(n))
	case atom.Del, atom.S, atom.Strike:
		if r.strike > 0 {
			return r.inlineContent(n)
		}
		r.strike++
		defer func() { r.strike-- }()
		return wrap("~~", r.inlineContent(n))
	}
	s := r.inlineContent(n)
	if blockAtoms[n.DataAtom] {
		// A block flattened into a line (in a table cell or a link) is
		// set off by spaces.
		return " " + s + " "
	}
	return s
}

// inlineContent renders n's children in inline context.
func (r *renderer) inlineContent(n *html.Node) string {
	var w inlineBuf
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.text(c.Data)
		case html.ElementNode:
			if c.DataAtom == atom.Br {
				w.lineBreak()
				continue
			}
			w.part(r.inline(c))
		}
	}
	return w.String()
}

// wrap puts marker around the content of s, keeping its outer spaces and
// line breaks outside so the markers touch the text as Markdown requires
// ("<b>Title<br></b>Text" keeps its break after the closing marker).
func wrap(marker, s string) string {
	t := strings.Trim(s, " \n")
	if t == "" {
		return s
	}
	lead := len(s) - len(strings.TrimLeft(s, " \n"))
	var b strings.Builder
	b.WriteString(outerSpace(s[:lead]))
	b.WriteString(marker)
	b.WriteString(t)
	b.WriteString(marker)
	b.WriteString(outerSpace(s[lead+len(t):]))
	return b.String()
}

// outerSpace is what stands for the white space ws at an end of emphasis:
// a line break when ws holds one, else a space when it holds one.
func outerSpace(ws string) string {
	switch {
	case strings.Contains(ws, "\n"):
		return "\n"
	case ws != "":
		return " "
	}
	return ""
}

// permalinkMarks are the whole texts of the anchor links documentation
// generators put beside headings.
var permalinkMarks = map[string]bool{"¶": true, "§": true, "#": true, `\#`: true, "🔗": true}

// link renders an <a> as [text](absolute URL). Links without a usable
// target (none, javascript:, unparsable) and links nested in a link keep
// only their text.
func (r *renderer) link(n *html.Node) string {
	if r.inLink {
		return r.inlineContent(n)
	}
	r.inLink = true
	s := r.inlineContent(n)
	r.inLink = false
	href := r.resolve(attr(n, "href"))
	t := strings.Trim(oneLine(s), " ")
	if permalinkMarks[t] {
		// A heading's permalink anchor ("¶" after the heading text).
		return ""
	}
	if href == "" || t == "" {
		return s
	}
	var b strings.Builder
	if s[0] == ' ' {
		b.WriteByte(' ')
	}
	b.WriteByte('[')
	b.WriteString(t)
	b.WriteString("](")
	writeDestination(&b, href)
	b.WriteByte(')')
	if s[len(s)-1] == ' ' {
		b.WriteByte(' ')
	}
	return b.String()
}

// image renders an <img> as ![alt](absolute URL), taking lazy-loading
// attributes and srcset when src is missing or a placeholder.
func (r *renderer) image(n *html.Node) string {
	src := r.resolve(imageSource(n))
	if src == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("![")
	escapeAlt(&b, strings.Join(strings.Fields(attr(n, "alt")), " "))
	b.WriteString("](")
	writeDestination(&b, src)
	b.WriteByte(')')
	return b.String()
}

// codeSpan renders s as inline code, with a backtick fence longer than
// any run of backticks inside it.
func codeSpan(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	pad := ""
	if s[0] == '`' || s[len(s)-1] == '`' {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

// textContent is the text under n, as written.
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && c.DataAtom == atom.Br:
				b.WriteByte('\n')
			case c.Type == html.ElementNode && !skipped[c.DataAtom]:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
