package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/gatewaygen/gatewaygen/generator"
	"github.com/gatewaygen/gatewaygen/model"
	"github.com/gatewaygen/gatewaygen/parser"
	"github.com/gatewaygen/gatewaygen/specs"
)

// mergeHelp ends the help of every command that reads specs: how several
// documents combine (the rules of model.Build).
const mergeHelp = `

Several --spec documents are merged in the order given: opcodes by code,
events by wire name, and every entry keeps the file:line of each document
that describes it. The description of an entry comes from the first
document, in --spec order, that has one, so give the most authoritative
document first. A sender left blank in one document is taken from another.
Documents that give one code two names, or one opcode two senders, are an
error that names both positions.

Specs may be markdown tables (the Gateway page, community docs), the
official MDX docs, or typedoc pages of an enum such as GatewayOpcodes.`

// inputFlags are the flags of every command that reads specs.
type inputFlags struct {
	specs []string
	namingFlags
	cmd *cobra.Command // for its stderr, where warnings go
}

func (f *inputFlags) register(cmd *cobra.Command) {
	f.cmd = cmd
	cmd.Flags().StringArrayVar(&f.specs, "spec", nil, "a spec document, or a directory whose .md and .mdx files are read in name order; repeat for several, merged in order (default: the embedded documents)")
	_ = cmd.MarkFlagFilename("spec", "md", "mdx", "markdown", "txt")
	f.namingFlags.register(cmd)
}

// namingFlags choose the Go names of entries, so that a library can keep the
// exported names it already has.
type namingFlags struct {
	initialisms []string
	names       []string // WIRE_NAME=GoName
}

func (f *namingFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringSliceVar(&f.initialisms, "initialisms", nil, "extra initialisms that Go names keep in one case, such as SKU,DM (comma-separated; repeatable)")
	cmd.Flags().StringArrayVar(&f.names, "name", nil, "the Go name of one entry, without the type prefix, as WIRE_NAME=GoName (such as MESSAGE_CREATE=MsgCreate), or for a close code TABLE:CODE=GoName (such as close_codes:4004=AuthFailed); repeatable")
}

// naming returns the Naming the flags ask for and the wire names it
// overrides. Errors name the flag, as no file is involved.
func (f *namingFlags) naming() (*model.Naming, []string, error) {
	var extra []string
	for _, word := range f.initialisms {
		// The flag splits "SKU, DM" at the comma only.
		if word = strings.TrimSpace(word); word != "" {
			extra = append(extra, word)
		}
	}
	overrides := make(map[string]string, len(f.names))
	flagOf := make(map[string]string, len(f.names)) // wire name → the --name that set it
	var wires []string
	for _, kv := range f.names {
		wire, goName, ok := strings.Cut(kv, "=")
		wire, goName = strings.TrimSpace(wire), strings.TrimSpace(goName)
		switch {
		case !ok || wire == "" || goName == "":
			return nil, nil, fmt.Errorf("--name %q: want WIRE_NAME=GoName, such as MESSAGE_CREATE=MsgCreate", kv)
		case overrides[wire] != "":
			return nil, nil, fmt.Errorf("--name %q: %s already has the name %s", kv, wire, overrides[wire])
		}
		overrides[wire], flagOf[wire] = goName, kv
		wires = append(wires, wire)
	}
	n, err := model.NewNaming(extra, overrides)
	var oe *model.OverrideError
	switch {
	case errors.As(err, &oe):
		return nil, nil, fmt.Errorf("--name %q: %q is not a Go identifier starting with an upper-case ASCII letter", flagOf[oe.Wire], oe.GoName)
	case err != nil:
		return nil, nil, fmt.Errorf("--initialisms: %v", err)
	}
	return n, wires, nil
}

// checkOverrides reports a --name for an entry the spec does not have, which
// would otherwise do nothing, silently: most likely a typo.
func checkOverrides(wires []string, specs ...*model.Spec) error {
	if len(wires) == 0 {
		return nil
	}
	known := make(map[string]bool)
	for _, spec := range specs {
		maps.Copy(known, spec.OverrideKeys())
	}
	for _, wire := range wires {
		if !known[wire] {
			return fmt.Errorf("--name %s=...: the specs have no entry named %s (%s)", wire, wire, overrideKeyForms())
		}
	}
	return nil
}

// outputFlags are the flags of the commands that generate code.
type outputFlags struct {
	inputFlags
	out      string
	cfg      generator.Config
	lockPath string   // --keep-removed
	drop     []string // wire names
	flags    *pflag.FlagSet
}

