package eval

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lede-news/lede/extract"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"snake_case x2 — 3.14", []string{"snake_case", "x2", "3", "14"}},
		{"서울 시장은 말했다.", []string{"서울", "시장은", "말했다"}},
		// Devanagari vowel signs are combining marks (Mc), not letters: they split words.
		{"हिन्दी", []string{"ह", "न", "द"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreBody(t *testing.T) {
	tests := []struct {
		name           string
		truth, pred    string
		tp, fp, fn     float64
		precision, rec float64
		exact          bool
	}{
		{"identical despite punctuation and breaks", "a b c d e", "a b, c\n\nd e!", 1, 0, 0, 1, 1, true},
		// truth shingles: abcd bcde; pred: abcd bcde cdef -> tp 2, fp 1.
		{"extra word at end", "a b c d e", "a b c d e f", 2.0 / 3, 1.0 / 3, 0, 2.0 / 3, 1, false},
		{"disjoint", "a b c d", "w x y z", 0, 0.5, 0.5, 0, 0, false},
		{"empty prediction", "a b c d", "", 0, 0, 1, 0, 0, false},
		{"short texts are one shingle", "a b", "a b", 1, 0, 0, 1, 1, true},
		{"case counts", "A b c d", "a b c d", 0, 0.5, 0.5, 0, 0, false},
		{"repeats are a multiset", "a b c d", "a b c d a b c d", 1.0 / 5, 4.0 / 5, 0, 1.0 / 5, 1, false},
	}
	for _, tt := range tests {
		s := ScoreBody(tt.truth, tt.pred)
		if !near(s.TP, tt.tp) || !near(s.FP, tt.fp) || !near(s.FN, tt.fn) {
			t.Errorf("%s: tp/fp/fn = %.3f/%.3f/%.3f, want %.3f/%.3f/%.3f", tt.name, s.TP, s.FP, s.FN, tt.tp, tt.fp, tt.fn)
		}
		if !near(s.Precision(), tt.precision) || !near(s.Recall(), tt.rec) || s.Exact != tt.exact {
			t.Errorf("%s: P %.3f R %.3f exact %t, want %.3f %.3f %t", tt.name, s.Precision(), s.Recall(), s.Exact, tt.precision, tt.rec, tt.exact)
		}
	}
}

func TestSummarizeBodyLeavesEmptyPredictionsOutOfPrecision(t *testing.T) {
	scores := []BodyScore{
		ScoreBody("a b c d e", "a b c d e"),   // P 1, R 1, exact
		ScoreBody("a b c d e", ""),            // no prediction: R 0, not in P
		ScoreBody("a b c d e", "a b c d e f"), // P 2/3, R 1
	}
	got := SummarizeBody(scores)
	wantP, wantR := (1+2.0/3)/2, 2.0/3
	if !near(got.Precision, wantP) || !near(got.Recall, wantR) {
		t.Fatalf("P %.4f R %.4f, want %.4f %.4f", got.Precision, got.Recall, wantP, wantR)
	}
	if !near(got.F1, 2*wantP*wantR/(wantP+wantR)) || !near(got.Accuracy, 1.0/3) || got.Pages != 3 {
		t.Fatalf("summary %+v", got)
	}
}

func TestTitleMatch(t *testing.T) {
	tests := []struct {
		truth, pred string
		want        bool
	}{
		{"Hello, World!", "hello world", true},
		{"ＡＢＣ ニュース", "ABC ニュース", true},
		{"Hello World", "Hello World | The Times", false},
	}
	for _, tt := range tests {
		if got := TitleMatch(tt.truth, tt.pred); got != tt.want {
			t.Errorf("TitleMatch(%q, %q) = %t", tt.truth, tt.pred, got)
		}
	}
}

func TestBylineMatch(t *testing.T) {
	tests := []struct {
		truth, pred string
		want        bool
	}{
		{"By Jane Doe", "Jane Doe", true},
		{"Jane Doe", "by jane doe", true},
		{"Jane Doe", "Jane", false},                               // a name token missing
		{"Jane Doe", "Jane Doe Staff Writer April 3 2020", false}, // mostly not the truth's
		{"Stella Kim, Jennifer Jett", "Stella Kim and Jennifer Jett", true},
		{"Jane Doe", "", false},
		// A dateline in the truth is not part of the name...
		{"By Nathan Willis\n March 25, 2015", "Nathan Willis", true},
		{"By GILLIAN MOHNEY March 11, 2015 3:46 PM", "Gillian Mohney", true},
		// ...but every name token still must be there, and words that are
		// neither name nor date still count.
		{"By Nathan Willis March 25, 2015", "Nathan", false},
		{"April 28, 2019 at 6:01 am Updated April 29, 2019", "Benjamin Romano", false},
		{"Jane Doe", "Jane Doe, March 25, 2015", false},
		{"By Jane Doe 2015", "Jane2015", false},
	}
	for _, tt := range tests {
		if got := BylineMatch(tt.truth, tt.pred); got != tt.want {
			t.Errorf("BylineMatch(%q, %q) = %t, want %t", tt.truth, tt.pred, got, tt.want)
		}
	}
}

func TestPublishedMatch(t *testing.T) {
	seoul := time.FixedZone("KST", 9*3600)
	tests := []struct {
		truth string
		pred  extract.Timestamp
		want  bool
	}{
		{"2019-01-03T07:00:02.000Z", extract.Timestamp{Time: time.Date(2019, 1, 3, 16, 0, 0, 0, seoul), Zoned: true}, true},
		// 2019-01-03 02:00 in Seoul is still 2 January in UTC.
		{"2019-01-02T20:00:00Z", extract.Timestamp{Time: time.Date(2019, 1, 3, 5, 0, 0, 0, seoul), Zoned: true}, true},
		// 10:00 in Seoul on 3 January is 01:00 UTC on 3 January.
		{"2019-01-02T12:00:00Z", extract.Timestamp{Time: time.Date(2019, 1, 3, 10, 0, 0, 0, seoul), Zoned: true}, false},
		{"2024-06-25", extract.Timestamp{Time: time.Date(2024, 6, 25, 23, 0, 0, 0, time.UTC)}, true},
		{"2021-11-01T10:52:50+0100", extract.Timestamp{Time: time.Date(2021, 11, 1, 9, 52, 50, 0, time.UTC), Zoned: true}, true},
		{"2017-11-03 03:01:00.000000", extract.Timestamp{Time: time.Date(2017, 11, 3, 3, 1, 0, 0, time.UTC)}, true},
		{"2017-11-03", extract.Timestamp{}, false},
		{"not a date", extract.Timestamp{Time: time.Now()}, false},
	}
	for _, tt := range tests {
		if got := PublishedMatch(tt.truth, tt.pred); got != tt.want {
			t.Errorf("PublishedMatch(%q, %v) = %t, want %t", tt.truth, tt.pred, got, tt.want)
		}
	}
}

func TestLoadCorpusErrorsNameTheInput(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadCorpus(dir); err == nil {
		t.Fatal("want an error for a directory without truth.jsonl")
	}
	os.MkdirAll(filepath.Join(dir, "html"), 0o755)
	os.WriteFile(filepath.Join(dir, "truth.jsonl"), []byte(`{"id":"a","source":"s","body":"x y"}`+"\n"+`{oops`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "html", "a.html"), []byte("<p>x y</p>"), 0o644)
	_, err := LoadCorpus(dir)
	if err == nil || !strings.Contains(err.Error(), "truth.jsonl:2") {
		t.Fatalf("err = %v, want one naming truth.jsonl:2", err)
	}
}
