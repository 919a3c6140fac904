package main

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	readeck "codeberg.org/readeck/go-readability/v2"
	shiori "github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/lede-news/lede/extract"
)

// extractor turns one page's raw bytes into its body text. Every
// extractor starts from the bytes, so parsing is part of what is timed.
type extractor struct {
	name string
	run  func(body []byte, u *url.URL) (string, error)
}

// extractors lists the contenders, lede first.
func extractors() []extractor {
	return []extractor{
		{"lede", func(body []byte, u *url.URL) (string, error) {
			var e extract.Extractor
			a, err := e.Extract(extract.Page{URL: urlString(u), Body: body})
			if err != nil {
				return "", err
			}
			return a.Body, nil
		}},
		// go-trafilatura as its own comparison harness
		// (scripts/comparison/content.go) runs it: balanced focus, no
		// comments, tables kept; with and without the fallback extractors.
		{"go-trafilatura", trafilaturaRunner(false)},
		{"go-trafilatura+fallback", trafilaturaRunner(true)},
		{"go-readability", func(body []byte, u *url.URL) (string, error) {
			a, err := shiori.FromReader(bytes.NewReader(body), u)
			if err != nil {
				return "", err
			}
			return a.TextContent, nil
		}},
		{"readeck-readability", func(body []byte, u *url.URL) (string, error) {
			p := readeck.NewParser()
			a, err := p.Parse(bytes.NewReader(body), u)
			if err != nil {
				return "", err
			}
			if a.Node == nil {
				return "", nil
			}
			var sb strings.Builder
			if err := a.RenderText(&sb); err != nil {
				return "", fmt.Errorf("rendering text: %w", err)
			}
			return sb.String(), nil
		}},
	}
}

func trafilaturaRunner(fallback bool) func([]byte, *url.URL) (string, error) {
	return func(body []byte, u *url.URL) (string, error) {
		r, err := trafilatura.Extract(bytes.NewReader(body), trafilatura.Options{
			OriginalURL:     u,
			EnableFallback:  fallback,
			ExcludeComments: true,
			ExcludeTables:   false,
			Focus:           trafilatura.Balanced,
		})
		if err != nil {
			return "", err
		}
		return r.ContentText, nil
	}
}

func extractorNames() []string {
	var names []string
	for _, e := range extractors() {
		names = append(names, e.name)
	}
	return names
}

func urlString(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.String()
}
