package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/lede-news/lede/extract"
	"github.com/lede-news/lede/scraper"
)

// readInput reads one input: a URL is fetched, "-" is stdin, anything
// else a file. Errors describe the problem; the caller names the input.
func readInput(ctx context.Context, client *http.Client, stdin io.Reader, in string, timeout time.Duration) (extract.Page, error) {
	if u, err := url.Parse(in); err == nil && isHTTP(u) {
		return fetchPage(ctx, client, in, u, timeout)
	}
	page := extract.Page{Source: in}
	var (
		body []byte
		err  error
	)
	if in == stdinInput {
		body, err = readCapped(stdin)
	} else {
		body, err = readFile(in)
	}
	if err != nil {
		return page, err
	}
	page.Body = body
	return page, nil
}

func isHTTP(u *url.URL) bool { return u.Scheme == "http" || u.Scheme == "https" }

// readFile reads a file, refusing one over the size cap before reading it.
func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, bareFSError(err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, errors.New("is a directory")
		}
		if st.Size() > extract.DefaultMaxBytes {
			return nil, tooLarge(st.Size())
		}
	}
	body, err := readCapped(f)
	return body, bareFSError(err)
}

// readCapped reads r whole, failing when it holds more than the cap.
func readCapped(r io.Reader) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, extract.DefaultMaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading: %w", err)
	}
	if len(body) > extract.DefaultMaxBytes {
		return nil, tooLarge(-1)
	}
	return body, nil
}

func tooLarge(size int64) error {
	if size < 0 {
		return fmt.Errorf("%w: more than %d bytes", extract.ErrTooLarge, extract.DefaultMaxBytes)
	}
	return fmt.Errorf("%w: %d bytes, limit %d", extract.ErrTooLarge, size, extract.DefaultMaxBytes)
}

// bareFSError drops the path a *fs.PathError repeats: the caller names
// the input already.
func bareFSError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fetchPage GETs u within the timeout and the size cap.
func fetchPage(ctx context.Context, client *http.Client, in string, u *url.URL, timeout time.Duration) (extract.Page, error) {
	page := extract.Page{Source: in, URL: u.String()}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return page, err
	}
	req.Header.Set("User-Agent", scraper.DefaultUserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
	page.FetchedAt = time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return page, fetchError(err, timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return page, fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.ContentLength > extract.DefaultMaxBytes {
		return page, tooLarge(resp.ContentLength)
	}
	body, err := readCapped(resp.Body)
	if errors.Is(err, extract.ErrTooLarge) {
		return page, err
	} else if err != nil {
		return page, fetchError(err, timeout)
	}
	page.URL = resp.Request.URL.String() // after redirects
	page.ContentType = resp.Header.Get("Content-Type")
	page.Body = body
	return page, nil
}

// fetchError says what went wrong without repeating the URL the caller
// names: a timeout (while connecting or reading the body) as such, else
// the transport's own words.
func fetchError(err error, timeout time.Duration) error {
	var te interface{ Timeout() bool }
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &te) && te.Timeout() {
		return fmt.Errorf("fetching: timed out after %v", timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("fetching: %w", err)
}
