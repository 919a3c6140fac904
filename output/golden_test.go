package output

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden pins the exact bytes of a full record in both formats: the
// files in testdata/ show what users get. Refresh with -update after a
// deliberate format change and review the diff.
func TestGolden(t *testing.T) {
	rec := Record{Article: sampleArticle(1), Site: "example", Status: 200,
		FetchedAt: time.Date(2026, 11, 25, 16, 30, 0, 0, time.UTC)}
	rec.Article.Markdown = "## A sub-heading\n\nFirst paragraph with a < b && c > d.\n\n- a list item"
	line, err := rec.MarshalJSON()
	mustNoErr(t, err)
	doc, err := rec.MarshalMarkdown()
	mustNoErr(t, err)
	extractLine, err := Record{Article: sampleArticle(2)}.MarshalJSON()
	mustNoErr(t, err)
	for name, got := range map[string][]byte{
		"crawl_record.jsonl":   append(line, '\n'),
		"extract_record.jsonl": append(extractLine, '\n'),
		"crawl_record.md":      doc,
	} {
		path := filepath.Join("testdata", name)
		if *update {
			mustNoErr(t, os.MkdirAll("testdata", 0o755))
			mustNoErr(t, os.WriteFile(path, got, 0o644))
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the golden file:\n got %s\nwant %s", name, got, want)
		}
	}
}
