package main

import (
	"errors"
	"fmt"
	"io"

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
	err := root.Execute()
	var usage usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errSilent):
		return exitError
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "gatewaygen: %v\nRun 'gatewaygen --help' for usage.\n", err)
		return exitUsage
	}
	fmt.Fprintln(stderr, err)
	return exitError
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "gatewaygen",
		Short: "Generate Go constants for Discord Gateway opcodes and events from their docs",
		Long: `gatewaygen reads the opcode and dispatch-event tables of Discord Gateway
documents (markdown, MDX or typedoc pages) and generates a Go package: typed
constants, String methods, which side sends each opcode, descriptions, and
fast lookup of event names.

With no --spec flags it reads the documents embedded in the binary.`,
		Example: `  # Regenerate generated/gateway from the embedded documents.
  gatewaygen generate

  # Generate package discord/gateway from your own copy of the docs.
  gatewaygen generate --spec docs/gateway.md --out internal/gateway

  # In CI: fail if the committed package is out of date.
  gatewaygen check --spec docs/gateway.md --out internal/gateway

  # Merge two documents and print the result as JSON.
  gatewaygen ir --spec docs/gateway.md --spec docs/opcodes.mdx

  # Review what a new copy of the docs changes, for a pull request.
  gatewaygen diff --old old/gateway.md --new docs/gateway.md --format markdown`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          noArgs,
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

// noArgs rejects positional arguments as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		if cmd.HasSubCommands() {
			return usageError{fmt.Errorf("unknown command %q", args[0])}
		}
		return usageError{fmt.Errorf("%s takes no arguments, got %q (spec files go in --spec)", cmd.CommandPath(), args)}
	}
	return nil
}

// plural returns "1 noun" or "n nouns", for status lines.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
