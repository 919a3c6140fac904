package content

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// droppedTags never hold article text.
var droppedTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Button: true,
	atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Option: true, atom.Head: true,
	atom.Link: true, atom.Meta: true, atom.Dialog: true, atom.Figcaption: true, atom.Label: true,
	atom.Math: true, atom.Audio: true, atom.Video: true, atom.Map: true,
}

// chromeTags are page chrome by their element name: navigation, asides,
// site headers and footers.
var chromeTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Header: true, atom.Menu: true, atom.Form: true,
}

// protectShare is the share of the page's paragraph text above which an
// element is kept whatever its name or class says: a wrapper of most of
// the prose is the article (an ASP.NET <form>, a Blogger "widget", a
// "modal-enabled" box), not chrome.
const protectShare = 0.5

// clean removes from the tree under root everything that is never article
// text. It must run after metadata was read.
func clean(root *html.Node, remove []*html.Node) {
	for _, n := range remove {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	total := paraLen(root)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch c.Type {
			case html.CommentNode, html.DoctypeNode:
				n.RemoveChild(c)
			case html.ElementNode:
				if shouldDrop(c, total) {
					n.RemoveChild(c)
				} else {
					walk(c)
				}
			}
			c = next
		}
	}
	walk(root)
}

// shouldDrop decides for one element, before looking inside it.
func shouldDrop(n *html.Node, pageParas int) bool {
	if droppedTags[n.DataAtom] || isHidden(n) {
		return true
	}
	if n.DataAtom == atom.Body || n.DataAtom == atom.Html || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return false
	}
	// A link's class and id name what it points to ("auto-tag_x" on a
	// link inside a sentence), not page chrome: link lists are caught by
	// their link density instead.
	chrome := chromeTags[n.DataAtom] || (n.DataAtom != atom.A && classify(n) == hintBoilerplate) || roleIsChrome(n)
	if !chrome {
		return false
	}
	if pageParas > 0 && float64(paraLen(n)) > protectShare*float64(pageParas) {
		return false
	}
	return true
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// isHidden reports elements a browser does not show.
func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
		return true
	}
	if s := attr(n, "style"); s != "" {
		s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
		if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
			return true
		}
	}
	return false
}

// roleIsChrome reads ARIA landmark roles of navigation and page chrome.
func roleIsChrome(n *html.Node) bool {
	switch attr(n, "role") {
	case "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alert":
		return true
	}
	return false
}

// paraLen is the text of the good paragraphs under n, as the scorer
// counts them.
func paraLen(n *html.Node) int {
	var s scorer
	st, _ := s.walk(n, false)
	return st.para
}
