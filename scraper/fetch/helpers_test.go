package fetch

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// recorder is a loopback server that counts the requests it gets and when
// they arrive, and answers each with handle(n, w, r), n counting from 1.
type recorder struct {
	*httptest.Server
	mu       sync.Mutex
	arrivals []time.Time
}

func newRecorder(t *testing.T, handle func(n int, w http.ResponseWriter, r *http.Request)) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.mu.Lock()
		rec.arrivals = append(rec.arrivals, time.Now())
		n := len(rec.arrivals)
		rec.mu.Unlock()
		handle(n, w, r)
	}))
	t.Cleanup(rec.Close)
	return rec
}

func (rec *recorder) count() int {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return len(rec.arrivals)
}

func (rec *recorder) times() []time.Time {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]time.Time(nil), rec.arrivals...)
}

// fast is a Transport with waits short enough for tests.
func fast(retries int) *Transport {
	return &Transport{
		Retries:     retries,
		Timeout:     2 * time.Second,
		BackoffBase: time.Millisecond,
		BackoffMax:  10 * time.Millisecond,
	}
}

// get makes a GET through tr and returns the response with its body read.
func get(t *testing.T, tr http.RoundTripper, url string) (*http.Response, string, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := tr.RoundTrip(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading in-memory body: %v", err)
	}
	return resp, string(body), nil
}

// wantError asserts err is an *Error of kind want made after attempts attempts.
func wantError(t *testing.T, err error, want Kind, attempts int) *Error {
	t.Helper()
	fe, ok := err.(*Error)
	if !ok {
		t.Fatalf("error = %v (%T), want *Error of kind %s", err, err, want)
	}
	if fe.Kind != want || fe.Attempts != attempts {
		t.Fatalf("error kind %s after %d attempts (%v), want %s after %d", fe.Kind, fe.Attempts, fe, want, attempts)
	}
	return fe
}

// stall blocks a handler until the client gives up on the request.
func stall(r *http.Request) { <-r.Context().Done() }
