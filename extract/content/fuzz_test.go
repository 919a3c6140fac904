package content

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// FuzzExtract runs Extract on arbitrary HTML: it must not panic, its text
// has no surrounding white space or runs of blank lines, it is valid
// UTF-8 when the page is, and the content node, pruned of the dropped
// blocks, renders as exactly that text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"<p>a</p>", "<article><p>" + strings.Repeat("word ", 40) + "</p></article><article><p>" + strings.Repeat("x ", 99) + "</p></article>",
		"<form><div class=share>" + strings.Repeat("<p>prose prose prose prose prose prose prose prose prose prose prose</p>", 3) + "</div></form>",
		"<div hidden><p>h</p></div><nav>n</nav>", "<ul><li><a href=/>" + strings.Repeat("l ", 50) + "</a></li></ul>",
		"<div><p>" + strings.Repeat("word ", 40) + "</p>Lead<div>Advertisement</div>more<span><p>Anzeige</p></span>end<p>Reporting by A</p></div>",
	} {
		f.Add(s, "Headline")
	}
	f.Fuzz(func(t *testing.T, page, headline string) {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		res := Extract(goquery.NewDocumentFromNode(root), Options{Headline: headline})
		if res.Text != strings.TrimSpace(res.Text) && res.Node != nil {
			t.Errorf("text has surrounding white space: %q", res.Text)
		}
		if strings.Contains(res.Text, "\n\n\n") {
			t.Errorf("text has a run of blank lines: %q", res.Text)
		}
		if utf8.ValidString(page) && !utf8.ValidString(res.Text) {
			t.Errorf("invalid UTF-8 from a valid page: %q", res.Text)
		}
		if res.Node != nil {
			if got := joinBlocks(render(res.Node)); got != res.Text {
				t.Errorf("pruned node renders as %q, text is %q", got, res.Text)
			}
		}
	})
}
