// Package generator turns a validated model.Spec into the Go source of a
// package: typed constants for opcodes and dispatch events, their String
// methods, who sends each opcode, descriptions from the spec, and fast
// lookup of wire names.
//
// It emits code with jennifer, one small function per construct, then
// formats and type-checks the result. It writes nothing: Generate returns
// files in memory, and writing them is the caller's business.
package generator

import (
	"bytes"
	"fmt"
	"go/token"
	"path"
	"strings"

	"github.com/dave/jennifer/jen"

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

// Generate returns the files of the package for spec. The files are
// formatted and type-checked; an error means the configuration or a name in
// the spec cannot be emitted, with the position that caused it.
func Generate(spec *model.Spec, cfg Config) ([]File, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	g := &gen{spec: spec, names: newNames(cfg.withDefaults())}
	if err := g.checkNames(); err != nil {
		return nil, err
	}
	var files []File
	for _, f := range []struct {
		name  string
		build func(*jen.File)
	}{
		{OpcodesFile, g.opcodesFile},
		{EventsFile, g.eventsFile},
	} {
		jf := g.newFile()
		f.build(jf)
		var buf bytes.Buffer
		if err := jf.Render(&buf); err != nil {
			return nil, fmt.Errorf("internal error: gatewaygen produced invalid Go in %s (please report this bug): %v", f.name, err)
		}
		files = append(files, File{Name: f.name, Content: buf.Bytes()})
	}
	if err := typeCheck(g.names.pkg, files); err != nil {
		return nil, fmt.Errorf("internal error: gatewaygen produced Go that does not type-check (please report this bug): %v", err)
	}
	return files, nil
}

// gen holds what every emitting function needs.
type gen struct {
	spec  *model.Spec
	names names
}

// newFile starts a file with the generated-code header.
func (g *gen) newFile() *jen.File {
	f := jen.NewFile(g.names.pkg)
	f.HeaderComment(headerPrefix + " from " + g.sourceList() + ". DO NOT EDIT.")
	return f
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
	eventInfo, eventInfos                  string
	events, parseEvent, maxEvent, unknown  string
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
		eventInfo: lower(c.EventType) + "Info", eventInfos: lower(c.EventType) + "Infos",
		events: c.EventType + "s", parseEvent: "Parse" + c.EventType,
		maxEvent: "Max" + c.EventType, unknown: c.EventType + "Unknown",
	}
}

func (n names) opcodeConst(op model.Opcode) string { return n.opcode + op.GoName }
func (n names) eventConst(ev model.Event) string   { return n.event + ev.GoName }

// checkNames makes sure that no constant derived from the spec collides
// with another declaration of the package (EVENT_UNKNOWN would), reporting
// the row that causes it.
func (g *gen) checkNames() error {
	n := g.names
	declared := map[string]string{}
	for _, id := range []string{
		n.opcode, n.event, n.sender, n.senderClient, n.senderServer, n.senderList,
		n.opcodeInfo, n.opcodeInfos, n.opcodes, n.parseOpcode,
		n.eventInfo, n.eventInfos, n.events, n.parseEvent, n.maxEvent, n.unknown,
	} {
		declared[id] = "a declaration of the generated package"
	}
	var errs model.ErrorList
	declare := func(id string, pos model.Source, what string) {
		if prev, ok := declared[id]; ok {
			errs.Add(pos, "%s becomes the Go name %s, which is already %s; give it another name with a name override", what, id, prev)
			return
		}
		declared[id] = what + " at " + pos.String()
	}
	for _, op := range g.spec.Opcodes {
		declare(n.opcodeConst(op), op.Sources[0], "opcode "+op.Name)
	}
	for _, ev := range g.spec.Events {
		declare(n.eventConst(ev), ev.Sources[0], "event "+ev.Name)
	}
	errs.Sort()
	return errs.Err()
}
