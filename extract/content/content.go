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
func Extract(doc *goquery.Document, opts Options) Result {
	var removed []*html.Node
	for _, sel := range opts.Remove {
		removed = append(removed, doc.Find(sel).Nodes...)
	}
	var pinned *html.Node
	if opts.Body != "" {
		if s := doc.Find(opts.Body); s.Length() > 0 {
			pinned = s.Get(0)
		}
	}
	root := doc.Get(0)
	clean(root, removed)
	main := pinned
	if main == nil {
		if main = findMain(root); main != nil {
			main = refine(main)
		}
	}
	if main == nil {
		return fallback(opts)
	}
	text := joinBlocks(keepBlocks(render(main), opts.Headline, pinned != nil))
	if text == "" {
		return fallback(opts)
	}
	return Result{Node: main, Text: text}
}

// fallback uses JSON-LD's articleBody when the page's markup gave nothing.
func fallback(opts Options) Result {
	return Result{Text: strings.TrimSpace(opts.ArticleBody)}
}

// keepBlocks drops link lists, ad labels, a repeat of the headline and
// section labels left at the end. A pinned container is trusted: only the
// headline repeat is dropped.
func keepBlocks(blocks []block, headline string, pinned bool) []block {
	// Block text is white-space collapsed already (render), so comparing
	// it with the collapsed headline ignores case and white space, as the
	// reader does.
	headline = strings.Join(strings.Fields(headline), " ")
	out := blocks[:0]
	for _, b := range blocks {
		if headline != "" && strings.EqualFold(b.text, headline) {
			continue
		}
		if !pinned && (float64(b.link) > maxLinkDensity*float64(len(b.text)) || isAdLabel(b.text)) {
			continue
		}
		out = append(out, b)
	}
	if !pinned {
		out = trimSectionLabels(out)
	}
	return out
}

func joinBlocks(blocks []block) string {
	var b strings.Builder
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.text)
	}
	return b.String()
}
