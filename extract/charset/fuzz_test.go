package charset

import (
	"errors"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func FuzzDecode(f *testing.F) {
	f.Add([]byte(page(`<meta charset="utf-8">`, textKorean)), "")
	f.Add(encode(f, korean.EUCKR, page("", textKorean)), "text/html; charset=euc-kr")
	f.Add(encode(f, japanese.ShiftJIS, page("", textJapanese)), "")
	f.Add(encode(f, japanese.ISO2022JP, textJapanese), "")
	f.Add(encode(f, simplifiedchinese.GBK, page(`<meta charset=gb2312>`, textChineseSimplified)), "")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "")
	f.Add([]byte("\x89PNG\r\n\x1a\n"), "image/png")
	f.Add([]byte("<p>caf\xe9</p>"), "text/html; charset=bogus")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		out, name, err := Decode(body, contentType)
		if err != nil {
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("error not ErrBinary: %v", err)
			}
			return
		}
		if name == "" {
			t.Error("no encoding name")
		}
		if !utf8.Valid(out) {
			t.Errorf("output of %s decoding is not UTF-8", name)
		}
		if name == "utf-8" && utf8.Valid(body) && len(body) > 0 && string(out) != string(body) && string(out) != string(body[3:]) {
			t.Error("valid UTF-8 changed by decoding")
		}
	})
}
