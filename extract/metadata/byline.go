package metadata

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Byline cleaning patterns, compiled once.
var (
	emailRe = regexp.MustCompile(`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	urlRe   = regexp.MustCompile(`(?i)\(?\bhttps?://\S+\)?`)
	// A leading "By", "Written by", "Par", "Von", "Por", "Door", "Di",
	// "Text:", "Words:".
	bylinePrefixRe = regexp.MustCompile(`(?i)^(?:(?:written|posted|reported|words|story|text|photos?|published|edited|compiled|analysis|opinion|commentary|review|interview)\s+by|by|par|von|por|door|di|text|words|autor|auteur|author|authors|reporter|글|글·사진|사진)\b\s*[:：]?\s*|^(?i:текст|автор|фото|文|撰文|記者|记者)\s*[:：]\s*`)
	// Role words printed beside a name: "KO YONG-CHUL Reporter",
	// "홍길동 기자", "Jane Doe, Staff Writer".
	roleRe   = regexp.MustCompile(`(?i)(?:,\s*|\s+|^)(?:(?:senior|chief|staff|special|political|business|foreign|science|technology|tech|sports|health|legal|investigative|contributing|associate|managing|deputy|executive)\s+)*(?:reporter|writer|correspondent|editor|columnist|contributor|journalist|photographer|producer|analyst|intern|staff)s?\b\.?`)
	roleKoRe = regexp.MustCompile(`\s*(?:선임|수석|전문|인턴|객원|취재|편집|논설|대기자)?\s*(?:기자|특파원|논설위원|위원|통신원|리포터|칼럼니스트)(?:단)?`)
	// Labels that introduce a date after a byline.
	dateLabelRe = regexp.MustCompile(`(?i)\b(?:updated|published|posted|last\s+updated|modified|created|on)\b\s*[:：]?\s*$|(?:입력|수정|등록|승인|기사입력|최종수정|게재|발행)\s*[:：]?\s*$`)
	// Separators between authors.
	authorSepRe = regexp.MustCompile(`(?i)\s+(?:and|und|et|y|e|og|och|en)\s+|\s*(?:&|,|;|·|、|/|\|)\s*`)
)

// credentials are post-nominal letters that follow a name after a comma
// ("Brenda Goodman, MA"): they belong to the name, not a new author.
var credentials = map[string]bool{
	"ma": true, "md": true, "phd": true, "ms": true, "mph": true, "rn": true, "jr": true, "sr": true,
	"ii": true, "iii": true, "mba": true, "dds": true, "do": true, "bsc": true, "msc": true,
}

// maxBylineLen bounds a cleaned byline: longer text is a bio or prose.
const maxBylineLen = 120

// maxNameWords bounds one author's name in words.
const maxNameWords = 6

// maxCJKNameRunes bounds one author's name in Chinese, Japanese or Korean
// characters: names run two to four, pen names with a handle rarely past two dozen.
const maxCJKNameRunes = 24

// cleanByline strips from a printed byline what is not names: a leading
// "By", role words ("Reporter", "기자", "Staff Writer"), e-mail
// addresses, handles, URLs, phone numbers, dates and the words around
// them ("Updated", "on Monday"), and a publication after " | ".
func cleanByline(s string) string {
	s = collapse(s)
	s = cutDates(s)
	s = emailRe.ReplaceAllString(s, " ")
	s = urlRe.ReplaceAllString(s, " ")
	s = handleRe.ReplaceAllString(s, " ")
	s = bracketBlanker.Replace(s)
	s = collapse(s)
	for i := 0; i < 2; i++ {
		s = strings.TrimLeft(s, " |/-–—·:,=;")
		s = bylinePrefixRe.ReplaceAllString(s, "")
	}
	if i := strings.Index(s, " | "); i > 0 {
		s = s[:i]
	}
	if loc := secondaryCreditRe.FindStringIndex(s); loc != nil && loc[0] > 0 {
		s = s[:loc[0]] // "Rob Ewaschuk Edited by Betsy Beyer": the editor is not an author
	}
	s = cutAtNumber(s)
	s = gluedRoleRe.ReplaceAllString(s, "$1 $2")
	s = dropRoleSegments(s)
	s = roleRe.ReplaceAllString(s, "")
	s = roleKoRe.ReplaceAllString(s, "")
	s = trimFiller(collapse(s))
	s = strings.Trim(s, " |/-–—·:,=;")
	if h := len(s) / 2; h > 0 && len(s) == 2*h+1 && s[h] == ' ' && s[:h] == s[h+1:] {
		s = s[:h] // "Sean Martin Sean Martin": a name printed twice
	}
	return s
}

// gluedRoleRe finds a role word glued to the name before it by markup
// without a space ("Meg JamesStaff Writer").
var gluedRoleRe = regexp.MustCompile(`(\p{Ll})((?:Staff|Senior|Chief|Business|Political|Contributing|Special|Reporter|Writer|Correspondent|Columnist|Editor)\b)`)

// secondaryCreditRe finds credits after the author's: editors,
// photographers, illustrators.
var secondaryCreditRe = regexp.MustCompile(`(?i)[\s,;]+(?:edited|photos?|photographs?|pictures|illustrations?|graphics|video|additional reporting)\s+by\b`)

// bracketBlanker turns brackets around names ("Jane Doe (AP)") into spaces.
var bracketBlanker = strings.NewReplacer("[", " ", "]", " ", "(", " ", ")", " ", "（", " ", "）", " ")

// handleRe matches social media handles (@name) left beside a name.
var handleRe = regexp.MustCompile(`@[\w.]+`)

// cutDates removes the dates in s: a date that opens the byline is
// dropped, one after the name ends it, with its label ("Updated").
func cutDates(s string) string {
	if loc := agoRe.FindStringIndex(s); loc != nil {
		s = strings.TrimSpace(s[:loc[0]])
	}
	for n := 0; n < maxDatesPerLine; n++ {
		m, ok := findTime(s, nil, time.Time{}, false)
		if !ok {
			break
		}
		if m.start == 0 {
			s = strings.TrimSpace(s[m.end:])
			continue
		}
		s = strings.TrimSpace(dateLabelRe.ReplaceAllString(strings.TrimSpace(s[:m.start]), ""))
		break
	}
	return s
}

// cutAtNumber ends s before its first word that starts with a digit (a
// time, a short date, a phone number, a read time), and drops such words
// when they open it.
func cutAtNumber(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if w[0] >= '0' && w[0] <= '9' {
			if i == 0 {
				return cutAtNumber(strings.Join(words[1:], " "))
			}
			return strings.Join(words[:i], " ")
		}
	}
	return s
}

// dropRoleSegments drops comma-separated parts that name a role rather
// than a person: "Tom Krisher, AP Auto Writer".
func dropRoleSegments(s string) string {
	parts := strings.Split(s, ",")
	if len(parts) < 2 {
		return s
	}
	out := parts[:1]
	for _, p := range parts[1:] {
		if !roleWordRe.MatchString(p) {
			out = append(out, p)
		}
	}
	return strings.Join(out, ",")
}

// roleWordRe finds a role word in a byline segment.
var roleWordRe = regexp.MustCompile(`(?i)\b(?:reporter|writer|correspondent|editor|columnist|contributor|journalist|photographer|producer)s?\b`)

// fillerWords open or close bylines without being names: labels, days,
// months, "on", "at".
var fillerWords = map[string]bool{
	"on": true, "at": true, "am": true, "le": true, "el": true, "il": true, "da": true, "de": false,
	"updated": true, "published": true, "posted": true, "publiziert": true, "veröffentlicht": true,
	"aktualisiert": true, "publié": true, "publicado": true, "today": true, "yesterday": true,
	"live": true, "last": true, "by": true, "and": true, "|": true, "-": true, "/": true, "·": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "mon": true, "tue": true, "wed": true, "thu": true,
	"fri": true, "sat": true, "sun": true,
}

// trimFiller drops filler words and month names from both ends of s.
func trimFiller(s string) string {
	words := strings.Fields(s)
	filler := func(w string) bool {
		w = strings.ToLower(strings.Trim(w, ".,:;|-–—·"))
		_, month := months[w]
		return w == "" || fillerWords[w] || month
	}
	for len(words) > 0 && filler(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	for len(words) > 0 && filler(words[0]) {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// splitAuthors splits a cleaned byline into names on "and", "&", ",",
// "·" and their kin, keeping credentials with the name before them.
func splitAuthors(s string) []string {
	var out []string
	for _, p := range authorSepRe.Split(s, -1) {
		p = strings.Trim(strings.TrimSpace(p), ".-–—:")
		if p == "" {
			continue
		}
		if credentials[strings.ToLower(strings.ReplaceAll(p, ".", ""))] && len(out) > 0 {
			continue
		}
		out = append(out, p)
	}
	return dedupe(out)
}

// looksLikeNames reports whether a cleaned byline is plausibly names: not
// empty, not long, not a sentence, not a call to action.
func looksLikeNames(s string) bool {
	if s == "" || len(s) > maxBylineLen {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return false
	}
	for _, name := range splitAuthors(s) {
		if isCJK(name) {
			if utf8.RuneCountInString(name) > maxCJKNameRunes {
				return false
			}
		} else if wordCount(name) > maxNameWords {
			return false
		}
	}
	if !isCJK(s) && lowercaseShare(s) > maxLowercaseShare {
		return false
	}
	low := strings.ToLower(s)
	for _, w := range notNames {
		if strings.Contains(low, w) {
			return false
		}
	}
	return true
}

// notNames are phrases of page furniture that class-hinted "author"
// elements often hold instead of a name.
var notNames = []string{
	"share", "comment", "follow", "subscribe", "sign in", "log in", "login", "read more", "min read",
	"copyright", "©", "all rights", "newsletter", "posts by", "view all", "more from", "contact",
	"about the author", "click", "http", "www.", "advertis", "loading", "menu",
}

// maxLowercaseShare is the share of words opening in lower case above
// which a Latin-script line is prose ("the jury took"), not names.
const maxLowercaseShare = 0.5

// nameParticles are lower-case words inside names and name lists.
var nameParticles = map[string]bool{
	"and": true, "und": true, "et": true, "y": true, "e": true, "van": true, "von": true, "de": true,
	"da": true, "di": true, "la": true, "le": true, "del": true, "der": true, "den": true, "bin": true,
	"al": true, "dos": true, "das": true, "du": true, "ten": true, "ter": true,
}

// lowercaseShare is the share of s's words, particles aside, that open
// with a lower-case letter.
func lowercaseShare(s string) float64 {
	words, lower := 0, 0
	for _, w := range strings.Fields(s) {
		if nameParticles[w] {
			continue
		}
		r := []rune(w)[0]
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsLower(r) {
			lower++
		}
	}
	if words == 0 {
		return 0
	}
	return float64(lower) / float64(words)
}

func isCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

// dedupe drops repeats (compared case-insensitively) and empty strings,
// keeping the first spelling.
func dedupe(in []string) []string {
	var out []string
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		s = strings.TrimSpace(s)
		k := strings.ToLower(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}
