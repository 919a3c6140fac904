package extract

import (
	"bytes"
	"io"
)

// Half the bytes of a typical news page are the contents of <script> and
// <style> elements, which the HTML tokenizer reads one byte at a time and
// copies into text nodes that no stage uses. emptyRawText removes those
// contents before parsing, with a scan that follows the tokenizer's rules
// for tags, quoted attribute values, comments and raw-text elements, so
// the parsed tree is the same but for the emptied elements.

// isRawTextElement reports the elements whose content the tokenizer reads
// as raw text up to their end tag: a "<script" inside them is not a tag.
// name is lower case.
func isRawTextElement(name []byte) bool {
	switch string(name) {
	case "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript":
		return true
	}
	return false
}

// maxTagName bounds the tag names isRawTextElement is asked about
// ("plaintext" is the longest); longer names are never raw-text elements.
const maxTagName = 9

// span is the byte range [start, end) of a page.
type span struct{ start, end int }

// emptyRawText returns text with the contents of its <style> elements and
// of its <script> elements removed, keeping their tags (the cuts of
// rawTextCuts applied). Without anything to remove, text itself is
// returned.
func emptyRawText(text []byte) []byte {
	cuts := rawTextCuts(text)
	if len(cuts) == 0 {
		return text
	}
	out := make([]byte, 0, len(text))
	prev := 0
	for _, c := range cuts {
		out = append(out, text[prev:c.start]...)
		prev = c.end
	}
	return append(out, text[prev:]...)
}

// rawTextCuts returns, in order, the contents of text's <style> and
// <script> elements. Left out are scripts whose type names JSON-LD (which
// metadata reads) and scripts holding "<!--", where the tokenizer's
// escaped states could end the element elsewhere than the first
// "</script".
func rawTextCuts(text []byte) []span {
	var cuts []span
	i := 0
	for i < len(text) {
		j := bytes.IndexByte(text[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := text[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			i += commentEnd(rest)
			continue
		case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?' || rest[1] == '/'):
			// Bogus comments, doctypes and end tags run to the next '>'.
			k := bytes.IndexByte(rest, '>')
			if k < 0 {
				return cuts
			}
			i += k + 1
			continue
		case len(rest) < 2 || !isASCIILetter(rest[1]):
			i++
			continue
		}
		rawName, end := startTag(rest)
		if end < 0 || len(rawName) > maxTagName {
			if end < 0 {
				return cuts
			}
			i += end
			continue
		}
		i += end
		var buf [maxTagName]byte
		for k, c := range rawName {
			buf[k] = lowerASCII(c)
		}
		lname := buf[:len(rawName)]
		if string(lname) == "plaintext" {
			// Everything after <plaintext> is text: nothing is a tag.
			return cuts
		}
		if !isRawTextElement(lname) {
			continue
		}
		name := string(lname)
		k := indexEndTag(text[i:], name)
		if k < 0 {
			// The element runs to the end of the page: leave it.
			return cuts
		}
		body := text[i : i+k]
		if len(body) > 0 && (name == "style" || (name == "script" && !keepScript(rest[:end], body))) {
			cuts = append(cuts, span{i, i + k})
		}
		i += k
	}
	return cuts
}

// keepScript reports whether a script's content must stay: JSON-LD (a
// type naming ld+json), which metadata reads, and contents the tokenizer
// may read in its escaped states. Other JSON data blocks (application/json
// state dumps, often the largest scripts of a page) are emptied.
func keepScript(tag, body []byte) bool {
	return containsFold(tag, "ld+json") || bytes.Contains(body, []byte("<!--"))
}

// containsFold reports whether s holds the lower-case ASCII word w in any
// case, without allocating.
func containsFold(s []byte, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		j := 0
		for j < len(w) && lowerASCII(s[i+j]) == w[j] {
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

// cutReader reads text without the byte ranges in cuts (sorted, not
// overlapping), so the parser gets an emptied page without a copy of it.
type cutReader struct {
	text []byte
	cuts []span
	pos  int
}

func (r *cutReader) Read(p []byte) (int, error) {
	for len(r.cuts) > 0 && r.pos >= r.cuts[0].start {
		r.pos = max(r.pos, r.cuts[0].end)
		r.cuts = r.cuts[1:]
	}
	if r.pos >= len(r.text) {
		return 0, io.EOF
	}
	end := len(r.text)
	if len(r.cuts) > 0 {
		end = r.cuts[0].start
	}
	n := copy(p, r.text[r.pos:end])
	r.pos += n
	return n, nil
}

// commentEnd returns the length of the comment that starts s ("<!--"),
// by the tokenizer's rules: "<!-->" and "<!--->" are whole comments, and
// an unterminated comment runs to the end.
func commentEnd(s []byte) int {
	switch {
	case bytes.HasPrefix(s, []byte("<!-->")):
		return 5
	case bytes.HasPrefix(s, []byte("<!--->")):
		return 6
	}
	for i := 4; i < len(s); {
		k := bytes.IndexByte(s[i:], '>')
		if k < 0 {
			break
		}
		i += k
		// "-->" and "--!>" both close a comment.
		if bytes.HasSuffix(s[:i], []byte("--")) || bytes.HasSuffix(s[:i], []byte("--!")) {
			return i + 1
		}
		i++
	}
	return len(s)
}

// startTag reads the start tag at the beginning of s ("<" and a letter):
// its name as written, and the length of the tag through its '>', or -1
// when the tag is not closed. Quoted attribute values may hold '>'.
func startTag(s []byte) ([]byte, int) {
	n := 1
	for n < len(s) && !isTagNameEnd(s[n]) {
		n++
	}
	name := s[1:n]
	afterEq := false
	for i := n; i < len(s); i++ {
		switch c := s[i]; c {
		case '>':
			return name, i + 1
		case '=':
			afterEq = true
		case ' ', '\t', '\n', '\f', '\r':
		case '"', '\'':
			if afterEq {
				k := bytes.IndexByte(s[i+1:], c)
				if k < 0 {
					return name, -1
				}
				i += k + 1
			}
			afterEq = false
		default:
			afterEq = false
		}
	}
	return name, -1
}

// indexEndTag returns the index in s of the end tag "</name" (any case,
// followed by whitespace, '/' or '>'), or -1.
func indexEndTag(s []byte, name string) int {
	for i := 0; ; {
		k := bytes.Index(s[i:], []byte("</"))
		if k < 0 {
			return -1
		}
		i += k
		rest := s[i+2:]
		if len(rest) > len(name) && bytes.EqualFold(rest[:len(name)], []byte(name)) && isTagNameEnd(rest[len(name)]) {
			return i
		}
		i += 2
	}
}

func isTagNameEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '/' || c == '>'
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
