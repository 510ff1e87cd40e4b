package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

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
specs. With --keep-removed it checks the lock file too.` + mergeHelp,
		Example: `  gatewaygen check --spec docs/gateway.md --out internal/gateway
  gatewaygen check --config internal/gateway/gatewaygen.yaml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, err := f.generate()
			if err != nil {
				return err
			}
			// A missing folder is not a diff of the whole package from
			// /dev/null: say so.
			if _, err := os.Stat(f.out); errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("--out %s: no such directory; gatewaygen generate with the same flags creates it", f.out)
			}
			diff, err := output.Diff(f.out, r.files)
			if err != nil {
				return err
			}
			if r.lock != nil {
				lockDiff, err := output.DiffFile(f.lockPath, r.lock)
				if err != nil {
					return err
				}
				diff += lockDiff
			}
			if diff != "" {
				fmt.Fprint(cmd.OutOrStdout(), diff)
				what := displayDir(f.out)
				if r.lock != nil {
					what += " or " + f.lockPath
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "%s is out of date: run gatewaygen generate with the same flags\n", what)
				return errSilent
			}
			return nil
		},
	}
	f.register(cmd)
	return cmd
}
