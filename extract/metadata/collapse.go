package metadata

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// collapse trims s and turns every run of white space into one space.
// Invalid UTF-8 becomes U+FFFD. Text already in that form is returned
// as is, without a copy.
func collapse(s string) string {
	if isCollapsed(s, utf8.DecodeRuneInString) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	writeCollapsed(&b, s, utf8.DecodeRuneInString)
	return b.String()
}

// collapseBytes is collapse of a byte buffer the caller reuses: the one
// copy it makes is the result.
func collapseBytes(s []byte) string {
	if isCollapsed(s, utf8.DecodeRune) {
		return string(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	writeCollapsed(&b, s, utf8.DecodeRune)
	return b.String()
}

// writeCollapsed writes collapse(s) to b, which must be empty; decode is
// the utf8 decoder for s's type.
func writeCollapsed[T string | []byte](b *strings.Builder, s T, decode func(T) (rune, int)) {
	space := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = decode(s[i:])
		}
		i += size
		if isCollapsedSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
}

// isCollapsed reports whether collapse would return s unchanged: valid
// UTF-8 whose only white space is single ' ' between other characters.
func isCollapsed[T string | []byte](s T, decode func(T) (rune, int)) bool {
	prevSpace := true // a leading space is trimmed
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = decode(s[i:])
			if r == utf8.RuneError && size == 1 {
				return false
			}
		}
		i += size
		if isCollapsedSpace(r) {
			if r != ' ' || prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	return !prevSpace || len(s) == 0
}

// isCollapsedSpace reports whether collapse treats r as white space.
func isCollapsedSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || ('\t' <= r && r <= '\r')
	}
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}
