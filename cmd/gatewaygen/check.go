package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/gatewaygen/gatewaygen/internal/output"
)

func newCheckCmd() *cobra.Command {
	var f outputFlags
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Fail if the generated package differs from what generate would write",
		Long: `check does what generate does but writes nothing. If the files in --out
differ from what generate would write, it prints a unified diff and exits
with status 1. Run it in CI to keep the committed package in step with the
specs.` + mergeHelp,
		Example: `  gatewaygen check --spec docs/gateway.md --out internal/gateway`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			files, _, err := f.generate()
			if err != nil {
				return err
			}
			diff, err := output.Diff(f.out, files)
			if err != nil {
				return err
			}
			if diff != "" {
				fmt.Fprint(cmd.OutOrStdout(), diff)
				fmt.Fprintf(cmd.ErrOrStderr(), "%s is out of date: run gatewaygen generate with the same flags\n", f.out)
				return errSilent
			}
			return nil
		},
	}
	f.register(cmd)
	return cmd
}
