package testsite

import (
	"fmt"
	"html"
	"strings"
)

// esc escapes text for HTML.
var esc = html.EscapeString

// page writes the chrome every page shares around main.
func (s *Site) page(b *strings.Builder, title, canonical, head string, main func()) {
	fmt.Fprintf(b, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>%s | %s</title>\n", esc(title), siteName)
	if canonical != "" {
		fmt.Fprintf(b, "<link rel=\"canonical\" href=\"%s\">\n", esc(canonical))
	}
	b.WriteString(head)
	b.WriteString("</head><body>\n<header class=\"site-header\"><a class=\"logo\" href=\"/\">" + siteName + "</a>\n<nav class=\"main-nav\"><ul>")
	for i := 0; i < s.opts.Sections; i++ {
		name := s.sectionName(i)
		fmt.Fprintf(b, "<li><a href=\"/section/%s\">%s</a></li>", name, esc(strings.ToUpper(name[:1])+name[1:]))
	}
	b.WriteString("</ul></nav></header>\n<main>\n")
	main()
	b.WriteString("</main>\n<footer class=\"site-footer\"><p>&copy; 2026 " + siteName + ". All rights reserved.</p>" +
		"<ul><li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">Contact</a></li><li><a href=\"/feed.xml\">RSS</a></li></ul></footer>\n</body></html>\n")
}

// home is the front page: the sections and two top stories.
func (s *Site) home() []byte {
	var b strings.Builder
	s.page(&b, "Home", s.URL+"/", `<link rel="alternate" type="application/rss+xml" href="/feed.xml">`+"\n", func() {
		b.WriteString("<h1>Today's news</h1>\n<ul class=\"sections\">")
		for i := 0; i < s.opts.Sections; i++ {
			fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>", s.SectionURL(i, 1), s.sectionName(i))
		}
		b.WriteString("</ul>\n")
		if !s.opts.Plain && s.opts.Articles >= 1 {
			fmt.Fprintf(&b, "<section class=\"top\"><a href=\"/news/%d?utm_source=homepage&amp;utm_campaign=top\">%s</a></section>\n",
				trackingArticle, esc(headline(trackingArticle)))
		}
	})
	return []byte(b.String())
}

// section is one page of a section's listing.
func (s *Site) section(sec, page int) []byte {
	var b strings.Builder
	name := s.sectionName(sec)
	last := s.Pages(sec)
	var head strings.Builder
	if page < last {
		fmt.Fprintf(&head, "<link rel=\"next\" href=\"%s\">\n", esc(s.SectionURL(sec, page+1)))
	}
	s.page(&b, fmt.Sprintf("%s, page %d", name, page), s.SectionURL(sec, page), head.String(), func() {
		fmt.Fprintf(&b, "<h1 class=\"section-title\">%s</h1>\n<ul class=\"stories\">\n", esc(name))
		for _, n := range s.articlesOn(sec, page) {
			href := fmt.Sprintf("/news/%d", n)
			if n%2 == 0 {
				href = s.ArticleURL(n) // absolute and relative links both
			}
			fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a><p class=\"dek\">%s</p></li>\n", href, esc(headline(n)), esc(paragraphs(uint32(n), 1)[0][:60]))
		}
		if !s.opts.Plain && sec == 0 && page == 1 {
			s.traps(&b)
		}
		b.WriteString("</ul>\n<nav class=\"pagination\">")
		if page > 1 {
			fmt.Fprintf(&b, "<a rel=\"prev\" href=\"%s\">Previous</a> ", esc(s.SectionURL(sec, page-1)))
		}
		if page < last {
			fmt.Fprintf(&b, "<a rel=\"next\" href=\"?page=%d\">Next</a>", page+1)
		}
		b.WriteString("</nav>\n")
		if !s.opts.Plain {
			off := strings.Replace(s.OffsiteURL, "127.0.0.1", "localhost", 1)
			fmt.Fprintf(&b, "<aside class=\"elsewhere\"><a href=\"/private/\">Members</a> <a href=\"%s\">Embargoed</a> "+
				"<a href=\"%s/news/1\">Partner story</a> <a href=\"%s/news/2\">Partner story 2</a> <a href=\"/about\">About</a></aside>\n",
				pathPrivate, s.OffsiteURL, off)
		}
	})
	return []byte(b.String())
}

