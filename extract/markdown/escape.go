package markdown

import (
	"strings"
)

// escapeText writes a run of text (no white space) with a backslash before
// each character Markdown could read as markup anywhere in a line. Marks
// that matter only at a line's start are escaped by paragraph.
func escapeText(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '[', ']', '<', '>', '~':
			b.WriteByte('\\')
		case '_':
			// An underscore inside a word (snake_case) is never emphasis.
			if i == 0 || i == len(s)-1 || !isWordByte(s[i-1]) || !isWordByte(s[i+1]) {
				b.WriteByte('\\')
			}
		case '&':
			// "&amp;" as text must not turn into "&" when read back.
			if looksLikeEntity(s[i+1:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
}

// escapeAlt writes an image's alt text, escaping what would end it early.
func escapeAlt(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\\' || c == '[' || c == ']' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
}

// writeDestination writes a link destination: spaces and angle brackets
// percent-encoded, parentheses and backslashes escaped.
func writeDestination(b *strings.Builder, u string) {
	for i := 0; i < len(u); i++ {
		switch c := u[i]; c {
		case ' ':
			b.WriteString("%20")
		case '<':
			b.WriteString("%3C")
		case '>':
			b.WriteString("%3E")
		case '(', ')', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			if c < 0x20 || c == 0x7f {
				continue
			}
			b.WriteByte(c)
		}
	}
}

// looksLikeEntity reports whether s (what follows an '&') starts like a
// character reference: a name or #number and a ';'.
func looksLikeEntity(s string) bool {
	i := 0
	if i < len(s) && s[i] == '#' {
		i++
	}
	start := i
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	return i > start && i < len(s) && s[i] == ';'
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// paragraph turns inline Markdown, whose lines were split by <br>, into a
// paragraph: lines trimmed, one <br> a hard break (a trailing backslash),
// two or more a paragraph break, and each line's start escaped.
func paragraph(s string) string {
	var b strings.Builder
	blank := false
	for _, ln := range strings.Split(s, "\n") {
		ln = strings.Trim(ln, " ")
		if ln == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\\\n")
			}
		}
		blank = false
		escapeLineStart(&b, ln)
	}
	return b.String()
}

// escapeLineStart writes ln, escaping a start that Markdown would read as
// a heading, quote, list item, setext underline or thematic break.
func escapeLineStart(b *strings.Builder, ln string) {
	switch c := ln[0]; {
	case c == '#':
		n := 0
		for n < len(ln) && ln[n] == '#' {
			n++
		}
		if n <= 6 && (n == len(ln) || ln[n] == ' ') {
			b.WriteByte('\\')
		}
	case c == '>':
		// escapeText already wrote "\>".
	case c == '-' || c == '+' || c == '=':
		if len(ln) == 1 || ln[1] == ' ' || strings.Trim(ln, "-= ") == "" {
			b.WriteByte('\\')
		}
	case '0' <= c && c <= '9':
		n := 0
		for n < len(ln) && '0' <= ln[n] && ln[n] <= '9' {
			n++
		}
		// "1986. It was" would start an ordered list: "1986\. It was".
		if n <= 9 && n < len(ln) && (ln[n] == '.' || ln[n] == ')') && (n+1 == len(ln) || ln[n+1] == ' ') {
			b.WriteString(ln[:n])
			b.WriteByte('\\')
			b.WriteString(ln[n:])
			return
		}
	}
	b.WriteString(ln)
}
