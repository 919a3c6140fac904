package urlnorm

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	base, err := url.Parse("https://News.Example.com/world/2026/story.html?id=7#c")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, href, want string }{
		{"sibling", "other.html", "https://news.example.com/world/2026/other.html"},
		{"parent", "../2025/old.html", "https://news.example.com/world/2025/old.html"},
		{"above root", "../../../../x", "https://news.example.com/x"},
		{"root-relative", "/politics/", "https://news.example.com/politics/"},
		{"query only", "?id=8", "https://news.example.com/world/2026/story.html?id=8"},
		{"fragment only", "#comments", "https://news.example.com/world/2026/story.html?id=7"},
		{"empty", "", "https://news.example.com/world/2026/story.html?id=7"},
		{"dot", ".", "https://news.example.com/world/2026/"},
		{"protocol-relative", "//cdn.Example.com/a/./b", "https://cdn.example.com/a/b"},
		{"absolute http", "http://other.example.org:80/p?utm_source=x", "http://other.example.org/p"},
		{"absolute upper scheme", "HTTPS://Other.example.org/P", "https://other.example.org/P"},
		{"whitespace trimmed", " \n\t/politics/a.html  ", "https://news.example.com/politics/a.html"},
		{"newline inside removed", "/politics/\n  a.html", "https://news.example.com/politics/%20%20a.html"},
		{"tab in scheme removed", "ht\ttps://example.org/", "https://example.org/"},
		{"space inside encoded", "my story.html", "https://news.example.com/world/2026/my%20story.html"},
		{"tracking dropped", "/a?fbclid=1&page=2", "https://news.example.com/a?page=2"},
		{"unicode href", "/café", "https://news.example.com/caf%C3%A9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(base, tt.href)
			if err != nil {
				t.Fatalf("Resolve(%q): %v", tt.href, err)
			}
			if got != tt.want {
				t.Errorf("Resolve(%q)\n got %q\nwant %q", tt.href, got, tt.want)
			}
		})
	}
}

func TestResolveErrors(t *testing.T) {
	base, _ := url.Parse("https://example.com/a/")
	tests := []struct {
		name, href string
		is         error
		problem    string
	}{
		{"javascript", "javascript:void(0)", ErrScheme, `"javascript"`},
		{"javascript upper with space", "  JavaScript:alert('x y')", ErrScheme, `"javascript"`},
		{"javascript with tab", "java\tscript:alert(1)", ErrScheme, `"javascript"`},
		{"mailto", "mailto:desk@example.com", ErrScheme, `"mailto"`},
		{"tel", "tel:+1-555-0100", ErrScheme, `"tel"`},
		{"data", "data:image/png;base64,iVBORw0KGgo=", ErrScheme, `"data"`},
		{"ftp", "ftp://example.com/f.txt", ErrScheme, `"ftp"`},
		{"whatsapp", "whatsapp://send?text=hi", ErrScheme, `"whatsapp"`},
		{"sms", "sms:+15550100", ErrScheme, `"sms"`},
		{"bad escape", "/a%zz", nil, "invalid URL escape"},
		{"no host", "http:///x", ErrNoHost, "no host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(base, tt.href)
			if err == nil {
				t.Fatalf("Resolve(%q) = %q, want error", tt.href, got)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.problem) {
				t.Errorf("error %q does not say %q", err, tt.problem)
			}
		})
	}
}

func TestResolveBadBase(t *testing.T) {
	if _, err := Resolve(nil, "/a"); err == nil || !strings.Contains(err.Error(), "nil base") {
		t.Errorf("nil base: err = %v", err)
	}
	rel := &url.URL{Path: "/only/path"}
	if _, err := Resolve(rel, "a"); !errors.Is(err, ErrScheme) {
		t.Errorf("relative base: err = %v, want ErrScheme", err)
	}
	// An absolute href does not need the base to be absolute.
	if got, err := Resolve(rel, "https://example.com/x"); err != nil || got != "https://example.com/x" {
		t.Errorf("absolute href on relative base = %q, %v", got, err)
	}
}

func TestResolveAgreesWithNormalize(t *testing.T) {
	// Resolving an absolute URL must give what Normalize gives.
	base, _ := url.Parse("https://example.com/")
	for _, s := range []string{"HTTP://A.com:80/x/../y?b=1&a=2#f", "https://b.com/%7e?utm_campaign=z"} {
		r, err1 := Resolve(base, s)
		n, err2 := Normalize(s)
		if err1 != nil || err2 != nil || r != n {
			t.Errorf("%q: Resolve = %q, %v; Normalize = %q, %v", s, r, err1, n, err2)
		}
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range [][2]string{
		{"https://example.com/a/b.html?x=1", "../c?utm_source=x#f"},
		{"http://example.com", "//cdn.example.com/./a"},
		{"https://example.com/a/", " javascript:void(0)"},
		{"https://example.com/", "?&&b=2&a=1"},
		{"https://[::1]:8443/", "%2e%2E/x y"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, rawBase, href string) {
		base, err := url.Parse(rawBase)
		if err != nil {
			return
		}
		got, err := Resolve(base, href)
		if err != nil {
			var ue *Error
			if !errors.As(err, &ue) {
				t.Fatalf("Resolve(%q, %q) error %v is not an *Error", rawBase, href, err)
			}
			return
		}
		if again, err := Normalize(got); err != nil || again != got {
			t.Fatalf("Resolve(%q, %q) = %q, which normalizes to %q, %v", rawBase, href, got, again, err)
		}
	})
}
