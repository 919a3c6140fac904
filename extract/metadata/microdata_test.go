package metadata

import (
	"reflect"
	"testing"
)

func TestReadMicrodata(t *testing.T) {
	doc := parse(t, `<article itemscope itemtype="https://schema.org/NewsArticle">
		<h1 itemprop="headline">Micro Headline</h1>
		<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Jane Doe</span></span>
		<span itemprop="author">John Roe</span>
		<time itemprop="datePublished" datetime="2025-04-18T09:00:00+02:00">18 April</time>
		<meta itemprop="dateModified" content="2025-04-19">
		<span itemprop="articleSection">Culture</span>
	</article>`)
	got := readMicrodata(buildIndex(doc.Nodes[0]))
	want := microdata{Headline: "Micro Headline", Authors: []string{"Jane Doe", "John Roe"},
		Published: "2025-04-18T09:00:00+02:00", Modified: "2025-04-19", Section: "Culture"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestMicrodataSkipsComments(t *testing.T) {
	doc := parse(t, `<article><div id="comments"><div itemprop="comment" itemscope>
		<span itemprop="author">Troll42</span><time itemprop="datePublished" datetime="2025-05-01">May 1</time></div></div>
		<span itemprop="author">Jane Doe</span></article>`)
	got := readMicrodata(buildIndex(doc.Nodes[0]))
	if !reflect.DeepEqual(got.Authors, []string{"Jane Doe"}) || got.Published != "" {
		t.Errorf("got authors %q, published %q; want the article's author only", got.Authors, got.Published)
	}
}

func TestTimeElement(t *testing.T) {
	tests := []struct {
		html   string
		want   string
		strong bool
	}{
		{`<time datetime="2020-01-01">x</time><article><time pubdate datetime="2025-04-18">y</time></article>`, "2025-04-18", true},
		{`<time datetime="2020-01-01">clock</time><article><time datetime="2025-04-18">y</time></article>`, "2025-04-18", false},
		{`<time class="published" datetime="2025-04-18">y</time>`, "2025-04-18", true},
		{`<time datetime="2020-01-01">page clock</time>`, "", false},
	}
	for _, tt := range tests {
		got, strong := timeElement(buildIndex(parse(t, tt.html).Nodes[0]))
		if got != tt.want || strong != tt.strong {
			t.Errorf("timeElement(%s) = %q, %v; want %q, %v", tt.html, got, strong, tt.want, tt.strong)
		}
	}
}
