package scraper

import (
	"net/http"
	"regexp"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/lede-news/lede/scraper/state"
)

// TestCrawlSitesShareAPage: two sites on one host may reach the same page
// (the home page, a shared sitemap); each site walks it for its own
// articles. One site's fetch of the page must not make it "already
// visited" for the other.
func TestCrawlSitesShareAPage(t *testing.T) {
	site := newNewsSite(t)
	site.page("/", "/a/1", "/b/1")
	site.page("/b/", "/")
	section := site.routes["/b/"]
	site.handle("/b/", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(200 * time.Millisecond) // site a asks for / first
		section(w, r)
	})
	site.article("/a/1", "/a/1")
	site.article("/b/1", "/b/1")
	cfg := testConfig(t.TempDir(), site.URL, nil, nil)
	cfg.Sites = nil
	killedRun(t, cfg.State.Path, "20001231T000000Z", "a")
	for _, name := range []string{"a", "b"} {
		start := site.URL + "/"
		if name == "b" {
			start += "b/"
		}
		cfg.Sites = append(cfg.Sites, Site{
			Name: name, Start: []string{start}, MaxDepth: DefaultMaxDepth,
			Follow:   []*regexp.Regexp{regexp.MustCompile("^" + regexp.QuoteMeta(site.URL) + "/$")},
			Articles: []*regexp.Regexp{regexp.MustCompile("^" + regexp.QuoteMeta(site.URL) + "/" + name + `/\d+$`)},
		})
	}
	sum := runCrawl(t, cfg)
	got := canonicals(readRecords(t, cfg.Output.Dir))
	want := urls(site.URL, "/a/1", "/b/1")
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("written %q, want %q (summary %+v)", got, want, sum)
	}
	if n := site.count("/"); n != 2 {
		t.Errorf("home page fetched %d times, want once per site (2)", n)
	}
	if left := visitedSets(t, cfg.State.Path); len(left) > 0 {
		t.Errorf("visited sets left in the state after the run: %q", left)
	}
}

// killedRun records in the state at path a run of site that was killed
// after its collector made its visited set.
func killedRun(t *testing.T, path, id, site string) {
	t.Helper()
	st, err := state.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.BeginRun(state.Run{ID: id, Site: site}); err != nil {
		t.Fatal(err)
	}
	if err := st.Storage(visitedID(id, site)).Init(); err != nil {
		t.Fatal(err)
	}
}

// visitedSets lists the colly visited sets left in the state at path.
func visitedSets(t *testing.T, path string) []string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var names []string
	err = db.View(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("visited")).ForEachBucket(func(k []byte) error {
			names = append(names, string(k))
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestCrawlSitesOverlapWriteOnce: two sites on one host whose article
// patterns overlap both reach the same article at once; the run writes it
// once (the state knows an article whatever the site).
func TestCrawlSitesOverlapWriteOnce(t *testing.T) {
	site := newNewsSite(t)
	site.page("/a/", "/news/1")
	site.page("/b/", "/news/1")
	site.article("/news/1", "/news/1")
	article := site.routes["/news/1"]
	site.handle("/news/1", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(100 * time.Millisecond) // both sites' requests in flight together
		article(w, r)
	})
	cfg := testConfig(t.TempDir(), site.URL, nil, nil)
	cfg.Sites = nil
	for _, name := range []string{"a", "b"} {
		cfg.Sites = append(cfg.Sites, Site{
			Name: name, Start: []string{site.URL + "/" + name + "/"}, MaxDepth: DefaultMaxDepth,
			Articles: []*regexp.Regexp{regexp.MustCompile("^" + regexp.QuoteMeta(site.URL) + `/news/\d+$`)},
		})
	}
	sum := runCrawl(t, cfg)
	if got := canonicals(readRecords(t, cfg.Output.Dir)); len(got) != 1 {
		t.Errorf("written %q, want the article once (summary %+v)", got, sum)
	}
}
