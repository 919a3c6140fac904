package testsite

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
)

// Tags of a real page that name its own URL; they are replaced so that
// every served copy has the canonical URL it is served at.
var (
	canonicalTag = regexp.MustCompile(`(?is)<link\b[^>]*\brel\s*=\s*["']?canonical\b[^>]*>`)
	ogURLTag     = regexp.MustCompile(`(?is)<meta\b[^>]*\bproperty\s*=\s*["']?og:url\b[^>]*>`)
	headTag      = regexp.MustCompile(`(?is)<head\b[^>]*>`)
)

// corpus holds real pages, their own URL tags removed.
type corpus struct {
	pages [][]byte
	at    []int // where the canonical link goes in each page
}

// loadCorpus reads every *.html file of dir, in name order.
func loadCorpus(dir string) (*corpus, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return nil, fmt.Errorf("testsite corpus %s: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("testsite corpus %s: no *.html files", dir)
	}
	sort.Strings(names)
	c := &corpus{}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("testsite corpus: %w", err)
		}
		b = canonicalTag.ReplaceAll(b, nil)
		b = ogURLTag.ReplaceAll(b, nil)
		at := 0
		if loc := headTag.FindIndex(b); loc != nil {
			at = loc[1]
		}
		c.pages = append(c.pages, b)
		c.at = append(c.at, at)
	}
	return c, nil
}

// Len is the number of distinct pages.
func (c *corpus) Len() int { return len(c.pages) }

// parts is real page (n-1) mod Len with a canonical link to canonical,
// in three pieces (before the link, the link, after it), so that a server
// can send it without copying the page.
func (c *corpus) parts(n int, canonical string) [][]byte {
	i := (n - 1) % len(c.pages)
	p, at := c.pages[i], c.at[i]
	link := `<link rel="canonical" href="` + html.EscapeString(canonical) + `">`
	return [][]byte{p[:at], []byte(link), p[at:]}
}
