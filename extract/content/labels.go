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
