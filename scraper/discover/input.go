package discover

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxDecompressedSize caps how many bytes a gzip body may decompress to.
// sitemaps.org limits a sitemap to 50 MiB (52,428,800 bytes) uncompressed,
// so nothing valid is refused, while a few kilobytes of gzip bomb cannot
// make the crawler allocate gigabytes.
const MaxDecompressedSize = 50 << 20

// ErrTooLarge is returned (wrapped) when a gzip body decompresses to more
// than MaxDecompressedSize bytes.
var ErrTooLarge = fmt.Errorf("decompressed body exceeds %d MiB", MaxDecompressedSize>>20)

// headSize is how much of the (decompressed) body is looked at before
// decoding: enough for a BOM and an XML declaration with its encoding.
const headSize = 1024

// gzipMagic starts every gzip stream (RFC 1952).
var gzipMagic = []byte{0x1f, 0x8b}

// input is a body ready for decoding: decompressed, as UTF-8 unless the
// XML declaration names another encoding (then declared is true and the
// XML decoder converts it).
type input struct {
	r        *bufio.Reader
	declared bool
}

// open decompresses body if it is gzip and works out its encoding.
func open(body []byte) (*input, error) {
	var r io.Reader = bytes.NewReader(body)
	if bytes.HasPrefix(body, gzipMagic) {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		r = &capReader{r: zr, left: MaxDecompressedSize}
	}
	br := bufio.NewReaderSize(r, 4*headSize)
	head, err := br.Peek(headSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xfe, 0xff}), bytes.HasPrefix(head, []byte{0xff, 0xfe}):
		// UTF-16 with a BOM: convert everything; the declaration's
		// encoding="UTF-16" then describes the original, not what the
		// decoder reads, and is ignored.
		dec := unicode.BOMOverride(unicode.UTF8.NewDecoder())
		return &input{r: bufio.NewReader(transform.NewReader(br, dec))}, nil
	case bytes.HasPrefix(head, []byte{0xef, 0xbb, 0xbf}):
		// A UTF-8 BOM outranks the declaration (XML 1.0 appendix F), so
		// declaredEncoding, which does not see past the BOM, need not.
		if _, err := br.Discard(3); err != nil {
			return nil, fmt.Errorf("reading body: %w", err)
		}
	}
	if enc := declaredEncoding(head); enc != "" && !isUTF8Label(enc) {
		return &input{r: br, declared: true}, nil
	}
	// UTF-8 (declared or assumed): a stray non-UTF-8 byte is read as
	// Windows-1252 instead of failing the whole document over one
	// mis-encoded title.
	return &input{r: bufio.NewReader(transform.NewReader(br, utf8Fallback{}))}, nil
}

// decoder returns a tolerant XML decoder over in: HTML entities (&nbsp;)
// are known, a bare '&' in a URL is taken literally, and a mismatched end
// tag does not end the document.
func (in *input) decoder() *xml.Decoder {
	d := xml.NewDecoder(in.r)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	if in.declared {
		d.CharsetReader = charsetReader
	} else {
		d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	}
	return d
}

// charsetReader converts from the declared encoding; an unknown label is
// read as UTF-8 (stray bytes as Windows-1252) rather than refused.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	cr, err := charset.NewReaderLabel(label, r)
	if err != nil {
		return transform.NewReader(r, utf8Fallback{}), nil
	}
	return cr, nil
}

// isUTF8Label reports encoding names to read as UTF-8: UTF-8 itself, its
// subset ASCII, and UTF-16/32, which a document whose declaration was just
// read byte by byte (no BOM) cannot be: that label is a mistake, and the
// bytes are most likely UTF-8.
func isUTF8Label(enc string) bool {
	switch e := strings.ToLower(enc); {
	case e == "utf-8", e == "utf8", e == "us-ascii", e == "ascii":
		return true
	case strings.HasPrefix(e, "utf-16"), strings.HasPrefix(e, "utf-32"), e == "ucs-2", e == "unicode":
		return true
	}
	return false
}

// declaredEncoding returns the encoding named in an XML declaration at the
// start of head (after white space), or "".
func declaredEncoding(head []byte) string {
	head = bytes.TrimLeft(head, " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := head[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	j := bytes.IndexByte(rest[1:], q)
	if j < 0 {
		return ""
	}
	return string(rest[1 : 1+j])
}

// capReader reads at most left bytes from r and then fails with
// ErrTooLarge if r has more.
type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		var probe [1]byte
		n, err := c.r.Read(probe[:])
		if n > 0 {
			return 0, ErrTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// isBlank reports whether head, the start of a body as returned by Peek,
// is the whole body and only white space.
func isBlank(head []byte) bool {
	return len(head) < headSize && len(bytes.TrimSpace(head)) == 0
}

// sniffHTML reports whether the body, after white space, starts like an
// HTML page rather than XML.
func sniffHTML(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	const doctype = "<!doctype html"
	if len(head) >= len(doctype) && strings.EqualFold(string(head[:len(doctype)]), doctype) {
		return true
	}
	return len(head) >= 5 && strings.EqualFold(string(head[:5]), "<html")
}
