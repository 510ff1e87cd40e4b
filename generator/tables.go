package generator

import (
	"fmt"
	"go/token"

	"github.com/dave/jennifer/jen"

	"github.com/gatewaygen/gatewaygen/model"
)

// This file describes what the package declares: each table of the spec as
// the data its shape's emitter needs, the files they go in, and the check
// that no two declarations share a name. Adding a table is a description
// here and, if its shape is new, an emitter.

// PackageFile is the first file Generate returns, with the package doc
// and what the tables share; each table goes in the file the registry of
// tables (model.Tables) gives it.
const PackageFile = "gateway_gen.go"

// The files of the payload structures and of the envelope, which follow
// the tables' when the specs have structures.
const (
	PayloadsFile = "payloads_gen.go"
	FrameFile    = "frame_gen.go"
)

// A pkg is the package being generated.
type pkg struct {
	spec    *model.Spec
	name    string // the package clause
	sources string // the documents, for comments
	doc     bool   // the package doc comment is emitted
	// The declarations the tables share, each declared only when a table
	// generated uses it: sender is nil, unlisted "", hashed false when
	// none does.
	sender   *senderType
	unlisted string
	// hashed is set when some lookup uses a perfect hash table and so
	// needs the hash's declarations.
	hashed bool

	tables  []table     // in file order
	events  *eventTable // nil when not generated
	intents *flagTable  // nil when not generated
	// The payload structures, when the spec has structures, and the
	// envelope, when it has the opcodes and events too (payloads.go,
	// frame.go).
	payloads *payloadTypes
	frame    *frameDecls
}

// A table is one table of the package, as its shape's emitter holds it.
type table interface {
	settings() settings
	// plan derives the table's names and what its declarations need, and
	// checks that its underlying type holds its values.
	plan(p *pkg) error
	// decls lists what the table declares besides its constants, with the
	// config key each name derives from.
	decls() []decl
	// constants lists the constants of the entries, which clash by the
	// spec's fault.
	constants() []constant
	emit(f *jen.File, p *pkg)
}

// A decl is a name the package declares that derives from a setting.
type decl struct {
	id, key string
	what    string // "the type of the opcodes", for messages
}

// A constant is the constant of an entry of the spec.
type constant struct {
	id, what string // "opcode HELLO"
	pos      *model.Source
}

func newPackage(spec *model.Spec, cfg Config) (*pkg, error) {
	p := &pkg{
		spec:    spec,
		name:    cfg.Package,
		sources: sourceList(spec.Sources),
		doc:     !cfg.NoPackageDoc,
	}
	for _, tab := range model.Tables {
		if !cfg.selected(tab.Key) {
			continue
		}
		t := newTable(cfg.settingsOf(tab), spec)
		if t == nil {
			if cfg.Only != nil {
				return nil, &ConfigError{Key: "tables." + tab.Key, Msg: "is listed, but the specs have no " + tab.Plural + ": leave it out, or add a spec that lists them"}
			}
			continue
		}
		p.tables = append(p.tables, t)
		switch t := t.(type) {
		case *eventTable:
			p.events = t
		case *flagTable:
			p.intents = t
		case *codeTable:
			if t.sentBy && p.sender == nil {
				p.sender = newSenderType(cfg.SenderType)
				p.useUnlisted()
			}
		}
	}
	for _, t := range p.tables {
		if err := t.plan(p); err != nil {
			return nil, err
		}
	}
	if cfg.selected(model.StructuresKey) {
		var err error
		if p.payloads, err = newPayloadTypes(spec, p, cfg.Types); err != nil {
			return nil, err
		}
	}
	if p.payloads != nil && p.opcodes() != nil && p.events != nil {
		p.frame = newFrameDecls(p, p.payloads)
	}
	return p, nil
}

