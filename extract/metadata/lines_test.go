package metadata

import (
	"reflect"
	"testing"
)

func TestPageLines(t *testing.T) {
	doc := parse(t, `<body class="sidebar-primary"><nav>Home News</nav>
		<h1>Head <em>line</em></h1>
		<div class="meta"><a href="/a">Jane Doe</a> | <time>April 18</time><br>second</div>
		<div class="comments">Nice post!</div>
		<aside>Most read</aside>
		<p>Body <script>var x;</script>text</p>
		<footer>Copyright</footer></body>`)
	var got []string
	for _, l := range pageLines(doc.Nodes[0]) {
		got = append(got, l.text)
	}
	// Navigation, comments, asides and footers are chrome; a <body> class
	// naming the layout ("sidebar-primary") is not.
	want := []string{"Head line", "Jane Doe | April 18 second", "Body text"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pageLines = %q, want %q", got, want)
	}
}

func TestHeadlineLine(t *testing.T) {
	doc := parse(t, `<div class="title">Mayor Visits Mexico</div><p>Mayor Visits Mexico, says the council</p>
		<h2>Mayor visits Mexico!</h2><h1>Site Logo</h1>`)
	lines := pageLines(doc.Nodes[0])
	if got := headlineLine(lines, "Mayor Visits Mexico"); lines[got].text != "Mayor visits Mexico!" {
		t.Errorf("headlineLine picked %q, want the <h2> that prints the headline", lines[got].text)
	}
	if got := headlineLine(lines, "Something Else Entirely"); lines[got].text != "Site Logo" {
		t.Errorf("headlineLine without a match picked %q, want the first <h1>", lines[got].text)
	}
}

func TestBreadcrumbSection(t *testing.T) {
	tests := []struct{ html, want string }{
		{`<div class="location"><a href="/">Home</a> &gt; <a href="/s">Synthesis</a></div>`, "Synthesis"},
		{`<nav aria-label="Breadcrumb"><a href="/">홈</a><a href="/w">World</a><a href="/w/a">Asia</a><a href="/x">The Headline</a></nav>`, "Asia"},
		{`<ol itemtype="https://schema.org/BreadcrumbList"><li><a href="/">News</a></li></ol>`, ""},
		{`<div class="location">Seoul, Korea</div>`, ""},
	}
	for _, tt := range tests {
		if got := breadcrumbSection(buildIndex(parse(t, tt.html).Nodes[0]), "The Headline"); got != tt.want {
			t.Errorf("breadcrumbSection(%s) = %q, want %q", tt.html, got, tt.want)
		}
	}
}

func TestHostLabel(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.ehow.com/a", "ehow"},
		{"https://www.bbc.co.uk/news", "bbc"},
		{"https://news.example.kr/", "example"},
		{"http://localhost/", ""},
	}
	for _, tt := range tests {
		if got := hostLabel(mustURL(t, tt.url)); got != tt.want {
			t.Errorf("hostLabel(%s) = %q, want %q", tt.url, got, tt.want)
		}
	}
}
