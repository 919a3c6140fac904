// Package charset decodes HTML pages of any encoding to UTF-8.
package charset

import (
	"bytes"
	"errors"

	xcharset "golang.org/x/net/html/charset"
)

// ErrBinary means the bytes are not text.
var ErrBinary = errors.New("binary content, not HTML")

// Decode returns body as UTF-8 and the name of the encoding it was read in.
// PLACEHOLDER: replaced by the full detector.
func Decode(body []byte, contentType string) ([]byte, string, error) {
	if bytes.IndexByte(body, 0) >= 0 {
		return nil, "", ErrBinary
	}
	enc, name, _ := xcharset.DetermineEncoding(body, contentType)
	out, err := enc.NewDecoder().Bytes(body)
	return out, name, err
}
