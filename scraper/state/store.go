package state

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout version this package writes into the meta bucket.
// Open refuses a file whose version is newer.
const SchemaVersion = 1

// defaultLockTimeout is how long Open waits for another process to release the
// file: long enough to ride out a process that is just exiting, short enough
// that a cron job started on top of a running crawl fails fast.
const defaultLockTimeout = time.Second

// fileMode is the permission of a newly created state file: it holds cookies.
const fileMode = 0o600

// dirMode is the permission of parent directories Open creates.
const dirMode = 0o755

// Bucket names. Package-level lookup values, never written.
var (
	bucketMeta      = []byte("meta")
	bucketArticles  = []byte("articles")  // URL -> encoded Article
	bucketCanonical = []byte("canonical") // canonical URL -> URL (only when they differ)
	bucketPending   = []byte("pending")   // site -> {URL -> ""}
	bucketRuns      = []byte("runs")      // runID "\x00" site -> encoded Run
	bucketVisited   = []byte("visited")   // runID -> {request ID (8 bytes BE) -> ""}
	bucketCookies   = []byte("cookies")   // host -> Set-Cookie lines
	bucketFailed    = []byte("failed")    // URL -> encoded Failure

	keySchema = []byte("schema")
)

// ErrLocked is wrapped by the error Open returns when another process holds the file.
var ErrLocked = errors.New("another process holds the state file")

// ErrNotState is wrapped by the error Open returns when the file is not a bbolt
// database (corrupt, truncated or some other file).
var ErrNotState = errors.New("not a lede state file (corrupt or not a bbolt database)")

// ErrNewerSchema is wrapped by the error Open returns when the file was written
// by a newer lede with a layout this one does not know.
var ErrNewerSchema = errors.New("state file written by a newer lede")

// Store is the crawl's memory between runs, kept in one bbolt file. All methods
// are safe for concurrent use. A Store must be created with Open.
type Store struct {
	db     *bolt.DB
	path   string
	logger *slog.Logger
	commit committer
}

// Option configures Open.
type Option func(*options)

type options struct {
	lockTimeout time.Duration
	logger      *slog.Logger
}

// WithLockTimeout sets how long Open waits for another process to release the
// file before failing (default 1s).
func WithLockTimeout(d time.Duration) Option {
	return func(o *options) { o.lockTimeout = d }
}

// WithLogger sets the logger for problems that cannot be returned to a caller
// (colly's SetCookies has no error result). Default: discard.
func WithLogger(l *slog.Logger) Option {
	return func(o *options) { o.logger = l }
}

// Open opens or creates the state file at path, creating parent directories.
// If another process holds the file, Open fails after about a second with an
// error naming the path and wrapping ErrLocked. A file that is not a state file
// gives an error naming the path and wrapping ErrNotState.
func Open(path string, opts ...Option) (*Store, error) {
	o := options{lockTimeout: defaultLockTimeout}
	for _, opt := range opts {
		opt(&o)
	}
	if o.logger == nil {
		o.logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if path == "" {
		return nil, errors.New("state: open: empty path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, dirMode); err != nil {
			return nil, fmt.Errorf("state: open %s: create directory: %w", path, err)
		}
	}
	db, err := bolt.Open(path, fileMode, &bolt.Options{Timeout: o.lockTimeout})
	if err != nil {
		return nil, openError(path, err)
	}
	s := &Store{db: db, path: path, logger: o.logger, commit: committer{db: db}}
	if err := s.init(); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return fmt.Errorf("state: open %s: %w (is another lede running?): %w", path, ErrLocked, err)
	case errors.Is(err, berrors.ErrInvalid),
		errors.Is(err, berrors.ErrVersionMismatch),
		errors.Is(err, berrors.ErrChecksum),
		errors.Is(err, berrors.ErrInvalidMapping):
		return fmt.Errorf("state: open %s: %w: %w", path, ErrNotState, err)
	}
	// bbolt reports some damage (for example a file shorter than its page size)
	// with unexported errors; an existing non-empty file that fails to open for
	// a reason other than locking or permissions is not usable as state.
	if fi, statErr := os.Stat(path); statErr == nil && fi.Mode().IsRegular() && fi.Size() > 0 &&
		!errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("state: open %s: %w: %w", path, ErrNotState, err)
	}
	return fmt.Errorf("state: open %s: %w", path, err)
}

// init creates the buckets and checks the schema version.
func (s *Store) init() error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketMeta) == nil {
			// A new file has no buckets; one with buckets but no meta is some
			// other program's bbolt database, not to be written into.
			if k, _ := tx.Cursor().First(); k != nil {
				return fmt.Errorf("%w: a bbolt database without lede's meta bucket (has %q)", ErrNotState, k)
			}
		}
		for _, name := range [][]byte{bucketMeta, bucketArticles, bucketCanonical,
			bucketPending, bucketRuns, bucketVisited, bucketCookies, bucketFailed} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %q: %w", name, err)
			}
		}
		meta := tx.Bucket(bucketMeta)
		v := meta.Get(keySchema)
		if v == nil {
			return meta.Put(keySchema, []byte(strconv.Itoa(SchemaVersion)))
		}
		n, err := strconv.Atoi(string(v))
		if err != nil {
			return fmt.Errorf("%w: schema version %q is not a number", ErrNotState, v)
		}
		if n > SchemaVersion {
			return fmt.Errorf("%w: schema version %d, this lede reads up to %d; upgrade lede or use another state file",
				ErrNewerSchema, n, SchemaVersion)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("state: open %s: %w", s.path, err)
	}
	return nil
}

// write runs fn in a read-write transaction shared with concurrent writers
// (group commit, see committer).
func (s *Store) write(fn func(*bolt.Tx) error) error {
	return s.commit.update(fn)
}

// Path returns the file the Store was opened from.
func (s *Store) Path() string { return s.path }

// Close releases the file. Storage values obtained from the Store must not be
// used after Close.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("state: close %s: %w", s.path, err)
	}
	return nil
}
