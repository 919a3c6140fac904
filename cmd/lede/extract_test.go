package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding/korean"

	"github.com/lede-news/lede/extract"
)

// exResult is what one in-process run of `lede extract` produced.
type exResult struct {
	stdout, stderr string
	code           int
}

// exRun runs `lede extract args...` in process with stdin and captured
// output, mapping the outcome to an exit status and stderr as run does.
func exRun(t *testing.T, stdin string, args ...string) exResult {
	t.Helper()
	root := newRootCmd()
	var out, errb bytes.Buffer
	root.SetArgs(append([]string{"extract"}, args...))
	root.SetIn(strings.NewReader(stdin))
	root.SetOut(&out)
	root.SetErr(&errb)
	err := root.ExecuteContext(context.Background())
	code := exitOK
	var ee *exitError
	switch {
	case errors.As(err, &ee):
		code = ee.code
		fmt.Fprintln(&errb, "lede:", ee.err)
	case err != nil:
		code = exitUsage
		fmt.Fprintln(&errb, "lede:", err)
	}
	return exResult{stdout: out.String(), stderr: errb.String(), code: code}
}

// exParagraph is long enough that any extractor keeps it as body text.
func exParagraph(topic string) string {
	return "<p>" + strings.Repeat("The council debated the "+topic+" for several hours before the final vote was taken. ", 4) + "</p>"
}

// exPage is a small article page: a headline, a time and paragraphs.
func exPage(headline, datetime string, topics ...string) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + headline + "</title></head><body>")
	b.WriteString("<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>" + headline + "</h1>")
	if datetime != "" {
		b.WriteString(`<time datetime="` + datetime + `">` + datetime + `</time>`)
	}
	for _, tp := range topics {
		b.WriteString(exParagraph(tp))
	}
	b.WriteString("</article><footer>Copyright</footer></body></html>")
	return b.String()
}

func exWrite(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// exRecords parses JSONL output into maps, checking every line is whole.
func exRecords(t *testing.T, out string) []map[string]any {
	t.Helper()
	if out == "" {
		return nil
	}
	if !strings.HasSuffix(out, "\n") {
		t.Fatalf("output does not end in a newline: %q", out)
	}
	var recs []map[string]any
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d is not JSON: %v: %s", i+1, err, line)
		}
		recs = append(recs, m)
	}
	return recs
}

var exRecordKeys = []string{
	"url", "canonical_url", "source", "site_name", "headline", "byline", "authors", "published",
	"modified", "lang", "description", "image", "tags", "section", "body", "word_count", "content_hash",
}

