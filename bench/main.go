// Command bench compares lede's article extraction with other Go
// extractors on an annotated corpus (the format of ../shared/corpus/dev):
// body precision, recall, F1 and accuracy per subset by the corpus metric,
// and single-threaded throughput and allocations, all in one process over
// the same pages.
//
// It lives in its own module so that lede itself does not depend on the
// extractors it is compared with. Run it with `make compare`.
package main

import (
	"context"
	"flag"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"strings"
)

func main() {
	corpus := flag.String("corpus", "../../shared/corpus/dev", "corpus directory (truth.jsonl and html/)")
	runs := flag.Int("runs", 3, "timed passes per extractor over the corpus; the best is reported")
	only := flag.String("only", "", "comma-separated extractor names to run (default all: "+strings.Join(extractorNames(), ",")+")")
	procs := flag.Int("procs", 0, "GOMAXPROCS while timing (0 leaves the default); extraction itself is always one goroutine")
	flag.Parse()
	if *procs > 0 {
		runtime.GOMAXPROCS(*procs)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *corpus, *runs, *only, os.Stdout); err != nil {
		slog.Error("compare failed", "err", err)
		os.Exit(1)
	}
}
