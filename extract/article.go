package extract

import (
	"encoding/json"
	"time"
)

// Article is the record lede produces for one article page. Its JSON form
// has exactly the documented field names: absent strings and times are
// null, lists are [] and never null.
type Article struct {
	URL          string    // the page URL as fetched (or given with --url)
	CanonicalURL string    // <link rel=canonical>, og:url or JSON-LD url, absolute
	Source       string    // the input as given: a path, URL or "-"
	SiteName     string    // publication name
	Headline     string    // article title without the site-name suffix
	Byline       string    // the byline as printed, cleaned of "By", "Reporter", "기자", e-mails
	Authors      []string  // individual names
	Published    Timestamp // first publication
	Modified     Timestamp // last modification
	Lang         string    // BCP 47 language tag
	Description  string    // summary or standfirst
	Image        string    // lead image URL, absolute
	Tags         []string  // keywords and tags
	Section      string    // section or category
	Body         string    // plain text, blocks separated by a blank line
	WordCount    int       // words in Body
	ContentHash  string    // sha256 hex of Body

	// Markdown is the body rendered as Markdown (headings, lists, quotes,
	// links, images, tables). It is filled only when the Extractor was asked
	// for it and is not part of the JSON record.
	Markdown string
}

// Timestamp is a moment as a page printed it. When the page gave no zone
// and none could be inferred (no --timezone, no site zone, no country-code
// domain), Zoned is false and the time is written without an offset rather
// than silently as UTC.
type Timestamp struct {
	Time  time.Time
	Zoned bool
}

// IsZero reports whether the timestamp is absent.
func (t Timestamp) IsZero() bool { return t.Time.IsZero() }

// String formats the timestamp as RFC 3339 with offset, or as a local
// date-time without offset when the zone is unknown, or "" when absent.
func (t Timestamp) String() string {
	switch {
	case t.IsZero():
		return ""
	case t.Zoned:
		return t.Time.Format(time.RFC3339)
	default:
		return t.Time.Format("2006-01-02T15:04:05")
	}
}

// MarshalJSON writes null for an absent timestamp.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.String())
}

// UnmarshalJSON reads what MarshalJSON writes.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == nil || *s == "" {
		*t = Timestamp{}
		return nil
	}
	if v, err := time.Parse(time.RFC3339, *s); err == nil {
		*t = Timestamp{Time: v, Zoned: true}
		return nil
	}
	v, err := time.Parse("2006-01-02T15:04:05", *s)
	if err != nil {
		return err
	}
	*t = Timestamp{Time: v}
	return nil
}

// record is the wire form of Article.
type record struct {
	URL          *string   `json:"url"`
	CanonicalURL *string   `json:"canonical_url"`
	Source       *string   `json:"source"`
	SiteName     *string   `json:"site_name"`
	Headline     *string   `json:"headline"`
	Byline       *string   `json:"byline"`
	Authors      []string  `json:"authors"`
	Published    Timestamp `json:"published"`
	Modified     Timestamp `json:"modified"`
	Lang         *string   `json:"lang"`
	Description  *string   `json:"description"`
	Image        *string   `json:"image"`
	Tags         []string  `json:"tags"`
	Section      *string   `json:"section"`
	Body         *string   `json:"body"`
	WordCount    int       `json:"word_count"`
	ContentHash  *string   `json:"content_hash"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// MarshalJSON writes the record with null for absent values and [] for
// empty lists.
func (a Article) MarshalJSON() ([]byte, error) {
	return json.Marshal(record{
		URL: nullable(a.URL), CanonicalURL: nullable(a.CanonicalURL), Source: nullable(a.Source),
		SiteName: nullable(a.SiteName), Headline: nullable(a.Headline), Byline: nullable(a.Byline),
		Authors: nonNil(a.Authors), Published: a.Published, Modified: a.Modified,
		Lang: nullable(a.Lang), Description: nullable(a.Description), Image: nullable(a.Image),
		Tags: nonNil(a.Tags), Section: nullable(a.Section), Body: nullable(a.Body),
		WordCount: a.WordCount, ContentHash: nullable(a.ContentHash),
	})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (a *Article) UnmarshalJSON(b []byte) error {
	var r record
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	*a = Article{
		URL: str(r.URL), CanonicalURL: str(r.CanonicalURL), Source: str(r.Source),
		SiteName: str(r.SiteName), Headline: str(r.Headline), Byline: str(r.Byline),
		Authors: r.Authors, Published: r.Published, Modified: r.Modified,
		Lang: str(r.Lang), Description: str(r.Description), Image: str(r.Image),
		Tags: r.Tags, Section: str(r.Section), Body: str(r.Body),
		WordCount: r.WordCount, ContentHash: str(r.ContentHash),
	}
	return nil
}
