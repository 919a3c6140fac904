package urlnorm

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// corpusDir returns ../shared/corpus/dev beside the module root, or skips.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("module root (go.mod) not found; corpus tests need ../shared beside it")
		}
		dir = parent
	}
	corpus := filepath.Join(dir, "..", "shared", "corpus", "dev")
	if _, err := os.Stat(filepath.Join(corpus, "truth.jsonl")); err != nil {
		tb.Skipf("corpus absent (%v): these tests need ../shared/corpus/dev beside the module root", err)
	}
	return corpus
}

// corpusPage is a dev-corpus page with a known URL.
type corpusPage struct {
	ID  string  `json:"id"`
	URL *string `json:"url"`
}

func corpusPages(t *testing.T) (dir string, pages []corpusPage) {
	t.Helper()
	dir = corpusDir(t)
	f, err := os.Open(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var p corpusPage
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("truth.jsonl: %v", err)
		}
		if p.URL != nil && strings.HasPrefix(*p.URL, "http") {
			pages = append(pages, p)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return dir, pages
}

// TestCorpusPageURLs: the corpus's page URLs are distinct articles, so
// normalizing must keep them distinct, and must succeed and be stable.
func TestCorpusPageURLs(t *testing.T) {
	_, pages := corpusPages(t)
	seen := map[string]string{}
	for _, p := range pages {
		n, err := Normalize(*p.URL)
		if err != nil {
			t.Errorf("%s: %v", p.ID, err)
			continue
		}
		if again, _ := Normalize(n); again != n {
			t.Errorf("%s: Normalize(%q) = %q, not stable", p.ID, n, again)
		}
		if other, dup := seen[n]; dup && other != *p.URL {
			t.Errorf("two corpus pages merge into %q: %q and %q", n, other, *p.URL)
		}
		seen[n] = *p.URL
	}
	t.Logf("%d page URLs normalized, %d distinct", len(pages), len(seen))
}

// TestCorpusLinks resolves every <a href> of every corpus page with a
// known URL against that URL: real hrefs in all their mess.
func TestCorpusLinks(t *testing.T) {
	dir, pages := corpusPages(t)
	var hrefs, ok, scheme int
	for _, p := range pages {
		body, err := os.ReadFile(filepath.Join(dir, "html", p.ID+".html"))
		if err != nil {
			t.Fatal(err)
		}
		base, err := url.Parse(*p.URL)
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		for _, href := range anchorHrefs(body) {
			hrefs++
			got, err := Resolve(base, href)
			if err != nil {
				var ue *Error
				if !errors.As(err, &ue) {
					t.Errorf("%s: Resolve(%q): error %v is not an *Error", p.ID, href, err)
				}
				if errors.Is(err, ErrScheme) {
					scheme++
				}
				continue
			}
			ok++
			if again, err := Normalize(got); err != nil || again != got {
				t.Errorf("%s: Resolve(%q) = %q, which normalizes to %q, %v", p.ID, href, got, again, err)
			}
			if strings.ContainsAny(got, "# \n\t") {
				t.Errorf("%s: Resolve(%q) = %q keeps a fragment or white space", p.ID, href, got)
			}
		}
	}
	if hrefs == 0 {
		t.Fatal("no hrefs found in the corpus")
	}
	t.Logf("%d hrefs: %d resolved, %d not http(s), %d other errors", hrefs, ok, scheme, hrefs-ok-scheme)
}

// anchorHrefs returns the href of every <a> in an HTML page.
func anchorHrefs(page []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "a" || !hasAttr {
				continue
			}
			for {
				k, v, more := z.TagAttr()
				if string(k) == "href" {
					out = append(out, string(v))
				}
				if !more {
					break
				}
			}
		}
	}
}
