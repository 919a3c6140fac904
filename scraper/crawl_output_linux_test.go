//go:build linux

package scraper

import (
	"bufio"
	"encoding/json"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/lede-news/lede/extract"
	"github.com/lede-news/lede/output"
)

// TestSiteOutputWriteFailureLeavesNoTornLine fills the "disk" (a file size
// limit, RLIMIT_FSIZE) in the middle of a record: the write fails part way,
// as it does on ENOSPC. The records written after it, once there is room
// again, must still be whole lines of their own, not glued to the torn
// part (which would make the line, and the next run's repair, fail).
func TestSiteOutputWriteFailureLeavesNoTornLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "site", "run.jsonl")
	o := &siteOutput{path: path}
	rec := func(u, text string) *output.Record {
		return &output.Record{Article: &extract.Article{URL: u, Headline: "T", Body: text}, Site: "site"}
	}
	if err := o.write(rec("https://example.com/1", "first")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}

	signal.Ignore(syscall.SIGXFSZ) // write(2) then fails with EFBIG instead of killing the test
	defer signal.Reset(syscall.SIGXFSZ)
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skipf("getrlimit: %v", err)
	}
	limited := old
	limited.Cur = uint64(st.Size()) + 100 // room for part of the next record only
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limited); err != nil {
		t.Skipf("setrlimit: %v", err)
	}
	werr := o.write(rec("https://example.com/2", strings.Repeat("long text ", 100)))
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatalf("restoring the file size limit: %v", err)
	}
	if werr == nil {
		t.Fatal("write over the file size limit: no error")
	}
	if b, err := os.ReadFile(path); err != nil || !strings.HasSuffix(string(b), "}\n") {
		t.Fatalf("after the failed write the file ends in a torn line (err %v): %.80q", err, b[max(len(b)-80, 0):])
	}
	if err := o.write(rec("https://example.com/3", "third")); err != nil {
		t.Fatalf("write after the failure: %v", err)
	}
	if err := o.close(); err != nil {
		t.Fatal(err)
	}
	if got := o.created(); got != path {
		t.Errorf("created() = %q, want %q", got, path)
	}

	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var urls []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var v struct{ URL string }
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("line %d is not whole JSON: %v: %.120q", len(urls)+1, err, sc.Text())
		}
		urls = append(urls, v.URL)
	}
	if want := []string{"https://example.com/1", "https://example.com/3"}; strings.Join(urls, " ") != strings.Join(want, " ") {
		t.Errorf("records in the file: %q, want %q", urls, want)
	}
}
