package urlnorm

import (
	"errors"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// scheme and host
		{"already normal", "https://example.com/a/b?x=1", "https://example.com/a/b?x=1"},
		{"upper scheme and host", "HTTP://Example.COM/Path", "http://example.com/Path"},
		{"mixed scheme", "HtTpS://www.Example.com/", "https://www.example.com/"},
		{"trailing dot host", "http://example.com./a", "http://example.com/a"},
		{"trailing dot host with port", "http://example.com.:8080/a", "http://example.com:8080/a"},
		{"surrounding space", "  https://example.com/a \n", "https://example.com/a"},
		{"IDN kept in Unicode, lower-cased", "https://Bücher.DE/Straße", "https://bücher.de/Stra%C3%9Fe"},
		{"punycode host kept", "https://xn--bcher-kva.de/", "https://xn--bcher-kva.de/"},
		{"percent-encoded IDN host decoded", "https://b%C3%BCcher.de/", "https://bücher.de/"},
		{"IPv4", "http://127.0.0.1:8080/x", "http://127.0.0.1:8080/x"},
		{"IPv6 canonical", "http://[2001:DB8:0:0::1]:80/", "http://[2001:db8::1]/"},
		{"IPv6 with port", "https://[::1]:8443/a", "https://[::1]:8443/a"},
		{"userinfo kept", "http://user:pw@example.com/", "http://user:pw@example.com/"},
		{"empty userinfo dropped", "http://@example.com/", "http://example.com/"},

		// port
		{"http default port", "http://example.com:80/a", "http://example.com/a"},
		{"https default port", "https://example.com:443/a", "https://example.com/a"},
		{"http on 443 kept", "http://example.com:443/a", "http://example.com:443/a"},
		{"https on 80 kept", "https://example.com:80/a", "https://example.com:80/a"},
		{"empty port", "http://example.com:/a", "http://example.com/a"},
		{"leading zeros in port", "http://example.com:0080/a", "http://example.com/a"},
		{"other port", "http://example.com:8080", "http://example.com:8080/"},

		// path
		{"empty path", "http://example.com", "http://example.com/"},
		{"empty path with query", "http://example.com?b=1", "http://example.com/?b=1"},
		{"path case kept", "http://example.com/News/Article-ABC", "http://example.com/News/Article-ABC"},
		{"dot segment", "http://example.com/a/./b", "http://example.com/a/b"},
		{"dot-dot segment", "http://example.com/a/b/../c", "http://example.com/a/c"},
		{"dot-dot at end", "http://example.com/a/b/..", "http://example.com/a/"},
		{"dot at end", "http://example.com/a/.", "http://example.com/a/"},
		{"dot-dot above root", "http://example.com/../../a", "http://example.com/a"},
		{"encoded dots are dots", "http://example.com/a/%2E%2e/b", "http://example.com/b"},
		{"dots inside names kept", "http://example.com/a..b/.c/d.", "http://example.com/a..b/.c/d."},
		{"double slash kept", "http://example.com/a//b", "http://example.com/a//b"},
		{"trailing slash kept", "http://example.com/a/", "http://example.com/a/"},
		{"index.html kept", "http://example.com/index.html", "http://example.com/index.html"},

		// percent-encoding
		{"lower hex upper-cased", "http://example.com/a%2fb%c3%a9", "http://example.com/a%2Fb%C3%A9"},
		{"unreserved decoded", "http://example.com/%7Euser/%41%62%2D%5F%2E%30", "http://example.com/~user/Ab-_.0"},
		{"reserved kept encoded", "http://example.com/a%3Ab%40c%2B", "http://example.com/a%3Ab%40c%2B"},
		{"reserved kept bare", "http://example.com/a:b@c+d;e=f,g!$'()*", "http://example.com/a:b@c+d;e=f,g!$'()*"},
		{"space encoded", "http://example.com/a b", "http://example.com/a%20b"},
		{"non-ASCII path encoded", "http://example.com/café", "http://example.com/caf%C3%A9"},
		{"encoded slash not decoded", "http://example.com/a%2Fb", "http://example.com/a%2Fb"},
		{"percent sign", "http://example.com/100%25", "http://example.com/100%25"},
		{"query space and unicode", "http://example.com/?q=a b&r=é", "http://example.com/?q=a%20b&r=%C3%A9"},
		{"query plus kept", "http://example.com/?q=a+b", "http://example.com/?q=a+b"},
		{"query encoded amp kept", "http://example.com/?q=a%26b", "http://example.com/?q=a%26b"},
		{"query bad escape encoded", "http://example.com/?q=100%&r=%zz", "http://example.com/?q=100%25&r=%25zz"},
		{"query unreserved decoded", "http://example.com/?%71=%61", "http://example.com/?q=a"},
		{"query slash and question kept", "http://example.com/?next=/a?b", "http://example.com/?next=/a?b"},

		// query
		{"sorted by key", "http://example.com/?b=2&a=1&c=3", "http://example.com/?a=1&b=2&c=3"},
		{"repeated keys keep order", "http://example.com/?t=z&a=1&t=a&t=m", "http://example.com/?a=1&t=z&t=a&t=m"},
		{"lone question mark", "http://example.com/a?", "http://example.com/a"},
		{"empty params dropped", "http://example.com/a?&&x=1&", "http://example.com/a?x=1"},
		{"key without value kept", "http://example.com/a?amp&x=", "http://example.com/a?amp&x="},
		{"semicolon not a separator", "http://example.com/a?x=1;y=2", "http://example.com/a?x=1;y=2"},
		{"equals in value", "http://example.com/a?x=a=b", "http://example.com/a?x=a=b"},

		// tracking parameters
		{"utm dropped", "https://example.com/a?utm_source=tw&utm_medium=social&utm_campaign=x&id=5", "https://example.com/a?id=5"},
		{"utm any case", "https://example.com/a?UTM_Source=tw&id=5", "https://example.com/a?id=5"},
		{"utm encoded key", "https://example.com/a?utm%5Fsource=tw&id=5", "https://example.com/a?id=5"},
		{"click ids dropped", "https://example.com/a?fbclid=1&gclid=2&dclid=3&gbraid=4&wbraid=5&msclkid=6&yclid=7", "https://example.com/a"},
		{"mail ids dropped", "https://example.com/a?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&mkt_tok=5&vero_id=6", "https://example.com/a"},
		{"analytics linkers dropped", "https://example.com/a?_ga=1&_gl=2&igshid=3&oly_anon_id=4&oly_enc_id=5&ref_src=twsrc", "https://example.com/a"},
		{"only tracking drops question mark", "https://example.com/a?utm_source=x", "https://example.com/a"},
		{"meaningful params kept", "https://news.example.kr/news/articleView.html?idxno=123&page=2&part_idx=4&article_id=9&id=1&p=3",
			"https://news.example.kr/news/articleView.html?article_id=9&id=1&idxno=123&p=3&page=2&part_idx=4"},
		{"look-alike kept", "https://example.com/a?utm=1&xutm_source=2&gclid_x=3", "https://example.com/a?gclid_x=3&utm=1&xutm_source=2"},
		{"ambiguous ref kept", "https://example.com/a?ref=home&source=rss", "https://example.com/a?ref=home&source=rss"},

		// fragment
		{"fragment dropped", "https://example.com/a#section-2", "https://example.com/a"},
		{"fragment with query", "https://example.com/a?x=1#top", "https://example.com/a?x=1"},
		{"hashbang dropped", "https://example.com/#!/story/1", "https://example.com/"},

		// everything at once
		{"combined", "HTTP://Example.COM:80/a/./b/../c?utm_source=x&b=2&a=1#top", "http://example.com/a/c?a=1&b=2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Normalize(tt.in)
			if err != nil {
				t.Fatalf("Normalize(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("Normalize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			again, err := Normalize(got)
			if err != nil || again != got {
				t.Errorf("not idempotent: Normalize(%q) = %q, %v", got, again, err)
			}
		})
	}
}

