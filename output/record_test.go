package output

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lede-news/lede/extract"
)

// keys returns the top-level keys of a JSON object, in order.
func keys(t *testing.T, b []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		t.Fatalf("not a JSON object: %s", b)
	}
	var ks []string
	for dec.More() {
		tok, err := dec.Token()
		mustNoErr(t, err)
		ks = append(ks, tok.(string))
		var skip json.RawMessage
		mustNoErr(t, dec.Decode(&skip))
	}
	return ks
}

func TestRecordJSONKeys(t *testing.T) {
	articleBytes, err := json.Marshal(sampleArticle(1))
	mustNoErr(t, err)
	articleKeys := keys(t, articleBytes)
	crawl := append(append([]string(nil), articleKeys...), "fetched_at", "status", "site")
	tests := []struct {
		name string
		rec  Record
		want []string
	}{
		{"extract record", Record{Article: sampleArticle(1)}, articleKeys},
		{"empty article", Record{Article: &extract.Article{}}, articleKeys},
		{"nil article", Record{}, articleKeys},
		{"crawl record", Record{Article: sampleArticle(1), Site: "ex", FetchedAt: time.Now(), Status: 200}, crawl},
		{"crawl record, no fetch time", Record{Article: &extract.Article{}, Site: "ex"}, crawl},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.rec.MarshalJSON()
			mustNoErr(t, err)
			if !json.Valid(b) {
				t.Fatalf("invalid JSON: %s", b)
			}
			if got := keys(t, b); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("keys\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestRecordJSONNullsAndLists(t *testing.T) {
	b, err := Record{Article: &extract.Article{Headline: "h"}, Site: "s"}.MarshalJSON()
	mustNoErr(t, err)
	var m map[string]any
	mustNoErr(t, json.Unmarshal(b, &m))
	for _, k := range []string{"url", "byline", "published", "fetched_at", "body"} {
		if v, ok := m[k]; !ok || v != nil {
			t.Errorf("%s = %v (present %t), want null", k, v, ok)
		}
	}
	for _, k := range []string{"authors", "tags"} {
		if l, ok := m[k].([]any); !ok || len(l) != 0 {
			t.Errorf("%s = %#v, want []", k, m[k])
		}
	}
	if m["status"] != 0.0 || m["site"] != "s" || m["headline"] != "h" {
		t.Errorf("status, site, headline = %v, %v, %v", m["status"], m["site"], m["headline"])
	}
}

func TestRecordJSONNoHTMLEscaping(t *testing.T) {
	b, err := Record{Article: sampleArticle(1), Site: "a<b>&c"}.MarshalJSON()
	mustNoErr(t, err)
	unliteral := bytes.ReplaceAll(b, []byte(`\\u003c literal`), nil)
	for _, esc := range []string{`\u003c`, `\u003e`, `\u0026`} {
		if bytes.Contains(unliteral, []byte(esc)) {
			t.Errorf("output has %s: %s", esc, b)
		}
	}
	for _, raw := range []string{"a < b && c > d", `<tags>`, `"site":"a<b>&c"`} {
		if !bytes.Contains(b, []byte(raw)) {
			t.Errorf("output lacks %q: %s", raw, b)
		}
	}
	// The body holds the literal text \u003c: it stays an escaped
	// backslash, not a '<'.
	if !bytes.Contains(b, []byte(`\\u003c literal`)) {
		t.Errorf("literal backslash-u lost: %s", b)
	}
}

func TestRecordJSONRoundTrip(t *testing.T) {
	fetched := time.Date(2026, 11, 25, 16, 30, 0, 0, time.UTC)
	for _, rec := range []Record{
		{Article: sampleArticle(7)},
		{Article: sampleArticle(8), Site: "example", FetchedAt: fetched, Status: 203},
		{Article: &extract.Article{Body: `back\slash "q" </script> & ` + "\u2028"}},
	} {
		b, err := rec.MarshalJSON()
		mustNoErr(t, err)
		var got Record
		mustNoErr(t, json.Unmarshal(b, &got))
		want := rec
		want.Article = normalized(rec.Article)
		got.Article = normalized(got.Article)
		if !got.FetchedAt.Equal(want.FetchedAt) {
			t.Errorf("FetchedAt %v, want %v", got.FetchedAt, want.FetchedAt)
		}
		got.FetchedAt, want.FetchedAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("round trip\n got %+v\nwant %+v", *got.Article, *want.Article)
		}
	}
}

// normalized makes an article comparable after a JSON round trip: empty
// lists, times in their printed form.
func normalized(a *extract.Article) *extract.Article {
	c := *a
	if c.Authors == nil {
		c.Authors = []string{}
	}
	if c.Tags == nil {
		c.Tags = []string{}
	}
	c.Markdown = ""
	for _, ts := range []*extract.Timestamp{&c.Published, &c.Modified} {
		if !ts.IsZero() {
			var back extract.Timestamp
			_ = back.UnmarshalJSON([]byte(`"` + ts.String() + `"`))
			*ts = back
		}
	}
	return &c
}

func TestUnescapeHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"a\u003cb\u003ec\u0026d"`, `"a<b>c&d"`},
		{`"\\u003c"`, `"\\u003c"`},
		{`"\\\u003c"`, `"\\<"`},
		{`"\u00e9\n\"\u2028"`, `"\u00e9\n\"\u2028"`},
		{`{"k":"v"}`, `{"k":"v"}`},
	}
	for _, tt := range tests {
		if got := string(unescapeHTML([]byte(tt.in))); got != tt.want {
			t.Errorf("unescapeHTML(%s) = %s, want %s", tt.in, got, tt.want)
		}
		var a, b string
		if json.Unmarshal([]byte(tt.in), &a) == nil {
			mustNoErr(t, json.Unmarshal([]byte(tt.want), &b))
			if a != b {
				t.Errorf("%s: decoded %q, want %q", tt.in, b, a)
			}
		}
	}
}

func TestRecordUnmarshalBadFetchedAt(t *testing.T) {
	var r Record
	err := json.Unmarshal([]byte(`{"url":"u","fetched_at":"yesterday","status":1,"site":"s"}`), &r)
	if err == nil || !strings.Contains(err.Error(), "fetched_at") {
		t.Errorf("err = %v, want one naming fetched_at", err)
	}
}
