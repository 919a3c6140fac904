//go:build linux

package output

import (
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/lede-news/lede/extract"
)

// TestJSONLFileFailedWriteLeavesNoPartLine fills the "disk" (a file size
// limit, RLIMIT_FSIZE) in the middle of a record: write(2) stops part way,
// as it does on ENOSPC. The failed Write must leave none of the record in
// the file, and the next record must be a whole line of its own.
func TestJSONLFileFailedWriteLeavesNoPartLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.jsonl")
	f, err := CreateJSONL(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rec := func(u, body string) *Record {
		return &Record{Article: &extract.Article{URL: u, Body: body}, Site: "s"}
	}
	if err := f.Write(rec("https://example.com/1", "first")); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
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
	limited.Cur = uint64(len(before)) + 100 // room for part of the next record only
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limited); err != nil {
		t.Skipf("setrlimit: %v", err)
	}
	werr := f.Write(rec("https://example.com/2", strings.Repeat("long text ", 100)))
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatalf("restoring the file size limit: %v", err)
	}
	if werr == nil {
		t.Fatal("Write over the file size limit: no error")
	}
	if after, err := os.ReadFile(path); err != nil || string(after) != string(before) {
		t.Fatalf("after the failed Write the file is %d bytes, want the %d it had (err %v)", len(after), len(before), err)
	}

	if err := f.Write(rec("https://example.com/3", "third")); err != nil {
		t.Fatalf("Write after the failure: %v", err)
	}
	recs, err := RepairJSONL(path)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, r := range recs {
		urls = append(urls, r.Article.URL)
	}
	if got, want := strings.Join(urls, " "), "https://example.com/1 https://example.com/3"; got != want {
		t.Errorf("records in the file: %s, want %s", got, want)
	}
}
