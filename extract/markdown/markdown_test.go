package markdown

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// render parses an HTML fragment into a <div> and renders the div.
func render(t testing.TB, fragment, base string) string {
	t.Helper()
	var b *url.URL
	if base != "" {
		var err error
		if b, err = url.Parse(base); err != nil {
			t.Fatalf("base %q: %v", base, err)
		}
	}
	doc, err := html.Parse(strings.NewReader("<html><body><div id=root>" + fragment + "</div></body></html>"))
	if err != nil {
		t.Fatalf("parsing %q: %v", fragment, err)
	}
	return Render(findRoot(doc), b)
}

func findRoot(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && attr(n, "id") == "root" {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if r := findRoot(c); r != nil {
			return r
		}
	}
	return nil
}

func TestRender(t *testing.T) {
	const base = "https://news.example/world/story.html"
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"only space", " \n\t ", ""},
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"whitespace collapsed", "<p>  a \n\n  b\t c  </p>", "a b c"},
		{"loose text and blocks", "intro<p>para</p>tail", "intro\n\npara\n\ntail"},
		{"empty blocks leave no blank lines", "<p>a</p><div><p> </p></div><p></p><div></div><p>b</p>", "a\n\nb"},
		{"headings", "<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>",
			"# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six"},
		{"heading on one line", "<h2>Split<br>title</h2>", "## Split title"},
		{"heading permalink dropped", `<h2>Setup<a class=headerlink href="#setup">¶</a></h2><p>See <a href="#s">§</a> x</p>`, "## Setup\n\nSee x"},
		{"heading trailing hash", "<h2>Learn C#</h2>", `## Learn C\#`},
		{"empty heading dropped", "<h2> </h2><p>x</p>", "x"},
		{"emphasis", "<p>a <em>b</em> <strong>c</strong> <i>d</i> <b>e</b> <del>f</del></p>", "a *b* **c** *d* **e** ~~f~~"},
		{"emphasis spaces outside markers", "<p>a<em> b </em>c</p>", "a *b* c"},
		{"empty emphasis", "<p>a<em> </em>b</p>", "a b"},
		{"break at the end of emphasis kept outside", "<p><strong>Title<br></strong>Text</p>", "**Title**\\\nText"},
		{"break at the start of emphasis kept outside", "<p>a<em><br>b</em></p>", "a\\\n*b*"},
		{"nested emphasis", "<p><em>a <i>b</i> c</em></p>", "*a b c*"},
		{"strong in em", "<p><em>a <strong>b</strong></em></p>", "*a **b***"},
		{"inline code", "<p>call <code>f(*x)</code> now</p>", "call `f(*x)` now"},
		{"code with backticks", "<p><code>a`b</code> <code>`x</code></p>", "``a`b`` `` `x ``"},
		{"fenced pre", "<pre><code class=\"language-go\">func f() {\n\treturn\n}\n</code></pre>", "```go\nfunc f() {\n\treturn\n}\n```"},
		{"pre with fence inside", "<pre>```\nx\n```</pre>", "````\n```\nx\n```\n````"},
		{"pre keeps markup chars", "<pre>*a* _b_ &lt;c&gt;</pre>", "```\n*a* _b_ <c>\n```"},
		{"pre br", "<pre>a<br>b</pre>", "```\na\nb\n```"},
		{"line break", "<p>a<br>b<br/>c</p>", "a\\\nb\\\nc"},
		{"double line break is a paragraph", "<p>a<br><br><br>b</p>", "a\n\nb"},
		{"leading and trailing br dropped", "<p><br>a<br></p>", "a"},
		{"hr", "<p>a</p><hr><p>b</p>", "a\n\n---\n\nb"},
		{"relative link", `<p>See <a href="/a/b?x=1">this</a>.</p>`, "See [this](https://news.example/a/b?x=1)."},
		{"sibling-relative link", `<a href="next.html">next</a>`, "[next](https://news.example/world/next.html)"},
		{"javascript link dropped", `<p><a href="javascript:void(0)">click</a> here</p>`, "click here"},
		{"obfuscated javascript link dropped", "<a href=\" java\nScript:alert(1)\">x</a>", "x"},
		{"link without href", `<a name="top">top</a>`, "top"},
		{"empty link dropped", `<p>a <a href="/x"> </a> b</p>`, "a b"},
		{"link spaces outside", `<p>a<a href="/x"> b </a>c</p>`, "a [b](https://news.example/x) c"},
		{"link parens escaped", `<a href="https://w.example/A_(b)">w</a>`, `[w](https://w.example/A_\(b\))`},
		{"link with space", `<a href="/a b">s</a>`, "[s](https://news.example/a%20b)"},
		{"link text escaped", `<a href="/x">[1]</a>`, `[\[1\]](https://news.example/x)`},
		{"nested link keeps outer", `<a href="/o">a <a href="/i">b</a></a>`, "[a](https://news.example/o) [b](https://news.example/i)"},
		{"link around blocks", `<a href="/card"><h3>Title</h3><p>Teaser</p></a>`, "[Title Teaser](https://news.example/card)"},
		{"image", `<img src="/i.jpg" alt="A [cat]">`, `![A \[cat\]](https://news.example/i.jpg)`},
		{"image data-src", `<img src="data:image/gif;base64,R0lGOD" data-src="big.jpg" alt="x">`, "![x](https://news.example/world/big.jpg)"},
		{"image srcset widest", `<img srcset="s.jpg 320w, l.jpg 1024w, m.jpg 640w">`, "![](https://news.example/world/l.jpg)"},
		{"image data-srcset", `<img data-srcset="a.jpg 1x, b.jpg 2x">`, "![](https://news.example/world/b.jpg)"},
		{"picture source", `<picture><source srcset="p.webp"><img alt="p"></picture>`, "![p](https://news.example/world/p.webp)"},
		{"image without source dropped", `<p>a <img alt="x"> b</p>`, "a b"},
		{"image in link", `<a href="/big"><img src="/s.jpg" alt="s"></a>`, "[![s](https://news.example/s.jpg)](https://news.example/big)"},
		{"unordered list", "<ul><li>a</li><li>b</li></ul>", "- a\n- b"},
		{"ordered list", "<ol><li>a</li><li>b</li></ol>", "1. a\n2. b"},
		{"ordered list start", `<ol start="9"><li>a</li><li>b</li></ol>`, "9. a\n10. b"},
		{"nested list", "<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>", "- a\n  - b\n    1. c\n- d"},
		{"list beside items", "<ul><li>a</li><ul><li>b</li></ul></ul>", "- a\n  - b"},
		{"loose list", "<ul><li><p>a</p><p>b</p></li><li>c</li></ul>", "- a\n\n  b\n\n- c"},
		{"empty items skipped", "<ul><li></li><li>a</li><li> </li></ul>", "- a"},
		{"list item escaped", "<ul><li>1. not a sublist</li></ul>", "- 1\\. not a sublist"},
		{"ordered not starting at 1 after text", `<ul><li>a<ol start="3"><li>b</li></ol></li></ul>`, "- a\n\n  3. b"},
		{"blockquote", "<blockquote><p>a</p><p>b</p></blockquote>", "> a\n>\n> b"},
		{"nested blockquote", "<blockquote>a<blockquote>b</blockquote></blockquote>", "> a\n>\n> > b"},
		{"list in blockquote", "<blockquote><ul><li>a</li></ul></blockquote>", "> - a"},
		{"table", "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>x|y</td></tr><tr><td>2</td></tr></tbody></table>",
			"| A | B |\n| --- | --- |\n| 1 | x\\|y |\n| 2 | |"},
		{"table colspan", "<table><tr><th colspan=2>AB</th><th>C</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>",
			"| AB | | C |\n| --- | --- | --- |\n| 1 | 2 | 3 |"},
		{"table cell blocks flattened", "<table><tr><td><p>a</p><p>b</p></td><td>c<br>d</td></tr><tr><td>e</td><td>f</td></tr></table>",
			"| a b | c d |\n| --- | --- |\n| e | f |"},
		{"table caption", "<table><caption>Votes</caption><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table>",
			"Votes\n\n| a | 1 |\n| --- | --- |\n| b | 2 |"},
		{"table too wide", "<table><tr><td colspan=5000>a</td></tr><tr><td>b</td><td>c</td></tr></table>", "a\n\nb\n\nc"},
		{"layout table", "<table><tr><td><p>Story one.</p><p>Story two.</p></td></tr></table>", "Story one.\n\nStory two."},
		{"escape specials", `<p>2*3 = [6] \ &lt;tag&gt; ~x~ ` + "`q`" + ` _u_ snake_case</p>`,
			"2\\*3 = \\[6\\] \\\\ \\<tag\\> \\~x\\~ \\`q\\` \\_u\\_ snake_case"},
		{"escape entity-like text", "<p>&amp;copy; and AT&amp;T</p>", `\&copy; and AT&T`},
		{"escape line start", "<p># not a heading</p><p>- not a list</p><p>+ no</p><p>1986. A year</p><p>2) b</p><p>&gt; not quote</p><p>===</p>",
			"\\# not a heading\n\n\\- not a list\n\n\\+ no\n\n1986\\. A year\n\n2\\) b\n\n\\> not quote\n\n\\==="},
		{"no escape mid line", "<p>a # b - c 1. d</p><p>#hashtag</p><p>-5 degrees</p>", "a # b - c 1. d\n\n#hashtag\n\n-5 degrees"},
		{"escape after line break", "<p>a<br># b</p>", "a\\\n\\# b"},
		{"scripts skipped", "<p>a<script>x()</script><style>p{}</style>b</p><noscript>n</noscript>", "ab"},
		{"span around blocks transparent", "<span><p>a</p><p>b</p></span>", "a\n\nb"},
		{"definition list", "<dl><dt>Term</dt><dd>Meaning</dd></dl>", "Term\n\nMeaning"},
		{"figure", `<figure><img src="/f.jpg" alt="f"><figcaption>Caption</figcaption></figure>`, "![f](https://news.example/f.jpg)\n\nCaption"},
		{"nbsp kept", "<p>a&nbsp;b</p>", "a\u00a0b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.in, base); got != tt.want {
				t.Errorf("Render(%q)\n got: %q\nwant: %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRenderNilBase(t *testing.T) {
	got := render(t, `<a href="/x">x</a> <img src="i.png">`, "")
	if want := "[x](/x) ![](i.png)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRenderNil(t *testing.T) {
	if got := Render(nil, nil); got != "" {
		t.Errorf("Render(nil) = %q, want empty", got)
	}
}

func TestRenderWholeDocument(t *testing.T) {
	doc, err := html.Parse(strings.NewReader("<title>T</title><p>Body</p>"))
	if err != nil {
		t.Fatal(err)
	}
	if got := Render(doc, nil); got != "Body" {
		t.Errorf("got %q, want %q (the title is not content)", got, "Body")
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"only space", " \n\t\n ", ""},
		{"lines are paragraphs", "One.\nTwo.\n\n\nThree.", "One.\n\nTwo.\n\nThree."},
		{"white space collapsed", "  a \t b  ", "a b"},
		{"markup escaped", "# not a heading\n1. not a list\na *b* [c](d) <e>", "\\# not a heading\n\n1\\. not a list\n\na \\*b\\* \\[c\\](d) \\<e\\>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q)\n got: %q\nwant: %q", tt.in, got, tt.want)
			}
		})
	}
}
