package scraper

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/cascadia"
	"github.com/spf13/viper"

	"github.com/lede-news/lede/extract"
)

// Keys each mapping of the file may hold; anything else is a typo to
// reject rather than a setting to ignore.
var (
	topKeys      = []string{"output", "state", "crawl", "sites"}
	sectionKeys  = map[string][]string{"output": {"dir", "format"}, "state": {"path"}, "crawl": {"user_agent", "concurrency", "per_host", "delay", "timeout", "retries", "max_body", "respect_robots", "max_redirects", "recheck_failed"}}
	siteKeys     = []string{"name", "start", "follow", "articles", "timezone", "max_depth", "sitemaps", "feeds", "selectors", "domains"}
	selectorKeys = []string{"headline", "byline", "published", "body", "remove"}
)

// formats are the output formats a crawl can write.
var formats = []string{"jsonl", "markdown"}

// decoder turns viper's loosely typed settings into a Config, collecting
// every problem it finds, each naming its key.
type decoder struct {
	errs   []error
	source func(key string) string // " (from --flag)" or " (from LEDE_X)" or ""
}

func (d *decoder) fail(key, format string, args ...any) {
	d.errs = append(d.errs, fmt.Errorf("%s: "+format, append([]any{key}, args...)...))
}

// checkShape rejects unknown keys and non-mappings in the file's top level
// and sections; sites are checked as they are decoded.
func (d *decoder) checkShape(file map[string]any) {
	d.unknown("", file, topKeys)
	for _, sec := range []string{"output", "state", "crawl"} {
		val, ok := file[sec]
		if !ok {
			continue
		}
		m, ok := val.(map[string]any)
		if !ok {
			d.fail(sec, "want a mapping, got %s", describe(val))
			continue
		}
		d.unknown(sec+".", m, sectionKeys[sec])
	}
}

