// Package generator turns a validated model.Spec into the Go source of a
// package: a typed constant for every entry of every table of the spec, a
// String method and the spec's descriptions, which side sends each opcode,
// lists of the values, and Parse functions that look wire names up without
// allocating.
//
// Every table of the spec is an enumeration of one of three shapes, and each
// shape has one emitter, driven by the registry's description of the table
// (model.Tables) and by the table's settings (config.go); tables.go builds
// the package from them:
//
//   - integer codes (opcodes, close codes...): codes.go
//   - names (dispatch events, numbered by the generator or strings): events.go
//   - bit flags (intents): flags.go
//
// and what all three emit alike, the list functions and stringer's guard,
// is in shapes.go. The payload structures, which are not tables, have
// emitters of their own: the structs in payloads.go, the enums their fields
// link to in enums.go, and the envelope, Frame and DecodeFrame, in
// frame.go. Each emitter's plan method derives every name its table
// declares, each with a comment that shows the default (// IntentsFor), so
// that searching for a generated identifier finds where it is made.
//
// Every declaration is built with jennifer and each file is rendered, and so
// formatted, once. The exceptions are two real Go files that do not depend
// on the spec, copied verbatim into the output (verbatim.go): the hash that
// the Parse functions' tables use (internal/namehash), which the generator
// also calls to place the names, and DecodeFrame's scanner
// (internal/framescan).
//
// Generate writes nothing: it returns files in memory, and writing them is
// the caller's business. It does not type-check its output either, any more
// than stringer does; the tests compile, vet and run the packages it
// generates.
package generator

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/gatewaygen/gatewaygen/model"
)

// Config says what Generate emits and how to name it. Zero fields take the
// defaults shown.
type Config struct {
	Package    string // "gateway"
	SenderType string // "Sender"
	// Tables holds the settings of each table, by its key in the IR and
	// the registry of tables, model.Tables ("opcodes", "events",
	// "intents"...); a table it does not name, and a zero field, take the
	// defaults.
	Tables map[string]TableConfig
	// Only, when it is not nil, lists the tables (by key) to generate; the
	// others are left out, and so is what only they use. The payload
	// structures, which are no table, are generated only if it lists
	// model.StructuresKey too.
	Only []string
	// NoPackageDoc leaves the package doc comment out, for a package where
	// another file already has one.
	NoPackageDoc bool
	// Types gives fields of the payload structures a Go type of the
	// user's choosing, by struct and field, as they are named in Go:
	// "Identify.Shard": "[2]int". It is meant for what the docs leave
	// untyped (unions, tuples, "mixed"), which is otherwise a
	// json.RawMessage, and for keys the docs call required that payloads
	// leave out ("Activity.CreatedAt": "Optional[int64]"). The type is a
	// builtin one or one the package declares; unless it is an Optional,
	// a field the docs say may be absent or null is still wrapped in one.
	Types map[string]string
}

// A TableConfig holds the settings of one table. Zero fields take the
// table's defaults.
type TableConfig struct {
	// Type is the Go type of the table's values, such as "Opcode" (the
	// default of the opcodes table).
	Type string
	// Prefix starts the names of the constants, and the intents' groups
	// (Prefix+"sAll"). The default is Type.
	Prefix string
	// List names the function that lists the entries. The default is
	// the plural of Type: "Opcodes", and "AllIntents" for a Type that
	// already ends in s (model.GoNames).
	List string
	// Underlying is the integer type beneath Type, for integer codes and
	// bit flags: "int", "int32", "int64", "uint32" or "uint64". The
	// default is int for codes and uint64 for flags.
	Underlying string
	// Representation is how events are represented: "enum" (the default),
	// a number for each event, or "string", the wire name itself.
	Representation string
}

// The representations of events.
const (
	RepresentationEnum   = "enum"
	RepresentationString = "string"
)

// A ConfigError is a setting of a Config that cannot be used.
type ConfigError struct {
	// Key is the setting to change, as the config file spells it:
	// "package", "sender_type", "tables.intents.list", "only".
	Key string
	// Msg says what is wrong; it starts with the setting's value where
	// that is what is wrong, as in `"my-package": not a valid Go package
	// name`.
	Msg string
}

func (e *ConfigError) Error() string {
	return e.Key + " " + e.Msg
}

// A File is one generated source file, held in memory until a writer puts it
// on disk.
type File struct {
	// Name is the file's base name, such as "opcodes_gen.go". It never
	// contains a path separator.
	Name    string
	Content []byte
}

// Generate returns the files of the package for spec, in a fixed order and
// byte for byte the same on every run. An error means that the
// configuration is unusable, or that a name in the spec would collide with
// another declaration of the package, with the position that causes it.
func Generate(spec *model.Spec, cfg Config) ([]File, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	p, err := newPackage(spec, cfg.withDefaults())
	if err != nil {
		return nil, err
	}
	if err := p.checkNames(); err != nil {
		return nil, err
	}
	var files []File
	for _, pf := range p.files() {
		f := jen.NewFile(p.name)
		f.HeaderComment("// Code generated by gatewaygen from " + p.sources + ". DO NOT EDIT.")
		pf.build(f)
		var b bytes.Buffer
		if err := f.Render(&b); err != nil {
			return nil, fmt.Errorf("internal error: gatewaygen produced invalid Go in %s (please report this bug): %v", pf.name, err)
		}
		if pf.verbatim != "" {
			b.WriteString("\n" + pf.verbatim)
		}
		files = append(files, File{Name: pf.name, Content: b.Bytes()})
	}
	return files, nil
}

// A packageFile is one file of the package: its name, what declares its
// contents, and text to append verbatim after them.
type packageFile struct {
	name     string
	build    func(f *jen.File)
	verbatim string
}

// sourceList names the spec's documents by base name: paths differ between
// machines, and the output must not.
func sourceList(sources []string) string {
	var bases []string
	for _, s := range sources {
		bases = append(bases, commentSafe(path.Base(strings.ReplaceAll(s, `\`, "/"))))
	}
	return andList(bases)
}

// andList joins words as English does: "a", "a and b", "a, b and c".
func andList(words []string) string {
	switch len(words) {
	case 0:
		return "no documents"
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// lowerFirst makes an exported name unexported: Opcode → opcode.
func lowerFirst(s string) string {
	return strings.ToLower(s[:1]) + s[1:]
}
