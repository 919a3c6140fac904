package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/lede-news/lede/scraper"
)

// progressEvery is how often the live progress line is redrawn: often
// enough to look alive, rarely enough not to flood a slow terminal.
const progressEvery = time.Second

// errQuiet ends a command with a status whose reason was already printed
// (the crawl's summary paragraph).
var errQuiet = errors.New("")

// crawlFlags are the crawl command's own flags; the configuration's scalar
// overrides (--out, --delay...) are scraper.AddConfigFlags'.
type crawlFlags struct {
	config    string
	sites     []string
	articles  []string
	follow    []string
	refresh   bool
	summary   string
	runID     string
	logFormat string
	logLevel  string
	progress  string
}

func newCrawlCmd() *cobra.Command {
	var f crawlFlags
	cmd := &cobra.Command{
		Use:   "crawl (--config FILE [--site NAME]... | URL... --articles REGEX [--follow REGEX])",
		Short: "Crawl news sites and write their new articles",
		Long: `Crawl walks the configured sites (or, without --config, the sites of the URLs
given) from their start pages, feeds and sitemaps, and writes every article it
has not written before: JSONL to <out>/<site>/<YYYY-MM-DD>/<run>.jsonl, or one
Markdown file per article. The state file remembers what was written, so a
re-run fetches only what is new, and a killed run's next start repairs its
output and finishes the rest.

Exit status: 0 done, 1 done but some pages failed (see the summary),
2 bad configuration or usage, 130 interrupted (SIGINT or SIGTERM).`,
		Example: `  lede crawl --config config.yaml
  lede crawl --config config.yaml --site guardian --site npr --summary summary.json
  lede crawl --config config.yaml --refresh          # revalidate known articles, write the changed ones
  lede crawl https://example.com/news/ --articles '^https://example\.com/news/\d+' \
      --follow '^https://example\.com/news/\?page=\d+$' --out out --state state/lede.db`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCrawl(cmd, f, args)
		},
	}
	fl := cmd.Flags()
	fl.SortFlags = false
	fl.StringVar(&f.config, "config", "", "configuration file (YAML); without it, crawl the URLs given with --articles")
	fl.StringSliceVar(&f.sites, "site", nil, "crawl only this configured site (repeatable)")
	fl.StringArrayVar(&f.articles, "articles", nil, "quick mode: regular expression of article URLs (repeatable)")
	fl.StringArrayVar(&f.follow, "follow", nil, "quick mode: regular expression of section and pagination URLs to walk (repeatable)")
	fl.BoolVar(&f.refresh, "refresh", false, "revalidate known articles with conditional GETs and write the changed ones (URLs that failed for good wait for crawl.recheck_failed)")
	fl.StringVar(&f.summary, "summary", "", "write the run's summary as JSON to this file")
	fl.StringVar(&f.runID, "run-id", "", "name of the run (default: the UTC start time, like 20261125T163000Z)")
	fl.StringVar(&f.logFormat, "log-format", "text", "log format on stderr: text or json")
	fl.StringVar(&f.logLevel, "log-level", "info", "log level: debug, info, warn or error (warn while a progress line is shown, unless set)")
	fl.StringVar(&f.progress, "progress", "auto", "live progress line on stderr: auto (when stderr is a terminal), always or never")
	scraper.AddConfigFlags(fl)
	return cmd
}

// runCrawl loads the configuration, crawls, reports and maps the outcome
// to an exit status.
func runCrawl(cmd *cobra.Command, f crawlFlags, args []string) error {
	stderr := cmd.ErrOrStderr()
	showProgress, err := progressWanted(f.progress, stderr)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	level, err := parseLevel(f.logLevel)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if showProgress && !cmd.Flags().Changed("log-level") {
		level = slog.LevelWarn // info lines would break the redrawn progress line
	}
	logTo := stderr
	if showProgress {
		logTo = lineClearer{stderr}
	}
	logger, err := newLogger(logTo, f.logFormat, level)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	cfg, err := crawlConfig(cmd, f, args)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	opts := []scraper.Option{scraper.WithLogger(logger), scraper.WithRefresh(f.refresh)}
	if len(f.sites) > 0 {
		opts = append(opts, scraper.WithSites(f.sites...))
	}
	if f.runID != "" {
		opts = append(opts, scraper.WithRunID(f.runID))
	}
	if showProgress {
		opts = append(opts, scraper.WithProgress(stderr, progressEvery))
	}
	c, err := scraper.NewCrawler(cfg, opts...)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	sum, runErr := c.Run(ctx)
	if sum == nil {
		if ctx.Err() != nil {
			return &exitError{code: exitInterrupted, err: fmt.Errorf("crawl interrupted before it started: %w", runErr)}
		}
		return &exitError{code: exitFailures, err: fmt.Errorf("crawl: %w", runErr)}
	}
	fmt.Fprintln(stderr, describe(sum))
	if f.summary != "" {
		if err := writeSummary(f.summary, sum); err != nil {
			fmt.Fprintln(stderr, "lede:", err)
			if !sum.Interrupted {
				return &exitError{code: exitFailures, err: errQuiet}
			}
		}
	}
	switch {
	case sum.Interrupted:
		return &exitError{code: exitInterrupted, err: errQuiet}
	case runErr != nil:
		return &exitError{code: exitFailures, err: fmt.Errorf("crawl: %w", runErr)}
	case sum.Failed > 0:
		return &exitError{code: exitFailures, err: errQuiet}
	}
	return nil
}