// unknown reports the keys of m that are not in known, in sorted order.
func (d *decoder) unknown(prefix string, m map[string]any, known []string) {
	var bad []string
	for k := range m {
		if !contains(known, strings.ToLower(k)) {
			bad = append(bad, k)
		}
	}
	sort.Strings(bad)
	for _, k := range bad {
		d.fail(prefix+k, "unknown key")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// config decodes the scalar settings, defaults and overrides included.
func (d *decoder) config(v *viper.Viper) *Config {
	cfg := &Config{}
	cfg.Output.Dir = d.nonEmpty("output.dir", v.Get("output.dir"))
	cfg.Output.Format = strings.ToLower(d.nonEmpty("output.format", v.Get("output.format")))
	if cfg.Output.Format != "" && !contains(formats, cfg.Output.Format) {
		d.fail("output.format", "bad format %q%s: want %s", cfg.Output.Format, d.source("output.format"), strings.Join(formats, " or "))
	}
	cfg.State.Path = d.nonEmpty("state.path", v.Get("state.path"))
	c := &cfg.Crawl
	c.UserAgent = d.nonEmpty("crawl.user_agent", v.Get("crawl.user_agent"))
	c.Concurrency = d.intAtLeast("crawl.concurrency", v.Get("crawl.concurrency"), 1)
	c.PerHost = d.intAtLeast("crawl.per_host", v.Get("crawl.per_host"), 1)
	c.Delay = d.duration("crawl.delay", v.Get("crawl.delay"), false)
	c.Timeout = d.duration("crawl.timeout", v.Get("crawl.timeout"), true)
	c.Retries = d.intAtLeast("crawl.retries", v.Get("crawl.retries"), 0)
	c.MaxBody = d.size("crawl.max_body", v.Get("crawl.max_body"))
	c.RespectRobots = d.boolean("crawl.respect_robots", v.Get("crawl.respect_robots"))
	c.MaxRedirects = d.intAtLeast("crawl.max_redirects", v.Get("crawl.max_redirects"), 0)
	c.RecheckFailed = d.duration("crawl.recheck_failed", v.Get("crawl.recheck_failed"), false)
	return cfg
}

// sites decodes the file's sites list into cfg.
func (d *decoder) sites(cfg *Config, val any) {
	list, ok := val.([]any)
	if !ok {
		if val == nil {
			d.fail("sites", "no site configured")
		} else {
			d.fail("sites", "want a list of sites, got %s", describe(val))
		}
		return
	}
	if len(list) == 0 {
		d.fail("sites", "no site configured")
	}
	seen := map[string]int{}
	for i, item := range list {
		key := fmt.Sprintf("sites[%d]", i)
		m, ok := item.(map[string]any)
		if !ok {
			d.fail(key, "want a mapping, got %s", describe(item))
			continue
		}
		s := d.site(key, lower(m))
		if s.Name != "" {
			if j, dup := seen[s.Name]; dup {
				d.fail(key+".name", "duplicate site name %q (also sites[%d])", s.Name, j)
			} else {
				seen[s.Name] = i
			}
		}
		cfg.Sites = append(cfg.Sites, s)
	}
}

// lower copies m with lower-cased keys.
func lower(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

// site decodes one entry of sites.
func (d *decoder) site(key string, m map[string]any) Site {
	d.unknown(key+".", m, siteKeys)
	s := Site{MaxDepth: DefaultMaxDepth}
	s.Name = d.str(key+".name", m["name"])
	switch {
	case s.Name == "":
		d.fail(key+".name", "required")
	case !siteNameRE.MatchString(s.Name):
		d.fail(key+".name", "bad site name %q: use letters, digits, '.', '-' and '_' (it names a directory)", s.Name)
	}
	for i, raw := range d.strs(key+".start", m["start"]) {
		if u := d.url(fmt.Sprintf("%s.start[%d]", key, i), raw); u != nil {
			s.Start = append(s.Start, u.String())
		}
	}
	for i, raw := range d.strs(key+".feeds", m["feeds"]) {
		if u := d.url(fmt.Sprintf("%s.feeds[%d]", key, i), raw); u != nil {
			s.Feeds = append(s.Feeds, u.String())
		}
	}
	s.Follow = d.regexps(key+".follow", d.strs(key+".follow", m["follow"]))
	arts := d.strs(key+".articles", m["articles"])
	s.Articles = d.regexps(key+".articles", arts)
	if len(arts) == 0 {
		d.fail(key+".articles", "required: regular expressions for the site's article pages")
	}
	if tz := d.str(key+".timezone", m["timezone"]); tz != "" {
		loc, err := time.LoadLocation(tz)
		if err != nil {
			d.errs = append(d.errs, fmt.Errorf("%s.timezone: bad time zone %q: %w", key, tz, err))
		}
		s.Timezone = loc
	}
	if v, ok := m["max_depth"]; ok {
		s.MaxDepth = d.intAtLeast(key+".max_depth", v, 0)
	}
	if v, ok := m["sitemaps"]; ok {
		s.Sitemaps = d.boolean(key+".sitemaps", v)
	}
	for i, h := range d.strs(key+".domains", m["domains"]) {
		h = strings.ToLower(strings.TrimSpace(h))
		if h == "" || strings.ContainsAny(h, "/:?#@ ") {
			d.fail(fmt.Sprintf("%s.domains[%d]", key, i), "bad domain %q: want a host name such as example.com", h)
			continue
		}
		s.Domains = append(s.Domains, h)
	}
	if v, ok := m["selectors"]; ok && v != nil {
		s.Selectors = d.selectors(key+".selectors", v)
	}
	if len(s.Start) == 0 && len(s.Feeds) == 0 && !(s.Sitemaps && len(s.Domains) > 0) && !d.hasErrorUnder(key) {
		d.fail(key, "site %q has nothing to crawl: give start pages, feeds, or sitemaps: true with domains", s.Name)
	}
	return s
}

// hasErrorUnder reports whether a problem was already reported under key,
// so that a bad start URL does not also report an empty site.
func (d *decoder) hasErrorUnder(key string) bool {
	for _, e := range d.errs {
		if strings.HasPrefix(e.Error(), key+".") {
			return true
		}
	}
	return false
}

// selectors decodes a site's extractor overrides, checking that each is a
// CSS selector the extractor can run.
func (d *decoder) selectors(key string, val any) extract.Selectors {
	var sel extract.Selectors
	m, ok := val.(map[string]any)
	if !ok {
		d.fail(key, "want a mapping, got %s", describe(val))
		return sel
	}
	m = lower(m)
	d.unknown(key+".", m, selectorKeys)
	one := func(name string) string {
		s := d.str(key+"."+name, m[name])
		d.css(key+"."+name, s)
		return s
	}
	sel.Headline, sel.Byline, sel.Published, sel.Body = one("headline"), one("byline"), one("published"), one("body")
	for i, s := range d.strs(key+".remove", m["remove"]) {
		if d.css(fmt.Sprintf("%s.remove[%d]", key, i), s) {
			sel.Remove = append(sel.Remove, s)
		}
	}
	return sel
}

// css reports whether s is empty or a valid CSS selector, reporting it if not.
func (d *decoder) css(key, s string) bool {
	if s == "" {
		return true
	}
	if _, err := cascadia.ParseGroup(s); err != nil {
		d.errs = append(d.errs, fmt.Errorf("%s: bad CSS selector %q: %w", key, s, err))
		return false
	}
	return true
}

// regexps compiles each pattern; key names the list.
func (d *decoder) regexps(key string, pats []string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for i, p := range pats {
		re, err := regexp.Compile(p)
		if err != nil {
			d.errs = append(d.errs, fmt.Errorf("%s[%d]: bad regular expression %q: %w", key, i, p, err))
			continue
		}
		out = append(out, re)
	}
	return out
}

// url parses an absolute http(s) URL.
func (d *decoder) url(key, raw string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		d.errs = append(d.errs, fmt.Errorf("%s: bad URL %q: %w", key, raw, err))
		return nil
	}
	if !absoluteURL(u) {
		d.fail(key, "bad URL %q: want an absolute http or https URL", raw)
		return nil
	}
	u.Host = strings.ToLower(u.Host)
	return u
}

// describe names a value's kind in errors.
func describe(v any) string {
	switch v.(type) {
	case nil:
		return "nothing"
	case map[string]any, map[any]any:
		return "a mapping"
	case []any:
		return "a list"
	}
	return fmt.Sprintf("%q", fmt.Sprint(v))
}

// scalar turns a scalar setting into its text; ok is false for lists and
// mappings.
func scalar(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", true
	case string:
		return x, true
	case int, int64, int32, uint, uint64, uint32, float64, float32, bool:
		return fmt.Sprint(x), true
	case time.Duration:
		return x.String(), true
	}
	return "", false
}

func (d *decoder) str(key string, v any) string {
	s, ok := scalar(v)
	if !ok {
		d.fail(key, "want a string, got %s", describe(v))
	}
	return s
}

func (d *decoder) nonEmpty(key string, v any) string {
	s := strings.TrimSpace(d.str(key, v))
	if s == "" {
		d.fail(key, "must not be empty%s", d.source(key))
	}
	return s
}

// strs reads a list of strings; a single string is a list of one.
func (d *decoder) strs(key string, v any) []string {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		out := make([]string, 0, len(x))
		for i, item := range x {
			s, ok := scalar(item)
			if !ok || item == nil {
				d.fail(fmt.Sprintf("%s[%d]", key, i), "want a string, got %s", describe(item))
				continue
			}
			out = append(out, s)
		}
		return out
	case []string:
		return x
	}
	s, ok := scalar(v)
	if !ok {
		d.fail(key, "want a list of strings, got %s", describe(v))
		return nil
	}
	return []string{s}
}

