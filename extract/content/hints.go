package content

import (
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
	if class == "" && id == "" {
		return hintNone
	}
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
