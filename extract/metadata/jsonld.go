package metadata

import (
	"encoding/json"
	"strings"
)

// articleTypes are the schema.org types that describe an article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "askpublicnewsarticle": true, "scholarlyarticle": true,
	"techarticle": true, "socialmediaposting": true, "liveblogposting": true, "report": true,
	"satiricalarticle": true, "medicalscholarlyarticle": true, "discussionforumposting": true,
	"posting": true, "review": true, "advertisercontentarticle": true, "howto": true, "recipe": true,
}

// pageTypes describe a web page: used when no article object is present.
var pageTypes = map[string]bool{
	"webpage": true, "itempage": true, "aboutpage": true, "collectionpage": true, "profilepage": true,
	"qapage": true, "faqpage": true, "medicalwebpage": true,
}

// ldArticle is what JSON-LD says about the article.
type ldArticle struct {
	Headline, Name, Description, Body, Section, URL, Image, Lang string
	Published, Modified, Publisher                               string
	Authors, Keywords                                            []string
}

// maxLDBytes caps one JSON-LD script: a larger one is a data dump, not
// page metadata, and decoding it would cost more than the page is worth.
const maxLDBytes = 1 << 20

// readJSONLD decodes the page's JSON-LD scripts and returns the article
// object (or, failing one, the web page object) and the publisher or
// website name found anywhere.
func readJSONLD(ix *index) (art ldArticle, found bool) {
	var objs []map[string]any
	for _, n := range ix.scripts {
		raw := strings.TrimSpace(rawText(n))
		if raw == "" || len(raw) > maxLDBytes {
			continue
		}
		if v, ok := decodeLD(raw); ok {
			collectObjects(v, &objs, 0)
		}
	}
	if len(objs) == 0 {
		return ldArticle{}, false
	}
	byID := map[string]map[string]any{}
	for _, o := range objs {
		if id, ok := o["@id"].(string); ok && id != "" {
			if _, dup := byID[id]; !dup || len(o) > len(byID[id]) {
				byID[id] = o
			}
		}
	}
	var best, page map[string]any
	var site string
	for _, o := range objs {
		switch {
		case hasType(o, articleTypes):
			if best == nil || (str(best["headline"]) == "" && str(o["headline"]) != "") {
				best = o
			}
		case hasType(o, pageTypes):
			if page == nil {
				page = o
			}
		case hasType(o, map[string]bool{"website": true, "organization": true, "newsmediaorganization": true}):
			if site == "" {
				site = str(o["name"])
			}
		}
	}
	if best == nil {
		best = page
	}
	if best == nil {
		return ldArticle{Publisher: site}, site != ""
	}
	art = ldArticle{
		Headline:    str(best["headline"]),
		Name:        str(best["name"]),
		Description: str(best["description"]),
		Body:        str(best["articleBody"]),
		Section:     firstString(best["articleSection"]),
		URL:         ldURL(best["url"]),
		Image:       ldURL(best["image"]),
		Lang:        firstString(best["inLanguage"]),
		Published:   str(best["datePublished"]),
		Modified:    str(best["dateModified"]),
		Publisher:   ldName(best["publisher"], byID),
		Authors:     ldNames(best["author"], byID),
		Keywords:    ldKeywords(best["keywords"]),
	}
	if art.URL == "" {
		art.URL = ldURL(best["mainEntityOfPage"])
	}
	if art.Published == "" {
		art.Published = str(best["dateCreated"])
	}
	if art.Publisher == "" {
		art.Publisher = site
	}
	if len(art.Authors) == 0 {
		art.Authors = ldNames(best["creator"], byID)
	}
	return art, true
}

// ldRepairer removes what CMSs leave in JSON-LD that JSON forbids: raw
// control characters inside strings, HTML comment and CDATA wrappers.
var ldRepairer = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ", "<!--", "", "-->", "",
	"<![CDATA[", "", "]]>", "", "//<![CDATA[", "", "//]]>", "")

