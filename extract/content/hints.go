package content

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// hint is what an element's class and id say about it.
type hint int

const (
	hintNone        hint = iota
	hintBoilerplate      // share bars, related lists, comments, ads...: removed
	hintContent          // article-body, entry-content, story...: favoured
)

// boilerplateWords are class/id tokens that name page chrome. Not among
// them: "paywall", which on saved pages wraps the locked article text. A token
// matches when it equals a word or starts with it ("share" matches
// "sharebar", "sharing" does not need its own entry).
var boilerplateWords = []string{
	"share", "sharing", "social", "sns", "related", "recommend", "comment", "disqus", "reply",
	"advert", "adslot", "adsense", "adunit", "dfp", "gpt", "banner", "promo", "sponsor", "outbrain", "taboola",
	"newsletter", "subscribe", "subscription", "signup", "cookie", "consent", "gdpr",
	"popular", "mostread", "mostviewed", "mostpopular", "trending", "hashtag", "taglist", "tags",
	"breadcrumb", "pagination", "pager", "sidebar", "widget", "footer", "navbar", "navigation", "menu",
	"masthead", "toolbar", "byline", "author", "reporter", "copyright", "caption", "credit",
	"login", "modal", "popup", "overlay", "skip", "sronly", "visuallyhidden", "screenreader",
	"print", "rating", "meta", "dateline", "timestamp", "published", "updated", "kicker", "tools",
	"follow", "readmore", "morestories", "recirc", "teaser", "upnext", "whatsnext", "moreon", "nextarticle", "prevarticle", "headline", "title", "hidden",
}

// exactBoilerplate are tokens that mean chrome only as whole tokens:
// "ad" must not match "address", "nav" not "navy".
var exactBoilerplate = map[string]bool{
	"ad": true, "ads": true, "nav": true, "tag": true, "date": true, "time": true, "top": false,
	"header": true, "foot": true, "aside": true, "more": true, "bottom": true, "rel": true,
}

// contentWords are class/id tokens that name an article's body.
var contentWords = []string{
	"articlebody", "article", "entrycontent", "postcontent", "storybody", "story", "content", "body",
	"text", "main", "post", "entry", "news", "view", "detail", "cont",
}

// classify reads n's class and id. Content hints need the whole token
// ("article-body" -> "articlebody"), chrome hints only a prefix.
func classify(n *html.Node) hint {
	var class, id string
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		}
	}
	if isHeadingSlug(id) {
		// "sharing-with-a-single-developer" anchors a section heading: it
		// names the section's topic, not a page component.
		id = ""
	}
	if class == "" && id == "" {
		return hintNone
	}
	if !isASCII(class) || !isASCII(id) {
		return classifyUnicode(class, id)
	}
	// ASCII names, the usual case: the same rules as classifyUnicode,
	// on bytes, without allocating.
	h := hintNone
	var lowerBuf, normBuf [64]byte
	for _, field := range [2]string{class, id} {
		for i := 0; i < len(field); {
			for i < len(field) && isASCIISpace(field[i]) {
				i++
			}
			j := i
			for j < len(field) && !isASCIISpace(field[j]) {
				j++
			}
			if j == i {
				break
			}
			lower, norm := lowerBuf[:0], normBuf[:0]
			for k := i; k < j; k++ {
				c := field[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				lower = append(lower, c)
				if c != '-' && c != '_' {
					norm = append(norm, c)
				}
			}
			i = j
			if len(norm) == 0 {
				continue
			}
			if isBoilerplateBytes(lower, norm) {
				return hintBoilerplate
			}
			if h == hintNone && isContentBytes(norm) {
				h = hintContent
			}
		}
	}
	return h
}

// minSlugWords is the fewest hyphen-joined words of an id that reads as
// a heading's slug: component names run to two or three ("post-share-bar",
// "most-read-list"), slugs to a phrase.
const minSlugWords = 5

// isHeadingSlug reports ids made of minSlugWords or more hyphen-joined
// words, as documentation and blog generators make from headings.
func isHeadingSlug(id string) bool {
	return id != "" && strings.Count(id, "-")+1 >= minSlugWords && !strings.ContainsAny(id, " _")
}

// classifyUnicode is classify for class and id values with non-ASCII
// bytes, where lower-casing is Unicode's.
func classifyUnicode(class, id string) hint {
	h := hintNone
	for _, field := range [2]string{class, id} {
		for _, tok := range strings.Fields(field) {
			norm := normalizeToken(tok)
			if norm == "" {
				continue
			}
			if isBoilerplateToken(tok, norm) {
				return hintBoilerplate
			}
			if isContentToken(norm) {
				h = hintContent
			}
		}
	}
	return h
}

// boilerplateByFirst lists boilerplateWords by their first byte, so a
// token is compared only with the words that could prefix it.
var boilerplateByFirst = indexByFirstByte(boilerplateWords)

func indexByFirstByte(words []string) [256][]string {
	var idx [256][]string
	for _, w := range words {
		idx[w[0]] = append(idx[w[0]], w)
	}
	return idx
}

// contentWordBytes are contentWords as bytes, for isContentBytes.
var contentWordBytes = func() [][]byte {
	out := make([][]byte, len(contentWords))
	for i, w := range contentWords {
		out[i] = []byte(w)
	}
	return out
}()

// isBoilerplateBytes is isBoilerplateToken for an ASCII token already
// lower-cased (lower) and normalized (norm).
func isBoilerplateBytes(lower, norm []byte) bool {
	for i := 0; i < len(lower); {
		j := i
		for j < len(lower) && lower[j] != '-' && lower[j] != '_' {
			j++
		}
		if part := lower[i:j]; len(part) > 0 && (exactBoilerplate[string(part)] || hasBoilerplatePrefix(part)) {
			return true
		}
		i = j + 1
	}
	return hasBoilerplatePrefix(norm)
}

func hasBoilerplatePrefix(b []byte) bool {
	for _, w := range boilerplateByFirst[b[0]] {
		if len(b) >= len(w) && string(b[:len(w)]) == w {
			return true
		}
	}
	return false
}

func isContentBytes(norm []byte) bool {
	for _, w := range contentWordBytes {
		if bytes.Contains(norm, w) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// isASCIISpace matches the ASCII bytes strings.Fields splits on.
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// normalizeToken lower-cases tok and drops '-' and '_' so "most-viewed",
// "most_viewed" and "mostViewed" compare equal.
func normalizeToken(tok string) string {
	b := make([]byte, 0, len(tok))
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c == '-' || c == '_':
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

func isBoilerplateToken(raw, norm string) bool {
	// Parts split on '-' and '_' catch "post-share-bar" and "ad_slot".
	for _, part := range strings.FieldsFunc(strings.ToLower(raw), func(r rune) bool { return r == '-' || r == '_' }) {
		if exactBoilerplate[part] {
			return true
		}
		for _, w := range boilerplateWords {
			if strings.HasPrefix(part, w) {
				return true
			}
		}
	}
	for _, w := range boilerplateWords {
		if strings.HasPrefix(norm, w) {
			return true
		}
	}
	return false
}

func isContentToken(norm string) bool {
	for _, w := range contentWords {
		if strings.Contains(norm, w) {
			return true
		}
	}
	return false
}
