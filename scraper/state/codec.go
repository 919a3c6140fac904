package state

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
)

// Values are a small binary encoding: a format byte, then each field in a
// fixed order, strings as uvarint length + bytes, times as a presence byte,
// varint seconds and uvarint nanoseconds. It is about a third the size of
// JSON and several times faster to decode (see BenchmarkCodec).

// articleFormat is the first byte of an encoded Article; a new field layout
// gets a new format byte so old values stay readable.
const articleFormat = 1

// runFormat is the first byte of an encoded Run.
const runFormat = 1

// failureFormat is the first byte of an encoded Failure.
const failureFormat = 1

var errShort = errors.New("value ends early")

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendTime(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, 0)
	}
	b = append(b, 1)
	b = binary.AppendVarint(b, t.Unix())
	return binary.AppendUvarint(b, uint64(t.Nanosecond()))
}

// decoder reads fields in order; the first problem sticks in err.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) string() string {
	if d.err != nil {
		return ""
	}
	n, k := binary.Uvarint(d.b)
	if k <= 0 || uint64(len(d.b)-k) < n {
		d.err = errShort
		return ""
	}
	s := string(d.b[k : k+int(n)])
	d.b = d.b[k+int(n):]
	return s
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.err = errShort
		return 0
	}
	d.b = d.b[k:]
	return n
}

func (d *decoder) time() time.Time {
	if d.err != nil {
		return time.Time{}
	}
	if len(d.b) == 0 {
		d.err = errShort
		return time.Time{}
	}
	present := d.b[0]
	d.b = d.b[1:]
	switch present {
	case 0:
		return time.Time{}
	case 1:
	default:
		d.err = fmt.Errorf("bad time marker %d", present)
		return time.Time{}
	}
	sec, k := binary.Varint(d.b)
	if k <= 0 {
		d.err = errShort
		return time.Time{}
	}
	d.b = d.b[k:]
	nsec, k := binary.Uvarint(d.b)
	if k <= 0 || nsec >= uint64(time.Second) {
		d.err = errShort
		return time.Time{}
	}
	d.b = d.b[k:]
	return time.Unix(sec, int64(nsec)).UTC()
}

func (d *decoder) format(want byte) {
	if len(d.b) == 0 {
		d.err = errShort
		return
	}
	if d.b[0] != want {
		d.err = fmt.Errorf("unknown value format %d", d.b[0])
		return
	}
	d.b = d.b[1:]
}

// appendArticle encodes a after b. The URL is the key and is not repeated.
func appendArticle(b []byte, a *Article) []byte {
	b = append(b, articleFormat)
	b = appendString(b, a.Site)
	b = appendString(b, a.CanonicalURL)
	b = appendTime(b, a.FirstSeen)
	b = appendTime(b, a.LastSeen)
	b = appendString(b, a.ETag)
	b = appendString(b, a.LastModified)
	return appendString(b, a.ContentHash)
}

// decodeArticle decodes v, the value stored under key url.
func decodeArticle(url string, v []byte) (Article, error) {
	d := decoder{b: v}
	d.format(articleFormat)
	a := Article{URL: url}
	a.Site = d.string()
	a.CanonicalURL = d.string()
	a.FirstSeen = d.time()
	a.LastSeen = d.time()
	a.ETag = d.string()
	a.LastModified = d.string()
	a.ContentHash = d.string()
	if d.err != nil {
		return Article{}, fmt.Errorf("state: stored article %s is damaged: %w", url, d.err)
	}
	return a, nil
}

// articleSite returns just the site of an encoded article, for cheap filtering.
func articleSite(v []byte) (string, bool) {
	d := decoder{b: v}
	d.format(articleFormat)
	s := d.string()
	return s, d.err == nil
}

func appendRun(b []byte, r *Run) []byte {
	b = append(b, runFormat)
	b = appendString(b, r.ID)
	b = appendString(b, r.Site)
	b = appendString(b, r.Path)
	return appendTime(b, r.Started)
}

func decodeRun(key, v []byte) (Run, error) {
	d := decoder{b: v}
	d.format(runFormat)
	r := Run{}
	r.ID = d.string()
	r.Site = d.string()
	r.Path = d.string()
	r.Started = d.time()
	if d.err != nil {
		return Run{}, fmt.Errorf("state: stored run %q is damaged: %w", key, d.err)
	}
	return r, nil
}

// appendFailure encodes f after b. The URL is the key and is not repeated.
func appendFailure(b []byte, f *Failure) []byte {
	b = append(b, failureFormat)
	b = appendString(b, f.Site)
	b = appendString(b, f.Kind)
	b = binary.AppendUvarint(b, uint64(f.Status))
	b = appendTime(b, f.First)
	b = appendTime(b, f.Last)
	return binary.AppendUvarint(b, uint64(f.Count))
}

// maxFailureField bounds Status and Count as decoded, so that both fit an
// int on any platform and re-encode to the same bytes.
const maxFailureField = math.MaxInt32

// decodeFailure decodes v, the value stored under key url.
func decodeFailure(url string, v []byte) (Failure, error) {
	d := decoder{b: v}
	d.format(failureFormat)
	f := Failure{URL: url}
	f.Site = d.string()
	f.Kind = d.string()
	status := d.uint()
	f.First = d.time()
	f.Last = d.time()
	count := d.uint()
	if d.err == nil && (status > maxFailureField || count > maxFailureField) {
		d.err = fmt.Errorf("status %d or count %d out of range", status, count)
	}
	if d.err != nil {
		return Failure{}, fmt.Errorf("state: stored failure of %s is damaged: %w", url, d.err)
	}
	f.Status, f.Count = int(status), int(count)
	return f, nil
}
