package discover

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// urls returns the URLs of entries, in order.
func urls(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.URL)
	}
	return out
}

func TestParseSitemapRules(t *testing.T) {
	const head = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">`
	tests := []struct {
		name      string
		body      string
		wantURLs  []string
		wantTitle string    // of the first page
		wantMod   time.Time // of the first page
	}{
		{"image loc is not the page",
			head + `<url><image:image><image:loc>https://img.example/a.jpg</image:loc></image:image><loc>https://p.example/a</loc></url></urlset>`,
			[]string{"https://p.example/a"}, "", time.Time{}},
		{"image title is not the page title",
			head + `<url><loc>https://p.example/a</loc><image:image><image:title>img</image:title></image:image></url></urlset>`,
			[]string{"https://p.example/a"}, "", time.Time{}},
		{"lastmod beats publication_date",
			head + `<url><loc>https://p.example/a</loc><news:news><news:publication_date>2026-01-01</news:publication_date></news:news><lastmod>2026-02-02</lastmod></url></urlset>`,
			[]string{"https://p.example/a"}, "", time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)},
		{"publication_date when no lastmod",
			head + `<url><loc>https://p.example/a</loc><news:news><news:publication_date>2026-01-01T10:00:00+02:00</news:publication_date><news:title> T </news:title></news:news></url></urlset>`,
			[]string{"https://p.example/a"}, "T", time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)},
		{"first loc wins",
			head + `<url><loc>https://p.example/1</loc><loc>https://p.example/2</loc></url></urlset>`,
			[]string{"https://p.example/1"}, "", time.Time{}},
		{"url without loc skipped, order kept",
			head + `<url><loc>https://p.example/b</loc></url><url><lastmod>2026-01-01</lastmod></url><url><loc>https://p.example/a</loc></url></urlset>`,
			[]string{"https://p.example/b", "https://p.example/a"}, "", time.Time{}},
		{"sitemap elements in a urlset ignored",
			head + `<sitemap><loc>https://p.example/child.xml</loc></sitemap><url><loc>https://p.example/a</loc></url></urlset>`,
			[]string{"https://p.example/a"}, "", time.Time{}},
		{"uppercase root accepted",
			`<URLSET><url><loc>https://p.example/a</loc></url></URLSET>`,
			[]string{"https://p.example/a"}, "", time.Time{}},
		{"duplicates kept as listed",
			head + `<url><loc>https://p.example/a</loc></url><url><loc>https://p.example/a</loc></url></urlset>`,
			[]string{"https://p.example/a", "https://p.example/a"}, "", time.Time{}},
		{"empty urlset", head + `</urlset>`, nil, "", time.Time{}},
		{"unclosed url closed by </urlset>",
			head + `<url><loc>https://p.example/a</loc></urlset>`,
			[]string{"https://p.example/a"}, "", time.Time{}},
		{"stray end tags ignored",
			head + `</foo><url><loc>https://p.example/a</loc></bar></url></urlset>`,
			[]string{"https://p.example/a"}, "", time.Time{}},
		{"content after the root ignored",
			head + `<url><loc>https://p.example/a</loc></url></urlset><urlset><url><loc>https://p.example/b</loc></url></urlset>`,
			[]string{"https://p.example/a"}, "", time.Time{}},
		{"leading white space before declaration",
			"\n\n  <?xml version=\"1.0\"?><urlset><url><loc>https://p.example/a</loc></url></urlset>",
			[]string{"https://p.example/a"}, "", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, sitemaps, err := ParseSitemap([]byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if len(sitemaps) != 0 {
				t.Errorf("sitemaps = %q, want none from a urlset", sitemaps)
			}
			if got := urls(pages); fmt.Sprint(got) != fmt.Sprint(tt.wantURLs) {
				t.Fatalf("URLs = %q, want %q", got, tt.wantURLs)
			}
			if len(pages) > 0 {
				if pages[0].Title != tt.wantTitle {
					t.Errorf("Title = %q, want %q", pages[0].Title, tt.wantTitle)
				}
				if !pages[0].Modified.Equal(tt.wantMod) {
					t.Errorf("Modified = %v, want %v", pages[0].Modified, tt.wantMod)
				}
			}
		})
	}
}

