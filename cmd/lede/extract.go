package main

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the real command.
func newExtractCmd() *cobra.Command {
	return &cobra.Command{Use: "extract"}
}
