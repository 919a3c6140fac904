package eval

import (
	"context"
	"fmt"
	"os"
	"sort"

	"github.com/lede-news/lede/extract"
)

// Result is one page's outcome.
type Result struct {
	Page      Page
	Article   *extract.Article // nil when extraction failed
	Err       error
	Body      BodyScore
	TitleOK   bool // meaningful only where the page has a title truth
	BylineOK  bool
	PublishOK bool
}

// Counts is the share of pages, among those with a truth, whose value matched.
type Counts struct {
	Checked, Matched int
}

// Accuracy is Matched/Checked, or 0 with nothing checked.
func (c Counts) Accuracy() float64 {
	if c.Checked == 0 {
		return 0
	}
	return float64(c.Matched) / float64(c.Checked)
}

// Subset is the summary of one source subset.
type Subset struct {
	Source    string
	Body      BodySummary
	Title     Counts
	Byline    Counts
	Published Counts
	Failed    int // pages whose extraction returned an error
}

// Report is a corpus run: every page's result and each subset's summary,
// subsets in name order.
type Report struct {
	Results []Result
	Subsets []Subset
}

// Subset returns the summary for source, or false.
func (r *Report) Subset(source string) (Subset, bool) {
	for _, s := range r.Subsets {
		if s.Source == source {
			return s, true
		}
	}
	return Subset{}, false
}

// Evaluate extracts every page with e and scores it. It stops early, with
// ctx's error, when ctx is cancelled.
func Evaluate(ctx context.Context, pages []Page, e *extract.Extractor) (*Report, error) {
	rep := &Report{Results: make([]Result, 0, len(pages))}
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		body, err := os.ReadFile(p.Path)
		if err != nil {
			return nil, fmt.Errorf("page %s: %w", p.ID, err)
		}
		res := Result{Page: p}
		res.Article, res.Err = e.Extract(extract.Page{URL: p.URL, Source: p.Path, Body: body})
		var a extract.Article
		if res.Article != nil {
			a = *res.Article
		}
		res.Body = ScoreBody(p.Body, a.Body)
		res.TitleOK = TitleMatch(p.Title, a.Headline)
		res.BylineOK = BylineMatch(p.Byline, a.Byline)
		res.PublishOK = PublishedMatch(p.Published, a.Published)
		rep.Results = append(rep.Results, res)
	}
	rep.Subsets = summarize(rep.Results)
	return rep, nil
}

func summarize(results []Result) []Subset {
	bySource := map[string]*Subset{}
	scores := map[string][]BodyScore{}
	for _, r := range results {
		s := bySource[r.Page.Source]
		if s == nil {
			s = &Subset{Source: r.Page.Source}
			bySource[r.Page.Source] = s
		}
		if r.Err != nil {
			s.Failed++
		}
		if r.Page.Body != "" {
			scores[r.Page.Source] = append(scores[r.Page.Source], r.Body)
		}
		tally(&s.Title, r.Page.Title, r.TitleOK)
		tally(&s.Byline, r.Page.Byline, r.BylineOK)
		tally(&s.Published, r.Page.Published, r.PublishOK)
	}
	out := make([]Subset, 0, len(bySource))
	for src, s := range bySource {
		s.Body = SummarizeBody(scores[src])
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Source < out[j].Source })
	return out
}

func tally(c *Counts, truth string, ok bool) {
	if truth == "" {
		return
	}
	c.Checked++
	if ok {
		c.Matched++
	}
}