// newTable describes the table of s as its shape's emitter needs it, or
// returns nil if the spec has no such table and the package needs none
// (the registry's Always tables, opcodes and events, it always needs).
// What differs between tables of a shape follows from the registry's
// description (nouns, attributes, protocol), and from the type of their
// entries.
func newTable(s settings, spec *model.Spec) table {
	if s.Len(spec) == 0 && !s.Always {
		return nil
	}
	switch list := s.InSpec(spec).(type) {
	case *[]model.Opcode:
		t := newCodeTable(s, article(s.Protocol)+` payload carries: it is the payload's "op" field. It encodes as a plain number in JSON.`)
		for _, op := range *list {
			t.entries = append(t.entries, codeEntry{Entry: op.Entry, code: op.Code, sentBy: op.SentBy, aliases: op.Aliases})
		}
		return t
	case *[]model.VoiceOpcode:
		t := newCodeTable(s, `a payload of the `+s.Protocol+` carries: its "op" field.`)
		for _, op := range *list {
			t.entries = append(t.entries, codeEntry{Entry: op.Entry, code: op.Code, sentBy: op.SentBy, binary: op.Binary})
		}
		return t
	case *[]model.CloseCode:
		t := newCodeTable(s, "")
		for _, c := range *list {
			t.entries = append(t.entries, codeEntry{Entry: c.Entry, code: c.Code, reconnect: c.Reconnect})
		}
		return t
	case *[]model.Event:
		return newEventTable(s, *list)
	case *[]model.Intent:
		return newFlagTable(s, *list)
	}
	panic(fmt.Sprintf("generator: table %s has entries of type %T, which no emitter handles", s.Key, s.InSpec(spec)))
}

// files lists the package's files and what declares the contents of each.
func (p *pkg) files() []packageFile {
	files := []packageFile{{name: PackageFile, build: p.packageDecls}}
	if p.hashed {
		files[0].verbatim = hashSource()
	}
	for _, t := range p.tables {
		name := t.settings().File
		if last := &files[len(files)-1]; last.name == name {
			build := last.build
			last.build = func(f *jen.File) { build(f); t.emit(f, p) }
			continue
		}
		files = append(files, packageFile{name: name, build: func(f *jen.File) { t.emit(f, p) }})
	}
	if p.payloads != nil {
		files = append(files, packageFile{name: PayloadsFile, build: func(f *jen.File) { p.payloads.emit(f, p) }})
	}
	if p.frame != nil {
		files = append(files, packageFile{name: FrameFile, build: func(f *jen.File) { p.frame.emit(f, p) }, verbatim: frameScanCode()})
	}
	return files
}

// packageDecls emits the package doc and the declarations that the tables
// share.
func (p *pkg) packageDecls(f *jen.File) {
	if p.doc {
		var what []string
		for _, t := range p.tables {
			noun := t.settings().Plural
			if t.settings().Shape == model.Names {
				noun = "dispatch " + noun
			}
			what = append(what, noun)
		}
		text := []string{
			"Package " + p.name + " holds the Discord Gateway's " + andList(what) + " as the docs list them: " +
				"typed constants with their names and descriptions, and fast, allocation-free lookup of wire names.",
		}
		if p.payloads != nil {
			text = append(text, "", "It also holds the payloads they carry, a struct for each structure the docs describe.")
			if p.frame != nil {
				text[len(text)-1] += " DecodeFrame decodes a message of the Gateway, and Frame.Payload its payload into its struct."
			}
		}
		f.PackageComment(docText(append(text, "", "It is generated by gatewaygen from "+p.sources+".")...))
	}
	if p.sender != nil {
		p.sender.emit(f, p)
	}
	if p.unlisted == "" {
		return
	}
	f.Add(doc(
		p.unlisted+` returns the String of a value v of type typ that the spec does not list: "typ(v)", as stringer's methods do.`,
		"",
		"It is not inlined, so that the String methods that call it can be.",
	))
	f.Comment("//go:noinline")
	f.Func().Id(p.unlisted).Params(jen.Id("typ").String(), jen.Id("v").Int()).String().Block(
		jen.Return(jen.Id("typ").Op("+").Lit("(").Op("+").Qual("strconv", "Itoa").Call(jen.Id("v")).Op("+").Lit(")")),
	)
}

// tableNames returns the names that the tables and what they share
// declare, for the payloads to keep clear of.
func (p *pkg) tableNames() map[string]bool {
	names := map[string]bool{}
	for _, id := range sharedDecls() {
		names[id] = true
	}
	for _, d := range p.settingDecls() {
		names[d.id] = true
	}
	for _, t := range p.tables {
		for _, c := range t.constants() {
			names[c.id] = true
		}
	}
	return names
}

// sharedDecls lists the names of what the tables share that derive from no
// setting: unlisted and the hash's declarations.
func sharedDecls() []string {
	return append([]string{"unlisted"}, hashDecls()...)
}

