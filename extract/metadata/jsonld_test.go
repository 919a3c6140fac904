package metadata

import (
	"reflect"
	"testing"
)

func TestReadJSONLD(t *testing.T) {
	tests := []struct {
		name string
		ld   string
		want ldArticle
	}{
		{
			name: "NewsArticle with author object and publisher",
			ld: `{"@context":"https://schema.org","@type":"NewsArticle","headline":"Big News",
				"author":{"@type":"Person","name":"Jane Doe"},"publisher":{"@type":"Organization","name":"Daily"},
				"datePublished":"2025-04-18T12:59:55+09:00","articleSection":"World","keywords":"a, b",
				"articleBody":"Body text.","mainEntityOfPage":{"@id":"https://x.test/a"},"image":["https://x.test/i.jpg"]}`,
			want: ldArticle{Headline: "Big News", Authors: []string{"Jane Doe"}, Publisher: "Daily",
				Published: "2025-04-18T12:59:55+09:00", Section: "World", Keywords: []string{"a", "b"},
				Body: "Body text.", URL: "https://x.test/a", Image: "https://x.test/i.jpg"},
		},
		{
			name: "@graph with author reference and string author list",
			ld: `{"@context":"https://schema.org","@graph":[
				{"@type":"WebSite","@id":"#site","name":"The Site"},
				{"@type":"Person","@id":"#jane","name":"Jane Doe"},
				{"@type":["BlogPosting"],"headline":"Post","author":[{"@id":"#jane"},"John Roe"],"publisher":{"@id":"#site"}}]}`,
			want: ldArticle{Headline: "Post", Authors: []string{"Jane Doe", "John Roe"}, Publisher: "The Site"},
		},
		{
			name: "top-level array, ReportageNewsArticle, author as string",
			ld:   `[{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","headline":"Field","author":"Max Muster","keywords":["x","y"]}]`,
			want: ldArticle{Headline: "Field", Authors: []string{"Max Muster"}, Keywords: []string{"x", "y"}},
		},
		{
			name: "raw newline inside a string is forgiven",
			ld:   "{\"@type\":\"Article\",\"headline\":\"Line\none\"}",
			want: ldArticle{Headline: "Line one"},
		},
		{
			name: "web page when there is no article",
			ld:   `{"@type":"WebPage","name":"Page","datePublished":"2024-01-02"}`,
			want: ldArticle{Name: "Page", Published: "2024-01-02"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, `<html><head><script type="application/ld+json">`+tt.ld+`</script></head><body></body></html>`)
			got, ok := readJSONLD(buildIndex(doc.Nodes[0]))
			if !ok {
				t.Fatal("no JSON-LD found")
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestReadJSONLDBroken(t *testing.T) {
	for _, ld := range []string{``, `{`, `[1,2,3]`, `"just a string"`, `{"@type":"Thing"}`} {
		doc := parse(t, `<script type="application/ld+json">`+ld+`</script>`)
		if got, ok := readJSONLD(buildIndex(doc.Nodes[0])); ok && got.Headline != "" {
			t.Errorf("readJSONLD(%q) = %+v, want nothing", ld, got)
		}
	}
}

func TestJSONLDEntities(t *testing.T) {
	doc := parse(t, `<script type="application/ld+json">{"@type":"Article","headline":"Don&#8217;t Panic &amp; Carry On"}</script>`)
	got, _ := readJSONLD(buildIndex(doc.Nodes[0]))
	if want := "Don\u2019t Panic & Carry On"; got.Headline != want {
		t.Errorf("headline = %q, want %q", got.Headline, want)
	}
}
