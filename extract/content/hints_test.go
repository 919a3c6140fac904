package content

import (
	"testing"

	"golang.org/x/net/html"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		class, id string
		want      hint
	}{
		{"", "", hintNone},
		{"wrapper", "", hintNone},
		{"share-bar", "", hintBoilerplate},
		{"post_share", "", hintBoilerplate},  // a part of the token names chrome
		{"mostViewed", "", hintBoilerplate},  // case and joins ignored
		{"most-viewed", "", hintBoilerplate}, // '-' dropped
		{"", "comments", hintBoilerplate},    // id read like class
		{"ad", "", hintBoilerplate},          // exact token
		{"address", "", hintNone},            // "ad" only as a whole token
		{"navy-theme", "", hintNone},         // "nav" only as a whole token
		{"article-body", "", hintContent},
		{"entry-content clearfix", "", hintContent},
		{"story", "main", hintContent},
		{"article-body share", "", hintBoilerplate}, // chrome wins over content
		{"related-stories", "", hintBoilerplate},
		{"section", "sharing-with-a-single-developer", hintNone}, // a heading's slug names a topic
		{"", "most-read-stories-list", hintBoilerplate},          // four words: a component name
		{"sharing-with-a-single-developer", "", hintBoilerplate}, // only ids are read as slugs
	}
	for _, tt := range tests {
		n := &html.Node{Type: html.ElementNode, Data: "div"}
		if tt.class != "" {
			n.Attr = append(n.Attr, html.Attribute{Key: "class", Val: tt.class})
		}
		if tt.id != "" {
			n.Attr = append(n.Attr, html.Attribute{Key: "id", Val: tt.id})
		}
		if got := classify(n); got != tt.want {
			t.Errorf("classify(class=%q id=%q) = %d, want %d", tt.class, tt.id, got, tt.want)
		}
	}
}

func TestNormalizeToken(t *testing.T) {
	for in, want := range map[string]string{
		"Most-Viewed": "mostviewed", "most_viewed": "mostviewed", "ARTICLE": "article", "": "", "a-b_c": "abc",
	} {
		if got := normalizeToken(in); got != want {
			t.Errorf("normalizeToken(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzClassify checks that classify's byte-level path for ASCII names
// agrees with the Unicode path it stands in for.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{"share-bar", "article-body x", "most_Viewed", "AD", "a--b__c", "navy\tnav", "\v-\f"} {
		f.Add(s, "main")
		f.Add("x", s+"-a-b-c-d")
	}
	f.Fuzz(func(t *testing.T, class, id string) {
		if !isASCII(class) || !isASCII(id) {
			return
		}
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: class}, {Key: "id", Val: id}}}
		uid := id
		if isHeadingSlug(id) {
			uid = ""
		}
		if got, want := classify(n), classifyUnicode(class, uid); got != want {
			t.Errorf("classify(class=%q id=%q) = %d, the Unicode path says %d", class, id, got, want)
		}
	})
}
