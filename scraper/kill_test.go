package scraper_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lede-news/lede/scraper"
	"github.com/lede-news/lede/scraper/internal/testsite"
)

// killSite is a site slow enough that a crawl is still going when the test
// stops it: 160 articles at 50ms each, four at a time, take about 2s.
var killSite = testsite.Options{Plain: true, Articles: 160, Sections: 4, PerPage: 10, ArticleDelay: 50 * time.Millisecond}

// buildLede builds the lede command into a temporary directory.
func buildLede(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the lede binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "lede")
	goTool, err := exec.LookPath("go") // go test puts its own GOROOT/bin first in PATH
	if err != nil {
		t.Skipf("no go command to build lede with: %v", err)
	}
	out, err := exec.Command(goTool, "build", "-o", bin, "github.com/lede-news/lede/cmd/lede").CombinedOutput()
	if err != nil {
		t.Fatalf("go build ./cmd/lede: %v\n%s", err, out)
	}
	return bin
}

// writeConfig writes a configuration file crawling site into dir.
func writeConfig(t *testing.T, dir string, site *testsite.Site) string {
	t.Helper()
	cfg := fmt.Sprintf(`output:
  dir: %q
state:
  path: %q
crawl:
  user_agent: "lede-kill-test/1.0"
  concurrency: 4
  per_host: 4
  delay: 0s
  timeout: 10s
  retries: 1
sites:
  - name: ledger
    start: [%q]
    follow: [%q]
    articles: [%q]
    max_depth: 30
    sitemaps: true
    feeds: [%q]
`, filepath.Join(dir, "out"), filepath.Join(dir, "state", "lede.db"), site.StartURL(), site.FollowPattern(), site.ArticlePattern(), site.FeedURL())
	path := filepath.Join(dir, "lede.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// ledeRun is a lede crawl running as a child process.
type ledeRun struct {
	cmd    *exec.Cmd
	stderr string // file
}

func startLede(t *testing.T, bin, dir, config, summary string, more ...string) *ledeRun {
	t.Helper()
	stderr := filepath.Join(dir, fmt.Sprintf("stderr-%d.log", time.Now().UnixNano()))
	f, err := os.Create(stderr)
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"crawl", "--config", config, "--progress", "never", "--log-level", "warn", "--summary", summary}, more...)
	cmd := exec.Command(bin, args...)
	cmd.Stderr, cmd.Stdout = f, f
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting lede: %v", err)
	}
	f.Close()
	r := &ledeRun{cmd: cmd, stderr: stderr}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	return r
}

// wait waits for the process and returns its exit status (-1 if killed).
func (r *ledeRun) wait(t *testing.T) int {
	t.Helper()
	err := r.cmd.Wait()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	t.Fatalf("waiting for lede: %v", err)
	return 0
}

func (r *ledeRun) log(t *testing.T) string {
	b, _ := os.ReadFile(r.stderr)
	return string(b)
}

// waitForLines polls the output under dir until it holds at least n
// newline-terminated lines, or fails the test when the run ends first.
func waitForLines(t *testing.T, r *ledeRun, dir string, n int) int {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		lines := 0
		filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && strings.HasSuffix(p, ".jsonl") {
				b, _ := os.ReadFile(p)
				lines += strings.Count(string(b), "\n")
			}
			return nil
		})
		if lines >= n {
			return lines
		}
		if r.cmd.ProcessState != nil {
			t.Fatalf("run ended before writing %d lines", n)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no %d lines written within 30s:\n%s", n, r.log(t))
	return 0
}

func readSummary(t *testing.T, path string) *scraper.Summary {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("summary: %v", err)
	}
	var s scraper.Summary
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("summary %s: %v\n%s", path, err, b)
	}
	return &s
}

