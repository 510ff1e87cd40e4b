package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

func newValidateCmd() *cobra.Command {
	var f inputFlags
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Parse and validate the specs, and print what they hold",
		Long: `validate reads, merges and validates the specs as generate does, then prints
how many entries each of their tables holds. It writes nothing.` + mergeHelp,
		Example: `  gatewaygen validate --spec docs/gateway.md`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			spec, err := f.load()
			if err != nil {
				return err
			}
			deprecated := countEntries(spec, func(deprecated, _ bool) bool { return deprecated })
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %s (%d deprecated)\n", strings.Join(spec.Sources, ", "), tableCounts(spec, nil), deprecated)
			return nil
		},
	}
	f.register(cmd)
	return cmd
}
