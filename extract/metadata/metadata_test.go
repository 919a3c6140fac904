package metadata

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden is Metadata as the golden files hold it: times in the record's
// format, so a zone change shows in the diff.
type golden struct {
	CanonicalURL, SiteName, Headline, Byline string
	Authors                                  []string
	Published, Modified                      string
	Lang, Description, Image                 string
	Tags                                     []string
	Section                                  string
	ArticleBody                              string
}

func toGolden(m Metadata) golden {
	return golden{
		CanonicalURL: m.CanonicalURL, SiteName: m.SiteName, Headline: m.Headline, Byline: m.Byline,
		Authors: m.Authors, Published: fmtTime(m.Published), Modified: fmtTime(m.Modified),
		Lang: m.Lang, Description: m.Description, Image: m.Image, Tags: m.Tags, Section: m.Section,
		ArticleBody: m.ArticleBody,
	}
}

// goldenPages are the fixtures and the URL each is read at (its
// country-code domain gives the zone of times printed without one).
var goldenPages = map[string]string{
	"jsonld-graph": "https://courier.example.co.uk/news/2025/04/18/tram-line?utm=x",
	"korean-cms":   "https://www.hanbit-news.example.kr/news/articleView.html?idxno=1234",
	"meta-only":    "https://www.nordkurier.example.de/wirtschaft/strom",
	"microdata":    "https://fieldnotes.example.com/2025/spring",
}

func TestGolden(t *testing.T) {
	for name, pageURL := range goldenPages {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			got := toGolden(Read(parse(t, string(src)), Options{URL: mustURL(t, pageURL), Now: refNow}))
			path := filepath.Join("testdata", name+".golden.json")
			if *update {
				b, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			var want golden
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if !reflect.DeepEqual(got, want) {
				g, _ := json.MarshalIndent(got, "", "  ")
				t.Errorf("Read(%s) differs from %s; got:\n%s", name, path, g)
			}
		})
	}
}

