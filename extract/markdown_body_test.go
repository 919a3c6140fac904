package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestMarkdownMatchesBody checks, on every dev-corpus page, that the
// Markdown holds the same article as the Body: the same word tokens in the
// same order once markup is stripped (mdText), the words of image alt
// text set apart. Alt text is the one thing allowed to differ, because
// Body is visible text only; so the test is strict: the Markdown's tokens
// without image alt text equal the Body's tokens exactly, on every page.
func TestMarkdownMatchesBody(t *testing.T) {
	dir := filepath.Join(sharedDataDir(t), "corpus", "dev", "html")
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(pages) == 0 {
		t.Skipf("no pages in %s: the dev corpus must sit at ../shared/corpus/dev beside the module root", dir)
	}
	e := Extractor{Markdown: true}
	var checked, altWords int
	for _, p := range pages {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(p)
		a, err := e.Extract(Page{URL: "https://example.com/news/" + name, Body: raw})
		if err != nil {
			continue // pages without an article have neither
		}
		checked++
		text, alt := mdText(a.Markdown)
		altWords += len(tokens(alt))
		body, md := tokens(a.Body), tokens(text)
		if !slices.Equal(body, md) {
			i := 0
			for i < len(body) && i < len(md) && body[i] == md[i] {
				i++
			}
			t.Errorf("%s: Markdown words differ from Body's at word %d of %d/%d:\n body: %s\n   md: %s",
				name, i, len(body), len(md), around(body, i), around(md, i))
		}
	}
	if checked == 0 {
		t.Fatalf("no corpus page rendered Markdown")
	}
	t.Logf("%d pages: Markdown words equal Body words; %d words of image alt text set apart", checked, altWords)
}

// TestMarkdownFallback checks that an article whose text comes from
// JSON-LD's articleBody (the markup held none) gets that text as
// Markdown, not an empty Markdown beside a full Body.
func TestMarkdownFallback(t *testing.T) {
	page := `<html><head><script type="application/ld+json">
	{"@type": "NewsArticle", "headline": "Harbour reopens",
	 "articleBody": "The harbour reopened on Monday.\n* Deeper channel, new berths."}
	</script></head><body><div><a href="/">Home</a></div></body></html>`
	e := Extractor{Markdown: true}
	a, err := e.Extract(Page{URL: "https://example.com/harbour", Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Body, "The harbour reopened") {
		t.Fatalf("Body = %q, want the articleBody", a.Body)
	}
	want := "The harbour reopened on Monday.\n\n\\* Deeper channel, new berths."
	if a.Markdown != want {
		t.Errorf("Markdown = %q, want %q", a.Markdown, want)
	}
}

// around shows the tokens near i.
func around(toks []string, i int) string {
	lo, hi := max(i-5, 0), min(i+6, len(toks))
	return strings.Join(toks[lo:hi], " ")
}

// tokens are the runs of letters, digits and underscores of s, as
// countWords and the evaluation count them.
func tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '_'
	})
}

// mdText strips the Markdown that markdown.Render writes down to its
// text, and returns the alt text of its images apart. Stripped: fences
// and their info string, list markers ("- ", "N. "), "> " quote marks,
// heading marks and table pipes (punctuation, no tokens anyway), emphasis and strikethrough marks (which may sit inside a
// word), backslash escapes and hard breaks, link and image destinations.
// Code spans and fenced code are kept as written.
func mdText(md string) (text, alt string) {
	var b, a strings.Builder
	fence := ""
	for _, ln := range strings.Split(md, "\n") {
		body := strings.TrimLeft(ln, " >")
		if fence != "" {
			if strings.HasPrefix(body, fence) && strings.Trim(body, "`") == "" {
				fence = ""
			} else {
				b.WriteString(ln)
			}
			b.WriteByte('\n')
			continue
		}
		if strings.HasPrefix(body, "```") {
			fence = body[:len(body)-len(strings.TrimLeft(body, "`"))]
			b.WriteByte('\n') // the info string (language) is markup
			continue
		}
		inlineText(&b, &a, listMarker(body))
		b.WriteByte('\n')
	}
	return b.String(), a.String()
}

// listMarker strips an item marker ("- ", "12. ") from the start of ln.
func listMarker(ln string) string {
	if strings.HasPrefix(ln, "- ") {
		return ln[2:]
	}
	i := 0
	for i < len(ln) && '0' <= ln[i] && ln[i] <= '9' {
		i++
	}
	if i > 0 && strings.HasPrefix(ln[i:], ". ") {
		return ln[i+2:]
	}
	return ln
}

// inlineText writes the text of one line of inline Markdown to b and the
// alt text of its images to alt.
func inlineText(b, alt *strings.Builder, s string) {
	out := b
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			i++
			out.WriteByte(s[i])
		case c == '\\': // a hard break at the end of the line
		case c == '`':
			n := 1
			for i+n < len(s) && s[i+n] == '`' {
				n++
			}
			fence := s[i : i+n]
			end := strings.Index(s[i+n:], fence)
			if end < 0 {
				i += n - 1
				continue
			}
			out.WriteString(s[i+n : i+n+end])
			i += n + end + n - 1
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			out = alt // an image's alt text, until its "]"
			out.WriteByte(' ')
			i++
		case c == ']' && i+1 < len(s) && s[i+1] == '(':
			i = skipDestination(s, i+2)
			out = b
		case c == '[', c == '*', c == '~':
			// Markup: Render escapes these characters in text, and
			// emphasis may sit inside a word ("tre*k*").
		default:
			out.WriteByte(c)
		}
	}
}

// skipDestination returns the index of the ")" closing the destination
// that starts at i; Render escapes the parentheses inside it.
func skipDestination(s string, i int) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ')':
			return i
		}
	}
	return len(s)
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}
