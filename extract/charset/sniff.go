package charset

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// sampleBytes is how much of a legacy page is decoded by each candidate
// encoding: 4 KiB from the first non-ASCII byte holds up to two thousand
// CJK characters, plenty for statistics, and keeps sniffing cheap.
const sampleBytes = 4 << 10

// minUTF8Runes is how many valid multi-byte UTF-8 sequences make invalid
// bytes look like damage to a UTF-8 page rather than a legacy encoding.
const minUTF8Runes = 8

// maxUTF8InvalidPercent is the share (percent of valid multi-byte
// sequences) of invalid ones a page may have and still be read as UTF-8
// (a truncated tail, a stray Latin-1 byte in a template); legacy CJK text
// read as UTF-8 has several invalid sequences per valid one.
const maxUTF8InvalidPercent = 1

// maxStrayInvalid is how many invalid sequences a page declared UTF-8 may
// have and still be read as UTF-8 with replacement characters.
const maxStrayInvalid = 3

// maxDeclaredErrShare is the share of undecodable characters above which a
// declared multi-byte encoding is taken to be wrong: a correct declaration
// leaves almost none.
const maxDeclaredErrShare = 0.02

// errWeight is how much an undecodable character costs against a frequent
// one in a candidate's score: errors are near-proof of a wrong encoding,
// while frequent characters are only evidence.
const errWeight = 3

// minConfidentChars, maxConfidentErrShare and minConfidentCommon define a
// reading sure enough to override a single-byte declaration: enough
// characters, almost no errors, and a large share of frequent characters
// (right CJK readings score 0.4 to 0.7, wrong ones under 0.15).
const (
	minConfidentChars    = 20
	maxConfidentErrShare = 0.01
	minConfidentCommon   = 0.3
)

// maxScriptWord is the longest run of non-ASCII characters that counts as
// a word of a single-byte script (Cyrillic, Greek): such words are short
// and separated by spaces, while CJK text read as one is a long unbroken run.
const maxScriptWord = 16

// candidate is a legacy encoding sniffing may choose.
type candidate struct {
	name   string
	enc    encoding.Encoding
	common map[rune]bool // the language's frequent characters
	kana   bool          // kana count as frequent (Japanese)
	latin  bool          // Western: frequent means an accented letter between ASCII
	// multiByte marks CJK encodings; the others are single-byte scripts
	// whose words are short runs between spaces.
	multiByte bool
}

// candidates in order of preference on equal scores: windows-1252 first,
// since a lone accented letter reads as a letter in every single-byte
// encoding and Western pages are the most common legacy ones.
var candidates = []candidate{
	{name: "windows-1252", enc: charmap.Windows1252, latin: true},
	{name: "euc-kr", multiByte: true, enc: korean.EUCKR, common: runeSet(koreanCommon)},
	{name: "shift_jis", multiByte: true, enc: japanese.ShiftJIS, common: runeSet(japaneseCommon), kana: true},
	{name: "euc-jp", multiByte: true, enc: japanese.EUCJP, common: runeSet(japaneseCommon), kana: true},
	{name: "gb18030", multiByte: true, enc: simplifiedchinese.GB18030, common: runeSet(chineseSimplified)},
	{name: "big5", multiByte: true, enc: traditionalchinese.Big5, common: runeSet(chineseTraditional)},
	{name: "windows-1251", enc: charmap.Windows1251, common: runeSet(russianCommon)},
	{name: "koi8-r", enc: charmap.KOI8R, common: runeSet(russianCommon)},
	{name: "windows-1253", enc: charmap.Windows1253, common: runeSet(greekCommon)},
}

// fallback is the last resort, as in browsers for Western locales.
var fallback = candidates[0]

// reading is how one candidate decodes a sample.
type reading struct {
	candidate
	chars       int     // non-ASCII characters
	errShare    float64 // undecodable share of them
	commonShare float64 // frequent share of them
	score       float64
}

// confident reports whether the reading is sure enough to override a
// declaration.
func (r reading) confident() bool {
	return r.chars >= minConfidentChars && r.errShare <= maxConfidentErrShare && r.commonShare >= minConfidentCommon
}