func (f *outputFlags) register(cmd *cobra.Command) {
	f.inputFlags.register(cmd)
	f.flags = cmd.Flags()
	// Under go generate, as with stringer, the package goes in the folder
	// of the directive.
	out := "generated/gateway"
	if underGoGenerate() {
		out = "."
	}
	cmd.Flags().StringVar(&f.out, "out", out, "the directory of the generated package (under go generate, the directive's)")
	cmd.Flags().StringVar(&f.cfg.Package, "package", "", "the name of the generated package (default: that of the Go files in --out; under go generate, $GOPACKAGE; else "+defaultPackage+")")
	cmd.Flags().StringVar(&f.cfg.OpcodeType, "opcode-type", "Opcode", "the name of the opcode type, which also prefixes its constants")
	cmd.Flags().StringVar(&f.cfg.EventType, "event-type", "Event", "the name of the event type, which also prefixes its constants")
	cmd.Flags().StringVar(&f.cfg.SenderType, "sender-type", "Sender", "the name of the type that says who sends an opcode")
	cmd.Flags().StringVar(&f.lockPath, "keep-removed", "", "a lock file, kept next to the package, that keeps entries the docs no longer list, deprecated (see generate --help)")
	cmd.Flags().StringArrayVar(&f.drop, "drop", nil, "the wire name of an entry the lock file keeps, to remove from the package; repeatable")
	_ = cmd.MarkFlagDirname("out")
	_ = cmd.MarkFlagFilename("keep-removed", "json")
}

// configFlags names the flag of each field of generator.Config.
var configFlags = map[string]string{
	"Package": "--package", "OpcodeType": "--opcode-type", "EventType": "--event-type", "SenderType": "--sender-type",
}

// checkConfig checks the name flags, naming the flag at fault. A package
// name that is no identifier is a usage error, as the README promises.
func (f *outputFlags) checkConfig() error {
	var ce *generator.ConfigError
	switch err := f.cfg.Check(); {
	case err == nil:
		return nil
	case !errors.As(err, &ce) || ce.Field == "":
		return err
	case ce.Field == "Package":
		return usageError{fmt.Errorf("%s %s", configFlags[ce.Field], ce.Msg)}
	default:
		return fmt.Errorf("%s %s", configFlags[ce.Field], ce.Msg)
	}
}

// stderr is where warnings go: the command's, or os.Stderr for flags no
// command registered.
func (f *inputFlags) stderr() io.Writer {
	if f.cmd == nil {
		return os.Stderr
	}
	return f.cmd.ErrOrStderr()
}

// load reads, parses and merges the specs, reporting every problem in
// every file.
func (f *inputFlags) load() (*model.Spec, error) {
	naming, overridden, err := f.naming()
	if err != nil {
		return nil, err
	}
	spec, errs := build(f.specs, naming, f.stderr())
	if len(errs) > 0 {
		return nil, errs
	}
	if err := checkOverrides(overridden, spec); err != nil {
		return nil, err
	}
	return spec, nil
}

