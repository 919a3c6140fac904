package scraper

import "sync"

// jobKind is what a URL is to the crawl, and so what is done with its
// response.
type jobKind uint8

const (
	kindPage    jobKind = iota // a start or follow page: its links are read
	kindArticle                // an article page: extracted and written, a leaf
	kindSitemap                // a sitemap or sitemap index
	kindFeed                   // an RSS or Atom feed
)

func (k jobKind) String() string {
	switch k {
	case kindPage:
		return "page"
	case kindArticle:
		return "article"
	case kindSitemap:
		return "sitemap"
	case kindFeed:
		return "feed"
	}
	return "unknown"
}

// job is one URL to fetch.
type job struct {
	url      string // normalized
	kind     jobKind
	depth    int  // link hops from a start page
	optional bool // a guessed URL (/sitemap.xml): an error status is no failure
}

// queue is a FIFO of jobs whose memory is reclaimed as it drains.
type queue struct {
	items []job
	head  int
}

func (q *queue) push(j job) { q.items = append(q.items, j) }

func (q *queue) len() int { return len(q.items) - q.head }

func (q *queue) pop() job {
	j := q.items[q.head]
	q.items[q.head] = job{}
	q.head++
	// Reclaim the drained front once it is most of the slice.
	if q.head > 64 && q.head*2 > len(q.items) {
		q.items = append([]job(nil), q.items[q.head:]...)
		q.head = 0
	}
	return j
}

// frontier is one site's work: the URLs seen in this run and those still
// to fetch. Articles are served before pages so that the queue stays short
// (articles are leaves) and records come out early. The walk is over when
// the queues are empty and no worker holds a job, since only a worker
// holding a job adds new ones.
type frontier struct {
	mu       sync.Mutex
	cond     sync.Cond
	seen     map[string]struct{}
	articles queue
	pages    queue
	active   int  // jobs handed out and not done
	closed   bool // finished or stopped: next returns false
}

func newFrontier() *frontier {
	f := &frontier{seen: map[string]struct{}{}}
	f.cond.L = &f.mu
	return f
}

// claim marks u as seen in this run and reports whether it was new.
func (f *frontier) claim(u string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.seen[u]; ok {
		return false
	}
	f.seen[u] = struct{}{}
	return true
}

// push queues jobs whose URLs were claimed. After close it drops them.
func (f *frontier) push(jobs ...job) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return
	}
	for _, j := range jobs {
		if j.kind == kindArticle {
			f.articles.push(j)
		} else {
			f.pages.push(j)
		}
	}
	f.cond.Broadcast()
}

// next hands out the next job, waiting while other workers may still add
// some. It returns false when the walk is over or was stopped.
func (f *frontier) next() (job, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for {
		switch {
		case f.closed:
			return job{}, false
		case f.articles.len() > 0:
			f.active++
			return f.articles.pop(), true
		case f.pages.len() > 0:
			f.active++
			return f.pages.pop(), true
		case f.active == 0:
			f.closed = true
			f.cond.Broadcast()
			return job{}, false
		}
		f.cond.Wait()
	}
}

// done reports that a job handed out by next is finished.
func (f *frontier) done() {
	f.mu.Lock()
	f.active--
	f.cond.Broadcast()
	f.mu.Unlock()
}

// close stops the walk: next returns false from now on and queued jobs are
// dropped.
func (f *frontier) close() {
	f.mu.Lock()
	f.closed = true
	f.articles, f.pages = queue{}, queue{}
	f.cond.Broadcast()
	f.mu.Unlock()
}

// queued is the number of jobs waiting.
func (f *frontier) queued() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.articles.len() + f.pages.len()
}
