package state

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gocolly/colly/v2/storage"
)

func TestMergeCookies(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	u, _ := url.Parse("https://news.example/section/page")
	in := func(lines ...string) []*http.Cookie { return storage.UnstringifyCookies(strings.Join(lines, "\n")) }
	tests := []struct {
		name string
		old  string
		in   []*http.Cookie
		want string
	}{
		{"new host-only cookie gets default path", "", in("a=1"), "a=1; Path=/section"},
		{"explicit path kept", "", in("a=1; Path=/"), "a=1; Path=/"},
		{"max-age becomes expires", "", in("a=1; Path=/; Max-Age=3600"),
			"a=1; Path=/; Expires=Wed, 25 Nov 2026 13:00:00 GMT"},
		{"replaced by name and path", "a=1; Path=/", in("a=2; Path=/"), "a=2; Path=/"},
		{"same name other path is another cookie", "a=1; Path=/", in("a=2; Path=/x"), "a=1; Path=/\na=2; Path=/x"},
		{"echo of a stored cookie ignored", "a=1; Path=/; Expires=Wed, 25 Nov 2026 13:00:00 GMT",
			in("a=1"), "a=1; Path=/; Expires=Wed, 25 Nov 2026 13:00:00 GMT"},
		{"bare cookie with a new value is new", "a=1; Path=/section", in("a=2"), "a=2; Path=/section"},
		{"deleted by max-age<0", "a=1; Path=/\nb=2; Path=/", in("a=; Path=/; Max-Age=-1"), "b=2; Path=/"},
		{"deleted by past expires", "a=1; Path=/", in("a=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"), ""},
		{"expired stored cookie dropped", "old=1; Path=/; Expires=Tue, 24 Nov 2026 00:00:00 GMT", in("a=1; Path=/"), "a=1; Path=/"},
		{"domain cookie kept with its domain", "", in("a=1; Path=/; Domain=.news.example"), "a=1; Path=/; Domain=news.example"},
		{"nameless ignored", "", []*http.Cookie{{Value: "x"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mergeCookies(tt.old, tt.in, u, now)
			if got != tt.want {
				t.Errorf("mergeCookies(%q, ...) =\n%q\nwant\n%q", tt.old, got, tt.want)
			}
		})
	}
}

func TestDefaultPath(t *testing.T) {
	for in, want := range map[string]string{"": "/", "x": "/", "/": "/", "/a": "/", "/a/": "/a", "/a/b": "/a", "/a/b/c": "/a/b"} {
		if got := defaultPath(in); got != want {
			t.Errorf("defaultPath(%q) = %q, want %q", in, got, want)
		}
	}
}
