package state

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", "dir", "state.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, path
}

func TestOpenCreatesParentDirs(t *testing.T) {
	_, path := openTemp(t)
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		t.Fatalf("state file %s not created: %v", path, err)
	}
}

func TestOpenSecondTimeFailsClearly(t *testing.T) {
	_, path := openTemp(t)
	start := time.Now()
	s2, err := Open(path, WithLockTimeout(200*time.Millisecond))
	if err == nil {
		_ = s2.Close()
		t.Fatal("second Open of a held file succeeded")
	}
	if !errors.Is(err, ErrLocked) {
		t.Errorf("error does not wrap ErrLocked: %v", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, "another process holds") {
		t.Errorf("error %q should name %s and say another process holds it", msg, path)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("second Open took %v; want it to fail fast", d)
	}
}

func TestOpenDefaultLockTimeoutIsAboutASecond(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the default lock timeout")
	}
	_, path := openTemp(t)
	start := time.Now()
	s2, err := Open(path)
	if err == nil {
		_ = s2.Close()
		t.Fatal("second Open of a held file succeeded")
	}
	if d := time.Since(start); d < 500*time.Millisecond || d > 10*time.Second {
		t.Errorf("second Open failed after %v; want about %v", d, defaultLockTimeout)
	}
}

func TestOpenAfterCloseSucceeds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, WithLockTimeout(100*time.Millisecond))
	if err != nil {
		t.Fatalf("reopen after Close: %v", err)
	}
	_ = s.Close()
}

func TestOpenGarbageFile(t *testing.T) {
	big := bytes.Repeat([]byte("this is not a bolt database\n"), 2000)
	zeros := make([]byte, 64<<10)
	tests := []struct {
		name string
		data []byte
	}{
		{"short text", []byte("hello, I am a JSONL file\n")},
		{"long text", big},
		{"zeros", zeros},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.db")
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path, WithLockTimeout(100*time.Millisecond))
			if err == nil {
				_ = s.Close()
				t.Fatal("Open of a garbage file succeeded")
			}
			if !errors.Is(err, ErrNotState) {
				t.Errorf("error does not wrap ErrNotState: %v", err)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name %s", err, path)
			}
			got, _ := os.ReadFile(path)
			if !bytes.Equal(got, tt.data) {
				t.Error("Open modified the garbage file")
			}
		})
	}
}

func TestOpenEmptyPath(t *testing.T) {
	if _, err := Open(""); err == nil {
		t.Fatal("Open(\"\") succeeded")
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	s, path := openTemp(t)
	if err := s.db.Update(func(tx *boltTx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, []byte("99"))
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path)
	if err == nil {
		_ = s2.Close()
		t.Fatal("Open of a newer-schema file succeeded")
	}
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), path) ||
		!strings.Contains(err.Error(), "99") {
		t.Errorf("error %q should wrap ErrNewerSchema, name %s and the version 99", err, path)
	}
	// The refusal must leave the file usable by a lede that knows version 99:
	// the version is not rewritten.
	s3, err := Open(path)
	if err == nil {
		_ = s3.Close()
		t.Fatal("schema version was rewritten by the refused Open")
	}
}

func TestSchemaVersionWritten(t *testing.T) {
	s, _ := openTemp(t)
	var v string
	_ = s.db.View(func(tx *boltTx) error {
		v = string(tx.Bucket(bucketMeta).Get(keySchema))
		return nil
	})
	if v != "1" {
		t.Errorf("schema version = %q, want %q", v, "1")
	}
}

func TestOpenRefusesOtherBoltDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket([]byte("someone-elses"))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	_ = db.Close()
	s, err := Open(path)
	if err == nil {
		_ = s.Close()
		t.Fatal("Open of another program's bbolt file succeeded")
	}
	if !errors.Is(err, ErrNotState) || !strings.Contains(err.Error(), path) {
		t.Errorf("error %q should wrap ErrNotState and name %s", err, path)
	}
	db, err = bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketMeta) != nil || tx.Bucket(bucketArticles) != nil {
			t.Error("refused Open still wrote lede's buckets into the file")
		}
		return nil
	})
}

func TestOpenEmptyFileIsNewStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open of an empty file: %v", err)
	}
	defer s.Close()
	if n, err := s.Count(); err != nil || n != 0 {
		t.Errorf("Count = %d, %v", n, err)
	}
}
