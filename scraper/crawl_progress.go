package scraper

import (
	"fmt"
	"time"
)

// progressWidth pads the progress line so that a shorter line fully covers
// the previous one after the carriage return.
const progressWidth = 79

// startProgress redraws the progress line every interval until stop is
// closed, then draws it a last time with a newline. The returned channel
// is closed when it is done.
func (r *run) startProgress(stop <-chan struct{}) <-chan struct{} {
	done := make(chan struct{})
	w := r.c.progress
	if w == nil {
		close(done)
		return done
	}
	go func() {
		defer close(done)
		t := time.NewTicker(r.c.every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				fmt.Fprintf(w, "\r%-*s", progressWidth, r.progressLine())
			case <-stop:
				fmt.Fprintf(w, "\r%-*s\n", progressWidth, r.progressLine())
				return
			}
		}
	}()
	return done
}

// progressLine is the live report: pages fetched, articles written, URLs
// queued, failures and the fetch rate.
func (r *run) progressLine() string {
	pages, articles, failed := r.tally.snapshot()
	queued := 0
	for _, s := range r.sites {
		queued += s.front.queued()
	}
	rate := 0.0
	if d := time.Since(r.started).Seconds(); d > 0 {
		rate = float64(pages) / d
	}
	return fmt.Sprintf("lede %s: %d pages, %d articles, %d queued, %d errors, %.1f pages/s",
		r.id, pages, articles, queued, failed, rate)
}
