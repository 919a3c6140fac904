package output

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/lede-news/lede/extract"
)

// frontMatter is the YAML front matter of a Markdown record, in the order
// written. Absent values are omitted.
type frontMatter struct {
	URL          string   `yaml:"url,omitempty"`
	CanonicalURL string   `yaml:"canonical_url,omitempty"`
	Site         string   `yaml:"site,omitempty"`
	SiteName     string   `yaml:"site_name,omitempty"`
	Headline     string   `yaml:"headline,omitempty"`
	Byline       string   `yaml:"byline,omitempty"`
	Authors      []string `yaml:"authors,omitempty"`
	Published    string   `yaml:"published,omitempty"`
	Modified     string   `yaml:"modified,omitempty"`
	Lang         string   `yaml:"lang,omitempty"`
	Description  string   `yaml:"description,omitempty"`
	Image        string   `yaml:"image,omitempty"`
	Tags         []string `yaml:"tags,omitempty"`
	Section      string   `yaml:"section,omitempty"`
	WordCount    int      `yaml:"word_count"`
	ContentHash  string   `yaml:"content_hash,omitempty"`
	FetchedAt    string   `yaml:"fetched_at,omitempty"`
	Status       int      `yaml:"status,omitempty"`
}

// MarshalMarkdown renders r as a Markdown document: YAML front matter
// between "---" lines (url, canonical_url, site, site_name, headline,
// byline, authors, published, modified, lang, description, image, tags,
// section, word_count, content_hash, fetched_at, status; absent values
// omitted; times as quoted RFC 3339 strings), a blank line, "# headline",
// and the article's Markdown, or its plain Body when it has none.
func (r Record) MarshalMarkdown() ([]byte, error) {
	a := r.Article
	if a == nil {
		a = &extract.Article{}
	}
	fm := frontMatter{
		URL: a.URL, CanonicalURL: a.CanonicalURL, Site: r.Site, SiteName: a.SiteName,
		Headline: a.Headline, Byline: a.Byline, Authors: a.Authors,
		Published: a.Published.String(), Modified: a.Modified.String(),
		Lang: a.Lang, Description: a.Description, Image: a.Image, Tags: a.Tags,
		Section: a.Section, WordCount: a.WordCount, ContentHash: a.ContentHash,
		Status: r.Status,
	}
	if !r.FetchedAt.IsZero() {
		fm.FetchedAt = r.FetchedAt.UTC().Format(time.RFC3339)
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return nil, fmt.Errorf("front matter of %s: %w", recordName(&r), err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("front matter of %s: %w", recordName(&r), err)
	}
	buf.WriteString("---\n")
	if h := oneLine(a.Headline); h != "" {
		buf.WriteString("\n# ")
		buf.WriteString(h)
		buf.WriteString("\n")
	}
	body := a.Markdown
	if strings.TrimSpace(body) == "" {
		body = a.Body
	}
	if body = strings.TrimSpace(body); body != "" {
		buf.WriteString("\n")
		buf.WriteString(body)
		buf.WriteString("\n")
	}
	return buf.Bytes(), nil
}

// oneLine joins a headline's lines so it stays one Markdown heading.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