func TestNormalizeErrors(t *testing.T) {
	tests := []struct {
		name, in string
		is       error  // sentinel the error must match, or nil
		problem  string // text the message must contain
	}{
		{"mailto", "mailto:a@example.com", ErrScheme, `unsupported scheme "mailto"`},
		{"ftp", "ftp://example.com/file", ErrScheme, `unsupported scheme "ftp"`},
		{"javascript", "javascript:alert(1)", ErrScheme, `unsupported scheme "javascript"`},
		{"relative", "/a/b", ErrScheme, "not an absolute URL"},
		{"empty", "", ErrScheme, "not an absolute URL"},
		{"no host", "http:///a", ErrNoHost, "no host"},
		{"opaque", "http:example.com", ErrNoHost, "opaque"},
		{"only dots host", "http://./a", ErrNoHost, "no host"},
		{"bad escape in host", "http://exa%zzmple.com/", nil, "invalid URL escape"},
		{"bad port", "http://example.com:99999/", nil, `bad port "99999"`},
		{"non-numeric port", "http://example.com:http/", nil, "invalid port"},
		{"control char", "http://example.com/\x7f\x01", nil, "invalid control character"},
		{"percent in host", "http://a%25b.com/", nil, "not allowed in a host"},
		{"colon host not IPv6", "http://a:b:80/", nil, "invalid port"},
		{"bracketed non-IP", "http://[a:b]/", nil, "a:b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Normalize(tt.in)
			if err == nil {
				t.Fatalf("Normalize(%q) = %q, want error", tt.in, got)
			}
			var ue *Error
			if !errors.As(err, &ue) || ue.URL != tt.in {
				t.Errorf("error %v is not an *Error naming %q", err, tt.in)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.problem) || !strings.HasPrefix(err.Error(), "urlnorm: ") {
				t.Errorf("error %q does not say %q", err, tt.problem)
			}
		})
	}
}

