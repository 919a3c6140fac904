package robots

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// DefaultTimeout bounds one robots.txt fetch when Cache.Timeout is 0.
const DefaultTimeout = 30 * time.Second

// Cache fetches each scheme+host's robots.txt once (concurrent callers wait
// for one fetch) and keeps its Rules for its lifetime, which should be one
// crawl (RFC 9309 asks not to keep a robots.txt over 24 hours). The zero
// value works; a Cache must not be copied after first use.
type Cache struct {
	Client    *http.Client  // zero Client = http.DefaultClient (follows redirects)
	UserAgent string        // sent with the fetch and used to pick the group
	Timeout   time.Duration // per fetch, headers and body; 0 = 30s

	mu      sync.Mutex
	entries map[string]*entry
}

// entry is one host's fetch: done is closed when rules and err are set.
type entry struct {
	done  chan struct{}
	rules *Rules
	err   error
}

// Get returns the rules for u's scheme and host, fetching
// scheme://host/robots.txt the first time. If the host cannot be reached (or
// the body cannot be read) it returns disallow-all rules and the error; that
// answer is kept like any other. If ctx ends while waiting, Get returns
// disallow-all rules and ctx's error, and nothing is kept.
func (c *Cache) Get(ctx context.Context, u *url.URL) (*Rules, error) {
	if u == nil || u.Host == "" || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
		return &Rules{mode: disallowAll}, fmt.Errorf("robots: %q is not an absolute http(s) URL", u.Redacted())
	}
	key := origin(u)
	for {
		c.mu.Lock()
		if c.entries == nil {
			c.entries = make(map[string]*entry)
		}
		e, ok := c.entries[key]
		if !ok {
			e = &entry{done: make(chan struct{})}
			c.entries[key] = e
			c.mu.Unlock()
			e.rules, e.err = c.fetch(ctx, key)
			if ctx.Err() != nil {
				// Our caller gave up: do not keep its failure for others.
				c.mu.Lock()
				delete(c.entries, key)
				c.mu.Unlock()
			}
			close(e.done)
			return e.rules, e.err
		}
		c.mu.Unlock()
		select {
		case <-e.done:
			if e.err != nil && isContextErr(e.err) && ctx.Err() == nil {
				continue // the fetching caller gave up; try again ourselves
			}
			return e.rules, e.err
		case <-ctx.Done():
			return &Rules{mode: disallowAll}, fmt.Errorf("robots: waiting for %s/robots.txt: %w", key, ctx.Err())
		}
	}
}

// origin is u's scheme://host[:port], lower-cased, without a default port.
func origin(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Host)
	if port := u.Port(); (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		host = strings.TrimSuffix(host, ":"+port)
	}
	return scheme + "://" + host
}

func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// fetch gets origin/robots.txt and parses it.
func (c *Cache) fetch(ctx context.Context, origin string) (*Rules, error) {
	robotsURL := origin + "/robots.txt"
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, robotsURL, nil)
	if err != nil {
		return &Rules{mode: disallowAll}, fmt.Errorf("robots: %w", err)
	}
	if c.UserAgent != "" {
		req.Header.Set("User-Agent", c.UserAgent)
	}
	client := c.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return &Rules{mode: disallowAll}, fmt.Errorf("robots: fetching %s: %w", robotsURL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxSize+1)) // +1: Parse drops a cut last line
	if err != nil {
		return &Rules{mode: disallowAll}, fmt.Errorf("robots: reading %s: %w", robotsURL, err)
	}
	rules, err := Parse(resp.StatusCode, body, c.UserAgent)
	if err != nil {
		return rules, fmt.Errorf("%s: %w", robotsURL, err)
	}
	return rules, nil
}