// crawlConfig is the configuration of the file, or of quick mode's URLs.
func crawlConfig(cmd *cobra.Command, f crawlFlags, args []string) (*scraper.Config, error) {
	flags := cmd.Flags()
	if f.config != "" {
		if len(args) > 0 {
			return nil, fmt.Errorf("URL arguments (%s) are for quick mode: with --config the sites come from %s", strings.Join(args, " "), f.config)
		}
		if len(f.articles) > 0 || len(f.follow) > 0 {
			return nil, fmt.Errorf("--articles and --follow are for quick mode: with --config set them in %s", f.config)
		}
		return scraper.LoadConfig(f.config, flags)
	}
	if len(args) == 0 {
		return nil, errors.New("nothing to crawl: give --config FILE, or start URLs with --articles REGEX (see lede crawl --help)")
	}
	base, err := scraper.LoadConfig("", flags)
	if err != nil {
		return nil, err
	}
	cfg, err := scraper.QuickConfig(args, f.articles, f.follow)
	if err != nil {
		return nil, err
	}
	// QuickConfig knows the environment but not the flags: take the scalar
	// settings from the load that saw both.
	cfg.Output, cfg.State, cfg.Crawl = base.Output, base.State, base.Crawl
	return cfg, nil
}

// progressWanted decides whether to draw the live progress line on w.
func progressWanted(mode string, w io.Writer) (bool, error) {
	switch strings.ToLower(mode) {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		f, ok := w.(*os.File)
		return ok && term.IsTerminal(int(f.Fd())), nil
	}
	return false, fmt.Errorf("--progress: bad value %q: want auto, always or never", mode)
}

// clearLine is the ANSI sequence that returns to the start of the line
// and erases it.
const clearLine = "\r\x1b[K"

// lineClearer erases the progress line before each log line, so that a
// warning is not glued to the half-drawn progress report; the next redraw
// comes on the line after it. Each slog record is one Write.
type lineClearer struct{ w io.Writer }

func (l lineClearer) Write(p []byte) (int, error) {
	if _, err := io.WriteString(l.w, clearLine); err != nil {
		return 0, err
	}
	return l.w.Write(p)
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return 0, fmt.Errorf("--log-level: bad level %q: want debug, info, warn or error", s)
	}
	return l, nil
}

func newLogger(w io.Writer, format string, level slog.Level) (*slog.Logger, error) {
	opts := &slog.HandlerOptions{Level: level}
	switch strings.ToLower(format) {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format: bad format %q: want text or json", format)
}

// writeSummary writes the summary as indented JSON, atomically (temp file
// and rename), so that a cron job's reader never sees half of it.
func writeSummary(path string, sum *scraper.Summary) error {
	b, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		return fmt.Errorf("summary %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("summary %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, ".summary-*")
	if err != nil {
		return fmt.Errorf("summary %s: %w", path, err)
	}
	_, werr := tmp.Write(append(b, '\n'))
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("summary %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("summary %s: %w", path, err)
	}
	return nil
}

// describe is the one-paragraph human summary printed at the end of a run.
func describe(s *scraper.Summary) string {
	var b strings.Builder
	verb := "finished"
	if s.Interrupted {
		verb = "interrupted"
	}
	fmt.Fprintf(&b, "lede crawl %s %s after %s: %s fetched, %s written",
		s.RunID, verb, s.Duration.Round(time.Millisecond), plural(s.Pages, "page"), plural(s.Articles, "article"))
	for _, part := range []struct {
		n    int
		what string
	}{
		{s.Unchanged, "unchanged"},
		{s.Skipped, "already known (skipped)"},
		{s.SkippedFailed, "failed for good before (skipped until crawl.recheck_failed)"},
		{s.Duplicates, "duplicates"},
		{s.NotHTML, "not HTML"},
		{s.Blocked, "blocked by robots.txt"},
		{s.Recovered, "recovered from a killed run"},
	} {
		if part.n > 0 {
			fmt.Fprintf(&b, ", %d %s", part.n, part.what)
		}
	}
	if s.Failed > 0 {
		fmt.Fprintf(&b, ", %d failed (%s)", s.Failed, counts(s.ByError))
	} else {
		b.WriteString(", none failed")
	}
	if len(s.ByStatus) > 0 {
		fmt.Fprintf(&b, "; HTTP statuses: %s", counts(s.ByStatus))
	}
	b.WriteString(".")
	if len(s.Outputs) > 0 {
		fmt.Fprintf(&b, " Output: %s.", strings.Join(s.Outputs, ", "))
	} else {
		b.WriteString(" Nothing new to write.")
	}
	if s.Interrupted {
		b.WriteString(" The next run resumes where this one stopped.")
	}
	return b.String()
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// counts formats a tally as "a: 1, b: 2" in key order.
func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s: %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
