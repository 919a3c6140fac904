package output

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeRun writes n records with CreateJSONL and returns the file's path.
func writeRun(t testing.TB, dir string, n int) string {
	path := filepath.Join(dir, "run.jsonl")
	w, err := CreateJSONL(path)
	mustNoErr(t, err)
	for i := range n {
		mustNoErr(t, w.Write(&Record{Article: sampleArticle(i), Site: "s", Status: 200}))
	}
	mustNoErr(t, w.Close())
	return path
}

func appendBytes(t *testing.T, path, s string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	mustNoErr(t, err)
	_, err = f.WriteString(s)
	mustNoErr(t, err)
	mustNoErr(t, f.Close())
}

func TestRepairJSONL(t *testing.T) {
	line, err := Record{Article: sampleArticle(99), Site: "s", Status: 200}.MarshalJSON()
	mustNoErr(t, err)
	tests := []struct {
		name string
		tail string // appended after three whole records
	}{
		{"whole file", ""},
		{"torn half line", string(line[:len(line)/2])},
		{"whole JSON without its newline", string(line)},
		{"invalid last line with newline", "{\"url\": \n"},
		{"blank last line", "\n"},
		{"a JSON array last", "[1,2]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeRun(t, t.TempDir(), 3)
			whole, err := os.ReadFile(path)
			mustNoErr(t, err)
			appendBytes(t, path, tt.tail)
			recs, err := RepairJSONL(path)
			mustNoErr(t, err)
			if len(recs) != 3 {
				t.Fatalf("%d records, want 3", len(recs))
			}
			for i, r := range recs {
				if r.Article.URL != sampleArticle(i).URL || r.Site != "s" || r.Status != 200 {
					t.Errorf("record %d = %s %q %d", i, r.Article.URL, r.Site, r.Status)
				}
			}
			after, err := os.ReadFile(path)
			mustNoErr(t, err)
			if !bytes.Equal(after, whole) {
				t.Errorf("file after repair is not the whole records:\n%s", after)
			}
			// Repairing again changes nothing; appending continues whole.
			again, err := RepairJSONL(path)
			mustNoErr(t, err)
			if len(again) != 3 {
				t.Errorf("second repair: %d records", len(again))
			}
		})
	}
}

func TestRepairJSONLCorruptMiddleLine(t *testing.T) {
	path := writeRun(t, t.TempDir(), 1)
	appendBytes(t, path, "garbage\n")
	line, err := Record{Article: sampleArticle(5)}.MarshalJSON()
	mustNoErr(t, err)
	appendBytes(t, path, string(line)+"\n")
	before, err := os.ReadFile(path)
	mustNoErr(t, err)
	_, err = RepairJSONL(path)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("err = %v, want one naming %s line 2", err, path)
	}
	after, err := os.ReadFile(path)
	mustNoErr(t, err)
	if !bytes.Equal(before, after) {
		t.Error("a failed repair changed the file")
	}
}

func TestRepairJSONLEmptyAndMissing(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.jsonl")
	mustNoErr(t, os.WriteFile(empty, nil, 0o644))
	recs, err := RepairJSONL(empty)
	if err != nil || len(recs) != 0 {
		t.Errorf("empty file: %d records, %v", len(recs), err)
	}
	missing := filepath.Join(dir, "missing.jsonl")
	if _, err := RepairJSONL(missing); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: err = %v, want fs.ErrNotExist naming it", err)
	}
}
