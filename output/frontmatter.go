package output

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/lede-news/lede/extract"
)

// frontField is one key of the front matter: a string, a list of
// strings or an int. Empty strings and lists are omitted.
type frontField struct {
	key   string
	str   string
	list  []string
	num   int
	isNum bool
}

// frontMatterNode builds the front matter as a YAML mapping. Every string
// is double-quoted so no YAML parser reads a date, a number, a boolean
// ("yes", "on") or null where the page printed text: YAML 1.1 parsers
// such as PyYAML turn an unquoted 2026-11-01T09:30:00 into a datetime.
func frontMatterNode(fields []frontField) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range fields {
		var v *yaml.Node
		switch {
		case f.isNum:
			v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(f.num)}
		case f.list != nil:
			if len(f.list) == 0 {
				continue
			}
			v = &yaml.Node{Kind: yaml.SequenceNode}
			for _, s := range f.list {
				v.Content = append(v.Content, quoted(s))
			}
		case f.str != "":
			v = quoted(f.str)
		default:
			continue
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: f.key}, v)
	}
	return m
}

// quoted is s as a double-quoted YAML string. Invalid UTF-8, which YAML
// cannot carry, becomes U+FFFD per bad byte, as in the JSON record.
func quoted(s string) *yaml.Node {
	if !utf8.ValidString(s) {
		s = string([]rune(s))
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: s}
}

// MarshalMarkdown renders r as a Markdown document: YAML front matter
// between "---" lines (url, canonical_url, site, site_name, headline,
// byline, authors, published, modified, lang, description, image, tags,
// section, word_count, content_hash, fetched_at, status; absent values
// omitted; every string double-quoted, times as RFC 3339), a blank line,
// "# headline" (on one line, Markdown markup escaped),
// and the article's Markdown, or its plain Body when it has none.
func (r Record) MarshalMarkdown() ([]byte, error) {
	a := r.Article
	if a == nil {
		a = &extract.Article{}
	}
	var fetched string
	if !r.FetchedAt.IsZero() {
		fetched = r.FetchedAt.UTC().Format(time.RFC3339)
	}
	fields := []frontField{
		{key: "url", str: a.URL},
		{key: "canonical_url", str: a.CanonicalURL},
		{key: "site", str: r.Site},
		{key: "site_name", str: a.SiteName},
		{key: "headline", str: a.Headline},
		{key: "byline", str: a.Byline},
		{key: "authors", list: nonNilList(a.Authors)},
		{key: "published", str: a.Published.String()},
		{key: "modified", str: a.Modified.String()},
		{key: "lang", str: a.Lang},
		{key: "description", str: a.Description},
		{key: "image", str: a.Image},
		{key: "tags", list: nonNilList(a.Tags)},
		{key: "section", str: a.Section},
		{key: "word_count", num: a.WordCount, isNum: true},
		{key: "content_hash", str: a.ContentHash},
		{key: "fetched_at", str: fetched},
	}
	if r.Status != 0 {
		fields = append(fields, frontField{key: "status", num: r.Status, isNum: true})
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(frontMatterNode(fields)); err != nil {
		return nil, fmt.Errorf("front matter of %s: %w", recordName(&r), err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("front matter of %s: %w", recordName(&r), err)
	}
	buf.WriteString("---\n")
	if h := oneLine(a.Headline); h != "" {
		buf.WriteString("\n# ")
		buf.WriteString(escapeHeading(h))
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

func nonNilList(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// escapeHeading backslash-escapes what Markdown would read as markup in a
// headline: emphasis, links, code, HTML tags, entities, and a trailing
// '#' run that would close the heading.
func escapeHeading(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte("\\`*_[]<>~", c) >= 0:
			b.WriteByte('\\')
		case c == '&' && looksLikeEntity(s[i+1:]):
			b.WriteByte('\\')
		case c == '#' && i == len(s)-1:
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// looksLikeEntity reports whether s (after an '&') starts like an HTML
// character reference: "amp;", "#39;", "#x27;".
func looksLikeEntity(s string) bool {
	for i := 0; i < len(s) && i < maxEntityLen; i++ {
		c := s[i]
		switch {
		case c == ';':
			return i > 0
		case c == '#' && i == 0, 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return false
}

// maxEntityLen bounds the look-ahead for an entity: the longest HTML
// entity name ("CounterClockwiseContourIntegral") is 31 characters.
const maxEntityLen = 33

// oneLine joins a headline's lines so it stays one Markdown heading.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
