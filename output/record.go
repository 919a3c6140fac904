package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/lede-news/lede/extract"
)

// Record is one article as written: the extract record plus, for crawls,
// the crawl's fields.
type Record struct {
	Article   *extract.Article
	Site      string    // config site name; "" for `lede extract` records
	FetchedAt time.Time // crawl records only
	Status    int       // HTTP status of the fetch; crawl records only
}

// crawlFields is the wire form of the fields a crawl adds.
type crawlFields struct {
	FetchedAt *string `json:"fetched_at"`
	Status    int     `json:"status"`
	Site      *string `json:"site"`
}

// MarshalJSON writes exactly the extract.Article JSON fields, in the same
// order, then, only when Site != "", "fetched_at" (RFC 3339 in UTC, null
// when zero), "status" and "site". Unlike json.Marshal it does not escape
// <, > and & (bodies are text, not HTML to embed); encode a Record with
// MarshalJSON directly or with a json.Encoder that has SetEscapeHTML(false)
// to keep it that way. A nil Article is written as an empty one.
func (r Record) MarshalJSON() ([]byte, error) {
	a := r.Article
	if a == nil {
		a = &extract.Article{}
	}
	b, err := a.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("encoding article %s: %w", recordName(&r), err)
	}
	b = unescapeHTML(b)
	if r.Site == "" {
		return b, nil
	}
	b = bytes.TrimRight(b, " \n")
	if len(b) < 2 || b[len(b)-1] != '}' {
		return nil, fmt.Errorf("encoding article %s: article JSON is not an object", recordName(&r))
	}
	b = b[:len(b)-1]
	if len(b) > 1 { // not "{"
		b = append(b, ',')
	}
	b = append(b, `"fetched_at":`...)
	if r.FetchedAt.IsZero() {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendQuote(b, r.FetchedAt.UTC().Format(time.RFC3339))
	}
	b = append(b, `,"status":`...)
	b = strconv.AppendInt(b, int64(r.Status), 10)
	b = append(b, `,"site":`...)
	site, err := json.Marshal(r.Site) // a fresh slice: unescaped in place below
	if err != nil {
		return nil, err
	}
	b = append(b, unescapeHTML(site)...)
	return append(b, '}'), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (r *Record) UnmarshalJSON(b []byte) error {
	var a extract.Article
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	var c crawlFields
	if err := json.Unmarshal(b, &c); err != nil {
		return err
	}
	*r = Record{Article: &a, Status: c.Status}
	if c.Site != nil {
		r.Site = *c.Site
	}
	if c.FetchedAt != nil && *c.FetchedAt != "" {
		t, err := time.Parse(time.RFC3339, *c.FetchedAt)
		if err != nil {
			return fmt.Errorf("fetched_at: %w", err)
		}
		r.FetchedAt = t
	}
	return nil
}

// recordName names a record in errors: its URL, else its source.
func recordName(r *Record) string {
	if r.Article == nil {
		return "(no article)"
	}
	switch {
	case r.Article.URL != "":
		return r.Article.URL
	case r.Article.Source != "":
		return r.Article.Source
	case r.Article.CanonicalURL != "":
		return r.Article.CanonicalURL
	}
	return "(unnamed article)"
}

// unescapeHTML undoes json.Marshal's \u003c, \u003e and \u0026 escapes in
// valid JSON, in place (the result is never longer), leaving every other
// escape as it is. In valid JSON a backslash only occurs inside a string
// and always starts an escape, so consuming escapes whole keeps "\\u003c"
// (an escaped backslash, then text) intact.
func unescapeHTML(b []byte) []byte {
	if !bytes.Contains(b, []byte(`\u00`)) {
		return b
	}
	w := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' || i+1 >= len(b) {
			b[w] = c
			w++
			continue
		}
		if b[i+1] == 'u' && i+6 <= len(b) {
			if r, ok := htmlEscapes[string(b[i+2:i+6])]; ok {
				b[w] = r
				w++
				i += 5
				continue
			}
		}
		b[w], b[w+1] = c, b[i+1]
		w += 2
		i++
	}
	return b[:w]
}

// htmlEscapes are the escapes json.Marshal writes for HTML safety.
var htmlEscapes = map[string]byte{"003c": '<', "003e": '>', "0026": '&'}
