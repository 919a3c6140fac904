package content

import (
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	body := para("The council voted") + para("Residents said")
	tests := []struct {
		name, page string
		opts       Options
		want       []string // substrings of the text, in order
		notWant    []string
	}{
		{"main content without chrome",
			`<nav><a href=/>Home</a> <a href=/world>World</a></nav><div>` + body + `</div><footer>© News</footer>`,
			Options{}, []string{"The council voted", "Residents said"}, []string{"Home", "©"}},
		{"headline repeat dropped",
			`<div><h1>Harbour  Reopens</h1>` + body + `</div>`,
			Options{Headline: "harbour reopens"}, []string{"The council"}, []string{"Harbour"}},
		{"link list block dropped",
			`<div>` + body + `<p><a href=/a>Another story with a long headline here</a></p></div>`,
			Options{}, []string{"Residents said"}, []string{"Another story"}},
		{"ad labels dropped",
			`<div>` + para("The council voted") + `<div>ADVERTISEMENT</div>` + para("Residents said") + `</div>`,
			Options{}, []string{"The council voted", "Residents said"}, []string{"ADVERTISEMENT"}},
		{"pinned body selector is trusted",
			`<div>` + body + `</div><div id=pin><p><a href=/a>Only a link</a></p></div>`,
			Options{Body: "#pin"}, []string{"Only a link"}, []string{"council"}},
		{"pinned selector that matches nothing falls back to heuristics",
			`<div>` + body + `</div>`,
			Options{Body: "#missing"}, []string{"The council voted"}, nil},
		{"remove selectors",
			`<div>` + body + `<p class=promo-x>Subscribe today for unlimited access to every story we print</p></div>`,
			Options{Remove: []string{".promo-x"}}, []string{"Residents said"}, []string{"Subscribe"}},
		{"JSON-LD articleBody when the markup has no article",
			`<div><a href=/>Home</a></div>`,
			Options{ArticleBody: "  From JSON-LD.  "}, []string{"From JSON-LD."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Extract(parseDoc(t, "<body>"+tt.page+"</body>"), tt.opts)
			rest := res.Text
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("text lacks %q (in order):\n%s", w, res.Text)
				}
				rest = rest[i+len(w):]
			}
			for _, w := range tt.notWant {
				if strings.Contains(res.Text, w) {
					t.Errorf("text holds %q:\n%s", w, res.Text)
				}
			}
		})
	}
}

func TestExtractBlocksSeparatedByBlankLine(t *testing.T) {
	res := Extract(parseDoc(t, "<body><div>"+para("One")+para("Two")+"</div></body>"), Options{})
	parts := strings.Split(res.Text, "\n\n")
	if len(parts) != 2 || !strings.HasPrefix(parts[0], "One") || !strings.HasPrefix(parts[1], "Two") {
		t.Errorf("text = %q, want two blocks separated by a blank line", res.Text)
	}
	if res.Node == nil || res.Node.Data != "div" {
		t.Errorf("Node = %v, want the <div>", res.Node)
	}
}

func TestExtractEmpty(t *testing.T) {
	res := Extract(parseDoc(t, "<body><nav><a href=/>Home</a></nav></body>"), Options{})
	if res.Text != "" || res.Node != nil {
		t.Errorf("Extract = %+v, want nothing from a page of chrome", res)
	}
}

func TestKeepBlocksHeadline(t *testing.T) {
	blocks := []block{{text: "Harbour Reopens"}, {text: "Harbour reopens today"}, {text: "body"}}
	got := keepBlocks(blocks, " harbour\n reopens ", false)
	if len(got) != 2 || got[0].text != "Harbour reopens today" {
		t.Errorf("keepBlocks = %+v, want the headline repeat dropped (case and white space ignored), the rest kept", got)
	}
}

func TestIsAdLabel(t *testing.T) {
	for text, want := range map[string]bool{
		"Advertisement": true, "ADVERTISEMENT": true, "- Advertisement -": true, "Anzeige": true,
		"Iklan": true, "광고": true, "Advert": true, "ADVERTISEMENTS": true, "Advertisement feature: how we test phones": false,
		"Ad": true, "Add": false, "The ad campaign cost £4m.": false, "": false,
	} {
		if got := isAdLabel(text); got != want {
			t.Errorf("isAdLabel(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestTrimSectionLabels(t *testing.T) {
	tests := []struct {
		in   []string
		want int // blocks kept
	}{
		{[]string{"Body text.", "Comments"}, 1},
		{[]string{"Body text.", "You may also like:", "TAGS"}, 1},
		{[]string{"Body text.", "Comments", "Last paragraph."}, 3}, // only at the end
		{[]string{"Comments"}, 1},                                  // never the whole body
		{[]string{"Body text.", "Comments (3)"}, 2},
		{[]string{"Body text.", "Share your views with the editor."}, 2},
	}
	for _, tt := range tests {
		var blocks []block
		for _, s := range tt.in {
			blocks = append(blocks, block{text: s})
		}
		if got := trimSectionLabels(blocks); len(got) != tt.want {
			t.Errorf("trimSectionLabels(%q) kept %d blocks, want %d", tt.in, len(got), tt.want)
		}
	}
}

func TestIsTimestamp(t *testing.T) {
	for text, want := range map[string]bool{
		"Published November 20th, 2019 - 07:29 GMT":                        true,
		"기사입력 :[ 2018-08-25 15:24 ]":                                       true,
		"CNNMoney (New York) First published February 1, 2016: 1:28 AM ET": true,
		"Published November 20th, 2019":                                    false, // no clock time
		"The meeting ran from 9:30 to noon.":                               false, // no year
		"In 2019 the vote was held at 10:00, and the count took until late in the evening of the next day, when the result was read.": false, // too long
		"Call 12019 at 10:00": false, // not a year
	} {
		if got := isTimestamp(text); got != want {
			t.Errorf("isTimestamp(%q) = %v, want %v", text, got, want)
		}
	}
	blocks := []block{{text: "Updated 19 November 2019, 09:01 AM"}, {text: "Body."}, {text: "First Published: November 19, 2019 08:38 AM"}}
	if got := trimSectionLabels(blocks); len(got) != 1 || got[0].text != "Body." {
		t.Errorf("trimSectionLabels = %+v, want the timestamps at both ends dropped", got)
	}
}

func TestIsCredit(t *testing.T) {
	for text, want := range map[string]bool{
		"(Reporting by Greg Roumeliotis; Editing by Nick Zieminski)":                             true,
		"Keith Bradsher contributed reporting from Hong Kong.":                                   true,
		"Fox News’ Jessica Napoli contributed to this report.":                                   true,
		"The reporting by local papers was praised by the council.":                              true, // short: read as a credit
		"The council said the report was late and would be published on Monday, after the vote.": false,
		strings.Repeat("Reporting by the press was criticised at length. ", 8):                   false, // long
	} {
		if got := isCredit(text); got != want {
			t.Errorf("isCredit(%q) = %v, want %v", text, got, want)
		}
	}
}
