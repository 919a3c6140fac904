package charset

import (
	"bytes"
	"fmt"
)

// windowBytes is how much of the start of a page is inspected for binary
// content and UTF-16: enough for any file signature and a few lines of
// markup, small enough to cost nothing next to parsing.
const windowBytes = 8 << 10

// nulPerMille is the NUL density (per 1000 bytes) above which a page is
// binary: images and archives are full of NULs, while a text page has at
// most a stray one.
const nulPerMille = 1

// controlPercent is the share (percent) of C0 control bytes other than
// whitespace and ESC above which a page is binary: compressed or random
// data has about 10%, text has none.
const controlPercent = 5

// utf16NulPercent is the share (percent) of NULs in the odd or even
// positions, and almost none in the others, that marks BOM-less UTF-16
// text: ASCII markup in UTF-16 has a NUL in every other byte.
const utf16NulPercent = 40

// utf16Dominance is how many times more NULs one parity must have than
// the other in BOM-less UTF-16: ASCII puts them all on one side, while
// characters such as U+B300 put a few on the other.
const utf16Dominance = 4

// signatures are file magic numbers of formats a crawler meets instead of
// HTML: images, documents, archives, media, fonts and executables.
var signatures = []struct {
	magic string
	what  string
}{
	{"%PDF-", "PDF document"},
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"RIFF", "RIFF container (WebP, WAV or AVI)"},
	{"II*\x00", "TIFF image"},
	{"MM\x00*", "TIFF image"},
	{"\x00\x00\x01\x00", "icon"},
	{"PK\x03\x04", "ZIP archive (or DOCX, XLSX, EPUB)"},
	{"\x1f\x8b", "gzip data (not decompressed)"},
	{"BZh", "bzip2 data"},
	{"\xfd7zXZ\x00", "xz data"},
	{"7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{"Rar!\x1a\x07", "RAR archive"},
	{"\x28\xb5\x2f\xfd", "zstd data"},
	{"\x7fELF", "ELF executable"},
	{"MZ\x90\x00", "Windows executable"},
	{"OggS", "Ogg media"},
	{"ID3", "MP3 audio"},
	{"fLaC", "FLAC audio"},
	{"\x1a\x45\xdf\xa3", "Matroska/WebM video"},
	{"wOFF", "WOFF font"},
	{"wOF2", "WOFF2 font"},
	{"\x00\x01\x00\x00\x00", "TrueType font"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"},
	{"SQLite format 3\x00", "SQLite database"},
}

// window is what scanWindow saw at the start of a page.
type window struct {
	n        int    // bytes inspected
	nul      int    // NUL bytes
	control  int    // C0 controls other than whitespace, NUL and ESC
	esc      int    // ESC bytes (ISO-2022 escapes)
	utf16    string // "utf-16le" or "utf-16be" when the NULs say so
	magic    string // the file signature found, if any
	nulEven  int    // NULs at even offsets
	nulOdd   int    // NULs at odd offsets
	firstNUL int    // offset of the first NUL, or -1
}

// scanWindow inspects the start of body.
func scanWindow(body []byte) window {
	w := window{firstNUL: -1}
	for _, s := range signatures {
		if bytes.HasPrefix(body, []byte(s.magic)) {
			w.magic = s.what
			break
		}
	}
	head := body
	if len(head) > windowBytes {
		head = head[:windowBytes]
	}
	w.n = len(head)
	for i, c := range head {
		if c >= 0x20 {
			continue
		}
		switch c {
		case 0:
			w.nul++
			if w.firstNUL < 0 {
				w.firstNUL = i
			}
			if i%2 == 0 {
				w.nulEven++
			} else {
				w.nulOdd++
			}
		case '\t', '\n', '\r', '\f', '\v':
		case 0x1b:
			w.esc++
		default:
			w.control++
		}
	}
	if w.magic == "" && w.n >= 4 {
		half := w.n / 2
		switch {
		case w.nulOdd*100 >= half*utf16NulPercent && w.nulEven*utf16Dominance < w.nulOdd && body[0] != 0:
			w.utf16 = nameUTF16LE
		case w.nulEven*100 >= half*utf16NulPercent && w.nulOdd*utf16Dominance < w.nulEven && body[1] != 0:
			w.utf16 = nameUTF16BE
		}
	}
	return w
}

// binary returns an error wrapping ErrBinary when the window is not text.
func (w window) binary() error {
	switch {
	case w.magic != "":
		return fmt.Errorf("%w: starts with the signature of a %s", ErrBinary, w.magic)
	case w.nul*1000 > w.n*nulPerMille:
		return fmt.Errorf("%w: %d NUL bytes in the first %d bytes (first at offset %d)", ErrBinary, w.nul, w.n, w.firstNUL)
	case w.control*100 > w.n*controlPercent:
		return fmt.Errorf("%w: %d control bytes in the first %d bytes", ErrBinary, w.control, w.n)
	}
	return nil
}
