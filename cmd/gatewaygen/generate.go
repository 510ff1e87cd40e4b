package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/gatewaygen/gatewaygen/generator"
	"github.com/gatewaygen/gatewaygen/internal/output"
)

func newGenerateCmd() *cobra.Command {
	var f outputFlags
	cmd := &cobra.Command{
		Use:   "generate",
		Short: "Generate the Go package from the specs",
		Long: `generate reads the specs, merges and validates them, and writes the Go
package to --out. It writes only after everything succeeded, each file
atomically, and it never touches a file it did not generate.`,
		Example: `  gatewaygen generate
  gatewaygen generate --spec docs/gateway.md --spec docs/opcodes.mdx --out internal/gateway --package gateway`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			files, counts, err := f.generate()
			if err != nil {
				return err
			}
			if err := output.Write(f.out, files); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", f.out, counts)
			return nil
		},
	}
	f.register(cmd)
	return cmd
}

// generate runs the pipeline up to the files in memory. counts summarises
// the spec for a status line.
func (f *outputFlags) generate() (files []generator.File, counts string, err error) {
	if err := f.checkConfig(); err != nil {
		return nil, "", err
	}
	spec, err := f.load()
	if err != nil {
		return nil, "", err
	}
	files, err = generator.Generate(spec, f.cfg)
	if err != nil {
		return nil, "", err
	}
	return files, fmt.Sprintf("%d opcodes, %d events from %d documents", len(spec.Opcodes), len(spec.Events), len(spec.Sources)), nil
}
