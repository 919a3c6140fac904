package output

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-news/lede/extract"
)

const (
	// tempPrefix starts the name of every temp file MarkdownDir writes, so
	// CleanTemp can find what a killed writer left and nothing else.
	tempPrefix = ".lede-tmp-"
	// slugMaxBytes keeps file names well under the 255-byte limit of
	// common file systems, with room for the hash and extension.
	slugMaxBytes = 80
	// hashHexLen is the URL hash in a file name: 48 bits, so two URLs of
	// one site and month collide with odds near 1e-7 even at 10,000
	// articles with the same slug.
	hashHexLen = 12
	// noSite names the directory of records with neither a site nor a URL
	// host (`lede extract` on local files).
	noSite = "_local"
	// undatedDir holds articles without a published date, in place of
	// <YYYY>/<MM>: it cannot collide with a year directory.
	undatedDir = "undated"
)

// MarkdownDir writes each record as a Markdown file with YAML front
// matter under a root directory: root/<site>/<YYYY>/<MM>/<slug>-<hash>.md
// for an article with a published date, root/<site>/undated/<slug>-<hash>.md
// for one without. Writes are atomic (temp file
// in the same directory, fsync, rename), so a reader never sees half a
// file; re-writing a record replaces its file. It is safe for concurrent use.
type MarkdownDir struct {
	root string
}

// NewMarkdownDir returns a writer into root, which is created on the
// first Write.
func NewMarkdownDir(root string) *MarkdownDir { return &MarkdownDir{root: root} }

// PathFor is the file r is written to. It depends only on the article's
// identity and published date, never on when it was fetched, so fetching
// an article again (a killed run's next start, another day) rewrites the
// same file. The site is r.Site, else the host of the URL or canonical
// URL, else "_local"; the directory below it is the year and month of the
// published date as printed, or "undated" when there is none (neither
// FetchedAt nor the modified date, which changes with each edit, would
// stay put); the name is a slug of the URL path (else of the canonical URL
// or the source) plus a short hash of the record's identity: its URL, else
// its source, so two URLs, or two input files declaring one canonical URL,
// never share a file.
func (m *MarkdownDir) PathFor(r *Record) string {
	a := r.Article
	if a == nil {
		a = &extract.Article{}
	}
	key := firstNonEmpty(a.URL, a.Source, a.CanonicalURL, a.ContentHash)
	site := sanitize(r.Site)
	if site == "" {
		site = sanitize(hostOf(firstNonEmpty(a.URL, a.CanonicalURL)))
	}
	if site == "" {
		site = noSite
	}
	sum := sha256.Sum256([]byte(key))
	name := slugOf(firstNonEmpty(a.URL, a.CanonicalURL, a.Source))
	if name != "" {
		name += "-"
	}
	name += hex.EncodeToString(sum[:])[:hashHexLen] + ".md"
	if a.Published.IsZero() {
		return filepath.Join(m.root, site, undatedDir, name)
	}
	when := a.Published.Time
	return filepath.Join(m.root, site, fmt.Sprintf("%04d", when.Year()), fmt.Sprintf("%02d", int(when.Month())), name)
}

// Write writes r to PathFor(r) atomically.
func (m *MarkdownDir) Write(r *Record) error {
	if r == nil {
		return fmt.Errorf("writing Markdown: nil record")
	}
	doc, err := r.MarshalMarkdown()
	if err != nil {
		return err
	}
	dst := m.PathFor(r)
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	tmp, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	tmpName := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmpName)
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	if _, err := tmp.Write(doc); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmpName, dst); err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	return nil
}

// Close does nothing: every Write is complete on its own.
func (m *MarkdownDir) Close() error { return nil }

// CleanTemp removes the temp files a killed Markdown writer left under
// root. A missing root is not an error.
func CleanTemp(root string) error {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasPrefix(d.Name(), tempPrefix) {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("cleaning temp files under %s: %w", root, err)
	}
	return nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// slugOf makes a file-name slug from a URL's last path segment (without
// extension) and query, or from a file path's base name.
func slugOf(key string) string {
	p, query := key, ""
	if u, err := url.Parse(key); err == nil && u.Scheme != "" {
		p, query = u.Path, u.RawQuery
		if q, err := url.QueryUnescape(query); err == nil {
			query = q
		}
	}
	p = strings.TrimRight(filepath.ToSlash(p), "/")
	base := path.Base(p)
	if base == "." || base == "/" {
		base = ""
	}
	if ext := path.Ext(base); ext != "" && len(ext) <= 5 {
		base = strings.TrimSuffix(base, ext)
	}
	if query != "" {
		base += "-" + query
	}
	return sanitize(base)
}

// sanitize lower-cases s and keeps letters and digits, joining runs of
// anything else with one '-', capped at slugMaxBytes.
func sanitize(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' && b.Len() > 0 {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if b.Len()+utf8.RuneLen(r) > slugMaxBytes {
				break
			}
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return strings.Trim(b.String(), ".-")
}
