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
	PayloadsFile   = "payloads_gen.go"
	FrameFile      = "frame_gen.go"
)

// A pkg is the package being generated.
type pkg struct {
	spec    *model.Spec
	name    string // the package clause
	sources string // the documents, for comments
	// The declarations every table may use.
	sender   senderType
	unlisted string
	// hashed is set when some Parse function uses a perfect hash table and
	// so needs the hash's declarations.
	hashed bool

	opcodes, closeCodes, voiceOpcodes, voiceCloseCodes *codeTable
	events                                             *eventTable
	intents                                            *flagTable
	// The payload structures and the envelope, when the spec has
	// structures (payloads.go, frame.go).
	payloads *payloadTypes
	frame    *frameDecls
}

func newPackage(spec *model.Spec, cfg Config) *pkg {
	p := &pkg{
		spec:     spec,
		name:     cfg.Package,
		sources:  sourceList(spec.Sources),
		sender:   newSenderType(cfg.SenderType),
		unlisted: "unlisted",
	}
	p.opcodes = &codeTable{
		typ:     cfg.OpcodeType,
		noun:    "opcode",
		typeDoc: []string{"An " + cfg.OpcodeType + ` says what a Gateway payload carries: it is the payload's "op" field. It encodes as a plain number in JSON.`},
		example: "HEARTBEAT_ACK",
		sentBy:  true,
		parse:   true,
	}
	for _, op := range spec.Opcodes {
		p.opcodes.entries = append(p.opcodes.entries, codeEntry{
			name: op.Name, goName: cfg.OpcodeType + op.GoName, code: op.Code, description: op.Description,
			sentBy: op.SentBy, status: statusOf(op.Deprecated, op.Removed, op.Kept), aliases: op.Aliases, pos: op.Sources[0],
		})
	}
	if len(spec.CloseCodes) > 0 {
		p.closeCodes = closeCodeTable("CloseCode", "close code", "Gateway", spec.CloseCodes)
	}
	if len(spec.VoiceOpcodes) > 0 {
		p.voiceOpcodes = &codeTable{
			typ:     "VoiceOpcode",
			noun:    "voice opcode",
			typeDoc: []string{`A VoiceOpcode says what a payload of the voice gateway carries: its "op" field.`},
			example: "SELECT_PROTOCOL",
			sentBy:  true,
			binary:  true,
			parse:   true,
		}
		for _, op := range spec.VoiceOpcodes {
			p.voiceOpcodes.entries = append(p.voiceOpcodes.entries, codeEntry{
				name: op.Name, goName: "VoiceOpcode" + op.GoName, code: op.Code, description: op.Description,
				sentBy: op.SentBy, binary: op.Binary, status: statusOf(op.Deprecated, op.Removed, op.Kept), pos: op.Sources[0],
			})
		}
	}
	if len(spec.VoiceCloseCodes) > 0 {
		p.voiceCloseCodes = closeCodeTable("VoiceCloseCode", "voice close code", "voice gateway", spec.VoiceCloseCodes)
	}
	p.events = newEventTable(cfg.EventType, spec.Events)
	if len(spec.Intents) > 0 {
		p.intents = newFlagTable("Intent", p.events, spec.Intents)
	}
	for _, t := range p.codeTables() {
		t.plan(p)
	}
	p.events.plan(p)
	if p.intents != nil {
		p.intents.plan(p)
	}
	if p.payloads = newPayloadTypes(spec, p, cfg.Types); p.payloads != nil {
		p.frame = newFrameDecls(p, p.payloads)
	}
	return p
}

// closeCodeTable describes a table of close codes, which String by their
// documented names and know whether a client may reconnect after them.
func closeCodeTable(typ, noun, server string, codes []model.CloseCode) *codeTable {
	t := &codeTable{
		typ:  typ,
		noun: noun,
		typeDoc: []string{
			"A " + typ + " is a code the " + server + " closes a connection with: the code of the WebSocket close frame.",
		},
		example:   "Authentication failed",
		reconnect: true,
	}
	for _, c := range codes {
		t.entries = append(t.entries, codeEntry{
			name: c.Name, goName: typ + c.GoName, code: c.Code, description: c.Description,
			reconnect: c.Reconnect, status: statusOf(c.Deprecated, c.Removed, c.Kept), pos: c.Sources[0],
		})
	}
	return t
}

// codeTables returns the tables of integer codes the spec has, in the order
// of their files.
func (p *pkg) codeTables() []*codeTable {
	var ts []*codeTable
	for _, t := range []*codeTable{p.opcodes, p.closeCodes, p.voiceOpcodes, p.voiceCloseCodes} {
		if t != nil {
			ts = append(ts, t)
		}
	}
	return ts
}

