package main

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/gatewaygen/gatewaygen/internal/specdiff"
	"github.com/gatewaygen/gatewaygen/model"
	"github.com/gatewaygen/gatewaygen/templates"
)

func newDiffCmd() *cobra.Command {
	var oldFiles, newFiles []string
	var format string
	var exitCode bool
	var bf buildFlags
	cmd := &cobra.Command{
		Use:   "diff",
		Short: "List the entries two versions of the specs add, remove, rename or change",
		Long: `diff merges the --old documents into one spec and the --new ones into
another, as generate would, and lists every entry of every table (opcodes,
events, close codes, intents, voice opcodes and close codes) that was added,
removed, renamed (same code, new name), re-coded (same name, new code) or
changed (an attribute such as the sender, the description, or the status:
active, deprecated or removed).
Layout, row order and line numbers do not count.

--format text prints one line a change; markdown prints tables ready for a
changelog or a pull request; json prints the changes with both versions of
each entry, for tools. With --exit-code, diff exits with status 1 when
anything changed, as git diff --exit-code does.`,
		Example: `  gatewaygen diff --old docs/gateway.md --new new-docs/gateway.md
  git show HEAD~1:docs/gateway.md > /tmp/old.md
  gatewaygen diff --old /tmp/old.md --new docs/gateway.md --format markdown`,
		Args:        noArgs,
		Annotations: map[string]string{argsHint: "documents go in --old and --new, as in gatewaygen diff --old a.md --new b.md"},
		RunE: func(cmd *cobra.Command, _ []string) error {
			if len(oldFiles) == 0 || len(newFiles) == 0 {
				return usageError{errors.New("diff needs at least one --old and one --new document")}
			}
			if format != "text" && format != "markdown" && format != "json" {
				return usageError{fmt.Errorf("--format %q: want text, markdown or json", format)}
			}
			opt, err := bf.options()
			if err != nil {
				return err
			}
			oldSpec, newSpec, err := bf.loadPair(oldFiles, newFiles, opt)
			if err != nil {
				return err
			}
			if errs := model.CheckOverrides(opt, oldSpec, newSpec); len(errs) > 0 {
				return errs
			}
			changes := specdiff.Compare(oldSpec, newSpec)
			w := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				if err := enc.Encode(changes); err != nil {
					return err
				}
			} else {
				tmpl, err := templates.Diff(format)
				if err != nil {
					return err
				}
				if err := tmpl.Execute(w, changes); err != nil {
					return err
				}
			}
			if exitCode && !changes.Empty() {
				return errSilent
			}
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&oldFiles, "old", nil, "a document (or a directory of them) of the old version; repeat for several, merged in order")
	cmd.Flags().StringArrayVar(&newFiles, "new", nil, "a document (or a directory of them) of the new version; repeat for several, merged in order")
	cmd.Flags().StringVar(&format, "format", "text", "the output format: text, markdown or json")
	cmd.Flags().BoolVar(&exitCode, "exit-code", false, "exit with status 1 if anything changed")
	bf.register(cmd)
	_ = cmd.MarkFlagFilename("old", "md", "mdx", "markdown", "txt")
	_ = cmd.MarkFlagFilename("new", "md", "mdx", "markdown", "txt")
	return cmd
}

// loadPair reads and builds both versions, reporting the problems of both
// at once, and prints the warnings of merging each.
func (f *buildFlags) loadPair(oldFiles, newFiles []string, opt model.Options) (oldSpec, newSpec *model.Spec, err error) {
	oldSpec, oldWarnings, errs := build(oldFiles, opt)
	newSpec, newWarnings, newErrs := build(newFiles, opt)
	if errs = append(errs, newErrs...); len(errs) > 0 {
		errs.Sort()
		return nil, nil, errs
	}
	f.warn(append(oldWarnings, newWarnings...))
	return oldSpec, newSpec, nil
}
