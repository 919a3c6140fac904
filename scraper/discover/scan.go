package discover

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// handler receives the elements of a document from scan.
type handler interface {
	// start is called for each start element; path holds the local names
	// of the open elements, root first, ending with se's. Returning
	// capture=true collects the element's text (including descendants')
	// for end. An error stops the scan.
	start(path []string, se *xml.StartElement) (capture bool, err error)
	// end is called for each end element with the same path as its start
	// and the collected text ("" if not captured).
	end(path []string, text string)
}

// errNoRoot is returned for a body with no element at all.
var errNoRoot = errors.New("no XML element found")

// scan streams d's tokens to h: memory stays bounded by the depth of the
// document and the captured text, not its size.
func scan(d *xml.Decoder, h handler) error {
	var (
		path      []string
		text      strings.Builder
		capturing int // len(path) of the captured element, 0 if none
		seenRoot  bool
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if !seenRoot {
				return errNoRoot
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
			seenRoot = true
			path = append(path, t.Name.Local)
			capture, err := h.start(path, &t)
			if err != nil {
				return err
			}
			if capture && capturing == 0 {
				capturing = len(path)
				text.Reset()
			}
		case xml.EndElement:
			if len(path) == 0 { // cannot happen: the decoder balances tags
				continue
			}
			s := ""
			if capturing == len(path) {
				s = text.String()
				capturing = 0
			}
			h.end(path, s)
			path = path[:len(path)-1]
		case xml.CharData:
			if capturing > 0 {
				text.Write(t)
			}
		}
	}
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
	return strings.Join(strings.Fields(s), " ")
}
