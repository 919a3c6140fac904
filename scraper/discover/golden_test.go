package discover

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the testdata/*/*.golden files from the current output")

// result is what a parse produced, as stored in a .golden file.
type result struct {
	Pages    []goldenEntry `json:"pages"`
	Sitemaps []string      `json:"sitemaps,omitempty"`
	Error    string        `json:"error,omitempty"`
}

type goldenEntry struct {
	URL      string `json:"url"`
	Modified string `json:"modified,omitempty"` // RFC 3339, UTC
	Title    string `json:"title,omitempty"`
}

func toResult(pages []Entry, sitemaps []string, err error) result {
	r := result{Pages: []goldenEntry{}, Sitemaps: sitemaps}
	for _, e := range pages {
		g := goldenEntry{URL: e.URL, Title: e.Title}
		if !e.Modified.IsZero() {
			if e.Modified.Location() != time.UTC {
				panic("Modified not in UTC: " + e.Modified.String())
			}
			g.Modified = e.Modified.Format(time.RFC3339Nano)
		}
		r.Pages = append(r.Pages, g)
	}
	if err != nil {
		r.Error = err.Error()
	}
	return r
}

// fixtures lists the inputs in testdata/dir (everything but .golden files).
func fixtures(t *testing.T, dir string) []string {
	t.Helper()
	all, err := filepath.Glob(filepath.Join("testdata", dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var in []string
	for _, p := range all {
		if !strings.HasSuffix(p, ".golden") {
			in = append(in, p)
		}
	}
	if len(in) == 0 {
		t.Fatalf("no fixtures in testdata/%s", dir)
	}
	return in
}

// checkGolden compares got with path+".golden", or rewrites it with -update.
func checkGolden(t *testing.T, path string, got result) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	golden := path + ".golden"
	if *update {
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("%s: output differs from %s (go test -update rewrites it)\n got:\n%s\nwant:\n%s", path, golden, b, want)
	}
}

func gzipped(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseSitemapGolden(t *testing.T) {
	for _, path := range fixtures(t, "sitemap") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := toResult(ParseSitemap(body))
			checkGolden(t, path, got)

			// The same body gzip-compressed must give the same result.
			zgot := toResult(ParseSitemap(gzipped(t, body)))
			a, _ := json.Marshal(got)
			b, _ := json.Marshal(zgot)
			if !bytes.Equal(a, b) {
				t.Errorf("gzip body gives a different result:\nplain %s\ngzip  %s", a, b)
			}
		})
	}
}

func TestParseFeedGolden(t *testing.T) {
	for _, path := range fixtures(t, "feed") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			entries, err := ParseFeed(body)
			got := toResult(entries, nil, err)
			checkGolden(t, path, got)

			zentries, zerr := ParseFeed(gzipped(t, body))
			a, _ := json.Marshal(got)
			b, _ := json.Marshal(toResult(zentries, nil, zerr))
			if !bytes.Equal(a, b) {
				t.Errorf("gzip body gives a different result:\nplain %s\ngzip  %s", a, b)
			}
		})
	}
}
