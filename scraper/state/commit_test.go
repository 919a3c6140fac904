package state

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TestCommitterFailingCallFailsAlone queues calls behind a commit in progress
// so they share the next transaction, one of them failing: the others must
// still be stored and only the failing caller sees the error.
func TestCommitterFailingCallFailsAlone(t *testing.T) {
	s, _ := openTemp(t)
	c := &s.commit
	bucket := []byte("test")
	const n = 10
	bad := errors.New("bad call")

	release := make(chan struct{})
	first := make(chan error, 1)
	go func() {
		first <- c.update(func(tx *bolt.Tx) error {
			<-release // hold the commit so the others queue
			b, err := tx.CreateBucketIfNotExists(bucket)
			if err != nil {
				return err
			}
			return b.Put([]byte("first"), []byte("1"))
		})
	}()
	waitQueue(t, c, 0, true)

	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = c.update(func(tx *bolt.Tx) error {
				if i == 3 {
					return bad
				}
				return tx.Bucket(bucket).Put([]byte(fmt.Sprint(i)), []byte("1"))
			})
		}()
	}
	waitQueue(t, c, n, true)
	close(release)
	wg.Wait()
	if err := <-first; err != nil {
		t.Fatalf("first call: %v", err)
	}
	for i, err := range errs {
		if (i == 3) != errors.Is(err, bad) {
			t.Errorf("call %d: err %v", i, err)
		}
	}
	_ = s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		for i := 0; i < n; i++ {
			if got := b.Get([]byte(fmt.Sprint(i))) != nil; got != (i != 3) {
				t.Errorf("key %d stored = %v", i, got)
			}
		}
		return nil
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.busy || len(c.queue) != 0 {
		t.Errorf("committer not idle after all calls returned: busy %v, queue %d", c.busy, len(c.queue))
	}
}

// waitQueue waits until the committer has n queued calls and the given busy state.
func waitQueue(t *testing.T, c *committer, n int, busy bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c.mu.Lock()
		ok := len(c.queue) == n && c.busy == busy
		c.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("committer never reached queue %d busy %v", n, busy)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestCommitterGroups checks that calls queued during a commit share the next
// one: n calls behind a held commit take two transactions, not n+1.
func TestCommitterGroups(t *testing.T) {
	s, _ := openTemp(t)
	c := &s.commit
	var mu sync.Mutex
	txs := map[int]int{} // transaction ID -> calls it carried
	count := func(tx *bolt.Tx) {
		mu.Lock()
		defer mu.Unlock()
		txs[tx.ID()]++
	}
	release := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- c.update(func(tx *bolt.Tx) error {
			<-release
			count(tx)
			return nil
		})
	}()
	waitQueue(t, c, 0, true)
	const n = 20
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.update(func(tx *bolt.Tx) error { count(tx); return nil }); err != nil {
				t.Error(err)
			}
		}()
	}
	waitQueue(t, c, n, true)
	close(release)
	wg.Wait()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(txs) != 2 {
		t.Fatalf("%d calls took %d transactions %v, want 2 (the held one, then all queued together)", n+1, len(txs), txs)
	}
}

// TestCommitterSequential: a lone caller commits at once, call after call.
func TestCommitterSequential(t *testing.T) {
	s, _ := openTemp(t)
	for i := 0; i < 5; i++ {
		if err := s.commit.update(func(tx *bolt.Tx) error {
			_, err := tx.CreateBucketIfNotExists([]byte(fmt.Sprint("b", i)))
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	_ = s.db.View(func(tx *bolt.Tx) error {
		for i := 0; i < 5; i++ {
			if tx.Bucket([]byte(fmt.Sprint("b", i))) == nil {
				t.Errorf("bucket b%d missing", i)
			}
		}
		return nil
	})
}

// TestPutAfterClose returns an error, not a hang.
func TestPutAfterClose(t *testing.T) {
	s, _ := openTemp(t)
	_ = s.Close()
	if err := s.Put(Article{URL: "https://e.example/"}); err == nil {
		t.Error("Put after Close succeeded")
	}
}
