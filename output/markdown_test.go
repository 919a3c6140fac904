package output

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/lede-news/lede/extract"
)

// splitDoc splits a Markdown record into its front matter and the rest.
func splitDoc(t *testing.T, doc []byte) (front []byte, rest string) {
	t.Helper()
	s := string(doc)
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("document does not start with ---:\n%s", s)
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		t.Fatalf("no closing ---:\n%s", s)
	}
	return []byte(s[4 : 4+end+1]), s[4+end+5:]
}

func TestMarkdownFrontMatterRoundTrips(t *testing.T) {
	headlines := []string{
		"Plain headline",
		"Key: value with a colon",
		`"Quoted" and 'single' quotes`,
		"# looks like a comment",
		"- starts like a list item",
		"line one\nline two",
		"한국어 제목: 속보 #1",
		"yes",
		"2026-11-01",
		"123",
		"  padded  ",
		"[not] {a} &anchor *alias !tag | > % @ `",
		"null",
	}
	for _, h := range headlines {
		t.Run(h, func(t *testing.T) {
			a := sampleArticle(1)
			a.Headline = h
			a.Byline = h
			a.Tags = []string{h, "- x", "y: z"}
			rec := Record{Article: a, Site: "ex", FetchedAt: time.Date(2026, 11, 25, 16, 0, 0, 0, time.UTC), Status: 200}
			doc, err := rec.MarshalMarkdown()
			mustNoErr(t, err)
			front, _ := splitDoc(t, doc)
			var got map[string]any
			if err := yaml.Unmarshal(front, &got); err != nil {
				t.Fatalf("front matter does not parse: %v\n%s", err, front)
			}
			want := map[string]any{
				"url": a.URL, "canonical_url": a.CanonicalURL, "site": "ex", "site_name": a.SiteName,
				"headline": h, "byline": h, "authors": []any{a.Authors[0], a.Authors[1]},
				"published": "2026-11-01T08:30:00+09:00", "modified": "2026-11-01T09:00:00",
				"lang": "ko", "description": a.Description, "image": a.Image,
				"tags": []any{h, "- x", "y: z"}, "section": "World", "word_count": 12,
				"content_hash": a.ContentHash, "fetched_at": "2026-11-25T16:00:00Z", "status": 200,
			}
			if !reflect.DeepEqual(got, want) {
				for k := range want {
					if !reflect.DeepEqual(got[k], want[k]) {
						t.Errorf("%s = %#v, want %#v", k, got[k], want[k])
					}
				}
				t.Fatalf("front matter:\n%s", front)
			}
			assertStringsQuoted(t, front)
		})
	}
}

// assertStringsQuoted checks every string value is double-quoted, so YAML
// 1.1 parsers (PyYAML) cannot read a time, number or boolean instead.
func assertStringsQuoted(t *testing.T, front []byte) {
	t.Helper()
	var doc yaml.Node
	mustNoErr(t, yaml.Unmarshal(front, &doc))
	var walk func(n *yaml.Node, isKey bool)
	walk = func(n *yaml.Node, isKey bool) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, false)
			}
		case yaml.MappingNode:
			for i, c := range n.Content {
				walk(c, i%2 == 0)
			}
		case yaml.ScalarNode:
			if !isKey && n.Tag == "!!str" && n.Style != yaml.DoubleQuotedStyle {
				t.Errorf("value %q is not double-quoted", n.Value)
			}
		}
	}
	walk(&doc, false)
}

func TestMarkdownFrontMatterKeepsKorean(t *testing.T) {
	doc, err := Record{Article: sampleArticle(1)}.MarshalMarkdown()
	mustNoErr(t, err)
	front, _ := splitDoc(t, doc)
	if !strings.Contains(string(front), `byline: "홍길동 기자"`) {
		t.Errorf("Korean escaped or byline missing:\n%s", front)
	}
}

func TestMarkdownAbsentValuesOmitted(t *testing.T) {
	doc, err := Record{Article: &extract.Article{Body: "Only a body."}}.MarshalMarkdown()
	mustNoErr(t, err)
	front, rest := splitDoc(t, doc)
	var got map[string]any
	mustNoErr(t, yaml.Unmarshal(front, &got))
	if !reflect.DeepEqual(got, map[string]any{"word_count": 0}) {
		t.Errorf("front matter %v, want only word_count", got)
	}
	if rest != "\nOnly a body.\n" {
		t.Errorf("rest = %q", rest)
	}
}

