package eval

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/lede-news/lede/extract"
)

// fold lower-cases s, applies NFKC (so full-width and compatibility forms
// compare equal) and keeps only word characters.
func fold(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// TitleMatch reports whether pred equals truth after folding case, Unicode
// width and every non-word character.
func TitleMatch(truth, pred string) bool {
	return fold(truth) == fold(pred)
}

// nameTokens are s's folded tokens, without a leading "by".
func nameTokens(s string) []string {
	toks := Tokens(norm.NFKC.String(s))
	for i := range toks {
		toks[i] = strings.ToLower(toks[i])
	}
	if len(toks) > 0 && toks[0] == "by" {
		toks = toks[1:]
	}
	return toks
}

// minBylineOverlap is the share of the prediction's tokens that must be
// the truth's: a byline padded with dates or roles is half wrong.
const minBylineOverlap = 0.5

// BylineMatch reports whether every name token of the truth appears in
// the prediction and at least half of the prediction's tokens belong to
// the truth. A truth's date tokens (numbers, month names, am/pm), which
// some annotated bylines carry from a dateline beside the name, are not
// name tokens; a prediction that carries them still counts them as the
// truth's.
func BylineMatch(truth, pred string) bool {
	tt, pt := nameTokens(truth), nameTokens(pred)
	if len(pt) == 0 {
		return len(tt) == 0
	}
	inPred := make(map[string]bool, len(pt))
	for _, t := range pt {
		inPred[t] = true
	}
	inTruth := make(map[string]bool, len(tt))
	for _, t := range tt {
		inTruth[t] = true
		if !inPred[t] && !isDateToken(t) {
			return false
		}
	}
	var hit int
	for _, t := range pt {
		if inTruth[t] {
			hit++
		}
	}
	return float64(hit) >= minBylineOverlap*float64(len(pt))
}

// dateWords are the lower-cased English month names, their abbreviations
// and the clock's am/pm: with numbers, the tokens of a dateline.
var dateWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "am": true, "pm": true,
}

// isDateToken reports whether a lower-cased token belongs to a date or a
// time rather than a name: a number, a month or am/pm.
func isDateToken(t string) bool {
	for _, r := range t {
		if !unicode.IsDigit(r) {
			return dateWords[t]
		}
	}
	return t != ""
}

// truthLayouts are the forms the corpus gives published times in.
var truthLayouts = []struct {
	layout string
	zoned  bool
}{
	{time.RFC3339Nano, true},
	{"2006-01-02T15:04:05Z0700", true},
	{"2006-01-02T15:04:05.999999999Z0700", true},
	{"2006-01-02T15:04Z07:00", true},
	{"2006-01-02T15:04:05.999999999", false},
	{"2006-01-02T15:04:05", false},
	{"2006-01-02T15:04", false},
	{"2006-01-02 15:04:05.999999999", false},
	{"2006-01-02 15:04:05", false},
	{"2006-01-02", false},
}

// ParseTruthTime reads a published value as the corpus gives it.
func ParseTruthTime(s string) (extract.Timestamp, bool) {
	s = strings.TrimSpace(s)
	for _, l := range truthLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return extract.Timestamp{Time: t, Zoned: l.zoned}, true
		}
	}
	return extract.Timestamp{}, false
}

// PublishedMatch reports whether pred falls on the truth's calendar day,
// compared in the truth's zone when both carry one, else by the dates as
// printed.
func PublishedMatch(truth string, pred extract.Timestamp) bool {
	t, ok := ParseTruthTime(truth)
	if !ok || pred.IsZero() {
		return false
	}
	p := pred.Time
	if t.Zoned && pred.Zoned {
		p = p.In(t.Time.Location())
	}
	ty, tm, td := t.Time.Date()
	py, pm, pd := p.Date()
	return ty == py && tm == pm && td == pd
}
