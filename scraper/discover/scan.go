package discover

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// handler receives the elements of a document from scan.
type handler interface {
	// start is called for each start element; path holds the local names
	// of the open elements, root first, ending with se's. Returning
	// capture=true collects the element's text (including descendants')
	// for end. An error stops the scan.
	start(path []string, se xml.StartElement) (capture bool, err error)
	// end is called for each end element with the same path as its start
	// and the collected text (empty if not captured), valid only during
	// the call.
	end(path []string, text []byte)
}

// errNoRoot is returned for a body with no element at all.
var errNoRoot = errors.New("not XML: no element found")

// scan streams d's tokens to h: memory stays bounded by the depth of the
// document and the captured text, not its size.
//
// It reads raw tokens (no namespace translation, which costs allocations
// and which the handlers do not need: they match local names, and compare
// prefixes) and balances tags itself, as browsers and feed readers do: an
// end tag closes the open elements up to its match, and a stray one is
// ignored. A document that ends with elements open is an error.
func scan(d *xml.Decoder, h handler) error {
	var (
		path      []string
		text      bytes.Buffer // reused: one buffer for every capture
		capturing int          // len(path) of the captured element, 0 if none
		seenRoot  bool
	)
	closeTop := func() {
		var s []byte
		if capturing == len(path) {
			s = text.Bytes()
			capturing = 0
		}
		h.end(path, s)
		path = path[:len(path)-1]
	}
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			switch {
			case !seenRoot:
				return errNoRoot
			case len(path) > 0:
				return fmt.Errorf("document ends inside <%s> (truncated?)", path[len(path)-1])
			}
			return nil
		}
		if err != nil {
			if !seenRoot {
				return fmt.Errorf("not XML: %w", err)
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if seenRoot && len(path) == 0 {
				continue // a second root: ignore it and its content
			}
			seenRoot = true
			path = append(path, t.Name.Local)
			capture, err := h.start(path, t)
			if err != nil {
				return err
			}
			if capture && capturing == 0 {
				capturing = len(path)
				text.Reset()
			}
			if t.Name.Space == "" && htmlVoid[t.Name.Local] {
				closeTop() // <br> has no end tag; a later </br> is stray
			}
		case xml.EndElement:
			open := openIndex(path, t.Name.Local)
			if open < 0 {
				continue // stray end tag
			}
			for len(path) > open {
				closeTop()
			}
		case xml.CharData:
			if capturing > 0 {
				text.Write(t)
			}
		}
	}
}

// htmlVoid holds the HTML elements that never have content, which appear
// unescaped in sloppy feeds ("<description>a<br>b</description>") and would
// otherwise stay open and hide the item's later fields. "link" and
// "source" are left out: they are feed elements with content. Read-only.
var htmlVoid = map[string]bool{
	"br": true, "hr": true, "img": true, "input": true, "meta": true,
	"wbr": true, "area": true, "col": true, "param": true, "embed": true,
}

// openIndex returns the index in path of the innermost open element named
// local, or -1.
func openIndex(path []string, local string) int {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == local {
			return i
		}
	}
	return -1
}

// cleanURL trims white space around a URL taken from a document, removes
// tabs, and removes each run of white space that holds a line break: a long
// URL wrapped and indented by a pretty-printer. Other spaces inside are
// kept for the URL normalizer to encode.
func cleanURL(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if !isSpace(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if run := s[i:j]; !strings.ContainsAny(run, "\n\r") {
			b.WriteString(strings.ReplaceAll(run, "\t", ""))
		}
		i = j
	}
	return b.String()
}

// isSpace reports XML white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// cleanTitle collapses runs of white space in a title to single spaces.
func cleanTitle(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < ' ' || (c == ' ' && s[i+1] == ' ') {
			return strings.Join(strings.Fields(s), " ") // the rare slow path
		}
	}
	return s
}
