package metadata

import (
	"strings"
)

// titleSeparators stand between a headline and the site's name in titles:
// "Headline - Site", "Site | Headline".
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " / ", " ~ ", " || "}

// Word counts that tell a site suffix from part of the headline.
const (
	minHeadlineWords = 3 // a part shorter than this is not the whole headline
	maxSiteWords     = 4 // a site name is short; a longer tail is part of the headline
	// maxTitleTailWords bounds the last segment a <title> loses: site
	// names with a section or a tagline ("My Hero Academia [Archive of
	// Our Own]") run longer than bare names.
	maxTitleTailWords = 8
)

// stripSite removes a leading or trailing segment of title that names the
// site: one of names, or the site's domain label. It keeps title when
// nothing would be left.
func stripSite(title string, names []string) string {
	title = collapse(title)
	for changed := true; changed; {
		changed = false
		for _, sep := range titleSeparators {
			if i := strings.LastIndex(title, sep); i > 0 && isSiteName(title[i+len(sep):], names) {
				title, changed = strings.TrimSpace(title[:i]), true
				break
			}
			if i := strings.Index(title, sep); i > 0 && i+len(sep) < len(title) && isSiteName(title[:i], names) {
				title, changed = strings.TrimSpace(title[i+len(sep):]), true
				break
			}
		}
	}
	return title
}

// isSiteName reports whether seg names the site: it folds to one of
// names, or one of them begins with it ("Factorio" for "Factorio.com").
func isSiteName(seg string, names []string) bool {
	f := fold(seg)
	if f == "" {
		return false
	}
	for _, n := range names {
		fn := fold(n)
		if fn == "" {
			continue
		}
		if f == fn || (len(f) >= minSitePrefix && strings.HasPrefix(fn, f)) || (len(fn) >= minSitePrefix && strings.HasPrefix(f, fn) && wordCount(seg) <= maxSiteWords) {
			return true
		}
	}
	return false
}

// minSitePrefix is the folded length under which a prefix match between
// a title segment and a site name is chance.
const minSitePrefix = 4

// fromTitleTag reads the headline from a <title>: without a segment
// naming the site, else without a short last segment (the usual
// "Headline | Site" shape).
func fromTitleTag(title string, names []string) string {
	title = collapse(title)
	if t := stripSite(title, names); t != title {
		return t
	}
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := title[:i], title[i+len(sep):]
		if wordCount(head) >= minHeadlineWords && wordCount(tail) <= maxTitleTailWords {
			return strings.TrimSpace(head)
		}
	}
	return title
}
