package robots

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
)

// MaxSize is how much of a robots.txt is read and parsed: RFC 9309 asks
// crawlers to parse at least 500 KiB and allows ignoring the rest.
const MaxSize = 500 << 10

// maxCrawlDelay caps a Crawl-delay: a larger value (or one that would
// overflow a Duration) is read as this, which already stops a nightly crawl
// of the site from getting far.
const maxCrawlDelay = time.Hour

// noPath is a rule path no URL can have ("%%" is never valid percent
// encoding). It stands in for an empty Allow/Disallow, which RFC 9309 reads
// as matching nothing, so that the group is not empty (see normalize).
const noPath = "/%%"

// Parse reads a robots.txt fetched with the given HTTP status, for the
// crawler whose User-Agent (or product token) is agent, per RFC 9309:
//
//   - 2xx: the body is parsed (its first MaxSize bytes); lines that are not
//     understood are ignored.
//   - 3xx (redirects not followed or too many) and 4xx: allow all, except
//     429 Too Many Requests, which is read like a server error.
//   - 5xx: disallow all.
//
// Any other status is an error, returned with disallow-all rules.
//
// The crawler's group is the one whose User-agent line equals the product
// token of agent (the leading letters, '_' and '-', e.g. "lede" in
// "lede/1.0 (+https://example.com)"), case-insensitively; else the '*' group.
func Parse(status int, body []byte, agent string) (*Rules, error) {
	token := productToken(agent)
	switch {
	case status >= 200 && status <= 299:
	case status == 429 || (status >= 500 && status <= 599):
		return &Rules{mode: disallowAll}, nil
	case status >= 300 && status <= 499:
		return &Rules{mode: allowAll}, nil
	default:
		return &Rules{mode: disallowAll}, fmt.Errorf("robots.txt: unexpected HTTP status %d", status)
	}
	data, err := robotstxt.FromBytes(normalize(body, token))
	if err != nil {
		// normalize leaves nothing robotstxt rejects; this is a safety net.
		return &Rules{mode: disallowAll}, fmt.Errorf("robots.txt: %w", err)
	}
	return &Rules{data: data, agent: token, group: data.FindGroup(token)}, nil
}

// productToken is the leading run of letters, '_' and '-' of a User-Agent,
// lower-cased: the name a robots.txt group would use for the crawler.
func productToken(agent string) string {
	agent = strings.TrimSpace(agent)
	end := 0
	for end < len(agent) {
		c := agent[end]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == '-') {
			break
		}
		end++
	}
	return strings.ToLower(agent[:end])
}

// normalize rewrites a robots.txt into lines robotstxt parses the way RFC
// 9309 reads the original, working around that parser's differences:
//   - one "key: value" per line, comments and unknown keys dropped, a value
//     cut at its first space (robotstxt splits on spaces, not lines);
//   - rules and Crawl-delay before any User-agent dropped, an invalid
//     Crawl-delay dropped (robotstxt fails the whole file on either);
//   - a User-agent that is not '*' nor our token replaced by "~" so that it
//     cannot prefix-match our token (robotstxt matches prefixes);
//   - an empty Allow/Disallow replaced by a rule that matches nothing
//     (robotstxt drops it, merging its group with the next one);
//   - non-ASCII bytes in paths percent-encoded, as URLs carry them.
func normalize(body []byte, token string) []byte {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if len(body) > MaxSize {
		body = body[:MaxSize]
		if i := bytes.LastIndexAny(body, "\r\n"); i >= 0 {
			body = body[:i] // drop the cut line
		}
	}
	var out bytes.Buffer
	out.Grow(len(body))
	inGroup := false
	for len(body) > 0 {
		var line []byte
		if i := bytes.IndexAny(body, "\r\n"); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			line, body = body, nil
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		k, v, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		key := strings.ToLower(string(bytes.TrimSpace(k)))
		value := string(firstField(v))
		switch key {
		case "user-agent", "useragent":
			inGroup = true
			out.WriteString("User-agent: " + agentLine(value, token) + "\n")
		case "allow", "disallow":
			if !inGroup {
				continue
			}
			if value == "" {
				value = noPath
			}
			out.WriteString(key + ": " + encodePath(value) + "\n")
		case "crawl-delay", "crawldelay":
			d, err := strconv.ParseFloat(value, 64)
			if !inGroup || err != nil || math.IsNaN(d) || d < 0 {
				continue
			}
			d = min(d, maxCrawlDelay.Seconds())
			out.WriteString("Crawl-delay: " + strconv.FormatFloat(d, 'f', -1, 64) + "\n")
		case "sitemap":
			if value != "" {
				out.WriteString("Sitemap: " + value + "\n")
			}
		}
	}
	return out.Bytes()
}

// firstField is the first space-separated field of v, or nothing.
func firstField(v []byte) []byte {
	if f := bytes.Fields(v); len(f) > 0 {
		return f[0]
	}
	return nil
}

// agentLine is the User-agent value robotstxt gets for value: "*", our
// token, or "~" for any other crawler.
func agentLine(value, token string) string {
	if value == "*" {
		return "*"
	}
	if t := productToken(value); t != "" && t == token {
		return token
	}
	return "~"
}

// encodePath percent-encodes the bytes of p that a URL's escaped path would
// carry encoded (non-ASCII and controls) and upper-cases existing escapes,
// so that rules compare with URL.EscapedPath.
func encodePath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]):
			b.WriteByte('%')
			b.WriteString(strings.ToUpper(p[i+1 : i+3]))
			i += 2
		case c < 0x21 || c >= 0x7f:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
