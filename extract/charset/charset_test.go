package charset

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Sample article text per language, long enough to look like a paragraph.
const (
	textKorean = "서울시는 18일 은평구에서 평생학습 도시 정책에 관한 회의를 열었다고 밝혔다. " +
		"이번 회의에는 여러 지방자치단체 관계자들이 참석해 주민이 직접 참여하는 학습 생태계를 만드는 방안을 논의했다. " +
		"구청장은 \"앞으로도 국내외 도시들과 교류를 넓혀 나가겠다\"고 말했다."
	textJapanese = "東京都は十八日、生涯学習の推進に関する会議を開いたと発表した。" +
		"会議には各地の自治体の担当者が参加し、住民が自ら学ぶ仕組みについて話し合った。" +
		"区長は「これからも国内外の都市との交流を広げていきたい」と述べた。"
	textChineseSimplified = "北京市十八日召开了关于终身学习城市建设的会议。" +
		"来自各地的政府代表参加了会议，讨论了如何让居民主动参与学习，建立以市民为中心的学习生态系统。" +
		"区长表示，今后将继续扩大与国内外城市的交流与合作。"
	textChineseTraditional = "臺北市十八日召開了關於終身學習城市建設的會議。" +
		"來自各地的政府代表參加了會議，討論了如何讓居民主動參與學習，建立以市民為中心的學習生態系統。" +
		"區長表示，今後將繼續擴大與國內外城市的交流與合作。"
	textRussian = "Мэр района заявил, что город продолжит развивать программы обучения в течение всей жизни. " +
		"В конференции приняли участие представители многих городов, которые обсудили, как жители могут сами организовать учебные группы."
	textGreek = "Ο δήμαρχος της περιοχής δήλωσε ότι η πόλη θα συνεχίσει να αναπτύσσει προγράμματα δια βίου μάθησης. " +
		"Στη διάσκεψη συμμετείχαν εκπρόσωποι πολλών πόλεων, οι οποίοι συζήτησαν πώς οι κάτοικοι μπορούν να οργανώσουν ομάδες μελέτης."
	textWestern = "Le maire a déclaré que la ville continuera à développer des programmes d'éducation tout au long de la vie. " +
		"Les délégués ont discuté des échanges culturels entre la Corée et le Mexique, à San Luis Potosí, où l'été est très chaud."
)

// page wraps body text in a small HTML document with an optional <meta>.
func page(meta, text string) string {
	return "<!DOCTYPE html><html><head>" + meta + "<title>t</title></head><body><article><p>" +
		text + "</p><p>" + text + "</p></article></body></html>"
}

// encode encodes s with enc or fails the test.
func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding test text: %v", err)
	}
	return b
}

