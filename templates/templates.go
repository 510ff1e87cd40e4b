// Package templates holds the text/template files gatewaygen renders for
// outputs other than Go, embedded in the binary, and the helper functions
// that every template, built-in or the user's, can call.
//
// A template for "gatewaygen render" is executed with the *model.Spec of
// the specs, so it sees .Sources and a field for each table of
// model.Tables, such as .Opcodes (sorted by code), .Events (in spec order)
// and .Intents (sorted by bit), with the fields of each table's entry
// type: model.Opcode, model.Event and so on. The built-in ones are:
//
//	markdown    a normalised reference of every table, which the parser
//	            reads back to the same spec
//	typescript  enums in the style of discord-api-types, named as each
//	            table's TypeScript name says: GatewayOpcodes,
//	            GatewayDispatchEvents, GatewayIntentBits...
//
// The templates under diff/ format a *specdiff.Changes for "gatewaygen diff".
//
// A template is named by its path, the built-in ones as templates/NAME.tmpl,
// so that text/template's errors ("template: FILE:LINE: ...") point at it.
package templates

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"text/template"

	"github.com/gatewaygen/gatewaygen/model"
)

//go:embed *.tmpl diff/*.tmpl
var files embed.FS

// Dir is where the templates live in the repository. Built-in templates
// are named by their path under it.
const Dir = "templates"

// Names lists the built-in templates for "gatewaygen render", sorted.
func Names() []string {
	entries, err := fs.Glob(files, "*.tmpl")
	if err != nil {
		panic(err) // the pattern is valid
	}
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e, ".tmpl"))
	}
	return names
}

// IsBuiltin reports whether name is the name of a built-in template.
func IsBuiltin(name string) bool {
	return slices.Contains(Names(), name)
}

// Builtin returns the built-in template called name, with the helper
// functions of naming (nil means model.DefaultNaming).
func Builtin(name string, naming *model.Naming) (*template.Template, error) {
	if !IsBuiltin(name) {
		return nil, fmt.Errorf("no built-in template %q; the built-in templates are %s", name, strings.Join(Names(), ", "))
	}
	return load(name+".tmpl", naming)
}

// Diff returns the built-in template that formats a *specdiff.Changes as
// format, "text" or "markdown".
func Diff(format string) (*template.Template, error) {
	return load(path.Join("diff", format+".tmpl"), nil)
}

func load(file string, naming *model.Naming) (*template.Template, error) {
	src, err := files.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("internal error: template %s: %v", file, err)
	}
	return Parse(path.Join(Dir, file), src, naming)
}

// Parse parses a template with the helper functions of naming (nil means
// model.DefaultNaming). name should be the path of the file src comes from,
// since errors in parsing and executing the template start with
// "template: NAME:LINE:".
func Parse(name string, src []byte, naming *model.Naming) (*template.Template, error) {
	return template.New(name).Funcs(Funcs(naming)).Option("missingkey=error").Parse(string(src))
}
