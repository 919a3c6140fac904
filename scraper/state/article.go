package state

import (
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// articlesChunk is how many articles Articles reads per read transaction: fn
// runs outside any transaction (so it may write to the Store) while memory stays
// bounded however large the store grows.
const articlesChunk = 1000

// urlFillPercent is how full bbolt packs a page it splits in the URL-keyed
// buckets. A site's URLs mostly arrive in increasing order (dates, numeric
// IDs), so a page split by inserts at its end is never filled again: bbolt's
// default 0.5 leaves pages half empty; 0.9 makes a file of 100,000 articles
// about 40% smaller (see BenchmarkMemory's file-MB).
const urlFillPercent = 0.9

// putAllChunk is how many articles PutAll writes per transaction: big enough
// that a killed run's thousands of records take a few fsyncs, small enough to
// bound the dirty pages one transaction holds in memory.
const putAllChunk = 10_000

// Article is what the store remembers about one written article.
type Article struct {
	URL          string // normalized URL the article was fetched from; the key
	CanonicalURL string // normalized canonical URL, "" if none; indexed for Lookup
	Site         string // config site name
	FirstSeen    time.Time
	LastSeen     time.Time
	ETag         string // validators for conditional re-fetches
	LastModified string
	ContentHash  string
}

// Lookup finds an article by its URL or by its canonical URL (both as
// normalized by the caller). The bool reports whether it was found.
func (s *Store) Lookup(url string) (Article, bool, error) {
	var (
		a     Article
		found bool
	)
	err := s.db.View(func(tx *bolt.Tx) error {
		arts := tx.Bucket(bucketArticles)
		key := []byte(url)
		v := arts.Get(key)
		if v == nil {
			target := tx.Bucket(bucketCanonical).Get(key)
			if target == nil {
				return nil
			}
			key = target
			if v = arts.Get(key); v == nil {
				return nil
			}
		}
		var err error
		a, err = decodeArticle(string(key), v)
		found = err == nil
		return err
	})
	if err != nil {
		return Article{}, false, fmt.Errorf("state: lookup %s: %w", url, err)
	}
	return a, found, nil
}

// Put stores a (insert or update), in one transaction: it keeps the FirstSeen
// of an article already known, indexes the canonical URL, removes a.URL and
// a.CanonicalURL from a.Site's pending set and deletes their failure records
// (see PutFailure). A zero LastSeen becomes now; a zero FirstSeen of a new
// article becomes LastSeen. Concurrent calls share a commit (and its fsync).
func (s *Store) Put(a Article) error {
	if a.URL == "" {
		return errors.New("state: put: article has no URL")
	}
	if a.LastSeen.IsZero() {
		a.LastSeen = time.Now()
	}
	a.LastSeen = a.LastSeen.UTC()
	a.FirstSeen = a.FirstSeen.UTC()
	err := s.write(func(tx *bolt.Tx) error { return putTx(tx, &a) })
	if err != nil {
		return fmt.Errorf("state: put %s: %w", a.URL, err)
	}
	return nil
}

// PutAll stores many articles as Put does, in a few commits instead of one
// per article: for recording a killed run's records, or importing. Articles
// later in as win over earlier ones with the same URL. On error, articles of
// earlier chunks may be stored.
func (s *Store) PutAll(as []Article) error {
	now := time.Now()
	for lo := 0; lo < len(as); lo += putAllChunk {
		chunk := make([]Article, 0, min(putAllChunk, len(as)-lo))
		for i, a := range as[lo:min(lo+putAllChunk, len(as))] {
			if a.URL == "" {
				return fmt.Errorf("state: put all: article %d has no URL", lo+i)
			}
			if a.LastSeen.IsZero() {
				a.LastSeen = now
			}
			a.LastSeen, a.FirstSeen = a.LastSeen.UTC(), a.FirstSeen.UTC()
			chunk = append(chunk, a)
		}
		err := s.write(func(tx *bolt.Tx) error {
			for i := range chunk {
				if err := putTx(tx, &chunk[i]); err != nil {
					return fmt.Errorf("%s: %w", chunk[i].URL, err)
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("state: put all: %w", err)
		}
	}
	return nil
}

// putTx is Put's transaction: a has its times set and in UTC.
func putTx(tx *bolt.Tx, a *Article) error {
	key := []byte(a.URL)
	arts := tx.Bucket(bucketArticles)
	canon := tx.Bucket(bucketCanonical)
	arts.FillPercent, canon.FillPercent = urlFillPercent, urlFillPercent
	rec := *a
	if old := arts.Get(key); old != nil {
		// A damaged old value is overwritten rather than blocking the write.
		if prev, err := decodeArticle(a.URL, old); err == nil {
			if !prev.FirstSeen.IsZero() {
				rec.FirstSeen = prev.FirstSeen
			}
			if prev.CanonicalURL != "" && prev.CanonicalURL != rec.CanonicalURL {
				ck := []byte(prev.CanonicalURL)
				if string(canon.Get(ck)) == a.URL {
					if err := canon.Delete(ck); err != nil {
						return err
					}
				}
			}
		}
	}
	if rec.FirstSeen.IsZero() {
		rec.FirstSeen = rec.LastSeen
	}
	if err := arts.Put(key, appendArticle(nil, &rec)); err != nil {
		return err
	}
	if rec.CanonicalURL != "" && rec.CanonicalURL != rec.URL {
		if err := canon.Put([]byte(rec.CanonicalURL), key); err != nil {
			return err
		}
	}
	if err := clearFailures(tx, rec.URL, rec.CanonicalURL); err != nil {
		return err
	}
	if rec.Site == "" {
		return nil
	}
	pend := tx.Bucket(bucketPending).Bucket([]byte(rec.Site))
	if pend == nil {
		return nil
	}
	if err := pend.Delete(key); err != nil {
		return err
	}
	if rec.CanonicalURL != "" {
		return pend.Delete([]byte(rec.CanonicalURL))
	}
	return nil
}

// Articles calls fn for each article of site ("" for every site), in URL
// order, stopping at the first error fn returns. fn runs outside any
// transaction, so it may call the Store's other methods.
func (s *Store) Articles(site string, fn func(Article) error) error {
	var after []byte // last key handled; nil before the first chunk
	for {
		batch := make([]Article, 0, articlesChunk)
		err := s.db.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketArticles).Cursor()
			var k, v []byte
			if after == nil {
				k, v = c.First()
			} else {
				k, v = c.Seek(after)
				if k != nil && string(k) == string(after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && len(batch) < articlesChunk; k, v = c.Next() {
				after = append(after[:0], k...)
				if site != "" {
					if s, ok := articleSite(v); ok && s != site {
						continue
					}
				}
				a, err := decodeArticle(string(k), v)
				if err != nil {
					return err
				}
				batch = append(batch, a)
			}
			if k == nil {
				after = nil // done
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("state: articles of %q: %w", site, err)
		}
		for _, a := range batch {
			if err := fn(a); err != nil {
				return err
			}
		}
		if after == nil {
			return nil
		}
	}
}

// Count returns how many articles the store holds.
func (s *Store) Count() (int, error) {
	var n int
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketArticles).Stats().KeyN
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("state: count: %w", err)
	}
	return n, nil
}
