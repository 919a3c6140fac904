package markdown

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzRender renders arbitrary HTML and checks the output's invariants:
// no panic, no surrounding white space, no script links and, outside code
// blocks, never more than one blank line.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"<p>a <em>b</em></p>", "<ul><li>a<ol><li>b</li></ol></li></ul>", "<pre>```x```</pre>",
		"<table><tr><td>a|b</td><td colspan=99999>c</td></tr><tr><td>d</td></tr></table>",
		`<a href="javascript:x">j</a><img data-srcset="a 1x, b 2x">`, "<blockquote><h1>#</h1></blockquote>",
		"<p>1. a<br><br>- b</p>", "<code>``</code><del><s>x</s></del>", "<a href=%zz>bad</a>",
	} {
		f.Add(s)
	}
	base, _ := url.Parse("https://example.com/a/b")
	f.Fuzz(func(t *testing.T, in string) {
		doc, err := html.Parse(strings.NewReader(in))
		if err != nil {
			return
		}
		out := Render(doc, base)
		if out != strings.Trim(out, " \t\n\r\f") { // HTML's white space; \v is text
			t.Errorf("output has surrounding white space: %q", out)
		}
		if strings.Contains(strings.ToLower(out), "](javascript:") {
			t.Errorf("javascript: link in output: %q", out)
		}
		if !strings.Contains(out, "```") && strings.Contains(out, "\n\n\n") {
			t.Errorf("more than one blank line between blocks: %q", out)
		}
	})
}

// FuzzText renders arbitrary plain text: no panic, no surrounding white
// space, paragraphs separated by exactly one blank line, and the same
// words as the input once the escapes are taken out.
func FuzzText(f *testing.F) {
	for _, s := range []string{"a\nb", "# h\n\n- x\n1. y", "a *b* [c](d) <e> &amp; \\ ` ~ _x_", " \n\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Text(in)
		if out != strings.Trim(out, " \t\n\r\f") {
			t.Errorf("output has surrounding white space: %q", out)
		}
		if strings.Contains(out, "\n\n\n") {
			t.Errorf("more than one blank line between paragraphs: %q", out)
		}
		if got, want := strings.Fields(unescape(out)), strings.Fields(in); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("Text(%q) = %q: words %q, want %q", in, out, got, want)
		}
	})
}

// unescape takes out the backslashes escapeText and paragraph put before
// ASCII punctuation.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
