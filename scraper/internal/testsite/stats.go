package testsite

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// Arrival is one request as the site saw it arrive.
type Arrival struct {
	Path string // path without query
	At   time.Time
}

// Gauge counts requests in flight across several sites (Options.Gauge),
// to check a crawl's overall concurrency. The zero value is ready; safe
// for concurrent use.
type Gauge struct {
	mu       sync.Mutex
	inFlight int
	max      int
}

func (g *Gauge) add(d int) {
	if g == nil {
		return
	}
	g.mu.Lock()
	g.inFlight += d
	g.max = max(g.max, g.inFlight)
	g.mu.Unlock()
}

// Max is the largest number of requests in flight at once on the sites
// sharing g.
func (g *Gauge) Max() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.max
}

// stats counts what a server was asked; safe for concurrent use.
type stats struct {
	mu       sync.Mutex
	byPath   map[string]int
	byURI    map[string]int
	all      int
	article  int
	status   map[int]int
	inFlight int
	max      int
	arrived  []Arrival
	gauge    *Gauge // shared with other sites, or nil
}

func newStats() *stats {
	return &stats{byPath: map[string]int{}, byURI: map[string]int{}, status: map[int]int{}}
}

// isArticlePath reports whether path is one of the site's article pages.
func isArticlePath(path string) bool {
	return strings.HasPrefix(path, "/news/") || strings.HasPrefix(path, "/private/news/")
}

// wrap counts every request h serves.
func (st *stats) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st.mu.Lock()
		st.byPath[r.URL.Path]++
		st.byURI[r.URL.RequestURI()]++
		st.all++
		if isArticlePath(r.URL.Path) {
			st.article++
		}
		st.arrived = append(st.arrived, Arrival{Path: r.URL.Path, At: time.Now()})
		st.inFlight++
		if st.inFlight > st.max {
			st.max = st.inFlight
		}
		st.mu.Unlock()
		st.gauge.add(1)
		defer st.gauge.add(-1)

		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		defer func() {
			st.mu.Lock()
			st.inFlight--
			st.status[sw.code]++
			st.mu.Unlock()
		}()
		h.ServeHTTP(sw, r)
	})
}

func (st *stats) count(path string) int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.byPath[path]
}

func (st *stats) countURI(uri string) int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.byURI[uri]
}

func (st *stats) total() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.all
}

func (st *stats) articles() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.article
}

func (st *stats) notModified() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.status[http.StatusNotModified]
}

func (st *stats) maxInFlight() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.max
}

func (st *stats) arrivals() []Arrival {
	st.mu.Lock()
	defer st.mu.Unlock()
	return append([]Arrival(nil), st.arrived...)
}

func (st *stats) reset() {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.byPath = map[string]int{}
	st.byURI = map[string]int{}
	st.status = map[int]int{}
	st.all, st.article, st.max = 0, 0, st.inFlight
	st.arrived = nil
}

// statusWriter remembers the status code a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}
