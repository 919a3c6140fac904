package content

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestCleanDrops: each fixture's #x must be removed by clean, #keep kept.
func TestCleanDrops(t *testing.T) {
	article := `<div id=keep>` + para("The council voted") + para("Residents said") + `</div>`
	tests := []struct {
		name, fixture string
	}{
		{"script", `<script id=x>var a</script>`},
		{"figcaption", `<figure><figcaption id=x>Photo: agency</figcaption></figure>`},
		{"nav element", `<nav id=x><a href=/>Home</a></nav>`},
		{"aside element", `<aside id=x>` + para("Also read") + `</aside>`},
		{"hidden attribute", `<div id=x hidden>` + para("Hidden") + `</div>`},
		{"aria-hidden", `<div id=x aria-hidden="true">x</div>`},
		{"display none", `<div id=x style="color: red; display : none">x</div>`},
		{"visibility hidden", `<div id=x style="VISIBILITY:hidden">x</div>`},
		{"role navigation", `<div id=x role=navigation>x</div>`},
		{"role complementary", `<div id=x role="complementary">x</div>`},
		{"share class", `<div id=x class="share-tools">Share this</div>`},
		{"related id", `<section id=x class=related-list>` + para("Related") + `</section>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseDoc(t, "<body>"+article+tt.fixture+"</body>")
			clean(doc.Get(0), nil)
			if doc.Find("#x").Length() != 0 {
				t.Errorf("#x kept; clean should drop it")
			}
			if doc.Find("#keep").Length() != 1 {
				t.Errorf("#keep dropped")
			}
		})
	}
}

// TestCleanProtectsWrappers: chrome markers on an element that holds over
// protectShare of the page's paragraph text do not remove it.
func TestCleanProtectsWrappers(t *testing.T) {
	tests := []struct {
		name, fixture string
		kept          bool
	}{
		{"form around the article", `<form id=x>` + para("Most") + para("of the") + para("text") + `</form>` + para("rest"), true},
		{"widget around the article", `<div id=x class=widget>` + para("Most") + para("text") + `</div>` + para("rest"), true},
		{"small widget", `<div id=x class=widget>` + para("little") + `</div>` + para("Most") + para("text"), false},
		{"paywall holds the locked text, not chrome", `<div id=x class=paywall>` + para("Locked") + `</div>` + para("Free") + para("text"), true},
		{"a link's class names its target, not chrome", `<p>The <a id=x class="auto-tag_band" href=/t/band>Band</a> will tour again next year across the whole country.</p>` + para("More"), true},
		{"article element never chrome", `<article id=x class="share">` + para("a") + `</article>` + para("b") + para("c"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseDoc(t, "<body>"+tt.fixture+"</body>")
			clean(doc.Get(0), nil)
			if kept := doc.Find("#x").Length() == 1; kept != tt.kept {
				t.Errorf("#x kept = %v, want %v", kept, tt.kept)
			}
		})
	}
}

func TestCleanRemovesCommentsAndGivenNodes(t *testing.T) {
	doc := parseDoc(t, `<body><!-- note --><div id=a>a</div><div id=b>b</div></body>`)
	clean(doc.Get(0), doc.Find("#b").Nodes)
	if doc.Find("#b").Length() != 0 {
		t.Error("#b, given to remove, is still there")
	}
	var comments int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.CommentNode {
				comments++
			}
			walk(c)
		}
	}
	walk(doc.Get(0))
	if comments != 0 {
		t.Errorf("%d comments left", comments)
	}
	if got := strings.TrimSpace(doc.Find("#a").Text()); got != "a" {
		t.Errorf("#a = %q", got)
	}
}
