package fetch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
)

// attempt makes attempt number n of req: it waits for a slot, sends the
// request under a per-attempt timeout and reads the whole body before the
// timeout is released. The returned response's Body is in memory.
func (t *Transport) attempt(req *http.Request, n int) (*http.Response, error) {
	ctx := req.Context()
	if t.sem != nil {
		select {
		case t.sem <- struct{}{}:
			defer func() { <-t.sem }()
		case <-ctx.Done():
			if n == 1 && req.Body != nil {
				_ = req.Body.Close() // a RoundTripper closes the body, also on errors
			}
			return nil, ctx.Err()
		}
	}
	actx, cancel := context.WithTimeout(ctx, t.timeout())
	defer cancel() // only after the body has been read
	areq := req.WithContext(actx)
	if n > 1 && req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, fmt.Errorf("replaying request body: %w", err)
		}
		areq.Body = body
	}
	resp, err := t.base.RoundTrip(areq)
	if err != nil {
		return nil, t.timedOut(ctx, actx, n, req, err)
	}
	body, err := t.readBody(resp, req.Method == http.MethodHead)
	if err != nil {
		if err == errTooLarge {
			return nil, &Error{URL: req.URL.Redacted(), Kind: KindTooLarge, Attempts: n,
				Err: fmt.Errorf("%w of %d bytes", errTooLarge, t.MaxBody)}
		}
		return nil, t.timedOut(ctx, actx, n, req, fmt.Errorf("reading body: %w", err))
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if req.Method != http.MethodHead {
		resp.ContentLength = int64(len(body))
	}
	return resp, nil
}

// timedOut makes err a KindTimeout *Error when the attempt's own deadline
// (not the caller's) ended it, whatever error the base transport reported.
func (t *Transport) timedOut(ctx, actx context.Context, n int, req *http.Request, err error) error {
	if ctx.Err() == nil && actx.Err() != nil {
		return &Error{URL: req.URL.Redacted(), Kind: KindTimeout, Attempts: n,
			Err: fmt.Errorf("attempt took over %v: %w", t.timeout(), err)}
	}
	return err
}

// maxPrealloc caps the buffer allocated up front from a Content-Length, so a
// lying header cannot make us allocate what the server never sends.
const maxPrealloc = 4 << 20

// readBody reads resp.Body whole, at most MaxBody bytes (errTooLarge beyond),
// and closes it. A HEAD response's Content-Length is not its body's.
func (t *Transport) readBody(resp *http.Response, head bool) ([]byte, error) {
	limit := t.MaxBody
	if head {
		limit = 0
	}
	if limit > 0 && resp.ContentLength > limit {
		_ = resp.Body.Close() // declared too large: not worth reading
		return nil, errTooLarge
	}
	var r io.Reader = resp.Body
	if limit > 0 {
		r = io.LimitReader(resp.Body, limit+1)
	}
	length := resp.ContentLength
	if head {
		length = 0
	}
	body, err := readAll(r, length)
	if err != nil {
		_ = resp.Body.Close()
		return nil, err
	}
	if limit > 0 && int64(len(body)) > limit {
		_ = resp.Body.Close()
		return nil, errTooLarge
	}
	discard(resp.Body) // at EOF already, unless a limit stopped us
	return body, nil
}

// readAll reads r to EOF. With a known length it reads into one buffer of
// that size; otherwise io.ReadAll's growth is cheaper than bytes.Buffer's.
func readAll(r io.Reader, length int64) ([]byte, error) {
	if length < 0 {
		return io.ReadAll(r)
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(length+1, maxPrealloc))) // +1: the EOF read needs no growth
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}
