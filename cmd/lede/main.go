// Command lede crawls news sites and extracts article pages into clean,
// structured records.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit statuses, the contract with cron and scripts.
const (
	exitOK          = 0   // all done
	exitFailures    = 1   // done, but some inputs or pages failed
	exitUsage       = 2   // bad configuration or usage
	exitInterrupted = 130 // stopped by SIGINT or SIGTERM
)

// exitError carries an exit status out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "lede",
		Short:         "Crawl news sites and extract articles into clean records",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newExtractCmd(), newEvalCmd(), newCrawlCmd())
	return root
}

func main() {
	os.Exit(run(os.Args[1:]))
}

// run executes the CLI and maps its outcome to an exit status.
func run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRootCmd()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(os.Stderr, "lede:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(os.Stderr, "lede:", err)
	return exitUsage // cobra's own errors are usage errors: unknown flags, bad arguments
}
