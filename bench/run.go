package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lede-news/lede/extract/eval"
)

// subsets are the corpus subsets scored, in column order.
var subsets = []string{"scrapinghub", "readability"}

// page is one corpus page with its bytes, read before any timing.
type page struct {
	truth eval.Page
	body  []byte
	url   *url.URL
}

// result is one extractor's figures.
type result struct {
	name         string
	scores       map[string]eval.BodySummary
	errors       int
	mbps         float64 // best of the timed runs
	nsPerPage    float64 // best of the timed runs
	allocsPage   float64 // heap allocations per page, first timed run
	bytesPerPage float64 // heap bytes allocated per page, first timed run
}

func run(ctx context.Context, dir string, runs int, only string, w io.Writer) error {
	if runs < 1 {
		return fmt.Errorf("--runs %d: need at least one timed run", runs)
	}
	pages, total, err := loadPages(dir)
	if err != nil {
		return err
	}
	chosen, err := choose(only)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "corpus %s: %d pages, %.1f MB; one goroutine, GOMAXPROCS=%d, %s; best of %d timed runs after a scored warm-up pass\n\n",
		dir, len(pages), float64(total)/1e6, runtime.GOMAXPROCS(0), runtime.Version(), runs)
	var results []result
	for _, ex := range chosen {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := measure(ctx, ex, pages, total, runs)
		results = append(results, r)
		fmt.Fprintf(os.Stderr, "%s: done (%.1f MB/s)\n", ex.name, r.mbps)
	}
	printTable(w, results)
	return nil
}

// loadPages reads the corpus and every page's bytes.
func loadPages(dir string) ([]page, int64, error) {
	truth, err := eval.LoadCorpus(dir)
	if err != nil {
		return nil, 0, fmt.Errorf("loading corpus: %w", err)
	}
	pages := make([]page, 0, len(truth))
	var total int64
	for _, t := range truth {
		body, err := os.ReadFile(t.Path)
		if err != nil {
			return nil, 0, fmt.Errorf("corpus page %s: %w", t.ID, err)
		}
		p := page{truth: t, body: body}
		if t.URL != "" {
			if u, err := url.Parse(t.URL); err == nil {
				p.url = u
			}
		}
		pages = append(pages, p)
		total += int64(len(body))
	}
	return pages, total, nil
}

func choose(only string) ([]extractor, error) {
	all := extractors()
	if only == "" {
		return all, nil
	}
	var out []extractor
	for _, name := range strings.Split(only, ",") {
		name = strings.TrimSpace(name)
		found := false
		for _, e := range all {
			if e.name == name {
				out = append(out, e)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("--only: unknown extractor %q (have %s)", name, strings.Join(extractorNames(), ", "))
		}
	}
	return out, nil
}

// measure scores one extractor (that pass is also its warm-up), then times
// it over all pages runs times.
func measure(ctx context.Context, ex extractor, pages []page, total int64, runs int) result {
	r := result{name: ex.name, scores: map[string]eval.BodySummary{}}
	bySubset := map[string][]eval.BodyScore{}
	for _, p := range pages {
		text, err := ex.run(p.body, p.url)
		if err != nil {
			r.errors++
			text = ""
		}
		if p.truth.Body != "" {
			bySubset[p.truth.Source] = append(bySubset[p.truth.Source], eval.ScoreBody(p.truth.Body, text))
		}
	}
	for s, sc := range bySubset {
		r.scores[s] = eval.SummarizeBody(sc)
	}
	best := time.Duration(0)
	for i := 0; i < runs && ctx.Err() == nil; i++ {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		for _, p := range pages {
			_, _ = ex.run(p.body, p.url)
		}
		d := time.Since(start)
		runtime.ReadMemStats(&after)
		if i == 0 {
			r.allocsPage = float64(after.Mallocs-before.Mallocs) / float64(len(pages))
			r.bytesPerPage = float64(after.TotalAlloc-before.TotalAlloc) / float64(len(pages))
		}
		if best == 0 || d < best {
			best = d
		}
	}
	if best > 0 {
		r.mbps = float64(total) / 1e6 / best.Seconds()
		r.nsPerPage = float64(best.Nanoseconds()) / float64(len(pages))
	}
	return r
}

func printTable(w io.Writer, results []result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "extractor\t"
	for _, s := range subsets {
		head += s + " P\tR\tF1\tacc\t"
	}
	head += "MB/s\tms/page\tallocs/page\tKB alloc/page\terrors\t"
	fmt.Fprintln(tw, head)
	for _, r := range results {
		line := r.name + "\t"
		for _, s := range subsets {
			sum, ok := r.scores[s]
			if !ok {
				line += "-\t-\t-\t-\t"
				continue
			}
			line += fmt.Sprintf("%.3f\t%.3f\t%.3f\t%.3f\t", sum.Precision, sum.Recall, sum.F1, sum.Accuracy)
		}
		line += fmt.Sprintf("%.1f\t%.2f\t%.0f\t%.0f\t%d\t", r.mbps, r.nsPerPage/1e6, r.allocsPage, r.bytesPerPage/1024, r.errors)
		fmt.Fprintln(tw, line)
	}
	tw.Flush()
	byName := map[string]*result{}
	for i := range results {
		byName[results[i].name] = &results[i]
	}
	lede := byName["lede"]
	if lede == nil {
		return
	}
	fmt.Fprintln(w)
	// go-trafilatura's published benchmark figure (F1 0.960) is the run
	// with fallback; without it is faster, so both ratios are shown.
	for _, other := range []string{"go-trafilatura", "go-trafilatura+fallback"} {
		if o := byName[other]; o != nil && o.mbps > 0 {
			fmt.Fprintf(w, "MB/s ratio lede / %s: %.2fx (target: at least 2x)\n", other, lede.mbps/o.mbps)
		}
	}
}
