package fetch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRetryAfterHonoured(t *testing.T) {
	for _, secs := range []int{0, 1} {
		t.Run(fmt.Sprintf("Retry-After: %d", secs), func(t *testing.T) {
			srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
				if n == 1 {
					w.Header().Set("Retry-After", fmt.Sprint(secs))
					w.WriteHeader(http.StatusServiceUnavailable)
					return
				}
				fmt.Fprint(w, "ok")
			})
			tr := fast(3)
			tr.BackoffMax = 5 * time.Second // above the Retry-After, so it is not capped
			resp, body, err := get(t, tr, srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != 200 || body != "ok" || srv.count() != 2 {
				t.Fatalf("status %d body %q after %d requests, want 200 \"ok\" after 2", resp.StatusCode, body, srv.count())
			}
			at := srv.times()
			if gap, want := at[1].Sub(at[0]), time.Duration(secs)*time.Second; gap < want {
				t.Errorf("retry came %v after the 503, want >= %v", gap, want)
			}
		})
	}
}

func TestRetryAfterCappedByBackoffMax(t *testing.T) {
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, "ok")
	})
	tr := fast(1)
	done := make(chan error, 1)
	go func() { _, _, err := get(t, tr, srv.URL); done <- err }()
	select {
	case err := <-done:
		if err != nil || srv.count() != 2 {
			t.Fatalf("err %v after %d requests, want success after 2", err, srv.count())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("a Retry-After of an hour was not capped by BackoffMax")
	}
}

func TestRetriedStatuses(t *testing.T) {
	for _, tc := range []struct {
		status   int
		attempts int // with Retries: 2 and always this status
	}{
		{http.StatusTooManyRequests, 3},
		{http.StatusInternalServerError, 3},
		{http.StatusBadGateway, 3},
		{http.StatusServiceUnavailable, 3},
		{http.StatusGatewayTimeout, 3},
		{http.StatusNotImplemented, 1},
		{http.StatusNotFound, 1},
		{http.StatusForbidden, 1},
		{http.StatusBadRequest, 1},
		{http.StatusOK, 1},
		{http.StatusMovedPermanently, 1},
	} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Location", "/elsewhere")
				w.WriteHeader(tc.status)
				fmt.Fprintf(w, "answer %d", n)
			})
			resp, body, err := get(t, fast(2), srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			// The last response is returned as it is, body readable.
			want := fmt.Sprintf("answer %d", tc.attempts)
			if resp.StatusCode != tc.status || body != want || srv.count() != tc.attempts {
				t.Errorf("status %d body %q after %d requests, want %d %q after %d",
					resp.StatusCode, body, srv.count(), tc.status, want, tc.attempts)
			}
		})
	}
}

func Test429ThenSuccess(t *testing.T) {
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, "ok")
	})
	resp, body, err := get(t, fast(1), srv.URL)
	if err != nil || resp.StatusCode != 200 || body != "ok" || srv.count() != 2 {
		t.Fatalf("err %v, response %v %q after %d requests; want 200 ok after 2", err, resp, body, srv.count())
	}
}

func TestPostNotRetried(t *testing.T) {
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, srv.URL, strings.NewReader("a=1"))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := fast(3).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 503 || srv.count() != 1 {
		t.Fatalf("status %d after %d requests, want 503 after 1", resp.StatusCode, srv.count())
	}
}

// onceReader is a request body that cannot be replayed (no GetBody).
type onceReader struct{ *strings.Reader }

func (onceReader) Close() error { return nil }

func TestRequestBodies(t *testing.T) {
	var bodies []string
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		b.ReadFrom(r.Body)
		bodies = append(bodies, b.String()) // handlers run one after another here
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	t.Run("replayable GET body is sent again", func(t *testing.T) {
		bodies = nil
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL, strings.NewReader("q"))
		resp, err := fast(2).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if strings.Join(bodies, ",") != "q,q,q" {
			t.Errorf("server got bodies %q, want the body three times", bodies)
		}
	})
	t.Run("unreplayable GET body is sent once", func(t *testing.T) {
		bodies = nil
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL, onceReader{strings.NewReader("q")})
		resp, err := fast(2).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if len(bodies) != 1 {
			t.Errorf("server got %d requests, want 1", len(bodies))
		}
	})
}

func TestSlowHeadersTimeoutThenSuccess(t *testing.T) {
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			stall(r)
			return
		}
		fmt.Fprint(w, "ok")
	})
	tr := fast(1)
	tr.Timeout = 300 * time.Millisecond
	resp, body, err := get(t, tr, srv.URL)
	if err != nil || resp.StatusCode != 200 || body != "ok" || srv.count() != 2 {
		t.Fatalf("err %v after %d requests, body %q; want ok after 2", err, srv.count(), body)
	}

	tr = fast(0)
	tr.Timeout = 100 * time.Millisecond
	stalled := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) { stall(r) })
	_, _, err = get(t, tr, stalled.URL)
	wantError(t, err, KindTimeout, 1)
}

