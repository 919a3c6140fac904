package content

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/lede-news/lede/extract/markdown"
)

var update = flag.Bool("update", false, "rewrite testdata/*.txt and *.md from the current extractor")

// TestGolden extracts every testdata/*.html page (fixtures written for
// these tests, one layout each) and compares the text with the .txt file
// beside it and the Markdown of the content node with the .md file. The headline is given as metadata would find it: the page's
// first <h1>.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no golden pages in testdata (%v)", err)
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			f, err := os.Open(page)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			root, err := html.Parse(f)
			if err != nil {
				t.Fatalf("parsing %s: %v", page, err)
			}
			doc := goquery.NewDocumentFromNode(root)
			headline := strings.TrimSpace(doc.Find("h1").First().Text())
			res := Extract(doc, Options{Headline: headline})
			name := strings.TrimSuffix(page, ".html")
			golden(t, name+".txt", res.Text+"\n")
			golden(t, name+".md", markdown.Render(res.Node, nil)+"\n")
		})
	}
}

// golden compares got with the file want, or rewrites it under -update.
func golden(t *testing.T, want, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	w, err := os.ReadFile(want)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(w) {
		t.Errorf("%s differs (go test -update rewrites it)\n got:\n%s\nwant:\n%s", want, got, w)
	}
}