// settingDecls lists the declarations whose names derive from settings:
// the sender type's, each table's type, and what each table declares
// besides its constants.
func (p *pkg) settingDecls() []decl {
	var decls []decl
	if p.sender != nil {
		decls = append(decls, p.sender.decls()...)
	}
	for _, t := range p.tables {
		s := t.settings()
		decls = append(decls, decl{s.typ, s.configKey("type"), "the type of the " + s.Plural})
	}
	for _, t := range p.tables {
		decls = append(decls, t.decls()...)
	}
	return decls
}

// opcodes returns the table of the Gateway's opcodes, or nil if it is not
// generated.
func (p *pkg) opcodes() *codeTable {
	for _, t := range p.tables {
		if t, ok := t.(*codeTable); ok && t.s.Key == "opcodes" {
			return t
		}
	}
	return nil
}

// useUnlisted declares unlisted, for a table whose String method calls it.
func (p *pkg) useUnlisted() {
	p.unlisted = "unlisted"
}

// checkNames makes sure that every name the package declares is an
// identifier and is declared once. A clash of names that derive from
// settings is a *ConfigError naming the setting to change; a clash of an
// entry's constant reports the spec's row that causes it (an event named
// UNKNOWN would become EventUnknown).
func (p *pkg) checkNames() error {
	declared := map[string]string{} // what each name is
	// The fixed declarations first, then the types, so that what clashes
	// with them is what derives from a setting.
	fixed := sharedDecls()
	if p.payloads != nil {
		fixed = append(fixed, p.payloads.decls()...)
	}
	if p.frame != nil {
		fixed = append(fixed, envelopeDecls()...)
	}
	for _, id := range fixed {
		declared[id] = "a declaration of the generated package"
	}
	for _, d := range p.settingDecls() {
		if what, ok := declared[d.id]; ok {
			return &ConfigError{Key: d.key, Msg: fmt.Sprintf("%q: %s would have the name of %s; choose another", d.id, d.what, what)}
		}
		declared[d.id] = d.what
	}
	// The entries' constants, and the payloads' declarations, come from
	// the spec: a clash is the spec's fault, at its position.
	var errs model.ErrorList
	declare := func(id, what string, pos model.Source) {
		switch prev, ok := declared[id]; {
		case !token.IsIdentifier(id):
			errs.Add(pos, "%s becomes %q, which is not a Go identifier; give it another name with a name override", what, id)
		case ok:
			errs.Add(pos, "%s becomes the Go name %s, which is already %s; give it another name with a name override", what, id, prev)
		default:
			declared[id] = what + " at " + pos.String()
		}
	}
	for _, t := range p.tables {
		for _, c := range t.constants() {
			declare(c.id, c.what, *c.pos)
		}
	}
	if p.payloads != nil {
		for _, s := range p.payloads.structs {
			declare(s.s.GoName, "structure "+s.s.Name, s.s.Sources[0])
			errs = append(errs, s.checkFields()...)
		}
		for _, et := range p.payloads.enumTypes {
			declare(et.e.GoName, "enum "+et.e.Name, et.e.Sources[0])
			for i := range et.e.Members {
				m := &et.e.Members[i]
				declare(et.constant(m), "value "+m.Name+" of "+et.e.Name, m.Sources[0])
			}
		}
	}
	errs.Sort()
	return errs.Err()
}

// entryDoc returns the doc comment of the constant of e, an entry of
// the given noun: its first sentence, the spec's description, and a
// Deprecated paragraph where the docs deprecate it. A kept entry has no
// description, and its one source is its line in the lock file that keeps
// it.
func entryDoc(first string, e *model.Entry, noun string) []string {
	lines := []string{first}
	if e.Status() == model.StatusKept {
		return append(lines,
			"The docs no longer list this "+noun+"; "+sourceList([]string{e.Sources[0].File})+" keeps it.",
			"",
			"Deprecated: the docs no longer list this "+noun+". It stays until it is dropped with gatewaygen generate --drop.")
	}
	if e.Description != "" {
		// One paragraph, wrapped as a whole; the description's own line
		// breaks stay.
		lines[0] += " " + sentence(e.Description)
	}
	switch e.Status() {
	case model.StatusDeprecated:
		lines = append(lines, "", "Deprecated: the spec marks this "+noun+" as deprecated.")
	case model.StatusRemoved:
		lines = append(lines, "", "Deprecated: the spec lists this "+noun+" as removed.")
	}
	return lines
}
