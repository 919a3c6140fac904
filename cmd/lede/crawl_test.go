package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lede-news/lede/scraper"
	"github.com/lede-news/lede/scraper/state"
)

// execute runs the CLI in process as run does, returning the exit status
// and what went to stderr (the error line main prints included).
func execute(t *testing.T, args ...string) (int, string) {
	t.Helper()
	root := newRootCmd()
	var stderr, stdout bytes.Buffer
	root.SetErr(&stderr)
	root.SetOut(&stdout)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	if err == nil {
		return exitOK, stderr.String()
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(&stderr, "lede:", ee.err)
		}
		return ee.code, stderr.String()
	}
	fmt.Fprintln(&stderr, "lede:", err)
	return exitUsage, stderr.String()
}

// miniSite is a three-article news site on loopback, with one dead link.
func miniSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html><head><title>Mini News</title></head><body><h1>Mini News</h1><ul>
<li><a href="/story/1">One</a></li><li><a href="/story/2?utm_source=x">Two</a></li><li><a href="/story/3">Three</a></li>
<li><a href="/story/404">Gone</a></li></ul></body></html>`)
	})
	mux.HandleFunc("/story/{n}", func(w http.ResponseWriter, r *http.Request) {
		n := r.PathValue("n")
		if n == "404" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>Story %s | Mini News</title>
<link rel="canonical" href="/story/%s"></head><body><nav><a href="/">Home</a></nav><article>
<h1>Harbour council approves plan number %s</h1><p class="byline">By Ana Ruiz</p>
<time datetime="2026-11-20T09:00:00Z">20 November 2026</time>`, n, n, n)
		for i := 0; i < 5; i++ {
			fmt.Fprintf(w, "<p>Paragraph %d of story %s: the council met on Tuesday and voted to approve the harbour plan after a long debate among residents and officials.</p>\n", i, n)
		}
		fmt.Fprint(w, `</article><footer>Mini News, all rights reserved</footer></body></html>`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// quickArgs are quick-mode arguments crawling srv into dir without delay.
func quickArgs(srv *httptest.Server, dir string, more ...string) []string {
	return append([]string{"crawl", srv.URL + "/",
		"--articles", "^" + regexp.QuoteMeta(srv.URL) + `/story/\d+$`,
		"--out", filepath.Join(dir, "out"), "--state", filepath.Join(dir, "state.db"),
		"--delay", "0", "--retries", "0", "--progress", "never"}, more...)
}

func readLines(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s: bad line %q: %v", path, sc.Bytes(), err)
		}
		recs = append(recs, m)
	}
	return recs
}

func TestCrawlQuickMode(t *testing.T) {
	srv := miniSite(t)
	dir := t.TempDir()
	sumPath := filepath.Join(dir, "reports", "summary.json")
	code, stderr := execute(t, quickArgs(srv, dir, "--summary", sumPath)...)
	if code != exitFailures { // the dead link is a failed page
		t.Fatalf("exit %d, want %d (one page 404s); stderr:\n%s", code, exitFailures, stderr)
	}
	b, err := os.ReadFile(sumPath)
	if err != nil {
		t.Fatalf("no summary file: %v", err)
	}
	var sum scraper.Summary
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatalf("summary is not JSON: %v\n%s", err, b)
	}
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil || raw["duration_s"] == nil {
		t.Errorf("summary lacks duration_s: %s", b)
	}
	if sum.Articles != 3 || sum.Failed != 1 || sum.ByStatus["404"] != 1 || sum.Interrupted || len(sum.Outputs) != 1 {
		t.Errorf("summary: %s", b)
	}
	if len(sum.Outputs) == 1 {
		recs := readLines(t, sum.Outputs[0])
		if len(recs) != 3 {
			t.Errorf("%d records, want 3", len(recs))
		}
		host := strings.TrimPrefix(srv.URL, "http://")
		for _, r := range recs {
			if r["site"] != strings.ReplaceAll(host, ":", "_") && r["site"] != host {
				t.Logf("site name %v for host %s", r["site"], host)
			}
			if r["headline"] == nil || r["body"] == nil || r["status"] != 200.0 {
				t.Errorf("record %v", r)
			}
		}
		if !strings.HasPrefix(sum.Outputs[0], filepath.Join(dir, "out")) {
			t.Errorf("output %s not under --out", sum.Outputs[0])
		}
	}
	for _, want := range []string{"3 articles written", "1 failed", "404: 1", sum.Outputs[0]} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	// Again: nothing new; the dead link, remembered as failed for good
	// (crawl.recheck_failed), is not fetched and fails nothing.
	code, stderr = execute(t, quickArgs(srv, dir, "--summary", sumPath)...)
	if code != exitOK || !strings.Contains(stderr, "0 articles written") || !strings.Contains(stderr, "3 already known") ||
		!strings.Contains(stderr, "1 failed for good before") {
		t.Errorf("second run: exit %d:\n%s", code, stderr)
	}
	sum = scraper.Summary{}
	if b, err := os.ReadFile(sumPath); err != nil || json.Unmarshal(b, &sum) != nil || sum.SkippedFailed != 1 || sum.Failed != 0 {
		t.Errorf("second run summary: %+v, %v; want the dead link skipped as failed", sum, err)
	}
}