func TestDecodeLegacyEncodings(t *testing.T) {
	tests := []struct {
		name     string
		enc      encoding.Encoding
		text     string
		meta     string // <meta> in the page
		header   string // Content-Type header
		wantName string
	}{
		{"euc-kr sniffed", korean.EUCKR, textKorean, "", "", "euc-kr"},
		{"euc-kr meta", korean.EUCKR, textKorean, `<meta charset="euc-kr">`, "", "euc-kr"},
		{"euc-kr header alias x-euc-kr", korean.EUCKR, textKorean, "", "text/html; charset=x-euc-kr", "euc-kr"},
		{"euc-kr alias ks_c_5601-1987", korean.EUCKR, textKorean, `<meta http-equiv="Content-Type" content="text/html; charset=ks_c_5601-1987">`, "", "euc-kr"},
		{"euc-kr alias cp949", korean.EUCKR, textKorean, "", "text/html;charset=CP949", "euc-kr"},
		{"shift_jis sniffed", japanese.ShiftJIS, textJapanese, "", "", "shift_jis"},
		{"shift_jis alias sjis", japanese.ShiftJIS, textJapanese, `<meta charset=sjis>`, "", "shift_jis"},
		{"euc-jp sniffed", japanese.EUCJP, textJapanese, "", "", "euc-jp"},
		{"euc-jp header", japanese.EUCJP, textJapanese, "", "text/html; charset=EUC-JP", "euc-jp"},
		{"iso-2022-jp escapes", japanese.ISO2022JP, textJapanese, "", "", "iso-2022-jp"},
		{"gbk sniffed", simplifiedchinese.GBK, textChineseSimplified, "", "", "gb18030"},
		{"gb2312 meta means gbk", simplifiedchinese.GBK, textChineseSimplified, `<meta charset="gb2312">`, "", "gbk"},
		{"gb18030 header", simplifiedchinese.GB18030, textChineseSimplified, "", "text/html; charset=gb18030", "gb18030"},
		{"big5 sniffed", traditionalchinese.Big5, textChineseTraditional, "", "", "big5"},
		{"big5-hkscs alias", traditionalchinese.Big5, textChineseTraditional, `<meta charset="big5-hkscs">`, "", "big5"},
		{"windows-1251 sniffed", charmap.Windows1251, textRussian, "", "", "windows-1251"},
		{"koi8-r sniffed", charmap.KOI8R, textRussian, "", "", "koi8-r"},
		{"windows-1251 alias cp1251", charmap.Windows1251, textRussian, `<meta charset="cp1251">`, "", "windows-1251"},
		{"iso-8859-5 declared", charmap.ISO8859_5, textRussian, `<meta charset="iso-8859-5">`, "", "iso-8859-5"},
		{"windows-1253 sniffed", charmap.Windows1253, textGreek, "", "", "windows-1253"},
		{"iso-8859-7 declared", charmap.ISO8859_7, textGreek, "", "text/html; charset=ISO-8859-7", "iso-8859-7"},
		{"windows-1252 fallback", charmap.Windows1252, textWestern, "", "", "windows-1252"},
		{"iso-8859-1 declared", charmap.ISO8859_1, textWestern, `<meta charset="ISO-8859-1">`, "", "windows-1252"},
		{"iso-8859-15 declared", charmap.ISO8859_15, textWestern, `<meta charset="iso-8859-15">`, "", "iso-8859-15"},
		{"windows-1250 declared", charmap.Windows1250, "Zażółć gęślą jaźń, powiedział burmistrz miasta.", `<meta charset="windows-1250">`, "", "windows-1250"},
		{"unknown label falls back to sniffing", korean.EUCKR, textKorean, `<meta charset="x-no-such-charset">`, "", "euc-kr"},
		{"bogus header falls back to meta", korean.EUCKR, textKorean, `<meta charset="euc-kr">`, "text/html; charset=qwerty", "euc-kr"},
		{"header wins over meta", korean.EUCKR, textKorean, `<meta charset="shift_jis">`, "text/html; charset=euc-kr", "euc-kr"},
		{"wrong utf-8 declaration", korean.EUCKR, textKorean, `<meta charset="utf-8">`, "", "euc-kr"},
		{"wrong western declaration on korean", korean.EUCKR, textKorean, `<meta charset="iso-8859-1">`, "", "euc-kr"},
		{"wrong multi-byte declaration", japanese.ShiftJIS, textJapanese, `<meta charset="big5">`, "", "shift_jis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := page(tt.meta, tt.text)
			body := encode(t, tt.enc, want)
			got, name, err := Decode(body, tt.header)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if name != tt.wantName {
				t.Errorf("encoding = %q, want %q", name, tt.wantName)
			}
			if string(got) != want {
				t.Errorf("decoded text differs:\n got %.200q\nwant %.200q", got, want)
			}
		})
	}
}

func TestDecodeUTF8(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		header string
		want   string
		wname  string
	}{
		{"plain", page(`<meta charset="utf-8">`, textKorean), "", page(`<meta charset="utf-8">`, textKorean), "utf-8"},
		{"no declaration", page("", textJapanese), "", page("", textJapanese), "utf-8"},
		{"mislabelled gb2312 meta", page(`<meta charset="gb2312">`, textChineseSimplified), "", page(`<meta charset="gb2312">`, textChineseSimplified), "utf-8"},
		{"mislabelled euc-kr header", page("", textKorean), "text/html; charset=euc-kr", page("", textKorean), "utf-8"},
		{"mislabelled windows-1252", page(`<meta charset="windows-1252">`, textWestern), "", page(`<meta charset="windows-1252">`, textWestern), "utf-8"},
		{"ascii", "<p>hello</p>", "text/html; charset=euc-kr", "<p>hello</p>", "utf-8"},
		{"bom", "\xef\xbb\xbf<p>é</p>", "text/html; charset=windows-1252", "<p>é</p>", "utf-8"},
		{"utf-16 meta ignored", page(`<meta charset="utf-16">`, textGreek), "", page(`<meta charset="utf-16">`, textGreek), "utf-8"},
		{"truncated mid-character", page("", textKorean)[:len(page("", textKorean))-26] + "\xea\xb0", "", page("", textKorean)[:len(page("", textKorean))-26] + "\ufffd", "utf-8"},
		{"truncated, header says euc-kr", page("", textKorean)[:len(page("", textKorean))-26] + "\xea\xb0", "text/html; charset=euc-kr", page("", textKorean)[:len(page("", textKorean))-26] + "\ufffd", "utf-8"},
		{"stray latin-1 byte", page(`<meta charset="utf-8">`, textKorean+"caf\xe9"), "", page(`<meta charset="utf-8">`, textKorean+"caf\ufffd"), "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, name, err := Decode([]byte(tt.body), tt.header)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if name != tt.wname || string(got) != tt.want {
				t.Errorf("Decode = %q, %.120q; want %q, %.120q", name, got, tt.wname, tt.want)
			}
		})
	}
}