func TestExtractJSONLRecord(t *testing.T) {
	dir := t.TempDir()
	page := exWrite(t, dir, "page.html", exPage("Budget passes", "", "budget", "schools", "roads"))
	r := exRun(t, "", page)
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	recs := exRecords(t, r.stdout)
	if len(recs) != 1 {
		t.Fatalf("%d records, want 1", len(recs))
	}
	rec := recs[0]
	if len(rec) != len(exRecordKeys) {
		t.Errorf("%d keys, want %d: %v", len(rec), len(exRecordKeys), rec)
	}
	for _, k := range exRecordKeys {
		if _, ok := rec[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	// A file without --url has no URL; the source is the input as given.
	if rec["url"] != nil || rec["source"] != page {
		t.Errorf("url %v, source %v; want null and %q", rec["url"], rec["source"], page)
	}
	for _, k := range []string{"authors", "tags"} {
		if _, ok := rec[k].([]any); !ok {
			t.Errorf("%s = %#v, want a list", k, rec[k])
		}
	}
	body, _ := rec["body"].(string)
	for _, topic := range []string{"budget", "schools", "roads"} {
		if !strings.Contains(body, "debated the "+topic) {
			t.Errorf("body lacks the %s paragraph: %q", topic, body)
		}
	}
	if strings.Contains(body, "Copyright") {
		t.Errorf("body has the footer: %q", body)
	}
	sum := sha256.Sum256([]byte(body))
	if rec["content_hash"] != hex.EncodeToString(sum[:]) {
		t.Errorf("content_hash %v is not the sha256 of body", rec["content_hash"])
	}
	if wc, _ := rec["word_count"].(float64); wc < 50 {
		t.Errorf("word_count %v", rec["word_count"])
	}
}

func TestExtractKeepsInputOrder(t *testing.T) {
	dir := t.TempDir()
	var inputs []string
	for _, name := range []string{"c.html", "a.html", "b.html", "d.html"} {
		inputs = append(inputs, exWrite(t, dir, name, exPage("Story "+name, "", name+" one", name+" two")))
	}
	r := exRun(t, "", inputs...)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	recs := exRecords(t, r.stdout)
	if len(recs) != len(inputs) {
		t.Fatalf("%d records for %d inputs", len(recs), len(inputs))
	}
	for i, rec := range recs {
		if rec["source"] != inputs[i] {
			t.Errorf("record %d source %v, want %s", i, rec["source"], inputs[i])
		}
	}
}

func TestExtractBadInputAmongGood(t *testing.T) {
	dir := t.TempDir()
	good1 := exWrite(t, dir, "good1.html", exPage("First", "", "budget", "taxes"))
	empty := exWrite(t, dir, "empty.html", "  \n")
	binary := exWrite(t, dir, "image.html", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")
	missing := filepath.Join(dir, "missing.html")
	good2 := exWrite(t, dir, "good2.html", exPage("Second", "", "parks", "trains"))

	r := exRun(t, "", good1, empty, binary, missing, dir, good2)
	if r.code != exitFailures {
		t.Errorf("exit %d, want %d", r.code, exitFailures)
	}
	recs := exRecords(t, r.stdout)
	if len(recs) != 2 || recs[0]["source"] != good1 || recs[1]["source"] != good2 {
		t.Fatalf("records: %v", recs)
	}
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	bad := []string{empty, binary, missing, dir}
	if len(lines) != len(bad)+1 {
		t.Fatalf("stderr has %d lines, want one per bad input and a summary:\n%s", len(lines), r.stderr)
	}
	for i, in := range bad {
		prefix := "lede: " + in + ": "
		if !strings.HasPrefix(lines[i], prefix) || len(lines[i]) == len(prefix) {
			t.Errorf("stderr line %q, want %q and the problem", lines[i], prefix)
		}
	}
	for _, want := range []string{"empty", "no such file"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(lines[len(lines)-1], "4 of 6 inputs failed") {
		t.Errorf("summary line %q", lines[len(lines)-1])
	}
}

func TestExtractStdinAndURLFlag(t *testing.T) {
	page := exPage("From stdin", "", "budget", "harbour") +
		`<img src="/img/lead.jpg">`
	r := exRun(t, page, "--url", "https://news.example.com/2026/story", "-")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	recs := exRecords(t, r.stdout)
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	if recs[0]["url"] != "https://news.example.com/2026/story" || recs[0]["source"] != "-" {
		t.Errorf("url %v, source %v", recs[0]["url"], recs[0]["source"])
	}
	if !strings.Contains(recs[0]["body"].(string), "debated the harbour") {
		t.Errorf("body from stdin: %v", recs[0]["body"])
	}

	// --url on a file input.
	file := exWrite(t, t.TempDir(), "p.html", page)
	r = exRun(t, "", "--url", "https://news.example.com/p", file)
	if recs := exRecords(t, r.stdout); r.code != exitOK || len(recs) != 1 || recs[0]["url"] != "https://news.example.com/p" || recs[0]["source"] != file {
		t.Errorf("--url on a file: exit %d, records %v", r.code, recs)
	}
}

func TestExtractUsageErrors(t *testing.T) {
	dir := t.TempDir()
	a := exWrite(t, dir, "a.html", exPage("A", "", "budget"))
	b := exWrite(t, dir, "b.html", exPage("B", "", "budget"))
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"no input", nil, "no input"},
		{"unknown flag", []string{"--bogus", a}, "unknown flag"},
		{"bad format", []string{"--format", "xml", a}, `--format "xml"`},
		{"bad timezone", []string{"--timezone", "Mars/Olympus", a}, `--timezone "Mars/Olympus"`},
		{"--url with several inputs", []string{"--url", "https://x.example/", a, b}, "--url"},
		{"--url not http", []string{"--url", "ftp://x.example/a", a}, "--url"},
		{"--url relative", []string{"--url", "/a/b", a}, "--url"},
		{"stdin twice", []string{"-", "-"}, "stdin"},
		{"zero timeout", []string{"--timeout", "0s", a}, "--timeout"},
		{"bad duration", []string{"--timeout", "soon", a}, "timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := exRun(t, "", tt.args...)
			if r.code != exitUsage {
				t.Errorf("exit %d, want %d; stderr %q", r.code, exitUsage, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr %q lacks %q", r.stderr, tt.want)
			}
		})
	}
}

func TestExtractTimezone(t *testing.T) {
	page := exWrite(t, t.TempDir(), "p.html", exPage("Zone-less time", "2026-11-01T09:30:00", "budget", "roads"))
	tests := []struct {
		args []string
		want string
	}{
		{nil, "2026-11-01T09:30:00"}, // no zone known: no offset, never silently UTC
		{[]string{"--timezone", "Asia/Seoul"}, "2026-11-01T09:30:00+09:00"},
		{[]string{"--timezone", "America/New_York"}, "2026-11-01T09:30:00-05:00"}, // DST ended at 02:00 that day: the zone's rules apply, not a fixed offset
	}
	for _, tt := range tests {
		r := exRun(t, "", append(tt.args, page)...)
		recs := exRecords(t, r.stdout)
		if r.code != exitOK || len(recs) != 1 {
			t.Fatalf("%v: exit %d: %s", tt.args, r.code, r.stderr)
		}
		if recs[0]["published"] != tt.want {
			t.Errorf("%v: published %v, want %s", tt.args, recs[0]["published"], tt.want)
		}
	}
}

func TestExtractSelectorFlags(t *testing.T) {
	page := `<html><body><article><h1>Main</h1>` + exParagraph("budget") + exParagraph("roads") +
		`<div class="promo">` + exParagraph("subscription offer") + `</div></article>` +
		`<div class="sidebar">` + exParagraph("weather") + exParagraph("sports") + `</div></body></html>`
	file := exWrite(t, t.TempDir(), "p.html", page)

	r := exRun(t, "", "--remove", ".promo", file)
	recs := exRecords(t, r.stdout)
	if r.code != exitOK || len(recs) != 1 {
		t.Fatalf("--remove: exit %d: %s", r.code, r.stderr)
	}
	if body := recs[0]["body"].(string); strings.Contains(body, "subscription") || !strings.Contains(body, "budget") {
		t.Errorf("--remove .promo: body %q", body)
	}

	r = exRun(t, "", "--body", ".sidebar", file)
	recs = exRecords(t, r.stdout)
	if r.code != exitOK || len(recs) != 1 {
		t.Fatalf("--body: exit %d: %s", r.code, r.stderr)
	}
	if body := recs[0]["body"].(string); !strings.Contains(body, "weather") || strings.Contains(body, "budget") {
		t.Errorf("--body .sidebar: body %q", body)
	}
}

func TestExtractOutFile(t *testing.T) {
	dir := t.TempDir()
	a := exWrite(t, dir, "a.html", exPage("A", "", "budget", "schools"))
	out := filepath.Join(dir, "new", "sub", "out.jsonl")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	// An existing file is replaced, not appended to.
	if err := os.WriteFile(out, []byte("old line\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := exRun(t, "", "--out", out, a, a)
	if r.code != exitOK || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if recs := exRecords(t, string(data)); len(recs) != 2 || recs[1]["source"] != a {
		t.Errorf("--out file: %s", data)
	}

	r = exRun(t, "", "--out", filepath.Join(a, "x.jsonl"), a)
	if r.code != exitFailures || !strings.Contains(r.stderr, a) {
		t.Errorf("--out under a file: exit %d, stderr %q", r.code, r.stderr)
	}
}

// exFrontMatter splits a Markdown document into its parsed front matter
// and the rest.
func exFrontMatter(t *testing.T, doc string) (map[string]any, string) {
	t.Helper()
	if !strings.HasPrefix(doc, "---\n") {
		t.Fatalf("document does not start with ---: %q", doc)
	}
	end := strings.Index(doc[4:], "\n---\n")
	if end < 0 {
		t.Fatalf("no closing ---: %q", doc)
	}
	var fm map[string]any
	if err := yaml.Unmarshal([]byte(doc[4:4+end+1]), &fm); err != nil {
		t.Fatalf("front matter: %v", err)
	}
	return fm, doc[4+end+5:]
}

func TestExtractMarkdownDir(t *testing.T) {
	dir := t.TempDir()
	a := exWrite(t, dir, "a.html", exPage("Alpha: a story", "2026-11-01T09:30:00+09:00", "budget", "schools"))
	b := exWrite(t, dir, "b.html", exPage("Beta", "", "parks", "trains"))
	out := filepath.Join(dir, "md")
	r := exRun(t, "", "--format", "markdown", "--out", out, a, b)
	if r.code != exitOK || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	var files []string
	if err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Fatalf("files under --out: %v", files)
	}
	var alpha string
	for _, f := range files {
		if !strings.HasSuffix(f, ".md") || !strings.HasPrefix(f, filepath.Join(out, "_local")+string(filepath.Separator)) {
			t.Errorf("file %s: want DIR/_local/.../*.md", f)
		}
		if strings.Contains(filepath.Base(f), "a-") {
			alpha = f
		}
	}
	if want := filepath.Join(out, "_local", "2026", "11"); filepath.Dir(alpha) != want {
		t.Fatalf("a.html went to %q, want under %s (its published month)", alpha, want)
	}
	data, err := os.ReadFile(alpha)
	if err != nil {
		t.Fatal(err)
	}
	fm, rest := exFrontMatter(t, string(data))
	if fm["published"] != "2026-11-01T09:30:00+09:00" {
		t.Errorf("front matter published %v", fm["published"])
	}
	if !strings.Contains(rest, "# ") || !strings.Contains(rest, "debated the schools") {
		t.Errorf("Markdown body: %q", rest)
	}
}

func TestExtractMarkdownStdout(t *testing.T) {
	dir := t.TempDir()
	a := exWrite(t, dir, "a.html", exPage("Alpha", "", "budget", "schools"))
	b := exWrite(t, dir, "b.html", exPage("Beta", "", "parks", "trains"))
	r := exRun(t, "", "--format", "markdown", "--url", "https://example.com/a", a)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	fm, _ := exFrontMatter(t, r.stdout)
	if fm["url"] != "https://example.com/a" {
		t.Errorf("front matter url %v", fm["url"])
	}

	r = exRun(t, "", "--format", "markdown", a, b)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	// The second document starts after a blank line with its own "---".
	i := strings.Index(r.stdout, "\n\n---\n")
	if i < 0 {
		t.Fatalf("no second document:\n%s", r.stdout)
	}
	_, first := exFrontMatter(t, r.stdout[:i+1])
	_, second := exFrontMatter(t, r.stdout[i+2:])
	if !strings.Contains(first, "debated the schools") || !strings.Contains(second, "debated the trains") {
		t.Errorf("documents out of order or mixed:\n%s", r.stdout)
	}
}

// exServer serves test pages on loopback and records the User-Agent seen.
func exServer(t *testing.T) (*httptest.Server, *string) {
	t.Helper()
	ua := new(string)
	mux := http.NewServeMux()
	euckr, err := korean.EUCKR.NewEncoder().String(exPage("국회 예산안 통과", "", "예산안", "학교"))
	if err != nil {
		t.Fatal(err)
	}
	mux.HandleFunc("/euckr", func(w http.ResponseWriter, r *http.Request) {
		*ua = r.Header.Get("User-Agent")
		w.Header().Set("Content-Type", "text/html; charset=EUC-KR")
		fmt.Fprint(w, euckr)
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/euckr", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/missing", http.NotFound)
	big := bytes.Repeat([]byte("<p>padding</p>"), extract.DefaultMaxBytes/14+2)
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(big) // Content-Length declared
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for chunk := range slices.Chunk(big, 1<<20) {
			w.Write(chunk)
			w.(http.Flusher).Flush() // no Content-Length: the cap is found while reading
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><article><h1>Half")
		w.(http.Flusher).Flush() // headers and part of the body, then nothing
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, ua
}

func TestExtractFetch(t *testing.T) {
	srv, ua := exServer(t)
	r := exRun(t, "", srv.URL+"/old")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	recs := exRecords(t, r.stdout)
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	rec := recs[0]
	// The URL is where the page was after redirects; the source is the input.
	if rec["url"] != srv.URL+"/euckr" || rec["source"] != srv.URL+"/old" {
		t.Errorf("url %v, source %v", rec["url"], rec["source"])
	}
	// The EUC-KR bytes were decoded by the response's charset.
	if body, _ := rec["body"].(string); !strings.Contains(body, "debated the 예산안") {
		t.Errorf("body not decoded from EUC-KR: %q", body)
	}
	if !strings.HasPrefix(*ua, "lede/") || !strings.Contains(*ua, "https://") {
		t.Errorf("User-Agent %q: want lede's name and a contact URL", *ua)
	}
}

func TestExtractFetchErrors(t *testing.T) {
	srv, _ := exServer(t)
	tests := []struct {
		path string
		args []string
		want string
	}{
		{"/missing", nil, "HTTP 404"},
		{"/big", nil, "size cap"},
		{"/big-chunked", nil, "size cap"},
		// The timeout also bounds the good input fetched after the slow
		// one, so it is generous: the slow pages hold for 10s.
		{"/slow", []string{"--timeout", "2s"}, "timed out after 2s"},
		{"/stall", []string{"--timeout", "2s"}, "timed out after 2s"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			in := srv.URL + tt.path
			r := exRun(t, "", append(tt.args, in, srv.URL+"/euckr")...)
			if r.code != exitFailures {
				t.Errorf("exit %d, want %d", r.code, exitFailures)
			}
			first := strings.SplitN(r.stderr, "\n", 2)[0]
			if !strings.HasPrefix(first, "lede: "+in+": ") || !strings.Contains(first, tt.want) {
				t.Errorf("stderr line %q, want the input and %q", first, tt.want)
			}
			if recs := exRecords(t, r.stdout); len(recs) != 1 {
				t.Errorf("the good input after it: %d records", len(recs))
			}
		})
	}
	// A refused connection names the URL and the problem.
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	r := exRun(t, "", closed.URL+"/a")
	if r.code != exitFailures || !strings.HasPrefix(r.stderr, "lede: "+closed.URL+"/a: fetching: ") {
		t.Errorf("closed server: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestExtractFileOverSizeCap(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.html")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: the size is over the cap without writing 10 MiB.
	if err := f.Truncate(extract.DefaultMaxBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r := exRun(t, "", big)
	if r.code != exitFailures || !strings.HasPrefix(r.stderr, "lede: "+big+": page over the size cap") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	// Stdin has no size to check first: the cap is found while reading.
	r = exRun(t, strings.Repeat(" ", extract.DefaultMaxBytes+1), "-")
	if r.code != exitFailures || !strings.HasPrefix(r.stderr, "lede: -: page over the size cap") {
		t.Errorf("stdin: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestExtractRunExitCodes goes through run, the real entry point, with
// stdout and stderr redirected to files.
func TestExtractRunExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := exWrite(t, dir, "good.html", exPage("Good", "", "budget", "schools"))
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"extract", good}, exitOK},
		{[]string{"extract", good, filepath.Join(dir, "missing.html")}, exitFailures},
		{[]string{"extract", "--format", "pdf", good}, exitUsage},
		{[]string{"extract", "--no-such-flag", good}, exitUsage},
	}
	for _, tt := range tests {
		stdout, stderr := os.Stdout, os.Stderr
		outF, err := os.Create(filepath.Join(dir, "stdout"))
		if err != nil {
			t.Fatal(err)
		}
		errF, err := os.Create(filepath.Join(dir, "stderr"))
		if err != nil {
			t.Fatal(err)
		}
		os.Stdout, os.Stderr = outF, errF
		code := run(tt.args)
		os.Stdout, os.Stderr = stdout, stderr
		outF.Close()
		errF.Close()
		if code != tt.code {
			msg, _ := os.ReadFile(errF.Name())
			t.Errorf("run(%v) = %d, want %d; stderr %s", tt.args, code, tt.code, msg)
		}
	}
}

func TestExtractJSONLMatchesLibrary(t *testing.T) {
	// The CLI adds nothing to and drops nothing from the library's record.
	page := exPage("Same record", "2026-11-01T09:30:00+09:00", "budget", "schools")
	file := exWrite(t, t.TempDir(), "p.html", page)
	r := exRun(t, "", "--url", "https://example.com/p", file)
	recs := exRecords(t, r.stdout)
	if r.code != exitOK || len(recs) != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var e extract.Extractor
	a, err := e.Extract(extract.Page{URL: "https://example.com/p", Source: file, Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(recs[0], want) {
		t.Errorf("CLI record\n%v\nlibrary record\n%v", recs[0], want)
	}
}

func TestExtractInterrupted(t *testing.T) {
	page := exWrite(t, t.TempDir(), "p.html", exPage("P", "", "budget", "roads"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // SIGINT before the first input
	root := newRootCmd()
	var out bytes.Buffer
	root.SetArgs([]string{"extract", page})
	root.SetOut(&out)
	root.SetErr(&out)
	err := root.ExecuteContext(ctx)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitInterrupted || !strings.Contains(err.Error(), page) {
		t.Errorf("err = %v, want exit %d naming the input not reached", err, exitInterrupted)
	}
	if out.Len() != 0 {
		t.Errorf("output %q, want none", out.String())
	}
}

func TestExtractInterruptedDuringFetch(t *testing.T) {
	started := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel() // SIGINT while the last input is being fetched
	}()
	root := newRootCmd()
	var out, errb bytes.Buffer
	root.SetArgs([]string{"extract", srv.URL + "/a"})
	root.SetOut(&out)
	root.SetErr(&errb)
	err := root.ExecuteContext(ctx)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitInterrupted {
		t.Errorf("err = %v, want exit %d", err, exitInterrupted)
	}
	if out.Len() != 0 {
		t.Errorf("stdout %q, want none", out.String())
	}
}