func TestSlowBodyTimeoutRetried(t *testing.T) {
	const full = "<html>all of the page</html>"
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			fmt.Fprint(w, full[:6])
			w.(http.Flusher).Flush() // headers and part of the body, then nothing
			stall(r)
			return
		}
		fmt.Fprint(w, full)
	})
	tr := fast(1)
	tr.Timeout = 300 * time.Millisecond
	resp, body, err := get(t, tr, srv.URL)
	if err != nil || body != full || resp.ContentLength != int64(len(full)) || srv.count() != 2 {
		t.Fatalf("err %v after %d requests, body %q; want the whole page after 2", err, srv.count(), body)
	}

	tr = fast(0)
	tr.Timeout = 100 * time.Millisecond
	stalled := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, full[:6])
		w.(http.Flusher).Flush()
		stall(r)
	})
	_, _, err = get(t, tr, stalled.URL)
	wantError(t, err, KindTimeout, 1)
}

func TestConnectionErrorsRetried(t *testing.T) {
	t.Run("connection closed before a response", func(t *testing.T) {
		srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
			if n == 1 {
				conn, _, err := w.(http.Hijacker).Hijack()
				if err == nil {
					conn.Close()
				}
				return
			}
			fmt.Fprint(w, "ok")
		})
		_, body, err := get(t, fast(1), srv.URL)
		if err != nil || body != "ok" || srv.count() != 2 {
			t.Fatalf("err %v after %d requests; want ok after 2", err, srv.count())
		}
	})
	t.Run("refused", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close() // nothing listens there now
		_, _, err = get(t, fast(2), "http://"+addr+"/")
		fe := wantError(t, err, KindConnection, 3)
		if !strings.Contains(fe.Error(), addr) {
			t.Errorf("error %q does not name the URL", fe)
		}
	})
}

func TestCanceledDuringBackoff(t *testing.T) {
	served := make(chan struct{}, 10)
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "60")
		w.WriteHeader(http.StatusServiceUnavailable)
		served <- struct{}{}
	})
	tr := fast(3)
	tr.BackoffMax = time.Minute
	ctx, cancel := context.WithCancel(t.Context())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
	go func() { <-served; cancel() }()
	start := time.Now()
	_, err := tr.RoundTrip(req)
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("RoundTrip took %v after cancel, want prompt return", took)
	}
	if KindOf(err) != KindCanceled || srv.count() != 1 {
		t.Fatalf("err %v (kind %q) after %d requests, want canceled after 1", err, KindOf(err), srv.count())
	}
}

func TestRetryLogged(t *testing.T) {
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		fmt.Fprint(w, "ok")
	})
	var logs bytes.Buffer
	tr := fast(1)
	tr.Logger = slog.New(slog.NewJSONHandler(&logs, nil))
	if _, _, err := get(t, tr, srv.URL+"/page"); err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Msg     string
		URL     string
		Attempt int
		Reason  string
		Wait    int64
	}
	if err := json.Unmarshal(logs.Bytes(), &rec); err != nil {
		t.Fatalf("want one JSON log record, got %q: %v", logs.String(), err)
	}
	if rec.URL != srv.URL+"/page" || rec.Attempt != 2 || !strings.Contains(rec.Reason, "502") ||
		rec.Wait < 0 || time.Duration(rec.Wait) > tr.BackoffMax {
		t.Errorf("log record %+v: want url, attempt 2, reason naming 502, wait within BackoffMax", rec)
	}
}

// TestMinBackoffSpacesRetries: with MinBackoff no retry comes sooner than
// it, whether after a dropped connection (backoff with jitter) or a 503
// whose Retry-After asks for no wait.
func TestMinBackoffSpacesRetries(t *testing.T) {
	const floor = 300 * time.Millisecond
	tests := map[string]func(w http.ResponseWriter){
		"connection closed": func(w http.ResponseWriter) {
			if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
				conn.Close()
			}
		},
		"503 Retry-After: 0": func(w http.ResponseWriter) {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusServiceUnavailable)
		},
	}
	for name, fail := range tests {
		t.Run(name, func(t *testing.T) {
			srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
				if n < 3 {
					fail(w)
					return
				}
				fmt.Fprint(w, "ok")
			})
			tr := fast(2) // BackoffBase 1ms: without the floor, retries come at once
			tr.MinBackoff = floor
			_, body, err := get(t, tr, srv.URL)
			if err != nil || body != "ok" || srv.count() != 3 {
				t.Fatalf("err %v body %q after %d requests; want ok after 3", err, body, srv.count())
			}
			at := srv.times()
			for i := 1; i < len(at); i++ {
				if gap := at[i].Sub(at[i-1]); gap < floor {
					t.Errorf("retry %d came %v after the failure, want >= %v", i, gap, floor)
				}
			}
		})
	}
}
