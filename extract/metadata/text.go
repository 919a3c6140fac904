package metadata

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skippedTags never hold visible text.
var skippedTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Head: true, atom.Select: true, atom.Option: true, atom.Textarea: true, atom.Button: true,
	atom.Iframe: true, atom.Object: true,
}

// inlineTags continue the line of their parent; every other element
// starts a line of its own.
var inlineTags = map[atom.Atom]bool{
	atom.A: true, atom.Span: true, atom.Strong: true, atom.B: true, atom.Em: true, atom.I: true,
	atom.U: true, atom.Small: true, atom.Time: true, atom.Abbr: true, atom.Font: true,
	atom.Cite: true, atom.Label: true, atom.Sup: true, atom.Sub: true, atom.Mark: true, atom.Img: true,
	atom.Bdi: true, atom.Bdo: true, atom.Q: true, atom.S: true, atom.Code: true, atom.Data: true,
}

// textOf returns n's text with white space collapsed, stopping once it
// passes max bytes (so a test on a short element never reads a long one);
// the second result is false when it stopped early.
func textOf(n *html.Node, max int) (string, bool) {
	var b strings.Builder
	complete := true
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && complete; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
				if b.Len() > max {
					complete = false
				}
			case html.ElementNode:
				if skippedTags[c.DataAtom] {
					continue
				}
				if c.DataAtom == atom.Br || !inlineTags[c.DataAtom] {
					b.WriteByte(' ')
				}
				walk(c)
			}
		}
	}
	if n != nil {
		walk(n)
	}
	return collapse(b.String()), complete
}

// collapse trims s and turns every run of white space into one space.
// Invalid UTF-8 becomes U+FFFD. Text already in that form is returned
// as is, without a copy.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
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
	return b.String()
}

// isCollapsed reports whether collapse would return s unchanged: valid
// UTF-8 whose only white space is single ' ' between other characters.
func isCollapsed(s string) bool {
	prevSpace := true // a leading space is trimmed
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
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
	return !prevSpace || s == ""
}

// isCollapsedSpace reports whether collapse treats r as white space.
func isCollapsedSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || ('\t' <= r && r <= '\r')
	}
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

// fold lower-cases s and keeps only letters and digits, to compare texts
// that differ in punctuation and spacing.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// wordCount counts runs of letters and digits; a run of CJK characters
// counts one word per character, since those scripts do not space words.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			n++
			in = false
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if !in {
				n++
			}
			in = true
		default:
			in = false
		}
	}
	return n
}

// hintsOf is n's lower-cased class and id, for matching name hints.
func hintsOf(n *html.Node) string {
	c, id := attrOf(n, "class"), attrOf(n, "id")
	if c == "" && id == "" {
		return ""
	}
	return strings.ToLower(c + " " + id)
}

// overlap is the share of a's words that also occur in b, after folding.
func overlap(a, b string) float64 {
	aw, bw := strings.FieldsFunc(strings.ToLower(a), notWord), strings.FieldsFunc(strings.ToLower(b), notWord)
	if len(aw) == 0 {
		return 0
	}
	in := make(map[string]bool, len(bw))
	for _, w := range bw {
		in[w] = true
	}
	hit := 0
	for _, w := range aw {
		if in[w] {
			hit++
		}
	}
	return float64(hit) / float64(len(aw))
}

func notWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }
