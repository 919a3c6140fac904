package urlnorm

import (
	"errors"
	"fmt"
)

// Sentinel problems, matched with errors.Is through an *Error.
var (
	// ErrScheme: the URL is not http or https (javascript:, mailto:, tel:,
	// data:, ftp:, ...), or has no scheme and no base to resolve against.
	ErrScheme = errors.New("unsupported scheme")
	// ErrNoHost: the URL has an http(s) scheme but no host.
	ErrNoHost = errors.New("no host")
)

// maxErrURL caps how much of a URL an error message quotes: data: URIs can
// run to megabytes and a log line should stay readable.
const maxErrURL = 200

// Error reports a URL that cannot be normalized: which URL and why.
type Error struct {
	URL string // the input, as given
	Err error  // the problem; errors.Is(err, ErrScheme) etc. work through Unwrap
}

func (e *Error) Error() string {
	u := e.URL
	if len(u) > maxErrURL {
		u = u[:maxErrURL] + "..."
	}
	return fmt.Sprintf("urlnorm: %q: %v", u, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }
