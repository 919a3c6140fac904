package output

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRepairJSONL feeds arbitrary file content to RepairJSONL: it never
// panics; on success the file is a prefix of what it was, holds only
// whole lines, one per record returned; on failure the file is unchanged.
func FuzzRepairJSONL(f *testing.F) {
	line, err := Record{Article: sampleArticle(1), Site: "s"}.MarshalJSON()
	if err != nil {
		f.Fatal(err)
	}
	l := string(line) + "\n"
	for _, seed := range []string{"", "\n", l, l + l, l + l[:40], l + "x\n" + l, "{}\n{", "{\"url\":1}\n", "\x00\xff\n", "[]\n{}\n"} {
		f.Add([]byte(seed))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, content []byte) {
		path := filepath.Join(dir, "fuzz.jsonl")
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		recs, err := RepairJSONL(path)
		after, rerr := os.ReadFile(path)
		if rerr != nil {
			t.Fatal(rerr)
		}
		if err != nil {
			if !bytes.Equal(after, content) {
				t.Fatalf("failed repair (%v) changed the file", err)
			}
			return
		}
		if !bytes.HasPrefix(content, after) {
			t.Fatalf("repaired file is not a prefix of the original")
		}
		if len(after) > 0 && after[len(after)-1] != '\n' {
			t.Fatalf("repaired file ends in a torn line")
		}
		n := bytes.Count(after, []byte{'\n'})
		if n != len(recs) {
			t.Fatalf("%d lines, %d records", n, len(recs))
		}
		for _, ln := range bytes.SplitAfter(after, []byte{'\n'}) {
			if len(ln) == 0 {
				continue
			}
			if _, err := parseLine(ln); err != nil {
				t.Fatalf("line %q left in the file: %v", ln, err)
			}
		}
	})
}