func TestParseSitemapIndex(t *testing.T) {
	body := `<sitemapindex><sitemap><loc> https://p.example/a.xml </loc></sitemap><url><loc>https://p.example/page</loc></url><sitemap><loc>https://p.example/b.xml.gz</loc></sitemap></sitemapindex>`
	pages, sitemaps, err := ParseSitemap([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 0 {
		t.Errorf("pages = %v, want none from an index", pages)
	}
	if want := "[https://p.example/a.xml https://p.example/b.xml.gz]"; fmt.Sprint(sitemaps) != want {
		t.Errorf("sitemaps = %q, want %s", sitemaps, want)
	}
}

func TestParseSitemapErrors(t *testing.T) {
	tests := []struct{ name, body, problem string }{
		{"html", "<!DOCTYPE html><html><body></body></html>", "HTML page"},
		{"html after comment", "<!-- x --><html><body></body></html>", "HTML page"},
		{"rss", `<rss version="2.0"><channel/></rss>`, "feed (root <rss>)"},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"/>`, "feed (root <feed>)"},
		{"other xml", `<?xml version="1.0"?><opml/>`, "root element <opml> is not <urlset> or <sitemapindex>"},
		{"empty", "", "body is empty"},
		{"only bom", "\ufeff", "body is empty"},
		{"json", `{"urls": []}`, "line 1"},
		{"truncated in text", `<urlset><url><loc>https://a.example/</loc></url><url><loc>https://b.exa`, "ends inside <loc> (truncated?)"},
		{"truncated in tag", `<urlset><url><loc>https://a.example/</loc></url><url><lo`, "unexpected EOF"},
		{"truncated between tags", `<urlset><url><loc>https://a.example/</loc></url>`, "ends inside <urlset>"},
		{"garbage after lt", "<<<>>>", "not XML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseSitemap([]byte(tt.body))
			if err == nil || !strings.Contains(err.Error(), tt.problem) || !strings.HasPrefix(err.Error(), "sitemap: ") {
				t.Errorf("ParseSitemap(%q) err = %v, want it to say %q", tt.body, err, tt.problem)
			}
		})
	}
}

func TestParseSitemapLarge(t *testing.T) {
	const n = 50000 // the sitemaps.org maximum per file
	bodies := [][]byte{bigSitemap(n)}
	if !testing.Short() {
		bodies = append(bodies, gzipped(t, bodies[0]))
	}
	for _, b := range bodies {
		pages, _, err := ParseSitemap(b)
		if err != nil {
			t.Fatal(err)
		}
		if len(pages) != n {
			t.Fatalf("got %d pages, want %d", len(pages), n)
		}
		for _, i := range []int{0, 1, n / 2, n - 1} {
			if want := fmt.Sprintf("https://big.example.com/news/%d/story-%d.html", i%365, i); pages[i].URL != want {
				t.Errorf("pages[%d].URL = %q, want %q", i, pages[i].URL, want)
			}
			if pages[i].Modified.IsZero() {
				t.Errorf("pages[%d].Modified is zero", i)
			}
		}
	}
}

// bigSitemap returns a urlset of n Google News entries.
func bigSitemap(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">` + "\n")
	for i := range n {
		fmt.Fprintf(&b, "  <url>\n    <loc>https://big.example.com/news/%d/story-%d.html</loc>\n    <lastmod>2026-11-%02dT%02d:%02d:00+00:00</lastmod>\n"+
			"    <news:news><news:publication><news:name>Big</news:name><news:language>en</news:language></news:publication>"+
			"<news:publication_date>2026-11-%02dT10:00:00Z</news:publication_date><news:title>Story number %d</news:title></news:news>\n  </url>\n",
			i%365, i, i%28+1, i%24, i%60, i%28+1, i)
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}

func TestParseFeedRules(t *testing.T) {
	const rss = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>`
	const atom = `<feed xmlns="http://www.w3.org/2005/Atom">`
	tests := []struct {
		name     string
		body     string
		wantURLs []string
	}{
		{"link beats guid", rss + `<item><guid>https://f.example/guid</guid><link>https://f.example/link</link></item></channel></rss>`,
			[]string{"https://f.example/link"}},
		{"guid permalink used without link", rss + `<item><guid isPermaLink="true">https://f.example/guid</guid></item></channel></rss>`,
			[]string{"https://f.example/guid"}},
		{"guid isPermaLink=false not used", rss + `<item><guid isPermaLink="false">https://f.example/guid</guid></item></channel></rss>`,
			nil},
		{"guid that is not a URL not used", rss + `<item><guid>urn:uuid:1234</guid></item></channel></rss>`,
			nil},
		{"origLink beats link", rss + `<item><feedburner:origLink>https://f.example/orig</feedburner:origLink><link>https://fb.example/r</link></item></channel></rss>`,
			[]string{"https://f.example/orig"}},
		{"channel link is not an item", rss + `<link>https://f.example/</link><item><link>https://f.example/1</link></item></channel></rss>`,
			[]string{"https://f.example/1"}},
		{"empty link skipped", rss + `<item><link>  </link></item><item><link>https://f.example/2</link></item></channel></rss>`,
			[]string{"https://f.example/2"}},
		{"atom alternate beats earlier self", atom + `<entry><link rel="self" href="https://f.example/self"/><link rel="alternate" href="https://f.example/alt"/></entry></feed>`,
			[]string{"https://f.example/alt"}},
		{"atom link without rel is alternate", atom + `<entry><link rel="edit" href="https://f.example/edit"/><link href="https://f.example/page"/></entry></feed>`,
			[]string{"https://f.example/page"}},
		{"atom first link when no alternate", atom + `<entry><link rel="related" href="https://f.example/rel"/><link rel="via" href="https://f.example/via"/></entry></feed>`,
			[]string{"https://f.example/rel"}},
		{"atom first html alternate kept", atom + `<entry><link href="https://f.example/1"/><link href="https://f.example/2"/></entry></feed>`,
			[]string{"https://f.example/1"}},
		{"atom entry without link skipped", atom + `<entry><id>x</id></entry><entry><link href="https://f.example/b"/></entry></feed>`,
			[]string{"https://f.example/b"}},
		{"atom nested source link ignored", atom + `<entry><source><link href="https://other.example/"/></source><link href="https://f.example/e"/></entry></feed>`,
			[]string{"https://f.example/e"}},
		{"rdf about when no link", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item rdf:about="https://f.example/about"><title>t</title></item></rdf:RDF>`,
			[]string{"https://f.example/about"}},
		{"rss items directly under rss", `<rss><item><link>https://f.example/x</link></item></rss>`,
			[]string{"https://f.example/x"}},
		{"unescaped html void elements closed", rss + `<item><title>t</title><img src="x.jpg"><description>a<br>b<hr></description><link>https://f.example/after-img</link></item></channel></rss>`,
			[]string{"https://f.example/after-img"}},
		{"unescaped html with unclosed p", rss + `<item><description><p>text</description><link>https://f.example/after-p</link></item></channel></rss>`,
			[]string{"https://f.example/after-p"}},
		{"nested item element ignored", rss + `<item><link>https://f.example/outer</link><foo><item><link>https://f.example/inner</link></item></foo></item></channel></rss>`,
			[]string{"https://f.example/outer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFeed([]byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(urls(got)) != fmt.Sprint(tt.wantURLs) {
				t.Errorf("URLs = %q, want %q", urls(got), tt.wantURLs)
			}
		})
	}
}

