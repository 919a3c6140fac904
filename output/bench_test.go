package output

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkJSONL measures encoding and writing a typical record (a 5 KB
// body): to an io.Writer, and to a durable file (one write and fsync per
// record, so disk-bound).
func BenchmarkJSONL(b *testing.B) {
	a := sampleArticle(1)
	a.Body = strings.Repeat("A typical sentence of a news article body, with words. ", 90)
	rec := &Record{Article: a, Site: "example", Status: 200}
	line, err := rec.MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("writer", func(b *testing.B) {
		w := NewJSONL(io.Discard)
		b.SetBytes(int64(len(line) + 1))
		b.ReportAllocs()
		for b.Loop() {
			if err := w.Write(rec); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("file", func(b *testing.B) {
		w, err := CreateJSONL(filepath.Join(b.TempDir(), "run.jsonl"))
		if err != nil {
			b.Fatal(err)
		}
		defer w.Close()
		b.SetBytes(int64(len(line) + 1))
		b.ReportAllocs()
		for b.Loop() {
			if err := w.Write(rec); err != nil {
				b.Fatal(err)
			}
		}
	})
}
