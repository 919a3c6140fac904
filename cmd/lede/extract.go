package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"
	_ "time/tzdata" // --timezone works on hosts without a zoneinfo database (minimal containers)

	"github.com/spf13/cobra"

	"github.com/lede-news/lede/extract"
	"github.com/lede-news/lede/output"
)

// defaultFetchTimeout bounds one URL input's whole exchange, headers and
// body: long enough for a slow news site, short enough for a script.
const defaultFetchTimeout = 30 * time.Second

// stdinInput is the input that means standard input.
const stdinInput = "-"

// extractFlags are the options of `lede extract`.
type extractFlags struct {
	pageURL  string
	format   string
	out      string
	timezone string
	timeout  time.Duration
	sel      extract.Selectors
}

func newExtractCmd() *cobra.Command {
	var fl extractFlags
	cmd := &cobra.Command{
		Use:   "extract [flags] INPUT...",
		Short: "Extract articles from HTML files, URLs or stdin",
		Long: `Extracts the article of each INPUT, in order, and writes one record per input.
An INPUT is a file, an http(s) URL (fetched), or - for standard input.

JSONL (the default) writes one JSON object a line. Markdown writes each article as
a document with YAML front matter: with --out DIR, one file per article at
DIR/<host>/<YYYY>/<MM>/<slug>-<hash>.md, the year and month published, or at
DIR/<host>/undated/<slug>-<hash>.md for a page without a publication date (the
host of the URL, else of the page's canonical URL, else _local); on stdout, the
documents one after another, separated by a blank line, each starting with its
"---" front matter line.

A bad input gets one line on stderr naming it and the problem; the other inputs
are still extracted and the exit status is 1. Usage errors exit with 2.`,
		Example: `  lede extract page.html
  lede extract --url https://example.kr/article/1 page.html
  curl -s https://example.com/a | lede extract --url https://example.com/a -
  lede extract --format markdown --out articles/ *.html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd, &fl, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.pageURL, "url", "", "the page URL of a single file or stdin input (resolves links, names the site's country)")
	f.StringVar(&fl.format, "format", "jsonl", "output format: jsonl or markdown")
	f.StringVarP(&fl.out, "out", "o", "", "output file (jsonl) or directory (markdown); default stdout")
	f.StringVar(&fl.timezone, "timezone", "", "IANA zone for times printed without one, e.g. Asia/Seoul")
	f.DurationVar(&fl.timeout, "timeout", defaultFetchTimeout, "time limit for fetching each URL input")
	f.StringVar(&fl.sel.Body, "body", "", "CSS selector of the article body (overrides the heuristics)")
	f.StringVar(&fl.sel.Headline, "headline", "", "CSS selector of the headline")
	f.StringVar(&fl.sel.Byline, "byline", "", "CSS selector of the byline")
	f.StringVar(&fl.sel.Published, "published", "", "CSS selector of the publication time")
	f.StringArrayVar(&fl.sel.Remove, "remove", nil, "CSS selector of elements to drop from the body (repeatable)")
	return cmd
}

// runExtract extracts every input and writes the records.
func runExtract(cmd *cobra.Command, fl *extractFlags, inputs []string) error {
	ex, err := fl.extractor(inputs)
	if err != nil {
		return err
	}
	w, err := fl.writer(cmd.OutOrStdout())
	if err != nil {
		return &exitError{code: exitFailures, err: err}
	}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	client := &http.Client{Timeout: fl.timeout}
	failed := 0
	for _, in := range inputs {
		if ctx.Err() != nil {
			w.Close()
			return &exitError{code: exitInterrupted, err: fmt.Errorf("extract: interrupted before %s", in)}
		}
		page, err := readInput(ctx, client, cmd.InOrStdin(), in, fl.timeout)
		var art *extract.Article
		if err == nil {
			if fl.pageURL != "" {
				page.URL = fl.pageURL
			}
			art, err = ex.Extract(page)
		}
		if err != nil {
			failed++
			fmt.Fprintf(cmd.ErrOrStderr(), "lede: %s: %v\n", in, err)
			continue
		}
		if err := w.Write(&output.Record{Article: art}); err != nil {
			w.Close()
			return &exitError{code: exitFailures, err: fmt.Errorf("extract: %w", err)}
		}
	}
	if err := w.Close(); err != nil {
		return &exitError{code: exitFailures, err: fmt.Errorf("extract: %w", err)}
	}
	if ctx.Err() != nil { // stopped during the last input
		return &exitError{code: exitInterrupted, err: errors.New("extract: interrupted")}
	}
	if failed > 0 {
		return &exitError{code: exitFailures, err: fmt.Errorf("extract: %d of %d inputs failed", failed, len(inputs))}
	}
	return nil
}

// extractor checks the flags and inputs and builds the Extractor.
func (fl *extractFlags) extractor(inputs []string) (*extract.Extractor, error) {
	if len(inputs) == 0 {
		return nil, usageErr("extract: no input; give files, http(s) URLs or - for stdin")
	}
	stdin := 0
	for _, in := range inputs {
		if in == stdinInput {
			stdin++
		}
	}
	if stdin > 1 {
		return nil, usageErr("extract: - (stdin) given %d times; it can be read once", stdin)
	}
	if fl.pageURL != "" {
		if len(inputs) > 1 {
			return nil, usageErr("extract: --url names the page of a single input, got %d inputs", len(inputs))
		}
		if u, err := url.Parse(fl.pageURL); err != nil || !isHTTP(u) || u.Host == "" {
			return nil, usageErr("extract: --url %q: not an absolute http(s) URL", fl.pageURL)
		}
	}
	ex := &extract.Extractor{Selectors: fl.sel}
	switch fl.format {
	case "jsonl":
	case "markdown":
		ex.Markdown = true
	default:
		return nil, usageErr("extract: --format %q: want jsonl or markdown", fl.format)
	}
	if fl.timeout <= 0 {
		return nil, usageErr("extract: --timeout %v: must be positive", fl.timeout)
	}
	if fl.timezone != "" {
		loc, err := time.LoadLocation(fl.timezone)
		if err != nil {
			return nil, usageErr("extract: --timezone %q: not an IANA time zone (like Asia/Seoul or UTC)", fl.timezone)
		}
		ex.Timezone = loc
	}
	return ex, nil
}

// writer opens the destination the flags name.
func (fl *extractFlags) writer(stdout io.Writer) (output.Writer, error) {
	switch {
	case fl.format == "markdown" && fl.out != "":
		if err := os.MkdirAll(fl.out, 0o755); err != nil {
			return nil, fmt.Errorf("extract: --out %s: %w", fl.out, err)
		}
		return output.NewMarkdownDir(fl.out), nil
	case fl.format == "markdown":
		return &markdownStream{w: stdout}, nil
	case fl.out != "":
		if dir := filepath.Dir(fl.out); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("extract: --out %s: %w", fl.out, err)
			}
		}
		f, err := os.Create(fl.out)
		if err != nil {
			return nil, fmt.Errorf("extract: --out: %w", err)
		}
		return &jsonlFile{JSONL: output.NewJSONL(f), f: f}, nil
	default:
		return output.NewJSONL(stdout), nil
	}
}

// jsonlFile is a JSONL writer that owns its file: Close syncs and closes it.
type jsonlFile struct {
	*output.JSONL
	f *os.File
}

func (j *jsonlFile) Close() error {
	err := j.JSONL.Close()
	if serr := j.f.Sync(); err == nil {
		err = serr
	}
	if cerr := j.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// markdownStream writes Markdown records one after another, separated by
// a blank line; each starts with its "---" front matter line.
type markdownStream struct {
	w io.Writer
	n int
}

func (m *markdownStream) Write(r *output.Record) error {
	doc, err := r.MarshalMarkdown()
	if err != nil {
		return err
	}
	if m.n > 0 {
		doc = append([]byte("\n"), doc...)
	}
	if _, err := m.w.Write(doc); err != nil {
		return fmt.Errorf("writing Markdown: %w", err)
	}
	m.n++
	return nil
}

func (m *markdownStream) Close() error { return nil }
