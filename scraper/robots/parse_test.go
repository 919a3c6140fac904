package robots

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

const agent = "lede/1.0 (+https://example.com/bot)"

func mustURL(t testing.TB, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// checkPaths asserts which paths rules allow ("+/a") and disallow ("-/b").
func checkPaths(t *testing.T, rules *Rules, paths ...string) {
	t.Helper()
	for _, p := range paths {
		want := p[0] == '+'
		u := mustURL(t, "https://news.example.com"+p[1:])
		if got := rules.Allowed(u); got != want {
			t.Errorf("Allowed(%s) = %v, want %v", p[1:], got, want)
		}
	}
}

func TestParseRules(t *testing.T) {
	for _, tc := range []struct {
		name  string
		body  string
		agent string
		paths []string
	}{
		{"disallowed paths", "User-agent: *\nDisallow: /private\nDisallow: /tmp/\n", agent,
			[]string{"+/", "+/news/a", "-/private", "-/private/x", "-/privateer", "-/tmp/x", "+/tmp"}},
		{"longest match wins", "User-agent: *\nDisallow: /a\nAllow: /a/b\n", agent,
			[]string{"-/a", "-/a/c", "+/a/b", "+/a/b/c"}},
		{"our group, not '*'", "User-agent: *\nDisallow: /\n\nUser-agent: lede\nDisallow: /drafts\n", agent,
			[]string{"+/", "+/news", "-/drafts/1"}},
		{"other agents' groups ignored", "User-agent: otherbot\nDisallow: /\n", agent,
			[]string{"+/", "+/x"}},
		{"'*' group for another crawler", "User-agent: *\nDisallow: /\n\nUser-agent: lede\nDisallow: /drafts\n", "otherbot/2",
			[]string{"-/", "-/news"}},
		{"agent match is not a prefix match", "User-agent: led\nDisallow: /\n", agent,
			[]string{"+/", "+/news"}},
		{"agent match ignores case and version", "User-agent: LEDE/2.0\nDisallow: /x\n", agent,
			[]string{"+/", "-/x"}},
		{"several agents in one group", "User-agent: otherbot\nUser-agent: lede\nDisallow: /both\n", agent,
			[]string{"+/", "-/both"}},
		{"groups for us are merged", "User-agent: lede\nDisallow: /a\n\nUser-agent: lede\nDisallow: /b\n", agent,
			[]string{"-/a", "-/b", "+/c"}},
		{"empty Disallow allows all (not merged into the next group)",
			"User-agent: lede\nDisallow:\n\nUser-agent: *\nDisallow: /\n", agent,
			[]string{"+/", "+/news/a"}},
		{"query is matched", "User-agent: *\nDisallow: /search?q=\nDisallow: /*?print=1\n", agent,
			[]string{"+/search", "-/search?q=x", "-/a/b?print=1", "+/a/b?print=2"}},
		{"wildcards and end anchor", "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*/amp/\n", agent,
			[]string{"-/a/b.pdf", "+/a/b.pdf?x=1", "+/a/b.pdfx", "-/news/amp/1", "+/amp/"}},
		{"non-ASCII path matches the escaped URL", "User-agent: *\nDisallow: /ümlaut\n", agent,
			[]string{"-/%C3%BCmlaut", "-/ümlaut/x", "+/umlaut"}},
		{"escapes compared case-insensitively", "User-agent: *\nDisallow: /a%2fb\n", agent,
			[]string{"-/a%2Fb", "+/a/b"}},
		{"comments, CRLF, BOM, odd spacing", "\ufeff# hello\r\nUSER-AGENT : * # all\r\n  disallow:/x   # no x\r\n", agent,
			[]string{"+/", "-/x/1"}},
		{"rules before any User-agent ignored, rest kept", "Disallow: /early\nCrawl-delay: 5\nUser-agent: *\nDisallow: /late\n", agent,
			[]string{"+/early", "-/late"}},
		{"bad lines ignored, rest kept", "User-agent: *\nCrawl-delay: soon\nnonsense\nFoo: bar\nDisallow: /x\n", agent,
			[]string{"+/", "-/x"}},
		{"robots.txt itself always allowed", "User-agent: *\nDisallow: /\n", agent,
			[]string{"+/robots.txt", "-/", "-/robots.txt.bak"}},
		{"empty file allows all", "", agent, []string{"+/", "+/x"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rules, err := Parse(200, []byte(tc.body), tc.agent)
			if err != nil {
				t.Fatal(err)
			}
			checkPaths(t, rules, tc.paths...)
		})
	}
}

func TestParseStatus(t *testing.T) {
	const body = "User-agent: *\nDisallow: /x\n"
	for _, tc := range []struct {
		status  int
		paths   []string
		wantErr bool
	}{
		{200, []string{"+/", "-/x"}, false},
		{204, []string{"+/", "-/x"}, false},
		{301, []string{"+/", "+/x"}, false}, // a redirect not followed: unavailable
		{401, []string{"+/", "+/x"}, false},
		{403, []string{"+/", "+/x"}, false},
		{404, []string{"+/", "+/x"}, false},
		{410, []string{"+/", "+/x"}, false},
		{429, []string{"-/", "-/x"}, false},
		{500, []string{"-/", "-/x"}, false},
		{503, []string{"-/", "-/x"}, false},
		{0, []string{"-/", "-/x"}, true},
		{600, []string{"-/", "-/x"}, true},
	} {
		rules, err := Parse(tc.status, []byte(body), agent)
		if (err != nil) != tc.wantErr {
			t.Errorf("status %d: err = %v, want error %v", tc.status, err, tc.wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), "status") {
			t.Errorf("status %d: error %q does not name the problem", tc.status, err)
		}
		t.Run(fmt.Sprint("status ", tc.status), func(t *testing.T) { checkPaths(t, rules, tc.paths...) })
	}
}

func TestCrawlDelay(t *testing.T) {
	for _, tc := range []struct {
		name string
		body string
		want time.Duration
	}{
		{"our group", "User-agent: *\nCrawl-delay: 10\n\nUser-agent: lede\nCrawl-delay: 2\n", 2 * time.Second},
		{"'*' group when none for us", "User-agent: other\nCrawl-delay: 7\n\nUser-agent: *\nCrawl-delay: 3.5\n", 3500 * time.Millisecond},
		{"our group without one: none", "User-agent: *\nCrawl-delay: 10\n\nUser-agent: lede\nDisallow: /x\n", 0},
		{"not said", "User-agent: *\nDisallow: /x\n", 0},
		{"invalid ignored", "User-agent: *\nCrawl-delay: -3\nCrawl-delay: NaN\n", 0},
		{"huge capped", "User-agent: *\nCrawl-delay: 1e300\n", maxCrawlDelay},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rules, err := Parse(200, []byte(tc.body), agent)
			if err != nil {
				t.Fatal(err)
			}
			if got := rules.CrawlDelay(); got != tc.want {
				t.Errorf("CrawlDelay() = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSitemaps(t *testing.T) {
	body := "Sitemap: https://news.example.com/sitemap.xml\nUser-agent: *\nDisallow: /x\n" +
		"sitemap:https://news.example.com/news.xml # news\nSitemap:\n"
	rules, err := Parse(200, []byte(body), agent)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://news.example.com/sitemap.xml", "https://news.example.com/news.xml"}
	got := rules.Sitemaps()
	if !slices.Equal(got, want) {
		t.Fatalf("Sitemaps() = %q, want %q", got, want)
	}
	got[0] = "changed"
	if rules.Sitemaps()[0] != want[0] {
		t.Error("Sitemaps() returns the Rules' own slice")
	}
	for _, status := range []int{404, 500} {
		if r, _ := Parse(status, []byte(body), agent); r.Sitemaps() != nil {
			t.Errorf("status %d: Sitemaps() = %q, want none", status, r.Sitemaps())
		}
	}
}

func TestParseSizeCap(t *testing.T) {
	filler := "# " + strings.Repeat("x", 98) + "\n" // 100 bytes
	var b strings.Builder
	b.WriteString("User-agent: *\nDisallow: /early\n")
	for b.Len() < MaxSize-50 {
		b.WriteString(filler)
	}
	b.WriteString("Disallow: /straddles-the-limit-and-is-cut-so-it-must-be-ignored\n")
	for b.Len() < MaxSize+1000 {
		b.WriteString(filler)
	}
	b.WriteString("Disallow: /late\n")
	rules, err := Parse(200, []byte(b.String()), agent)
	if err != nil {
		t.Fatal(err)
	}
	// "/straddles..." cut at the limit would read "/straddles-the-li...": a
	// shorter rule disallowing more. The cut line is dropped instead.
	checkPaths(t, rules, "-/early", "+/late", "+/straddles-the-limit-and-is-cut-so-it-must-be-ignored", "+/straddles-the-li")
}

func TestZeroRules(t *testing.T) {
	var zero Rules
	var none *Rules
	u := mustURL(t, "https://example.com/x")
	if !zero.Allowed(u) || !none.Allowed(u) || zero.CrawlDelay() != 0 || none.CrawlDelay() != 0 ||
		zero.Sitemaps() != nil || none.Sitemaps() != nil {
		t.Error("zero and nil Rules should allow everything, with no delay and no sitemaps")
	}
}

func TestProductToken(t *testing.T) {
	for in, want := range map[string]string{
		"lede/1.0 (+https://example.com)": "lede",
		"  Lede_Bot-2/3":                  "lede_bot-",
		"Mozilla/5.0 (compatible; lede)":  "mozilla",
		"":                                "",
		"/1.0":                            "",
	} {
		if got := productToken(in); got != want {
			t.Errorf("productToken(%q) = %q, want %q", in, got, want)
		}
	}
}
