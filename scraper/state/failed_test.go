package state

import (
	"fmt"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func mustFailure(t testing.TB, s *Store, url string) (Failure, bool) {
	t.Helper()
	f, ok, err := s.Failure(url)
	if err != nil {
		t.Fatalf("Failure(%s): %v", url, err)
	}
	return f, ok
}

func TestPutFailureCountsAndKeepsFirst(t *testing.T) {
	s, _ := openTemp(t)
	const u = "https://a.example/gone"
	if _, ok := mustFailure(t, s, u); ok {
		t.Fatal("failure of a URL never recorded")
	}
	if err := s.PutFailure(Failure{URL: u, Site: "a", Kind: "http_status", Status: 404, Last: t0}); err != nil {
		t.Fatal(err)
	}
	f, ok := mustFailure(t, s, u)
	want := Failure{URL: u, Site: "a", Kind: "http_status", Status: 404, First: t0, Last: t0, Count: 1}
	if !ok || f != want {
		t.Fatalf("after one failure: %+v, %v; want %+v", f, ok, want)
	}
	later := t0.Add(24 * time.Hour)
	// f.Count is ignored: the store counts.
	if err := s.PutFailure(Failure{URL: u, Site: "a", Kind: "http_status", Status: 410, Last: later, Count: 99}); err != nil {
		t.Fatal(err)
	}
	f, _ = mustFailure(t, s, u)
	want = Failure{URL: u, Site: "a", Kind: "http_status", Status: 410, First: t0, Last: later, Count: 2}
	if f != want {
		t.Fatalf("after two failures: %+v; want %+v", f, want)
	}
}

func TestPutFailureZeroLastIsNow(t *testing.T) {
	s, _ := openTemp(t)
	before := time.Now()
	if err := s.PutFailure(Failure{URL: "https://a.example/x", Kind: "not_html"}); err != nil {
		t.Fatal(err)
	}
	f, _ := mustFailure(t, s, "https://a.example/x")
	if f.Last.Before(before.Add(-time.Second)) || f.Last.After(time.Now()) || !f.First.Equal(f.Last) ||
		f.Last.Location() != time.UTC {
		t.Errorf("zero Last stored as first %v last %v; want now, in UTC, both", f.First, f.Last)
	}
}

func TestPutFailureEmptyURL(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.PutFailure(Failure{Kind: "http_status"}); err == nil {
		t.Fatal("PutFailure without URL succeeded")
	}
}

func TestPutFailureRemovesPending(t *testing.T) {
	s, _ := openTemp(t)
	urls := []string{"https://a.example/1", "https://a.example/2"}
	if err := s.AddPending("a", urls...); err != nil {
		t.Fatal(err)
	}
	if err := s.PutFailure(Failure{URL: urls[0], Site: "a", Kind: "no_article"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Pending("a")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(urls[1:]) {
		t.Errorf("Pending(a) = %v, want %v", got, urls[1:])
	}
}

func TestPutClearsFailure(t *testing.T) {
	s, _ := openTemp(t)
	const u, canon, other = "https://a.example/1?amp=1", "https://a.example/1", "https://a.example/2"
	for _, x := range []string{u, canon, other} {
		if err := s.PutFailure(Failure{URL: x, Site: "a", Kind: "http_status", Status: 404}); err != nil {
			t.Fatal(err)
		}
	}
	mustPut(t, s, Article{URL: u, CanonicalURL: canon, Site: "a"})
	for _, x := range []string{u, canon} {
		if f, ok := mustFailure(t, s, x); ok {
			t.Errorf("%s: failure %+v kept after its article was written", x, f)
		}
	}
	if _, ok := mustFailure(t, s, other); !ok {
		t.Errorf("%s: another URL's failure was cleared", other)
	}
}

func TestFailureSurvivesReopen(t *testing.T) {
	s, path := openTemp(t)
	f := Failure{URL: "https://a.example/x", Site: "a", Kind: "redirects", First: t0, Last: t0}
	if err := s.PutFailure(f); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	f.Count = 1
	if got, ok := mustFailure(t, s2, f.URL); !ok || got != f {
		t.Errorf("after reopening: %+v, %v; want %+v", got, ok, f)
	}
}

// A file made before the failed bucket existed gets it at Open.
func TestOpenAddsFailedBucket(t *testing.T) {
	s, path := openTemp(t)
	err := s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketFailed) })
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if err := s2.PutFailure(Failure{URL: "https://a.example/x", Kind: "http_status"}); err != nil {
		t.Errorf("PutFailure on a file from before failures were kept: %v", err)
	}
}

func TestFailureDamaged(t *testing.T) {
	s, _ := openTemp(t)
	const u = "https://a.example/x"
	err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketFailed).Put([]byte(u), []byte{failureFormat, 5}) })
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Failure(u); err == nil {
		t.Error("damaged failure record read without error")
	}
	// A damaged record does not block recording the next failure.
	if err := s.PutFailure(Failure{URL: u, Kind: "http_status", Status: 404}); err != nil {
		t.Fatal(err)
	}
	if f, ok := mustFailure(t, s, u); !ok || f.Count != 1 {
		t.Errorf("after overwriting a damaged record: %+v, %v", f, ok)
	}
}
