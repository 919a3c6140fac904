package extract

import "bytes"

// Half the bytes of a typical news page are the contents of <script> and
// <style> elements, which the HTML tokenizer reads one byte at a time and
// copies into text nodes that no stage uses. emptyRawText removes those
// contents before parsing, with a scan that follows the tokenizer's rules
// for tags, quoted attribute values, comments and raw-text elements, so
// the parsed tree is the same but for the emptied elements.

// rawTextEnds are the elements whose content the tokenizer reads as raw
// text up to their end tag: a "<script" inside them is not a tag.
var rawTextEnds = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "noscript": true,
}

// maxTagName bounds the tag names looked up in rawTextEnds ("plaintext"
// is the longest); longer names are never raw-text elements.
const maxTagName = 9

// emptyRawText returns text with the contents of its <style> elements and
// of its <script> elements removed, keeping their tags. Kept are scripts
// whose type mentions JSON (JSON-LD and other data blocks, which metadata
// reads) and scripts holding "<!--", where the tokenizer's escaped states
// could end the element elsewhere than the first "</script". Without
// anything to remove, text itself is returned.
func emptyRawText(text []byte) []byte {
	var out []byte
	copied, i := 0, 0
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
				return finish(out, text, copied)
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
				return finish(out, text, copied)
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
			return finish(out, text, copied)
		}
		if !rawTextEnds[string(lname)] {
			continue
		}
		name := string(lname)
		k := indexEndTag(text[i:], name)
		if k < 0 {
			// The element runs to the end of the page: leave it.
			return finish(out, text, copied)
		}
		body := text[i : i+k]
		if len(body) > 0 && (name == "style" || (name == "script" && !keepScript(rest[:end], body))) {
			if out == nil {
				out = make([]byte, 0, len(text))
			}
			out = append(out, text[copied:i]...)
			copied = i + k
		}
		i += k
	}
	return finish(out, text, copied)
}

// finish appends what is left of text to out, or returns text unchanged
// when nothing was removed.
func finish(out, text []byte, copied int) []byte {
	if out == nil {
		return text
	}
	return append(out, text[copied:]...)
}

// keepScript reports whether a script's content must stay: data blocks
// (a type naming JSON) and contents the tokenizer may read in its escaped
// states.
func keepScript(tag, body []byte) bool {
	return bytes.Contains(bytes.ToLower(tag), []byte("json")) || bytes.Contains(body, []byte("<!--"))
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
