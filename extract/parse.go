package extract

import (
	"bytes"
	"fmt"
	"io"

	"golang.org/x/net/html"
)

// maxParseDepth is the nesting depth a page is flattened to when the HTML
// parser refuses it: golang.org/x/net/html rejects documents whose stack of
// open elements exceeds 512, and half that leaves room for the elements the
// parser adds itself (html, body, tbody, reconstructed formatting tags).
const maxParseDepth = 256

// voidElements never have content or an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true,
}

// selfClosingBlocks are kept even when nested too deep, without counting
// toward the depth: the parser closes an open one when the next starts, so
// they never deepen the tree, and keeping them keeps paragraph breaks.
var selfClosingBlocks = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
}

// rawTextElements are never dropped when flattening: the tokenizer reads
// their content as raw text, which must not turn into visible text.
var rawTextElements = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
}

// parseHTML parses a decoded page. The contents of its scripts and styles
// are skipped (rawTextCuts, read through a cutReader): no stage reads
// them, and the tokenizer would copy them byte by byte. A page nested too deeply for the parser
// (thousands of unclosed tags, hostile or broken) is flattened below
// maxParseDepth and parsed again, so its text is still extracted.
func parseHTML(text []byte) (*html.Node, error) {
	cuts := rawTextCuts(text)
	root, err := html.Parse(&cutReader{text: text, cuts: cuts})
	if err == nil {
		return root, nil
	}
	text = emptyRawText(text)
	flat, dropped := flattenDeep(text, maxParseDepth)
	if dropped == 0 {
		return nil, err
	}
	root, err2 := html.Parse(bytes.NewReader(flat))
	if err2 != nil {
		return nil, fmt.Errorf("%w (and after flattening %d tags nested deeper than %d: %v)", err, dropped, maxParseDepth, err2)
	}
	return root, nil
}

// flattenDeep rewrites an HTML document without the start and end tags of
// elements nested deeper than maxDepth, keeping their content. It returns
// the rewritten document and how many elements were dropped. Depth is
// counted from tags as written, which over-counts unclosed elements: that
// flattens more than needed, never less.
func flattenDeep(text []byte, maxDepth int) ([]byte, int) {
	var out bytes.Buffer
	out.Grow(len(text))
	z := html.NewTokenizer(bytes.NewReader(text))
	var open []string               // names of the kept open elements
	droppedOpen := map[string]int{} // dropped start tags awaiting their end tag
	dropped := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				out.Write(z.Raw())
			}
			return out.Bytes(), dropped
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			// HTML ignores the slash of <div/>: it opens a div.
			name, _ := z.TagName()
			n := string(name)
			switch {
			case voidElements[n]:
			case len(open) >= maxDepth && selfClosingBlocks[n]:
			case len(open) < maxDepth || rawTextElements[n]:
				open = append(open, n)
			default:
				droppedOpen[n]++
				dropped++
				continue
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			if droppedOpen[n] > 0 {
				droppedOpen[n]--
				continue
			}
			if len(open) >= maxDepth && selfClosingBlocks[n] {
				break
			}
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == n {
					open = open[:i]
					break
				}
			}
		}
		out.Write(raw)
	}
}
