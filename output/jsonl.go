package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Writer writes records somewhere. Write is safe for concurrent use.
type Writer interface {
	// Write writes one record; when it returns nil the record is whole in
	// its destination (flushed to the OS).
	Write(r *Record) error
	// Close flushes and releases the destination.
	Close() error
}

// flusher is a buffered writer such as *bufio.Writer.
type flusher interface{ Flush() error }

// JSONL writes one record a line to an io.Writer, each line with one call
// to Write. It is safe for concurrent use: lines never interleave.
type JSONL struct {
	mu sync.Mutex
	w  io.Writer
}

// NewJSONL returns a JSONL writer on w. If w has a Flush() error method
// (a *bufio.Writer), Write flushes after each line. Close flushes but does
// not close w.
func NewJSONL(w io.Writer) *JSONL { return &JSONL{w: w} }

// Write writes r as one line.
func (j *JSONL) Write(r *Record) error {
	line, err := marshalLine(r)
	if err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.w.Write(line); err != nil {
		return fmt.Errorf("writing record %s: %w", recordName(r), err)
	}
	if f, ok := j.w.(flusher); ok {
		if err := f.Flush(); err != nil {
			return fmt.Errorf("writing record %s: %w", recordName(r), err)
		}
	}
	return nil
}

// Close flushes w if it is buffered. It does not close w.
func (j *JSONL) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if f, ok := j.w.(flusher); ok {
		return f.Flush()
	}
	return nil
}

// marshalLine is r's JSON and a newline.
func marshalLine(r *Record) ([]byte, error) {
	if r == nil {
		return nil, errors.New("writing record: nil record")
	}
	b, err := r.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// JSONLFile appends records to a file durably: each Write is one write(2)
// of the whole line, then an fsync, so a killed process leaves at most one
// torn last line, which RepairJSONL removes. A Write that fails (a full
// disk cuts the write short, the fsync fails) cuts what it wrote, so the
// file holds whole lines only and the next record starts a line of its own.
type JSONLFile struct {
	mu   sync.Mutex
	f    *os.File
	path string
	size int64 // bytes of whole lines: where the file is cut back to after a failed Write
	torn bool  // a failed Write could not be cut back; the next Write tries again first
}

// CreateJSONL opens path for appending, creating it and its parent
// directories if needed. If the file ends in a torn line (a killed run
// wrote part of it), the torn part is cut first so new lines start whole.
func CreateJSONL(path string) (*JSONLFile, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", path, err)
	}
	_, statErr := os.Stat(path)
	created := errors.Is(statErr, os.ErrNotExist)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("creating %s: %w", path, err)
	}
	if !created {
		if err := cutTornTail(f, path); err != nil {
			f.Close()
			return nil, err
		}
	} else if err := syncDir(dir); err != nil {
		f.Close()
		return nil, fmt.Errorf("creating %s: %w", path, err)
	}
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	return &JSONLFile{f: f, path: path, size: size}, nil
}

// Path is the file's path.
func (j *JSONLFile) Path() string { return j.path }

// Write appends r as one line with a single write(2), then syncs the file.
// When it returns an error, the file holds none of the record.
func (j *JSONLFile) Write(r *Record) error {
	line, err := marshalLine(r)
	if err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return fmt.Errorf("writing record %s to %s: %w", recordName(r), j.path, os.ErrClosed)
	}
	if j.torn {
		if err := j.cutBack(); err != nil {
			return fmt.Errorf("writing record %s to %s: %w", recordName(r), j.path, err)
		}
	}
	if _, err := j.f.Write(line); err != nil {
		return fmt.Errorf("writing record %s to %s: %w", recordName(r), j.path, errors.Join(err, j.cutBack()))
	}
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("syncing %s: %w", j.path, errors.Join(err, j.cutBack()))
	}
	j.size += int64(len(line))
	return nil
}

// cutBack truncates the file to its whole lines after a failed Write; if
// that fails too, the next Write tries again before it writes.
func (j *JSONLFile) cutBack() error {
	if err := j.f.Truncate(j.size); err != nil {
		j.torn = true
		return fmt.Errorf("cutting the partial line: %w", err)
	}
	j.torn = false
	return nil
}

// Close syncs and closes the file. Closing twice returns nil.
func (j *JSONLFile) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return nil
	}
	f := j.f
	j.f = nil
	err := f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("closing %s: %w", j.path, err)
	}
	return nil
}

// RunPath is where a crawl run's JSONL goes:
// root/site/YYYY-MM-DD/runID.jsonl, with the date of started in UTC.
func RunPath(root, site, runID string, started time.Time) string {
	return filepath.Join(root, site, started.UTC().Format(time.DateOnly), runID+".jsonl")
}

// syncDir fsyncs a directory so a file created or renamed in it survives
// a crash.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
