package urlnorm

import "strings"

// trackingParams lists the query parameters Normalize drops: each names the
// campaign, click or mail that brought a reader to a page, never which page it
// is, so two URLs differing only in them are the same article. Keys are matched
// case-insensitively. Read-only: never written after initialisation.
//
// Deliberately absent: parameters that pick content (id, p, page, idxno,
// part_idx, article_id, ...) and ambiguous short names used both ways ("ref",
// "source", "src", "from", "share", "s"), since dropping a meaningful
// parameter merges different pages, which is worse than fetching one twice.
var trackingParams = map[string]bool{
	"fbclid":      true, // Facebook click id
	"gclid":       true, // Google Ads click id
	"dclid":       true, // Google Display click id
	"gbraid":      true, // Google Ads (iOS, app to web)
	"wbraid":      true, // Google Ads (iOS, web to app)
	"gclsrc":      true, // Google Ads click source
	"msclkid":     true, // Microsoft Ads click id
	"twclid":      true, // X/Twitter Ads click id
	"ttclid":      true, // TikTok Ads click id
	"li_fat_id":   true, // LinkedIn Ads click id
	"mc_cid":      true, // Mailchimp campaign id
	"mc_eid":      true, // Mailchimp subscriber id
	"yclid":       true, // Yandex click id
	"igshid":      true, // Instagram share id
	"_ga":         true, // Google Analytics cross-domain linker
	"_gl":         true, // Google Analytics linker
	"_hsenc":      true, // HubSpot mail
	"_hsmi":       true, // HubSpot mail
	"mkt_tok":     true, // Marketo mail
	"oly_anon_id": true, // Omeda
	"oly_enc_id":  true, // Omeda
	"vero_id":     true, // Vero mail
	"vero_conv":   true, // Vero mail
	"ref_src":     true, // Twitter embed source ("twsrc^tfw"), never selects content
	"ref_url":     true, // Twitter embed referrer
	"s_cid":       true, // Adobe Analytics campaign
	"ncid":        true, // Yahoo/AOL newsletter campaign
	"cmpid":       true, // campaign id used by many publishers' newsletters
	"at_medium":   true, // AT Internet (Piano) campaign
	"at_campaign": true, // AT Internet (Piano) campaign
	"wt_mc":       true, // Webtrekk campaign
	"spm":         true, // Alibaba/Taobao tracking
	"intcmp":      true, // internal campaign (The Guardian and others)
	"icid":        true, // internal campaign id
	"intcid":      true, // internal campaign id
	"smid":        true, // NYT social share id ("tw-nytimes")
	"smtyp":       true, // NYT social share type
}

// trackingPrefixes lists key prefixes whose parameters are all tracking:
// utm_source, utm_medium, utm_campaign, utm_term, utm_content, utm_id and the
// many vendor variants, and the internal itm_* counterparts. Read-only.
var trackingPrefixes = []string{"utm_", "itm_"}

// IsTracking reports whether the query parameter key (unescaped) is one
// Normalize drops.
func IsTracking(key string) bool {
	k := strings.ToLower(key)
	if trackingParams[k] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}
