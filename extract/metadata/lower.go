package metadata

import (
	"encoding/binary"
	"unicode/utf8"
)

// maxStackLower is the longest attribute value lowered in a stack buffer;
// a longer one (rare: class lists are short) goes through strings.ToLower.
const maxStackLower = 256

// SWAR constants: per-byte masks for eight ASCII bytes in a uint64.
const (
	swarHigh    = 0x8080808080808080 // the top bit of every byte: set by non-ASCII
	swarFromA   = 0x3f3f3f3f3f3f3f3f // 0x80-'A': a byte plus this has its top bit set when >= 'A'
	swarAfterZ  = 0x2525252525252525 // 0x80-'Z'-1: a byte plus this has its top bit set when > 'Z'
	swarCaseBit = 2                  // top bit >> 2 is 0x20, the ASCII case bit
)

// lowerASCII writes s lower-cased to dst[:len(s)], which must be long
// enough, and returns it; ok is false, and dst unspecified, when s is not
// ASCII (strings.ToLower maps some non-ASCII letters to ASCII ones, so the
// caller must use it then). Eight bytes are lowered at a time.
func lowerASCII(dst []byte, s string) (low []byte, ok bool) {
	dst = dst[:len(s)]
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if x&swarHigh != 0 {
			return nil, false
		}
		// Bytes are below 0x80, so the additions carry into no other byte.
		upper := (x + swarFromA) &^ (x + swarAfterZ) & swarHigh
		binary.LittleEndian.PutUint64(dst[i:], x|upper>>swarCaseBit)
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
	return dst, true
}
