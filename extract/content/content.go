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
	// Node is the content element, with the blocks Text dropped (link
	// lists, ad labels, credits...) detached from it, so a rendering of
	// Node holds the same text as Text. Nil when Text came from the
	// JSON-LD fallback.
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
	blocks := render(main)
	kept := keepBlocks(blocks, opts.Headline, pinned != nil)
	if len(kept) == 0 {
		return fallback(opts)
	}
	prune(main, blocks, kept)
	return Result{Node: main, Text: joinBlocks(kept)}
}

// fallback uses JSON-LD's articleBody when the page's markup gave nothing.
func fallback(opts Options) Result {
	return Result{Text: strings.TrimSpace(opts.ArticleBody)}
}

// keepBlocks returns the blocks that are article text, in order, in a new
// slice (blocks is left as it was, for prune): it drops link lists, ad
// labels, a repeat of the headline and section labels left at the end. A
// pinned container is trusted: only the headline repeat is dropped.
func keepBlocks(blocks []block, headline string, pinned bool) []block {
	// Block text is white-space collapsed already (render), so comparing
	// it with the collapsed headline ignores case and white space, as the
	// reader does.
	headline = strings.Join(strings.Fields(headline), " ")
	out := make([]block, 0, len(blocks))
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
