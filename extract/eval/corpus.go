package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Page is one annotated page of a corpus. An empty string means the
// corpus has no truth for that field.
type Page struct {
	ID        string
	Source    string // the subset, e.g. "scrapinghub" or "readability"
	URL       string
	Title     string
	Byline    string
	Published string // as the source gives it
	Body      string
	Lang      string
	Path      string // the page's HTML file
}

type truthLine struct {
	ID        string  `json:"id"`
	Source    string  `json:"source"`
	URL       *string `json:"url"`
	Title     *string `json:"title"`
	Byline    *string `json:"byline"`
	Published *string `json:"published"`
	Body      *string `json:"body"`
	Lang      *string `json:"lang"`
}

// maxTruthLine bounds one line of truth.jsonl; bodies run to a few hundred
// kilobytes at most.
const maxTruthLine = 64 << 20

// LoadCorpus reads dir/truth.jsonl and checks that every page's HTML file
// exists under dir/html.
func LoadCorpus(dir string) ([]Page, error) {
	path := filepath.Join(dir, "truth.jsonl")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", dir, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), maxTruthLine)
	var pages []Page
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var t truthLine
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if t.ID == "" {
			return nil, fmt.Errorf("%s:%d: page without an id", path, line)
		}
		p := Page{
			ID: t.ID, Source: t.Source, URL: deref(t.URL), Title: deref(t.Title),
			Byline: deref(t.Byline), Published: deref(t.Published), Body: deref(t.Body),
			Lang: deref(t.Lang), Path: filepath.Join(dir, "html", t.ID+".html"),
		}
		if _, err := os.Stat(p.Path); err != nil {
			return nil, fmt.Errorf("%s:%d: page %s: %w", path, line, t.ID, err)
		}
		pages = append(pages, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("corpus %s: truth.jsonl holds no pages", dir)
	}
	return pages, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
