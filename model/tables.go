package model

import (
	"fmt"
	"strings"
)

// This file is the registry of tables: each kind of table a Spec holds is
// described here once, as data, and every other package (the parser, Build,
// the lock file, the diff, the templates, the generator, the CLI) loops over
// Tables rather than naming the tables itself. Where a package needs
// behaviour of its own, it keys it by a table's Shape and Attrs, or by the
// Go type of its entries (one small function per kind, next to the others),
// never by which table it is; so a table of a known shape and entry type,
// such as another protocol's close codes, is one entry in Tables and one
// field of Document and Spec, both below.

// A Document is what the parser found in one source file. Each entry has
// exactly one Source, and GoName is not yet set.
type Document struct {
	File            string
	Opcodes         []Opcode
	Events          []Event
	CloseCodes      []CloseCode
	VoiceOpcodes    []VoiceOpcode
	VoiceCloseCodes []CloseCode
	Intents         []Intent
	// Structures are the document's field tables, in document order, with
	// their types as the parser read them: a link is a TypeLink that
	// Build resolves across documents, and Anchors and GoNames are not
	// set. Enums are its other tables under a heading, which fields may
	// link to: those whose values the parser could read have a Shape and
	// Members. Neither is a table of the registry: they are payloads,
	// not enumerations of the protocol.
	Structures []Structure
	Enums      []Enum
	// Anchors are the places in the document links can reach.
	Anchors []Anchor
	// Sections are the document's sections that describe one Gateway
	// message (an opcode's or a dispatch event's payload), which Build
	// matches to opcodes and events to set their Payload.
	Sections []PayloadSection
	// Skipped is set when the document holds nothing gatewaygen reads
	// and the parser was asked to skip such documents rather than fail
	// (a page of a --spec directory).
	Skipped bool
}

// A Spec is the merged, validated model of a set of documents: what the
// generator renders. Build never leaves its slices nil, so that in JSON they
// are arrays, possibly empty, and never null.
type Spec struct {
	// Sources names the documents, in the order they were merged.
	Sources []string `json:"sources"`
	// Opcodes are sorted by code.
	Opcodes []Opcode `json:"opcodes"`
	// Events are in the order of their values: the order they first
	// appear in the documents, as Build numbers them, or, after a lock
	// file's Keep, the order of the values it keeps.
	Events []Event `json:"events"`
	// CloseCodes, VoiceOpcodes and VoiceCloseCodes are sorted by code,
	// Intents by bit.
	CloseCodes      []CloseCode   `json:"close_codes"`
	VoiceOpcodes    []VoiceOpcode `json:"voice_opcodes"`
	VoiceCloseCodes []CloseCode   `json:"voice_close_codes"`
	Intents         []Intent      `json:"intents"`
	// Structures are the payload structures of the opcodes and events and
	// every structure they reach through their fields' types, sorted by
	// Name; Enums the enum tables those fields link to, sorted by Name.
	// They are not tables of the registry (see structures.go).
	Structures []Structure `json:"structures"`
	Enums      []Enum      `json:"enums"`
}

// A Shape is how a table's entries are keyed, and so how they are
// generated: each shape has one emitter.
type Shape int

const (
	// Codes are entries keyed by the integer the wire carries: opcodes and
	// close codes. The codes are the constants' values.
	Codes Shape = iota + 1
	// Names are entries keyed by their wire name, which the generator
	// numbers: dispatch events.
	Names
	// Flags are entries keyed by a bit of a bit field: intents. A value is
	// any set of them.
	Flags
)

// String returns "integer codes", "names" or "bit flags".
func (s Shape) String() string {
	switch s {
	case Codes:
		return "integer codes"
	case Names:
		return "names"
	case Flags:
		return "bit flags"
	}
	return fmt.Sprintf("Shape(%d)", int(s))
}

// Key returns what identifies an entry of a table of the shape, as
// messages say it: "code", "name" or "bit".
func (s Shape) Key() string {
	switch s {
	case Codes:
		return "code"
	case Flags:
		return "bit"
	}
	return "name"
}

// Attr is a set of the attributes a table's entries carry besides their
// key, name, description, status and sources, which every entry has.
type Attr uint

