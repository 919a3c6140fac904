package metadata

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// microdata is what schema.org itemprop attributes say about the article.
type microdata struct {
	Headline            string
	Authors             []string
	Published, Modified string
	Section             string
}

// maxItempropBytes bounds an itemprop's text value.
const maxItempropBytes = 300

// readMicrodata reads headline, author, datePublished, dateModified and
// articleSection from itemprop attributes, first of each.
func readMicrodata(ix *index) microdata {
	var md microdata
	for _, n := range ix.itemprops {
		if inComments(n) {
			continue // a commenter is not the author, a comment's date not the article's
		}
		for _, p := range strings.Fields(strings.ToLower(attrOf(n, "itemprop"))) {
			switch lastSegment(p) {
			case "headline":
				if md.Headline == "" {
					md.Headline = itemValue(n)
				}
			case "author", "creator":
				if name := itemName(n); name != "" {
					md.Authors = append(md.Authors, name)
				}
			case "datepublished":
				if md.Published == "" {
					md.Published = itemValue(n)
				}
			case "datemodified":
				if md.Modified == "" {
					md.Modified = itemValue(n)
				}
			case "articlesection":
				if md.Section == "" {
					md.Section = itemValue(n)
				}
			}
		}
	}
	md.Authors = dedupe(md.Authors)
	return md
}

// itemValue is an itemprop's value: content, datetime, else its text.
func itemValue(n *html.Node) string {
	for _, a := range []string{"content", "datetime"} {
		if v := strings.TrimSpace(attrOf(n, a)); v != "" {
			return v
		}
	}
	if n.DataAtom == atom.Meta || n.DataAtom == atom.Link {
		return ""
	}
	t, ok := textOf(n, maxItempropBytes)
	if !ok {
		return ""
	}
	return t
}

// itemName is the name of an author item: its nested itemprop=name when
// it is an itemscope, else its own value.
func itemName(n *html.Node) string {
	if hasAttr(n, "itemscope") {
		var name string
		descendants(n, func(d *html.Node) bool {
			for _, p := range strings.Fields(strings.ToLower(attrOf(d, "itemprop"))) {
				if p == "name" {
					name = itemValue(d)
				}
			}
			return name == ""
		})
		if name != "" {
			return name
		}
	}
	return itemValue(n)
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// timeElement returns the datetime of the page's publication <time>: one
// marked pubdate or with a publish hint, else the first inside an
// <article>. strong is true for the marked kinds.
func timeElement(ix *index) (value string, strong bool) {
	var inArticle string
	for _, n := range ix.times {
		dt := strings.TrimSpace(attrOf(n, "datetime"))
		if dt == "" {
			continue
		}
		h := hintsOf(n)
		if hasAttr(n, "pubdate") || strings.Contains(h, "publish") || strings.Contains(h, "pubdate") {
			value, strong = dt, true
			break
		}
		if inArticle == "" && inElement(n, atom.Article) {
			inArticle = dt
		}
	}
	if value != "" {
		return value, true
	}
	return inArticle, false
}

// inElement reports whether n has an ancestor of kind a.
func inElement(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

// maxCommentDepth bounds the walk up from an item to a comments section.
const maxCommentDepth = 12

// inComments reports whether n sits in an element whose class or id names
// comments or replies.
func inComments(n *html.Node) bool {
	for p, d := n.Parent, 0; p != nil && d < maxCommentDepth; p, d = p.Parent, d+1 {
		for _, a := range p.Attr {
			if a.Key == "class" || a.Key == "id" {
				v := strings.ToLower(a.Val)
				if strings.Contains(v, "comment") || strings.Contains(v, "repl") {
					return true
				}
			}
		}
	}
	return false
}
