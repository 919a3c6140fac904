package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/PuerkitoBio/goquery"

	"github.com/lede-news/lede/extract/charset"
	"github.com/lede-news/lede/extract/content"
	"github.com/lede-news/lede/extract/markdown"
	"github.com/lede-news/lede/extract/metadata"
)

// DefaultMaxBytes caps the size of a page the zero Extractor accepts:
// news pages are rarely above 2 MiB, and 10 MiB keeps a hostile page from
// exhausting memory while leaving room for inlined scripts and images.
const DefaultMaxBytes = 10 << 20

// Errors an extraction can end with. They are wrapped with the input's
// details; test for them with errors.Is.
var (
	// ErrEmpty means the page had no bytes.
	ErrEmpty = errors.New("empty page")
	// ErrTooLarge means the page was over the Extractor's MaxBytes.
	ErrTooLarge = errors.New("page over the size cap")
	// ErrNotHTML means the bytes are binary, not an HTML document.
	ErrNotHTML = charset.ErrBinary
	// ErrNoArticle means the page parsed but holds no article content.
	ErrNoArticle = errors.New("no article content")

	// errPanic marks a panic in a stage, recovered and turned into the
	// page's error; tests look for it.
	errPanic = errors.New("internal error (recovered panic)")
)

// Selectors are per-site CSS selector overrides that pin what the
// heuristics miss. An empty selector leaves that part to the heuristics.
type Selectors struct {
	Headline  string   `mapstructure:"headline" json:"headline,omitempty" yaml:"headline,omitempty"`
	Byline    string   `mapstructure:"byline" json:"byline,omitempty" yaml:"byline,omitempty"`
	Published string   `mapstructure:"published" json:"published,omitempty" yaml:"published,omitempty"`
	Body      string   `mapstructure:"body" json:"body,omitempty" yaml:"body,omitempty"`
	Remove    []string `mapstructure:"remove" json:"remove,omitempty" yaml:"remove,omitempty"`
}

// Page is one fetched page: its bytes and what the fetch said of them.
type Page struct {
	URL         string    // the page URL; resolves relative links, names the site's country
	Source      string    // the input as given, copied to Article.Source
	ContentType string    // the HTTP Content-Type header, if any
	Body        []byte    // the raw bytes, in any charset
	FetchedAt   time.Time // reference for relative dates ("3 hours ago"); zero means now
}

// Extractor turns article pages into Articles. The zero value is ready to
// use: heuristics only, zones from the page's country-code domain, no
// Markdown, DefaultMaxBytes.
type Extractor struct {
	// Timezone is the site's zone, given to times printed without one.
	Timezone *time.Location
	// Selectors override the heuristics for this site.
	Selectors Selectors
	// Markdown asks for Article.Markdown to be rendered.
	Markdown bool
	// MaxBytes caps the page size; 0 means DefaultMaxBytes.
	MaxBytes int64
}

// Extract extracts the article from one page.
func Extract(body []byte, pageURL string) (*Article, error) {
	var e Extractor
	return e.Extract(Page{URL: pageURL, Body: body})
}

// Extract extracts the article from p. The error names the problem; it
// wraps ErrEmpty, ErrTooLarge, ErrNotHTML or ErrNoArticle where one applies.
func (e *Extractor) Extract(p Page) (art *Article, err error) {
	// A crawl must never die on one page: a panic in any stage becomes
	// this page's error.
	defer func() {
		if r := recover(); r != nil {
			art, err = nil, fmt.Errorf("extracting %s: %w: %v", pageName(p), errPanic, r)
		}
	}()
	limit := e.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	switch {
	case len(bytes.TrimSpace(p.Body)) == 0:
		return nil, ErrEmpty
	case int64(len(p.Body)) > limit:
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(p.Body), limit)
	}
	text, _, err := charset.Decode(p.Body, p.ContentType)
	if err != nil {
		return nil, fmt.Errorf("decoding: %w", err)
	}
	root, err := parseHTML(text)
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	doc := goquery.NewDocumentFromNode(root)
	var base *url.URL
	if p.URL != "" {
		base, err = url.Parse(p.URL)
		if err != nil {
			return nil, fmt.Errorf("page URL %q: %w", p.URL, err)
		}
	}
	now := p.FetchedAt
	if now.IsZero() {
		now = time.Now()
	}
	md := metadata.Read(doc, metadata.Options{
		URL: base, Timezone: e.Timezone, Now: now,
		Headline: e.Selectors.Headline, Byline: e.Selectors.Byline, Published: e.Selectors.Published,
	})
	res := content.Extract(doc, content.Options{
		Body: e.Selectors.Body, Remove: e.Selectors.Remove,
		Headline: md.Headline, ArticleBody: md.ArticleBody,
	})
	if strings.TrimSpace(res.Text) == "" {
		return nil, ErrNoArticle
	}
	a := &Article{
		URL: p.URL, CanonicalURL: md.CanonicalURL, Source: p.Source, SiteName: md.SiteName,
		Headline: md.Headline, Byline: md.Byline, Authors: md.Authors,
		Published: Timestamp(md.Published), Modified: Timestamp(md.Modified),
		Lang: md.Lang, Description: md.Description, Image: md.Image, Tags: md.Tags,
		Section: md.Section, Body: res.Text,
	}
	a.WordCount = countWords(a.Body)
	sum := sha256.Sum256([]byte(a.Body))
	a.ContentHash = hex.EncodeToString(sum[:])
	if e.Markdown {
		// res.Node holds exactly the blocks of res.Text; without one (the
		// JSON-LD articleBody fallback) the text itself is the Markdown.
		if res.Node != nil {
			a.Markdown = markdown.Render(res.Node, base)
		} else {
			a.Markdown = markdown.Text(res.Text)
		}
	}
	return a, nil
}

// pageName names p in errors: its source, else its URL.
func pageName(p Page) string {
	switch {
	case p.Source != "":
		return p.Source
	case p.URL != "":
		return p.URL
	}
	return "page"
}

// countWords counts runs of letters, digits and underscores, the same
// tokens the evaluation metric uses.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_'
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
