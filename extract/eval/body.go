package eval

import (
	"strings"
	"unicode"
)

// shingleSize is the benchmark's n: runs of 4 tokens, so word order counts
// but one wrong word costs only the shingles that contain it.
const shingleSize = 4

// Tokens splits s into the metric's tokens: runs of Unicode letters,
// digits and '_' (Python's \w+), case kept.
func Tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_'
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// shingles counts the runs of shingleSize tokens; a text of fewer tokens
// is one shingle, an empty text none.
func shingles(tokens []string) map[string]int {
	m := make(map[string]int)
	if len(tokens) == 0 {
		return m
	}
	n := len(tokens) - shingleSize + 1
	if n < 1 {
		n = 1
	}
	for i := 0; i < n; i++ {
		end := min(i+shingleSize, len(tokens))
		m[strings.Join(tokens[i:end], "\x00")]++
	}
	return m
}

// BodyScore is one page's body score: tp, fp and fn normalised to sum to
// 1 (all zero when both texts are empty), and whether the token sequences
// are equal.
type BodyScore struct {
	TP, FP, FN float64
	Exact      bool
	Empty      bool // the prediction had no tokens
}

// ScoreBody scores a predicted body against the truth.
func ScoreBody(truth, pred string) BodyScore {
	tt, pt := Tokens(truth), Tokens(pred)
	ts, ps := shingles(tt), shingles(pt)
	var tp, fp, fn float64
	for k, tc := range ts {
		pc := ps[k]
		tp += float64(min(tc, pc))
		fn += float64(max(0, tc-pc))
	}
	for k, pc := range ps {
		fp += float64(max(0, pc-ts[k]))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return BodyScore{TP: tp, FP: fp, FN: fn, Exact: equalTokens(tt, pt), Empty: len(pt) == 0}
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Precision is the page's precision: 1 when nothing is wrong, 0 when
// nothing was predicted right.
func (s BodyScore) Precision() float64 {
	switch {
	case s.FP == 0 && s.FN == 0:
		return 1
	case s.TP == 0 && s.FP == 0:
		return 0
	}
	return s.TP / (s.TP + s.FP)
}

// Recall is the page's recall, defined like Precision.
func (s BodyScore) Recall() float64 {
	switch {
	case s.FP == 0 && s.FN == 0:
		return 1
	case s.TP == 0 && s.FN == 0:
		return 0
	}
	return s.TP / (s.TP + s.FN)
}

// F1 is the page's own F1, for ranking pages; the corpus F1 is computed
// from averaged precision and recall instead (SummarizeBody).
func (s BodyScore) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// BodySummary is the corpus-level body metric.
type BodySummary struct {
	Pages     int
	Precision float64 // mean over pages with tp+fp > 0
	Recall    float64 // mean over pages with tp+fn > 0
	F1        float64 // harmonic mean of Precision and Recall
	Accuracy  float64 // share of pages whose tokens equal the truth's
}

// SummarizeBody aggregates page scores as the benchmark does. A page with
// an empty prediction counts for recall (as 0) but not for precision.
func SummarizeBody(scores []BodyScore) BodySummary {
	var sum BodySummary
	sum.Pages = len(scores)
	var np, nr, exact int
	for _, s := range scores {
		if s.TP+s.FP > 0 && !s.Empty {
			sum.Precision += s.Precision()
			np++
		}
		if s.TP+s.FN > 0 {
			sum.Recall += s.Recall()
			nr++
		}
		if s.Exact {
			exact++
		}
	}
	if np > 0 {
		sum.Precision /= float64(np)
	}
	if nr > 0 {
		sum.Recall /= float64(nr)
	}
	if sum.Precision+sum.Recall > 0 {
		sum.F1 = 2 * sum.Precision * sum.Recall / (sum.Precision + sum.Recall)
	}
	if sum.Pages > 0 {
		sum.Accuracy = float64(exact) / float64(sum.Pages)
	}
	return sum
}
