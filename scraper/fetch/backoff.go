package fetch

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

func (t *Transport) backoffBase() time.Duration {
	if t.BackoffBase > 0 {
		return t.BackoffBase
	}
	return DefaultBackoffBase
}

func (t *Transport) backoffMax() time.Duration {
	if t.BackoffMax > 0 {
		return t.BackoffMax
	}
	return DefaultBackoffMax
}

// backoff is the wait after failed attempt n (1-based): MinBackoff plus a
// uniformly random duration in [0, min(BackoffMax-MinBackoff,
// BackoffBase*2^(n-1))] ("full jitter" above the floor), so that clients
// retrying together spread out and none comes back sooner than MinBackoff.
func (t *Transport) backoff(n int) time.Duration {
	floor := max(t.MinBackoff, 0)
	ceil := max(t.backoffMax()-floor, 0)
	base := t.backoffBase()
	if shift := n - 1; shift < 62 && base <= ceil>>shift {
		ceil = base << shift
	}
	return floor + rand.N(ceil+1)
}

// retryAfter reads a Retry-After header value: delta seconds or an HTTP date
// (relative to now). ok is false when the header is absent or malformed. A
// date in the past means no wait.
func retryAfter(v string, now time.Time) (d time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter, true
		}
		return time.Duration(secs) * time.Second, true
	}
	at, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(at.Sub(now), 0), true
}

// maxRetryAfter bounds a parsed delta so the conversion to a Duration cannot
// overflow; BackoffMax caps the actual wait far below it.
const maxRetryAfter = 24 * time.Hour
