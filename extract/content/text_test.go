package content

import (
	"testing"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name, fragment string
		want           []block
	}{
		{"blocks split by block elements", `<p>One</p><div>Two <b>bold</b></div>`,
			[]block{{text: "One"}, {text: "Two bold"}}},
		{"white space collapsed", "<p>  a \n\t b  </p>", []block{{text: "a b"}}},
		{"br splits", "<p>a<br>b</p>", []block{{text: "a"}, {text: "b"}}},
		{"heading flagged", "<h2>Head</h2><p>Body</p>", []block{{text: "Head", heading: true}, {text: "Body"}}},
		{"link bytes counted", `<p>see <a href=/>héllo</a></p>`, []block{{text: "see héllo", link: len("héllo")}}},
		{"inline elements joined", "<p>a<span>b</span>c</p>", []block{{text: "abc"}}},
		{"list items", "<ul><li>x</li><li>y</li></ul>", []block{{text: "x"}, {text: "y"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseDoc(t, "<body><div id=root>"+tt.fragment+"</div></body>")
			got := render(byID(t, doc, "root"))
			if len(got) != len(tt.want) {
				t.Fatalf("render = %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if g := got[i]; g.text != tt.want[i].text || g.link != tt.want[i].link || g.heading != tt.want[i].heading {
					t.Errorf("block %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}
