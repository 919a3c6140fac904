package robots

import (
	"net/url"
	"testing"
	"time"
)

func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"User-agent: *\nDisallow: /private\nAllow: /private/ok\nCrawl-delay: 1.5\nSitemap: https://x/s.xml\n",
		"User-agent: lede\nDisallow:\n\nUser-agent: *\nDisallow: /\n",
		"Disallow: /before-agent\nUser-agent: *\nCrawl-delay: soon\nDisallow: /*.pdf$\n",
		"\ufeffUSER-AGENT:*\r\ndisallow:/a b c\r\nallow:/ümlaut%2f\r\n# comment\r\n",
		"User-agent: *\nDisallow: /a$b*c$$**\nCrawl-delay: 1e300\nCrawl-delay: 0x1p-2\n",
		"User-agent:\nDisallow: :\nSitemap: \v\x00\n:::\n\r\r\n",
		"",
	} {
		f.Add(seed, "/private/x?y=1")
	}
	f.Fuzz(func(t *testing.T, body, path string) {
		rules, err := Parse(200, []byte(body), agent)
		if err != nil {
			t.Fatalf("a 2xx robots.txt must parse leniently, got %v", err)
		}
		u, err := url.Parse(path)
		if err != nil {
			return
		}
		rules.Allowed(u)
		if d := rules.CrawlDelay(); d < 0 || d > maxCrawlDelay {
			t.Errorf("CrawlDelay() = %v, want within [0, %v]", d, time.Duration(maxCrawlDelay))
		}
		for _, s := range rules.Sitemaps() {
			if s == "" {
				t.Error("empty sitemap URL")
			}
		}
	})
}
