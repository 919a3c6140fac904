package extract

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// sameTreeButRawText reports where the trees parsed from a and b differ,
// ignoring the children of script and style elements and everything inside
// svg and math (whose "script" and "style" are not raw text).
func sameTreeButRawText(a, b []byte) error {
	ra, err := html.Parse(bytes.NewReader(a))
	if err != nil {
		return fmt.Errorf("parsing original: %w", err)
	}
	rb, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("parsing emptied: %w", err)
	}
	return compareNodes(ra, rb, "")
}

func compareNodes(x, y *html.Node, path string) error {
	if x.Type != y.Type || x.Data != y.Data || x.Namespace != y.Namespace {
		return fmt.Errorf("%s: node %d %q vs %d %q", path, x.Type, x.Data, y.Type, y.Data)
	}
	if len(x.Attr) != len(y.Attr) {
		return fmt.Errorf("%s/%s: %d vs %d attributes", path, x.Data, len(x.Attr), len(y.Attr))
	}
	for i := range x.Attr {
		if x.Attr[i] != y.Attr[i] {
			return fmt.Errorf("%s/%s: attribute %v vs %v", path, x.Data, x.Attr[i], y.Attr[i])
		}
	}
	if x.Type == html.ElementNode && (x.DataAtom == atom.Script || x.DataAtom == atom.Style || x.Namespace != "") {
		return nil
	}
	cx, cy := x.FirstChild, y.FirstChild
	for ; cx != nil && cy != nil; cx, cy = cx.NextSibling, cy.NextSibling {
		if err := compareNodes(cx, cy, path+"/"+x.Data); err != nil {
			return err
		}
	}
	if cx != nil || cy != nil {
		return fmt.Errorf("%s/%s: different numbers of children", path, x.Data)
	}
	return nil
}

func TestEmptyRawText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"script and style emptied", `<p>a<script>var x = "<p>";</script>b<style>p{}</style></p>`, `<p>a<script></script>b<style></style></p>`},
		{"upper case tags", `<SCRIPT type="text/javascript">x()</SCRIPT ><p>t`, `<SCRIPT type="text/javascript"></SCRIPT ><p>t`},
		{"json-ld kept", `<script type="application/ld+json">{"a":1}</script>`, `<script type="application/ld+json">{"a":1}</script>`},
		{"json-ld kept in any case", `<script type="Application/LD+JSON">{"a":1}</script>`, `<script type="Application/LD+JSON">{"a":1}</script>`},
		{"other json emptied", `<script id="__NEXT_DATA__" type="application/json">{"props":{}}</script>`, `<script id="__NEXT_DATA__" type="application/json"></script>`},
		{"escaped script kept", `<script><!--<script>x</script>--></script>`, `<script><!--<script>x</script>--></script>`},
		{"script in comment", `<!-- <script> --><p>body</p><script>y</script>`, `<!-- <script> --><p>body</p><script></script>`},
		{"script in attribute", `<a title="<script>">link</a><p>body</p><script>z</script>`, `<a title="<script>">link</a><p>body</p><script></script>`},
		{"script in title", `<title>About <script> tags</title><p>body</p>`, `<title>About <script> tags</title><p>body</p>`},
		{"quoted > in script tag", `<script data-x="a>b">q()</script><p>t`, `<script data-x="a>b"></script><p>t`},
		{"end tag needs a delimiter", `<script>a("</scripts>")</script>`, `<script></script>`},
		{"unterminated script left", `<p>t<script>never closed`, `<p>t<script>never closed`},
		{"plaintext stops", `<plaintext><script>x</script>`, `<plaintext><script>x</script>`},
		{"nothing to do", `<p>plain</p>`, `<p>plain</p>`},
		{"short comment", `<!--><script>x</script>`, `<!--><script></script>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(emptyRawText([]byte(tt.in)))
			if got != tt.want {
				t.Errorf("emptyRawText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if err := sameTreeButRawText([]byte(tt.in), []byte(got)); err != nil {
				t.Errorf("emptied page parses differently: %v", err)
			}
		})
	}
}

// readCut reads text through a cutReader in reads of at most size bytes.
func readCut(text []byte, size int) string {
	r := &cutReader{text: text, cuts: rawTextCuts(text)}
	var b strings.Builder
	buf := make([]byte, size)
	for {
		n, err := r.Read(buf)
		b.Write(buf[:n])
		if err == io.EOF {
			return b.String()
		}
	}
}

func TestCutReader(t *testing.T) {
	page := []byte(`<style>a{}</style><p>x</p><script>1</script><script>2</script><p>y</p><script>3</script>`)
	want := string(emptyRawText(page))
	if want != `<style></style><p>x</p><script></script><script></script><p>y</p><script></script>` {
		t.Fatalf("emptyRawText = %q", want)
	}
	for _, size := range []int{1, 2, 5, 4096} {
		if got := readCut(page, size); got != want {
			t.Errorf("reads of %d bytes: %q, want %q", size, got, want)
		}
	}
	if got := readCut([]byte("plain"), 3); got != "plain" {
		t.Errorf("no cuts: %q", got)
	}
}

func TestEmptyRawTextReturnsInputUnchanged(t *testing.T) {
	in := []byte(`<p>no raw text here</p>`)
	if got := emptyRawText(in); &got[0] != &in[0] {
		t.Error("a page with nothing to empty was copied")
	}
}

// TestEmptyRawTextCorpus checks, on every dev-corpus page, that emptying
// raw text leaves the same tree and removes something on most pages.
func TestEmptyRawTextCorpus(t *testing.T) {
	dir := filepath.Join(sharedDataDir(t), "corpus", "dev", "html")
	names, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(names) == 0 {
		t.Skipf("no pages in %s (%v)", dir, err)
	}
	if testing.Short() {
		names = names[:10]
	}
	var before, after int
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		e := emptyRawText(b)
		before += len(b)
		after += len(e)
		if err := sameTreeButRawText(b, e); err != nil {
			t.Errorf("%s: %v", filepath.Base(n), err)
		}
	}
	t.Logf("%d pages: %d bytes emptied to %d", len(names), before, after)
	if after >= before {
		t.Errorf("nothing emptied from %d corpus pages", len(names))
	}
}

func FuzzEmptyRawText(f *testing.F) {
	for _, s := range []string{
		`<p>a<script>x</script>b`, `<!-- <script> -->`, `<a title="<style>">`, `<textarea><script></textarea>x</script>`,
		`<svg><style>a</style></svg>`, `<script><!--<script>--></script>`, `<!--->`, `<scriPt>x</scRipt >y`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if strings.ContainsRune(in, 0) {
			t.Skip("NUL bytes are replaced by the tokenizer in ways this scan does not mirror")
		}
		out := emptyRawText([]byte(in))
		if read := readCut([]byte(in), 7); read != string(out) {
			t.Fatalf("cutReader gives %q, emptyRawText %q", read, out)
		}
		if len(out) > len(in) {
			t.Fatalf("output grew: %q -> %q", in, out)
		}
		if err := sameTreeButRawText([]byte(in), out); err != nil {
			t.Fatalf("%q -> %q: %v", in, out, err)
		}
	})
}
