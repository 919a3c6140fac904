// Package charset decodes HTML pages of any encoding to UTF-8.
//
// The encoding is decided in this order: a byte-order mark; bytes that are
// valid UTF-8 (which win over any declaration, since legacy text is almost
// never valid multi-byte UTF-8 while mislabelled UTF-8 pages are common);
// the HTTP Content-Type charset; a <meta charset> or <meta http-equiv>
// declaration near the top; and last, sniffing among legacy encodings by
// decoding validity and character statistics, with windows-1252 as the
// final fallback. Unknown or bogus labels are ignored, never an error.
package charset

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary means the bytes are not text. Decode wraps it with what it saw.
var ErrBinary = errors.New("binary content, not HTML")

// Canonical names Decode reports for the encodings it handles itself.
const (
	nameUTF8    = "utf-8"
	nameUTF16LE = "utf-16le"
	nameUTF16BE = "utf-16be"
)

// Decode returns body as UTF-8 and the WHATWG name of the encoding it was
// read in. contentType is the HTTP Content-Type header, or "".
//
// When body is already valid UTF-8 (the common case) Decode returns body
// itself, without copying; callers must not modify it while using the
// result. The error wraps ErrBinary when body is not text.
func Decode(body []byte, contentType string) ([]byte, string, error) {
	if enc, name, n := fromBOM(body); enc != nil || n > 0 {
		if enc == nil {
			return body[n:], name, nil
		}
		out, err := decodeWith(enc, body[n:])
		return out, name, err
	}
	w := scanWindow(body)
	if w.utf16 != "" {
		enc, _ := lookup(w.utf16)
		out, err := decodeWith(enc, body)
		if err != nil {
			return nil, "", err
		}
		// NULs in every other byte are also what some binary data looks like.
		if err := scanWindow(out).binary(); err != nil {
			return nil, "", err
		}
		return out, w.utf16, nil
	}
	if err := w.binary(); err != nil {
		return nil, "", err
	}
	if utf8.Valid(body) {
		if w.esc > 0 && looksISO2022JP(body) {
			enc, name := lookup("iso-2022-jp")
			out, err := decodeWith(enc, body)
			return out, name, err
		}
		return body, nameUTF8, nil
	}
	return decodeLegacy(body, contentType)
}

// decodeLegacy decides the encoding of bytes that are not valid UTF-8.
func decodeLegacy(body []byte, contentType string) ([]byte, string, error) {
	st := utf8Stats(body)
	declared, dname := declaredEncoding(body, contentType)
	if st.mostlyUTF8() || (dname == nameUTF8 && st.fewStrays()) {
		return bytes.ToValidUTF8(body, []byte(string(utf8.RuneError))), nameUTF8, nil
	}
	sample := sniffSample(body)
	enc, name := declared, dname
	switch {
	case enc == nil || name == nameUTF8 || isUTF16(name):
		// No usable declaration, or one the bytes contradict.
		best := sniff(sample, false)
		enc, name = best.enc, best.name
	case isMultiByte(name):
		got := score(sample, candidateFor(name))
		if got.errShare > maxDeclaredErrShare {
			if best := sniff(sample, false); best.errShare < got.errShare {
				enc, name = best.enc, best.name
			}
		}
	default:
		// A single-byte declaration decodes anything; only a confident CJK
		// reading overrides it (a CMS default of iso-8859-1 on EUC-KR text).
		if best := sniff(sample, true); best.confident() {
			enc, name = best.enc, best.name
		}
	}
	out, err := decodeWith(enc, body)
	return out, name, err
}

// decodeWith decodes body with enc, replacing invalid sequences.
func decodeWith(enc encoding.Encoding, body []byte) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, fmt.Errorf("decoding %d bytes: %w", len(body), err)
	}
	return out, nil
}

// fromBOM reports the encoding a byte-order mark names and the mark's
// length. For UTF-8 it returns a nil encoding: the rest needs no decoding.
func fromBOM(body []byte) (encoding.Encoding, string, int) {
	switch {
	case bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}):
		return nil, nameUTF8, 3
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), nameUTF16LE, 2
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), nameUTF16BE, 2
	}
	return nil, "", 0
}

// looksISO2022JP reports whether body carries ISO-2022-JP escape sequences:
// 7-bit text that is valid UTF-8 byte for byte yet is not UTF-8 text.
func looksISO2022JP(body []byte) bool {
	for _, seq := range []string{"\x1b$B", "\x1b$@", "\x1b(J", "\x1b(I"} {
		if bytes.Contains(body, []byte(seq)) {
			return true
		}
	}
	return false
}