func TestCrawlExitZero(t *testing.T) {
	srv := miniSite(t)
	dir := t.TempDir()
	args := quickArgs(srv, dir, "--log-format", "json", "--log-level", "debug")
	args[3] = "^" + regexp.QuoteMeta(srv.URL) + `/story/[0-9]$` // not the dead link
	code, stderr := execute(t, args...)
	if code != exitOK {
		t.Fatalf("exit %d, want 0:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	jsonLines := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "{") {
			var m map[string]any
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Errorf("--log-format json line is not JSON: %q", l)
			}
			jsonLines++
		}
	}
	if jsonLines < 3 {
		t.Errorf("only %d JSON log lines at debug level:\n%s", jsonLines, stderr)
	}
	if last := lines[len(lines)-1]; !strings.Contains(last, "finished") || !strings.Contains(last, "none failed") {
		t.Errorf("last line is not the summary paragraph: %q", last)
	}
}

func TestCrawlConfigFile(t *testing.T) {
	srv := miniSite(t)
	dir := t.TempDir()
	cfg := fmt.Sprintf(`output: {dir: %q}
state: {path: %q}
crawl: {delay: 0s, retries: 0}
sites:
  - name: mini
    start: [%q]
    articles: ['^%s/story/[0-9]$']
  - name: other
    start: ["http://127.0.0.1:1/"]
    articles: ['^http://127\.0\.0\.1:1/a/\d+$']
`, filepath.Join(dir, "out"), filepath.Join(dir, "state.db"), srv.URL+"/", regexp.QuoteMeta(srv.URL))
	path := filepath.Join(dir, "lede.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stderr := execute(t, "crawl", "--config", path, "--site", "mini", "--progress", "never", "--run-id", "nightly-1")
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "out", "mini", "*", "nightly-1.jsonl"))
	if len(files) != 1 || len(readLines(t, files[0])) != 3 {
		t.Errorf("outputs %v, want one file of 3 records", files)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "other")); err == nil {
		t.Error("--site mini also crawled site other")
	}
}

func TestCrawlUsageErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("crawl:\n  delayy: 2s\nsites:\n  - name: x\n    start: [\"http://127.0.0.1:1/\"]\n    articles: ['^x$']\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badRE := filepath.Join(dir, "badre.yaml")
	if err := os.WriteFile(badRE, []byte("sites:\n  - name: x\n    start: [\"http://127.0.0.1:1/\"]\n    articles: ['(unclosed']\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte("sites:\n  - name: x\n    start: [\"http://127.0.0.1:1/\"]\n    articles: ['^x$']\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string // in the message
	}{
		{"unknown key", []string{"--config", bad}, "crawl.delayy"},
		{"bad regex in file", []string{"--config", badRE}, "articles"},
		{"missing file", []string{"--config", filepath.Join(dir, "nope.yaml")}, "nope.yaml"},
		{"nothing to crawl", nil, "--config"},
		{"quick mode without --articles", []string{"http://127.0.0.1:1/"}, "--articles"},
		{"bad quick regex", []string{"http://127.0.0.1:1/", "--articles", "("}, "--articles"},
		{"bad start URL", []string{"ftp://127.0.0.1/", "--articles", "x"}, "ftp://127.0.0.1/"},
		{"bad duration flag", []string{"--config", good, "--delay", "soon"}, "--delay"},
		{"unknown site", []string{"--config", good, "--site", "nosuch"}, "nosuch"},
		{"URLs with --config", []string{"--config", good, "http://127.0.0.1:1/"}, "quick mode"},
		{"bad log format", []string{"--config", good, "--log-format", "xml"}, "--log-format"},
		{"bad log level", []string{"--config", good, "--log-level", "loud"}, "--log-level"},
		{"bad progress", []string{"--config", good, "--progress", "sometimes"}, "--progress"},
		{"unknown flag", []string{"--config", good, "--nosuchflag"}, "nosuchflag"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"crawl", "--out", filepath.Join(dir, "out"), "--state", filepath.Join(dir, "s.db")}, tc.args...)
			code, stderr := execute(t, args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d:\n%s", code, exitUsage, stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("message does not name %q:\n%s", tc.want, stderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "s.db")); err == nil {
		t.Error("a usage error created the state file")
	}
}

func TestDescribe(t *testing.T) {
	s := &scraper.Summary{RunID: "r1", Pages: 10, Articles: 1, Skipped: 4, Failed: 2,
		ByError: map[string]int{"timeout": 1, "http_status": 1}, ByStatus: map[string]int{"200": 9, "404": 1},
		Outputs: []string{"out/x/2026-11-25/r1.jsonl"}, Interrupted: true}
	got := describe(s)
	for _, want := range []string{"r1 interrupted", "10 pages fetched", "1 article written", "4 already known", "2 failed (http_status: 1, timeout: 1)", "200: 9, 404: 1", "out/x/2026-11-25/r1.jsonl", "next run resumes"} {
		if !strings.Contains(got, want) {
			t.Errorf("describe lacks %q: %s", want, got)
		}
	}
	if strings.Contains(got, "unchanged") || strings.Contains(got, "duplicates") {
		t.Errorf("describe mentions zero counts: %s", got)
	}
}

// TestCrawlStateLocked: a second crawl on a state file in use fails with
// status 1, naming the file, without fetching.
func TestCrawlStateLocked(t *testing.T) {
	srv := miniSite(t)
	dir := t.TempDir()
	st, err := state.Open(filepath.Join(dir, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	code, stderr := execute(t, quickArgs(srv, dir)...)
	if code != exitFailures {
		t.Errorf("exit %d, want %d:\n%s", code, exitFailures, stderr)
	}
	if !strings.Contains(stderr, filepath.Join(dir, "state.db")) {
		t.Errorf("message does not name the state file:\n%s", stderr)
	}
}

// TestCrawlProgress: --progress always redraws a progress line on stderr
// and keeps info log lines out of its way; never draws none.
func TestCrawlProgress(t *testing.T) {
	srv := miniSite(t)
	for _, mode := range []string{"always", "never"} {
		dir := t.TempDir()
		args := quickArgs(srv, dir)
		args[len(args)-1] = mode // --progress's value
		_, stderr := execute(t, args...)
		drawn := strings.Contains(stderr, "\r")
		if drawn != (mode == "always") {
			t.Errorf("--progress %s: progress line drawn = %v:\n%q", mode, drawn, stderr)
		}
		if mode == "always" && strings.Contains(stderr, "level=INFO") {
			t.Errorf("--progress always: info lines mixed with the progress line:\n%s", stderr)
		}
		if mode == "always" && !strings.Contains(stderr, clearLine+"time=") {
			t.Errorf("--progress always: a warning does not erase the progress line first:\n%q", stderr)
		}
		if mode == "never" && !strings.Contains(stderr, "level=INFO") {
			t.Errorf("--progress never: no info lines:\n%s", stderr)
		}
	}
}

// TestCrawlUnwritableOutput: an output directory that cannot be created
// stops the crawl before any request, with status 1 naming it.
func TestCrawlUnwritableOutput(t *testing.T) {
	srv := miniSite(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "not-a-dir")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	args := quickArgs(srv, dir)
	for i, a := range args {
		if a == "--out" {
			args[i+1] = filepath.Join(file, "out")
		}
	}
	code, stderr := execute(t, args...)
	if code != exitFailures || !strings.Contains(stderr, file) {
		t.Errorf("exit %d, want %d naming %s:\n%s", code, exitFailures, file, stderr)
	}
}