const (
	// AttrSender: which side of the connection sends the entry (SentBy).
	AttrSender Attr = 1 << iota
	// AttrBinary: whether the entry's payloads are binary rather than
	// JSON (Binary).
	AttrBinary
	// AttrReconnect: whether a client may reconnect after the code
	// (Reconnect).
	AttrReconnect
	// AttrPrivileged: whether an application must be approved for the
	// intent (Privileged).
	AttrPrivileged
	// AttrEvents: the dispatch events the intent enables (Events).
	AttrEvents
	// AttrAliases: earlier wire names that a lock file keeps after a
	// rename (Aliases).
	AttrAliases
	// AttrNamedInWords: the entries are named in words, as the docs print
	// them ("Invalid seq"), rather than by a wire name. Names are compared
	// by their wire form (WireFromTitle), several entries may share one,
	// and, since no payload carries them, they are not parsed.
	AttrNamedInWords
)

// GoNames are the names of a table's declarations in a generated package.
// A Table's Go holds the defaults; a user's settings for the table
// override them with Override.
type GoNames struct {
	// Type is the Go type of the table's constants: "Opcode".
	Type string
	// Prefix starts the name of each constant: OpcodeHeartbeat. Empty
	// means Type.
	Prefix string
	// List is the function that returns every entry: Opcodes. Empty means
	// the plural of Type: Type followed by "s", or, for a Type that already
	// ends in "s" (Intents), "All" before it (AllIntents).
	List string
}

// Override returns n with every non-empty field of o in place of its own,
// and the empty fields derived from the type: a new Type renames the
// constants and the list with it unless o names them too.
func (n GoNames) Override(o GoNames) GoNames {
	if o.Type != "" {
		n = GoNames{Type: o.Type}
	}
	if o.Prefix != "" {
		n.Prefix = o.Prefix
	}
	if o.List != "" {
		n.List = o.List
	}
	if n.Prefix == "" {
		n.Prefix = n.Type
	}
	if n.List == "" {
		n.List = n.Type + "s"
		if strings.HasSuffix(n.Type, "s") {
			// Intentss reads as a typo; AllIntents is what libraries write.
			n.List = "All" + n.Type
		}
	}
	return n
}

// A Table describes one kind of table of a Spec: what the documents call
// its entries, how they are keyed, what they carry, and where and under
// which names they are generated.
type Table struct {
	// Key is the table's key in the IR's JSON, in lock files, in
	// code-qualified name overrides (close_codes:4004) and in per-table
	// settings: "opcodes", "voice_close_codes".
	Key string
	// Singular and Plural are the nouns messages and comments use:
	// "voice close code", "voice close codes".
	Singular, Plural string
	Shape            Shape
	Attrs            Attr
	// Protocol is the protocol whose table it is, for comments: "Gateway"
	// or "voice gateway".
	Protocol string
	// Example is a name of an entry, as the docs write it, for doc
	// comments and help: "HEARTBEAT_ACK", "Authentication failed".
	Example string
	// Go holds the default names of the table's declarations; Type alone
	// is set, and GoNames.Override derives the others.
	Go GoNames
	// File is the generated file that declares the table. Tables may
	// share a file: the voice gateway's two go in voice_gen.go.
	File string
	// TypeScript is the name of the table's enum in the typescript
	// template, after discord-api-types: "GatewayOpcodes".
	TypeScript string
	// Always is set for the tables that a generated package declares even
	// when the spec has no entries in them: the opcodes and events, which
	// every Gateway client needs. The others are declared only when the
	// spec has them.
	Always bool

	entries entries
}

// Has reports whether the table's entries carry every attribute in a.
func (t *Table) Has(a Attr) bool { return t.Attrs&a == a }

// Names returns the table's Go names: its defaults, overridden by o.
func (t *Table) Names(o GoNames) GoNames { return t.Go.Override(o) }

// InSpec returns a pointer to the table's entries in s: a *[]E, where E
// is the table's entry type (*[]CloseCode for a table of close codes).
// Callers type-switch on it, one case per entry type.
func (t *Table) InSpec(s *Spec) any { return t.entries.inSpec(s) }

// InDocument returns a pointer to the table's entries in d, as InSpec.
func (t *Table) InDocument(d *Document) any { return t.entries.inDocument(d) }

// Len returns how many entries of the table s has.
func (t *Table) Len(s *Spec) int { return len(t.Entries(s)) }

// Entries returns the part every entry has (see Entry) of each of the
// table's entries in s, in order, pointing into s.
func (t *Table) Entries(s *Spec) []*Entry { return t.entries.commonInSpec(s) }

// DocumentEntries returns the part every entry has of each of the table's
// entries in d, as Entries.
func (t *Table) DocumentEntries(d *Document) []*Entry { return t.entries.commonInDocument(d) }

