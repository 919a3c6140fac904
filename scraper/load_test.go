package scraper

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

// writeConfig writes text as a config file in a fresh directory.
func writeConfig(t testing.TB, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const minimalSite = `
sites:
  - name: example
    start: [https://example.com/news]
    articles: ['^https://example\.com/a/\d+$']
`

func TestLoadConfigDefaults(t *testing.T) {
	cfg, err := LoadConfig(writeConfig(t, minimalSite), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := CrawlConfig{
		UserAgent: DefaultUserAgent, Concurrency: 8, PerHost: 2, Delay: time.Second,
		Timeout: 30 * time.Second, Retries: 3, MaxBody: 10 << 20, RespectRobots: true, MaxRedirects: 10,
		RecheckFailed: 168 * time.Hour,
	}
	if cfg.Crawl != want {
		t.Errorf("crawl = %+v, want %+v", cfg.Crawl, want)
	}
	if cfg.Output != (OutputConfig{Dir: "out", Format: "jsonl"}) || cfg.State.Path != "state/lede.db" {
		t.Errorf("output %+v state %+v", cfg.Output, cfg.State)
	}
	if len(cfg.Sites) != 1 {
		t.Fatalf("sites = %d", len(cfg.Sites))
	}
	s := cfg.Sites[0]
	if s.Name != "example" || s.MaxDepth != DefaultMaxDepth || s.Sitemaps || s.Timezone != nil ||
		len(s.Start) != 1 || s.Start[0] != "https://example.com/news" ||
		len(s.Articles) != 1 || !s.Articles[0].MatchString("https://example.com/a/12") || len(s.Follow) != 0 {
		t.Errorf("site = %+v", s)
	}
}

func TestLoadConfigFullSite(t *testing.T) {
	cfg, err := LoadConfig(writeConfig(t, `
output: {dir: /tmp/x, format: markdown}
state: {path: s.db}
crawl: {user_agent: "bot (+mailto:a@b.c)", concurrency: 3, per_host: 1, delay: 250ms, timeout: 5s,
        retries: 0, max_body: 512KB, respect_robots: false, max_redirects: 0, recheck_failed: 0}
sites:
  - name: kr.site-1
    start: https://News.Example.KR/list
    follow: ['list\.php\?page=\d+']
    articles: ['/article/\d+$', 'view\.html']
    timezone: Asia/Seoul
    max_depth: 0
    sitemaps: true
    feeds: [https://example.kr/rss.xml]
    domains: [News.Example.KR, example.kr]
    selectors: {headline: h1.title, body: "#body", remove: [.ad, "div.share"]}
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := cfg.Crawl
	if c.UserAgent != "bot (+mailto:a@b.c)" || c.Concurrency != 3 || c.PerHost != 1 || c.Delay != 250*time.Millisecond ||
		c.Timeout != 5*time.Second || c.Retries != 0 || c.MaxBody != 512000 || c.RespectRobots || c.MaxRedirects != 0 ||
		c.RecheckFailed != 0 {
		t.Errorf("crawl = %+v", c)
	}
	if cfg.Output.Format != "markdown" || cfg.Output.Dir != "/tmp/x" || cfg.State.Path != "s.db" {
		t.Errorf("output %+v state %+v", cfg.Output, cfg.State)
	}
	s := cfg.Sites[0]
	if s.Start[0] != "https://news.example.kr/list" {
		t.Errorf("start = %q, want the host lower-cased", s.Start)
	}
	if s.Timezone == nil || s.Timezone.String() != "Asia/Seoul" || s.MaxDepth != 0 || !s.Sitemaps {
		t.Errorf("site = %+v", s)
	}
	if len(s.Articles) != 2 || len(s.Follow) != 1 || len(s.Feeds) != 1 {
		t.Errorf("patterns/feeds = %v %v %v", s.Articles, s.Follow, s.Feeds)
	}
	if strings.Join(s.Domains, ",") != "news.example.kr,example.kr" {
		t.Errorf("domains = %v", s.Domains)
	}
	if s.Selectors.Headline != "h1.title" || s.Selectors.Body != "#body" || len(s.Selectors.Remove) != 2 {
		t.Errorf("selectors = %+v", s.Selectors)
	}
}

// TestLoadConfigRejects lists every rule: each bad file must fail with a
// message naming the key (and the value, where there is one).
func TestLoadConfigRejects(t *testing.T) {
	site := func(extra string) string {
		return "sites:\n  - name: a\n    start: [https://a.example/]\n    articles: ['x']\n" + extra
	}
	tests := []struct {
		name, yaml string
		want       []string // substrings of the error
	}{
		{"unknown top-level key", "outptu: {dir: x}\n" + site(""), []string{"outptu: unknown key"}},
		{"unknown crawl key", "crawl: {delai: 1s}\n" + site(""), []string{"crawl.delai: unknown key"}},
		{"unknown output key", "output: {directory: x}\n" + site(""), []string{"output.directory: unknown key"}},
		{"unknown state key", "state: {file: x}\n" + site(""), []string{"state.file: unknown key"}},
		{"unknown site key", site("  - name: b\n    start: [https://b.example/]\n    articles: [x]\n    folow: [x]\n"), []string{"sites[1].folow: unknown key"}},
		{"unknown selector key", site("    selectors: {title: h1}\n"), []string{"sites[0].selectors.title: unknown key"}},
		{"section not a mapping", "crawl: 5\n" + site(""), []string{"crawl: want a mapping"}},
		{"bad follow regexp", site("    follow: ['ok', '(']\n"), []string{"sites[0].follow[1]: bad regular expression \"(\""}},
		{"bad articles regexp", "sites:\n  - name: a\n    start: [https://a.example/]\n    articles: ['[z-a]']\n", []string{"sites[0].articles[0]: bad regular expression \"[z-a]\""}},
		{"relative start URL", "sites:\n  - name: a\n    start: [/news]\n    articles: [x]\n", []string{"sites[0].start[0]: bad URL \"/news\""}},
		{"ftp start URL", "sites:\n  - name: a\n    start: ['ftp://a.example/']\n    articles: [x]\n", []string{"sites[0].start[0]: bad URL \"ftp://a.example/\""}},
		{"unparsable URL", "sites:\n  - name: a\n    start: ['http://a b:x/']\n    articles: [x]\n", []string{"sites[0].start[0]: bad URL"}},
		{"bad feed URL", site("    feeds: [rss.xml]\n"), []string{"sites[0].feeds[0]: bad URL \"rss.xml\""}},
		{"bad delay", "crawl: {delay: soon}\n" + site(""), []string{"crawl.delay: bad duration \"soon\""}},
		{"delay without unit", "crawl: {delay: 5}\n" + site(""), []string{"crawl.delay: bad duration \"5\""}},
		{"negative delay", "crawl: {delay: -1s}\n" + site(""), []string{"crawl.delay: bad duration \"-1s\": negative"}},
		{"bad recheck_failed", "crawl: {recheck_failed: 7d}\n" + site(""), []string{"crawl.recheck_failed: bad duration \"7d\""}},
		{"negative recheck_failed", "crawl: {recheck_failed: -1h}\n" + site(""), []string{"crawl.recheck_failed: bad duration \"-1h\": negative"}},
		{"zero timeout", "crawl: {timeout: 0s}\n" + site(""), []string{"crawl.timeout: bad duration \"0s\": must be more than zero"}},
		{"bad size", "crawl: {max_body: lots}\n" + site(""), []string{"crawl.max_body: bad size \"lots\""}},
		{"bad size unit", "crawl: {max_body: 10MX}\n" + site(""), []string{"crawl.max_body: bad size \"10MX\": unknown unit"}},
		{"zero size", "crawl: {max_body: 0}\n" + site(""), []string{"crawl.max_body: bad size \"0\""}},
		{"bad time zone", site("    timezone: Mars/Olympus\n"), []string{"sites[0].timezone: bad time zone \"Mars/Olympus\""}},
		{"bad format", "output: {format: csv}\n" + site(""), []string{"output.format: bad format \"csv\""}},
		{"zero concurrency", "crawl: {concurrency: 0}\n" + site(""), []string{"crawl.concurrency: 0 is too small"}},
		{"negative per_host", "crawl: {per_host: -2}\n" + site(""), []string{"crawl.per_host: -2 is too small"}},
		{"non-numeric retries", "crawl: {retries: many}\n" + site(""), []string{"crawl.retries: bad integer \"many\""}},
		{"negative max_depth", site("    max_depth: -1\n"), []string{"sites[0].max_depth: -1 is too small"}},
		{"bad boolean", "crawl: {respect_robots: sometimes}\n" + site(""), []string{"crawl.respect_robots: bad boolean \"sometimes\""}},
		{"empty user agent", "crawl: {user_agent: ''}\n" + site(""), []string{"crawl.user_agent: must not be empty"}},
		{"duplicate site names", site("  - name: a\n    start: [https://b.example/]\n    articles: [x]\n"), []string{"sites[1].name: duplicate site name \"a\" (also sites[0])"}},
		{"site without name", "sites:\n  - start: [https://a.example/]\n    articles: [x]\n", []string{"sites[0].name: required"}},
		{"site name with slash", "sites:\n  - name: a/b\n    start: [https://a.example/]\n    articles: [x]\n", []string{"sites[0].name: bad site name \"a/b\""}},
		{"site with nothing to crawl", "sites:\n  - name: a\n    articles: [x]\n", []string{"sites[0]: site \"a\" has nothing to crawl"}},
		{"sitemaps without domains", "sites:\n  - name: a\n    sitemaps: true\n    articles: [x]\n", []string{"has nothing to crawl"}},
		{"site without articles", "sites:\n  - name: a\n    start: [https://a.example/]\n", []string{"sites[0].articles: required"}},
		{"no sites", "crawl: {delay: 1s}\n", []string{"sites: no site configured"}},
		{"empty sites", "sites: []\n", []string{"sites: no site configured"}},
		{"sites not a list", "sites: {name: a}\n", []string{"sites: want a list"}},
		{"site not a mapping", "sites: [a]\n", []string{"sites[0]: want a mapping"}},
		{"bad domain", site("    domains: ['https://a.example/']\n"), []string{"sites[0].domains[0]: bad domain"}},
		{"bad CSS selector", site("    selectors: {body: 'div[['}\n"), []string{"sites[0].selectors.body: bad CSS selector \"div[[\""}},
		{"start is a mapping", "sites:\n  - name: a\n    start: {u: x}\n    articles: [x]\n", []string{"sites[0].start: want a list of strings"}},
		{"not YAML", "sites: [\n", []string{"config.yaml"}},
		{"several problems at once", "crawl: {delay: x, concurrency: 0}\n" + site("    folow: []\n"),
			[]string{"crawl.delay: bad duration", "crawl.concurrency: 0 is too small", "sites[0].folow: unknown key"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.yaml)
			cfg, err := LoadConfig(path, nil)
			if err == nil {
				t.Fatalf("accepted %q: %+v", tt.yaml, cfg)
			}
			if !strings.HasPrefix(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadConfigMissingFile(t *testing.T) {
	_, err := LoadConfig(filepath.Join(t.TempDir(), "nope.yaml"), nil)
	if err == nil || !strings.Contains(err.Error(), "nope.yaml") {
		t.Fatalf("err = %v, want one naming the file", err)
	}
}

func TestLoadConfigSizes(t *testing.T) {
	for in, want := range map[string]int64{
		"10MiB": 10 << 20, "512KB": 512000, "1048576": 1 << 20, "1gib": 1 << 30, "3 MB": 3000000, "7B": 7, "2KiB": 2048,
	} {
		got, err := ParseSize(in)
		if err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1", "1.5MB", "MB", "10 M B", "99999999999999999999", "9999999999999GiB", "0"} {
		if n, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", in, n)
		}
	}
}

func TestLoadConfigEnvOverridesFile(t *testing.T) {
	path := writeConfig(t, "output: {dir: from-file}\ncrawl: {delay: 3s, concurrency: 4}\n"+minimalSite)
	t.Setenv("LEDE_OUTPUT_DIR", "from-env")
	t.Setenv("LEDE_CRAWL_DELAY", "2s")
	t.Setenv("LEDE_STATE_PATH", "env.db")
	t.Setenv("LEDE_CRAWL_MAX_BODY", "1MB")
	t.Setenv("LEDE_CRAWL_RESPECT_ROBOTS", "false")
	t.Setenv("LEDE_CRAWL_USER_AGENT", "envbot")
	t.Setenv("LEDE_CRAWL_RECHECK_FAILED", "36h")
	cfg, err := LoadConfig(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Output.Dir != "from-env" || cfg.Crawl.Delay != 2*time.Second || cfg.State.Path != "env.db" ||
		cfg.Crawl.MaxBody != 1000000 || cfg.Crawl.RespectRobots || cfg.Crawl.UserAgent != "envbot" ||
		cfg.Crawl.RecheckFailed != 36*time.Hour {
		t.Errorf("env did not override: %+v %+v %+v", cfg.Output, cfg.State, cfg.Crawl)
	}
	if cfg.Crawl.Concurrency != 4 {
		t.Errorf("concurrency = %d, want the file's 4 (no env for it)", cfg.Crawl.Concurrency)
	}
}

func TestLoadConfigBadEnvNamesVariable(t *testing.T) {
	t.Setenv("LEDE_CRAWL_DELAY", "later")
	_, err := LoadConfig(writeConfig(t, minimalSite), nil)
	if err == nil || !strings.Contains(err.Error(), `crawl.delay: bad duration "later" (from LEDE_CRAWL_DELAY)`) {
		t.Fatalf("err = %v", err)
	}
}

func TestLoadConfigFlagsOverrideEnvAndFile(t *testing.T) {
	path := writeConfig(t, "output: {dir: from-file, format: jsonl}\ncrawl: {delay: 3s, concurrency: 4}\n"+minimalSite)
	t.Setenv("LEDE_OUTPUT_DIR", "from-env")
	t.Setenv("LEDE_CRAWL_DELAY", "2s")
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	AddConfigFlags(fs)
	if err := fs.Parse([]string{"--out", "from-flag", "--concurrency", "6", "--respect-robots=false", "--max-body", "2KiB", "--recheck-failed", "0"}); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(path, fs)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Output.Dir != "from-flag" || cfg.Crawl.Concurrency != 6 || cfg.Crawl.RespectRobots || cfg.Crawl.MaxBody != 2048 ||
		cfg.Crawl.RecheckFailed != 0 {
		t.Errorf("flags did not override: %+v %+v", cfg.Output, cfg.Crawl)
	}
	// Flags not given leave env and file alone, whatever their defaults.
	if cfg.Crawl.Delay != 2*time.Second || cfg.Output.Format != "jsonl" || cfg.Crawl.Retries != 3 {
		t.Errorf("unset flags changed values: %+v %+v", cfg.Output, cfg.Crawl)
	}
}

func TestLoadConfigBadFlagNamesFlag(t *testing.T) {
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	AddConfigFlags(fs)
	if err := fs.Parse([]string{"--format", "xml", "--concurrency", "0", "--recheck-failed", "weekly"}); err != nil {
		t.Fatal(err)
	}
	_, err := LoadConfig(writeConfig(t, minimalSite), fs)
	for _, w := range []string{`output.format: bad format "xml" (from --format)`, "crawl.concurrency: 0 (from --concurrency) is too small",
		`crawl.recheck_failed: bad duration "weekly" (from --recheck-failed)`} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("err = %v, want %q", err, w)
		}
	}
}

func TestLoadConfigNoFile(t *testing.T) {
	cfg, err := LoadConfig("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sites) != 0 || cfg.Crawl.Concurrency != 8 {
		t.Errorf("cfg = %+v", cfg)
	}
}

func TestQuickConfig(t *testing.T) {
	cfg, err := QuickConfig([]string{"https://News.example.kr/list?a=1", "https://other.example:8080/", "https://news.example.kr/b"},
		[]string{`/article/\d+`}, []string{`list\?`})
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sites) != 2 {
		t.Fatalf("sites = %+v, want one per host", cfg.Sites)
	}
	a, b := cfg.Sites[0], cfg.Sites[1]
	if a.Name != "news.example.kr" || len(a.Start) != 2 || a.Start[0] != "https://news.example.kr/list?a=1" || b.Name != "other.example_8080" {
		t.Errorf("sites = %+v / %+v", a, b)
	}
	if len(a.Articles) != 1 || len(a.Follow) != 1 || a.MaxDepth != DefaultMaxDepth || cfg.Crawl.Concurrency != 8 {
		t.Errorf("site = %+v", a)
	}
}

func TestQuickConfigRejects(t *testing.T) {
	tests := []struct {
		name                   string
		urls, articles, follow []string
		want                   string
	}{
		{"no URL", nil, []string{"x"}, nil, "no start URL"},
		{"no articles", []string{"https://a.example/"}, nil, nil, "--articles: required"},
		{"bad articles", []string{"https://a.example/"}, []string{"("}, nil, `--articles[0]: bad regular expression "("`},
		{"bad follow", []string{"https://a.example/"}, []string{"x"}, []string{"ok", "+"}, `--follow[1]: bad regular expression "+"`},
		{"relative URL", []string{"a.example/news"}, []string{"x"}, nil, `URL[0]: bad URL "a.example/news"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := QuickConfig(tt.urls, tt.articles, tt.follow)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestRepositoryConfig loads the repository's config.yaml, the example
// users start from.
func TestRepositoryConfig(t *testing.T) {
	cfg, err := LoadConfig(filepath.Join("..", "config.yaml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sites) < 3 || cfg.Sites[0].Name != "globaleconomictimes" {
		t.Fatalf("sites = %+v", cfg.Sites)
	}
	get := cfg.Sites[0]
	if get.Timezone == nil || get.Timezone.String() != "Asia/Seoul" {
		t.Errorf("timezone = %v", get.Timezone)
	}
	matches := func(res []*regexp.Regexp, u string) bool {
		for _, re := range res {
			if re.MatchString(u) {
				return true
			}
		}
		return false
	}
	for u, want := range map[string][2]bool{ // {follow, articles}
		"https://globaleconomictimes.kr/article/1065585485169545":     {false, true},
		"https://globaleconomictimes.kr/list.php?part_idx=299":        {true, false},
		"https://globaleconomictimes.kr/list.php?part_idx=299&page=2": {true, false},
		"https://elsewhere.example/article/1065585485169545":          {false, false},
	} {
		if got := [2]bool{matches(get.Follow, u), matches(get.Articles, u)}; got != want {
			t.Errorf("%s: follow, articles = %v, want %v", u, got, want)
		}
	}
}

// FuzzLoadConfig feeds random YAML to the loader: it must never panic, and
// whatever it accepts must satisfy the rules it enforces.
func FuzzLoadConfig(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("..", "config.yaml")); err == nil {
		f.Add(string(b))
	}
	f.Add(minimalSite)
	f.Add("crawl: {delay: 1s, max_body: 1KiB}\n" + minimalSite)
	f.Add("sites: [{name: a, feeds: ['https://a/'], articles: [x], selectors: {remove: ['.x']}}]")
	f.Add("sites:\n  - name: a\n    start: x\n")
	f.Add("crawl: [1, 2]\nsites: 5\n")
	f.Fuzz(func(t *testing.T, text string) {
		path := writeConfig(t, text)
		cfg, err := LoadConfig(path, nil)
		if err != nil {
			if !strings.HasPrefix(err.Error(), path) && !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		c := cfg.Crawl
		if c.Concurrency < 1 || c.PerHost < 1 || c.Delay < 0 || c.Timeout <= 0 || c.Retries < 0 || c.MaxBody <= 0 || c.MaxRedirects < 0 || c.RecheckFailed < 0 || c.UserAgent == "" {
			t.Errorf("accepted bad crawl settings %+v", c)
		}
		if cfg.Output.Format != "jsonl" && cfg.Output.Format != "markdown" {
			t.Errorf("accepted format %q", cfg.Output.Format)
		}
		names := map[string]bool{}
		for _, s := range cfg.Sites {
			if names[s.Name] || !siteNameRE.MatchString(s.Name) {
				t.Errorf("accepted site name %q", s.Name)
			}
			names[s.Name] = true
			if len(s.Start)+len(s.Feeds) == 0 && !(s.Sitemaps && len(s.Domains) > 0) {
				t.Errorf("accepted site %q with nothing to crawl", s.Name)
			}
			if s.MaxDepth < 0 || len(s.Articles) == 0 {
				t.Errorf("accepted site %+v", s)
			}
		}
		if len(cfg.Sites) == 0 {
			t.Error("accepted a file with no site")
		}
	})
}