// decodeLD decodes one script, forgiving raw control characters inside
// strings and HTML comment or CDATA wrappers, which CMSs often leave.
func decodeLD(raw string) (any, bool) {
	var v any
	if json.Unmarshal([]byte(raw), &v) == nil {
		return v, true
	}
	fixed := ldRepairer.Replace(raw)
	fixed = strings.TrimSuffix(strings.TrimSpace(fixed), ";")
	if json.Unmarshal([]byte(fixed), &v) == nil {
		return v, true
	}
	return nil, false
}

// maxLDDepth bounds the walk into nested JSON-LD: article objects sit
// within a few levels of the top.
const maxLDDepth = 6

// collectObjects appends every object in v (top level, arrays, @graph,
// and objects nested in properties) to objs.
func collectObjects(v any, objs *[]map[string]any, depth int) {
	if depth > maxLDDepth {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectObjects(e, objs, depth+1)
		}
	case map[string]any:
		if _, ok := x["@type"]; ok {
			*objs = append(*objs, x)
		} else if _, ok := x["@id"]; ok {
			*objs = append(*objs, x)
		}
		if g, ok := x["@graph"]; ok {
			collectObjects(g, objs, depth+1)
		}
		if me, ok := x["mainEntity"].(map[string]any); ok {
			collectObjects(me, objs, depth+1)
		}
	}
}

// hasType reports whether o's @type (a string or a list) is in types.
func hasType(o map[string]any, types map[string]bool) bool {
	switch t := o["@type"].(type) {
	case string:
		return types[strings.ToLower(lastSegment(t))]
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && types[strings.ToLower(lastSegment(s))] {
				return true
			}
		}
	}
	return false
}

// lastSegment strips a vocabulary prefix: "schema:NewsArticle" and
// "http://schema.org/NewsArticle" are NewsArticle.
func lastSegment(t string) string {
	if i := strings.LastIndexAny(t, "/:"); i >= 0 {
		return t[i+1:]
	}
	return t
}

// str returns v when it is a string, trimmed and with character
// references decoded (JSON-LD is not HTML-decoded by the parser, and CMSs
// write "&#8217;" into it); else "".
func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(unescapeTwice(s))
}

// firstString returns v, or the first string of a list.
func firstString(v any) string {
	switch x := v.(type) {
	case string:
		return str(x)
	case []any:
		for _, e := range x {
			if s := firstString(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldURL reads a URL given as a string, an object with url or @id, or a
// list of either.
func ldURL(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		if u := str(x["url"]); u != "" {
			return u
		}
		if u := str(x["contentUrl"]); u != "" {
			return u
		}
		return str(x["@id"])
	case []any:
		for _, e := range x {
			if u := ldURL(e); u != "" {
				return u
			}
		}
	}
	return ""
}

// ldName reads a name given as a string, an object with a name, or a
// reference by @id to an object elsewhere in the page's graph.
func ldName(v any, byID map[string]map[string]any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		if n := nameOf(x); n != "" {
			return n
		}
		if id := str(x["@id"]); id != "" {
			if o, ok := byID[id]; ok {
				return nameOf(o)
			}
		}
	case []any:
		for _, e := range x {
			if n := ldName(e, byID); n != "" {
				return n
			}
		}
	}
	return ""
}

// nameOf is an object's name, or its given and family names.
func nameOf(o map[string]any) string {
	if n := firstString(o["name"]); n != "" {
		return n
	}
	return strings.TrimSpace(str(o["givenName"]) + " " + str(o["familyName"]))
}

// ldNames reads one or several names.
func ldNames(v any, byID map[string]map[string]any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if n := ldName(e, byID); n != "" {
				out = append(out, n)
			}
		}
	default:
		if n := ldName(v, byID); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// ldKeywords reads keywords given as a comma-separated string or a list.
func ldKeywords(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		out = append(out, splitList(x)...)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, splitList(s)...)
			}
		}
	}
	return out
}

// splitList splits a comma- or semicolon-separated list.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