// build reads, parses and merges files, or the embedded documents if there
// are none. A document with errors still gives the rows that could be read,
// and they are merged and validated too, so that one run reports the
// problems of every row: those of the parser and of the model, sorted
// together. Warnings, and the files of a directory that hold nothing
// gatewaygen reads, are reported on stderr, one a line.
func build(files []string, naming *model.Naming, stderr io.Writer) (*model.Spec, model.ErrorList) {
	docs, errs := readDocs(files)
	var kept []*model.Document
	skipped := map[string]int{} // directory → files skipped
	for _, doc := range docs {
		if doc.Skipped {
			skipped[path.Dir(filepath.ToSlash(doc.File))]++
			continue
		}
		kept = append(kept, doc)
	}
	for _, dir := range slices.Sorted(maps.Keys(skipped)) {
		files := "files"
		if skipped[dir] == 1 {
			files = "file"
		}
		fmt.Fprintf(stderr, "gatewaygen: %s: skipped %d %s with no table gatewaygen reads\n", dir, skipped[dir], files)
	}
	spec, warnings, err := model.BuildWith(kept, model.Options{Naming: naming})
	for _, w := range warnings {
		fmt.Fprintf(stderr, "gatewaygen: warning: %s\n", w)
	}
	var list model.ErrorList
	switch {
	case errors.As(err, &list):
		errs = append(errs, list...)
	case err != nil:
		errs = append(errs, &model.Error{Msg: err.Error()})
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return spec, nil
}

// readDocs reads and parses files, or the embedded documents if there are
// none, and returns every problem in every file, with the documents, or the
// parts of them, that could be read, in the order of files.
func readDocs(files []string) ([]*model.Document, model.ErrorList) {
	var docs []*model.Document
	var errs model.ErrorList
	add := func(doc *model.Document, err error) {
		var list model.ErrorList
		switch {
		case errors.As(err, &list):
			errs = append(errs, list...)
		case err != nil:
			errs = append(errs, &model.Error{Msg: err.Error()})
		}
		if doc != nil {
			docs = append(docs, doc)
		}
	}
	if len(files) == 0 {
		for _, name := range specs.Default {
			src, err := specs.FS.ReadFile(name)
			if err != nil {
				add(nil, fmt.Errorf("internal error: embedded spec %s: %v", name, err))
				continue
			}
			add(parser.Parse(path.Join(specs.Dir, name), src))
		}
	}
	for _, file := range files {
		if info, err := os.Stat(file); err == nil && info.IsDir() {
			names, err := specFiles(file)
			switch {
			case err != nil:
				add(nil, model.ErrorList{model.Errorf(model.Source{File: file}, "cannot read: %v", unwrapPath(err))})
			case len(names) == 0:
				add(nil, model.ErrorList{model.Errorf(model.Source{File: file}, "is a directory with no .md or .mdx file; --spec takes a document or a directory of them")})
			}
			read := 0
			for _, name := range names {
				doc, err := readSpec(name, parser.ParseOptional)
				if doc != nil && !doc.Skipped {
					read++
				}
				add(doc, err)
			}
			if len(names) > 0 && read == 0 {
				add(nil, model.ErrorList{model.Errorf(model.Source{File: file}, "none of the %d files in the directory has a table gatewaygen reads", len(names))})
			}
			continue
		}
		add(readSpec(file, parser.Parse))
	}
	return docs, errs
}

// specExts are the extensions of the files a --spec directory holds.
var specExts = map[string]bool{".md": true, ".mdx": true}

// specFiles returns the .md and .mdx files under dir, at any depth, sorted
// by path.
func specFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && specExts[strings.ToLower(filepath.Ext(p))] {
			files = append(files, p)
		}
		return nil
	})
	slices.Sort(files)
	return files, err
}

// readSpec reads and parses one spec file with parse, refusing what cannot
// be a spec before reading it.
func readSpec(file string, parse func(string, []byte) (*model.Document, error)) (*model.Document, error) {
	src, err := readInput(file, "--spec takes a document", parser.MaxSize)
	if err != nil {
		return nil, err
	}
	return parse(file, src)
}

// readInput reads a file the user named, refusing a directory, a device or
// a file larger than max before reading it. Errors name the file; use says
// what the flag takes, for the message about a directory.
func readInput(file, use string, max int64) ([]byte, error) {
	at := func(format string, args ...any) error {
		return model.ErrorList{model.Errorf(model.Source{File: file}, format, args...)}
	}
	info, err := os.Stat(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, at("no such file")
	case err != nil:
		return nil, at("cannot read: %v", unwrapPath(err))
	case info.IsDir():
		return nil, at("is a directory; %s", use)
	case !info.Mode().IsRegular() && info.Mode()&fs.ModeNamedPipe == 0:
		return nil, at("is not a regular file")
	case info.Size() > max:
		return nil, at("file is %d bytes, more than the %d MiB allowed", info.Size(), max>>20)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, at("cannot read: %v", unwrapPath(err))
	}
	return src, nil
}

// unwrapPath drops the path from a *fs.PathError, which the message already
// names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// overrideKeyForms says how --name addresses the entries of each table: by
// wire name, or, in a table named in words, by the UPPER_SNAKE form of the
// name or as TABLE:CODE.
func overrideKeyForms() string {
	var wire, words, codes []string
	for _, t := range model.Tables {
		if !t.Has(model.AttrNamedInWords) {
			wire = append(wire, t.Plural)
			continue
		}
		words = append(words, t.Plural)
		codes = append(codes, t.Key+":CODE")
	}
	return joinList(wire, "and") + " go by wire name, " + joinList(words, "and") + " by the UPPER_SNAKE form of their name or as " + joinList(codes, "or")
}

// joinList joins words as a sentence does: "a, b and c".
func joinList(words []string, conj string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}
