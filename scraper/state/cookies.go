package state

import (
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"time"

	"github.com/gocolly/colly/v2/storage"
	bolt "go.etcd.io/bbolt"
)

// The cookies bucket holds, per host name (lower case, no port), the cookies
// received from that host as Set-Cookie lines joined by "\n" (colly's
// StringifyCookies form), with Path always explicit and Max-Age turned into an
// absolute Expires so that they mean the same when loaded on a later day.

// loadCookies puts every persisted cookie into jar.
func (s *Store) loadCookies(jar *cookiejar.Jar) error {
	return s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCookies).ForEach(func(k, v []byte) error {
			u := &url.URL{Scheme: "https", Host: string(k), Path: "/"}
			jar.SetCookies(u, storage.UnstringifyCookies(string(v)))
			return nil
		})
	})
}

// saveCookies merges cookies received from u into u's host record.
func (s *Store) saveCookies(u *url.URL, cookies []*http.Cookie) error {
	host := strings.ToLower(u.Hostname())
	if host == "" || len(cookies) == 0 {
		return nil
	}
	key := []byte(host)
	var old string
	if err := s.db.View(func(tx *bolt.Tx) error {
		old = string(tx.Bucket(bucketCookies).Get(key))
		return nil
	}); err != nil {
		return fmt.Errorf("read cookies of %s: %w", host, err)
	}
	now := time.Now()
	if mergeCookies(old, cookies, u, now) == old {
		return nil // the usual case: colly echoes back what it was given
	}
	// Merge again inside the write, against what is stored by then.
	err := s.write(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCookies)
		cur := string(b.Get(key))
		merged := mergeCookies(cur, cookies, u, now)
		switch {
		case merged == cur:
			return nil
		case merged == "":
			return b.Delete(key)
		}
		return b.Put(key, []byte(merged))
	})
	if err != nil {
		return fmt.Errorf("write cookies of %s: %w", host, err)
	}
	return nil
}

// isBare reports whether c carries only a name and value. colly's jar adapter
// passes back the cookies it was given (name=value only) merged with the new
// ones; a bare cookie that matches a persisted one is such an echo.
func isBare(c *http.Cookie) bool {
	return c.Path == "" && c.Domain == "" && c.Expires.IsZero() && c.MaxAge == 0 &&
		!c.Secure && !c.HttpOnly && c.SameSite == 0 && !c.Partitioned
}

func cookieDomain(c *http.Cookie) string {
	return strings.ToLower(strings.TrimPrefix(c.Domain, "."))
}

// sameCookie reports whether a and b are the same cookie for a jar: same name,
// domain and path.
func sameCookie(a, b *http.Cookie) bool {
	return a.Name == b.Name && cookieDomain(a) == cookieDomain(b) && a.Path == b.Path
}

// mergeCookies returns the persisted record old updated with cookies received
// from u at now: replaced by name, domain and path, removed when expired or
// deleted (Max-Age<0), echoes ignored.
func mergeCookies(old string, cookies []*http.Cookie, u *url.URL, now time.Time) string {
	var kept []*http.Cookie
	if old != "" {
		for _, c := range storage.UnstringifyCookies(old) {
			if !c.Expires.IsZero() && !c.Expires.After(now) {
				continue
			}
			kept = append(kept, c)
		}
	}
	defPath := defaultPath(u.Path)
next:
	for _, in := range cookies {
		if in.Name == "" {
			continue
		}
		if isBare(in) {
			for _, k := range kept {
				if k.Name == in.Name && k.Value == in.Value {
					continue next
				}
			}
		}
		c := *in
		c.Raw, c.RawExpires, c.Unparsed = "", "", nil
		if c.Path == "" || c.Path[0] != '/' {
			c.Path = defPath
		}
		remove := c.MaxAge < 0 || (!c.Expires.IsZero() && !c.Expires.After(now))
		if c.MaxAge > 0 {
			c.Expires = now.Add(time.Duration(c.MaxAge) * time.Second).UTC()
			c.MaxAge = 0
		}
		out := kept[:0]
		for _, k := range kept {
			if !sameCookie(k, &c) {
				out = append(out, k)
			}
		}
		kept = out
		if !remove {
			kept = append(kept, &c)
		}
	}
	return storage.StringifyCookies(kept)
}

// defaultPath is RFC 6265 section 5.1.4's default-path, as net/http/cookiejar
// computes it.
func defaultPath(path string) string {
	if path == "" || path[0] != '/' {
		return "/"
	}
	i := strings.LastIndex(path, "/")
	if i == 0 {
		return "/"
	}
	return path[:i]
}
