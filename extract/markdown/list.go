package markdown

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// list renders <ul> and <ol>: "- " or "N. " before each item, the item's
// further lines indented to line up under its text, nested lists inside
// their item. A list whose items hold several blocks is loose (items
// separated by a blank line), as in Markdown.
func (r *renderer) list(n *html.Node) block {
	ordered := n.DataAtom == atom.Ol
	num := 1
	if ordered {
		if v, err := strconv.Atoi(strings.TrimSpace(attr(n, "start"))); err == nil && v >= 0 && v < 1e9 {
			num = v
		}
	}
	var items []string
	loose := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		var text string
		switch {
		case c.Type == html.ElementNode && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) && len(items) > 0:
			// <ul><li>a</li><ul>..</ul></ul>: a list written beside the
			// items belongs to the item before it.
			if sub := r.list(c); sub.text != "" {
				items[len(items)-1] += "\n" + prefixLines(sub.text, "  ", "  ")
			}
			continue
		case c.Type == html.ElementNode && c.DataAtom == atom.Li:
			var l blockList
			r.children(c, &l)
			text = l.joinTight()
		default:
			var l blockList
			r.node(c, &l)
			text = l.joinTight()
		}
		if text == "" {
			continue
		}
		marker := "- "
		if ordered {
			marker = strconv.Itoa(num) + ". "
			num++
		}
		if strings.Contains(text, "\n\n") {
			loose = true
		}
		items = append(items, prefixLines(text, marker, strings.Repeat(" ", len(marker))))
	}
	sep := "\n"
	if loose {
		sep = "\n\n"
	}
	// Only a bullet list or one starting at 1 may follow a paragraph line
	// directly (CommonMark's rule for lists interrupting a paragraph).
	return block{text: strings.Join(items, sep), interrupts: !ordered || firstIsOne(n)}
}

// firstIsOne reports whether an ordered list starts at 1.
func firstIsOne(n *html.Node) bool {
	s := strings.TrimSpace(attr(n, "start"))
	return s == "" || s == "1"
}

// fence renders a <pre> as a fenced code block, keeping its text as
// written. The fence is longer than any run of backticks in the code, and
// a language-* or lang-* class on the pre or its code names the language.
func fence(n *html.Node) string {
	code := strings.TrimRight(textContent(n), " \t\r\n")
	code = strings.TrimLeft(code, "\r\n")
	if strings.TrimSpace(code) == "" {
		return ""
	}
	f := strings.Repeat("`", max(3, longestRun(code, '`')+1))
	return f + codeLanguage(n) + "\n" + code + "\n" + f
}

// codeLanguage reads the language from a class like "language-go" on n or
// on a <code> directly inside it.
func codeLanguage(n *html.Node) string {
	nodes := []*html.Node{n}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Code {
			nodes = append(nodes, c)
		}
	}
	for _, x := range nodes {
		for _, cls := range strings.Fields(attr(x, "class")) {
			for _, p := range []string{"language-", "lang-"} {
				if lang, ok := strings.CutPrefix(cls, p); ok && lang != "" && !strings.ContainsAny(lang, "`~") {
					return lang
				}
			}
		}
	}
	return ""
}
