package discover

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"
)

func TestGzipBombCapped(t *testing.T) {
	// A valid start, then more than MaxDecompressedSize of white space, as
	// concatenated gzip members (RFC 1952 allows them; gzip.Reader reads
	// them as one stream): one compressed MiB repeated, about 50 KiB.
	spaces := gzipped(t, bytes.Repeat([]byte(" "), 1<<20))
	bomb := func(start string) []byte {
		b := gzipped(t, []byte(start))
		for range MaxDecompressedSize>>20 + 1 {
			b = append(b, spaces...)
		}
		return b
	}

	_, _, err := ParseSitemap(bomb(`<urlset><url><loc>https://bomb.example/1</loc></url>`))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("ParseSitemap(gzip bomb) err = %v, want ErrTooLarge", err)
	}
	if !strings.Contains(err.Error(), "50 MiB") {
		t.Errorf("error %q does not name the limit", err)
	}
	if testing.Short() {
		return
	}
	if _, err := ParseFeed(bomb(`<rss><channel><item><link>https://bomb.example/1</link></item>`)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ParseFeed(gzip bomb) err = %v, want ErrTooLarge", err)
	}
}

func TestCapReader(t *testing.T) {
	tests := []struct {
		data    string
		cap     int64
		wantErr bool
	}{
		{"0123456789", 10, false},
		{"0123456789", 11, false},
		{"0123456789", 9, true},
		{"", 0, false},
		{"x", 0, true},
	}
	for _, tt := range tests {
		got, err := io.ReadAll(&capReader{r: strings.NewReader(tt.data), left: tt.cap})
		if tt.wantErr {
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("cap %d over %q: err = %v, want ErrTooLarge", tt.cap, tt.data, err)
			}
			continue
		}
		if err != nil || string(got) != tt.data {
			t.Errorf("cap %d over %q = %q, %v", tt.cap, tt.data, got, err)
		}
	}
}

func TestCorruptGzip(t *testing.T) {
	body := []byte{0x1f, 0x8b, 0x00, 0x01, 0x02} // magic, then garbage
	if _, _, err := ParseSitemap(body); err == nil || !strings.Contains(err.Error(), "gzip") {
		t.Errorf("ParseSitemap(corrupt gzip) err = %v, want a gzip error", err)
	}
	z := gzipped(t, []byte(`<urlset><url><loc>https://a.example/</loc></url></urlset>`))
	if _, _, err := ParseSitemap(z[:len(z)-12]); err == nil {
		t.Error("ParseSitemap(truncated gzip) succeeded, want error")
	}
}

func TestDeclaredEncoding(t *testing.T) {
	tests := []struct{ head, want string }{
		{`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, "ISO-8859-1"},
		{`<?xml version='1.0' encoding='windows-1252'?>`, "windows-1252"},
		{"  \n<?xml version=\"1.0\" encoding = \"Shift_JIS\" ?>", "Shift_JIS"},
		{`<?xml version="1.0"?><a encoding="x"/>`, ""},
		{`<?xml version="1.0" encoding="utf-8"?>`, "utf-8"},
		{`<urlset encoding="x">`, ""},
		{`<?xml version="1.0" encoding="broken`, ""},
		{`<?xml version="1.0" encoding=nope?>`, ""},
		{``, ""},
	}
	for _, tt := range tests {
		if got := declaredEncoding([]byte(tt.head)); got != tt.want {
			t.Errorf("declaredEncoding(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}

func TestUTF8Fallback(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain ascii", "plain ascii"},
		{"caf\u00e9 \u6771\u4eac \U0001F600", "caf\u00e9 \u6771\u4eac \U0001F600"},
		{"Caf\xe9", "Café"},
		{"\x93quoted\x94 \x80", "\u201cquoted\u201d \u20ac"},
		{"cut \xe6\x9d", "cut æ\ufffd"}, // truncated sequence at the end: bytes read one by one; 0x9D is undefined in Windows-1252
		{"mixed \xc3\xa9 and \xe9", "mixed é and é"},
	}
	for _, tt := range tests {
		// One byte at a time, so multi-byte runes straddle reads.
		r := transform.NewReader(iotest.OneByteReader(strings.NewReader(tt.in)), utf8Fallback{})
		got, err := io.ReadAll(r)
		if err != nil || string(got) != tt.want {
			t.Errorf("utf8Fallback(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		got, _, err = transform.Bytes(utf8Fallback{}, []byte(tt.in))
		if err != nil || string(got) != tt.want {
			t.Errorf("utf8Fallback(%q) in one piece = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestUnknownDeclaredEncodingReadAsUTF8(t *testing.T) {
	body := `<?xml version="1.0" encoding="x-made-up"?><urlset><url><loc>https://a.example/é</loc></url></urlset>`
	pages, _, err := ParseSitemap([]byte(body))
	if err != nil || len(pages) != 1 || pages[0].URL != "https://a.example/é" {
		t.Errorf("ParseSitemap = %v, %v; want the one URL read as UTF-8", pages, err)
	}
}
