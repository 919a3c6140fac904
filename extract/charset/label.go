package charset

import (
	"bytes"
	"mime"
	"strings"

	"golang.org/x/net/html"
	xcharset "golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// prescanBytes is how far into a page a <meta> charset declaration is
// looked for: the HTML standard says 1024 bytes, but real pages put long
// comments and scripts first, and 4096 still costs next to nothing.
const prescanBytes = 4096

// aliases maps labels seen on real pages that the WHATWG list lacks to a
// label it knows. Keys are lower case without surrounding space.
var aliases = map[string]string{
	"x-euc-kr":          "euc-kr",
	"euckr":             "euc-kr",
	"cp949":             "euc-kr",
	"ms949":             "euc-kr",
	"uhc":               "euc-kr",
	"x-windows-949":     "euc-kr",
	"ks_c_5601":         "euc-kr",
	"ksc5601-1987":      "euc-kr",
	"cp932":             "shift_jis",
	"x-ms-cp932":        "shift_jis",
	"shiftjis":          "shift_jis",
	"x-shift_jis":       "shift_jis",
	"sjis-open":         "shift_jis",
	"sjis-win":          "shift_jis",
	"eucjp":             "euc-jp",
	"x-eucjp":           "euc-jp",
	"eucjp-win":         "euc-jp",
	"cp51932":           "euc-jp",
	"gb_2312":           "gbk",
	"gb2312-80":         "gbk",
	"cp936":             "gbk",
	"ms936":             "gbk",
	"euc-cn":            "gbk",
	"x-euc-cn":          "gbk",
	"euccn":             "gbk",
	"gb-18030":          "gb18030",
	"cp950":             "big5",
	"ms950":             "big5",
	"x-big5":            "big5",
	"big5hkscs":         "big5",
	"big5_hkscs":        "big5",
	"cp1250":            "windows-1250",
	"cp1251":            "windows-1251",
	"cp1252":            "windows-1252",
	"cp1253":            "windows-1253",
	"cp1254":            "windows-1254",
	"cp1255":            "windows-1255",
	"cp1256":            "windows-1256",
	"cp1257":            "windows-1257",
	"cp1258":            "windows-1258",
	"win-1251":          "windows-1251",
	"windows1251":       "windows-1251",
	"windows1252":       "windows-1252",
	"cp874":             "windows-874",
	"tis620":            "windows-874",
	"utf8":              "utf-8",
	"utf-8n":            "utf-8",
	"x-utf-8":           "utf-8",
	"unicode-1-1-utf-8": "utf-8",
	"iso8859-1":         "windows-1252",
	"iso_8859_1":        "windows-1252",
	"latin-1":           "windows-1252",
	"iso8859-2":         "iso-8859-2",
	"iso8859-5":         "iso-8859-5",
	"iso8859-15":        "iso-8859-15",
	"koi8r":             "koi8-r",
	"koi8u":             "koi8-u",
}

// lookup resolves a charset label, with the aliases above, to an encoding
// and its WHATWG name. It returns nil for unknown labels and for the
// "replacement" encoding, which would discard the page.
func lookup(label string) (encoding.Encoding, string) {
	l := strings.ToLower(strings.Trim(label, " \t\r\n\f\"'"))
	if a, ok := aliases[l]; ok {
		l = a
	}
	if l == "" {
		return nil, ""
	}
	enc, name := xcharset.Lookup(l)
	if enc == nil || name == "replacement" {
		return nil, ""
	}
	return enc, name
}

// declaredEncoding returns the encoding the HTTP header declares, else the
// one a <meta> near the top declares, else nil. Unknown labels count as no
// declaration.
func declaredEncoding(body []byte, contentType string) (encoding.Encoding, string) {
	if label := headerCharset(contentType); label != "" {
		if enc, name := lookup(label); enc != nil {
			return enc, name
		}
	}
	if label := metaCharset(body); label != "" {
		if enc, name := lookup(label); enc != nil {
			return enc, name
		}
	}
	return nil, ""
}

// headerCharset returns the charset parameter of a Content-Type header.
func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		return params["charset"]
	}
	// Malformed headers ("text/html; charset=euc-kr;;") still name it.
	return charsetParam(contentType)
}

// charsetParam finds "charset=X" in s, as the HTML standard's algorithm
// for extracting a character encoding from a meta element does.
func charsetParam(s string) string {
	low := asciiLower(s) // same length as s, so indexes carry over
	for {
		i := strings.Index(low, "charset")
		if i < 0 {
			return ""
		}
		low, s = low[i+len("charset"):], s[i+len("charset"):]
		rest := strings.TrimLeft(s, " \t\r\n\f")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n\f")
		if rest == "" {
			return ""
		}
		if q := rest[0]; q == '"' || q == '\'' {
			if end := strings.IndexByte(rest[1:], q); end >= 0 {
				return rest[1 : 1+end]
			}
			return ""
		}
		if end := strings.IndexAny(rest, "; \t\r\n\f,"); end >= 0 {
			return rest[:end]
		}
		return rest
	}
}

// metaCharset returns the label of the first <meta charset> or
// <meta http-equiv="content-type" content="...charset=X"> in the first
// prescanBytes of body.
func metaCharset(body []byte) string {
	if len(body) > prescanBytes {
		body = body[:prescanBytes]
	}
	if !bytes.Contains(bytes.ToLower(body), []byte("charset")) {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return ""
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tag, hasAttr := z.TagName()
		if string(tag) != "meta" {
			continue
		}
		var charset, content string
		pragma := false
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			switch string(k) {
			case "charset":
				charset = string(v)
			case "content":
				content = string(v)
			case "http-equiv":
				pragma = strings.EqualFold(string(v), "content-type")
			}
		}
		if charset != "" {
			return charset
		}
		if pragma && content != "" {
			if label := charsetParam(content); label != "" {
				return label
			}
		}
	}
}

// isUTF16 reports whether name is a UTF-16 encoding, which an HTML
// declaration cannot select (the standard reads it as UTF-8).
func isUTF16(name string) bool { return strings.HasPrefix(name, "utf-16") }

// isMultiByte reports whether name is one of the CJK multi-byte encodings.
func isMultiByte(name string) bool {
	switch name {
	case "euc-kr", "shift_jis", "euc-jp", "gbk", "gb18030", "big5", "iso-2022-jp":
		return true
	}
	return false
}

// asciiLower lower-cases the ASCII letters of s and nothing else, keeping
// its length (strings.ToLower may change it on invalid UTF-8).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
