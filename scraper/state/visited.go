package state

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net/http/cookiejar"
	"net/url"
	"sync"

	"github.com/gocolly/colly/v2/storage"
	bolt "go.etcd.io/bbolt"
)

// Storage returns colly's storage for run runID: the run's visited set, kept
// in the file until EndRun(runID), and cookies, persisted per host across runs.
// Pass it to colly's Collector.SetStorage, which calls Init.
func (s *Store) Storage(runID string) storage.Storage {
	return &runStorage{store: s, runID: runID}
}

// runStorage implements colly's storage.Storage on a Store. Cookies are served
// from an in-memory cookie jar exactly like colly's InMemoryStorage; the jar is
// loaded from the file at Init and every SetCookies is written through.
type runStorage struct {
	store *Store
	runID string

	once    sync.Once
	initErr error
	jar     *cookiejar.Jar
	mu      sync.Mutex // serializes SetCookies: jar update and write-through in the same order
}

var _ storage.Storage = (*runStorage)(nil)

// Init creates the run's visited set and loads the persisted cookies.
// It is safe to call more than once.
func (r *runStorage) Init() error {
	r.once.Do(func() { r.initErr = r.init() })
	return r.initErr
}

func (r *runStorage) init() error {
	if r.runID == "" {
		return errors.New("state: storage: empty run ID")
	}
	jar, err := cookiejar.New(nil)
	if err != nil {
		return fmt.Errorf("state: storage for run %s: cookie jar: %w", r.runID, err)
	}
	r.jar = jar
	err = r.store.db.Update(func(tx *bolt.Tx) error {
		_, err := tx.Bucket(bucketVisited).CreateBucketIfNotExists([]byte(r.runID))
		return err
	})
	if err != nil {
		return fmt.Errorf("state: storage for run %s: %w", r.runID, err)
	}
	if err := r.store.loadCookies(jar); err != nil {
		return fmt.Errorf("state: storage for run %s: %w", r.runID, err)
	}
	return nil
}

// visitedMark is the value of a visited request's key; its presence is what
// counts. Never written.
var visitedMark = []byte{1}

func requestKey(id uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], id)
	return k[:]
}

// Visited records request ID id as visited in this run.
func (r *runStorage) Visited(id uint64) error {
	err := r.store.write(func(tx *bolt.Tx) error {
		b, err := tx.Bucket(bucketVisited).CreateBucketIfNotExists([]byte(r.runID))
		if err != nil {
			return err
		}
		return b.Put(requestKey(id), visitedMark)
	})
	if err != nil {
		return fmt.Errorf("state: run %s: mark request %d visited: %w", r.runID, id, err)
	}
	return nil
}

// IsVisited reports whether Visited(id) was called in this run.
func (r *runStorage) IsVisited(id uint64) (bool, error) {
	var seen bool
	err := r.store.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketVisited).Bucket([]byte(r.runID))
		seen = b != nil && b.Get(requestKey(id)) != nil
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("state: run %s: is request %d visited: %w", r.runID, id, err)
	}
	return seen, nil
}

// Cookies returns the cookies to send to u, as colly's InMemoryStorage does.
func (r *runStorage) Cookies(u *url.URL) string {
	if err := r.Init(); err != nil {
		r.store.logger.Warn("state: cookies unavailable", "url", u.String(), "err", err)
		return ""
	}
	return storage.StringifyCookies(r.jar.Cookies(u))
}

// SetCookies stores cookies received from u in the jar and in the file.
func (r *runStorage) SetCookies(u *url.URL, cookies string) {
	if err := r.Init(); err != nil {
		r.store.logger.Warn("state: cookies not stored", "url", u.String(), "err", err)
		return
	}
	parsed := storage.UnstringifyCookies(cookies)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.jar.SetCookies(u, parsed)
	if err := r.store.saveCookies(u, parsed); err != nil {
		r.store.logger.Warn("state: cookies not persisted", "url", u.String(), "err", err)
	}
}
