package state

import (
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Failure is what the store remembers about an article URL that failed for
// a reason no later run would mend by itself (a 404, a redirect off the
// site, a PDF...), so that the next runs need not fetch it again.
type Failure struct {
	URL    string // normalized URL that failed; the key
	Site   string // config site name
	Kind   string // why, as the crawl's summary counts it: "http_status", "not_html", "no_article"...
	Status int    // HTTP status of the last failure, 0 when there was no response
	First  time.Time
	Last   time.Time
	Count  int // failures recorded, counting the last
}

// Failure returns the failure record of url (as normalized by the caller).
// The bool reports whether there is one.
func (s *Store) Failure(url string) (Failure, bool, error) {
	var (
		f     Failure
		found bool
	)
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketFailed).Get([]byte(url))
		if v == nil {
			return nil
		}
		var err error
		f, err = decodeFailure(url, v)
		found = err == nil
		return err
	})
	if err != nil {
		return Failure{}, false, fmt.Errorf("state: failure of %s: %w", url, err)
	}
	return f, found, nil
}

// PutFailure records one more failure of f.URL, in one transaction: it
// keeps the First of an earlier record, sets Count to the earlier count
// plus one (f.Count is ignored), and removes f.URL from f.Site's pending
// set. A zero Last becomes now; a zero First of a new record becomes Last.
// A later Put of an article with that URL deletes the record.
func (s *Store) PutFailure(f Failure) error {
	if f.URL == "" {
		return errors.New("state: put failure: no URL")
	}
	if f.Last.IsZero() {
		f.Last = time.Now()
	}
	f.Last, f.First = f.Last.UTC(), f.First.UTC()
	err := s.write(func(tx *bolt.Tx) error {
		key := []byte(f.URL)
		b := tx.Bucket(bucketFailed)
		b.FillPercent = urlFillPercent
		rec := f
		rec.Count = 1
		if old := b.Get(key); old != nil {
			// A damaged old value is overwritten rather than blocking the write.
			if prev, err := decodeFailure(f.URL, old); err == nil {
				if !prev.First.IsZero() {
					rec.First = prev.First
				}
				rec.Count = min(prev.Count, maxFailureField-1) + 1
			}
		}
		if rec.First.IsZero() {
			rec.First = rec.Last
		}
		if err := b.Put(key, appendFailure(nil, &rec)); err != nil {
			return err
		}
		if rec.Site == "" {
			return nil
		}
		if pend := tx.Bucket(bucketPending).Bucket([]byte(rec.Site)); pend != nil {
			return pend.Delete(key)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("state: put failure of %s: %w", f.URL, err)
	}
	return nil
}

// clearFailures deletes the failure records of urls ("" skipped): Put's
// part, for an article that has now been written.
func clearFailures(tx *bolt.Tx, urls ...string) error {
	b := tx.Bucket(bucketFailed)
	for _, u := range urls {
		if u == "" {
			continue
		}
		if err := b.Delete([]byte(u)); err != nil {
			return err
		}
	}
	return nil
}
