package scraper

import (
	"encoding/json"
	"strconv"
	"sync"
	"time"
)

// Summary is what a run did, for people and cron jobs. Every fetched URL
// ends in exactly one of Articles, Unchanged, Duplicates, NotHTML or Failed
// (sitemaps, feeds and section pages that worked end in none of them);
// Skipped, SkippedFailed and Blocked URLs are not fetched.
type Summary struct {
	RunID    string        `json:"run_id"`
	Started  time.Time     `json:"started"`
	Finished time.Time     `json:"finished"`
	Duration time.Duration `json:"-"` // JSON: "duration_s", seconds

	Pages         int `json:"pages"`          // HTTP responses received (any status; robots.txt not counted)
	Articles      int `json:"articles"`       // records written
	Unchanged     int `json:"unchanged"`      // known articles revalidated: 304, or the same content
	Skipped       int `json:"skipped"`        // known articles not fetched (no refresh)
	SkippedFailed int `json:"skipped_failed"` // article URLs that failed for good (404, PDF...) less than crawl.recheck_failed ago, not fetched
	Duplicates    int `json:"duplicates"`     // articles already written in this run under another URL
	NotHTML       int `json:"not_html"`       // pages skipped for their Content-Type (PDF...)
	Blocked       int `json:"blocked"`        // URLs robots.txt disallows, not fetched
	Recovered     int `json:"recovered"`      // records of killed runs taken into the state
	Failed        int `json:"failed"`         // failures of any kind; see ByError

	// ByStatus counts responses by HTTP status ("200", "404"...).
	ByStatus map[string]int `json:"by_status"`
	// ByError counts failures by kind: a fetch.Kind ("timeout",
	// "connection", "too_large", "other"), "http_status" (an error status),
	// "off_site" and "redirects" (a refused redirect), "robots" (robots.txt
	// unreachable), "extract", "no_article", "sitemap", "feed", "write",
	// "state", "internal".
	ByError map[string]int `json:"by_error"`

	// Outputs lists the files (JSONL) or directory (Markdown) written.
	Outputs []string `json:"outputs"`
	// Interrupted is true when the context ended the run early.
	Interrupted bool `json:"interrupted"`
}

// MarshalJSON writes the summary with the duration as "duration_s", a
// number of seconds.
func (s Summary) MarshalJSON() ([]byte, error) {
	type plain Summary
	return json.Marshal(struct {
		plain
		DurationS float64 `json:"duration_s"`
	}{plain(s), s.Duration.Seconds()})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *Summary) UnmarshalJSON(b []byte) error {
	type plain Summary
	var v struct {
		plain
		DurationS float64 `json:"duration_s"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = Summary(v.plain)
	s.Duration = time.Duration(v.DurationS * float64(time.Second))
	return nil
}

// tally is a run's Summary under construction, safe for the workers'
// concurrent updates. Its lock is held only to count, never around work.
type tally struct {
	mu sync.Mutex
	s  Summary
}

func newTally() *tally {
	return &tally{s: Summary{ByStatus: map[string]int{}, ByError: map[string]int{}}}
}

// add applies f to the summary under the lock.
func (t *tally) add(f func(s *Summary)) {
	t.mu.Lock()
	f(&t.s)
	t.mu.Unlock()
}

func (t *tally) response(status int) {
	t.add(func(s *Summary) {
		s.Pages++
		s.ByStatus[strconv.Itoa(status)]++
	})
}

func (t *tally) fail(kind string) {
	t.add(func(s *Summary) {
		s.Failed++
		s.ByError[kind]++
	})
}

// snapshot copies the counts the progress line shows.
func (t *tally) snapshot() (pages, articles, failed int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.s.Pages, t.s.Articles, t.s.Failed
}

// summary returns a copy of the summary.
func (t *tally) summary() *Summary {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.s
	s.ByStatus = make(map[string]int, len(t.s.ByStatus))
	for k, v := range t.s.ByStatus {
		s.ByStatus[k] = v
	}
	s.ByError = make(map[string]int, len(t.s.ByError))
	for k, v := range t.s.ByError {
		s.ByError[k] = v
	}
	s.Outputs = append(make([]string, 0, len(t.s.Outputs)), t.s.Outputs...) // [] in JSON, not null
	return &s
}
