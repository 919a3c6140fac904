package metadata

import (
	"regexp"
	"strings"
	"time"
	"unicode"
)

// Byline cleaning patterns, compiled once.
var (
	emailRe = regexp.MustCompile(`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	urlRe   = regexp.MustCompile(`(?i)\(?\bhttps?://\S+\)?`)
	// A leading "By", "Written by", "Par", "Von", "Por", "Door", "Di",
	// "Text:", "Words:".
	bylinePrefixRe = regexp.MustCompile(`(?i)^(?:(?:written|posted|reported|words|story|text|photos?|published|edited|compiled)\s+by|by|par|von|por|door|di|text|words|autor|auteur|author|authors|reporter|글|글·사진|사진)\b\s*[:：]?\s*`)
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

// cleanByline strips from a printed byline what is not names: a leading
// "By", role words ("Reporter", "기자", "Staff Writer"), e-mail
// addresses, URLs, and a trailing date with its label.
func cleanByline(s string) string {
	s = collapse(s)
	if m, ok := findTime(s, nil, time.Time{}, false); ok && m.start > 0 {
		s = strings.TrimSpace(s[:m.start])
		s = strings.TrimSpace(dateLabelRe.ReplaceAllString(s, ""))
	}
	s = emailRe.ReplaceAllString(s, " ")
	s = urlRe.ReplaceAllString(s, " ")
	s = strings.NewReplacer("[", " ", "]", " ", "(", " ", ")", " ", "（", " ", "）", " ").Replace(s)
	s = collapse(s)
	for i := 0; i < 2; i++ {
		s = strings.TrimLeft(s, " |/-–—·:,=")
		s = bylinePrefixRe.ReplaceAllString(s, "")
	}
	s = roleRe.ReplaceAllString(s, "")
	s = roleKoRe.ReplaceAllString(s, "")
	s = collapse(s)
	s = strings.Trim(s, " |/-–—·:,=")
	return s
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
		if wordCount(name) > maxNameWords && !isCJK(name) {
			return false
		}
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
