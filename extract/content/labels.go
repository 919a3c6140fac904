package content

import (
	"strings"
	"unicode"
)

// adLabels are the words publishers print over an ad slot, in the
// languages of the corpus and the crawl's sites. A block that is only
// one of them is never article text.
var adLabels = map[string]bool{
	"advertisement": true, "advertisment": true, "advertising": true, "ad": true, "sponsored": true,
	"anzeige": true, "werbung": true, "publicidad": true, "publicité": true, "publicidade": true,
	"pubblicità": true, "reklama": true, "reklame": true, "iklan": true, "advertentie": true,
	"광고": true, "広告": true, "广告": true, "реклама": true,
}

// isAdLabel reports a block that is only an ad label ("ADVERTISEMENT",
// "- Advertisement -").
func isAdLabel(text string) bool {
	t := strings.TrimFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	return len(t) <= len("advertisement") && adLabels[strings.ToLower(t)]
}
