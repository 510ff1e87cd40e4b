package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"

	"github.com/spf13/cobra"

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
}

func (f *inputFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&f.specs, "spec", nil, "a spec document to read; repeat for several, merged in order (default: the embedded documents)")
	_ = cmd.MarkFlagFilename("spec", "md", "mdx", "markdown", "txt")
}

// outputFlags are the flags of the commands that generate code.
type outputFlags struct {
	inputFlags
	out string
	cfg generator.Config
}

func (f *outputFlags) register(cmd *cobra.Command) {
	f.inputFlags.register(cmd)
	cmd.Flags().StringVar(&f.out, "out", "generated/gateway", "the directory of the generated package")
	cmd.Flags().StringVar(&f.cfg.Package, "package", "gateway", "the name of the generated package")
	_ = cmd.MarkFlagDirname("out")
}

// load reads, parses and merges the specs, reporting every problem in
// every file.
func (f *inputFlags) load() (*model.Spec, error) {
	var docs []*model.Document
	var errs model.ErrorList
	add := func(doc *model.Document, err error) {
		var list model.ErrorList
		switch {
		case errors.As(err, &list):
			errs = append(errs, list...)
		case err != nil:
			errs = append(errs, &model.Error{Msg: err.Error()})
		default:
			docs = append(docs, doc)
		}
	}
	if len(f.specs) == 0 {
		for _, name := range specs.Default {
			src, err := specs.FS.ReadFile(name)
			if err != nil {
				return nil, fmt.Errorf("internal error: embedded spec %s: %v", name, err)
			}
			add(parser.Parse(path.Join(specs.Dir, name), src))
		}
	}
	for _, file := range f.specs {
		add(readSpec(file))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return model.Build(docs, nil)
}

// readSpec reads and parses one spec file, refusing what cannot be a spec
// before reading it.
func readSpec(file string) (*model.Document, error) {
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
		return nil, at("is a directory; --spec takes a document")
	case !info.Mode().IsRegular() && info.Mode()&fs.ModeNamedPipe == 0:
		return nil, at("is not a regular file")
	case info.Size() > parser.MaxSize:
		return nil, at("file is %d bytes, more than the %d MiB a spec may have", info.Size(), parser.MaxSize>>20)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, at("cannot read: %v", unwrapPath(err))
	}
	return parser.Parse(file, src)
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
