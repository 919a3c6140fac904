package metadata

import (
	"unicode"
	"unicode/utf8"
)

// collapseStackLen is the longest collapsed text built in a stack buffer
// before its one copy; longer text grows a heap buffer.
const collapseStackLen = 512

// collapse trims s and turns every run of white space into one space.
// Invalid UTF-8 becomes U+FFFD. Text already in that form is returned
// as is, without a copy.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	var buf [collapseStackLen]byte
	return string(appendCollapsed(buf[:0], s, utf8.DecodeRuneInString))
}

// appendCollapsed appends collapse(s) to dst, which must be empty; decode
// is the utf8 decoder for s's type.
func appendCollapsed[T string | []byte](dst []byte, s T, decode func(T) (rune, int)) []byte {
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if isASCIISpace(c) {
				space = len(dst) > 0
				continue
			}
			if space {
				dst = append(dst, ' ')
				space = false
			}
			dst = append(dst, c)
			continue
		}
		r, size := decode(s[i:])
		i += size
		if isWideSpace(r) {
			space = len(dst) > 0
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// isCollapsed reports whether collapse would return s unchanged: valid
// UTF-8 whose only white space is single ' ' between other characters.
func isCollapsed(s string) bool {
	prevSpace := true // a leading space is trimmed
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if isASCIISpace(c) {
				if c != ' ' || prevSpace {
					return false
				}
				prevSpace = true
				continue
			}
			prevSpace = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || isWideSpace(r) {
			return false
		}
		i += size
		prevSpace = false
	}
	return !prevSpace || len(s) == 0
}

// isASCIISpace reports whether the ASCII byte c is white space to
// unicode.IsSpace: tab, newline, vertical tab, form feed, return, space.
func isASCIISpace(c byte) bool {
	return c == ' ' || c-'\t' <= '\r'-'\t'
}

// isWideSpace reports whether the non-ASCII rune r is white space to
// collapse: Unicode white space, and the no-break, zero-width and BOM
// characters pages use as such.
func isWideSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}