// traps lists the special links on the first page of the first section.
func (s *Site) traps(b *strings.Builder) {
	links := []string{pathFlaky, pathSlow, pathOld, pathLoop + "0", pathElsewhere, pathSneaky, pathGzipped, pathLatin1,
		pathGone1, pathGone2, pathHuge, pathPDF}
	if s.opts.Articles >= duplicatedArticle {
		links = append(links, fmt.Sprintf("/news/%d%s", duplicatedArticle, dupSuffix))
	}
	if s.opts.Articles >= trackingArticle {
		links = append(links,
			fmt.Sprintf("/news/%d?utm_source=newsletter&amp;utm_medium=email", trackingArticle),
			fmt.Sprintf("/news/%d?fbclid=IwAR0abcDEF", trackingArticle),
			fmt.Sprintf("/news/%d#comments", trackingArticle))
	}
	for _, l := range links {
		fmt.Fprintf(b, "<li><a href=\"%s\">More: %s</a></li>\n", l, l)
	}
}

// privateIndex is the disallowed area's index.
func (s *Site) privateIndex() []byte {
	var b strings.Builder
	s.page(&b, "Members", "", "", func() {
		fmt.Fprintf(&b, "<h1>Members only</h1><ul><li><a href=\"%s\">Embargoed</a></li></ul>\n", pathPrivate)
	})
	return []byte(b.String())
}

// plain is a small non-article page (about, contact).
func (s *Site) plain(title string) []byte {
	var b strings.Builder
	s.page(&b, title, "", "", func() {
		fmt.Fprintf(&b, "<h1>%s</h1><p>%s is a newspaper that exists only on loopback.</p>\n", esc(title), siteName)
	})
	return []byte(b.String())
}

// articleHTML renders a generated article at revision rev.
func (s *Site) articleHTML(a article, rev int) []byte {
	var b strings.Builder
	seed := uint32(a.n)
	if a.n == 0 {
		seed = uint32(len(a.path)*131 + int(a.path[len(a.path)-1]))
	}
	ps := paragraphs(seed, 5+int(seed%3))
	head := fmt.Sprintf("<meta property=\"og:title\" content=\"%s\">\n<meta property=\"og:site_name\" content=\"%s\">\n<meta name=\"description\" content=\"%s\">\n",
		esc(a.title), siteName, esc(ps[0][:80]))
	s.page(&b, a.title, s.URL+a.path, head, func() {
		fmt.Fprintf(&b, "<article class=\"story\">\n<h1 class=\"headline\">%s</h1>\n", esc(a.title))
		fmt.Fprintf(&b, "<p class=\"byline\">By %s and %s</p>\n", reporter(seed), reporter(seed+1))
		fmt.Fprintf(&b, "<time class=\"published\" datetime=\"%s\">%s</time>\n", a.published.Format("2006-01-02T15:04:05Z07:00"), a.published.Format("2 January 2006, 15:04"))
		b.WriteString("<div class=\"story-body\">\n")
		for _, p := range ps {
			fmt.Fprintf(&b, "<p>%s</p>\n", esc(p))
		}
		if rev > 0 {
			fmt.Fprintf(&b, "<p class=\"correction\">Correction (revision %d): an earlier version of this article misstated the figures.</p>\n", rev)
		}
		b.WriteString("</div>\n<div class=\"share\"><a href=\"https://share.invalid/?u=1\">Share</a> <a href=\"#comments\">Comments</a></div>\n</article>\n")
		b.WriteString("<aside class=\"related\"><h2>Related</h2><ul>")
		for _, k := range []int{a.n - 1, a.n - 2} { // earlier articles only: never a later page's
			if k >= 1 {
				fmt.Fprintf(&b, "<li><a href=\"/news/%d\">%s</a></li>", k, esc(headline(k)))
			}
		}
		b.WriteString("</ul></aside>\n")
	})
	return []byte(b.String())
}

// reporters sign the generated articles.
var reporters = []string{"Ana Ruiz", "Tom Park", "Mei Lin", "Sipho Ndlovu", "Jonas Berg", "Priya Nair", "Liam O'Connor"}

func reporter(seed uint32) string { return reporters[seed%uint32(len(reporters))] }

// huge is a valid article page of at least size bytes.
func (s *Site) huge(size int) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>Huge</title></head><body><article><h1>A very long page</h1>\n")
	p := "<p>" + strings.Repeat("This paragraph repeats to make the page larger than the cap. ", 8) + "</p>\n"
	for b.Len() < size {
		b.WriteString(p)
	}
	b.WriteString("</article></body></html>\n")
	return []byte(b.String())
}

// pdfBytes is a minimal PDF document.
const pdfBytes = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
