package state_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/lede-news/lede/scraper/state"
)

func Example() {
	dir, err := os.MkdirTemp("", "lede-state")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	st, err := state.Open(filepath.Join(dir, "state", "lede.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()

	// A run begins and discovers two article URLs.
	run := state.Run{ID: "20261125T020000Z", Site: "example", Path: "out/example.jsonl", Started: time.Now()}
	if err := st.BeginRun(run); err != nil {
		log.Fatal(err)
	}
	discovered := []string{"https://news.example/a", "https://news.example/b?ref=home"}
	if err := st.AddPending("example", discovered...); err != nil {
		log.Fatal(err)
	}

	// One article is fetched and written; its canonical URL drops the query.
	err = st.Put(state.Article{
		URL:          "https://news.example/b?ref=home",
		CanonicalURL: "https://news.example/b",
		Site:         "example",
		ETag:         `"v1"`,
	})
	if err != nil {
		log.Fatal(err)
	}

	// The next run skips what it knows, by URL or canonical URL.
	for _, u := range []string{"https://news.example/a", "https://news.example/b"} {
		a, known, err := st.Lookup(u)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s known=%v etag=%s\n", u, known, a.ETag)
	}

	// Had the run been killed now, its successor would find:
	pending, _ := st.Pending("example")
	open, _ := st.OpenRuns("example")
	fmt.Println("pending:", pending)
	fmt.Println("open runs:", len(open))

	if err := st.EndRun(run.ID); err != nil {
		log.Fatal(err)
	}
	open, _ = st.OpenRuns("example")
	fmt.Println("open runs after EndRun:", len(open))
	// Output:
	// https://news.example/a known=false etag=
	// https://news.example/b known=true etag="v1"
	// pending: [https://news.example/a]
	// open runs: 1
	// open runs after EndRun: 0
}

// A link that answered 404 is remembered, so that later runs can leave it
// alone for a while instead of failing on it every night.
func ExampleStore_PutFailure() {
	dir, err := os.MkdirTemp("", "lede-state")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	st, err := state.Open(filepath.Join(dir, "lede.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()

	const u = "https://news.example/gone"
	for range 2 { // two nightly runs met the dead link
		if err := st.PutFailure(state.Failure{URL: u, Site: "example", Kind: "http_status", Status: 404}); err != nil {
			log.Fatal(err)
		}
	}
	f, failed, err := st.Failure(u)
	if err != nil {
		log.Fatal(err)
	}
	const recheck = 7 * 24 * time.Hour
	fmt.Printf("failed=%v status=%d count=%d skip=%v\n", failed, f.Status, f.Count, time.Since(f.Last) < recheck)

	// The page comes back and its article is written: the failure is forgotten.
	if err := st.Put(state.Article{URL: u, Site: "example"}); err != nil {
		log.Fatal(err)
	}
	_, failed, _ = st.Failure(u)
	fmt.Println("failed after Put:", failed)
	// Output:
	// failed=true status=404 count=2 skip=true
	// failed after Put: false
}