// candidateFor returns the candidate for a declared encoding name, keeping
// the declared variant (gbk rather than gb18030) for scoring.
func candidateFor(name string) candidate {
	for _, c := range candidates {
		if c.name == name {
			return c
		}
	}
	switch name {
	case "gbk":
		c := candidateFor("gb18030")
		c.name, c.enc = name, simplifiedchinese.GBK
		return c
	case "iso-2022-jp":
		c := candidateFor("shift_jis")
		c.name, c.enc = name, japanese.ISO2022JP
		return c
	}
	return candidate{name: name, enc: fallback.enc, latin: true}
}

// sniff returns the candidate that reads sample best; with cjkOnly, the
// best of the multi-byte ones.
func sniff(sample []byte, cjkOnly bool) reading {
	best := reading{candidate: fallback}
	for _, c := range candidates {
		if cjkOnly && !c.multiByte {
			continue
		}
		if r := score(sample, c); r.score > best.score {
			best = r
		}
	}
	return best
}

// score decodes sample with c and measures the result.
func score(sample []byte, c candidate) reading {
	r := reading{candidate: c}
	out, err := c.enc.NewDecoder().Bytes(sample)
	if err != nil {
		return r
	}
	var errs, common int
	for i := 0; i < len(out); {
		if out[i] < utf8.RuneSelf {
			i++
			continue
		}
		// A run of non-ASCII characters: a word or more of the script.
		run := i
		for run < len(out) && out[run] >= utf8.RuneSelf {
			_, size := utf8.DecodeRune(out[run:])
			run += size
		}
		word := out[i:run]
		n := utf8.RuneCount(word)
		for len(word) > 0 {
			ch, size := utf8.DecodeRune(word)
			word = word[size:]
			r.chars++
			switch {
			case ch == utf8.RuneError, ch >= 0x80 && ch < 0xA0, ch >= 0xE000 && ch < 0xF900:
				errs++ // replacement, C1 control or private use: not text
			case c.latin:
				if n == 1 && unicode.IsLetter(ch) {
					common++ // an accented letter among ASCII ones
				}
			case c.kana && ch >= 0x3041 && ch <= 0x30FA:
				common++
			case c.common[ch] && (c.multiByte || n <= maxScriptWord):
				common++
			}
		}
		i = run
	}
	if r.chars == 0 {
		return r
	}
	n := float64(r.chars)
	r.errShare = float64(errs) / n
	r.commonShare = float64(common) / n
	r.score = r.commonShare - errWeight*r.errShare
	return r
}

// sniffSample returns up to sampleBytes of body from its first non-ASCII
// byte, which in every candidate encoding starts a character.
func sniffSample(body []byte) []byte {
	for i, c := range body {
		if c >= utf8.RuneSelf {
			body = body[i:]
			break
		}
	}
	if len(body) > sampleBytes {
		body = body[:sampleBytes]
	}
	return body
}

// utf8Counts tells how UTF-8-like bytes are.
type utf8Counts struct {
	valid   int // valid multi-byte sequences
	invalid int // invalid bytes
}

// utf8Stats counts the valid multi-byte sequences and invalid bytes of b.
func utf8Stats(b []byte) utf8Counts {
	var s utf8Counts
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		ch, size := utf8.DecodeRune(b[i:])
		if ch == utf8.RuneError && size == 1 {
			s.invalid++
		} else {
			s.valid++
		}
		i += size
	}
	return s
}

// mostlyUTF8 reports whether the invalid bytes look like damage to a UTF-8
// page rather than another encoding.
func (s utf8Counts) mostlyUTF8() bool {
	if s.valid < minUTF8Runes {
		return false
	}
	return s.invalid*100 <= s.valid*maxUTF8InvalidPercent ||
		(s.invalid <= maxStrayInvalid && s.invalid*minUTF8Runes <= s.valid)
}

// fewStrays reports whether there are only a handful of invalid bytes.
func (s utf8Counts) fewStrays() bool { return s.invalid <= maxStrayInvalid }