func TestDecodeValidUTF8DoesNotCopy(t *testing.T) {
	body := []byte(page("", textKorean))
	got, _, err := Decode(body, "text/html; charset=euc-kr")
	if err != nil {
		t.Fatal(err)
	}
	if &got[0] != &body[0] {
		t.Error("valid UTF-8 was copied")
	}
}

func TestDecodeUTF16(t *testing.T) {
	want := page(`<meta charset="utf-16">`, textKorean)
	for _, tt := range []struct {
		name  string
		enc   encoding.Encoding
		wname string
	}{
		{"le with bom", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "utf-16le"},
		{"be with bom", unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "utf-16be"},
		{"le without bom", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"},
		{"be without bom", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, name, err := Decode(encode(t, tt.enc, want), "")
			if err != nil {
				t.Fatal(err)
			}
			if name != tt.wname || string(got) != want {
				t.Errorf("Decode = %q, %.80q; want %q", name, got, tt.wname)
			}
		})
	}
}

func TestDecodeBinary(t *testing.T) {
	tests := []struct {
		name string
		body []byte
		want string // in the error message
	}{
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "PNG image"},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), "JPEG image"},
		{"gif", []byte("GIF89a\x01\x00\x01\x00"), "GIF image"},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "PDF document"},
		{"zip", []byte("PK\x03\x04\x14\x00\x06\x00"), "ZIP archive"},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), "gzip"},
		{"nul bytes", append([]byte("<html>"), bytes.Repeat([]byte{0, 0, 1, 2, 3}, 100)...), "NUL bytes"},
		{"control bytes", bytes.Repeat([]byte("ab\x01\x02\x03\x04"), 100), "control bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Decode(tt.body, "")
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("err = %v, want ErrBinary", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %q, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestDecodeToleratesStrayNUL(t *testing.T) {
	body := []byte(page("", textWestern+strings.Repeat(" filler text", 200)))
	body[len(body)/2] = 0
	got, _, err := Decode(body, "")
	if err != nil {
		t.Fatalf("one NUL in %d bytes: %v", len(body), err)
	}
	if !utf8.Valid(got) {
		t.Error("result is not UTF-8")
	}
}

func TestHeaderCharset(t *testing.T) {
	tests := map[string]string{
		"":                                 "",
		"text/html":                        "",
		"text/html; charset=EUC-KR":        "EUC-KR",
		`text/html; charset="shift_jis"`:   "shift_jis",
		"text/html; charset=euc-kr;;":      "euc-kr",
		"text/html;charset=gb2312, foo":    "gb2312",
		"text/html; foo=bar; CHARSET=big5": "big5",
	}
	for in, want := range tests {
		if got := headerCharset(in); got != want {
			t.Errorf("headerCharset(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMetaCharsetFarFromTop(t *testing.T) {
	// A long comment pushes the declaration past 1024 bytes, as on real pages.
	meta := "<!--" + strings.Repeat("x", 2000) + `--><meta http-equiv="content-type" content="text/html; charset=euc-kr">`
	if got := metaCharset([]byte(page(meta, ""))); got != "euc-kr" {
		t.Errorf("metaCharset = %q, want euc-kr", got)
	}
}

func TestDecodeNULsInEveryOtherByteThatAreNotUTF16(t *testing.T) {
	body := append([]byte("<html>"), bytes.Repeat([]byte{0, 1, 2, 3}, 100)...)
	if _, _, err := Decode(body, ""); !errors.Is(err, ErrBinary) {
		t.Fatalf("err = %v, want ErrBinary", err)
	}
}

func TestCharsetParamInvalidUTF8(t *testing.T) {
	// Lower-casing invalid UTF-8 must not shift the indexes used to slice.
	if got := charsetParam("\xff\xfe\xfdCHARSET=euc-kr"); got != "euc-kr" {
		t.Errorf("charsetParam = %q, want euc-kr", got)
	}
}