// files lists the package's files and what declares the contents of each.
func (p *pkg) files() []packageFile {
	files := []packageFile{{name: PackageFile, build: p.packageDecls}}
	if p.hashed {
		files[0].verbatim = hashSource()
	}
	files = append(files,
		packageFile{name: OpcodesFile, build: func(f *jen.File) { p.opcodes.emit(f, p) }},
		packageFile{name: EventsFile, build: func(f *jen.File) { p.events.emit(f, p) }},
	)
	if p.closeCodes != nil {
		files = append(files, packageFile{name: CloseCodesFile, build: func(f *jen.File) { p.closeCodes.emit(f, p) }})
	}
	if p.voiceOpcodes != nil || p.voiceCloseCodes != nil {
		files = append(files, packageFile{name: VoiceFile, build: func(f *jen.File) {
			for _, t := range []*codeTable{p.voiceOpcodes, p.voiceCloseCodes} {
				if t != nil {
					t.emit(f, p)
				}
			}
		}})
	}
	if p.intents != nil {
		files = append(files, packageFile{name: IntentsFile, build: func(f *jen.File) { p.intents.emit(f, p) }})
	}
	if p.payloads != nil {
		files = append(files,
			packageFile{name: PayloadsFile, build: func(f *jen.File) { p.payloads.emit(f, p) }},
			packageFile{name: FrameFile, build: func(f *jen.File) { p.frame.emit(f, p) }, verbatim: frameScanCode()},
		)
	}
	return files
}

// packageDecls emits the package doc and the declarations that the tables
// share.
func (p *pkg) packageDecls(f *jen.File) {
	what := []string{"opcodes", "dispatch events"}
	if p.closeCodes != nil {
		what = append(what, "close codes")
	}
	if p.voiceOpcodes != nil {
		what = append(what, "voice opcodes")
	}
	if p.voiceCloseCodes != nil {
		what = append(what, "voice close codes")
	}
	if p.intents != nil {
		what = append(what, "intents")
	}
	f.PackageComment(docText(
		"Package "+p.name+" holds the Discord Gateway's "+andList(what)+" as the docs list them: "+
			"typed constants with their names and descriptions, and fast, allocation-free lookup of wire names.",
		"",
		"It is generated by gatewaygen from "+p.sources+".",
	))
	p.sender.emit(f, p)
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

// typeNames lists the types the package declares, in file order.
func (p *pkg) typeNames() []string {
	names := []string{p.sender.typ}
	for _, t := range p.codeTables() {
		names = append(names, t.typ)
	}
	names = append(names, p.events.typ)
	if p.intents != nil {
		names = append(names, p.intents.typ)
	}
	return names
}

// checkNames makes sure that every name the package declares is an
// identifier and is declared once, reporting the spec's row that causes a
// clash (an event named UNKNOWN would become EventUnknown).
func (p *pkg) checkNames() error {
	type decl struct {
		what string
		pos  *model.Source
	}
	declared := map[string]decl{}
	var errs model.ErrorList
	var twice []string // the package's own declarations that clash
	declare := func(id, what string, pos *model.Source) {
		if pos == nil {
			// Two of the package's own declarations share a name only when
			// a Config type name is that of another table's declaration.
			if _, ok := declared[id]; ok {
				twice = append(twice, id)
			}
			declared[id] = decl{what: "a declaration of the generated package"}
			return
		}
		if !token.IsIdentifier(id) {
			errs.Add(*pos, "%s becomes %q, which is not a Go identifier; give it another name with a name override", what, id)
			return
		}
		if prev, ok := declared[id]; ok {
			if prev.pos != nil {
				prev.what += " at " + prev.pos.String()
			}
			errs.Add(*pos, "%s becomes the Go name %s, which is already %s; give it another name with a name override", what, id, prev.what)
			return
		}
		declared[id] = decl{what, pos}
	}
	// The fixed declarations first, so that an entry is what clashes.
	fixed := []string{p.unlisted, "nameKey", "keyOf", "shortWord", "load64", "load32"}
	fixed = append(fixed, p.sender.decls()...)
	for _, t := range p.codeTables() {
		fixed = append(fixed, t.decls()...)
	}
	fixed = append(fixed, p.events.decls()...)
	if p.intents != nil {
		fixed = append(fixed, p.intents.decls()...)
	}
	if p.payloads != nil {
		fixed = append(fixed, p.payloads.decls()...)
		fixed = append(fixed, p.frame.decls()...)
	}
	for _, id := range fixed {
		declare(id, "", nil)
	}
	if len(twice) > 0 {
		return fmt.Errorf("the generated package would declare %s twice: its types are %s, and each needs a name of its own",
			andList(twice), andList(p.typeNames()))
	}
	for _, t := range p.codeTables() {
		for i := range t.entries {
			e := &t.entries[i]
			declare(e.goName, t.noun+" "+e.name, &e.pos)
			for j := range e.aliases {
				a := &e.aliases[j]
				declare(t.typ+a.GoName, t.noun+" "+a.Name, &a.Source)
			}
		}
	}
	for i := range p.events.entries {
		e := &p.events.entries[i]
		declare(e.goName, "event "+e.name, &e.pos)
	}
	if p.intents != nil {
		for i := range p.intents.entries {
			e := &p.intents.entries[i]
			declare(e.goName, "intent "+e.name, &e.pos)
		}
	}
	if p.payloads != nil {
		for _, s := range p.payloads.structs {
			declare(s.s.GoName, "structure "+s.s.Name, &s.s.Sources[0])
			errs = append(errs, s.checkFields()...)
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
