package content

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Scoring weights. A candidate's score is the text of its good paragraphs
// minus penalties for the link text and loose short text it also holds,
// so the best candidate is the tightest element around the article's
// paragraphs that does not drag in link lists.
const (
	// minParagraph is the least text (bytes) of a block that counts as a
	// paragraph: shorter blocks are labels, dates, buttons.
	minParagraph = 60
	// maxLinkDensity is the share of link text above which a block is a
	// link list (related articles, tags), not prose.
	maxLinkDensity = 0.5
	// linkPenalty weighs link text against paragraph text: menus and
	// teaser lists are mostly links.
	linkPenalty = 1.0
	// loosePenalty weighs short non-link text (captions, dates, labels)
	// that a candidate drags in: cheap, since articles have some.
	loosePenalty = 0.25
	// contentHintBonus favours elements whose class or id names an article
	// body, as a share of their paragraph text.
	contentHintBonus = 0.1
)

// blockTags start a new block of text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Figure: true, atom.Hr: true, atom.Br: true,
	atom.Body: true, atom.Html: true, atom.Center: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Caption: true, atom.Header: true, atom.Footer: true, atom.Nav: true,
	atom.Aside: true, atom.Form: true, atom.Fieldset: true,
}

// stats are the text measures of a subtree.
type stats struct {
	text  int  // all text
	link  int  // text inside links
	para  int  // text of good paragraphs
	paras int  // number of good paragraphs
	lead  lead // whether its text starts inside a link
}

// lead is what a subtree's text starts with.
type lead uint8

const (
	leadNone lead = iota // no text
	leadLink             // a link: a teaser's headline
	leadText
)

func (s stats) score() float64 {
	loose := s.text - s.para - s.link
	if loose < 0 {
		loose = 0
	}
	return float64(s.para) - linkPenalty*float64(s.link) - loosePenalty*float64(loose)
}

// scorer finds the best candidate in one walk. With pick unset it only
// measures, for paraLen.
type scorer struct {
	pick      bool
	best      *html.Node
	bestScore float64
}

// inline is the text of a block's inline content, carried up to the block.
type inline struct {
	text, link int
}

// findMain returns the element that best holds the article, or nil.
func findMain(root *html.Node) *html.Node {
	s := scorer{pick: true}
	s.walk(root, false)
	return s.best
}

// walk returns the subtree's stats and the inline text not yet claimed by
// a block.
func (s *scorer) walk(n *html.Node, inLink bool) (stats, inline) {
	var st stats
	var in inline
	var run teaserRun
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			l := trimmedLen(c.Data)
			in.text += l
			st.text += l
			if inLink {
				in.link += l
				st.link += l
			}
			if l > 0 && st.lead == leadNone {
				st.lead = leadText
				if inLink {
					st.lead = leadLink
				}
			}
		case html.ElementNode:
			if droppedTags[c.DataAtom] {
				continue
			}
			cs, cin := s.walk(c, inLink || c.DataAtom == atom.A)
			st.text += cs.text
			st.link += cs.link
			st.para += cs.para
			st.paras += cs.paras
			in.text += cin.text
			in.link += cin.link
			if st.lead == leadNone {
				st.lead = cs.lead
			}
			run.add(c, cs, &st)
		}
	}
	run.end(&st)
	if n.Type != html.ElementNode || !blockTags[n.DataAtom] {
		return st, in
	}
	// A block claims its inline text as one paragraph.
	if in.text >= minParagraph && float64(in.link) < maxLinkDensity*float64(in.text) {
		st.para += in.text - in.link
		st.paras++
	}
	if s.pick && st.paras > 0 {
		sc := st.score()
		if classify(n) == hintContent {
			sc += contentHintBonus * float64(st.para)
		}
		if s.best == nil || sc > s.bestScore {
			s.best, s.bestScore = n, sc
		}
	}
	return st, inline{}
}

// trimmedLen is len(strings.TrimSpace(s)) without the allocation.
func trimmedLen(s string) int {
	i, j := 0, len(s)
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j-1]) {
		j--
	}
	return j - i
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
}
