package metadata

import (
	"reflect"
	"testing"
)

func TestCleanByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Jane Doe", "Jane Doe"},
		{"BY: Jane Doe", "Jane Doe"},
		{"Written by Jane Doe", "Jane Doe"},
		{"By Jane Doe and John Roe", "Jane Doe and John Roe"},
		{"KO YONG-CHUL Reporter", "KO YONG-CHUL"},
		{"KO YONG-CHUL Reporter / Updated : 2025-04-18 12:59:55", "KO YONG-CHUL"},
		{"홍길동 기자", "홍길동"},
		{"홍길동 기자 hong@example.co.kr", "홍길동"},
		{"Jane Doe (jane.doe@example.com)", "Jane Doe"},
		{"Jane Doe, Staff Writer", "Jane Doe"},
		{"TOM KRISHER, AP Auto Writer", "TOM KRISHER"},
		{"Meg JamesStaff Writer", "Meg James"},
		{"Par Sébastien Farcis", "Sébastien Farcis"},
		{"Von Moritz Bachmann publiziert am", "Moritz Bachmann"},
		{"Tess Bonn - 11/19/19 06:56 AM EST", "Tess Bonn"},
		{"Kashmira Gander On 11/13/19 at 4:00 PM EST", "Kashmira Gander"},
		{"November 12, 2018 | BY: Beachbody", "Beachbody"},
		{"Catherine Shu @catherineshu / 2 days", "Catherine Shu"},
		{"Andy Sahadeo | Fox News", "Andy Sahadeo"},
		{"Louis Jacobson on Monday", "Louis Jacobson"},
		{"Megan Rowe 509 459-5382", "Megan Rowe"},
		{"Sean Martin Sean Martin", "Sean Martin"},
		{"By Jane Doe 3 hours ago", "Jane Doe"},
		{"Written by Rob Ewaschuk Edited by Betsy Beyer", "Rob Ewaschuk"},
		{"Текст: Лида Буслаева", "Лида Буслаева"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cleanByline(tt.in); got != tt.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitAuthors(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Jane Doe", []string{"Jane Doe"}},
		{"Jane Doe and John Roe", []string{"Jane Doe", "John Roe"}},
		{"Jane Doe, John Roe & Max Muster", []string{"Jane Doe", "John Roe", "Max Muster"}},
		{"김철수·이영희", []string{"김철수", "이영희"}},
		{"Alexandre Hervaud et Jérémy Piette", []string{"Alexandre Hervaud", "Jérémy Piette"}},
		{"Brenda Goodman, MA", []string{"Brenda Goodman"}},
		{"Jane Doe and jane doe", []string{"Jane Doe"}},
	}
	for _, tt := range tests {
		if got := splitAuthors(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLooksLikeNames(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Jane Doe", true},
		{"KO YONG-CHUL", true},
		{"홍길동", true},
		{"Ludwig van Beethoven", true},
		{"", false},
		{"Share this article", false},
		{"The suspect confessed and the jury took just", false},
		{"Follow us on Twitter", false},
		{"a", false},
	}
	for _, tt := range tests {
		if got := looksLikeNames(tt.in); got != tt.want {
			t.Errorf("looksLikeNames(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
