// Package generator turns a validated model.Spec into the Go source of a
// package: typed constants for opcodes and dispatch events, their String
// methods, who sends each opcode, descriptions from the spec, and fast
// lookup of wire names.
//
// It emits code with jennifer, one small function per construct, then
// formats and type-checks the result. It writes nothing: Generate returns
// files in memory, and writing them is the caller's business.
//
// Generate(spec, cfg) is all most programs need. A command that runs once
// per go generate can save a few milliseconds: New(cfg) before reading the
// specs starts the work that depends only on cfg in the background, and
// Generator.Stage hands the files to the caller's writer while it
// type-checks them (cmd/gatewaygen stages them with output.Stage).
package generator

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"strings"

	"github.com/gatewaygen/gatewaygen/model"
)

// Config says how to name what Generate emits. Zero fields take the
// defaults shown.
type Config struct {
	Package    string // "gateway"
	OpcodeType string // "Opcode"
	EventType  string // "Event"
	SenderType string // "Sender"
}

// The names of the files Generate returns.
const (
	OpcodesFile = "opcodes_gen.go"
	EventsFile  = "events_gen.go"
)

func (c Config) withDefaults() Config {
	if c.Package == "" {
		c.Package = "gateway"
	}
	if c.OpcodeType == "" {
		c.OpcodeType = "Opcode"
	}
	if c.EventType == "" {
		c.EventType = "Event"
	}
	if c.SenderType == "" {
		c.SenderType = "Sender"
	}
	return c
}

// Check reports whether the names in c can be used: a package name that is
// a Go identifier (and not a keyword or the blank identifier), and type names
// that are exported identifiers, distinct from each other.
func (c Config) Check() error {
	c = c.withDefaults()
	if !token.IsIdentifier(c.Package) || c.Package == "_" {
		return fmt.Errorf("package name %q is not a valid Go package name", c.Package)
	}
	seen := map[string]string{}
	for _, t := range []struct{ flag, name string }{
		{"opcode type", c.OpcodeType}, {"event type", c.EventType}, {"sender type", c.SenderType},
	} {
		if !token.IsIdentifier(t.name) || !token.IsExported(t.name) {
			return fmt.Errorf("%s name %q is not an exported Go identifier", t.flag, t.name)
		}
		if other, ok := seen[t.name]; ok {
			return fmt.Errorf("%s and %s are both named %q", other, t.flag, t.name)
		}
		seen[t.name] = t.flag
	}
	return nil
}

// A Generator emits packages for one Config.
//
// Most of what a generated file holds depends only on the names the Config
// gives: the types, their methods, the imports. That part, the skeleton of
// each file, is rendered with jennifer, formatted and parsed once, in the
// background, as soon as New is called, so that a command that calls New
// before reading its specs has it done on another core meanwhile. What
// depends on the spec is written directly into the skeleton (see raw.go).
//
// A Generator is safe for concurrent use.
type Generator struct {
	names names
	// fset holds the skeletons' syntax trees, which every type check
	// shares, and each check's samples while it runs.
	fset *token.FileSet
	// ready is closed when the background work is done; then skeletons
	// or err is set.
	ready     chan struct{}
	skeletons []*skeleton
	err       error
}

// New checks cfg and returns a Generator for it, which starts the work that
// does not depend on a spec in a goroutine of its own.
func New(cfg Config) (*Generator, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	gr := &Generator{
		names: newNames(cfg.withDefaults()),
		fset:  token.NewFileSet(),
		ready: make(chan struct{}),
	}
	go func() {
		defer close(gr.ready)
		gr.skeletons, gr.err = gr.names.skeletons(gr.fset)
	}()
	return gr, nil
}

// Generate returns the files of the package for spec. The files are
// formatted and type-checked; an error means the configuration or a name in
// the spec cannot be emitted, with the position that caused it.
//
// It is New(cfg) followed by its Generate; a program that generates more
// than once, or can read its specs meanwhile, should call New itself.
func Generate(spec *model.Spec, cfg Config) ([]File, error) {
	gr, err := New(cfg)
	if err != nil {
		return nil, err
	}
	return gr.Generate(spec)
}

// Generate returns the files of the package for spec, formatted and
// type-checked, as the function Generate does.
func (gr *Generator) Generate(spec *model.Spec) ([]File, error) {
	return gr.Stage(spec, nil)
}

