package scraper

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	// Time zones must load on machines without a zoneinfo database.
	_ "time/tzdata"
)

// DefaultUserAgent is sent when the configuration names none; it points at
// the project so that a site's operator can find who is crawling.
const DefaultUserAgent = "lede/0.1 (+https://github.com/lede-news/lede)"

// DefaultMaxDepth bounds a site's walk when its entry says nothing: five
// hops reach the articles of a section's fifth page of pagination.
const DefaultMaxDepth = 5

// envPrefix prefixes the environment variables that override the file:
// LEDE_OUTPUT_DIR, LEDE_CRAWL_DELAY, LEDE_STATE_PATH...
const envPrefix = "LEDE"

// setting is one scalar configuration key: its default and the flag that
// overrides it.
type setting struct {
	key   string // dotted viper key
	def   any    // default value
	flag  string // overriding flag's name
	usage string // the flag's help
}

// settings is the table of scalar keys; sites are configured only in the
// file (or by QuickConfig).
func settings() []setting {
	return []setting{
		{"output.dir", "out", "out", "output directory (output.dir)"},
		{"output.format", "jsonl", "format", "output format, jsonl or markdown (output.format)"},
		{"state.path", "state/lede.db", "state", "state file (state.path)"},
		{"crawl.user_agent", DefaultUserAgent, "user-agent", "User-Agent header, with a contact (crawl.user_agent)"},
		{"crawl.concurrency", 8, "concurrency", "requests in flight across all hosts (crawl.concurrency)"},
		{"crawl.per_host", 2, "per-host", "requests in flight to one host (crawl.per_host)"},
		{"crawl.delay", "1s", "delay", "pause between requests to one host (crawl.delay)"},
		{"crawl.timeout", "30s", "timeout", "per-request timeout (crawl.timeout)"},
		{"crawl.retries", 3, "retries", "further tries after a timeout, 429 or 5xx (crawl.retries)"},
		{"crawl.max_body", "10MiB", "max-body", "largest response body, e.g. 10MiB, 512KB (crawl.max_body)"},
		{"crawl.respect_robots", true, "respect-robots", "obey robots.txt (crawl.respect_robots)"},
		{"crawl.max_redirects", 10, "max-redirects", "redirects followed per request (crawl.max_redirects)"},
		{"crawl.recheck_failed", "168h", "recheck-failed", "how long an article URL that failed for good is left alone; 0 retries every run (crawl.recheck_failed)"},
	}
}

// AddConfigFlags defines on fs the flags that override the configuration's
// scalar keys (--out, --format, --state, --concurrency, --delay...).
// LoadConfig applies those that were set explicitly.
func AddConfigFlags(fs *pflag.FlagSet) {
	for _, s := range settings() {
		switch d := s.def.(type) {
		case int:
			fs.Int(s.flag, d, s.usage)
		case bool:
			fs.Bool(s.flag, d, s.usage)
		default:
			fs.String(s.flag, fmt.Sprint(d), s.usage)
		}
	}
}

// envName is the environment variable overriding key.
func envName(key string) string {
	return envPrefix + "_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// LoadConfig reads the configuration: defaults, then the YAML file at path,
// then LEDE_ environment variables (LEDE_CRAWL_DELAY=2s overrides
// crawl.delay), then the flags of flags that were explicitly set (see
// AddConfigFlags). An empty path reads no file and configures no site.
// Every problem is reported, each naming its key and value: unknown keys,
// bad regular expressions, URLs, durations, sizes, time zones...
func LoadConfig(path string, flags *pflag.FlagSet) (*Config, error) {
	v := viper.New()
	for _, s := range settings() {
		v.SetDefault(s.key, s.def)
	}
	v.SetEnvPrefix(envPrefix)
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()

	var file map[string]any
	if path != "" {
		fv, err := readFile(path)
		if err != nil {
			return nil, err
		}
		file = fv.AllSettings()
		if err := v.MergeConfigMap(file); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	changed := map[string]string{} // key -> flag that set it
	if flags != nil {
		for _, s := range settings() {
			if f := flags.Lookup(s.flag); f != nil && f.Changed {
				v.Set(s.key, f.Value.String())
				changed[s.key] = s.flag
			}
		}
	}

	d := &decoder{source: func(key string) string {
		if f, ok := changed[key]; ok {
			return " (from --" + f + ")"
		}
		if _, ok := os.LookupEnv(envName(key)); ok {
			return " (from " + envName(key) + ")"
		}
		return ""
	}}
	d.checkShape(file)
	cfg := d.config(v)
	if path != "" {
		d.sites(cfg, file["sites"])
	}
	if err := errors.Join(d.errs...); err != nil {
		if path != "" {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return nil, err
	}
	return cfg, nil
}

// readFile parses the configuration file alone, so that its own keys can be
// checked before defaults and overrides are mixed in.
func readFile(path string) (*viper.Viper, error) {
	fv := viper.New()
	fv.SetConfigFile(path)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json", ".toml":
	default:
		fv.SetConfigType("yaml")
	}
	if err := fv.ReadInConfig(); err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("reading the configuration: %w", err)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return fv, nil
}

// QuickConfig configures a crawl without a file: the default settings (and
// LEDE_ environment overrides) and one site per host of urls, starting from
// those urls, following links that match follow and extracting those that
// match articles. Sites are named after their host.
func QuickConfig(urls []string, articles, follow []string) (*Config, error) {
	cfg, err := LoadConfig("", nil)
	if err != nil {
		return nil, err
	}
	d := &decoder{source: func(string) string { return "" }}
	if len(urls) == 0 {
		d.fail("URL", "no start URL given")
	}
	if len(articles) == 0 {
		d.fail("--articles", "required: a regular expression for article pages")
	}
	arts := d.regexps("--articles", articles)
	fol := d.regexps("--follow", follow)
	byHost := map[string]int{}
	for i, raw := range urls {
		u := d.url(fmt.Sprintf("URL[%d]", i), raw)
		if u == nil {
			continue
		}
		host := strings.ToLower(u.Host)
		j, ok := byHost[host]
		if !ok {
			j = len(cfg.Sites)
			byHost[host] = j
			cfg.Sites = append(cfg.Sites, Site{
				Name:     siteNameFor(host),
				Follow:   fol,
				Articles: arts,
				MaxDepth: DefaultMaxDepth,
			})
		}
		cfg.Sites[j].Start = append(cfg.Sites[j].Start, u.String())
	}
	if err := errors.Join(d.errs...); err != nil {
		return nil, err
	}
	return cfg, nil
}

// siteNameFor turns a host into a site name usable as a directory name.
func siteNameFor(host string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, host)
}

// siteNameRE is what a site name may be: it names an output directory.
var siteNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// absoluteURL reports whether u is an absolute http(s) URL with a host.
func absoluteURL(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.Opaque == ""
}
