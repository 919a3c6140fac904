package main

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the real command.
func newEvalCmd() *cobra.Command {
	return &cobra.Command{Use: "eval"}
}
