package content

import (
	"strings"
	"testing"
)

func TestRefine(t *testing.T) {
	tests := []struct {
		name, page, best, want string
	}{
		{"narrows to the article element",
			`<div id=best><article id=want>` + para("A") + para("B") + para("C") + `</article><div>` + para("Teaser") + `</div></div>`,
			"best", "want"},
		{"narrows to itemprop articleBody",
			`<div id=best><div id=want itemprop=articleBody>` + para("A") + para("B") + para("C") + `</div>` + para("Teaser") + `</div>`,
			"best", "want"},
		{"narrows to a strong content class",
			`<div id=best><div id=want class="story-body">` + para("A") + para("B") + para("C") + `</div>` + para("Teaser") + `</div>`,
			"best", "want"},
		{"keeps best when the article holds too little",
			`<div id=best><article>` + para("A") + `</article>` + para("B") + para("C") + `</div>`,
			"best", "best"},
		{"a weak content class is not enough",
			`<div id=best><div class="text">` + para("A") + para("B") + para("C") + `</div>` + para("D") + `</div>`,
			"best", "best"},
		{"the one explicit body marker under a teaser grid",
			`<div id=best><div id=want class="RichTextArticleBody">` + para("A") + para("B") + `</div><ul>` +
				strings.Repeat(`<li><a href=/t>Teaser</a>`+para("Summary")+`</li>`, 4) + `</ul></div>`,
			"best", "want"},
		{"two body markers are ambiguous",
			`<div id=best><div class="article-body">` + para("A") + para("B") + `</div><div class="article-body">` + para("C") + `</div><ul>` +
				strings.Repeat(`<li><a href=/t>Teaser</a>`+para("Summary")+`</li>`, 4) + `</ul></div>`,
			"best", "best"},
		{"a body marker holding too little",
			`<div id=best><div class="article-body">` + para("A") + `</div>` + strings.Repeat(para("Prose"), 8) + `</div>`,
			"best", "best"},
		{"a body split into marked chunks is kept whole",
			`<div id=best><div><div class="article__body">` + para("A") + para("B") + para("C") + para("D") + `</div></div><div class=ad-rail>Ad</div>` +
				`<div><div class="article__body">` + para("E") + `</div></div></div>`,
			"best", "best"},
		{"first of several appended articles",
			`<div id=best><article id=want>` + para("A") + para("B") + `</article><article>` + para("C") + para("D") + `</article></div>`,
			"best", "want"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseDoc(t, "<body>"+tt.page+"</body>")
			if got, want := refine(byID(t, doc, tt.best)), byID(t, doc, tt.want); got != want {
				t.Errorf("refine = %s, want #%s", idOf(got), tt.want)
			}
		})
	}
}

func TestHasStrongContentToken(t *testing.T) {
	for fixture, want := range map[string]bool{
		`<div id=x class="article-body">`:       true,
		`<div id=x class="articleBody__inner">`: true, // a longer token that starts with one
		`<div id=x class="entry-content">`:      true,
		`<div id=x class="content">`:            false,
		`<div id=x class="text">`:               false,
		`<div id="x">`:                          false,
	} {
		doc := parseDoc(t, "<body>"+fixture+"</div></body>")
		if got := hasStrongContentToken(byID(t, doc, "x")); got != want {
			t.Errorf("hasStrongContentToken(%s) = %v, want %v", fixture, got, want)
		}
	}
}

func TestSplitFields(t *testing.T) {
	got := splitFields(" a\tb\n  c ")
	if len(got) != 3 || got[0] != "a" || got[1] != "b" || got[2] != "c" {
		t.Errorf("splitFields = %q, want [a b c]", got)
	}
}
