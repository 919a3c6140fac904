package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// seedPageURL is the seed article's address; its .kr domain gives the zone.
const seedPageURL = "https://globaleconomictimes.kr/article/1065585485169545"

// seedExpectation is /work/shared/seed/expected.json.
type seedExpectation struct {
	Headline       string   `json:"headline"`
	Byline         string   `json:"byline"`
	Published      string   `json:"published"`
	SiteName       string   `json:"site_name"`
	Section        string   `json:"section"`
	BodyParagraphs int      `json:"body_paragraphs"`
	Body           string   `json:"body"`
	MustNotContain []string `json:"must_not_contain"`
}

// sharedDataDir returns ../shared beside the module root, or skips the test
// with the reason.
func sharedDataDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root (go.mod) not found above the test directory; cannot locate ../shared")
		}
		dir = parent
	}
	shared := filepath.Join(filepath.Dir(dir), "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared data absent: %s must sit beside the module root (%v)", shared, err)
	}
	return shared
}

// The seed page: our own markup in the style of a Korean newsroom CMS,
// carrying the text of ../shared/seed/article-page.txt, with no JSON-LD and
// no machine-readable date or author, so the visible-text rules must find
// them.
func TestSeedPage(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(sharedDataDir(t), "seed", "expected.json"))
	if err != nil {
		t.Fatalf("reading the seed expectation: %v", err)
	}
	var want seedExpectation
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("parsing expected.json: %v", err)
	}
	page, err := os.ReadFile(filepath.Join("testdata", "seed.html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(page, seedPageURL)
	if err != nil {
		t.Fatalf("Extract(seed.html): %v", err)
	}
	fields := []struct{ name, got, want string }{
		{"headline", a.Headline, want.Headline},
		{"byline", a.Byline, want.Byline},
		{"published", a.Published.String(), want.Published},
		{"site_name", a.SiteName, want.SiteName},
		{"section", a.Section, want.Section},
	}
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if !strings.HasSuffix(a.Published.String(), "+09:00") {
		t.Errorf("published %q is not in Korea Standard Time (+09:00)", a.Published.String())
	}
	if paras := strings.Split(a.Body, "\n\n"); len(paras) != want.BodyParagraphs {
		t.Errorf("body has %d paragraphs, want %d", len(paras), want.BodyParagraphs)
	}
	for _, noise := range want.MustNotContain {
		if strings.Contains(a.Body, noise) {
			t.Errorf("body contains page noise %q", noise)
		}
	}
	if a.Body != want.Body {
		t.Errorf("body differs from expected.json:\n%s", firstDifference(a.Body, want.Body))
	}
}

// firstDifference describes where got first departs from want, by
// paragraph, so a failing body comparison says what to fix.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n\n"), strings.Split(want, "\n\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		switch {
		case i >= len(g):
			return "missing paragraph " + strconv.Itoa(i+1) + ": " + quoteShort(w[i])
		case i >= len(w):
			return "extra paragraph " + strconv.Itoa(i+1) + ": " + quoteShort(g[i])
		case g[i] != w[i]:
			return "paragraph " + strconv.Itoa(i+1) + ":\n  got  " + quoteShort(g[i]) + "\n  want " + quoteShort(w[i])
		}
	}
	return "(equal)"
}

func quoteShort(s string) string {
	const max = 160
	if len(s) > max {
		s = s[:max] + "..."
	}
	return strconv.Quote(s)
}
