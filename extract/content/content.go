// Package content finds an article's main content in a page and renders it
// as text.
package content

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Options steer Extract.
type Options struct {
	Body        string   // CSS selector of the body container; empty means heuristics
	Remove      []string // CSS selectors removed before anything else
	Headline    string   // the headline, so a repeat of it can be dropped from the body
	ArticleBody string   // JSON-LD articleBody, a cross-check
}

// Result is the main content: its node (for Markdown rendering) and text.
type Result struct {
	Node *html.Node
	Text string // blocks separated by a blank line
}

// Extract cleans doc in place and returns its main content.
// PLACEHOLDER: replaced by the cleaner, scorer and renderer.
func Extract(doc *goquery.Document, opts Options) Result {
	var parts []string
	doc.Find("p").Each(func(_ int, s *goquery.Selection) {
		if t := strings.TrimSpace(s.Text()); t != "" {
			parts = append(parts, t)
		}
	})
	var n *html.Node
	if b := doc.Find("body"); b.Length() > 0 {
		n = b.Get(0)
	}
	return Result{Node: n, Text: strings.Join(parts, "\n\n")}
}
