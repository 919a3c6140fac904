package state

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocolly/colly/v2"
)

func TestStorageVisitedPerRun(t *testing.T) {
	s, _ := openTemp(t)
	r1, r2 := s.Storage("run1"), s.Storage("run2")
	for _, st := range []interface{ Init() error }{r1, r2} {
		if err := st.Init(); err != nil {
			t.Fatal(err)
		}
	}
	if err := r1.Visited(42); err != nil {
		t.Fatal(err)
	}
	isVisited := func(st interface {
		IsVisited(uint64) (bool, error)
	}, id uint64) bool {
		t.Helper()
		v, err := st.IsVisited(id)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if !isVisited(r1, 42) {
		t.Error("run1: 42 not visited after Visited(42)")
	}
	if isVisited(r1, 43) {
		t.Error("run1: 43 visited")
	}
	if isVisited(r2, 42) {
		t.Error("run2 sees run1's visit")
	}
	// Another Storage value for the same run shares the set.
	if !isVisited(s.Storage("run1"), 42) {
		t.Error("a second Storage(run1) does not see run1's visit")
	}
	if err := s.EndRun("run1"); err != nil {
		t.Fatal(err)
	}
	if isVisited(r1, 42) {
		t.Error("run1's visited set survived EndRun")
	}
	var n int
	_ = s.db.View(func(tx *boltTx) error {
		n = tx.Bucket(bucketVisited).Stats().BucketN
		return nil
	})
	if n != 2 { // the visited bucket itself and run2's
		t.Errorf("visited buckets after EndRun(run1): %d, want 2 (root and run2)", n)
	}
}

func TestStorageVisitedSurvivesReopenUntilEndRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st := s.Storage("killed")
	if err := st.Init(); err != nil {
		t.Fatal(err)
	}
	if err := st.Visited(7); err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.Storage("killed").IsVisited(7); err != nil || !v {
		t.Errorf("visited set of a killed run lost on reopen: %v, %v", v, err)
	}
	if err := s.EndRun("killed"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Storage("killed").IsVisited(7); v {
		t.Error("EndRun after reopen did not drop the visited set")
	}
}

func TestStorageEmptyRunID(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.Storage("").Init(); err == nil {
		t.Error("Init of Storage(\"\") succeeded")
	}
}

func TestStorageConcurrentVisited(t *testing.T) {
	s, _ := openTemp(t)
	st := s.Storage("r")
	if err := st.Init(); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := uint64(0); i < 200; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := st.Visited(i); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for i := uint64(0); i < 200; i++ {
		if v, _ := st.IsVisited(i); !v {
			t.Fatalf("request %d lost", i)
		}
	}
}

func TestStorageCookiesPersistAcrossReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://news.example/section/page")
	st := s.Storage("r1")
	if err := st.Init(); err != nil {
		t.Fatal(err)
	}
	future := time.Now().Add(48 * time.Hour).UTC().Format(http.TimeFormat)
	st.SetCookies(u, strings.Join([]string{
		"session=abc; Path=/",
		"pref=dark; Path=/; Max-Age=86400",
		"consent=yes; Path=/; Expires=" + future,
		"section=1", // default path /section
		"gone=x; Path=/; Max-Age=-1",
	}, "\n"))
	if got, want := st.Cookies(u), "session=abc\npref=dark\nconsent=yes\nsection=1"; !sameCookieSet(got, want) {
		t.Errorf("Cookies before reopen = %q, want %q", got, want)
	}
	_ = s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st = s.Storage("r2")
	if err := st.Init(); err != nil {
		t.Fatal(err)
	}
	if got, want := st.Cookies(u), "session=abc\npref=dark\nconsent=yes\nsection=1"; !sameCookieSet(got, want) {
		t.Errorf("Cookies after reopen = %q, want %q", got, want)
	}
	root, _ := url.Parse("https://news.example/")
	if got, want := st.Cookies(root), "session=abc\npref=dark\nconsent=yes"; !sameCookieSet(got, want) {
		t.Errorf("Cookies for / after reopen = %q, want %q (path kept)", got, want)
	}
	other, _ := url.Parse("https://other.example/")
	if got := st.Cookies(other); got != "" {
		t.Errorf("Cookies for another host = %q, want none", got)
	}

	// Deleting a cookie is persisted too.
	st.SetCookies(u, "session=; Path=/; Max-Age=-1")
	_ = s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	st = s2.Storage("r3")
	if err := st.Init(); err != nil {
		t.Fatal(err)
	}
	if got, want := st.Cookies(root), "pref=dark\nconsent=yes"; !sameCookieSet(got, want) {
		t.Errorf("Cookies after deletion and reopen = %q, want %q", got, want)
	}
}

