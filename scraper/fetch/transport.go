package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// Defaults for the zero values of Transport's fields.
const (
	// DefaultTimeout bounds one attempt, headers and body: generous for a slow
	// news site, short enough that a stalled server does not hold a crawl.
	DefaultTimeout = 30 * time.Second
	// DefaultBackoffBase is the first retry's mean wait before jitter.
	DefaultBackoffBase = 500 * time.Millisecond
	// DefaultBackoffMax caps a backoff or Retry-After wait so one slow host
	// cannot stall a nightly crawl for long.
	DefaultBackoffMax = 30 * time.Second
)

// Transport makes one HTTP exchange politely and robustly: it caps the
// requests in flight, sets the User-Agent, bounds each attempt's time
// (headers and whole body), refuses bodies over a size limit and retries
// timeouts, connection failures, 429 and 5xx with backoff. It is an
// http.RoundTripper, for an http.Client or colly's Collector.WithTransport.
//
// The zero value works. Fields must not be changed once the Transport has
// been used; a Transport is safe for concurrent use and must not be copied
// after first use.
type Transport struct {
	Base        http.RoundTripper // nil: a clone of http.DefaultTransport (gzip, keep-alives)
	UserAgent   string            // set when the request has none
	Timeout     time.Duration     // per attempt, headers and whole body; 0 = 30s
	Retries     int               // further attempts after a timeout, connection error, 429 or 5xx
	MaxBody     int64             // 0 = unlimited; a larger body fails with Kind KindTooLarge (never silently truncated)
	Concurrency int               // requests in flight overall; 0 = unlimited
	BackoffBase time.Duration     // 0 = 500ms; exponential with full jitter
	BackoffMax  time.Duration     // 0 = 30s; also caps a Retry-After wait
	// MinBackoff is the least wait before any retry, after a backoff or a
	// Retry-After alike (a host's politeness delay, say); 0 = none. The
	// backoff's jitter is drawn above it, and the whole wait stays within
	// BackoffMax (unless MinBackoff is longer: then the wait is MinBackoff).
	MinBackoff time.Duration
	Logger     *slog.Logger // nil: discard

	once sync.Once
	base http.RoundTripper
	sem  chan struct{} // one token per request in flight; nil when unlimited
	log  *slog.Logger
}

// init resolves the zero values once.
func (t *Transport) init() {
	t.once.Do(func() {
		t.base = t.Base
		if t.base == nil {
			t.base = http.DefaultTransport.(*http.Transport).Clone()
		}
		if t.Concurrency > 0 {
			t.sem = make(chan struct{}, t.Concurrency)
		}
		t.log = t.Logger
		if t.log == nil {
			t.log = slog.New(slog.DiscardHandler)
		}
	})
}

func (t *Transport) timeout() time.Duration {
	if t.Timeout > 0 {
		return t.Timeout
	}
	return DefaultTimeout
}

// RoundTrip returns a response whose Body is fully read into memory (so
// reading it cannot time out), with ContentLength set to its length. After
// the retries are spent on 429/5xx it returns that last response (not an
// error). It honours Retry-After (seconds or HTTP date) and the request's
// context during waits. Failures are *Error values; see KindOf.
//
// Only GET and HEAD requests whose body is absent or can be replayed
// (Request.GetBody) are retried; other requests get one attempt.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.init()
	orig := req
	if t.UserAgent != "" && req.Header.Get("User-Agent") == "" {
		r2 := *req // RoundTrip must not modify the caller's request
		r2.Header = req.Header.Clone()
		if r2.Header == nil {
			r2.Header = make(http.Header)
		}
		r2.Header.Set("User-Agent", t.UserAgent)
		req = &r2
	}
	attempts := 1
	if t.Retries > 0 && replayable(req) {
		attempts += t.Retries
	}
	ctx := req.Context()
	for n := 1; ; n++ {
		resp, err := t.attempt(req, n)
		if err != nil {
			fe := t.failure(req, n, err)
			if n == attempts || !retryable(fe.Kind, err) {
				return nil, fe
			}
			cause := fe.Err
			if cause == nil {
				cause = fe
			}
			if werr := t.wait(ctx, req, n, fe.Kind, cause.Error(), t.backoff(n)); werr != nil {
				return nil, werr
			}
			continue
		}
		if n == attempts || !retryStatus(resp.StatusCode) {
			resp.Request = orig
			return resp, nil
		}
		wait, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now())
		if ok {
			wait = max(min(wait, t.backoffMax()), t.MinBackoff)
		} else {
			wait = t.backoff(n)
		}
		if werr := t.wait(ctx, req, n, "", "status "+resp.Status, wait); werr != nil {
			return nil, werr
		}
	}
}

// CloseIdleConnections closes the idle connections of the base transport,
// if it has any (http.Client.CloseIdleConnections calls this).
func (t *Transport) CloseIdleConnections() {
	t.init()
	if c, ok := t.base.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

// failure turns an attempt's error into an *Error with the right Kind. The
// caller's context decides first: its cancellation is KindCanceled and its
// deadline KindTimeout, neither retried.
func (t *Transport) failure(req *http.Request, n int, err error) *Error {
	var fe *Error
	if errors.As(err, &fe) {
		fe.Attempts = n
		return fe
	}
	kind := KindOf(err)
	if cerr := req.Context().Err(); cerr != nil {
		kind = KindOf(cerr)
		if !errors.Is(err, cerr) {
			err = fmt.Errorf("%w: %w", cerr, err)
		}
	}
	return &Error{URL: req.URL.Redacted(), Kind: kind, Attempts: n, Err: err}
}

// wait logs a retry and sleeps for d, or until the request's context is done
// (an *Error of KindCanceled or KindTimeout).
func (t *Transport) wait(ctx context.Context, req *http.Request, n int, kind Kind, reason string, d time.Duration) error {
	if ctx.Err() != nil {
		// A canceled caller would otherwise see a retryable error as its own.
		return t.failure(req, n, ctx.Err())
	}
	if kind != "" {
		reason = string(kind) + ": " + reason
	}
	t.log.LogAttrs(ctx, slog.LevelInfo, "fetch retry",
		slog.String("url", req.URL.Redacted()),
		slog.Int("attempt", n+1),
		slog.String("reason", reason),
		slog.Duration("wait", d))
	if d <= 0 {
		return nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return &Error{URL: req.URL.Redacted(), Kind: KindOf(ctx.Err()), Attempts: n, Err: ctx.Err()}
	}
}

// replayable reports whether another attempt of req is safe: an idempotent
// method and a body that is absent or can be read again.
func replayable(req *http.Request) bool {
	if req.Method != "" && req.Method != http.MethodGet && req.Method != http.MethodHead {
		return false
	}
	return req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
}

// retryStatus reports whether a status says "try again later": 429 and the
// 5xx server errors except 501 Not Implemented, which will not change.
func retryStatus(code int) bool {
	return code == http.StatusTooManyRequests ||
		(code >= 500 && code <= 599 && code != http.StatusNotImplemented)
}

// discard closes a body that will not be used, after reading a little of it
// so that the connection can be reused.
func discard(body io.ReadCloser) {
	_, _ = io.CopyN(io.Discard, body, drainLimit)
	_ = body.Close()
}

// drainLimit is how much of an unwanted body is read so its connection can
// be reused; a longer one is cheaper to drop than to read.
const drainLimit = 4 << 10
