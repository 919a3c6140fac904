package metadata

import (
	"reflect"
	"testing"
)

func TestReadMeta(t *testing.T) {
	doc := parse(t, `<html><head>
		<meta name="og:title" content="Name title">
		<meta property="og:title" content="Property title">
		<meta name="DC.title" content="Dublin Core">
		<meta property="x:title dc:creator" content="Space Separated">
		<meta name="description" content="">
		<meta name="description" content="Second description">
		<meta itemprop="datePublished" content="2025-04-18">
		<meta http-equiv="Content-Language" content="ko">
		</head></html>`)
	m := readMeta(buildIndex(doc.Nodes[0]))
	tests := []struct{ key, want string }{
		{"og:title", "Property title"},        // property wins over name
		{"dc:title", "Dublin Core"},           // DC.title folds to dc:title
		{"dc:creator", "Space Separated"},     // each key of a space-separated property
		{"x:title", "Space Separated"},        //
		{"description", "Second description"}, // empty content is skipped
		{"datepublished", "2025-04-18"},
		{"content-language", "ko"},
		{"absent", ""},
	}
	for _, tt := range tests {
		if got := m[tt.key]; got != tt.want {
			t.Errorf("meta[%q] = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestAllMeta(t *testing.T) {
	doc := parse(t, `<meta property="article:tag" content="Seoul"><meta property="article:tag" content="UNESCO">
		<meta name="keywords" content="a, b">`)
	got := allMeta(buildIndex(doc.Nodes[0]), []string{"article:tag", "keywords"})
	want := []string{"Seoul", "UNESCO", "a, b"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("allMeta = %q, want %q", got, want)
	}
}

func TestMetaEscapedTwice(t *testing.T) {
	doc := parse(t, `<meta property="og:title" content="Anastassiades&amp;#039; light">`)
	if got := readMeta(buildIndex(doc.Nodes[0]))["og:title"]; got != "Anastassiades' light" {
		t.Errorf("og:title = %q, want the reference decoded", got)
	}
}
