package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fuzzHangBound is how long one fuzz input may take before it counts as a
// hang: a detector of runaway loops, not a speed test (fuzz-sized inputs
// extract in milliseconds, so even a loaded machine stays far below it).
const fuzzHangBound = 20 * time.Second

// fuzzAllocPerByte and fuzzAllocBase bound the bytes one extraction may
// allocate: generous multiples of the input (DOM nodes, decoded text and
// the body's copies cost tens of bytes per input byte), so only runaway
// growth trips them.
const (
	fuzzAllocPerByte = 1000
	fuzzAllocBase    = 64 << 20
)

func FuzzExtract(f *testing.F) {
	f.Add([]byte(articlePage("")), "", "https://example.com/news/1")
	f.Add([]byte(articlePage(`<meta charset="gb2312">`)), "text/html; charset=euc-kr", "https://example.kr/a/1")
	f.Add([]byte(`<html><head><meta property="og:title" content="T"><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2025-04-18T12:59:55+09:00","author":{"name":"Kim"}}</script></head><body><p>Body text of the story.</p></body></html>`), "", "https://example.com/")
	f.Add([]byte(`<div class="byline">KO YONG-CHUL Reporter / Updated : 2025-04-18 12:59:55</div><div id="articleBody"><p>One.</p><h3>Two:</h3><p>Three.</p></div>`), "", "https://globaleconomictimes.kr/article/1")
	f.Add([]byte("<p>홍길동 기자 입력 2025.04.18 12:59</p><p>본문입니다.</p>"), "", "")
	f.Add([]byte(strings.Repeat("<div>", 600)+"<p>deep</p>"), "", "")
	f.Add([]byte("<table><tr><td><ul><li><a href='x'>link</a><blockquote>q</blockquote></ul></table><img src=/i.jpg><pre>code</pre>"), "", "https://example.com/a/b")
	f.Add([]byte("\x89PNG\r\n\x1a\n"), "image/png", "")
	f.Add([]byte(""), "", "")
	f.Add([]byte("<p>caf\xe9 cr\xe8me</p>"), "text/html; charset=bogus", "http://[::1]:80/%zz")
	f.Fuzz(func(t *testing.T, body []byte, contentType, pageURL string) {
		e := Extractor{Markdown: true}
		type result struct {
			a   *Article
			err error
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		done := make(chan result, 1)
		go func() {
			a, err := e.Extract(Page{URL: pageURL, Body: body, ContentType: contentType, FetchedAt: time.Date(2025, 4, 18, 12, 0, 0, 0, time.UTC)})
			done <- result{a, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(fuzzHangBound):
			t.Fatalf("extraction of %d bytes still running after %v", len(body), fuzzHangBound)
		}
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(len(body))*fuzzAllocPerByte+fuzzAllocBase {
			t.Errorf("extraction of %d bytes allocated %d bytes", len(body), alloc)
		}
		if r.err != nil {
			if errors.Is(r.err, errPanic) {
				t.Fatalf("extraction panicked: %v", r.err)
			}
			if r.a != nil {
				t.Error("an article returned with an error")
			}
			return
		}
		a := r.a
		if strings.TrimSpace(a.Body) == "" {
			t.Error("success with an empty body")
		}
		for name, s := range map[string]string{"body": a.Body, "headline": a.Headline, "byline": a.Byline, "markdown": a.Markdown} {
			if !utf8.ValidString(s) {
				t.Errorf("%s is not valid UTF-8", name)
			}
		}
		if sum := sha256.Sum256([]byte(a.Body)); a.ContentHash != hex.EncodeToString(sum[:]) {
			t.Error("content_hash is not the sha256 of body")
		}
		raw, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("marshalling the record: %v", err)
		}
		var back Article
		if err := json.Unmarshal(raw, &back); err != nil {
			t.Fatalf("reading back the record: %v", err)
		}
		if back.Body != a.Body || back.Headline != a.Headline || back.Published.String() != a.Published.String() {
			t.Error("the JSON record does not round-trip")
		}
	})
}
