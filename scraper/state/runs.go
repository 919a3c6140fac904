package state

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Run marks a crawl run of one site that has begun. It stays in the store until
// EndRun, so a run still there at the next start was killed and its output
// file (Path) may need repair.
type Run struct {
	ID      string
	Site    string
	Path    string // the run's output file
	Started time.Time
}

// runKey is ID, NUL, Site: one run ID may cover several sites.
func runKey(id, site string) []byte {
	k := make([]byte, 0, len(id)+1+len(site))
	k = append(k, id...)
	k = append(k, 0)
	return append(k, site...)
}

// BeginRun records that r has begun. Beginning the same ID and site again
// replaces the record.
func (s *Store) BeginRun(r Run) error {
	if r.ID == "" {
		return errors.New("state: begin run: empty run ID")
	}
	if r.Started.IsZero() {
		r.Started = time.Now()
	}
	r.Started = r.Started.UTC()
	err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRuns).Put(runKey(r.ID, r.Site), appendRun(nil, &r))
	})
	if err != nil {
		return fmt.Errorf("state: begin run %s of site %q: %w", r.ID, r.Site, err)
	}
	return nil
}

// EndRun records that run id has ended (for every site it covered) and drops
// its visited set. Ending a run that is not open is not an error.
func (s *Store) EndRun(id string) error {
	if id == "" {
		return errors.New("state: end run: empty run ID")
	}
	prefix := runKey(id, "")
	err := s.db.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketRuns).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
			if err := c.Delete(); err != nil {
				return err
			}
		}
		visited := tx.Bucket(bucketVisited)
		if visited.Bucket([]byte(id)) != nil {
			return visited.DeleteBucket([]byte(id))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("state: end run %s: %w", id, err)
	}
	return nil
}

// OpenRuns returns the runs of site ("" for every site) begun and not ended:
// runs that were killed. They come in run ID order.
func (s *Store) OpenRuns(site string) ([]Run, error) {
	var runs []Run
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRuns).ForEach(func(k, v []byte) error {
			r, err := decodeRun(k, v)
			if err != nil {
				return err
			}
			if site == "" || r.Site == site {
				runs = append(runs, r)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("state: open runs of site %q: %w", site, err)
	}
	return runs, nil
}
