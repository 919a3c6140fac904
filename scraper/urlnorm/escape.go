package urlnorm

import "strings"

const upperHex = "0123456789ABCDEF"

// unreserved reports RFC 3986 unreserved characters, which are never
// percent-encoded in normal form.
func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// subDelim reports RFC 3986 sub-delims.
func subDelim(c byte) bool {
	switch c {
	case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=':
		return true
	}
	return false
}

// pathByte reports bytes that may stand unencoded in a path (pchar or '/').
func pathByte(c byte) bool {
	return unreserved(c) || subDelim(c) || c == ':' || c == '@' || c == '/'
}

// queryByte reports bytes that may stand unencoded in a query component.
// '&' never reaches it: the query is split on it first.
func queryByte(c byte) bool {
	return pathByte(c) || c == '?'
}

// unhex returns the value of hex digit c, or -1.
func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// escape returns s with percent-encoding in normal form: %XX of an
// unreserved character decoded, other %XX upper-cased, a '%' not starting a
// valid escape encoded as %25, and bytes that allowed rejects encoded.
// Reserved characters keep whichever form they had, since encoding changes
// their meaning. It returns s itself when nothing changes.
func escape(s string, allowed func(byte) bool) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c == '%' || !allowed(c) {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%':
			if i+2 < len(s) && unhex(s[i+1]) >= 0 && unhex(s[i+2]) >= 0 {
				v := byte(unhex(s[i+1])<<4 | unhex(s[i+2]))
				if unreserved(v) {
					b.WriteByte(v)
				} else {
					b.WriteByte('%')
					b.WriteByte(upperHex[v>>4])
					b.WriteByte(upperHex[v&15])
				}
				i += 2
				continue
			}
			b.WriteString("%25")
		case allowed(c):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
		}
	}
	return b.String()
}
