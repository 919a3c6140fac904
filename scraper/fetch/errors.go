package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
)

// Kind names the class of a failed fetch. It is what a crawl summary counts
// failures by, so its values are stable strings.
type Kind string

// The kinds of failure. A Kind is never empty for a non-nil error.
const (
	KindTimeout    Kind = "timeout"    // an attempt (or the caller's deadline) ran out of time
	KindConnection Kind = "connection" // refused, reset, unexpected EOF, DNS or other network failure
	KindTooLarge   Kind = "too_large"  // the body was larger than Transport.MaxBody
	KindCanceled   Kind = "canceled"   // the request's context was canceled
	KindOther      Kind = "other"      // anything else (TLS, malformed response, bad request)
)

// Error is a fetch that failed. It names the URL, the kind of failure and how
// many attempts were made.
type Error struct {
	URL      string // the request URL, password redacted
	Kind     Kind
	Attempts int   // attempts made, the failing one included
	Err      error // the underlying cause
}

// Error returns e.g. `fetch https://example.com/a: timeout after 3 attempts: ...`.
func (e *Error) Error() string {
	attempts := "1 attempt"
	if e.Attempts != 1 {
		attempts = fmt.Sprintf("%d attempts", e.Attempts)
	}
	if e.Err == nil {
		return fmt.Sprintf("fetch %s: %s after %s", e.URL, e.Kind, attempts)
	}
	return fmt.Sprintf("fetch %s: %s after %s: %v", e.URL, e.Kind, attempts, e.Err)
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// errTooLarge is the cause of a KindTooLarge Error.
var errTooLarge = errors.New("response body exceeds the size limit")

// KindOf classifies any error: an *Error (also wrapped, e.g. in the
// *url.Error an http.Client returns) by its Kind, and other errors from
// net/http, net and context by what they mean. It returns "" for nil.
func KindOf(err error) Kind {
	if err == nil {
		return ""
	}
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Kind
	}
	if errors.Is(err, context.Canceled) {
		return KindCanceled
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return KindTimeout
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return KindTimeout
	}
	if isConnection(err) {
		return KindConnection
	}
	return KindOther
}

// isConnection reports whether err is a failure of the network connection.
func isConnection(err error) bool {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETUNREACH) ||
		errors.Is(err, net.ErrClosed) {
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return true
	}
	var opErr *net.OpError
	return errors.As(err, &opErr)
}

// retryable reports whether a failed attempt is worth another try: timeouts
// and connection failures, but not a host name that does not exist.
func retryable(kind Kind, err error) bool {
	switch kind {
	case KindTimeout:
		return true
	case KindConnection:
		var dnsErr *net.DNSError
		if errors.As(err, &dnsErr) && dnsErr.IsNotFound {
			return false
		}
		return true
	}
	return false
}
