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
how many opcodes and events they hold. It writes nothing.` + mergeHelp,
		Example: `  gatewaygen validate --spec docs/gateway.md`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			spec, err := f.load()
			if err != nil {
				return err
			}
			deprecated := 0
			for _, op := range spec.Opcodes {
				if op.Deprecated {
					deprecated++
				}
			}
			for _, ev := range spec.Events {
				if ev.Deprecated {
					deprecated++
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d opcodes, %d events (%d deprecated)\n",
				strings.Join(spec.Sources, ", "), len(spec.Opcodes), len(spec.Events), deprecated)
			return nil
		},
	}
	f.register(cmd)
	return cmd
}
