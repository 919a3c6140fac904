package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/lede-news/lede/extract"
	"github.com/lede-news/lede/extract/eval"
)

// evalFloor is the file `lede eval --check` reads: the lowest body F1 each
// subset may score before the check fails.
type evalFloor map[string]struct {
	BodyF1 float64 `json:"body_f1"`
}

func newEvalCmd() *cobra.Command {
	var (
		corpus, source, dump, check string
		worst                       int
	)
	cmd := &cobra.Command{
		Use:   "eval --corpus DIR",
		Short: "Score extraction against an annotated corpus",
		Long: `Extracts every page of a corpus laid out as html/<id>.html plus truth.jsonl
and prints, per source subset, body precision, recall, F1 and accuracy (the
article-extraction-benchmark metric) and title, byline and published accuracy.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if corpus == "" {
				return usageErr("eval: --corpus DIR is required")
			}
			pages, err := eval.LoadCorpus(corpus)
			if err != nil {
				return usageErr("eval: %w", err)
			}
			if source != "" {
				kept := pages[:0]
				for _, p := range pages {
					if p.Source == source {
						kept = append(kept, p)
					}
				}
				if len(kept) == 0 {
					return usageErr("eval: --source %q: no page of %s has that source", source, corpus)
				}
				pages = kept
			}
			var e extract.Extractor
			rep, err := eval.Evaluate(cmd.Context(), pages, &e)
			if err != nil {
				return &exitError{code: exitInterrupted, err: err}
			}
			out := cmd.OutOrStdout()
			printReport(out, rep)
			if worst > 0 {
				printWorst(out, rep, worst)
			}
			if dump != "" {
				if err := dumpReport(dump, rep); err != nil {
					return &exitError{code: exitFailures, err: err}
				}
			}
			if check != "" {
				return checkFloor(out, check, rep)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&corpus, "corpus", "", "corpus directory (html/ and truth.jsonl)")
	f.StringVar(&source, "source", "", "only pages of this source subset")
	f.StringVar(&dump, "dump", "", "write each page's predicted and true body and a scores.tsv here")
	f.IntVar(&worst, "worst", 0, "list the N pages with the lowest body F1")
	f.StringVar(&check, "check", "", "fail (exit 1) when a subset's body F1 falls below the floor in this JSON file")
	return cmd
}

func printReport(w io.Writer, rep *eval.Report) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "source\tpages\tfailed\tprecision\trecall\tF1\taccuracy\ttitle\tbyline\tpublished\t")
	for _, s := range rep.Subsets {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%s\t%s\t%s\t\n",
			s.Source, s.Body.Pages, s.Failed, s.Body.Precision, s.Body.Recall, s.Body.F1, s.Body.Accuracy,
			share(s.Title), share(s.Byline), share(s.Published))
	}
	tw.Flush()
}

func share(c eval.Counts) string {
	if c.Checked == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f (%d/%d)", c.Accuracy(), c.Matched, c.Checked)
}

func printWorst(w io.Writer, rep *eval.Report, n int) {
	rs := append([]eval.Result(nil), rep.Results...)
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Body.F1() < rs[j].Body.F1() })
	fmt.Fprintf(w, "\nlowest body F1:\n")
	for _, r := range rs[:min(n, len(rs))] {
		note := ""
		if r.Err != nil {
			note = " (" + r.Err.Error() + ")"
		}
		fmt.Fprintf(w, "  %.3f  P %.3f  R %.3f  %-12s %s%s\n", r.Body.F1(), r.Body.Precision(), r.Body.Recall(),
			r.Page.Source, r.Page.ID, note)
	}
}

func dumpReport(dir string, rep *eval.Report) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("eval --dump %s: %w", dir, err)
	}
	tsv, err := os.Create(filepath.Join(dir, "scores.tsv"))
	if err != nil {
		return fmt.Errorf("eval --dump: %w", err)
	}
	defer tsv.Close()
	fmt.Fprintln(tsv, "id\tsource\tprecision\trecall\tf1\texact\ttitle_ok\tbyline_ok\tpublished_ok\ttitle\tbyline\tpublished\terror")
	for _, r := range rep.Results {
		var a extract.Article
		if r.Article != nil {
			a = *r.Article
		}
		errText := ""
		if r.Err != nil {
			errText = r.Err.Error()
		}
		fmt.Fprintf(tsv, "%s\t%s\t%.4f\t%.4f\t%.4f\t%t\t%t\t%t\t%t\t%q\t%q\t%q\t%q\n", r.Page.ID, r.Page.Source,
			r.Body.Precision(), r.Body.Recall(), r.Body.F1(), r.Body.Exact, r.TitleOK, r.BylineOK, r.PublishOK,
			a.Headline, a.Byline, a.Published.String(), errText)
		for name, text := range map[string]string{".pred.txt": a.Body, ".truth.txt": r.Page.Body} {
			if err := os.WriteFile(filepath.Join(dir, r.Page.ID+name), []byte(text), 0o644); err != nil {
				return fmt.Errorf("eval --dump: %w", err)
			}
		}
	}
	return tsv.Close()
}

func checkFloor(w io.Writer, path string, rep *eval.Report) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return usageErr("eval --check: %w", err)
	}
	var floor evalFloor
	if err := json.Unmarshal(raw, &floor); err != nil {
		return usageErr("eval --check %s: %w", path, err)
	}
	failed := false
	for src, f := range floor {
		s, ok := rep.Subset(src)
		if !ok {
			return usageErr("eval --check %s: no pages of source %q in the corpus", path, src)
		}
		status := "ok"
		if s.Body.F1 < f.BodyF1 {
			status, failed = "BELOW FLOOR", true
		}
		fmt.Fprintf(w, "check %s: body F1 %.4f, floor %.4f: %s\n", src, s.Body.F1, f.BodyF1, status)
	}
	if failed {
		return &exitError{code: exitFailures, err: fmt.Errorf("eval: body F1 below the floor in %s", path)}
	}
	return nil
}
