package metadata

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The window around the headline where a byline and dateline are looked
// for first: they sit just below the headline (or just above it, as a
// kicker), before the body.
const (
	linesAfterHeadline  = 40
	linesBeforeHeadline = 6
	maxBylineLineBytes  = 160 // a longer line is prose, not a byline
	maxDateLineBytes    = 220 // a longer line is prose; its dates are events, not the dateline
	bodyLineBytes       = 250 // the first line this long starts the body
	hintDepth           = 3   // ancestors whose class or id count as a line's hints
	maxDatesPerLine     = 4   // "입력 ... 수정 ..." prints two; more is a list
	labelReach          = 40  // bytes before a date searched for its label
)

var (
	// A line that opens with "By" and a capitalised word.
	byLineRe = regexp.MustCompile(`^(?:(?i:written\s+by|posted\s+by|words\s+by|by|par|von|por|door)\s+)\p{Lu}`)
	// A Korean byline: a two-to-four syllable name and 기자 (reporter).
	koBylineRe = regexp.MustCompile(`(?:^|[\s(\[/|·])[가-힣]{2,4}\s*(?:선임|수석|인턴|객원|전문)?\s*기자(?:$|[\s)\]/|·,=])`)
	// A name followed by an English role word: "KO YONG-CHUL Reporter".
	roleBylineRe = regexp.MustCompile(`^\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,3},?\s+(?i:(?:staff|senior|chief)\s+)?(?i:reporter|correspondent|writer|journalist|columnist)\b`)

	pubLabelRe = regexp.MustCompile(`(?i)published|posted|created|issued|first\s+published|publiziert|erschienen|publicado|publicada|pubblicato|입력|등록|게재|발행|작성|송고|veröffentlicht|publié|publicado|pubblicato|gepubliceerd|公開|发布|發布|发表|發表|出版`)
	modLabelRe = regexp.MustCompile(`(?i)updated|update|modified|edited|revised|수정|업데이트|갱신|aktualisiert|mis à jour|actualizado|atualizado|aggiornato|bijgewerkt|更新`)

	// The literals of pubLabelRe and modLabelRe together ("first published"
	// is in "published"), to test a line for a label before the regexps run.
	dateLabels = newFoldSet(
		"published", "posted", "created", "issued", "publiziert", "erschienen", "publicado", "publicada",
		"pubblicato", "입력", "등록", "게재", "발행", "작성", "송고", "veröffentlicht", "publié", "gepubliceerd",
		"公開", "发布", "發布", "发表", "發表", "出版",
		"update", "modified", "edited", "revised", "수정", "업데이트", "갱신", "aktualisiert", "mis à jour",
		"actualizado", "atualizado", "aggiornato", "bijgewerkt", "更新",
	)
)

// hasDateLabel reports whether text holds a word of pubLabelRe or
// modLabelRe, in any case.
func hasDateLabel(text string) bool {
	var buf [2 * maxDateLineBytes]byte
	return dateLabels.inFolded(appendFold(buf[:0], text))
}

// dateKind says how a visible date was labelled.
type dateKind int

const (
	unlabelled dateKind = iota
	pubLabelled
	modLabelled
)

// visible reads bylines and datelines from a page's lines.
type visible struct {
	lines    []line
	head     int // index of the headline's line, -1 when not found
	loc      *time.Location
	now      time.Time
	dayFirst bool
}

// headlineLine returns the index of the line that prints headline,
// preferring a heading element, else the first <h1>, else -1.
func headlineLine(lines []line, headline string) int {
	want := fold(headline)
	equal, h1 := -1, -1
	for i, l := range lines {
		heading := l.block.DataAtom == atom.H1 || l.block.DataAtom == atom.H2 || l.block.DataAtom == atom.H3
		if want != "" && len(l.text) < 4*len(headline)+16 && 2*len(l.text) >= len(headline) {
			f := fold(l.text)
			if f == want || (len(want) >= minHeadlinePrefix && heading && (strings.HasPrefix(f, want) || strings.HasPrefix(want, f)) && len(f) >= minHeadlinePrefix) {
				if heading {
					return i
				}
				if equal < 0 {
					equal = i
				}
			}
		}
		if h1 < 0 && l.block.DataAtom == atom.H1 {
			h1 = i
		}
	}
	if equal >= 0 {
		return equal
	}
	return h1
}

// minHeadlinePrefix is the folded length below which a partial headline
// match is chance, not the same title.
const minHeadlinePrefix = 12

