package output

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/lede-news/lede/extract"
)

// FuzzRepairJSONL feeds arbitrary file content to RepairJSONL: it never
// panics; on success the file is a prefix of what it was, holds only
// whole lines, one per record returned; on failure the file is unchanged.
func FuzzRepairJSONL(f *testing.F) {
	line, err := Record{Article: sampleArticle(1), Site: "s"}.MarshalJSON()
	if err != nil {
		f.Fatal(err)
	}
	l := string(line) + "\n"
	for _, seed := range []string{"", "\n", l, l + l, l + l[:40], l + "x\n" + l, "{}\n{", "{\"url\":1}\n", "\x00\xff\n", "[]\n{}\n"} {
		f.Add([]byte(seed))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, content []byte) {
		path := filepath.Join(dir, "fuzz.jsonl")
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		recs, err := RepairJSONL(path)
		after, rerr := os.ReadFile(path)
		if rerr != nil {
			t.Fatal(rerr)
		}
		if err != nil {
			if !bytes.Equal(after, content) {
				t.Fatalf("failed repair (%v) changed the file", err)
			}
			return
		}
		if !bytes.HasPrefix(content, after) {
			t.Fatalf("repaired file is not a prefix of the original")
		}
		if len(after) > 0 && after[len(after)-1] != '\n' {
			t.Fatalf("repaired file ends in a torn line")
		}
		n := bytes.Count(after, []byte{'\n'})
		if n != len(recs) {
			t.Fatalf("%d lines, %d records", n, len(recs))
		}
		for _, ln := range bytes.SplitAfter(after, []byte{'\n'}) {
			if len(ln) == 0 {
				continue
			}
			if _, err := parseLine(ln); err != nil {
				t.Fatalf("line %q left in the file: %v", ln, err)
			}
		}
	})
}

// FuzzRecordRoundTrip writes records with arbitrary text: the JSON is
// valid, unescaped HTML characters aside reads back to the same text, and
// the Markdown front matter parses back to the same fields.
func FuzzRecordRoundTrip(f *testing.F) {
	f.Add("Q&A: <b>", `back\slash \u003c "q"`, "site")
	f.Add("- 속보: #1\n둘째 줄", "</script>", "")
	f.Add("null", "\u2028\x00\xff", "yes")
	f.Add("\xff\xfe head", "b", "\xc3")
	f.Fuzz(func(t *testing.T, headline, body, site string) {
		a := &extract.Article{Headline: headline, Body: body, Tags: []string{headline, site}}
		rec := Record{Article: a, Site: site}
		b, err := rec.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(b) {
			t.Fatalf("invalid JSON: %q", b)
		}
		var back Record
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		// encoding/json writes each invalid UTF-8 byte as U+FFFD, as a
		// conversion to []rune does.
		if want := string([]rune(headline)); back.Article.Headline != want {
			t.Errorf("headline %q, want %q", back.Article.Headline, want)
		}
		if want := string([]rune(body)); back.Article.Body != want {
			t.Errorf("body %q, want %q", back.Article.Body, want)
		}
		if want := string([]rune(site)); back.Site != want {
			t.Errorf("site %q, want %q", back.Site, want)
		}
		doc, err := rec.MarshalMarkdown()
		if err != nil {
			t.Fatalf("MarshalMarkdown: %v", err)
		}
		end := bytes.Index(doc[4:], []byte("\n---\n"))
		if !bytes.HasPrefix(doc, []byte("---\n")) || end < 0 {
			t.Fatalf("no front matter: %q", doc)
		}
		var fm map[string]any
		if err := yaml.Unmarshal(doc[4:4+end+1], &fm); err != nil {
			t.Fatalf("front matter does not parse: %v\n%s", err, doc)
		}
		if headline != "" && fm["headline"] != string([]rune(headline)) {
			t.Errorf("front matter headline %q, want %q", fm["headline"], headline)
		}
		if site != "" && fm["site"] != string([]rune(site)) {
			t.Errorf("front matter site %q, want %q", fm["site"], site)
		}
	})
}
