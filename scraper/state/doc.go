// Package state is the crawl's memory between runs, kept in one bbolt file.
//
// A [Store] remembers, for each article written, its URL, canonical URL, site,
// when it was first and last seen, and its HTTP validators (ETag,
// Last-Modified) and content hash. A nightly re-run looks up every article URL
// it discovers with [Store.Lookup] (by URL or canonical URL, both normalized by
// the caller) and makes no request for the ones it knows:
//
//	st, err := state.Open("/var/lib/lede/state.db")
//	if err != nil {
//		return err // names the path; says so if another lede holds the file
//	}
//	defer st.Close()
//	if _, known, err := st.Lookup(u); err != nil {
//		return err
//	} else if !known {
//		// fetch, extract, write, then:
//		err = st.Put(state.Article{URL: u, CanonicalURL: canon, Site: "example", ETag: etag})
//	}
//
// [Store.Put] is an upsert that keeps the first FirstSeen. Writes are group
// committed: calls that arrive while a commit is being written share the next
// one, so many crawl goroutines share each fsync, and a lone caller never
// waits for a batch window (bbolt's DB.Batch waits 10ms; BenchmarkPut compares).
// [Store.PutAll] stores many articles in a few commits, for recording the
// records a killed run left in its output file.
//
// # Surviving a killed run
//
// Article URLs a run has discovered but not yet written are recorded with
// [Store.AddPending]; Put removes each one as its article is stored, so
// [Store.Pending] lists, at the next start, what a killed run left undone.
// [Store.RemovePending] drops URLs that turned out gone or not articles.
//
// # Failures no later run would mend
//
// An article URL that failed for good (a 404 or 410, a redirect off the site,
// a PDF, no article text) is recorded with [Store.PutFailure], which also
// drops it from the pending set; [Store.Failure] tells the next run when it
// last failed (and how often, and why), so that the run can leave it alone
// for a while instead of fetching it, failing and exiting 1 every night.
// [Store.Put] of an article with that URL deletes the record.
//
// [Store.BeginRun] marks a run of a site as begun and [Store.EndRun] as ended.
// A run still listed by [Store.OpenRuns] at the next start was killed: its
// output file (Run.Path) may end in a torn line and should be repaired before
// EndRun is called for it.
//
// # colly
//
// [Store.Storage] returns a colly storage.Storage for one run: the run's
// visited set lives in the file (so it does not grow the heap) and is dropped
// by EndRun; cookies are kept per host across runs and served through an
// in-memory cookie jar, exactly as colly's InMemoryStorage serves them.
//
// # The file
//
// [Open] creates parent directories. Only one process may hold the file: a
// second Open fails after about a second with an error wrapping [ErrLocked].
// A file that is not a state file gives [ErrNotState]; one written by a newer
// lede with an unknown layout gives [ErrNewerSchema]. Values use a compact
// binary encoding; keys are the URL bytes.
//
// Memory: bbolt maps the file into memory; those pages are outside the Go heap
// and are shared with the OS page cache, so the process's resident size grows
// with the parts of the file that are read, not with the number of articles.
package state
