package charset

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/korean"
)

func BenchmarkDecodeEUCKR(b *testing.B) {
	body := encode(b, korean.EUCKR, page("", strings.Repeat(textKorean, 200)))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, name, err := Decode(body, ""); err != nil || name != "euc-kr" {
			b.Fatalf("Decode = %q, %v", name, err)
		}
	}
}
