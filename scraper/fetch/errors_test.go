package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"syscall"
	"testing"
	"time"
)

func TestKindOf(t *testing.T) {
	opErr := func(err error) error { return &net.OpError{Op: "dial", Net: "tcp", Err: err} }
	for _, tc := range []struct {
		name string
		err  error
		want Kind
	}{
		{"nil", nil, ""},
		{"our error", &Error{Kind: KindTooLarge}, KindTooLarge},
		{"our error in a url.Error", &url.Error{Op: "Get", URL: "u", Err: &Error{Kind: KindConnection}}, KindConnection},
		{"our error wrapped", fmt.Errorf("page: %w", &Error{Kind: KindTimeout}), KindTimeout},
		{"context canceled", context.Canceled, KindCanceled},
		{"canceled in a url.Error", &url.Error{Op: "Get", URL: "u", Err: context.Canceled}, KindCanceled},
		{"deadline exceeded", context.DeadlineExceeded, KindTimeout},
		{"i/o timeout", opErr(os.ErrDeadlineExceeded), KindTimeout},
		{"refused", opErr(os.NewSyscallError("connect", syscall.ECONNREFUSED)), KindConnection},
		{"reset", fmt.Errorf("read: %w", syscall.ECONNRESET), KindConnection},
		{"EOF", &url.Error{Op: "Get", URL: "u", Err: io.EOF}, KindConnection},
		{"unexpected EOF", io.ErrUnexpectedEOF, KindConnection},
		{"no such host", &net.DNSError{Err: "no such host", Name: "x.invalid", IsNotFound: true}, KindConnection},
		{"anything else", errors.New("tls: bad certificate"), KindOther},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := KindOf(tc.err); got != tc.want {
				t.Errorf("KindOf(%v) = %q, want %q", tc.err, got, tc.want)
			}
		})
	}
}

func TestRetryable(t *testing.T) {
	notFound := &net.DNSError{Err: "no such host", Name: "x.invalid", IsNotFound: true}
	temporary := &net.DNSError{Err: "server misbehaving", Name: "x.example", IsTemporary: true}
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{context.DeadlineExceeded, true},
		{syscall.ECONNRESET, true},
		{temporary, true},
		{notFound, false},
		{errors.New("tls: bad certificate"), false},
		{context.Canceled, false},
	} {
		if got := retryable(KindOf(tc.err), tc.err); got != tc.want {
			t.Errorf("retryable(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	e := &Error{URL: "https://example.com/a", Kind: KindTimeout, Attempts: 3, Err: context.DeadlineExceeded}
	want := "fetch https://example.com/a: timeout after 3 attempts: context deadline exceeded"
	if e.Error() != want {
		t.Errorf("Error() = %q, want %q", e.Error(), want)
	}
	if !errors.Is(e, context.DeadlineExceeded) {
		t.Error("Error does not unwrap to its cause")
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		value string
		want  time.Duration
		ok    bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{" 7 ", 7 * time.Second, true},
		{"-1", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
		{"99999999999999999", maxRetryAfter, true},
		{"Wed, 25 Nov 2026 17:00:30 GMT", 30 * time.Second, true},
		{"Wednesday, 25-Nov-26 17:01:00 GMT", time.Minute, true},
		{"Wed, 25 Nov 2026 16:00:00 GMT", 0, true}, // in the past: no wait
	} {
		got, ok := retryAfter(tc.value, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tc.value, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBackoffBounds(t *testing.T) {
	tr := &Transport{BackoffBase: 10 * time.Millisecond, BackoffMax: time.Second}
	for n := 1; n <= 100; n++ {
		ceil := min(tr.BackoffMax, tr.BackoffBase<<min(n-1, 20))
		var most time.Duration
		for range 200 {
			d := tr.backoff(n)
			if d < 0 || d > ceil {
				t.Fatalf("backoff(%d) = %v, want within [0, %v]", n, d, ceil)
			}
			most = max(most, d)
		}
		// Full jitter spreads over the whole range: 200 draws all in the
		// bottom half would happen with probability 2^-200.
		if most <= ceil/2 {
			t.Errorf("backoff(%d): largest of 200 draws %v, want some above %v", n, most, ceil/2)
		}
	}
	var zero Transport
	if d := zero.backoff(1); d > DefaultBackoffBase {
		t.Errorf("zero Transport backoff(1) = %v, want <= %v", d, DefaultBackoffBase)
	}
}

func TestBackoffFloor(t *testing.T) {
	tests := []struct {
		name          string
		tr            *Transport
		lo, hi        time.Duration // bounds of every draw for attempt 1
		wantAboveHalf bool          // jitter spreads above the floor
	}{
		{"jitter above the floor", &Transport{MinBackoff: 200 * time.Millisecond, BackoffBase: 100 * time.Millisecond, BackoffMax: time.Second},
			200 * time.Millisecond, 300 * time.Millisecond, true},
		{"total within BackoffMax", &Transport{MinBackoff: 900 * time.Millisecond, BackoffBase: 500 * time.Millisecond, BackoffMax: time.Second},
			900 * time.Millisecond, time.Second, true},
		{"floor over BackoffMax", &Transport{MinBackoff: 2 * time.Second, BackoffBase: 500 * time.Millisecond, BackoffMax: time.Second},
			2 * time.Second, 2 * time.Second, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var most time.Duration
			for range 200 {
				d := tc.tr.backoff(1)
				if d < tc.lo || d > tc.hi {
					t.Fatalf("backoff(1) = %v, want within [%v, %v]", d, tc.lo, tc.hi)
				}
				most = max(most, d)
			}
			if mid := tc.lo + (tc.hi-tc.lo)/2; tc.wantAboveHalf && most <= mid {
				t.Errorf("largest of 200 draws %v, want some above %v", most, mid)
			}
		})
	}
}
