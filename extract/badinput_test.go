package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/korean"
)

// articleParagraphs is the text of a small but real-looking article.
var articleParagraphs = []string{
	"The city council approved the new budget on Tuesday after a debate that lasted well into the night, with members arguing over funding for schools and public transport.",
	"Supporters said the plan would repair ageing bridges and extend bus services to the outer districts, where residents have long complained of poor connections to the centre.",
	"Opponents warned that the higher spending would require a rise in local taxes next year, and several members said they would seek to amend the plan before the final vote.",
	"The mayor is expected to sign the budget later this week, and the first contracts for the bridge repairs could be awarded before the end of the summer.",
}

// articlePage builds a page around the paragraphs, with head extra.
func articlePage(head string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head>" + head + "<title>Council approves budget</title></head><body>")
	b.WriteString(`<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>`)
	b.WriteString("<article><h1>Council approves budget</h1>")
	for _, p := range articleParagraphs {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString("</article><footer>Contact us</footer></body></html>")
	return b.String()
}

func TestExtractEmpty(t *testing.T) {
	for _, body := range []string{"", " ", "\n\t\r\n  "} {
		_, err := Extract([]byte(body), "https://example.com/a")
		if !errors.Is(err, ErrEmpty) {
			t.Errorf("Extract(%q): err = %v, want ErrEmpty", body, err)
		}
	}
}

func TestExtractBinary(t *testing.T) {
	tests := []struct {
		name string
		body []byte
		want string // in the error
	}{
		{"png", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 0xff, 3}, 300)...), "PNG image"},
		{"jpeg", append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), bytes.Repeat([]byte{7, 0, 200}, 300)...), "JPEG image"},
		{"pdf", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "PDF document"},
		{"gzip not decompressed", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03<html>"), "gzip"},
		{"nul-laden data", bytes.Repeat([]byte{0, 1, 0, 0, 2, 9, 0}, 1000), "NUL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(tt.body, "https://example.com/file")
			if !errors.Is(err, ErrNotHTML) {
				t.Fatalf("err = %v, want ErrNotHTML", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %q, want it to say %q", err, tt.want)
			}
		})
	}
}

func TestExtractTooLarge(t *testing.T) {
	page := []byte(articlePage(""))
	e := Extractor{MaxBytes: int64(len(page)) - 1}
	_, err := e.Extract(Page{URL: "https://example.com/a", Body: page})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	for _, want := range []string{fmt.Sprint(len(page)), fmt.Sprint(len(page) - 1)} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %q, want the size and the limit (%s) in it", err, want)
		}
	}

	e.MaxBytes = int64(len(page))
	if _, err := e.Extract(Page{URL: "https://example.com/a", Body: page}); err != nil {
		t.Errorf("page exactly at the cap: %v", err)
	}

	huge := append([]byte(articlePage("")), bytes.Repeat([]byte("<!-- padding -->"), DefaultMaxBytes/16+1)...)
	if _, err := Extract(huge, "https://example.com/a"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("zero Extractor on %d bytes: err = %v, want ErrTooLarge", len(huge), err)
	}
}

func TestExtractDeeplyNested(t *testing.T) {
	const depth = 100000
	tests := []struct{ name, open, close string }{
		{"div", "<div>", "</div>"},
		{"span", "<span>", "</span>"},
		{"formatting", "<b>", "</b>"},
		{"lists", "<ul><li>", "</li></ul>"},
		{"self-closing div", "<div/>", ""},
		{"unclosed font", "<font size=2>", ""},
		{"tables", "<table><tr><td>", "</td></tr></table>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("<html><head><title>Council approves budget</title></head><body>")
			b.WriteString(strings.Repeat(tt.open, depth))
			b.WriteString("<article><h1>Council approves budget</h1>")
			for _, p := range articleParagraphs {
				b.WriteString("<p>" + p + "</p>")
			}
			b.WriteString("</article>")
			b.WriteString(strings.Repeat(tt.close, depth))
			b.WriteString("</body></html>")
			a, err := Extract([]byte(b.String()), "https://example.com/news/budget")
			if err != nil {
				t.Fatalf("%d nested %s: %v", depth, tt.open, err)
			}
			for _, p := range articleParagraphs {
				if !strings.Contains(a.Body, p) {
					t.Errorf("body lacks paragraph %.40q...", p)
				}
			}
		})
	}
}

func TestFlattenDeepKeepsText(t *testing.T) {
	in := strings.Repeat("<div>", 10) + "<p>one</p><p>two<script>if (a<b) x()</script></p>" + strings.Repeat("</div>", 10) + "<p>after</p>"
	out, dropped := flattenDeep([]byte(in), 4)
	if dropped != 6 {
		t.Errorf("dropped %d elements, want 6", dropped)
	}
	want := strings.Repeat("<div>", 4) + "<p>one</p><p>two<script>if (a<b) x()</script></p>" + strings.Repeat("</div>", 4) + "<p>after</p>"
	if string(out) != want {
		t.Errorf("flattenDeep =\n%s\nwant\n%s", out, want)
	}
}

func TestExtractWrongOrUnknownCharset(t *testing.T) {
	korText := "은평구청장은 평생학습 도시 정책을 소개했다고 밝혔다. 이번 총회에는 여러 나라의 학습도시 대표들이 참석해 지속가능발전목표와 포용적 교육에 대해 논의했다."
	korPage := func(meta string) string {
		return "<html><head>" + meta + "<title>평생학습</title></head><body><article><h1>평생학습 도시</h1><p>" +
			korText + "</p><p>" + korText + "</p></article></body></html>"
	}
	eucKR := func(s string) []byte {
		b, err := korean.EUCKR.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name        string
		body        []byte
		contentType string
		want        string
	}{
		{"utf-8 page declared gb2312", []byte(articlePage(`<meta charset="gb2312">`)), "", articleParagraphs[0]},
		{"utf-8 korean declared euc-kr", []byte(korPage(`<meta charset="euc-kr">`)), "", korText},
		{"utf-8 korean, header says euc-kr", []byte(korPage("")), "text/html; charset=EUC-KR", korText},
		{"euc-kr page declared utf-8", eucKR(korPage(`<meta charset="utf-8">`)), "", korText},
		{"euc-kr page, header says utf-8", eucKR(korPage("")), "text/html; charset=utf-8", korText},
		{"unknown charset, utf-8 bytes", []byte(korPage(`<meta charset="x-klingon-7">`)), "", korText},
		{"unknown charset, euc-kr bytes", eucKR(korPage(`<meta http-equiv="Content-Type" content="text/html; charset=bogus">`)), "", korText},
		{"unknown header charset", []byte(articlePage("")), "text/html; charset=nonsense", articleParagraphs[1]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e Extractor
			a, err := e.Extract(Page{URL: "https://example.kr/a/1", Body: tt.body, ContentType: tt.contentType})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if !strings.Contains(a.Body, tt.want) {
				t.Errorf("body %.120q lacks %.60q", a.Body, tt.want)
			}
		})
	}
}

func TestExtractNoArticle(t *testing.T) {
	pages := map[string]string{
		"empty body":    "<html><head><title>Nothing</title></head><body></body></html>",
		"only a script": "<html><body><script>var x = 'lots of script text that is not an article';</script></body></html>",
		"only comments": "<html><body><!-- a comment --><!-- another --></body></html>",
		"bare text tag": "<html><body><div></div><span> </span></body></html>",
		"links only": `<html><head><title>Sections</title></head><body><header><a href="/">Home</a></header>
<nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sports">Sports</a></li></ul></nav>
<ul class="list"><li><a href="/a/1">Council approves budget</a></li><li><a href="/a/2">Bridge repairs to start</a></li></ul>
<footer><a href="/about">About</a> <a href="/contact">Contact</a></footer></body></html>`,
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			_, err := Extract([]byte(page), "https://example.com/")
			if !errors.Is(err, ErrNoArticle) {
				t.Fatalf("err = %v, want ErrNoArticle", err)
			}
			if !strings.Contains(err.Error(), "no article content") {
				t.Errorf("err = %q does not say there is no article content", err)
			}
		})
	}
}
