package fetch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestConcurrencyCap(t *testing.T) {
	const limit, requests = 3, 20
	var inFlight, most atomic.Int32
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		now := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if now <= m || most.CompareAndSwap(m, now) {
				break
			}
		}
		// Hold each request a little so that requests overlap: a transport
		// letting more than the limit through shows it in most.
		time.Sleep(holdRequest)
		fmt.Fprint(w, "ok")
	})
	tr := fast(0)
	tr.Concurrency = limit
	var wg sync.WaitGroup
	for range requests {
		wg.Go(func() {
			if _, _, err := get(t, tr, srv.URL); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if m := most.Load(); m != limit {
		t.Errorf("at most %d requests were in flight, want exactly the limit %d", m, limit)
	}
	if srv.count() != requests {
		t.Errorf("server got %d requests, want %d", srv.count(), requests)
	}
}

// holdRequest is how long the concurrency test's server holds a request:
// long against loopback latency, so 20 concurrent callers pile up.
const holdRequest = 20 * time.Millisecond

func TestCanceledWaitingForSlot(t *testing.T) {
	release := make(chan struct{})
	srv := newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	tr := fast(0)
	tr.Concurrency = 1
	holding := make(chan error, 1)
	go func() { _, _, err := get(t, tr, srv.URL); holding <- err }()
	for srv.count() == 0 { // the first request holds the only slot once the server has it
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	body := &closeRecorder{Reader: strings.NewReader("q")}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, body)
	_, err := tr.RoundTrip(req)
	if KindOf(err) != KindTimeout || srv.count() != 1 {
		t.Errorf("waiting for a slot past the caller's deadline: err %v, %d requests; want timeout, 1 request", err, srv.count())
	}
	if !body.closed {
		t.Error("the request body of a request never sent was not closed")
	}
	close(release)
	if err := <-holding; err != nil {
		t.Error(err)
	}
}

// closeRecorder is a request body that remembers being closed.
type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }
