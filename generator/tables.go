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

// The names of the files Generate may return, in the order it returns them.
// The first and the opcode and event files are always there; the others
// only when the spec has their tables.
const (
	PackageFile    = "gateway_gen.go"
	OpcodesFile    = "opcodes_gen.go"
	EventsFile     = "events_gen.go"
	CloseCodesFile = "close_codes_gen.go"
	VoiceFile      = "voice_gen.go"
	IntentsFile    = "intents_gen.go"
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
	for _, k := range tableKinds {
		if !cfg.selected(k.key) {
			continue
		}
		s := cfg.settingsOf(k)
		t := newTable(s, spec)
		if t == nil {
			if cfg.Only != nil {
				return nil, &ConfigError{Key: "tables." + k.key, Msg: "is listed, but the specs have no " + k.noun + ": leave it out, or add a spec that lists them"}
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
	return p, nil
}

// newTable describes the table of s as its shape's emitter needs it, or
// returns nil if the spec has no such table and the package needs none.
func newTable(s settings, spec *model.Spec) table {
	switch s.key {
	case "opcodes":
		t := &codeTable{
			s:       s,
			noun:    "opcode",
			typeDoc: []string{typeSubject(s.typ) + ` says what a Gateway payload carries: it is the payload's "op" field. It encodes as a plain number in JSON.`},
			example: "HEARTBEAT_ACK",
			sentBy:  true,
			parse:   true,
		}
		for _, op := range spec.Opcodes {
			t.entries = append(t.entries, codeEntry{
				name: op.Name, base: op.GoName, code: op.Code, description: op.Description,
				sentBy: op.SentBy, status: statusOf(op.Deprecated, op.Removed, op.Kept), aliases: op.Aliases, pos: op.Sources[0],
			})
		}
		return t
	case "events":
		return newEventTable(s, spec.Events)
	case "close_codes":
		return closeCodeTable(s, "close code", "Gateway", spec.CloseCodes)
	case "voice_opcodes":
		if len(spec.VoiceOpcodes) == 0 {
			return nil
		}
		t := &codeTable{
			s:       s,
			noun:    "voice opcode",
			typeDoc: []string{typeSubject(s.typ) + ` says what a payload of the voice gateway carries: its "op" field.`},
			example: "SELECT_PROTOCOL",
			sentBy:  true,
			binary:  true,
			parse:   true,
		}
		for _, op := range spec.VoiceOpcodes {
			t.entries = append(t.entries, codeEntry{
				name: op.Name, base: op.GoName, code: op.Code, description: op.Description,
				sentBy: op.SentBy, binary: op.Binary, status: statusOf(op.Deprecated, op.Removed, op.Kept), pos: op.Sources[0],
			})
		}
		return t
	case "voice_close_codes":
		return closeCodeTable(s, "voice close code", "voice gateway", spec.VoiceCloseCodes)
	case "intents":
		if len(spec.Intents) == 0 {
			return nil
		}
		return newFlagTable(s, spec.Intents)
	}
	panic("generator: no table " + s.key)
}

// closeCodeTable describes a table of close codes, which String by their
// documented names and know whether a client may reconnect after them, or
// returns nil if there are none.
func closeCodeTable(s settings, noun, server string, codes []model.CloseCode) table {
	if len(codes) == 0 {
		return nil
	}
	t := &codeTable{
		s:    s,
		noun: noun,
		typeDoc: []string{
			typeSubject(s.typ) + " is a code the " + server + " closes a connection with: the code of the WebSocket close frame.",
		},
		example:   "Authentication failed",
		reconnect: true,
	}
	for _, c := range codes {
		t.entries = append(t.entries, codeEntry{
			name: c.Name, base: c.GoName, code: c.Code, description: c.Description,
			reconnect: c.Reconnect, status: statusOf(c.Deprecated, c.Removed, c.Kept), pos: c.Sources[0],
		})
	}
	return t
}

// tableFiles names the file of each table.
var tableFiles = map[string]string{
	"opcodes":           OpcodesFile,
	"events":            EventsFile,
	"close_codes":       CloseCodesFile,
	"voice_opcodes":     VoiceFile,
	"voice_close_codes": VoiceFile,
	"intents":           IntentsFile,
}

// files lists the package's files and what declares the contents of each.
func (p *pkg) files() []packageFile {
	files := []packageFile{{name: PackageFile, build: p.packageDecls}}
	if p.hashed {
		files[0].verbatim = hashSource()
	}
	for _, t := range p.tables {
		name := tableFiles[t.settings().key]
		if last := &files[len(files)-1]; last.name == name {
			build := last.build
			last.build = func(f *jen.File) { build(f); t.emit(f, p) }
			continue
		}
		files = append(files, packageFile{name: name, build: func(f *jen.File) { t.emit(f, p) }})
	}
	return files
}

// packageDecls emits the package doc and the declarations that the tables
// share.
func (p *pkg) packageDecls(f *jen.File) {
	if p.doc {
		var what []string
		for _, t := range p.tables {
			noun := t.settings().noun
			if noun == "events" {
				noun = "dispatch events"
			}
			what = append(what, noun)
		}
		f.PackageComment(docText(
			"Package "+p.name+" holds the Discord Gateway's "+andList(what)+" as the docs list them: "+
				"typed constants with their names and descriptions, and fast, allocation-free lookup of wire names.",
			"",
			"It is generated by gatewaygen from "+p.sources+".",
		))
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

// useUnlisted declares unlisted, for a table whose String method calls it,
// and returns its name.
func (p *pkg) useUnlisted() string {
	p.unlisted = "unlisted"
	return p.unlisted
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
	for _, id := range []string{"unlisted", "nameKey", "keyOf", "shortWord", "load64", "load32"} {
		declared[id] = "a declaration of the generated package"
	}
	var decls []decl
	if p.sender != nil {
		decls = append(decls, p.sender.decls()...)
	}
	for _, t := range p.tables {
		s := t.settings()
		decls = append(decls, decl{s.typ, s.configKey("type"), "the type of the " + s.noun})
	}
	for _, t := range p.tables {
		decls = append(decls, t.decls()...)
	}
	for _, d := range decls {
		if what, ok := declared[d.id]; ok {
			return &ConfigError{Key: d.key, Msg: fmt.Sprintf("%q: %s would have the name of %s; choose another", d.id, d.what, what)}
		}
		declared[d.id] = d.what
	}
	var errs model.ErrorList
	for _, t := range p.tables {
		for _, c := range t.constants() {
			if !token.IsIdentifier(c.id) {
				errs.Add(*c.pos, "%s becomes %q, which is not a Go identifier; give it another name with a name override", c.what, c.id)
				continue
			}
			if what, ok := declared[c.id]; ok {
				errs.Add(*c.pos, "%s becomes the Go name %s, which is already %s; give it another name with a name override", c.what, c.id, what)
				continue
			}
			declared[c.id] = c.what + " at " + c.pos.String()
		}
	}
	errs.Sort()
	return errs.Err()
}

// A status is how the docs stand behind an entry, which decides its
// Deprecated paragraph.
type status int

const (
	current    status = iota
	deprecated        // the docs mark it deprecated
	removed           // the docs strike it out as no longer in use
	kept              // the docs no longer list it; a lock file keeps it
)

func statusOf(isDeprecated, isRemoved, isKept bool) status {
	switch {
	case isKept:
		return kept
	case isRemoved:
		return removed
	case isDeprecated:
		return deprecated
	}
	return current
}

// entryDoc returns the doc comment of a constant: its first sentence, the
// spec's description, and a Deprecated paragraph where the docs deprecate
// it. A kept entry has no description, and pos is its line in the lock
// file that keeps it.
func entryDoc(first, description string, s status, noun string, pos model.Source) []string {
	lines := []string{first}
	if s == kept {
		return append(lines,
			"The docs no longer list this "+noun+"; "+sourceList([]string{pos.File})+" keeps it.",
			"",
			"Deprecated: the docs no longer list this "+noun+". It stays until it is dropped with gatewaygen generate --drop.")
	}
	if description != "" {
		// One paragraph, wrapped as a whole; the description's own line
		// breaks stay.
		lines[0] += " " + sentence(description)
	}
	return append(lines, s.deprecation(noun)...)
}

// deprecation returns the Deprecated paragraph of an entry of the given
// noun, or nothing.
func (s status) deprecation(noun string) []string {
	switch s {
	case deprecated:
		return []string{"", "Deprecated: the spec marks this " + noun + " as deprecated."}
	case removed:
		return []string{"", "Deprecated: the spec lists this " + noun + " as removed."}
	}
	return nil
}
