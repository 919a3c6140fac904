package metadata

import (
	"strings"
	"unicode"

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
