package content

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// descendShare is the share of the best candidate's paragraph text that an
// <article>, <main>, itemprop=articleBody or content-hinted element inside
// it must hold for the finder to narrow to it: the page's own markup then
// says where the article ends, and what lies beside it (teaser rails,
// "more stories" grids with summaries) is dropped.
const descendShare = 0.6

// minArticleParas is the least paragraph text (bytes) an <article> must
// hold to count as one of several articles in a candidate, as on pages
// that append the next article below the first (infinite scroll).
const minArticleParas = 3 * minParagraph

// refine narrows best to the element the markup marks as the article.
func refine(best *html.Node) *html.Node {
	for {
		total := paraLen(best)
		if first := firstOfSeveralArticles(best); first != nil {
			best = first
			continue
		}
		bodies := bodyMarkers(best)
		next := narrowest(best, float64(total)*descendShare)
		if next != nil && isBodyMarker(next) && len(bodies) > 1 {
			// The body is split into chunks (ads between them), each
			// marked: keeping one would drop the others.
			next = nil
		}
		if next == nil && len(bodies) == 1 && float64(paraLen(bodies[0])) >= float64(total)*bodyMarkerShare {
			next = bodies[0]
		}
		if next == nil {
			return best
		}
		best = next
	}
}

// bodyMarkerShare is the share of the best candidate's paragraph text
// that the page's one explicit article-body element (itemprop=articleBody
// or a strong class like "article-body") must hold for the finder to
// narrow to it: lower than descendShare, since such a marker names the
// body itself, and teaser grids with summaries often outweigh a short
// article.
const bodyMarkerShare = 0.25

// isBodyMarker reports elements marked as the article body itself by
// microdata or a strong class.
func isBodyMarker(n *html.Node) bool {
	return attr(n, "itemprop") == "articleBody" || hasStrongContentToken(n)
}

// bodyMarkers returns the outermost body-marked elements under n that
// hold paragraphs.
func bodyMarkers(n *html.Node) []*html.Node {
	var found []*html.Node
	var walk func(*html.Node)
	walk = func(p *html.Node) {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isBodyMarker(c) {
				if paraLen(c) > 0 {
					found = append(found, c)
				}
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return found
}

// isArticleMarkup reports elements whose name, microdata or class say
// "the article".
func isArticleMarkup(n *html.Node) bool {
	switch {
	case n.DataAtom == atom.Article || n.DataAtom == atom.Main:
		return true
	}
	return isBodyMarker(n)
}

// strongContentWords are class/id tokens that name the article body
// itself, not just "some text": safe to narrow to.
var strongContentWords = []string{
	"articlebody", "articlecontent", "articletext", "entrycontent", "postcontent", "postbody",
	"storybody", "storycontent", "storytext", "newsbody", "newscontent", "bodytext", "articleview",
	"richtextarticlebody", "itembody", "contentbody",
}

func hasStrongContentToken(n *html.Node) bool {
	for _, key := range [2]string{"class", "id"} {
		for _, tok := range splitFields(attr(n, key)) {
			norm := normalizeToken(tok)
			for _, w := range strongContentWords {
				if norm == w || (len(norm) > len(w) && norm[:len(w)] == w) {
					return true
				}
			}
		}
	}
	return false
}

func splitFields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// narrowest returns the first article-marked descendant of n, in document
// order, that holds at least need bytes of paragraph text, or nil.
func narrowest(n *html.Node, need float64) *html.Node {
	var found *html.Node
	var walk func(*html.Node)
	walk = func(p *html.Node) {
		for c := p.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isArticleMarkup(c) && float64(paraLen(c)) >= need {
				found = c
				return
			}
			walk(c)
		}
	}
	walk(n)
	return found
}

// firstOfSeveralArticles returns the first of two or more <article>
// elements under n (not nested in one another) that hold paragraphs.
func firstOfSeveralArticles(n *html.Node) *html.Node {
	var arts []*html.Node
	var walk func(*html.Node)
	walk = func(p *html.Node) {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Article {
				if paraLen(c) >= minArticleParas {
					arts = append(arts, c)
				}
				continue
			}
			walk(c)
		}
	}
	walk(n)
	if len(arts) < 2 {
		return nil
	}
	return arts[0]
}
