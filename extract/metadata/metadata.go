package metadata

import (
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Options tell Read about the page and the site.
type Options struct {
	URL      *url.URL       // page URL: resolves relative URLs, its country-code domain gives a zone
	Timezone *time.Location // site zone for times printed without one; nil: the ccTLD's zone, else unzoned
	Now      time.Time      // fetch time, reference for relative dates
	// CSS selector overrides; empty means heuristics.
	Headline, Byline, Published string
}

// Time is a moment; Zoned is false when no zone was printed or inferred.
type Time struct {
	Time  time.Time
	Zoned bool
}

// Metadata is what Read finds. Empty values are absent.
type Metadata struct {
	CanonicalURL, SiteName, Headline, Byline string
	Authors                                  []string
	Published, Modified                      Time
	Lang, Description, Image                 string
	Tags                                     []string
	Section                                  string
	// ArticleBody is JSON-LD's articleBody, a cross-check for the content finder.
	ArticleBody string
}

// reader holds what Read gathers once and the cascades share.
type reader struct {
	doc   *goquery.Document
	ix    *index
	opts  Options
	base  *url.URL
	loc   *time.Location
	meta  metaTags
	ld    ldArticle
	md    microdata
	names []string // the site's names, to strip from titles
	h1    string   // the page's first <h1> text
	vis   *visible
}

// Read reads the metadata of doc. It must run before the document is
// cleaned: it reads scripts, meta tags and the page's chrome. It does not
// modify doc.
func Read(doc *goquery.Document, opts Options) Metadata {
	if doc == nil || len(doc.Nodes) == 0 {
		return Metadata{}
	}
	ix, lines := scanPage(doc.Nodes[0])
	r := &reader{doc: doc, ix: ix, opts: opts, loc: siteZone(opts), meta: readMeta(ix)}
	r.base = baseURL(ix, opts.URL)
	r.ld, _ = readJSONLD(ix)
	r.md = readMicrodata(ix)

	var m Metadata
	m.SiteName = firstNonEmpty(r.meta.first("og:site_name"), r.ld.Publisher, r.meta.first(metaSiteKeys...))
	r.names = dedupe([]string{m.SiteName, r.ld.Publisher, r.meta.first(metaSiteKeys...), hostLabel(opts.URL)})
	r.h1, _ = textOf(ix.h1, maxSelectedBytes)

	m.Headline = r.headline()
	r.vis = &visible{
		lines: lines, loc: r.loc, now: opts.Now, dayFirst: urlZone(opts.URL) != nil,
	}
	r.vis.head = headlineLine(r.vis.lines, m.Headline)
	m.Byline, m.Authors = r.byline()
	m.Published, m.Modified = r.times()

	m.CanonicalURL = absURL(r.base, firstNonEmpty(canonicalLink(ix), r.meta.first(metaURLKeys...), r.ld.URL))
	m.Image = absURL(r.base, firstNonEmpty(r.meta.first(metaImageKeys...), r.ld.Image))
	m.Lang = langOf(ix, r.meta, r.ld.Lang)
	m.Description = collapse(firstNonEmpty(r.meta.first(metaDescriptionKeys...), r.ld.Description))
	m.Section = collapse(firstNonEmpty(r.meta.first(metaSectionKeys...), r.ld.Section, r.md.Section))
	if m.Section == "" {
		m.Section = breadcrumbSection(ix, m.Headline)
	}
	m.Tags = r.tags()
	m.ArticleBody = strings.TrimSpace(r.ld.Body)
	return m
}

// headline runs the headline cascade: the selector, JSON-LD, meta tags,
// microdata, the <title>, the first <h1>; each without the site's name.
func (r *reader) headline() string {
	if r.opts.Headline != "" {
		if t := r.selected(r.opts.Headline); t != "" {
			return t
		}
	}
	// A headline the publisher states in JSON-LD, a meta tag or microdata
	// is kept as written: only the <title> element carries a suffix the
	// CMS appends on its own.
	for _, c := range []string{r.ldHeadline(), r.meta.first(metaTitleKeys[:len(metaTitleKeys)-1]...), r.md.Headline} {
		if c = collapse(c); c != "" {
			return c
		}
	}
	if t, ok := textOf(r.ix.title, maxSelectedBytes); ok && t != "" {
		return fromTitleTag(t, r.names)
	}
	if t := r.meta.first("title"); t != "" {
		return stripSite(t, r.names)
	}
	return r.h1
}

// ldHeadline is JSON-LD's headline, or its name when the two differ and
// the name is closer to the page's <title> (some sites put their own name
// in headline, others a description).
func (r *reader) ldHeadline() string {
	h, n := collapse(r.ld.Headline), collapse(r.ld.Name)
	if h == "" || n == "" || h == n {
		return firstNonEmpty(h, n)
	}
	switch {
	case isSiteName(n, r.names):
		return h
	case isSiteName(h, r.names):
		return n
	}
	ref, _ := textOf(r.ix.title, maxSelectedBytes)
	ref = firstNonEmpty(r.meta.first("og:title"), ref)
	if overlap(n, ref) > overlap(h, ref) {
		return n
	}
	return h
}

// byline runs the byline cascade: the selector, JSON-LD authors, meta
// tags, microdata, then the page's visible byline. A structured author
// that is only a user handle ("CC7567") or the site itself ("AppleInsider")
// gives way to a byline printed near the headline.
func (r *reader) byline() (string, []string) {
	if r.opts.Byline != "" {
		if t := cleanByline(r.selected(r.opts.Byline)); t != "" {
			return t, splitAuthors(t)
		}
	}
	b, names := r.structuredByline()
	if b != "" && !r.weakAuthors(names) {
		return b, names
	}
	if v := r.vis.bylineNear(); v != "" {
		return v, splitAuthors(v)
	}
	if b != "" {
		return b, names
	}
	if v := r.vis.bylineAnywhere(); v != "" {
		return v, splitAuthors(v)
	}
	return "", nil
}

// structuredByline is the byline JSON-LD, meta tags or microdata give.
func (r *reader) structuredByline() (string, []string) {
	if names := personNames(r.ld.Authors); len(names) > 0 {
		return strings.Join(names, ", "), names
	}
	for _, k := range metaAuthorKeys {
		if r.meta[k] == "" {
			continue
		}
		// Every value of the key: a page may name each author in a tag.
		var names []string
		for _, v := range allMeta(r.ix, []string{k}) {
			if c := cleanByline(v); looksLikeNames(c) {
				names = append(names, c)
			}
		}
		if names = dedupe(names); len(names) > 0 {
			b := strings.Join(names, ", ")
			return b, splitAuthors(b)
		}
	}
	if names := personNames(r.md.Authors); len(names) > 0 {
		return strings.Join(names, ", "), names
	}
	return "", nil
}

// weakAuthors reports whether every name is a user handle or the site's
// own name: a placeholder, not a byline.
func (r *reader) weakAuthors(names []string) bool {
	for _, n := range names {
		if !handleLike(n) && !isSiteName(n, r.names) {
			return false
		}
	}
	return len(names) > 0
}

// handleLike reports whether name is a login rather than a person's
// name: one word with digits or underscores, or all lower case.
func handleLike(name string) bool {
	if strings.ContainsAny(name, " \t") || isCJK(name) {
		return false
	}
	if strings.ContainsAny(name, "0123456789_") {
		return true
	}
	return name == strings.ToLower(name)
}

// personNames cleans author names from structured data lightly (they are
// names already): it drops URLs, repeats, e-mail addresses, a leading
// "By", a publication after " | " and a role after a comma.
func personNames(in []string) []string {
	var out []string
	for _, n := range in {
		n = collapse(n)
		if n == "" || urlRe.MatchString(n) || strings.HasPrefix(n, "/") {
			continue
		}
		n = strings.TrimSpace(bylinePrefixRe.ReplaceAllString(emailRe.ReplaceAllString(n, ""), ""))
		if i := strings.Index(n, " | "); i > 0 {
			n = n[:i] // "Amy Kuperinsky | NJ Advance Media"
		}
		n = strings.TrimSpace(dropRoleSegments(n)) // "TOM KRISHER, AP Auto Writer"
		if n != "" && len(n) <= maxBylineLen {
			out = append(out, n)
		}
	}
	return dedupe(out)
}

// times runs the published and modified cascades: the selector, JSON-LD,
// meta tags, microdata, a <time pubdate>, the visible dateline, an
// <article>'s first <time>.
func (r *reader) times() (pub, mod Time) {
	now := r.opts.Now
	if r.opts.Published != "" {
		if n := firstNode(r.doc.Find(r.opts.Published)); n != nil {
			for _, v := range []string{attrOf(n, "datetime"), attrOf(n, "content")} {
				if t, ok := parseTime(v, r.loc, now); ok {
					pub = t
					break
				}
			}
			if pub.Time.IsZero() {
				if m, ok := findTime(nodeText(n), r.loc, now, r.vis.dayFirst); ok {
					pub = m.t
				}
			}
		}
	}
	tel, strong := timeElement(r.ix)
	pubCandidates := []string{r.ld.Published, r.meta.first(metaPublishedKeys...), r.md.Published}
	if strong {
		pubCandidates = append(pubCandidates, tel)
	}
	for _, c := range pubCandidates {
		if !pub.Time.IsZero() {
			break
		}
		pub, _ = parseTime(c, r.loc, now)
	}
	for _, c := range []string{r.ld.Modified, r.meta.first(metaModifiedKeys...), r.md.Modified} {
		if t, ok := parseTime(c, r.loc, now); ok {
			mod = t
			break
		}
	}
	if pub.Time.IsZero() || mod.Time.IsZero() {
		vp, vm := r.vis.dates()
		if pub.Time.IsZero() {
			pub = vp
		}
		if mod.Time.IsZero() {
			mod = vm
		}
	}
	if pub.Time.IsZero() && !strong {
		pub, _ = parseTime(tel, r.loc, now)
	}
	return pub, mod
}

// tags merges JSON-LD keywords, article:tag and keyword meta tags.
func (r *reader) tags() []string {
	var all []string
	all = append(all, r.ld.Keywords...)
	for _, v := range allMeta(r.ix, metaTagKeys) {
		all = append(all, splitList(v)...)
	}
	return dedupe(all)
}

// selected is the text of the first element sel matches (its content or
// datetime attribute for <meta> and <time>).
func (r *reader) selected(sel string) string {
	n := firstNode(r.doc.Find(sel))
	if n == nil {
		return ""
	}
	if n.DataAtom == atom.Meta {
		return collapse(attrOf(n, "content"))
	}
	return nodeText(n)
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// firstNode is the selection's first node, or nil when it is empty.
func firstNode(s *goquery.Selection) *html.Node {
	if s == nil || len(s.Nodes) == 0 {
		return nil
	}
	return s.Nodes[0]
}
