package metadata

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// foldSet is a set of literals kept in case-folded form. Whether a text
// holds one of them, in any case, is one fold of the text and a substring
// search per literal: the answer of a (?i) regexp alternation of the
// literals, without the regexp's backtracking at every byte.
type foldSet [][]byte

// newFoldSet folds lits once, at start-up.
func newFoldSet(lits ...string) foldSet {
	f := make(foldSet, len(lits))
	for i, l := range lits {
		f[i] = appendFold(nil, l)
	}
	return f
}

// inFolded reports whether folded, a text passed through appendFold,
// holds one of the literals.
func (f foldSet) inFolded(folded []byte) bool {
	for _, l := range f {
		if bytes.Contains(folded, l) {
			return true
		}
	}
	return false
}

// appendFold appends s to dst with every rune replaced by one fixed
// member of its case-folding orbit (the one a (?i) regexp treats as
// equal), and each byte of invalid UTF-8 by U+FFFD, as the regexp reads it.
func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, foldRune(r))
		i += size
	}
	return dst
}

// foldRune is the fixed member of r's case-folding orbit: the lower-case
// ASCII letter when the orbit holds one (K, the Kelvin sign, is k), else
// the smallest rune of the orbit.
func foldRune(r rune) rune {
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < m {
			m = f
		}
	}
	if 'A' <= m && m <= 'Z' {
		m += 'a' - 'A'
	}
	return m
}
