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