// TestLedeCommand runs the lede binary against the test site: quick mode
// to completion, then crawls stopped mid-way with SIGKILL, SIGINT and
// SIGTERM and run again.
func TestLedeCommand(t *testing.T) {
	bin := buildLede(t)
	t.Run("quick mode", func(t *testing.T) { testQuickMode(t, bin) })
	t.Run("SIGKILL", func(t *testing.T) { testKill(t, bin) })
	t.Run("SIGINT", func(t *testing.T) { testInterrupt(t, bin, os.Interrupt) })
	t.Run("SIGTERM", func(t *testing.T) { testInterrupt(t, bin, syscall.SIGTERM) })
	t.Run("SIGKILL Markdown", func(t *testing.T) { testKillMarkdown(t, bin) })
}

// testKillMarkdown SIGKILLs a crawl writing Markdown and runs it again:
// one file per article, no temp file left.
func testKillMarkdown(t *testing.T, bin string) {
	site := testsite.Start(t, killSite)
	dir := t.TempDir()
	config := writeConfig(t, dir, site)
	out := filepath.Join(dir, "out")
	first := startLede(t, bin, dir, config, filepath.Join(dir, "summary1.json"), "--format", "markdown")
	deadline := time.Now().Add(30 * time.Second)
	for len(mdFiles(t, out)) < 20 && time.Now().Before(deadline) && first.cmd.ProcessState == nil {
		time.Sleep(5 * time.Millisecond)
	}
	if err := first.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("SIGKILL: %v", err)
	}
	first.wait(t)
	killedAt := len(mdFiles(t, out))
	if killedAt >= len(site.Expected()) {
		t.Fatalf("the run finished (%d files) before SIGKILL", killedAt)
	}
	second := startLede(t, bin, dir, config, filepath.Join(dir, "summary2.json"), "--format", "markdown")
	if code := second.wait(t); code != 0 {
		t.Fatalf("second run: exit %d:\n%s", code, second.log(t))
	}
	files := mdFiles(t, out)
	if len(files) != len(site.Expected()) {
		t.Errorf("%d Markdown files after kill and resume (%d at the kill), want %d", len(files), killedAt, len(site.Expected()))
	}
	canon := regexp.MustCompile(`(?m)^canonical_url: "?([^"\n]+)"?$`)
	got := map[string]int{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := canon.FindSubmatch(b)
		if m == nil || !strings.HasSuffix(string(b), "\n") {
			t.Errorf("%s: no canonical_url or torn file", f)
			continue
		}
		got[string(m[1])]++
	}
	checkExactlyOnce(t, got, site.Expected())
	filepath.Walk(out, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && !strings.HasSuffix(p, ".md") {
			t.Errorf("left behind: %s", p)
		}
		return nil
	})
}

// testKill SIGKILLs a crawl mid-way, runs it again, and checks that over
// both runs every article is written exactly once and that no output line
// is torn.
func testKill(t *testing.T, bin string) {
	site := testsite.Start(t, killSite)
	dir := t.TempDir()
	config := writeConfig(t, dir, site)
	out := filepath.Join(dir, "out")

	first := startLede(t, bin, dir, config, filepath.Join(dir, "summary1.json"))
	seen := waitForLines(t, first, out, 20)
	if err := first.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("SIGKILL: %v", err)
	}
	first.wait(t)
	t.Logf("killed after >= %d lines; %d article requests so far", seen, site.ArticleRequests())
	if _, err := os.Stat(filepath.Join(dir, "summary1.json")); err == nil {
		t.Error("a SIGKILLed run wrote a summary")
	}

	second := startLede(t, bin, dir, config, filepath.Join(dir, "summary2.json"))
	if code := second.wait(t); code != 0 {
		t.Fatalf("second run: exit %d:\n%s", code, second.log(t))
	}
	sum := readSummary(t, filepath.Join(dir, "summary2.json"))
	recs, files := allJSONL(t, out)
	if len(files) != 2 {
		t.Errorf("output files %v, want one per run", files)
	}
	checkExactlyOnce(t, byCanonical(recs), site.Expected())
	if sum.Recovered < seen {
		t.Errorf("second run recovered %d records of the killed run, which had written >= %d", sum.Recovered, seen)
	}
	if sum.Articles+sum.Recovered < len(site.Expected()) {
		t.Errorf("second run: %d written + %d recovered < %d", sum.Articles, sum.Recovered, len(site.Expected()))
	}
}

