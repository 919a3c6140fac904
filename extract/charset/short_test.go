package charset

import (
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Undeclared legacy pages with only a few characters of text: a login
// link, a headline. Sniffing must still pick the right encoding.
func TestDecodeShortUndeclared(t *testing.T) {
	tests := []struct {
		enc      encoding.Encoding
		text     string
		wantName string
	}{
		{korean.EUCKR, "로그인", "euc-kr"},
		{korean.EUCKR, "회원가입 | 로그인 | 전체기사", "euc-kr"},
		{korean.EUCKR, "삼성전자, 3분기 영업이익 10조원 돌파", "euc-kr"},
		{japanese.ShiftJIS, "ログイン", "shift_jis"},
		{japanese.ShiftJIS, "東京都知事選挙", "shift_jis"},
		{japanese.ShiftJIS, "日本経済新聞社", "shift_jis"},
		{japanese.EUCJP, "東京都知事選挙の結果", "euc-jp"},
		{simplifiedchinese.GBK, "新闻中心", "gb18030"},
		{simplifiedchinese.GBK, "国务院关于经济工作的通知", "gb18030"},
		{traditionalchinese.Big5, "新聞中心", "big5"},
		{traditionalchinese.Big5, "行政院關於經濟工作的通知", "big5"},
		{charmap.Windows1252, "Café", "windows-1252"},
		{charmap.Windows1252, "Ça coûte très cher — selon l’étude", "windows-1252"},
		{charmap.Windows1252, "Müller größer Straße", "windows-1252"},
		{charmap.Windows1251, "Новости", "windows-1251"},
		{charmap.Windows1251, "Главная страница", "windows-1251"},
		{charmap.KOI8R, "Главная страница", "koi8-r"},
		{charmap.Windows1253, "Ειδήσεις", "windows-1253"},
	}
	for _, tt := range tests {
		t.Run(tt.wantName+" "+tt.text, func(t *testing.T) {
			want := "<html><head><title>x</title></head><body><p>" + tt.text + "</p></body></html>"
			got, name, err := Decode(encode(t, tt.enc, want), "")
			if err != nil {
				t.Fatal(err)
			}
			if name != tt.wantName || string(got) != want {
				t.Errorf("Decode = %q, %q; want %q", name, got, tt.wantName)
			}
		})
	}
}
