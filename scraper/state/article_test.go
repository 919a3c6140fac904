package state

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 24, 2, 0, 0, 123456789, time.UTC)

func mustPut(t testing.TB, s *Store, a Article) {
	t.Helper()
	if err := s.Put(a); err != nil {
		t.Fatalf("Put(%s): %v", a.URL, err)
	}
}

func mustLookup(t testing.TB, s *Store, url string) (Article, bool) {
	t.Helper()
	a, ok, err := s.Lookup(url)
	if err != nil {
		t.Fatalf("Lookup(%s): %v", url, err)
	}
	return a, ok
}

// putConcurrently stores arts with Put from several goroutines, so that the
// puts share commits (one sequential Put waits for bbolt's batch delay).
func putConcurrently(t testing.TB, s *Store, arts []Article) {
	t.Helper()
	const workers = 32
	var wg sync.WaitGroup
	errs := make(chan error, len(arts))
	next := make(chan Article)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range next {
				if err := s.Put(a); err != nil {
					errs <- err
				}
			}
		}()
	}
	for _, a := range arts {
		next <- a
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func sameArticle(a, b Article) bool {
	return a.URL == b.URL && a.CanonicalURL == b.CanonicalURL && a.Site == b.Site &&
		a.FirstSeen.Equal(b.FirstSeen) && a.LastSeen.Equal(b.LastSeen) &&
		a.ETag == b.ETag && a.LastModified == b.LastModified && a.ContentHash == b.ContentHash
}

func TestPutLookup(t *testing.T) {
	s, _ := openTemp(t)
	a := Article{
		URL:          "https://news.example/a/1?id=7",
		CanonicalURL: "https://news.example/story/1",
		Site:         "example",
		FirstSeen:    t0,
		LastSeen:     t0.Add(time.Hour),
		ETag:         `W/"abc"`,
		LastModified: "Tue, 24 Nov 2026 01:00:00 GMT",
		ContentHash:  "sha256:0011",
	}
	mustPut(t, s, a)
	other := Article{URL: "https://news.example/b", Site: "example", LastSeen: t0}
	mustPut(t, s, other)

	tests := []struct {
		name, lookup string
		want         *Article
	}{
		{"by URL", a.URL, &a},
		{"by canonical URL", a.CanonicalURL, &a},
		{"other article", other.URL, nil},
		{"unknown", "https://news.example/c", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := mustLookup(t, s, tt.lookup)
			switch {
			case tt.lookup == other.URL:
				if !ok || got.URL != other.URL || !got.FirstSeen.Equal(t0) {
					t.Errorf("Lookup(%s) = %+v, %v; want the article with FirstSeen from LastSeen", tt.lookup, got, ok)
				}
			case tt.want == nil:
				if ok {
					t.Errorf("Lookup(%s) found %+v", tt.lookup, got)
				}
			default:
				if !ok || !sameArticle(got, *tt.want) {
					t.Errorf("Lookup(%s) = %+v, %v; want %+v", tt.lookup, got, ok, *tt.want)
				}
			}
		})
	}
}

func TestPutKeepsFirstSeenUpdatesRest(t *testing.T) {
	s, _ := openTemp(t)
	u := "https://news.example/a"
	mustPut(t, s, Article{URL: u, Site: "x", FirstSeen: t0, LastSeen: t0, ETag: "1", ContentHash: "h1"})
	later := t0.Add(24 * time.Hour)
	mustPut(t, s, Article{URL: u, Site: "x", FirstSeen: later, LastSeen: later, ETag: "2", ContentHash: "h2"})
	got, ok := mustLookup(t, s, u)
	if !ok {
		t.Fatal("article lost on update")
	}
	if !got.FirstSeen.Equal(t0) {
		t.Errorf("FirstSeen = %v, want the first %v", got.FirstSeen, t0)
	}
	if !got.LastSeen.Equal(later) || got.ETag != "2" || got.ContentHash != "h2" {
		t.Errorf("update not stored: %+v", got)
	}
	if n, _ := s.Count(); n != 1 {
		t.Errorf("Count = %d after an update, want 1", n)
	}
}

func TestPutZeroTimes(t *testing.T) {
	s, _ := openTemp(t)
	before := time.Now()
	mustPut(t, s, Article{URL: "https://e.example/z"})
	got, _ := mustLookup(t, s, "https://e.example/z")
	if got.LastSeen.Before(before.Add(-time.Second)) || got.LastSeen.After(time.Now().Add(time.Second)) {
		t.Errorf("zero LastSeen became %v, want now", got.LastSeen)
	}
	if !got.FirstSeen.Equal(got.LastSeen) {
		t.Errorf("zero FirstSeen of a new article = %v, want LastSeen %v", got.FirstSeen, got.LastSeen)
	}
}