func TestReadCascade(t *testing.T) {
	tests := []struct {
		name  string
		html  string
		url   string // page URL, if any
		opts  Options
		check func(t *testing.T, m Metadata)
	}{
		{
			name: "JSON-LD beats meta tags",
			html: `<meta property="og:title" content="OG"><meta name="author" content="Meta Author">
				<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD","author":"LD Author"}</script>`,
			check: func(t *testing.T, m Metadata) {
				if m.Headline != "LD" || m.Byline != "LD Author" {
					t.Errorf("headline, byline = %q, %q; want LD, LD Author", m.Headline, m.Byline)
				}
			},
		},
		{
			name: "selectors win over heuristics",
			html: `<meta property="og:title" content="OG title"><meta name="author" content="Meta Author">
				<meta property="article:published_time" content="2020-01-01T00:00:00Z">
				<h1 class="real">Real Title</h1><span class="who">By Jane Doe</span><span class="when">18 April 2025</span>`,
			opts: Options{Headline: "h1.real", Byline: ".who", Published: ".when"},
			check: func(t *testing.T, m Metadata) {
				if m.Headline != "Real Title" || m.Byline != "Jane Doe" || fmtTime(m.Published) != "2025-04-18T00:00:00" {
					t.Errorf("got %q, %q, %q", m.Headline, m.Byline, fmtTime(m.Published))
				}
			},
		},
		{
			name: "a selector that matches nothing falls back",
			html: `<meta property="og:title" content="OG title">`,
			opts: Options{Headline: ".missing", Byline: "[[invalid"},
			check: func(t *testing.T, m Metadata) {
				if m.Headline != "OG title" {
					t.Errorf("headline = %q, want OG title", m.Headline)
				}
			},
		},
		{
			name: "unzoned time takes Options.Timezone over the ccTLD",
			html: `<meta property="article:published_time" content="2025-04-18T12:00:00">`,
			url:  "https://news.example.kr/a/1",
			opts: Options{Timezone: time.FixedZone("X", -3*3600)},
			check: func(t *testing.T, m Metadata) {
				if got := fmtTime(m.Published); got != "2025-04-18T12:00:00-03:00" {
					t.Errorf("published = %q", got)
				}
			},
		},
		{
			name: "unzoned time takes the ccTLD zone",
			html: `<meta property="article:published_time" content="2025-04-18T12:00:00">`,
			url:  "https://news.example.kr/a/1",
			check: func(t *testing.T, m Metadata) {
				if got := fmtTime(m.Published); got != "2025-04-18T12:00:00+09:00" {
					t.Errorf("published = %q", got)
				}
			},
		},
		{
			name: "unzoned time on a generic domain stays unzoned",
			html: `<meta property="article:published_time" content="2025-04-18T12:00:00">`,
			url:  "https://news.example.com/a/1",
			check: func(t *testing.T, m Metadata) {
				if m.Published.Zoned || fmtTime(m.Published) != "2025-04-18T12:00:00" {
					t.Errorf("published = %+v, want unzoned 12:00", m.Published)
				}
			},
		},
		{
			name: "URLs are made absolute, tags deduplicated, lang from og:locale",
			html: `<meta property="og:image" content="/i.jpg"><link rel="canonical" href="/a">
				<meta property="og:locale" content="pt_BR"><meta name="keywords" content="Rio, rio, Samba">
				<meta property="article:tag" content="Samba">`,
			url: "https://news.example.com/a/1",
			check: func(t *testing.T, m Metadata) {
				if m.Image != "https://news.example.com/i.jpg" || m.CanonicalURL != "https://news.example.com/a" {
					t.Errorf("image, canonical = %q, %q", m.Image, m.CanonicalURL)
				}
				if !reflect.DeepEqual(m.Tags, []string{"Rio", "Samba"}) {
					t.Errorf("tags = %q", m.Tags)
				}
				if m.Lang != "pt-BR" {
					t.Errorf("lang = %q", m.Lang)
				}
			},
		},
		{
			name: "a handle as JSON-LD author gives way to the printed byline",
			html: `<script type="application/ld+json">{"@type":"Article","headline":"Story Title Here","author":"jdoe42"}</script>
				<h1>Story Title Here</h1><p class="byline">By Jane Doe</p>`,
			check: func(t *testing.T, m Metadata) {
				if m.Byline != "Jane Doe" {
					t.Errorf("byline = %q, want Jane Doe", m.Byline)
				}
			},
		},
		{
			name: "the site as author gives way to the printed byline",
			html: `<meta property="og:site_name" content="Gadget Daily"><meta name="author" content="Gadget Daily">
				<h1>Story Title Here</h1><p><span class="author">Mike Wu and Mal Owen</span></p>`,
			check: func(t *testing.T, m Metadata) {
				if m.Byline != "Mike Wu and Mal Owen" || !reflect.DeepEqual(m.Authors, []string{"Mike Wu", "Mal Owen"}) {
					t.Errorf("byline, authors = %q, %q", m.Byline, m.Authors)
				}
			},
		},
		{
			name: "a person as JSON-LD author stays",
			html: `<script type="application/ld+json">{"@type":"Article","author":{"name":"Ann Lee"}}</script>
				<h1>Story Title Here</h1><p class="byline">By Someone Else</p>`,
			check: func(t *testing.T, m Metadata) {
				if m.Byline != "Ann Lee" {
					t.Errorf("byline = %q, want Ann Lee", m.Byline)
				}
			},
		},
		{
			name: "author URL in article:author is not a byline",
			html: `<meta property="article:author" content="https://facebook.com/someone"><h1>T</h1>`,
			check: func(t *testing.T, m Metadata) {
				if m.Byline != "" {
					t.Errorf("byline = %q, want none", m.Byline)
				}
			},
		},
		{
			name: "empty document",
			html: ``,
			check: func(t *testing.T, m Metadata) {
				if !reflect.DeepEqual(m, Metadata{}) {
					t.Errorf("Read(empty) = %+v, want zero", m)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Now = refNow
			if tt.url != "" {
				tt.opts.URL = mustURL(t, tt.url)
			}
			tt.check(t, Read(parse(t, tt.html), tt.opts))
		})
	}
}

func TestReadNilDocument(t *testing.T) {
	if m := Read(nil, Options{}); !reflect.DeepEqual(m, Metadata{}) {
		t.Errorf("Read(nil) = %+v", m)
	}
}

func TestReadDoesNotModify(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "korean-cms.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, string(src))
	before, _ := doc.Html()
	Read(doc, Options{Now: refNow})
	if after, _ := doc.Html(); after != before {
		t.Error("Read modified the document")
	}
}
