package content

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// parseDoc parses a page written for a test.
func parseDoc(t testing.TB, page string) *goquery.Document {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("parsing fixture: %v", err)
	}
	return goquery.NewDocumentFromNode(root)
}

// byID returns the element with id, failing the test when there is none.
func byID(t testing.TB, doc *goquery.Document, id string) *html.Node {
	t.Helper()
	s := doc.Find("#" + id)
	if s.Length() == 0 {
		t.Fatalf("fixture has no #%s", id)
	}
	return s.Get(0)
}

// idOf names a node in failure messages.
func idOf(n *html.Node) string {
	if n == nil {
		return "<nil>"
	}
	if id := attr(n, "id"); id != "" {
		return "#" + id
	}
	return "<" + n.Data + ">"
}

// para is a paragraph of n words, long enough to count as prose.
func para(words ...string) string {
	s := strings.Join(words, " ")
	for len(s) < 2*minParagraph {
		s += " and the harbour stayed open through the winter storms"
	}
	return "<p>" + s + ".</p>"
}
