package content

import (
	"strings"
	"testing"
)

// shortPara is a paragraph just over minParagraph: less than
// contentHintBonus of eight para paragraphs.
const shortPara = "<p>This paragraph is a little longer than the shortest prose is.</p>"

func TestFindMain(t *testing.T) {
	if n := len("This paragraph is a little longer than the shortest prose is."); n < minParagraph || float64(n) > contentHintBonus*8*2*minParagraph {
		t.Fatalf("shortPara is %d bytes: the fixtures below need it over minParagraph and under the hint bonus", n)
	}
	links := `<ul>` + strings.Repeat(`<li><a href=/x>A headline of a related story that is long enough</a></li>`, 8) + `</ul>`
	tests := []struct {
		name, page, want string
	}{
		{"paragraphs beat a link list",
			`<div id=links>` + links + `</div><div id=want>` + para("One") + para("Two") + `</div>`, "want"},
		{"tightest element around the paragraphs",
			`<div id=outer><div id=want>` + para("One") + para("Two") + `</div>` + links + `</div>`, "want"},
		{"short blocks are not paragraphs",
			`<div id=labels>` + strings.Repeat(`<p>Short label</p>`, 30) + `</div><div id=want>` + para("Real") + para("Prose") + `</div>`, "want"},
		{"a paragraph that is mostly link is not prose",
			`<div id=linky><p><a href=/a>` + strings.Repeat("link text ", 30) + `</a> end</p></div><div id=want>` + para("Prose") + para("More") + `</div>`, "want"},
		{"without a content hint the wrapper of one more paragraph wins",
			`<div id=want><div>` + strings.Repeat(para("One"), 8) + `</div>` + shortPara + `</div>`, "want"},
		{"a content hint outweighs one short paragraph beside it",
			`<div><div id=want class=article-body>` + strings.Repeat(para("One"), 8) + `</div>` + shortPara + `</div>`, "want"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseDoc(t, "<body>"+tt.page+"</body>")
			if got, want := findMain(doc.Get(0)), byID(t, doc, tt.want); got != want {
				t.Errorf("findMain = %s, want #%s", idOf(got), tt.want)
			}
		})
	}
}

func TestFindMainNothing(t *testing.T) {
	doc := parseDoc(t, "<body><p>Too short.</p><ul><li><a href=/>Home</a></li></ul></body>")
	if got := findMain(doc.Get(0)); got != nil {
		t.Errorf("findMain = %s, want nil for a page without a paragraph", idOf(got))
	}
}

func TestStatsScore(t *testing.T) {
	// 100 bytes of paragraphs, 40 of links and 20 of loose text.
	st := stats{text: 160, link: 40, para: 100, paras: 2}
	want := 100 - linkPenalty*40 - loosePenalty*20
	if got := st.score(); got != want {
		t.Errorf("score = %v, want %v", got, want)
	}
}

func TestTrimmedLen(t *testing.T) {
	for s, want := range map[string]int{"": 0, "  ": 0, " ab ": 2, "\n\ta b\r\n": 3, "abc": 3} {
		if got := trimmedLen(s); got != want {
			t.Errorf("trimmedLen(%q) = %d, want %d", s, got, want)
		}
	}
}
