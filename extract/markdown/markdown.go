// Package markdown renders an article's content node as Markdown.
package markdown

import (
	"net/url"

	"golang.org/x/net/html"
)

// Render renders n as Markdown, resolving links and images against base.
// PLACEHOLDER: replaced by the full renderer.
func Render(n *html.Node, base *url.URL) string {
	return ""
}