func TestErrorTruncatesLongURL(t *testing.T) {
	raw := "data:text/plain;base64," + strings.Repeat("QUFB", 10000)
	_, err := Normalize(raw)
	if err == nil {
		t.Fatal("want error for data: URL")
	}
	if n := len(err.Error()); n > maxErrURL+100 {
		t.Errorf("error message is %d bytes; want the URL cut to %d", n, maxErrURL)
	}
	var ue *Error
	if !errors.As(err, &ue) || ue.URL != raw {
		t.Error("*Error.URL should keep the whole URL")
	}
}

func TestIsTracking(t *testing.T) {
	for _, k := range []string{"utm_source", "utm_", "UTM_CONTENT", "fbclid", "FBCLID", "gclid", "_ga", "mc_eid", "itm_campaign", "INTCMP", "smid"} {
		if !IsTracking(k) {
			t.Errorf("IsTracking(%q) = false", k)
		}
	}
	for _, k := range []string{"id", "page", "p", "idxno", "part_idx", "article_id", "q", "ref", "utm", "", "sort"} {
		if IsTracking(k) {
			t.Errorf("IsTracking(%q) = true", k)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"http://example.com", "HTTP://Example.COM:80/a/./b/../c?utm_source=x&b=2&a=1#top",
		"https://bücher.de/%7e?%41=%zz&&a", "http://[::1]:8080/..//%2e", "http://a.com./?q=a b",
		"http://u:p@h/?x=1;y&x=0", "https://h/%2F%2f/../a?%26=%3d", "mailto:x", "http:x", "//h/a",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Normalize(s)
		if err != nil {
			var ue *Error
			if !errors.As(err, &ue) {
				t.Fatalf("Normalize(%q) error %v is not an *Error", s, err)
			}
			return
		}
		n2, err := Normalize(n)
		if err != nil {
			t.Fatalf("Normalize(%q) = %q, which does not normalize: %v", s, n, err)
		}
		if n2 != n {
			t.Fatalf("not idempotent:\n in  %q\n 1st %q\n 2nd %q", s, n, n2)
		}
		if strings.ContainsAny(n, "# \t\n") {
			t.Fatalf("Normalize(%q) = %q contains a fragment or white space", s, n)
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	urls := []string{
		"https://www.example.com/news/2026/11/25/story-name.html",
		"HTTP://Example.COM:80/a/./b/../c?utm_source=x&utm_medium=y&b=2&a=1#top",
		"https://news.example.kr/news/articleView.html?idxno=123456&page=2",
		"https://example.com/caf%c3%a9/%7Euser?q=a b&fbclid=IwAR0abc",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Normalize(urls[i%len(urls)]); err != nil {
			b.Fatal(err)
		}
	}
}
