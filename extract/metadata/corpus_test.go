package metadata

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpusGolden is the golden file of TestCorpusGolden: one JSON line per
// dev-corpus page, in page-id order.
const corpusGolden = "testdata/corpus.golden.jsonl"

// corpusRecord is one page's metadata as corpusGolden holds it. The JSON-LD
// articleBody is kept as a short digest: the file guards the metadata, not
// the bodies.
type corpusRecord struct {
	ID string `json:"id"`
	golden
	ArticleBody string `json:"ArticleBody,omitempty"`
}

// bodyDigestLen is how many hex digits of the articleBody's SHA-256 the
// golden file keeps: enough to catch any change.
const bodyDigestLen = 16

func digest(s string) string {
	if s == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:bodyDigestLen]
}

// corpusURLs maps each dev-corpus page id to its URL in truth.jsonl, or to
// a neutral placeholder when the truth has none.
func corpusURLs(t *testing.T, htmlDir string) map[string]string {
	t.Helper()
	path := filepath.Join(filepath.Dir(htmlDir), "truth.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
	defer f.Close()
	urls := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var rec struct {
			ID  string  `json:"id"`
			URL *string `json:"url"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		urls[rec.ID] = "https://example.com/" + rec.ID
		if rec.URL != nil && *rec.URL != "" {
			urls[rec.ID] = *rec.URL
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return urls
}

// TestCorpusGolden reads every dev-corpus page at its own URL and compares
// every metadata field with the golden file: a guard that a change meant to
// be neutral (a speed-up) changes no result. Run with -update to refresh.
func TestCorpusGolden(t *testing.T) {
	dir := corpusDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(files) == 0 {
		t.Skipf("no pages in %s (%v)", dir, err)
	}
	sort.Strings(files)
	urls := corpusURLs(t, dir)
	var out bytes.Buffer
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(p), ".html")
		pageURL, ok := urls[id]
		if !ok {
			pageURL = "https://example.com/" + id
		}
		m := Read(parse(t, string(src)), Options{URL: mustURL(t, pageURL), Now: refNow})
		rec := corpusRecord{ID: id, golden: toGolden(m), ArticleBody: digest(m.ArticleBody)}
		line, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(append(line, '\n'))
	}
	if *update {
		if err := os.WriteFile(corpusGolden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(corpusGolden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestCorpusGolden -update to create it)", err)
	}
	got, wantLines := strings.Split(out.String(), "\n"), strings.Split(string(want), "\n")
	if len(got) != len(wantLines) {
		t.Errorf("%d pages read, golden file has %d", len(got)-1, len(wantLines)-1)
	}
	for i := 0; i < len(got) && i < len(wantLines); i++ {
		if got[i] != wantLines[i] {
			t.Errorf("page %d differs from %s:\n got: %s\nwant: %s", i+1, corpusGolden, got[i], wantLines[i])
		}
	}
}
