package metadata

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The fast paths of this package must give the same answers as the plain
// code they replace. The plain versions live here as oracles, and fuzz
// tests compare the two.

// collapseRef is collapse as first written: a rune-by-rune rebuild.
func collapseRef(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// equivSeeds are texts that exercise the fast paths' edges: white space of
// every kind, invalid UTF-8, case folding, dates and labels.
var equivSeeds = []string{
	"", " ", "a", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u200bb", "\ufeffa", "a\u0085b", "a\u2028b",
	"\xff", "a\xffb", "a \xc3", "\u212aelvin", "poſted", "İtem", "By Jane Doe", "by-line AUTHOR",
	"2025-04-18", "18.04.2025 12:59", "April 18, 2025", "3 hours ago", "2시간 전", "입력 2025.04.18 오후 12:59",
	"Published: Mon 18 Apr 2025", "UPDATED 2025", "Mis À Jour le 18 avril 2025", "VERÖFFENTLICHT", "1234",
}

func FuzzCollapse(f *testing.F) {
	for _, s := range equivSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := collapseRef(s)
		if got := collapse(s); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
		if got := string(appendCollapsed(nil, []byte(s), utf8.DecodeRune)); got != want {
			t.Errorf("appendCollapsed(%q) = %q, want %q", s, got, want)
		}
	})
}

// The role-hint regexps the hint sets replace.
var (
	bylineHintRe = regexp.MustCompile(`byline|by-line|author|writer|reporter|journalist|dateline|contributor|byl\b|기자`)
	dateHintRe   = regexp.MustCompile(`date|time|publish|posted|updated|dateline|byline|meta|info`)
)

// The class and id fragment lists of chrome blocks and breadcrumbs the
// hint sets hold, as strings.Contains(strings.ToLower(v), f) tested them.
var (
	chromeHintsRef = []string{
		"comment", "footer", "sidebar", "related", "popular", "most-read", "mostread", "recommend",
		"gnb", "lnb", "navbar", "menu", "breadcrumb", "newsletter", "promo", "trending", "more-stories",
		"rightcol", "right-col", "top_bar", "topbar", "masthead",
	}
	crumbHintsRef = []string{"breadcrumb", "crumb", "location"}
)

func lowerContainsRef(v string, frags ...string) bool {
	v = strings.ToLower(v)
	for _, f := range frags {
		if strings.Contains(v, f) {
			return true
		}
	}
	return false
}

func FuzzHintSet(f *testing.F) {
	for _, s := range equivSeeds {
		f.Add(s)
	}
	for _, s := range []string{
		"byl", "byl-x", "bylaw", "xbyl_", "byl\xff", "bylbyl ", "post-author", "entry-meta", "기자명", "BYL",
		"SİDEBAR", "Menu-Top", "BreadCrumbList", "LOCATION", "related-posts-widget-with-a-long-class-name",
		strings.Repeat("a", 300) + "Footer", "byl\u212a", "Byl\u212a-x", "BYL-x", "xByl", "Bylé", "byl_", strings.Repeat("Ab", 200) + "é",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		lv := strings.ToLower(v)
		if got, want := bylineHints.inValue(v), bylineHintRe.MatchString(lv); got != want {
			t.Errorf("bylineHints.inValue(%q) = %v, regexp says %v", v, got, want)
		}
		if got, want := dateHints.inValue(v), dateHintRe.MatchString(lv); got != want {
			t.Errorf("dateHints.inValue(%q) = %v, regexp says %v", v, got, want)
		}
		if got, want := chromeHints.inValue(v), lowerContainsRef(v, chromeHintsRef...); got != want {
			t.Errorf("chromeHints.inValue(%q) = %v, want %v", v, got, want)
		}
		if got, want := crumbHints.inValue(v), lowerContainsRef(v, crumbHintsRef...); got != want {
			t.Errorf("crumbHints.inValue(%q) = %v, want %v", v, got, want)
		}
		if got, want := crumbTypeHints.inValue(v), lowerContainsRef(v, "breadcrumblist"); got != want {
			t.Errorf("crumbTypeHints.inValue(%q) = %v, want %v", v, got, want)
		}
	})
}

// FuzzDatePrefilters checks that each cheap test before a date or byline
// regexp only skips texts the regexp cannot match.
func FuzzDatePrefilters(f *testing.F) {
	for _, s := range equivSeeds {
		f.Add(s)
	}
	for _, s := range []string{"an hour AGO", "3 Days Ago", "5分钟前", "2주 전", "홍길동 기자", "(서울=연합뉴스) 김철수 선임기자 =", "marſ\t18, 2025", "18 abril de 2025", "Apr.,\n2025", "By Jane", "Élise Martin, Staff Writer", "POSTED BY Joe", "KO YONG-CHUL Reporter", "12/3/2025", "3. März 2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !hasYearDigits(s) {
			for _, re := range []*regexp.Regexp{ymdRe, mdyRe, dmyRe, numDMYRe} {
				if re.MatchString(s) {
					t.Errorf("hasYearDigits(%q) = false, but %v matches", s, re)
				}
			}
		}
		if !hasWordThenNumber(s) && (mdyRe.MatchString(s) || dmyRe.MatchString(s)) {
			t.Errorf("hasWordThenNumber(%q) = false, but a month-name pattern matches", s)
		}
		if printedByline(s) != (byLineRe.MatchString(s) || koBylineRe.MatchString(s) || roleBylineRe.MatchString(s)) {
			t.Errorf("printedByline(%q) disagrees with the byline regexps", s)
		}
		if !containsFoldASCII(s, "ago") && agoRe.MatchString(s) {
			t.Errorf(`containsFoldASCII(%q, "ago") = false, but agoRe matches`, s)
		}
		if koByline(s) != koBylineRe.MatchString(s) {
			t.Errorf("koByline(%q) disagrees with koBylineRe", s)
		}
		cjk := hasDigit(s) && (strings.Contains(s, "전") || strings.Contains(s, "前"))
		if !cjk && agoCJKRe.MatchString(s) {
			t.Errorf("CJK prefilter skips %q, but agoCJKRe matches", s)
		}
	})
}

// FuzzDateLabels checks that hasDateLabel, the test before the label
// regexps, agrees with them.
func FuzzDateLabels(f *testing.F) {
	for _, s := range equivSeeds {
		f.Add(s)
	}
	for _, s := range []string{"POSTED", "poſted", "MODIFIED", "Mis à Jour", "MIS À JOUR", "VERÖFFENTLICHT", "Publié", "ᏚᏔ", "\u212aelvin"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := pubLabelRe.MatchString(s) || modLabelRe.MatchString(s)
		if got := hasDateLabel(s); got != want {
			t.Errorf("hasDateLabel(%q) = %v, the regexps say %v", s, got, want)
		}
	})
}