// Tables lists every kind of table, in the order of the IR's fields and of
// the generated files.
var Tables = []*Table{
	{
		Key: "opcodes", Singular: "opcode", Plural: "opcodes",
		Shape: Codes, Attrs: AttrSender | AttrAliases,
		Protocol: "Gateway", Example: "HEARTBEAT_ACK",
		Go: GoNames{Type: "Opcode"}, File: "opcodes_gen.go", TypeScript: "GatewayOpcodes", Always: true,
		entries: entriesOf(func(s *Spec) *[]Opcode { return &s.Opcodes }, func(d *Document) *[]Opcode { return &d.Opcodes }),
	},
	{
		Key: "events", Singular: "event", Plural: "events",
		Shape:    Names,
		Protocol: "Gateway", Example: "MESSAGE_CREATE",
		Go: GoNames{Type: "Event"}, File: "events_gen.go", TypeScript: "GatewayDispatchEvents", Always: true,
		entries: entriesOf(func(s *Spec) *[]Event { return &s.Events }, func(d *Document) *[]Event { return &d.Events }),
	},
	{
		Key: "close_codes", Singular: "close code", Plural: "close codes",
		Shape: Codes, Attrs: AttrReconnect | AttrNamedInWords,
		Protocol: "Gateway", Example: "Authentication failed",
		Go: GoNames{Type: "CloseCode"}, File: "close_codes_gen.go", TypeScript: "GatewayCloseCodes",
		entries: entriesOf(func(s *Spec) *[]CloseCode { return &s.CloseCodes }, func(d *Document) *[]CloseCode { return &d.CloseCodes }),
	},
	{
		Key: "voice_opcodes", Singular: "voice opcode", Plural: "voice opcodes",
		Shape: Codes, Attrs: AttrSender | AttrBinary,
		Protocol: "voice gateway", Example: "SELECT_PROTOCOL",
		Go: GoNames{Type: "VoiceOpcode"}, File: "voice_gen.go", TypeScript: "VoiceOpcodes",
		entries: entriesOf(func(s *Spec) *[]VoiceOpcode { return &s.VoiceOpcodes }, func(d *Document) *[]VoiceOpcode { return &d.VoiceOpcodes }),
	},
	{
		Key: "voice_close_codes", Singular: "voice close code", Plural: "voice close codes",
		Shape: Codes, Attrs: AttrReconnect | AttrNamedInWords,
		Protocol: "voice gateway", Example: "Authentication failed",
		Go: GoNames{Type: "VoiceCloseCode"}, File: "voice_gen.go", TypeScript: "VoiceCloseCodes",
		entries: entriesOf(func(s *Spec) *[]CloseCode { return &s.VoiceCloseCodes }, func(d *Document) *[]CloseCode { return &d.VoiceCloseCodes }),
	},
	{
		Key: "intents", Singular: "intent", Plural: "intents",
		Shape: Flags, Attrs: AttrPrivileged | AttrEvents,
		Protocol: "Gateway", Example: "GUILD_MEMBERS",
		Go: GoNames{Type: "Intent"}, File: "intents_gen.go", TypeScript: "GatewayIntentBits",
		entries: entriesOf(func(s *Spec) *[]Intent { return &s.Intents }, func(d *Document) *[]Intent { return &d.Intents }),
	},
}

// TableByKey returns the table whose Key is key, or nil.
func TableByKey(key string) *Table {
	for _, t := range Tables {
		if t.Key == key {
			return t
		}
	}
	return nil
}

// entries reaches a table's entries in a Spec or a Document.
type entries interface {
	inSpec(*Spec) any
	inDocument(*Document) any
	commonInSpec(*Spec) []*Entry
	commonInDocument(*Document) []*Entry
}

// An entryType is a pointer to an entry type, which embeds Entry.
type entryType[E any] interface {
	*E
	Common() *Entry
}

// entriesOf is entries for a table whose entries have type E.
func entriesOf[E any, P entryType[E]](spec func(*Spec) *[]E, doc func(*Document) *[]E) entries {
	return entryLists[E, P]{spec, doc}
}

type entryLists[E any, P entryType[E]] struct {
	spec func(*Spec) *[]E
	doc  func(*Document) *[]E
}

func (l entryLists[E, P]) inSpec(s *Spec) any                    { return l.spec(s) }
func (l entryLists[E, P]) inDocument(d *Document) any            { return l.doc(d) }
func (l entryLists[E, P]) commonInSpec(s *Spec) []*Entry         { return commonOf[E, P](*l.spec(s)) }
func (l entryLists[E, P]) commonInDocument(d *Document) []*Entry { return commonOf[E, P](*l.doc(d)) }

func commonOf[E any, P entryType[E]](list []E) []*Entry {
	out := make([]*Entry, len(list))
	for i := range list {
		out[i] = P(&list[i]).Common()
	}
	return out
}
