package content

import (
	"strings"
	"testing"

	"github.com/lede-news/lede/extract/markdown"
)

// TestPrune checks that the blocks Text drops are gone from Result.Node
// too, so its Markdown holds the same article, and that what Text keeps
// (with the images beside it) stays.
func TestPrune(t *testing.T) {
	first, second := para("The council voted"), para("Residents said")
	tests := []struct {
		name, page string
		opts       Options
		want       []string // substrings of the Markdown, in order
		notWant    []string
	}{
		{"ad label and its picture",
			`<div>` + first + `<div class=slot><img src=/x.gif alt=""><span>Advertisement</span></div>` + second + `</div>`,
			Options{}, []string{"The council voted", "Residents said"}, []string{"Advertisement", "x.gif"}},
		{"ad label beside text in one container",
			`<div>` + first + `<div>ADVERTISEMENT` + second + `</div></div>`,
			Options{}, []string{"The council voted", "Residents said"}, []string{"ADVERTISEMENT"}},
		{"ad block between inline text keeps the text apart",
			`<div>` + first + `<div>Lead text<div>Advertisement</div>more text</div>` + second + `</div>`,
			Options{}, []string{"The council voted", "Lead text\n\nmore text", "Residents said"}, []string{"Advertisement"}},
		{"teaser list of links",
			`<div>` + first + second + `<ul class=stories>` +
				`<li><a href=/a><img src=/a.jpg>Another story with a long headline here</a></li>` +
				`<li><a href=/b>A second story with a long headline here</a></li>` +
				`<li><a href=/c>A third story with a long headline here</a></li></ul></div>`,
			Options{}, []string{"The council voted", "Residents said"}, []string{"story", "a.jpg", "- "}},
		{"reporting credit",
			`<div>` + first + second + `<p>(Reporting by Jane Doe; Editing by John Roe)</p></div>`,
			Options{}, []string{"Residents said"}, []string{"Reporting", "Editing"}},
		{"credit after a line break leaves no hard break",
			`<div>` + first + `<p>Residents said the harbour stayed open through the winter storms and the summer heat.<br>Reporting by Jane Doe</p></div>`,
			Options{}, []string{"The council voted", "summer heat."}, []string{"Reporting", `\`}},
		{"section label and timestamps at the ends",
			`<div><p>Published November 20th, 2019 - 07:29 GMT</p>` + first + second + `<h3>Comments</h3></div>`,
			Options{}, []string{"The council voted", "Residents said"}, []string{"2019", "Comments"}},
		{"headline repeat",
			`<div><h1>Harbour  Reopens</h1>` + first + second + `</div>`,
			Options{Headline: "harbour reopens"}, []string{"The council voted"}, []string{"Harbour Reopens", "#"}},
		{"kept blocks keep their images and structure",
			`<div>` + first + `<figure><img src=/photo.jpg alt=Harbour></figure><h2>Reaction</h2><blockquote>` + second + `</blockquote></div>`,
			Options{}, []string{"The council voted", "![Harbour](/photo.jpg)", "## Reaction", "> Residents said"}, nil},
		{"pinned body keeps its link lists",
			`<div>` + first + `</div><div id=pin>` + second + `<p><a href=/a>Only a link</a></p></div>`,
			Options{Body: "#pin"}, []string{"Residents said", "[Only a link](/a)"}, []string{"council"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Extract(parseDoc(t, "<body>"+tt.page+"</body>"), tt.opts)
			if res.Node == nil {
				t.Fatalf("no content node; text %q", res.Text)
			}
			md := markdown.Render(res.Node, nil)
			rest := md
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("Markdown lacks %q (in order):\n%s", w, md)
				}
				rest = rest[i+len(w):]
			}
			for _, w := range tt.notWant {
				if strings.Contains(md, w) {
					t.Errorf("Markdown holds %q:\n%s", w, md)
				}
			}
			if got := joinBlocks(render(res.Node)); got != res.Text {
				t.Errorf("the pruned node renders as text\n%s\nnot as Text\n%s", got, res.Text)
			}
			if got, want := strings.Fields(plain(md)), strings.Fields(plain(res.Text)); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("Markdown words %q, Text words %q", got, want)
			}
		})
	}
}

// plain keeps the letters and digits of s, so Markdown and Text compare
// by their words (these fixtures have no links in kept text but the
// pinned one's, and no alt text but the photo's).
func plain(s string) string {
	s = strings.NewReplacer("![Harbour](/photo.jpg)", "", "(/a)", "").Replace(s)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || ('a' <= r|32 && r|32 <= 'z') || ('0' <= r && r <= '9') {
			return r
		}
		return ' '
	}, s)
}
