package markdown

import "strings"

// Text renders plain text as Markdown: each non-blank line a paragraph,
// white space collapsed, escaped so it reads back as the same text. It
// is for an article whose text has no markup to render (a JSON-LD
// articleBody); the result is empty when s holds no text.
func Text(s string) string {
	var l blockList
	for _, ln := range strings.Split(s, "\n") {
		l.para.text(ln)
		l.flush()
	}
	return l.join()
}