func TestPutCanonicalChanges(t *testing.T) {
	s, _ := openTemp(t)
	u := "https://e.example/a?x=1"
	mustPut(t, s, Article{URL: u, CanonicalURL: "https://e.example/old", LastSeen: t0})
	mustPut(t, s, Article{URL: u, CanonicalURL: "https://e.example/new", LastSeen: t0})
	if _, ok := mustLookup(t, s, "https://e.example/old"); ok {
		t.Error("old canonical URL still finds the article")
	}
	if got, ok := mustLookup(t, s, "https://e.example/new"); !ok || got.URL != u {
		t.Errorf("new canonical URL: %+v, %v", got, ok)
	}
}

func TestPutEmptyURL(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.Put(Article{Site: "x"}); err == nil {
		t.Fatal("Put without URL succeeded")
	}
}

func TestPutRemovesPending(t *testing.T) {
	s, _ := openTemp(t)
	urls := []string{"https://a.example/1", "https://a.example/2", "https://a.example/3"}
	if err := s.AddPending("a", urls...); err != nil {
		t.Fatal(err)
	}
	if err := s.AddPending("b", "https://b.example/1"); err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, Article{URL: urls[1], Site: "a"})
	// Written under its canonical URL's pending entry: that one goes too.
	mustPut(t, s, Article{URL: "https://a.example/3?amp=1", CanonicalURL: urls[2], Site: "a"})
	got, err := s.Pending("a")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(urls[:1]) {
		t.Errorf("Pending(a) = %v, want %v", got, urls[:1])
	}
	gotB, _ := s.Pending("b")
	if len(gotB) != 1 || gotB[0] != "https://b.example/1" {
		t.Errorf("Pending(b) = %v, want the other site's URL untouched", gotB)
	}
	none, err := s.Pending("nosuchsite")
	if err != nil || len(none) != 0 {
		t.Errorf("Pending(nosuchsite) = %v, %v; want empty", none, err)
	}
}

func TestAddPendingErrors(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.AddPending("", "https://a.example/1"); err == nil {
		t.Error("AddPending with empty site succeeded")
	}
	if err := s.AddPending("a"); err != nil {
		t.Errorf("AddPending with no URLs: %v", err)
	}
}

func TestArticlesBySite(t *testing.T) {
	s, _ := openTemp(t)
	want := map[string]int{"a": articlesChunk + 7, "b": 3} // a spans two chunks
	var arts []Article
	for site, n := range want {
		for i := 0; i < n; i++ {
			arts = append(arts, Article{URL: fmt.Sprintf("https://%s.example/%05d", site, i), Site: site, LastSeen: t0})
		}
	}
	putConcurrently(t, s, arts)
	for site, n := range want {
		var got int
		last := ""
		err := s.Articles(site, func(a Article) error {
			if a.Site != site {
				t.Fatalf("Articles(%s) gave %+v", site, a)
			}
			if a.URL <= last {
				t.Fatalf("Articles(%s) out of order: %s after %s", site, a.URL, last)
			}
			last = a.URL
			got++
			return nil
		})
		if err != nil || got != n {
			t.Errorf("Articles(%s): %d articles, err %v; want %d", site, got, err, n)
		}
	}
	var all int
	if err := s.Articles("", func(Article) error { all++; return nil }); err != nil || all != want["a"]+want["b"] {
		t.Errorf("Articles(\"\") = %d, %v", all, err)
	}
	if n, err := s.Count(); err != nil || n != all {
		t.Errorf("Count = %d, %v; want %d", n, err, all)
	}

	stop := errors.New("stop")
	var seen int
	err := s.Articles("a", func(Article) error {
		seen++
		if seen == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || seen != 5 {
		t.Errorf("Articles did not stop at fn's error: seen %d, err %v", seen, err)
	}

	// fn may write to the store (it runs outside the read transaction).
	err = s.Articles("b", func(a Article) error {
		a.ETag = "refreshed"
		return s.Put(a)
	})
	if err != nil {
		t.Fatalf("Put inside Articles: %v", err)
	}
	if a, _ := mustLookup(t, s, "https://b.example/00002"); a.ETag != "refreshed" {
		t.Errorf("Put inside Articles not stored: %+v", a)
	}
}

func TestDataSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := Article{URL: "https://e.example/a", CanonicalURL: "https://e.example/c", Site: "e",
		FirstSeen: t0, LastSeen: t0, ETag: "x", LastModified: "y", ContentHash: "z"}
	mustPut(t, s, a)
	if err := s.AddPending("e", "https://e.example/p"); err != nil {
		t.Fatal(err)
	}
	run := Run{ID: "r1", Site: "e", Path: "/out/e/r1.jsonl", Started: t0}
	if err := s.BeginRun(run); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, u := range []string{a.URL, a.CanonicalURL} {
		if got, ok := mustLookup(t, s, u); !ok || !sameArticle(got, a) {
			t.Errorf("after reopen Lookup(%s) = %+v, %v", u, got, ok)
		}
	}
	if p, _ := s.Pending("e"); len(p) != 1 || p[0] != "https://e.example/p" {
		t.Errorf("after reopen Pending = %v", p)
	}
	if runs, _ := s.OpenRuns("e"); len(runs) != 1 || runs[0] != run {
		t.Errorf("after reopen OpenRuns = %+v, want [%+v]", runs, run)
	}
}

func TestConcurrentPuts(t *testing.T) {
	s, _ := openTemp(t)
	const goroutines, each = 50, 20
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*each)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				u := fmt.Sprintf("https://c.example/%d/%d", g, i)
				errs <- s.Put(Article{URL: u, CanonicalURL: u + "/canon", Site: "c", LastSeen: t0})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.Count(); err != nil || n != goroutines*each {
		t.Fatalf("Count = %d, %v; want %d", n, err, goroutines*each)
	}
	for g := 0; g < goroutines; g++ {
		for i := 0; i < each; i++ {
			u := fmt.Sprintf("https://c.example/%d/%d", g, i)
			if got, ok := mustLookup(t, s, u+"/canon"); !ok || got.URL != u {
				t.Fatalf("Lookup(%s/canon) = %+v, %v", u, got, ok)
			}
		}
	}
}

