package content

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Teaser lists ("Breaking news", "Most popular", related stories) are
// runs of sibling items alike in tag and class, each a linked headline
// followed by a summary. The summaries are prose-length, so without this
// rule they count as paragraphs and pull the finder towards the wrapper
// of article and teasers. Their text counts as loose text instead.
const (
	// minTeaserRun is the fewest alike siblings that make a teaser list:
	// two could be a pair of paragraphs that both open with a link.
	minTeaserRun = 3
	// maxTeaserText is the most text (bytes) of one teaser item: a
	// headline and a summary of a sentence or two.
	maxTeaserText = 400
)

// teaserRun follows, among one element's children, the current run of
// alike siblings that open with a link.
type teaserRun struct {
	first       *html.Node // the run's first member, its signature
	n           int        // members so far
	para, paras int        // their paragraph text and count
	teasers     bool       // every member so far looks like a teaser
}

// add extends the run with child c (stats cs), or ends it and starts a
// new one when c is unlike the run's members.
func (r *teaserRun) add(c *html.Node, cs stats, st *stats) {
	if r.first == nil || !alike(r.first, c) {
		r.end(st)
		*r = teaserRun{first: c, teasers: true}
	}
	r.n++
	r.para += cs.para
	r.paras += cs.paras
	r.teasers = r.teasers && mayBeTeaser(c) && cs.lead == leadLink && cs.text <= maxTeaserText
}

// mayBeTeaser rules out the items of prose: paragraphs (a digest of
// paragraphs that each open with a link is prose) and the items of an
// ordered list (a numbered "10 things to know" digest is the article;
// numbered "most read" lists are links only, and the link-density rule
// takes them).
func mayBeTeaser(c *html.Node) bool {
	if c.DataAtom == atom.P {
		return false
	}
	return c.DataAtom != atom.Li || c.Parent == nil || c.Parent.DataAtom != atom.Ol
}

// end closes the run: a teaser list's paragraphs leave st's paragraphs.
func (r *teaserRun) end(st *stats) {
	if r.first != nil && r.teasers && r.n >= minTeaserRun && r.paras > 0 {
		st.para -= r.para
		st.paras -= r.paras
	}
	r.first = nil
}

// alike reports siblings with the same tag and class.
func alike(a, b *html.Node) bool {
	return a.DataAtom == b.DataAtom && a.Data == b.Data && attr(a, "class") == attr(b, "class")
}