func TestStorageExpiredCookiesNotLoaded(t *testing.T) {
	s, _ := openTemp(t)
	u, _ := url.Parse("https://news.example/")
	now := time.Now()
	// Stored as if received a while ago with an expiry that has since passed.
	rec := mergeCookies("", []*http.Cookie{
		{Name: "old", Value: "1", Path: "/", Expires: now.Add(-time.Hour)},
		{Name: "live", Value: "2", Path: "/", Expires: now.Add(time.Hour)},
	}, u, now.Add(-2*time.Hour))
	if err := s.db.Update(func(tx *boltTx) error {
		return tx.Bucket(bucketCookies).Put([]byte("news.example"), []byte(rec))
	}); err != nil {
		t.Fatal(err)
	}
	st := s.Storage("r")
	if err := st.Init(); err != nil {
		t.Fatal(err)
	}
	if got := st.Cookies(u); got != "live=2" {
		t.Errorf("Cookies = %q, want only the unexpired live=2", got)
	}
}

// sameCookieSet compares "\n"-joined name=value lists ignoring order.
func sameCookieSet(got, want string) bool {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	if len(g) != len(w) {
		return false
	}
	set := map[string]int{}
	for _, c := range g {
		set[c]++
	}
	for _, c := range w {
		if set[c] == 0 {
			return false
		}
		set[c]--
	}
	return true
}

// cookieServer sets a cookie on /set and reports on /check whether it came back.
func cookieServer(t *testing.T) (*httptest.Server, *[]string) {
	var (
		mu   sync.Mutex
		seen []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/set":
			http.SetCookie(w, &http.Cookie{Name: "sid", Value: "s3cr3t", Path: "/", MaxAge: 3600})
		default:
			c, err := r.Cookie("sid")
			if err == nil {
				seen = append(seen, r.URL.Path+":"+c.Value)
			} else {
				seen = append(seen, r.URL.Path+":none")
			}
		}
		_, _ = w.Write([]byte("<html><body>ok</body></html>"))
	}))
	t.Cleanup(srv.Close)
	return srv, &seen
}

func TestStorageWithColly(t *testing.T) {
	srv, seen := cookieServer(t)
	path := filepath.Join(t.TempDir(), "state.db")

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c := colly.NewCollector()
	if err := c.SetStorage(s.Storage("run1")); err != nil {
		t.Fatal(err)
	}
	if err := c.Visit(srv.URL + "/set"); err != nil {
		t.Fatal(err)
	}
	if err := c.Visit(srv.URL + "/check1"); err != nil {
		t.Fatal(err)
	}
	var already *colly.AlreadyVisitedError
	if err := c.Visit(srv.URL + "/check1"); !errors.As(err, &already) {
		t.Errorf("second visit in the same run: err %v, want AlreadyVisitedError", err)
	}
	// A killed run: no EndRun. Its successor uses a new run ID.
	_ = s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c = colly.NewCollector()
	if err := c.SetStorage(s.Storage("run2")); err != nil {
		t.Fatal(err)
	}
	if err := c.Visit(srv.URL + "/check1"); err != nil {
		t.Errorf("visit in a new run: %v", err)
	}
	want := []string{"/check1:s3cr3t", "/check1:s3cr3t"}
	if strings.Join(*seen, ",") != strings.Join(want, ",") {
		t.Errorf("server saw %v, want %v (cookie kept across reopen)", *seen, want)
	}
}