func TestParseFeedDatesAndTitles(t *testing.T) {
	body := `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<entry><link href="https://f.example/1"/><published>2026-01-01T00:00:00Z</published><updated>2026-01-02T00:00:00Z</updated><title>Updated wins</title></entry>
<entry><link href="https://f.example/2"/><updated>2026-01-03T00:00:00Z</updated><published>2026-01-01T00:00:00Z</published><title>Updated wins, either order</title></entry>
<entry><link href="https://f.example/3"/><published>2026-01-04T00:00:00Z</published><media:title>media</media:title><title>Core title beats earlier media:title</title></entry>
<entry><link href="https://f.example/4"/><updated>not a date</updated><published>2026-01-05T00:00:00Z</published><title type="html">A &amp;lt;b&amp;gt; &lt;i&gt;B&lt;/i&gt;</title></entry>
</feed>`
	got, err := ParseFeed([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		day   int
		title string
	}{{2, "Updated wins"}, {3, "Updated wins, either order"}, {4, "Core title beats earlier media:title"}, {5, "A <b> B"}}
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		if d := time.Date(2026, 1, w.day, 0, 0, 0, 0, time.UTC); !got[i].Modified.Equal(d) {
			t.Errorf("entry %d Modified = %v, want %v", i, got[i].Modified, d)
		}
		if got[i].Title != w.title {
			t.Errorf("entry %d Title = %q, want %q", i, got[i].Title, w.title)
		}
	}
}

func TestParseFeedErrors(t *testing.T) {
	tests := []struct{ name, body, problem string }{
		{"html", "<!doctype html><html></html>", "HTML page"},
		{"sitemap", `<urlset><url><loc>https://a.example/</loc></url></urlset>`, "sitemap (root <urlset>)"},
		{"index", `<sitemapindex/>`, "sitemap (root <sitemapindex>)"},
		{"other", `<opml/>`, "root element <opml>"},
		{"empty", " \n ", "body is empty"},
		{"not xml", "hello", "not XML"},
		{"truncated", `<rss><channel><item><link>https://a.example/</link></item><item><link>https://b`, "ends inside <link> (truncated?)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFeed([]byte(tt.body))
			if err == nil || !strings.Contains(err.Error(), tt.problem) || !strings.HasPrefix(err.Error(), "feed: ") {
				t.Errorf("ParseFeed(%q) err = %v, want it to say %q", tt.body, err, tt.problem)
			}
		})
	}
}

func TestParseFeedTruncatedKeepsEntries(t *testing.T) {
	got, err := ParseFeed([]byte(`<rss><channel><item><link>https://a.example/</link></item><item><link>https://b`))
	if err == nil {
		t.Fatal("want an error for a truncated feed")
	}
	if fmt.Sprint(urls(got)) != "[https://a.example/]" {
		t.Errorf("entries before the break = %q, want [https://a.example/]", urls(got))
	}
}