func TestMarkdownBody(t *testing.T) {
	a := sampleArticle(1)
	a.Headline = "Two\nlines"
	a.Markdown = "## Sub\n\nText with [a link](https://x.example/)."
	doc, err := Record{Article: a}.MarshalMarkdown()
	mustNoErr(t, err)
	_, rest := splitDoc(t, doc)
	if want := "\n# Two lines\n\n" + a.Markdown + "\n"; rest != want {
		t.Errorf("with Markdown: %q, want %q", rest, want)
	}
	a.Markdown = ""
	doc, err = Record{Article: a}.MarshalMarkdown()
	mustNoErr(t, err)
	if _, rest = splitDoc(t, doc); !strings.HasSuffix(rest, "\n\n"+a.Body+"\n") {
		t.Errorf("without Markdown, body not used: %q", rest)
	}
}

func TestPathFor(t *testing.T) {
	m := NewMarkdownDir("root")
	kst := time.FixedZone("KST", 9*3600)
	fetched := time.Date(2025, 3, 31, 23, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		rec  Record
		want string // with the hash replaced by HASH
	}{
		{"site and published date as printed",
			Record{Site: "yonhap", FetchedAt: fetched, Article: &extract.Article{URL: "https://www.yna.co.kr/view/AKR20261101.html",
				Published: extract.Timestamp{Time: time.Date(2026, 11, 1, 0, 30, 0, 0, kst), Zoned: true}}},
			"root/yonhap/2026/11/akr20261101-HASH.md"},
		{"undated when unpublished, whatever the fetch date",
			Record{Site: "yonhap", FetchedAt: fetched, Article: &extract.Article{URL: "https://www.yna.co.kr/news/"}},
			"root/yonhap/undated/news-HASH.md"},
		{"undated, not the modified date, which changes with edits",
			Record{Site: "yonhap", FetchedAt: fetched, Article: &extract.Article{URL: "https://www.yna.co.kr/news/",
				Modified: extract.Timestamp{Time: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), Zoned: true}}},
			"root/yonhap/undated/news-HASH.md"},
		{"host when no site, query in slug",
			Record{FetchedAt: fetched, Article: &extract.Article{URL: "https://Example.COM/article.php?id=42"}},
			"root/example.com/undated/article-id-42-HASH.md"},
		{"local file",
			Record{FetchedAt: fetched, Article: &extract.Article{Source: "pages/Story One.html"}},
			"root/_local/undated/story-one-HASH.md"},
		{"root path has no slug",
			Record{Site: "s", FetchedAt: fetched, Article: &extract.Article{URL: "https://example.com/"}},
			"root/s/undated/HASH.md"},
		{"korean slug, hostile site name",
			Record{Site: "../evil site", FetchedAt: fetched, Article: &extract.Article{URL: "https://example.kr/%EB%89%B4%EC%8A%A4/%EC%86%8D%EB%B3%B4"}},
			"root/evil-site/undated/속보-HASH.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := filepath.ToSlash(m.PathFor(&tt.rec))
			if again := filepath.ToSlash(m.PathFor(&tt.rec)); again != got {
				t.Errorf("not deterministic: %q then %q", got, again)
			}
			i := strings.LastIndexByte(got, '/')
			base := got[i+1:]
			hash := strings.TrimSuffix(base[max(0, len(base)-len(".md")-hashHexLen):], ".md")
			if gotPattern := got[:i+1] + strings.Replace(base, hash, "HASH", 1); gotPattern != tt.want {
				t.Errorf("PathFor = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPathForUndatedRefetch: an undated article fetched again on another
// day (a run killed before it recorded the article) goes to the same file.
func TestPathForUndatedRefetch(t *testing.T) {
	root := t.TempDir()
	m := NewMarkdownDir(root)
	a := &extract.Article{URL: "https://ex.com/news/story-1", Headline: "Story", Body: "Text."}
	for _, fetched := range []time.Time{
		time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC),
		time.Date(2026, 12, 1, 0, 1, 0, 0, time.UTC),
	} {
		mustNoErr(t, m.Write(&Record{Site: "s", FetchedAt: fetched, Status: 200, Article: a}))
	}
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	mustNoErr(t, err)
	if len(files) != 1 {
		t.Errorf("two fetches of one undated article wrote %d files %v, want 1", len(files), files)
	}
}

func TestPathForNeverCollides(t *testing.T) {
	m := NewMarkdownDir("root")
	fetched := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	seen := map[string]string{}
	// URLs whose slugs are equal: only the hash tells them apart.
	for _, u := range []string{
		"https://ex.com/a/story.html", "https://ex.com/b/story.html", "https://ex.com/story.htm",
		"https://ex.com/story", "https://ex.com/story/", "http://ex.com/story.html", "https://ex.com/story.php",
	} {
		p := m.PathFor(&Record{Site: "s", FetchedAt: fetched, Article: &extract.Article{URL: u}})
		if prev, ok := seen[p]; ok {
			t.Errorf("%s and %s share %s", prev, u, p)
		}
		seen[p] = u
	}
}

func TestPathForInputsSharingACanonicalURL(t *testing.T) {
	// Two saved copies of one article (`lede extract` on files): both kept.
	m := NewMarkdownDir("root")
	fetched := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	canon := "https://ex.com/news/story-1"
	p1 := m.PathFor(&Record{FetchedAt: fetched, Article: &extract.Article{Source: "a.html", CanonicalURL: canon}})
	p2 := m.PathFor(&Record{FetchedAt: fetched, Article: &extract.Article{Source: "b.html", CanonicalURL: canon}})
	if p1 == p2 {
		t.Fatalf("both inputs go to %s", p1)
	}
	for _, p := range []string{p1, p2} {
		if dir, base := filepath.Dir(p), filepath.Base(p); dir != filepath.Join("root", "ex.com", "undated") || !strings.HasPrefix(base, "story-1-") {
			t.Errorf("%s: want root/ex.com/undated/story-1-<hash>.md", p)
		}
	}
}

func TestMarkdownDirWrite(t *testing.T) {
	root := filepath.Join(t.TempDir(), "md")
	m := NewMarkdownDir(root)
	var wg sync.WaitGroup
	recs := make([]*Record, 10)
	for i := range recs {
		recs[i] = &Record{Site: "ex", Status: 200, FetchedAt: time.Now(), Article: sampleArticle(i)}
		wg.Go(func() {
			if err := m.Write(recs[i]); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	mustNoErr(t, m.Close())
	for _, r := range recs {
		got, err := os.ReadFile(m.PathFor(r))
		mustNoErr(t, err)
		want, err := r.MarshalMarkdown()
		mustNoErr(t, err)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: content differs", m.PathFor(r))
		}
		st, err := os.Stat(m.PathFor(r))
		mustNoErr(t, err)
		if st.Mode().Perm() != 0o644 {
			t.Errorf("mode %v, want 0644", st.Mode().Perm())
		}
	}
	// Re-writing replaces the file; no temp files stay behind.
	recs[0].Article.Body = "changed"
	recs[0].Article.Markdown = ""
	mustNoErr(t, m.Write(recs[0]))
	got, err := os.ReadFile(m.PathFor(recs[0]))
	mustNoErr(t, err)
	if !strings.HasSuffix(string(got), "\nchanged\n") {
		t.Errorf("re-write did not replace the file: %q", got)
	}
	if n := countFiles(t, root); n != len(recs) {
		t.Errorf("%d files under root, want %d", n, len(recs))
	}
}

func countFiles(t *testing.T, root string) int {
	t.Helper()
	n := 0
	mustNoErr(t, filepath.WalkDir(root, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	}))
	return n
}

func TestMarkdownDirWriteBadRoot(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	mustNoErr(t, os.WriteFile(file, nil, 0o644))
	m := NewMarkdownDir(file)
	r := &Record{Article: sampleArticle(1)}
	if err := m.Write(r); err == nil || !strings.Contains(err.Error(), m.PathFor(r)) {
		t.Errorf("err = %v, want one naming the destination", err)
	}
}

func TestCleanTemp(t *testing.T) {
	root := t.TempDir()
	m := NewMarkdownDir(root)
	r := &Record{Site: "ex", Article: sampleArticle(1)}
	mustNoErr(t, m.Write(r))
	dir := filepath.Dir(m.PathFor(r))
	left := []string{filepath.Join(dir, tempPrefix+"123"), filepath.Join(root, tempPrefix+"x")}
	for _, p := range left {
		mustNoErr(t, os.WriteFile(p, []byte("half"), 0o600))
	}
	keep := filepath.Join(dir, "notes.tmp")
	mustNoErr(t, os.WriteFile(keep, nil, 0o644))
	mustNoErr(t, CleanTemp(root))
	for _, p := range left {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s still there (%v)", p, err)
		}
	}
	for _, p := range []string{keep, m.PathFor(r)} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", p, err)
		}
	}
	if err := CleanTemp(filepath.Join(root, "missing")); err != nil {
		t.Errorf("missing root: %v", err)
	}
}

func TestEscapeHeading(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain words, 속보", "Plain words, 속보"},
		{"Q&A: budget", "Q&A: budget"},
		{"Tom &amp; Jerry", `Tom \&amp; Jerry`},
		{"Use <script> and *stars* and _under_", `Use \<script\> and \*stars\* and \_under\_`},
		{"[link](x) `code` ~strike~ back\\slash", "\\[link\\](x) \\`code\\` \\~strike\\~ back\\\\slash"},
		{"We're #1", "We're #1"},
		{"Ending in #", `Ending in \#`},
	}
	for _, tt := range tests {
		if got := escapeHeading(tt.in); got != tt.want {
			t.Errorf("escapeHeading(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
