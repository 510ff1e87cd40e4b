package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes, as documented in the README.
const (
	exitOK    = 0
	exitError = 1 // invalid input, or generated files out of date
	exitUsage = 2 // the command line itself is wrong
)

// A usageError is a mistake in the command line, as opposed to in the input.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// errSilent reports failure after the command has already explained it.
var errSilent = errors.New("failed")

// run executes the command line args and returns the exit code. It is main
// without the process, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteC()
	var usage usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errSilent):
		return exitError
	case errors.As(err, &usage):
		// The help to read is that of the command that was run.
		fmt.Fprintf(stderr, "gatewaygen: %v\nRun '%s --help' for usage.\n", err, cmd.CommandPath())
		return exitUsage
	}
	fmt.Fprintln(stderr, err)
	return exitError
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "gatewaygen",
		Short: "Generate Go constants for the Discord Gateway's tables from their docs",
		Long: `gatewaygen reads the tables of Discord Gateway documents (markdown, MDX
or typedoc pages): opcodes, dispatch events, close codes, intents and the
voice gateway's opcodes and close codes. It generates a Go package: typed
constants, String methods, which side sends each opcode, descriptions, and
fast lookup of wire names.

With no --spec flags it reads the documents embedded in the binary.`,
		Example: `  # Regenerate generated/gateway from the embedded documents.
  gatewaygen generate

  # Generate package discord/gateway from your own copy of the docs.
  gatewaygen generate --spec docs/gateway.md --out internal/gateway

  # Generate as a config file says (see the README's Configuration).
  gatewaygen generate --config internal/gateway/gatewaygen.yaml

  # In CI: fail if the committed package is out of date.
  gatewaygen check --spec docs/gateway.md --out internal/gateway

  # Merge two documents and print the result as JSON.
  gatewaygen ir --spec docs/gateway.md --spec docs/opcodes.mdx

  # Review what a new copy of the docs changes, for a pull request.
  gatewaygen diff --old old/gateway.md --new docs/gateway.md --format markdown`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// noArgs asks for suggestions itself, and cobra sets this default
		// only in the check that noArgs replaces: without it, only a
		// prefix of a command's name ("gen") is recognised, not a typo.
		SuggestionsMinimumDistance: 2,
		Args:                       noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newGenerateCmd(),
		newCheckCmd(),
		newValidateCmd(),
		newIRCmd(),
		newDiffCmd(),
		newRenderCmd(),
		newVersionCmd(),
	)
	return root
}

// argsHint is the annotation of a command that says where the documents a
// user gave as arguments go instead; noArgs adds it to its message.
const argsHint = "gatewaygen/args"

// noArgs rejects positional arguments as a usage error: an unknown command,
// with cobra's suggestions, or documents that belong in a flag.
func noArgs(cmd *cobra.Command, args []string) error {
	switch {
	case len(args) == 0:
		return nil
	case cmd.HasSubCommands():
		msg := fmt.Sprintf("unknown command %q", args[0])
		if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
			msg += "\n\nDid you mean this?\n\t" + strings.Join(s, "\n\t") + "\n"
		}
		return usageError{errors.New(msg)}
	}
	hint := cmd.Annotations[argsHint]
	if hint == "" && cmd.Flags().Lookup("spec") != nil {
		hint = "spec files go in --spec"
	}
	if hint != "" {
		hint = " (" + hint + ")"
	}
	return usageError{fmt.Errorf("%s takes no arguments, got %q%s", cmd.CommandPath(), args, hint)}
}

// plural returns "1 noun" or "n nouns", for status lines.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
