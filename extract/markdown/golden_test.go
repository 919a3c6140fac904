package markdown

import (
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var update = flag.Bool("update", false, "rewrite testdata/*.md from the current renderer")

// goldenBase is the URL the golden pages are rendered against.
const goldenBase = "https://example.com/news/2024/story.html"

// TestGolden renders the <article>, <main> or <body> of every
// testdata/*.html page and compares it with the .md file beside it.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no golden pages in testdata (%v)", err)
	}
	base, err := url.Parse(goldenBase)
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			f, err := os.Open(page)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			doc, err := html.Parse(f)
			if err != nil {
				t.Fatalf("parsing %s: %v", page, err)
			}
			got := Render(contentNode(doc), base) + "\n"
			want := strings.TrimSuffix(page, ".html") + ".md"
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
				t.Errorf("%s differs from %s (go test -update rewrites it)\n got:\n%s\nwant:\n%s", page, want, got, w)
			}
		})
	}
}

// contentNode returns the first <article> or <main>, else <body>.
func contentNode(doc *html.Node) *html.Node {
	var body, found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				switch c.DataAtom {
				case atom.Article, atom.Main:
					found = c
					return
				case atom.Body:
					body = c
				}
			}
			walk(c)
		}
	}
	walk(doc)
	if found != nil {
		return found
	}
	return body
}