// testInterrupt stops a crawl with sig (SIGINT, SIGTERM): exit 130, whole
// output, a summary saying interrupted; the next run finishes the rest.
func testInterrupt(t *testing.T, bin string, sig os.Signal) {
	site := testsite.Start(t, killSite)
	dir := t.TempDir()
	config := writeConfig(t, dir, site)
	out := filepath.Join(dir, "out")

	first := startLede(t, bin, dir, config, filepath.Join(dir, "summary1.json"))
	waitForLines(t, first, out, 10)
	if err := first.cmd.Process.Signal(sig); err != nil {
		t.Fatalf("%v: %v", sig, err)
	}
	if code := first.wait(t); code != 130 {
		t.Errorf("interrupted run: exit %d, want 130:\n%s", code, first.log(t))
	}
	sum1 := readSummary(t, filepath.Join(dir, "summary1.json"))
	if !sum1.Interrupted {
		t.Errorf("summary of the interrupted run: interrupted = false")
	}
	if !strings.Contains(first.log(t), "interrupted") {
		t.Errorf("stderr does not say interrupted:\n%s", first.log(t))
	}
	recs1, _ := allJSONL(t, out) // fails on a torn line
	if len(recs1) != sum1.Articles {
		t.Errorf("interrupted run: summary says %d articles, files hold %d", sum1.Articles, len(recs1))
	}
	if len(recs1) >= len(site.Expected()) {
		t.Fatalf("the run finished before %v (%d records); nothing left to resume", sig, len(recs1))
	}

	site.ResetCounters()
	second := startLede(t, bin, dir, config, filepath.Join(dir, "summary2.json"))
	if code := second.wait(t); code != 0 {
		t.Fatalf("second run: exit %d:\n%s", code, second.log(t))
	}
	sum2 := readSummary(t, filepath.Join(dir, "summary2.json"))
	if sum2.Interrupted || sum2.Articles != len(site.Expected())-len(recs1) {
		t.Errorf("second run wrote %d, want the %d left", sum2.Articles, len(site.Expected())-len(recs1))
	}
	if n := site.ArticleRequests(); n > sum2.Articles+4 { // +4: requests in flight at SIGINT
		t.Errorf("second run made %d article requests for %d articles", n, sum2.Articles)
	}
	recs, _ := allJSONL(t, out)
	checkExactlyOnce(t, byCanonical(recs), site.Expected())
}

// testQuickMode crawls the test site without a configuration file: exit
// 0, every article in the JSONL file the summary names.
func testQuickMode(t *testing.T, bin string) {
	site := testsite.Start(t, testsite.Options{Plain: true, Articles: 20})
	dir := t.TempDir()
	summary := filepath.Join(dir, "summary.json")
	cmd := exec.Command(bin, "crawl", site.StartURL(), "--articles", site.ArticlePattern(), "--follow", site.FollowPattern(),
		"--out", filepath.Join(dir, "out"), "--state", filepath.Join(dir, "state.db"), "--delay", "0", "--summary", summary)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("lede crawl: %v\n%s", err, out)
	}
	sum := readSummary(t, summary)
	if sum.Articles != 20 || sum.Failed != 0 || len(sum.Outputs) != 1 {
		t.Errorf("summary: %+v", sum)
	}
	recs, _ := allJSONL(t, filepath.Join(dir, "out"))
	checkExactlyOnce(t, byCanonical(recs), site.Expected())
	if !strings.Contains(string(out), "20 articles written") {
		t.Errorf("no summary paragraph on stderr:\n%s", out)
	}
}