// window returns the line indexes near the headline, after it first.
func (v *visible) window() []int {
	if v.head < 0 {
		return nil
	}
	var idx []int
	for i := v.head + 1; i < len(v.lines) && i <= v.head+linesAfterHeadline; i++ {
		idx = append(idx, i)
	}
	for i := v.head - 1; i >= 0 && i >= v.head-linesBeforeHeadline; i-- {
		idx = append(idx, i)
	}
	return idx
}

// bylineNear returns the first plausible byline near the headline,
// cleaned.
func (v *visible) bylineNear() string {
	for _, i := range v.window() {
		if b := v.bylineAt(i); b != "" {
			return b
		}
	}
	return ""
}

// bylineAnywhere returns the first plausible byline on the page, cleaned.
func (v *visible) bylineAnywhere() string {
	for i := range v.lines {
		if b := v.bylineAt(i); b != "" {
			return b
		}
	}
	return ""
}

// bylineAt returns line i's byline, if it is one: a line marked as one
// by its class or id, or printed like one ("By ...", "... 기자",
// "... Reporter").
func (v *visible) bylineAt(i int) string {
	l := v.lines[i]
	if len(l.text) > maxBylineLineBytes {
		return ""
	}
	hinted := hintMatch(bylineHints, l.elem, hintDepth)
	if !hinted && !printedByline(l.text) {
		return ""
	}
	if inFigure(l.elem) || creditRe.MatchString(l.text) {
		return ""
	}
	if hinted && l.elem != l.block && hintMatch(bylineHints, l.elem, 0) {
		// The hint is on an inline element: its own text is the byline.
		if t, ok := textOf(l.elem, maxBylineLineBytes); ok {
			if c := cleanByline(t); looksLikeNames(c) {
				return c
			}
		}
	}
	if c := cleanByline(l.text); looksLikeNames(c) {
		return c
	}
	return ""
}

// printedByline reports whether text is printed like a byline: "By ...",
// "... 기자", "NAME Reporter". Each regexp runs only on text that can
// match it: the anchored ones need a first byte they can start with.
func printedByline(text string) bool {
	if text == "" {
		return false
	}
	c := text[0]
	if strings.IndexByte("wWpPbBvVdD", c) >= 0 && byLineRe.MatchString(text) {
		return true
	}
	if koByline(text) {
		return true
	}
	// \p{Lu} starts roleBylineRe: an ASCII capital or a non-ASCII letter.
	return ('A' <= c && c <= 'Z' || c >= utf8.RuneSelf) && roleBylineRe.MatchString(text)
}

// koByline reports whether text prints a Korean byline; the regexp runs
// only on text that holds its literal 기자.
func koByline(text string) bool {
	return strings.Contains(text, "기자") && koBylineRe.MatchString(text)
}

// creditRe matches picture credits, which name photographers and
// agencies, not the article's authors.
var creditRe = regexp.MustCompile(`(?i)^(?:photo|photograph|picture|image|illustration|credit|courtesy|source|foto|bild|getty|video)s?\b`)

// maxFigureDepth bounds the walk up from a line to a <figure>.
const maxFigureDepth = 6

// inFigure reports whether n sits in a <figure> or <figcaption>.
func inFigure(n *html.Node) bool {
	for d := 0; n != nil && d < maxFigureDepth; n, d = n.Parent, d+1 {
		if n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption {
			return true
		}
	}
	return false
}

// datedText is a date printed on a line and how it was labelled.
type datedText struct {
	t    Time
	kind dateKind
}

// datesOf returns line l's dates: the machine-readable datetime of a
// <time> element the line is printed in ("1 day ago" is 2019-11-19), else
// the dates its text prints.
func (v *visible) datesOf(l line) []datedText {
	for n, d := l.elem, 0; n != nil && d < timeAttrDepth; n, d = n.Parent, d+1 {
		if n.DataAtom == atom.Time {
			if t, ok := parseTime(attrOf(n, "datetime"), v.loc, v.now); ok && !v.future(t) {
				return []datedText{{t: t, kind: labelOf(l.text)}}
			}
		}
	}
	if n := findTimeElem(l.block); n != nil {
		if t, ok := parseTime(attrOf(n, "datetime"), v.loc, v.now); ok && !v.future(t) {
			return []datedText{{t: t, kind: labelOf(l.text)}}
		}
	}
	return v.lineDates(l.text)
}

// maxTimeSearch bounds the nodes searched in a line's block for a <time>.
const maxTimeSearch = 64

