package charset

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// corpusDir returns ../shared/corpus/dev beside the module root, or skips.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("module root (go.mod) not found; corpus tests need ../shared beside it")
		}
		dir = parent
	}
	corpus := filepath.Join(dir, "..", "shared", "corpus", "dev", "html")
	if _, err := os.Stat(corpus); err != nil {
		tb.Skipf("corpus absent (%v): these tests need ../shared/corpus/dev beside the module root", err)
	}
	return corpus
}

// corpusPages reads every page of the dev corpus.
func corpusPages(tb testing.TB) map[string][]byte {
	tb.Helper()
	dir := corpusDir(tb)
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no pages in %s: %v", dir, err)
	}
	pages := make(map[string][]byte, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		pages[filepath.Base(f)] = b
	}
	return pages
}

// Every corpus page is UTF-8 (one with a BOM, one mislabelled gb2312):
// decoding must give back its bytes.
func TestDecodeCorpusIsUTF8(t *testing.T) {
	for name, body := range corpusPages(t) {
		got, enc, err := Decode(body, "")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want := bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
		if enc != "utf-8" || !bytes.Equal(got, want) {
			t.Errorf("%s: decoded as %s, text differs from its UTF-8 bytes", name, enc)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	pages := corpusPages(b)
	var total int64
	for _, p := range pages {
		total += int64(len(p))
	}
	b.Run("corpus-utf8", func(b *testing.B) {
		b.SetBytes(total)
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				if _, _, err := Decode(p, ""); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