func (d *decoder) intAtLeast(key string, v any, low int) int {
	s, ok := scalar(v)
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if f, isFloat := v.(float64); isFloat && f == math.Trunc(f) && math.Abs(f) < 1<<31 {
		n, err = int(f), nil
	}
	switch {
	case !ok || err != nil:
		d.fail(key, "bad integer %s%s", describe(v), d.source(key))
	case n < low:
		d.fail(key, "%d%s is too small: the least is %d", n, d.source(key), low)
	}
	return n
}

func (d *decoder) boolean(key string, v any) bool {
	if b, ok := v.(bool); ok {
		return b
	}
	s, _ := scalar(v)
	b, err := strconv.ParseBool(strings.TrimSpace(s))
	if err != nil {
		d.fail(key, "bad boolean %s%s: want true or false", describe(v), d.source(key))
	}
	return b
}

// duration reads a Go duration ("1s", "500ms", "2m"); positive demands
// more than zero, otherwise zero is allowed.
func (d *decoder) duration(key string, v any, positive bool) time.Duration {
	if t, ok := v.(time.Duration); ok {
		return d.checkDuration(key, v, t, positive)
	}
	s, ok := scalar(v)
	t, err := time.ParseDuration(strings.TrimSpace(s))
	if !ok || err != nil {
		d.fail(key, "bad duration %s%s: want a number with a unit, e.g. 1s, 500ms, 2m", describe(v), d.source(key))
		return 0
	}
	return d.checkDuration(key, v, t, positive)
}

func (d *decoder) checkDuration(key string, v any, t time.Duration, positive bool) time.Duration {
	switch {
	case t < 0:
		d.fail(key, "bad duration %s%s: negative", describe(v), d.source(key))
	case positive && t == 0:
		d.fail(key, "bad duration %s%s: must be more than zero", describe(v), d.source(key))
	}
	return t
}

func (d *decoder) size(key string, v any) int64 {
	s, _ := scalar(v)
	n, err := ParseSize(s)
	if err != nil {
		d.errs = append(d.errs, fmt.Errorf("%s: %w%s", key, err, d.source(key)))
	}
	return n
}

// sizeRE splits a size into its number and unit.
var sizeRE = regexp.MustCompile(`^([0-9]+)\s*([A-Za-z]*)$`)

// sizeUnits are the multipliers of ParseSize: SI units in powers of 1000,
// IEC units in powers of 1024.
var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"kb": 1000, "mb": 1000 * 1000, "gb": 1000 * 1000 * 1000,
	"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30,
}

// ParseSize reads a positive byte count: plain bytes ("1048576"), SI units
// ("512KB", "10MB", powers of 1000) or IEC units ("10MiB", powers of 1024).
func ParseSize(s string) (int64, error) {
	m := sizeRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, fmt.Errorf("bad size %q: want bytes or a number with a unit (KB, MB, GB, KiB, MiB, GiB)", s)
	}
	unit, ok := sizeUnits[strings.ToLower(m[2])]
	if !ok {
		return 0, fmt.Errorf("bad size %q: unknown unit %q (want B, KB, MB, GB, KiB, MiB or GiB)", s, m[2])
	}
	n, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil || n > math.MaxInt64/unit {
		return 0, fmt.Errorf("bad size %q: too large", s)
	}
	if n == 0 {
		return 0, fmt.Errorf("bad size %q: must be more than zero", s)
	}
	return n * unit, nil
}
