package scraper

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/gocolly/colly/v2"

	"github.com/lede-news/lede/scraper/discover"
	"github.com/lede-news/lede/scraper/fetch"
)

// gzipped compresses parts, written one after the other.
func gzipped(t testing.TB, parts ...[]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		if _, err := zw.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// gzipBomb is a sitemap listing base+"/news/9" after padding of blanks
// that makes it decompress to more than discover.MaxDecompressedSize, from
// well under a megabyte.
func gzipBomb(t testing.TB, base string) []byte {
	pad := bytes.Repeat([]byte(" "), 1<<20)
	parts := [][]byte{[]byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)}
	for range discover.MaxDecompressedSize>>20 + 10 {
		parts = append(parts, pad)
	}
	parts = append(parts, []byte(`<url><loc>`+base+`/news/9</loc></url></urlset>`))
	return gzipped(t, parts...)
}

func sitemapOf(base string, paths ...string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for _, p := range paths {
		b.WriteString(`<url><loc>` + base + p + `</loc></url>`)
	}
	b.WriteString(`</urlset>`)
	return []byte(b.String())
}

// serveBytes routes path to body, sent with the given header fields.
func (s *newsSite) serveBytes(path string, body []byte, header ...string) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.Write(body)
	})
}

// TestCrawlGzipSitemaps checks compressed sitemaps every way they come
// (a raw .xml.gz file, an application/gzip body, Content-Encoding gzip and
// x-gzip), and that a gzip bomb, small as fetched, fails as a sitemap
// error at discover's cap instead of expanding in memory.
func TestCrawlGzipSitemaps(t *testing.T) {
	site := newNewsSite(t)
	base := site.URL
	site.serveBytes("/robots.txt", []byte("Sitemap: "+base+"/a.xml.gz\nSitemap: "+base+"/b.xml\nSitemap: "+base+"/c.xml\nSitemap: "+base+"/d.xml\nSitemap: "+base+"/bomb.xml.gz\n"), "Content-Type", "text/plain")
	site.serveBytes("/a.xml.gz", gzipped(t, sitemapOf(base, "/news/1")), "Content-Type", "application/octet-stream")
	site.serveBytes("/b.xml", gzipped(t, sitemapOf(base, "/news/2")), "Content-Type", "application/gzip")
	site.serveBytes("/c.xml", gzipped(t, sitemapOf(base, "/news/3")), "Content-Type", "application/xml", "Content-Encoding", "gzip")
	site.serveBytes("/d.xml", gzipped(t, sitemapOf(base, "/news/4")), "Content-Type", "application/xml", "Content-Encoding", "x-gzip")
	bomb := gzipBomb(t, base)
	site.serveBytes("/bomb.xml.gz", bomb, "Content-Type", "application/x-gzip")
	for _, p := range []string{"/news/1", "/news/2", "/news/3", "/news/4", "/news/9"} {
		site.article(p, p)
	}
	site.page("/")
	cfg := testConfig(t.TempDir(), base, nil, []string{`/news/\d+`}, "/")
	cfg.Sites[0].Sitemaps = true
	if int64(len(bomb)) > cfg.Crawl.MaxBody {
		t.Fatalf("bomb of %d bytes is over crawl.max_body: it would not test the decompression", len(bomb))
	}
	sum := runCrawl(t, cfg)
	got := canonicals(readRecords(t, cfg.Output.Dir))
	if want := urls(base, "/news/1", "/news/2", "/news/3", "/news/4"); !slices.Equal(got, want) {
		t.Errorf("wrote %v, want %v", got, want)
	}
	if want := map[string]int{"sitemap": 1}; !mapsEqual(sum.ByError, want) {
		t.Errorf("errors %v, want %v (the bomb)", sum.ByError, want)
	}
}

// TestCollyTransportRawGzip checks at the seam with colly that a gzip body
// without Content-Encoding reaches OnResponse as sent (colly would gunzip
// it, without limit), while a Content-Encoding the Go transport left
// encoded is decoded within crawl.max_body.
func TestCollyTransportRawGzip(t *testing.T) {
	site := newNewsSite(t)
	plain := sitemapOf(site.URL, "/news/1")
	packed := gzipped(t, plain)
	site.serveBytes("/raw.xml.gz", packed, "Content-Type", "application/gzip")
	site.serveBytes("/encoded.xml", packed, "Content-Type", "application/xml", "Content-Encoding", "x-gzip")
	big := gzipped(t, bytes.Repeat([]byte(" "), 1<<20))
	site.serveBytes("/big.xml", big, "Content-Type", "application/xml", "Content-Encoding", "x-gzip")
	const maxBody = 512 << 10
	get := func(path string) ([]byte, error) {
		c := colly.NewCollector()
		c.MaxBodySize = 0
		c.WithTransport(&collyTransport{next: &fetch.Transport{MaxBody: maxBody}, maxBody: maxBody})
		var body []byte
		var ferr error
		c.OnResponse(func(r *colly.Response) { body = r.Body })
		c.OnError(func(_ *colly.Response, err error) { ferr = err })
		c.Visit(site.URL + path)
		return body, ferr
	}
	if body, err := get("/raw.xml.gz"); err != nil || !bytes.Equal(body, packed) {
		t.Errorf("raw gzip: got %d bytes (err %v), want the %d bytes sent", len(body), err, len(packed))
	}
	if body, err := get("/encoded.xml"); err != nil || !bytes.Equal(body, plain) {
		t.Errorf("x-gzip encoded: got %q (err %v), want %q", body, err, plain)
	}
	if body, err := get("/big.xml"); err == nil || fetch.KindOf(err) != fetch.KindTooLarge {
		t.Errorf("x-gzip over max_body: got %d bytes, err %v; want a too_large error", len(body), err)
	}
}
