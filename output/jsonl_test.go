package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lede-news/lede/extract"
)

// readLines reads a JSONL file and checks every line is a whole record.
func readLines(t *testing.T, path string) []Record {
	t.Helper()
	data, err := os.ReadFile(path)
	mustNoErr(t, err)
	if len(data) > 0 && data[len(data)-1] != '\n' {
		t.Fatalf("%s does not end in a newline", path)
	}
	var recs []Record
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if line == "" && len(data) == 0 {
			break
		}
		var r Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%s line %d: %v: %q", path, i+1, err, line)
		}
		recs = append(recs, r)
	}
	return recs
}

func TestJSONLWritesOneLineEach(t *testing.T) {
	var buf bytes.Buffer
	bw := bufio.NewWriterSize(&buf, 1<<20)
	w := NewJSONL(bw)
	for i := range 3 {
		mustNoErr(t, w.Write(&Record{Article: sampleArticle(i)}))
		// Write flushes a buffered writer: the line is out when it returns.
		if got := bytes.Count(buf.Bytes(), []byte{'\n'}); got != i+1 {
			t.Fatalf("after write %d: %d lines in the destination", i+1, got)
		}
	}
	mustNoErr(t, w.Close())
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3", len(lines))
	}
	for i, l := range lines {
		var r Record
		mustNoErr(t, json.Unmarshal([]byte(l), &r))
		if want := sampleArticle(i).URL; r.Article.URL != want {
			t.Errorf("line %d url %q, want %q", i, r.Article.URL, want)
		}
	}
}

// countingWriter records the size of every Write call.
type countingWriter struct {
	mu    sync.Mutex
	calls []int
	buf   bytes.Buffer
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls = append(c.calls, len(p))
	return c.buf.Write(p)
}

func TestJSONLOneWriteCallPerLine(t *testing.T) {
	var cw countingWriter
	w := NewJSONL(&cw)
	for i := range 5 {
		mustNoErr(t, w.Write(&Record{Article: sampleArticle(i), Site: "s"}))
	}
	if len(cw.calls) != 5 {
		t.Fatalf("%d Write calls for 5 records", len(cw.calls))
	}
	for i, line := range strings.SplitAfter(cw.buf.String(), "\n")[:5] {
		if cw.calls[i] != len(line) {
			t.Errorf("call %d wrote %d bytes, line is %d", i, cw.calls[i], len(line))
		}
	}
}

func TestJSONLConcurrentWrites(t *testing.T) {
	var buf bytes.Buffer // not safe for concurrent use: JSONL must serialize
	w := NewJSONL(&buf)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 25 {
				a := sampleArticle(g*25 + i)
				a.Body = strings.Repeat("text ", 200*(g+1))
				if err := w.Write(&Record{Article: a}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 200 {
		t.Fatalf("%d lines, want 200", len(lines))
	}
	for i, l := range lines {
		var r Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %d is not a whole record: %v", i+1, err)
		}
	}
}

func TestJSONLWriteErrorNamesRecord(t *testing.T) {
	w := NewJSONL(failingWriter{})
	err := w.Write(&Record{Article: sampleArticle(3)})
	if err == nil || !strings.Contains(err.Error(), sampleArticle(3).URL) || !errors.Is(err, errDiskFull) {
		t.Errorf("err = %v, want one naming the record and wrapping the cause", err)
	}
	if err := w.Write(nil); err == nil {
		t.Error("Write(nil) returned nil")
	}
}

var errDiskFull = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestCreateJSONLConcurrentWritesAreWholeLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "run.jsonl")
	w, err := CreateJSONL(path)
	mustNoErr(t, err)
	if w.Path() != path {
		t.Errorf("Path() = %q", w.Path())
	}
	const goroutines, each = 16, 20
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range each {
				a := sampleArticle(g*each + i)
				// Big bodies make a torn or interleaved write visible.
				a.Body = strings.Repeat("본문 body text ", 500+g)
				if err := w.Write(&Record{Article: a, Site: "s", Status: 200}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	mustNoErr(t, w.Close())
	mustNoErr(t, w.Close()) // twice is fine
	if err := w.Write(&Record{Article: sampleArticle(0)}); !errors.Is(err, os.ErrClosed) {
		t.Errorf("Write after Close: %v, want os.ErrClosed", err)
	}
	recs := readLines(t, path)
	if len(recs) != goroutines*each {
		t.Fatalf("%d records, want %d", len(recs), goroutines*each)
	}
	var urls []string
	for _, r := range recs {
		urls = append(urls, r.Article.URL)
	}
	sort.Strings(urls)
	for i := 1; i < len(urls); i++ {
		if urls[i] == urls[i-1] {
			t.Fatalf("record %s written twice", urls[i])
		}
	}
}

func TestCreateJSONLAppendsAndCutsTornTail(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.jsonl")
	w, err := CreateJSONL(path)
	mustNoErr(t, err)
	mustNoErr(t, w.Write(&Record{Article: sampleArticle(1)}))
	mustNoErr(t, w.Close())
	// A killed run: half a line at the end.
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	mustNoErr(t, err)
	_, err = f.WriteString(`{"url":"https://torn.example/`)
	mustNoErr(t, err)
	mustNoErr(t, f.Close())

	w, err = CreateJSONL(path)
	mustNoErr(t, err)
	mustNoErr(t, w.Write(&Record{Article: sampleArticle(2)}))
	mustNoErr(t, w.Close())
	recs := readLines(t, path)
	if len(recs) != 2 || recs[0].Article.URL != sampleArticle(1).URL || recs[1].Article.URL != sampleArticle(2).URL {
		t.Fatalf("records after reopening: %+v", recs)
	}
}

func TestCreateJSONLBadPath(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	mustNoErr(t, os.WriteFile(file, nil, 0o644))
	_, err := CreateJSONL(filepath.Join(file, "run.jsonl"))
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("err = %v, want one naming the path", err)
	}
}

func TestRunPath(t *testing.T) {
	kst := time.FixedZone("KST", 9*3600)
	tests := []struct {
		started time.Time
		want    string
	}{
		{time.Date(2026, 11, 25, 16, 30, 0, 0, time.UTC), "out/yonhap/2026-11-25/r1.jsonl"},
		// 08:00 in Seoul on the 26th is still the 25th in UTC.
		{time.Date(2026, 11, 26, 8, 0, 0, 0, kst), "out/yonhap/2026-11-25/r1.jsonl"},
	}
	for _, tt := range tests {
		if got := RunPath("out", "yonhap", "r1", tt.started); got != filepath.FromSlash(tt.want) {
			t.Errorf("RunPath(%v) = %q, want %q", tt.started, got, tt.want)
		}
	}
}

func TestJSONLLinesHaveSameKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.jsonl")
	w, err := CreateJSONL(path)
	mustNoErr(t, err)
	mustNoErr(t, w.Write(&Record{Article: sampleArticle(1), Site: "s", FetchedAt: time.Now(), Status: 200}))
	mustNoErr(t, w.Write(&Record{Article: &extract.Article{Body: "x"}, Site: "s"}))
	mustNoErr(t, w.Close())
	data, err := os.ReadFile(path)
	mustNoErr(t, err)
	lines := bytes.Split(bytes.TrimSuffix(data, []byte{'\n'}), []byte{'\n'})
	first := keys(t, lines[0])
	for i, l := range lines[1:] {
		if got := keys(t, l); strings.Join(got, ",") != strings.Join(first, ",") {
			t.Errorf("line %d keys %v, line 1 keys %v", i+2, got, first)
		}
	}
}
