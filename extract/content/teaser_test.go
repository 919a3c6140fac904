package content

import (
	"strings"
	"testing"
)

// summary is a teaser's summary: prose-length, not a link.
const summary = "<span>A summary of the story that is long enough to count as a paragraph of prose text.</span>"

func TestTeaserLists(t *testing.T) {
	article := `<div id=article>` + para("The council voted") + para("Residents said") + para("The mayor") + `</div>`
	tests := []struct {
		name, list string
		want       string // the element findMain must pick
	}{
		{"teaser list beside the article is not prose",
			`<ul>` + strings.Repeat(`<li><a href=/s>Headline of another story</a>`+summary+`</li>`, 6) + `</ul>`, "article"},
		{"alike divs with image link and title link",
			strings.Repeat(`<div class=tumb><div><a href=/s><img src=x.jpg></a></div><div><a href=/s>Title</a></div>`+summary+`</div>`, 6), "article"},
		{"two items are not a list",
			strings.Repeat(`<div class=tumb><a href=/s>Headline</a>`+strings.Repeat(summary, 8)+`</div>`, 2), "root"},
		{"items that open with text are prose",
			`<ul>` + strings.Repeat(`<li>`+summary+` <a href=/s>link</a></li>`, 12) + `</ul>`, "root"},
		{"paragraphs that open with a link are prose",
			strings.Repeat(`<p><a href=/s>The minister</a> said more than this in a sentence long enough to be prose.</p>`, 12), "root"},
		{"a numbered digest is the article",
			`<ol>` + strings.Repeat(`<li><strong><a href=/s>A thing to know today</a>.</strong>`+summary+`</li>`, 12) + `</ol>`, "root"},
		{"long items are not teasers",
			`<ul>` + strings.Repeat(`<li><a href=/s>Headline</a>`+strings.Repeat(summary, 5)+`</li>`, 4) + `</ul>`, "root"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseDoc(t, "<body><div id=root>"+article+`<div id=list>`+tt.list+"</div></div></body>")
			if got, want := findMain(doc.Get(0)), byID(t, doc, tt.want); got != want {
				t.Errorf("findMain = %s, want #%s", idOf(got), tt.want)
			}
		})
	}
}
