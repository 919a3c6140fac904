package state

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// AddPending records article URLs of site that were discovered but not yet
// written, so that a killed run's successor can queue them again. Put removes
// a URL from the set once its article is stored.
func (s *Store) AddPending(site string, urls ...string) error {
	if site == "" {
		return errors.New("state: add pending: empty site name")
	}
	if len(urls) == 0 {
		return nil
	}
	err := s.write(func(tx *bolt.Tx) error {
		b, err := tx.Bucket(bucketPending).CreateBucketIfNotExists([]byte(site))
		if err != nil {
			return err
		}
		b.FillPercent = urlFillPercent
		for _, u := range urls {
			if u == "" {
				continue
			}
			if err := b.Put([]byte(u), nil); err != nil {
				return fmt.Errorf("%s: %w", u, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("state: add pending for site %q: %w", site, err)
	}
	return nil
}

// Pending returns site's pending URLs in byte order.
func (s *Store) Pending(site string) ([]string, error) {
	var urls []string
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPending).Bucket([]byte(site))
		if b == nil {
			return nil
		}
		urls = make([]string, 0, b.Stats().KeyN)
		return b.ForEach(func(k, _ []byte) error {
			urls = append(urls, string(k))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("state: pending of site %q: %w", site, err)
	}
	return urls, nil
}

// RemovePending drops URLs from site's pending set without storing an
// article: for URLs that turned out not to be articles or are gone (404, 410),
// which would otherwise be queued again by every run.
func (s *Store) RemovePending(site string, urls ...string) error {
	if len(urls) == 0 {
		return nil
	}
	err := s.write(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPending).Bucket([]byte(site))
		if b == nil {
			return nil
		}
		for _, u := range urls {
			if err := b.Delete([]byte(u)); err != nil {
				return fmt.Errorf("%s: %w", u, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("state: remove pending for site %q: %w", site, err)
	}
	return nil
}
