package charset_test

import (
	"fmt"

	"github.com/lede-news/lede/extract/charset"
	"golang.org/x/text/encoding/korean"
)

func ExampleDecode() {
	// A Korean page in EUC-KR, served without any charset declaration.
	raw, _ := korean.EUCKR.NewEncoder().Bytes([]byte("<p>은평구청장은 평생학습 도시 정책을 소개했다고 밝혔다.</p>"))
	text, name, err := charset.Decode(raw, "text/html")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(name)
	fmt.Println(string(text))

	// Bytes that are valid UTF-8 are UTF-8, whatever the header claims.
	text, name, _ = charset.Decode([]byte("<p>Потоси́</p>"), "text/html; charset=gb2312")
	fmt.Println(name, string(text))
	// Output:
	// euc-kr
	// <p>은평구청장은 평생학습 도시 정책을 소개했다고 밝혔다.</p>
	// utf-8 <p>Потоси́</p>
}
