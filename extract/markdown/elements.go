package markdown

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped elements never render: they hold no visible article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true, atom.Svg: true,
	atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Option: true,
	atom.Audio: true, atom.Video: true, atom.Map: true, atom.Dialog: true, atom.Source: true,
	atom.Track: true, atom.Param: true, atom.Area: true,
}

// blockAtoms are the elements that start and end a block.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Figure: true,
	atom.Figcaption: true, atom.Address: true, atom.Center: true, atom.Details: true,
	atom.Summary: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Form: true,
	atom.Fieldset: true, atom.Legend: true, atom.Hgroup: true, atom.Body: true, atom.Html: true,
	atom.Li: true, atom.Caption: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true,
	atom.Hr: true,
}

// hasBlock reports whether a block element lies under n.
func hasBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || skipped[c.DataAtom] {
			continue
		}
		if blockAtoms[c.DataAtom] || hasBlock(c) {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
