package scraper

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/lede-news/lede/scraper/fetch"
)

// headerContentType is where collyTransport keeps a response's
// Content-Type while colly sees only its media type.
const headerContentType = "X-Lede-Content-Type"

// collyTransport is the RoundTripper colly uses: fetch.Transport (which
// reads each body whole, at most crawl.max_body) with the response
// adjusted so that colly hands the body on as sent.
//
// Charset: colly converts a body to UTF-8 whenever the Content-Type header
// names a charset (DetectCharset only governs the case without one),
// trusting a header that news sites often get wrong. Extraction decodes by
// its own rules (BOM, header, meta, sniffing) and wants the raw bytes, so
// colly gets the media type alone and the full header is kept under
// headerContentType.
//
// Gzip: colly gunzips, without any size limit, a body whose Content-Type
// mentions gzip or whose path ends in .xml.gz, unless
// Response.Uncompressed is set. A gzip bomb of a few hundred kilobytes
// passes crawl.max_body and would expand to gigabytes. Such a body (no
// Content-Encoding: it is the resource itself) is marked Uncompressed and
// handed on compressed; discover.ParseSitemap and ParseFeed decompress it
// within discover.MaxDecompressedSize. A Content-Encoding gzip is decoded
// by Go's transport already (it asked for it); one it left encoded (such
// as x-gzip) is decoded here, within crawl.max_body.
//
// Politeness: each request (with its retries) waits for its host's turn
// in gate, when not nil.
type collyTransport struct {
	next    http.RoundTripper // reads the body whole (fetch.Transport)
	gate    *hostGate
	maxBody int64 // cap of a body decoded here; 0 = none
}

func (t *collyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.gate != nil {
		release, err := t.gate.acquire(req.Context(), req.URL.Host)
		if err != nil {
			if req.Body != nil {
				_ = req.Body.Close() // a RoundTripper closes the body, also on errors
			}
			return nil, &fetch.Error{URL: req.URL.Redacted(), Kind: fetch.KindOf(err), Attempts: 0, Err: err}
		}
		defer release() // the body is in memory: the exchange is over on return
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil || resp == nil {
		return resp, err
	}
	if err := t.decode(req, resp); err != nil {
		return nil, err
	}
	resp.Uncompressed = true
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		mt, _, _ := strings.Cut(ct, ";")
		resp.Header.Set(headerContentType, ct)
		resp.Header.Set("Content-Type", strings.TrimSpace(mt))
	}
	return resp, nil
}

// errDecodedTooLarge is the cause of a too_large failure of a body whose
// Content-Encoding decoded to more than crawl.max_body.
var errDecodedTooLarge = errors.New("gzip Content-Encoding decodes to more than the body limit")

// decode gunzips a body Go's transport left gzip-encoded (colly would,
// without limit) and drops its Content-Encoding.
func (t *collyTransport) decode(req *http.Request, resp *http.Response) error {
	enc := strings.ToLower(resp.Header.Get("Content-Encoding"))
	if resp.Uncompressed || !strings.Contains(enc, "gzip") {
		return nil
	}
	defer resp.Body.Close()
	fail := func(kind fetch.Kind, err error) error {
		return &fetch.Error{URL: req.URL.Redacted(), Kind: kind, Attempts: 1, Err: err}
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		return fail(fetch.KindOther, fmt.Errorf("decoding Content-Encoding %s: %w", enc, err))
	}
	var r io.Reader = zr
	if t.maxBody > 0 {
		r = io.LimitReader(zr, t.maxBody+1)
	}
	body, err := io.ReadAll(r)
	if err != nil {
		return fail(fetch.KindOther, fmt.Errorf("decoding Content-Encoding %s: %w", enc, err))
	}
	if t.maxBody > 0 && int64(len(body)) > t.maxBody {
		return fail(fetch.KindTooLarge, fmt.Errorf("%w (%d bytes)", errDecodedTooLarge, t.maxBody))
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Del("Content-Encoding")
	resp.Header.Del("Content-Length")
	return nil
}
