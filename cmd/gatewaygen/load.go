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
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/gatewaygen/gatewaygen/generator"
	"github.com/gatewaygen/gatewaygen/internal/config"
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
error that names both positions; with --merge first-wins the earlier
document wins instead, each value it overrides is reported on standard
error with both positions, and later documents add what it lacks.

Specs may be markdown tables (the Gateway page, community docs), the
official MDX docs, or typedoc pages of an enum such as GatewayOpcodes.`

// inputFlags are the flags of every command that reads specs.
type inputFlags struct {
	specs []string
	buildFlags
	configPath string       // --config
	file       *config.File // the file of --config, once read
	flags      *pflag.FlagSet
}

func (f *inputFlags) register(cmd *cobra.Command) {
	f.flags = cmd.Flags()
	f.registerConfig(cmd)
	cmd.Flags().StringArrayVar(&f.specs, "spec", nil, "a spec document, or a directory whose .md and .mdx files are read in name order; repeat for several, merged in order (default: the embedded documents)")
	_ = cmd.MarkFlagFilename("spec", "md", "mdx", "markdown", "txt")
	f.buildFlags.register(cmd)
}

// buildFlags say how specs become one model: how documents that disagree
// merge, what a close code's reconnect flag is, and the Go names.
type buildFlags struct {
	merge     string
	reconnect []string // TABLE:CODE=true|false
	// configReconnect are the configuration file's reconnect settings,
	// which --reconnect overrides code by code.
	configReconnect []config.Reconnect
	namingFlags
	// cmd is the command the flags belong to, whose standard error gets
	// the warnings of merging.
	cmd *cobra.Command
}

func (f *buildFlags) register(cmd *cobra.Command) {
	f.cmd = cmd
	cmd.Flags().StringVar(&f.merge, "merge", model.MergeStrict.String(), "what to do when documents disagree: strict (an error) or first-wins (the earlier --spec wins; each value overridden is reported)")
	cmd.Flags().StringArrayVar(&f.reconnect, "reconnect", nil, "whether a client may reconnect after a close code, over what the docs say, as TABLE:CODE=true|false (such as close_codes:4008=false); repeatable")
	f.namingFlags.register(cmd)
}

// options returns the model.Options the flags ask for. Errors name the
// flag, as no file is involved.
func (f *buildFlags) options() (model.Options, error) {
	naming, err := f.naming()
	if err != nil {
		return model.Options{}, err
	}
	opt := model.Options{Naming: naming}
	if f.merge != "" { // the flag's default, which a command that never parsed its flags lacks
		if opt.Merge, err = model.ParseMergePolicy(f.merge); err != nil {
			return model.Options{}, usageError{fmt.Errorf("--merge %q: want strict or first-wins", f.merge)}
		}
	}
	for _, kv := range f.reconnect {
		key, value, ok := strings.Cut(kv, "=")
		key = strings.TrimSpace(key)
		r, err := strconv.ParseBool(strings.TrimSpace(value))
		switch {
		case !ok || key == "" || err != nil:
			return model.Options{}, fmt.Errorf("--reconnect %s: want TABLE:CODE=true or TABLE:CODE=false, such as close_codes:4008=false", kv)
		case opt.Reconnect[key] != r && has(opt.ReconnectOrigin, key):
			return model.Options{}, fmt.Errorf("--reconnect %s: %s is already set to %v", kv, key, opt.Reconnect[key])
		}
		if opt.Reconnect == nil {
			opt.Reconnect, opt.ReconnectOrigin = make(map[string]bool), make(map[string]model.Source)
		}
		opt.Reconnect[key], opt.ReconnectOrigin[key] = r, model.Source{File: "--reconnect " + kv}
	}
	for _, r := range f.configReconnect {
		key := fmt.Sprintf("%s:%d", r.Table, r.Code)
		if has(opt.ReconnectOrigin, key) {
			continue // a flag's
		}
		if opt.Reconnect == nil {
			opt.Reconnect, opt.ReconnectOrigin = make(map[string]bool), make(map[string]model.Source)
		}
		opt.Reconnect[key], opt.ReconnectOrigin[key] = r.Reconnect, r.Pos
	}
	return opt, nil
}

func has[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

// warn prints the warnings of merging on the command's standard error,
// one a line.
func (f *buildFlags) warn(warnings []model.Warning) {
	w := io.Writer(os.Stderr)
	if f.cmd != nil {
		w = f.cmd.ErrOrStderr()
	}
	for _, warning := range warnings {
		fmt.Fprintln(w, warning)
	}
}

// namingFlags choose the Go names of entries, so that a library can keep the
// exported names it already has.
type namingFlags struct {
	initialisms []string
	names       []string // [TABLE:]KEY=GoName
	// From the configuration file: its names, which --name overrides key
	// by key, and what gave the initialisms, for messages, if it was not
	// --initialisms.
	configNames   []model.Rename
	initialismsBy string
}

func (f *namingFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringSliceVar(&f.initialisms, "initialisms", nil, "extra initialisms that Go names keep in one case, such as SKU,DM (comma-separated; repeatable)")
	cmd.Flags().StringArrayVar(&f.names, "name", nil, "the Go name of one entry, without the type prefix, as TABLE:KEY=GoName (such as opcodes:HEARTBEAT_ACK=HeartbeatAck, or close_codes:4004=AuthFailed: a close code goes by code), or KEY=GoName for the one table with an entry KEY (such as MESSAGE_CREATE=MsgCreate); repeatable")
}

// naming returns the Naming the flags ask for. Errors name the flag, as no
// file is involved.
func (f *namingFlags) naming() (*model.Naming, error) {
	var extra []string
	for _, word := range f.initialisms {
		// The flag splits "SKU, DM" at the comma only.
		if word = strings.TrimSpace(word); word != "" {
			extra = append(extra, word)
		}
	}
	renames, err := f.renames()
	if err != nil {
		return nil, err
	}
	n, err := model.NewNamingWith(extra, renames)
	var list model.ErrorList
	switch {
	case errors.As(err, &list):
		return nil, list
	case err != nil && f.initialismsBy != "":
		return nil, fmt.Errorf("%s: %v", f.initialismsBy, err)
	case err != nil:
		return nil, fmt.Errorf("--initialisms: %v", err)
	}
	return n, nil
}

// renames reads the --name flags, each at its flag as typed, and the
// configuration file's names that no flag overrides, each at its line.
func (f *namingFlags) renames() ([]model.Rename, error) {
	var renames []model.Rename
	for _, kv := range f.names {
		origin := model.Source{File: "--name " + kv}
		r, err := model.ParseRename(kv, origin)
		if err != nil {
			return nil, model.ErrorList{model.Errorf(origin, "%v", err)}
		}
		renames = append(renames, r)
	}
	flags := renames
	for _, n := range f.configNames {
		overridden := slices.ContainsFunc(flags, func(r model.Rename) bool {
			return r.Key == n.Key && (r.Table == n.Table || r.Table == "")
		})
		if !overridden {
			renames = append(renames, n)
		}
	}
	return renames, nil
}

// outputFlags are the flags of the commands that generate code.
type outputFlags struct {
	inputFlags
	out string
	cfg generator.Config
	// The type names that flags set, which checkConfig puts in cfg.
	opcodeType, eventType string
	lockPath              string   // --keep-removed
	drop                  []string // wire names
}

func (f *outputFlags) register(cmd *cobra.Command) {
	f.inputFlags.register(cmd)
	cmd.PreRunE = func(*cobra.Command, []string) error { return f.readConfig() }
	// Under go generate, as with stringer, the package goes in the folder
	// of the directive.
	out := "generated/gateway"
	if underGoGenerate() {
		out = "."
	}
	cmd.Flags().StringVar(&f.out, "out", out, "the directory of the generated package (under go generate, the directive's)")
	cmd.Flags().StringVar(&f.cfg.Package, "package", "", "the name of the generated package (default: that of the Go files in --out; under go generate, $GOPACKAGE; else "+defaultPackage+")")
	cmd.Flags().StringVar(&f.opcodeType, "opcode-type", "Opcode", "the name of the opcode type, which also prefixes its constants")
	cmd.Flags().StringVar(&f.eventType, "event-type", "Event", "the name of the event type, which also prefixes its constants")
	cmd.Flags().StringVar(&f.cfg.SenderType, "sender-type", "Sender", "the name of the type that says who sends an opcode")
	cmd.Flags().StringVar(&f.lockPath, "keep-removed", "", "a lock file, kept next to the package, that keeps entries the docs no longer list, deprecated (see generate --help)")
	cmd.Flags().StringArrayVar(&f.drop, "drop", nil, "the wire name of an entry the lock file keeps, to remove from the package; repeatable")
	_ = cmd.MarkFlagDirname("out")
	_ = cmd.MarkFlagFilename("keep-removed", "json")
}

// checkConfig puts the per-table settings of the configuration file and
// the type flags in the generator's Config and checks it, naming the flag
// or the file's line at fault. A --package that is no identifier is a usage
// error, as the README promises.
func (f *outputFlags) checkConfig() error {
	if f.file != nil && f.file.Tables != nil {
		f.cfg.Tables = make(map[string]generator.TableConfig)
		f.cfg.Only = []string{}
		for _, table := range model.Tables {
			if t, ok := f.file.Tables[table.Key]; ok {
				f.cfg.Tables[table.Key] = generator.TableConfig{Type: t.Type, Prefix: t.Prefix, List: t.List, Underlying: t.Underlying, Representation: t.Representation}
				f.cfg.Only = append(f.cfg.Only, table.Key)
			}
		}
		if _, ok := f.file.Tables[model.StructuresKey]; ok {
			f.cfg.Only = append(f.cfg.Only, model.StructuresKey)
		}
	}
	if f.file != nil {
		f.cfg.Types = f.file.Types
	}
	for _, t := range []struct{ flag, table, value string }{{"opcode-type", "opcodes", f.opcodeType}, {"event-type", "events", f.eventType}} {
		if f.flags.Changed(t.flag) {
			if f.cfg.Tables == nil {
				f.cfg.Tables = make(map[string]generator.TableConfig)
			}
			tc := f.cfg.Tables[t.table]
			tc.Type = t.value
			f.cfg.Tables[t.table] = tc
		}
	}
	err := f.cfg.Check()
	var ce *generator.ConfigError
	usage := errors.As(err, &ce) && ce.Key == "package" && f.flags.Changed("package")
	if err = f.configError(err); usage {
		return usageError{err}
	}
	return err
}

// configError puts a *generator.ConfigError where its user can fix it: at
// the flag that gave the setting, else at the line of the configuration
// file that sets its key, or the nearest enclosing key the file sets
// ("tables.intents" for a default list name that clashes).
func (f *outputFlags) configError(err error) error {
	var ce *generator.ConfigError
	if !errors.As(err, &ce) {
		return err
	}
	key := ce.Key
	if key == "only" {
		key = "tables" // the file's tables key is what selects them
	}
	flag := flagOf(key)
	switch {
	case flag != "" && f.flags.Changed(flag):
		return fmt.Errorf("--%s %s", flag, ce.Msg)
	case f.file != nil:
		return model.ErrorList{model.Errorf(f.file.Pos(key), "%s %s", key, ce.Msg)}
	case flag != "":
		return fmt.Errorf("--%s %s", flag, ce.Msg)
	}
	return err
}

// load reads, parses and merges the specs, reporting every problem in
// every file, and prints the warnings of merging.
func (f *inputFlags) load() (*model.Spec, error) {
	opt, err := f.options()
	if err != nil {
		return nil, err
	}
	if f.file != nil && f.file.Tables != nil && !has(f.file.Tables, model.StructuresKey) {
		// The payload structs are not wanted: their links to pages the
		// config does not give would only be noise.
		opt.NoStructures = true
	}
	spec, warnings, errs := build(f.specs, opt)
	if len(errs) > 0 {
		return nil, errs
	}
	f.warn(warnings)
	if errs := model.CheckOverrides(opt, spec); len(errs) > 0 {
		return nil, errs
	}
	return spec, nil
}

// build reads, parses and merges files, or the embedded documents if there
// are none. A document with errors still gives the rows that could be read,
// and they are merged and validated too, so that one run reports the
// problems of every row: those of the parser and of the model, sorted
// together. The files of a directory that hold nothing gatewaygen reads are
// left out, and counted in a warning.
func build(files []string, opt model.Options) (*model.Spec, []model.Warning, model.ErrorList) {
	all, errs := readDocs(files)
	var docs []*model.Document
	skipped := map[string]int{} // directory → files skipped
	for _, doc := range all {
		if doc.Skipped {
			skipped[path.Dir(filepath.ToSlash(doc.File))]++
			continue
		}
		docs = append(docs, doc)
	}
	var skips []model.Warning
	for _, dir := range slices.Sorted(maps.Keys(skipped)) {
		skips = append(skips, model.Warning{Pos: model.Source{File: dir}, Msg: "skipped " + plural(skipped[dir], "file") + " with no table gatewaygen reads"})
	}
	spec, warnings, err := model.BuildWith(docs, opt)
	warnings = append(skips, warnings...)
	var list model.ErrorList
	switch {
	case errors.As(err, &list):
		errs = append(errs, list...)
	case err != nil:
		errs = append(errs, &model.Error{Msg: err.Error()})
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, nil, errs
	}
	return spec, warnings, nil
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
		return nil, at("no such file%s", relativeTo(file))
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
