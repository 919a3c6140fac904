package markdown

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestCorpus renders every dev-corpus
// page (../shared/corpus/dev beside the module root) and checks what must
// hold for any page: some output for a page with text, no script links,
// no runs of blank lines outside code blocks.
func TestCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "dev", "html")
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(pages) == 0 {
		t.Skipf("no dev corpus at %s: it must sit at ../shared/corpus/dev beside the module root", dir)
	}
	base, _ := url.Parse("https://example.com/section/page.html")
	for _, p := range pages {
		body, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(bytes.NewReader(body))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		out := Render(doc, base)
		name := filepath.Base(p)
		if out == "" {
			t.Errorf("%s: empty Markdown", name)
		}
		if strings.Contains(strings.ToLower(out), "](javascript:") {
			t.Errorf("%s: javascript: link", name)
		}
		if !strings.Contains(out, "```") && strings.Contains(out, "\n\n\n") {
			t.Errorf("%s: more than one blank line between blocks", name)
		}
	}
}