func TestPutAll(t *testing.T) {
	s, _ := openTemp(t)
	n := putAllChunk + 5 // two transactions
	arts := make([]Article, n)
	var pending []string
	for i := range arts {
		arts[i] = Article{URL: fmt.Sprintf("https://p.example/%06d", i), Site: "p", FirstSeen: t0, LastSeen: t0}
		if i%1000 == 0 {
			pending = append(pending, arts[i].URL)
		}
	}
	if err := s.AddPending("p", append(pending, "https://p.example/not-written")...); err != nil {
		t.Fatal(err)
	}
	// Known before: FirstSeen is kept.
	mustPut(t, s, Article{URL: arts[7].URL, Site: "p", FirstSeen: t0.Add(-time.Hour), LastSeen: t0.Add(-time.Hour)})
	arts[9].LastSeen = time.Time{}
	if err := s.PutAll(arts); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Count(); err != nil || c != n {
		t.Fatalf("Count = %d, %v; want %d", c, err, n)
	}
	if a, _ := mustLookup(t, s, arts[7].URL); !a.FirstSeen.Equal(t0.Add(-time.Hour)) || !a.LastSeen.Equal(t0) {
		t.Errorf("known article after PutAll: %+v", a)
	}
	if a, _ := mustLookup(t, s, arts[9].URL); a.LastSeen.IsZero() || !a.FirstSeen.Equal(t0) {
		t.Errorf("zero LastSeen not set to now: %+v", a)
	}
	if !arts[9].LastSeen.IsZero() {
		t.Error("PutAll modified the caller's slice")
	}
	if p, _ := s.Pending("p"); len(p) != 1 || p[0] != "https://p.example/not-written" {
		t.Errorf("Pending after PutAll = %v", p)
	}
	if err := s.PutAll([]Article{{URL: "https://p.example/x"}, {Site: "p"}}); err == nil {
		t.Error("PutAll with an article without URL succeeded")
	}
	if err := s.PutAll(nil); err != nil {
		t.Errorf("PutAll(nil): %v", err)
	}
}

func TestRemovePending(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.AddPending("a", "https://a.example/1", "https://a.example/2", "https://a.example/3"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemovePending("a", "https://a.example/1", "https://a.example/3", "https://a.example/never"); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Pending("a"); fmt.Sprint(p) != "[https://a.example/2]" {
		t.Errorf("Pending after RemovePending = %v", p)
	}
	if err := s.RemovePending("nosuchsite", "https://a.example/2"); err != nil {
		t.Errorf("RemovePending for an unknown site: %v", err)
	}
	if err := s.RemovePending("a"); err != nil {
		t.Errorf("RemovePending with no URLs: %v", err)
	}
}