// Stage is Generate for a caller that writes the files: as soon as they
// are complete, it calls stage with them, on another goroutine, while it
// type-checks them on this one, which takes a millisecond in a fresh
// process. stage should write them where they are not yet visible, such as
// temporary files (see output.Stage), and only a nil error from Stage
// makes them good to use. An error from stage is returned as it is; any
// other is either a name in the spec that cannot be emitted, with its
// position, or an internal error of gatewaygen. A nil stage does nothing.
func (gr *Generator) Stage(spec *model.Spec, stage func([]File) error) ([]File, error) {
	g := &gen{spec: spec, names: gr.names}
	g.opConsts = make([]string, len(spec.Opcodes))
	for i, op := range spec.Opcodes {
		g.opConsts[i] = g.names.opcodeConst(op)
	}
	g.evConsts = make([]string, len(spec.Events))
	for i, ev := range spec.Events {
		g.evConsts[i] = g.names.eventConst(ev)
	}
	if err := g.checkNames(); err != nil {
		return nil, err
	}
	g.bases = make(map[string]string, len(spec.Sources))
	for _, s := range spec.Sources {
		g.bases[s] = baseName(s)
	}
	g.evLookup = g.newLookup(g.eventNames())
	g.opLookup = g.newLookup(g.opcodeNames())
	<-gr.ready
	if gr.err != nil {
		return nil, fmt.Errorf("internal error: gatewaygen produced invalid Go (please report this bug): %v", gr.err)
	}
	// The type check is the longest step left, so this goroutine, whose
	// stack has grown already in a command, goes straight to it, making
	// the samples it needs, while another writes the whole files and
	// stages them. (Handing a sample to another goroutine costs more than
	// making it: a goroutine made ready here waits for another core to
	// take it.)
	var (
		files    []File
		writeErr error
		written  = make(chan struct{})
	)
	go func() {
		defer close(written)
		for _, sk := range gr.skeletons {
			content, err := sk.splice(g, g.sizeHint(sk.name))
			if err != nil {
				writeErr = fmt.Errorf("internal error: %s: %v (please report this bug)", sk.name, err)
				return
			}
			files = append(files, File{Name: sk.name, Content: content})
		}
		if stage != nil {
			writeErr = stage(files)
		}
	}()
	samples := make([]*ast.File, len(gr.skeletons))
	errs := make([]error, len(gr.skeletons))
	for i := range gr.skeletons {
		samples[i], errs[i] = gr.sample(g, i)
	}
	checkErr := errors.Join(errs...)
	if checkErr == nil {
		checkErr = gr.check(g, samples)
	}
	gr.removeFiles(samples)
	<-written
	if writeErr != nil {
		return nil, writeErr
	}
	if checkErr != nil {
		return nil, checkErr
	}
	return files, nil
}

// sample makes and parses the sample of g's spec for the i'th skeleton.
func (gr *Generator) sample(g *gen, i int) (*ast.File, error) {
	sk := gr.skeletons[i]
	name := strings.TrimSuffix(sk.name, ".go") + "_sample.go"
	f, err := parser.ParseFile(gr.fset, name, sk.sample(g), parser.SkipObjectResolution)
	if err != nil {
		return f, fmt.Errorf("internal error: gatewaygen produced invalid Go in %s (please report this bug): %v", sk.name, err)
	}
	return f, nil
}

// removeFiles removes parsed files from the file set the skeletons share:
// the samples are of one call only, and the set would grow with every call.
func (gr *Generator) removeFiles(files []*ast.File) {
	for _, f := range files {
		if f != nil {
			gr.fset.RemoveFile(gr.fset.File(f.Pos()))
		}
	}
}

// check type-checks the skeletons with the samples of g's spec.
func (gr *Generator) check(g *gen, samples []*ast.File) error {
	trees := make([]*ast.File, 0, len(gr.skeletons)+len(samples))
	for _, sk := range gr.skeletons {
		trees = append(trees, sk.tree)
	}
	trees = append(trees, samples...)
	if err := checkTrees(g.names.pkg, gr.fset, trees); err != nil {
		return fmt.Errorf("internal error: gatewaygen produced Go that does not type-check (please report this bug): %v", err)
	}
	return nil
}

// sizeHint estimates what the spec's entries add to the named file,
// roughly: a doc comment, the constant, a table row, a slot and a guard.
func (g *gen) sizeHint(file string) int {
	size := 0
	switch file {
	case OpcodesFile:
		for i, op := range g.spec.Opcodes {
			size += 300 + 3*len(op.Name) + 2*len(op.Description) + 6*len(g.opConsts[i])
		}
	case EventsFile:
		for i, ev := range g.spec.Events {
			size += 200 + 3*len(ev.Name) + 2*len(ev.Description) + 5*len(g.evConsts[i])
		}
	}
	return size
}

// gen holds what every emitting function needs.
type gen struct {
	spec  *model.Spec
	names names
	// The names of the constants, in the order of spec.Opcodes and
	// spec.Events.
	opConsts, evConsts []string
	// How ParseOpcode and ParseEvent find names.
	opLookup, evLookup *perfectHash
	// bases holds the baseName of each document of the spec.
	bases map[string]string
}

// header writes the generated-code header that starts every file.
func (g *gen) header(b *bytes.Buffer) {
	b.WriteString(headerPrefix + " from " + g.sourceList() + ". DO NOT EDIT.\n\n")
}

