package metadata

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// index holds the elements Read looks at, gathered in one walk of the
// document instead of one selector pass per field.
type index struct {
	metas     []*html.Node // <meta>
	scripts   []*html.Node // <script type="application/ld+json">
	itemprops []*html.Node // elements with itemprop
	times     []*html.Node // <time datetime>
	links     []*html.Node // <link rel href>
	crumbs    []*html.Node // breadcrumb trails by class, id, aria-label or itemtype
	root      *html.Node   // <html>
	base      *html.Node   // first <base href>
	title     *html.Node   // first <title>
	h1        *html.Node   // first <h1>
}

// buildIndex walks the tree under root once.
func buildIndex(root *html.Node) *index {
	s := &scanner{ix: &index{}, noLines: true}
	s.scan(root)
	return s.ix
}

func (ix *index) add(n *html.Node) {
	switch n.DataAtom {
	case atom.Meta:
		ix.metas = append(ix.metas, n)
	case atom.Script:
		if strings.EqualFold(strings.TrimSpace(attrOf(n, "type")), "application/ld+json") {
			ix.scripts = append(ix.scripts, n)
		}
	case atom.Time:
		if attrOf(n, "datetime") != "" {
			ix.times = append(ix.times, n)
		}
	case atom.Link:
		if attrOf(n, "rel") != "" && attrOf(n, "href") != "" {
			ix.links = append(ix.links, n)
		}
	case atom.Html:
		if ix.root == nil {
			ix.root = n
		}
	case atom.Base:
		if ix.base == nil && hasAttr(n, "href") {
			ix.base = n
		}
	case atom.Title:
		if ix.title == nil {
			ix.title = n
		}
	case atom.H1:
		if ix.h1 == nil {
			ix.h1 = n
		}
	}
	// One pass over the attributes for both lists.
	itemprop, crumb := false, false
	for _, a := range n.Attr {
		switch a.Key {
		case "itemprop":
			itemprop = true
		case "class", "id":
			crumb = crumb || crumbHints.inValue(a.Val)
		case "aria-label":
			crumb = crumb || n.DataAtom == atom.Nav && crumbLabelHints.inValue(a.Val)
		case "itemtype":
			crumb = crumb || crumbTypeHints.inValue(a.Val)
		}
	}
	if itemprop {
		ix.itemprops = append(ix.itemprops, n)
	}
	if crumb {
		ix.crumbs = append(ix.crumbs, n)
	}
}

// rawText is the text of an element's children, as a <script> holds it.
func rawText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// maxDescendants bounds the searches inside an element (an author item,
// a breadcrumb trail): the answer sits near the top.
const maxDescendants = 200

// descendants calls fn on n's element descendants in document order
// until fn returns false or maxDescendants were seen.
func descendants(n *html.Node, fn func(*html.Node) bool) {
	seen := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if seen++; seen > maxDescendants || !fn(c) || !walk(c) {
				return false
			}
		}
		return true
	}
	walk(n)
}
