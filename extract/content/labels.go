package content

import (
	"strings"
	"unicode"
)

// adLabels are the words publishers print over an ad slot, in the
// languages of the corpus and the crawl's sites. A block that is only
// one of them is never article text.
var adLabels = map[string]bool{
	"advertisement": true, "advertisements": true, "advertisment": true, "advert": true, "advertising": true, "ad": true, "sponsored": true,
	"anzeige": true, "werbung": true, "publicidad": true, "publicité": true, "publicidade": true,
	"pubblicità": true, "reklama": true, "reklame": true, "iklan": true, "advertentie": true,
	"광고": true, "広告": true, "广告": true, "реклама": true,
}

// maxAdLabel is the byte length of the longest ad label, so longer blocks
// are not lower-cased just to miss the map.
const maxAdLabel = len("advertisements")

// isAdLabel reports a block that is only an ad label ("ADVERTISEMENT",
// "- Advertisement -").
func isAdLabel(text string) bool {
	t := strings.TrimFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	return len(t) <= maxAdLabel && adLabels[strings.ToLower(t)]
}

// sectionLabels are the headings of page sections the cleaner removes
// (comments, tag lists, related links). Left at the end of the body
// without their section, they are not article text.
var sectionLabels = map[string]bool{
	"comments": true, "comment": true, "tags": true, "topics": true, "share": true, "related": true,
	"related stories": true, "related articles": true, "you may also like": true, "read more": true,
	"more on this": true, "recommended": true, "share this": true, "share this article": true,
	"leave a comment": true, "leave a reply": true,
}

// maxSectionLabel bounds the blocks looked up in sectionLabels.
const maxSectionLabel = len("share this article")

// trimSectionLabels drops section labels, timestamps and reporting
// credits from the end of blocks, and timestamps from their start.
func trimSectionLabels(blocks []block) []block {
	for len(blocks) > 1 && (isSectionLabel(blocks[len(blocks)-1].text) || isTimestamp(blocks[len(blocks)-1].text) || isCredit(blocks[len(blocks)-1].text)) {
		blocks = blocks[:len(blocks)-1]
	}
	for len(blocks) > 1 && isTimestamp(blocks[0].text) {
		blocks = blocks[1:]
	}
	return blocks
}

// maxTimestamp is the longest block (bytes) read as a publication
// timestamp line: "Published November 20th, 2019 - 07:29 GMT" with a
// place or an agency before it.
const maxTimestamp = 100

// isTimestamp reports a short line holding a year (19xx, 20xx) and a
// clock time (hh:mm): the "Published/Updated" line metadata reads, not
// article text.
func isTimestamp(text string) bool {
	if len(text) > maxTimestamp {
		return false
	}
	year, clock := false, false
	for i := 0; i < len(text); i++ {
		if i+4 <= len(text) && (text[i:i+2] == "19" || text[i:i+2] == "20") && isDigit(text[i+2]) && isDigit(text[i+3]) &&
			(i == 0 || !isDigit(text[i-1])) && (i+4 == len(text) || !isDigit(text[i+4])) {
			year = true
		}
		if i+3 < len(text) && isDigit(text[i]) && text[i+1] == ':' && isDigit(text[i+2]) && isDigit(text[i+3]) {
			clock = true
		}
	}
	return year && clock
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isSectionLabel reports a block that is only a section label, in any
// case, with trailing punctuation ("You may also like:", "Comments (3)"
// is not: a count makes it a link or a control, caught elsewhere).
func isSectionLabel(text string) bool {
	t := strings.TrimRightFunc(text, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	return len(t) <= maxSectionLabel && sectionLabels[strings.ToLower(t)]
}

// maxCredit is the longest reporting credit line (bytes): a list of
// names, not a paragraph that mentions reporting.
const maxCredit = 300

// creditPhrases mark the wire and newsroom credit lines that close a
// story: "(Reporting by ...; Editing by ...)", "X contributed reporting".
var creditPhrases = []string{"reporting by", "editing by", "contributed to this report", "contributed reporting", "contributed to this story"}

// isCredit reports a reporting credit line.
func isCredit(text string) bool {
	if len(text) > maxCredit {
		return false
	}
	t := strings.ToLower(text)
	for _, p := range creditPhrases {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}