// sourceList names the spec documents by base name: paths differ between
// machines, and the output must not.
func (g *gen) sourceList() string {
	var bases []string
	for _, s := range g.spec.Sources {
		bases = append(bases, baseName(s))
	}
	return andList(bases)
}

// baseName is the last element of a path, with either separator, made safe
// for a comment.
func baseName(file string) string {
	return commentSafe(path.Base(strings.ReplaceAll(file, `\`, "/")))
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

// names are the identifiers the package declares, derived from Config.
type names struct {
	pkg                                    string
	opcode, event, sender                  string // the types
	senderClient, senderServer, senderList string
	opcodeInfo, opcodeInfos                string
	opcodes, parseOpcode                   string
	opcodeSlot, opcodeSlots, opcodeSlotOf  string
	opcodeDisp                             string
	eventInfo, eventInfos                  string
	events, parseEvent, maxEvent, unknown  string
	eventSlots, eventSlotOf, eventDisp     string
	nameHash, load64, load32, shortWord    string
	unlisted                               string
}

func newNames(c Config) names {
	lower := func(s string) string { return strings.ToLower(s[:1]) + s[1:] }
	return names{
		pkg:    c.Package,
		opcode: c.OpcodeType, event: c.EventType, sender: c.SenderType,
		senderClient: c.SenderType + "Client", senderServer: c.SenderType + "Server",
		senderList: lower(c.SenderType) + "Names",
		opcodeInfo: lower(c.OpcodeType) + "Info", opcodeInfos: lower(c.OpcodeType) + "Infos",
		opcodes: c.OpcodeType + "s", parseOpcode: "Parse" + c.OpcodeType,
		opcodeSlot: lower(c.OpcodeType) + "Slot", opcodeSlots: lower(c.OpcodeType) + "Slots",
		opcodeSlotOf: lower(c.OpcodeType) + "SlotOf", opcodeDisp: lower(c.OpcodeType) + "Disp",
		eventInfo: lower(c.EventType) + "Info", eventInfos: lower(c.EventType) + "Infos",
		events: c.EventType + "s", parseEvent: "Parse" + c.EventType,
		maxEvent: "Max" + c.EventType, unknown: c.EventType + "Unknown",
		eventSlots: lower(c.EventType) + "Slots", eventSlotOf: lower(c.EventType) + "SlotOf",
		eventDisp: lower(c.EventType) + "Disp",
		nameHash:  "nameHash", load64: "load64", load32: "load32", shortWord: "shortWord",
		unlisted: "unlisted",
	}
}

func (n names) opcodeConst(op model.Opcode) string { return n.opcode + op.GoName }
func (n names) eventConst(ev model.Event) string   { return n.event + ev.GoName }

// checkNames makes sure that no constant derived from the spec collides
// with another declaration of the package (EVENT_UNKNOWN would), reporting
// the row that causes it.
func (g *gen) checkNames() error {
	n := g.names
	// A declaration is described only when it is reported: formatting a
	// position for each of a large spec's names would cost more than
	// checking them.
	type decl struct {
		what string
		pos  *model.Source
	}
	declared := make(map[string]decl, len(g.opConsts)+len(g.evConsts)+32)
	for _, id := range []string{
		n.opcode, n.event, n.sender, n.senderClient, n.senderServer, n.senderList,
		n.opcodeInfo, n.opcodeInfos, n.opcodes, n.parseOpcode,
		n.opcodeSlot, n.opcodeSlots, n.opcodeSlotOf, n.opcodeDisp,
		n.eventInfo, n.eventInfos, n.events, n.parseEvent, n.maxEvent, n.unknown,
		n.eventSlots, n.eventSlotOf, n.eventDisp, n.nameHash, n.load64, n.load32, n.shortWord,
		n.unlisted,
	} {
		declared[id] = decl{what: "a declaration of the generated package"}
	}
	var errs model.ErrorList
	declare := func(id string, pos *model.Source, kind, name string) {
		// The type check sees only a few entries of each table (see
		// sampleSize), so every name is checked here.
		if !token.IsIdentifier(id) {
			errs.Add(*pos, "%s %s becomes %q, which is not a Go identifier; give it another name with a name override", kind, name, id)
			return
		}
		if prev, ok := declared[id]; ok {
			if prev.pos != nil {
				prev.what += " at " + prev.pos.String()
			}
			errs.Add(*pos, "%s %s becomes the Go name %s, which is already %s; give it another name with a name override", kind, name, id, prev.what)
			return
		}
		declared[id] = decl{kind + " " + name, pos}
	}
	for i := range g.spec.Opcodes {
		op := &g.spec.Opcodes[i]
		declare(g.opConsts[i], &op.Sources[0], "opcode", op.Name)
	}
	for i := range g.spec.Events {
		ev := &g.spec.Events[i]
		declare(g.evConsts[i], &ev.Sources[0], "event", ev.Name)
	}
	errs.Sort()
	return errs.Err()
}
