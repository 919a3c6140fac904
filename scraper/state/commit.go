package state

import (
	"sync"

	bolt "go.etcd.io/bbolt"
)

// committer groups concurrent writes into shared transactions (group commit):
// while one commit is being written and fsynced, every write that arrives
// queues; the next commit takes the whole queue. A lone writer pays one fsync
// and no waiting; many writers share fsyncs in proportion to how many arrive
// during one. bbolt's own DB.Batch holds every call for a fixed delay (10ms)
// before committing, which halves a lone writer's rate and caps busy ones.
//
// There is no background goroutine: the caller that finds no commit running
// leads one, then hands the lead to the first caller queued meanwhile, so no
// caller commits more than its own round.
type committer struct {
	db *bolt.DB

	mu    sync.Mutex
	queue []*call
	busy  bool // a leader holds the lead
}

type call struct {
	fn   func(*bolt.Tx) error
	err  error
	done chan struct{} // closed when fn is committed or has failed
	lead chan struct{} // told to lead the next commit
}

// update runs fn in a read-write transaction shared with other concurrent
// callers. fn may run more than once (alone, if the shared transaction
// fails), so it must only act through tx.
func (c *committer) update(fn func(*bolt.Tx) error) error {
	cl := &call{fn: fn, done: make(chan struct{}), lead: make(chan struct{}, 1)}
	c.mu.Lock()
	c.queue = append(c.queue, cl)
	if !c.busy {
		c.busy = true
		cl.lead <- struct{}{}
	}
	c.mu.Unlock()
	for {
		select {
		case <-cl.done:
			return cl.err
		case <-cl.lead:
			c.commitRound()
		}
	}
}

// commitRound commits everything queued (including the leader's own call) and
// passes the lead on.
func (c *committer) commitRound() {
	c.mu.Lock()
	calls := c.queue
	c.queue = nil
	c.mu.Unlock()

	c.commit(calls)

	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.queue) == 0 {
		c.busy = false
		return
	}
	c.queue[0].lead <- struct{}{}
}

// commit runs calls in one transaction; if that fails, each runs alone so
// that one failing call does not fail the others.
func (c *committer) commit(calls []*call) {
	err := c.db.Update(func(tx *bolt.Tx) error {
		for _, cl := range calls {
			if err := cl.fn(tx); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && len(calls) > 1 {
		for _, cl := range calls {
			cl.err = c.db.Update(cl.fn)
		}
	} else {
		for _, cl := range calls {
			cl.err = err
		}
	}
	for _, cl := range calls {
		close(cl.done)
	}
}