// findTimeElem returns the first <time datetime> among the inline
// descendants of block, looking at no more than maxTimeSearch nodes.
func findTimeElem(block *html.Node) *html.Node {
	seen := 0
	var found *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil && seen < maxTimeSearch; c = c.NextSibling {
			seen++
			if c.Type != html.ElementNode || !inlineTags[c.DataAtom] {
				continue
			}
			if c.DataAtom == atom.Time && attrOf(c, "datetime") != "" {
				found = c
				return
			}
			walk(c)
		}
	}
	if block != nil {
		walk(block)
	}
	return found
}

// maxFutureSkew is how far past the fetch time a printed date may lie and
// still be the page's own (zones, clock skew); later dates are of coming
// events, not of publication.
const maxFutureSkew = 48 * time.Hour

// future reports whether t lies beyond the fetch time and its skew.
func (v *visible) future(t Time) bool {
	return !v.now.IsZero() && t.Time.After(v.now.Add(maxFutureSkew))
}

// timeAttrDepth bounds the walk from a line's text up to a <time>.
const timeAttrDepth = 3

// lineDates returns the dates printed on text, each with its label.
func (v *visible) lineDates(text string) []datedText {
	var out []datedText
	off := 0
	for n := 0; n < maxDatesPerLine && off < len(text); n++ {
		m, ok := findTime(text[off:], v.loc, v.now, v.dayFirst)
		if !ok {
			break
		}
		start := off + m.start
		from := start - labelReach
		if from < off {
			from = off
		}
		for from > 0 && from < len(text) && text[from]&0xC0 == 0x80 {
			from-- // do not cut a UTF-8 sequence
		}
		if !v.future(m.t) {
			out = append(out, datedText{t: m.t, kind: labelOf(text[from:start])})
		}
		off += m.end
		if m.end == 0 {
			break
		}
	}
	return out
}

// labelOf classifies the text before a date by its last label.
func labelOf(s string) dateKind {
	p := pubLabelRe.FindAllStringIndex(s, -1)
	m := modLabelRe.FindAllStringIndex(s, -1)
	switch {
	case len(p) == 0 && len(m) == 0:
		return unlabelled
	case len(m) == 0:
		return pubLabelled
	case len(p) == 0:
		return modLabelled
	case p[len(p)-1][0] > m[len(m)-1][0]:
		return pubLabelled
	}
	return modLabelled
}

// dates returns the published and modified times the page prints near
// its headline, else anywhere with a label. Published falls back to an
// unlabelled date near the headline, then to an "Updated" one (a page
// that prints only its update time was published no later).
func (v *visible) dates() (pub, mod Time) {
	var unl Time
	inBody := false
	for _, i := range v.window() {
		l := v.lines[i]
		if i < v.head {
			inBody = false
		}
		if len(l.text) >= bodyLineBytes && i > v.head {
			inBody = true
		}
		if len(l.text) > maxDateLineBytes {
			continue
		}
		hinted := hintMatch(dateHints, l.elem, hintDepth)
		for _, d := range v.datesOf(l) {
			switch {
			case d.kind == pubLabelled && pub.Time.IsZero():
				pub = d.t
			case d.kind == modLabelled && mod.Time.IsZero():
				mod = d.t
			case d.kind == unlabelled && unl.Time.IsZero() && !inBody && (i > v.head || hinted):
				unl = d.t
			}
		}
		if !pub.Time.IsZero() && !mod.Time.IsZero() {
			break
		}
	}
	if pub.Time.IsZero() && mod.Time.IsZero() && unl.Time.IsZero() {
		for _, l := range v.lines {
			// Away from the headline only labelled dates count: test for
			// a label before parsing.
			if len(l.text) > maxDateLineBytes || !hasDigit(l.text) || !hasDateLabel(l.text) ||
				(!pubLabelRe.MatchString(l.text) && !modLabelRe.MatchString(l.text)) {
				continue
			}
			for _, d := range v.datesOf(l) {
				switch {
				case d.kind == pubLabelled && pub.Time.IsZero():
					pub = d.t
				case d.kind == modLabelled && mod.Time.IsZero():
					mod = d.t
				}
			}
			if !pub.Time.IsZero() {
				break
			}
		}
	}
	switch {
	case !pub.Time.IsZero():
	case !unl.Time.IsZero():
		pub = unl
	default:
		pub, mod = mod, Time{}
	}
	return pub, mod
}

// nodeText returns the short text of the first element selected, for
// selector overrides.
func nodeText(n *html.Node) string {
	t, _ := textOf(n, maxSelectedBytes)
	return t
}

// maxSelectedBytes bounds the text read from a selector's element.
const maxSelectedBytes = 2000
