package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"text/template"

	"github.com/spf13/cobra"

	"github.com/gatewaygen/gatewaygen/internal/output"
	"github.com/gatewaygen/gatewaygen/model"
	"github.com/gatewaygen/gatewaygen/templates"
)

// maxTemplateSize caps a template file, as parser.MaxSize caps a spec.
const maxTemplateSize = 4 << 20

func newRenderCmd() *cobra.Command {
	var f inputFlags
	var name, out string
	cmd := &cobra.Command{
		Use:   "render",
		Short: "Render a template against the specs, for outputs other than Go",
		Long: `render executes a text/template against the merged specs and prints the
result, or writes it to --out. --template is the name of a built-in template
(` + strings.Join(templates.Names(), ", ") + `) or the path of your own; a built-in
name wins, so write ./markdown for a file of that name.

The template is executed with the merged spec (a *model.Spec): .Sources and
a field for each table: .Opcodes (by code: .Code .Name .GoName .SentBy
.Description .Deprecated .Removed .Sources), .Events (in spec order: the
same without .Code and .SentBy), .CloseCodes, .Intents and the voice
gateway's tables, each with the fields gatewaygen ir prints. Besides text/template's own functions
it can call pascal, camel, snake, title, upper and lower to respell names,
gocomment, jscomment and mdcell to escape text for a Go comment, a
JavaScript comment or a markdown table cell, and base for a file's base name.

--out is written atomically and only after the template ran without error;
it is never a directory.`,
		Example: `  gatewaygen render --template typescript --out gateway.ts
  gatewaygen render --template markdown --spec docs/gateway.md --spec docs/extra.md
  gatewaygen render --template ./kotlin.tmpl --out Gateway.kt`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if name == "" {
				return usageError{errors.New("render needs --template: a built-in name (" + strings.Join(templates.Names(), ", ") + ") or a file")}
			}
			naming, err := f.naming()
			if err != nil {
				return err
			}
			tmpl, err := loadTemplate(name, naming)
			if err != nil {
				return err
			}
			spec, err := f.load()
			if err != nil {
				return err
			}
			// Execute into memory, so that a failing template writes nothing.
			var buf bytes.Buffer
			if err := tmpl.Execute(&buf, spec); err != nil {
				return err
			}
			if out == "" {
				_, err := cmd.OutOrStdout().Write(buf.Bytes())
				return err
			}
			return output.WriteFile(out, buf.Bytes())
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&name, "template", "", "a built-in template ("+strings.Join(templates.Names(), ", ")+") or a template file")
	cmd.Flags().StringVar(&out, "out", "", "the file to write (default: standard output)")
	_ = cmd.MarkFlagFilename("template", "tmpl")
	_ = cmd.MarkFlagFilename("out")
	return cmd
}

// loadTemplate returns the built-in template called name, or else parses
// the template file at that path, named by the path so that errors point
// at it.
func loadTemplate(name string, naming *model.Naming) (*template.Template, error) {
	if templates.IsBuiltin(name) {
		return templates.Builtin(name, naming)
	}
	if _, err := os.Stat(name); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such file, and there is no built-in template of that name (%s)", name, strings.Join(templates.Names(), ", "))
	}
	src, err := readInput(name, "--template takes a file", maxTemplateSize)
	if err != nil {
		return nil, err
	}
	return templates.Parse(name, src, naming)
}
