package scraper

import (
	"context"
	"strings"
	"sync"
	"time"
)

// hostGate is the run's politeness per host, shared by every site's
// collector, so that two sites on one host together keep to its limits:
// at most crawl.per_host requests in flight to a host, and, when the host
// has a delay (the larger of crawl.delay and its robots.txt Crawl-delay),
// one request at a time with the delay between the end of one and the
// start of the next, as Crawl-delay means. A host is the request URL's
// host:port as written (lower-cased). Colly's LimitRules live in each
// collector and would give every site its own allowance on a shared host.
type hostGate struct {
	perHost int           // slots of a host without a delay
	delay   time.Duration // crawl.delay: every host's delay at least

	mu     sync.Mutex
	delays map[string]time.Duration // host -> delay above crawl.delay (Crawl-delay)
	hosts  map[string]*hostTurn
}

// hostTurn is one host's state in the gate.
type hostTurn struct {
	slots chan struct{} // a token per request in flight
	last  time.Time     // when the host's latest request ended
}

func newHostGate(perHost int, delay time.Duration) *hostGate {
	return &hostGate{perHost: max(perHost, 1), delay: delay,
		delays: map[string]time.Duration{}, hosts: map[string]*hostTurn{}}
}

// setDelay sets host's delay to the larger of d and crawl.delay. Call it
// only while no request to host is in flight (before the walk): it may
// change the host's number of slots.
func (g *hostGate) setDelay(host string, d time.Duration) {
	host = strings.ToLower(host)
	g.mu.Lock()
	defer g.mu.Unlock()
	if d > g.delay {
		g.delays[host] = d
	} else {
		delete(g.delays, host)
	}
	// Remade with the right number of slots, keeping when the last request
	// ended: the robots.txt fetch that told the delay counts as a request.
	if old := g.hosts[host]; old != nil {
		g.hosts[host] = &hostTurn{slots: make(chan struct{}, g.slotsFor(host)), last: old.last}
	}
}

// slotsFor is how many requests to host may be in flight at once; a delay
// is a pause between requests, so a host with one gets one at a time.
// g.mu must be held.
func (g *hostGate) slotsFor(host string) int {
	if g.delayLocked(host) > 0 {
		return 1
	}
	return g.perHost
}

// delayFor is host's delay between requests.
func (g *hostGate) delayFor(host string) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.delayLocked(strings.ToLower(host))
}

func (g *hostGate) delayLocked(host string) time.Duration {
	if d, ok := g.delays[host]; ok {
		return d
	}
	return g.delay
}

// maxDelay is the longest delay of any host.
func (g *hostGate) maxDelay() time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	d := g.delay
	for _, hd := range g.delays {
		d = max(d, hd)
	}
	return d
}

// acquire waits for host's turn: a free slot, then the end of its delay.
// The returned release ends the request; it must be called exactly once.
func (g *hostGate) acquire(ctx context.Context, host string) (release func(), err error) {
	host = strings.ToLower(host)
	g.mu.Lock()
	delay := g.delayLocked(host)
	t := g.hosts[host]
	if t == nil {
		t = &hostTurn{slots: make(chan struct{}, g.slotsFor(host))}
		g.hosts[host] = t
	}
	g.mu.Unlock()

	select {
	case t.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	g.mu.Lock()
	var wait time.Duration
	if delay > 0 && !t.last.IsZero() {
		wait = time.Until(t.last.Add(delay))
	}
	g.mu.Unlock()
	if wait > 0 {
		timer := time.NewTimer(wait)
		select {
		case <-timer.C:
		case <-ctx.Done():
			timer.Stop()
			<-t.slots
			return nil, ctx.Err()
		}
	}
	return func() {
		g.mu.Lock()
		t.last = time.Now()
		g.mu.Unlock()
		<-t.slots
	}, nil
}
