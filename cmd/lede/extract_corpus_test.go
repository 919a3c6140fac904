package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exCorpusPages returns the dev corpus pages (../shared/corpus/dev beside
// the module root), or skips.
func exCorpusPages(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "dev", "html")
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(pages) == 0 {
		t.Skipf("no dev corpus pages in %s (%v): it must sit at ../shared/corpus/dev beside the module root", dir, err)
	}
	return pages
}

// TestExtractCorpusOutputs runs `lede extract` over the whole dev corpus
// in both formats: every page that extracts gives one JSONL line with the
// same keys and one Markdown file of its own whose front matter parses.
func TestExtractCorpusOutputs(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run skipped in -short mode")
	}
	pages := exCorpusPages(t)
	r := exRun(t, "", pages...)
	if r.code != exitOK && r.code != exitFailures {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	failed := strings.Count(r.stderr, "\n") - min(1, r.code) // minus the summary line
	recs := exRecords(t, r.stdout)
	if len(recs)+failed != len(pages) {
		t.Fatalf("%d records and %d failures for %d pages:\n%s", len(recs), failed, len(pages), r.stderr)
	}
	for i, rec := range recs {
		if len(rec) != len(exRecordKeys) {
			b, _ := json.Marshal(rec)
			t.Errorf("record %d has %d keys: %s", i, len(rec), b)
		}
	}

	out := t.TempDir()
	r = exRun(t, "", append([]string{"--format", "markdown", "--out", out}, pages...)...)
	if r.code != exitOK && r.code != exitFailures {
		t.Fatalf("markdown: exit %d: %s", r.code, r.stderr)
	}
	files := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fm, rest := exFrontMatter(t, string(data))
		if _, ok := fm["word_count"].(int); !ok {
			t.Errorf("%s: word_count %#v", p, fm["word_count"])
		}
		if strings.TrimSpace(rest) == "" {
			t.Errorf("%s: no body", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != len(recs) {
		t.Errorf("%d Markdown files for %d articles: some overwrote others", files, len(recs))
	}
}
