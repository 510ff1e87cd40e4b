package main

import (
	"encoding/json"

	"github.com/spf13/cobra"

	"github.com/gatewaygen/gatewaygen/model"
)

func newIRCmd() *cobra.Command {
	var f inputFlags
	cmd := &cobra.Command{
		Use:   "ir",
		Short: "Print the merged specs as JSON",
		Long: `ir reads, merges and validates the specs as generate does, then prints the
result, the intermediate representation the generator works from, as
indented JSON on standard output, for other tools to consume. The fields
are stable and documented in package model (go doc
github.com/gatewaygen/gatewaygen/model); "version" changes when one is
removed or changes meaning.` + mergeHelp,
		Example: `  gatewaygen ir > gateway.json
  gatewaygen ir --spec docs/gateway.md --spec docs/opcodes.md | jq '.opcodes[] | select(.sent_by == "client") | .name'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			spec, err := f.load()
			if err != nil {
				return err
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			// Descriptions are text, not HTML: keep "&" and "<" readable.
			enc.SetEscapeHTML(false)
			return enc.Encode(model.NewIR(spec))
		},
	}
	f.register(cmd)
	return cmd
}
