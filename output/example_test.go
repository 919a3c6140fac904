package output_test

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/lede-news/lede/extract"
	"github.com/lede-news/lede/output"
)

func ExampleNewJSONL() {
	w := output.NewJSONL(os.Stdout)
	defer w.Close()
	a := &extract.Article{URL: "https://example.com/a", Headline: "Q&A: <b>news</b>", Tags: []string{"x"}}
	if err := w.Write(&output.Record{Article: a}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"url":"https://example.com/a","canonical_url":null,"source":null,"site_name":null,"headline":"Q&A: <b>news</b>","byline":null,"authors":[],"published":null,"modified":null,"lang":null,"description":null,"image":null,"tags":["x"],"section":null,"body":null,"word_count":0,"content_hash":null}
}

func ExampleRecord_MarshalJSON() {
	rec := output.Record{
		Article:   &extract.Article{URL: "https://example.com/a"},
		Site:      "example",
		FetchedAt: time.Date(2026, 11, 25, 16, 30, 0, 0, time.UTC),
		Status:    200,
	}
	b, _ := rec.MarshalJSON()
	fmt.Println(string(b))
	// Output:
	// {"url":"https://example.com/a","canonical_url":null,"source":null,"site_name":null,"headline":null,"byline":null,"authors":[],"published":null,"modified":null,"lang":null,"description":null,"image":null,"tags":[],"section":null,"body":null,"word_count":0,"content_hash":null,"fetched_at":"2026-11-25T16:30:00Z","status":200,"site":"example"}
}

func ExampleRecord_MarshalMarkdown() {
	a := &extract.Article{
		URL:       "https://example.com/news/1",
		Headline:  "Budget: what changes",
		Authors:   []string{"Kim Min-ji"},
		Published: extract.Timestamp{Time: time.Date(2026, 11, 1, 9, 0, 0, 0, time.FixedZone("KST", 9*3600)), Zoned: true},
		Body:      "The budget passed.",
		WordCount: 3,
	}
	doc, _ := output.Record{Article: a}.MarshalMarkdown()
	fmt.Print(string(doc))
	// Output:
	// ---
	// url: "https://example.com/news/1"
	// headline: "Budget: what changes"
	// authors:
	//   - "Kim Min-ji"
	// published: "2026-11-01T09:00:00+09:00"
	// word_count: 3
	// ---
	//
	// # Budget: what changes
	//
	// The budget passed.
}

func ExampleRunPath() {
	started := time.Date(2026, 11, 25, 16, 30, 0, 0, time.UTC)
	fmt.Println(filepath.ToSlash(output.RunPath("out", "yonhap", "20261125T163000Z", started)))
	// Output: out/yonhap/2026-11-25/20261125T163000Z.jsonl
}

func ExampleMarkdownDir_PathFor() {
	m := output.NewMarkdownDir("articles")
	rec := &output.Record{Site: "example", Article: &extract.Article{
		URL:       "https://example.com/news/budget-passes.html",
		Published: extract.Timestamp{Time: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC), Zoned: true},
	}}
	fmt.Println(filepath.ToSlash(m.PathFor(rec)))
	// Output: articles/example/2026/11/budget-passes-755496ffb4ec.md
}

func ExampleRepairJSONL() {
	dir, _ := os.MkdirTemp("", "lede-example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "run.jsonl")
	w, _ := output.CreateJSONL(path)
	w.Write(&output.Record{Article: &extract.Article{URL: "https://example.com/1"}, Site: "example", Status: 200})
	w.Close()
	// A killed run leaves half a line.
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"url":"https://example.com/2","canon`)
	f.Close()

	recs, err := output.RepairJSONL(path)
	fmt.Println(len(recs), recs[0].Article.URL, err)
	// Output: 1 https://example.com/1 <nil>
}
