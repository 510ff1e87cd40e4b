package model

import "fmt"

// A Source is a position in an input document.
type Source struct {
	File   string `json:"file"`
	Line   int    `json:"line"`             // 1-based; 0 when unknown
	Column int    `json:"column,omitempty"` // 1-based byte column; 0 when it would not help
}

// String formats s as "file:line" or "file:line:column", the forms editors
// and terminals link to.
func (s Source) String() string {
	switch {
	case s.Line <= 0:
		return s.File
	case s.Column <= 0:
		return fmt.Sprintf("%s:%d", s.File, s.Line)
	}
	return fmt.Sprintf("%s:%d:%d", s.File, s.Line, s.Column)
}

// Sender says which side of a Gateway connection sends an opcode. It is a set
// of bit flags: an opcode both sides send has both bits; an opcode whose
// documentation leaves it open has none.
type Sender uint8

const (
	SenderClient Sender = 1 << iota
	SenderServer

	SenderBoth = SenderClient | SenderServer
)

// String returns "client", "server", "client/server" or "unspecified".
func (s Sender) String() string {
	switch s {
	case 0:
		return "unspecified"
	case SenderClient:
		return "client"
	case SenderServer:
		return "server"
	case SenderBoth:
		return "client/server"
	}
	return fmt.Sprintf("Sender(%d)", uint8(s))
}

// MarshalText writes the String form, except that an unspecified sender is
// the empty string, so JSON consumers can test it for emptiness.
func (s Sender) MarshalText() ([]byte, error) {
	if s == 0 {
		return []byte{}, nil
	}
	if s&^SenderBoth != 0 {
		return nil, fmt.Errorf("invalid sender %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads what MarshalText writes.
func (s *Sender) UnmarshalText(b []byte) error {
	switch string(b) {
	case "", "unspecified":
		*s = 0
	case "client":
		*s = SenderClient
	case "server":
		*s = SenderServer
	case "client/server":
		*s = SenderBoth
	default:
		return fmt.Errorf("invalid sender %q", b)
	}
	return nil
}

// An Opcode is one row of a Gateway opcode table.
type Opcode struct {
	Code int `json:"code"`
	// Name is the wire name in UPPER_SNAKE_CASE, such as "HEARTBEAT_ACK".
	Name string `json:"name"`
	// GoName is the Go form of Name, such as "HeartbeatACK", without the
	// type prefix. Build fills it in.
	GoName      string `json:"go_name"`
	SentBy      Sender `json:"sent_by"`
	Description string `json:"description"`
	// Deprecated is set when a document marks the opcode deprecated or
	// removed; Removed only when it is struck out as no longer in use.
	Deprecated bool `json:"deprecated"`
	Removed    bool `json:"removed"`
	// Kept is set on an opcode the documents no longer list, which a lock
	// file keeps so that generated code using it still builds. It is also
	// Deprecated, and its one Source is its entry in the lock file.
	Kept bool `json:"kept,omitempty"`
	// Aliases are earlier wire names of this opcode that a lock file keeps
	// after the docs renamed it: generated code keeps each old Go name as a
	// deprecated alias of the constant, and parsing the old name still works.
	Aliases []Alias `json:"aliases,omitempty"`
	// Sources lists every row that describes this opcode, in document order.
	Sources []Source `json:"sources"`
}

// An Alias is an earlier name of an entry, kept for code written against it.
type Alias struct {
	Name   string `json:"name"`
	GoName string `json:"go_name"`
	// Source is where the alias is recorded, such as the lock file's line.
	Source Source `json:"source"`
}

// An Event is one dispatch event: a value of the "t" field of a payload whose
// opcode is DISPATCH.
type Event struct {
	// Name is the wire name, such as "MESSAGE_CREATE".
	Name   string `json:"name"`
	GoName string `json:"go_name"`
	// Value is the value of the event's generated constant, at least 1.
	// Build numbers events densely from 1 in spec order; a lock file keeps
	// each event's value across refreshes, so values may then have gaps.
	Value       int      `json:"value"`
	Description string   `json:"description"`
	Deprecated  bool     `json:"deprecated"`
	Removed     bool     `json:"removed"`
	Kept        bool     `json:"kept,omitempty"` // as for Opcode
	Sources     []Source `json:"sources"`
}

// A CloseCode is one row of a close event code table: a code the Gateway,
// or the voice gateway, closes a connection with.
type CloseCode struct {
	Code int `json:"code"`
	// Name is the name the docs give the code, as plain text, such as
	// "Authentication failed" or "Invalid seq" (the official docs' Description
	// column).
	Name   string `json:"name"`
	GoName string `json:"go_name"`
	// Description is the docs' explanation of the code.
	Description string `json:"description"`
	// Reconnect says whether a client may reconnect after the code; nil
	// where the docs do not say.
	Reconnect *bool `json:"reconnect"`
	// ReconnectFrom says where Reconnect comes from: one of the
	// ReconnectFrom constants, or "" when Reconnect is nil.
	ReconnectFrom string   `json:"reconnect_from,omitempty"`
	Deprecated    bool     `json:"deprecated"`
	Removed       bool     `json:"removed"`
	Kept          bool     `json:"kept,omitempty"` // as for Opcode
	Sources       []Source `json:"sources"`
}

// The sources of a close code's Reconnect (CloseCode.ReconnectFrom).
const (
	// ReconnectFromColumn: a Reconnect column says.
	ReconnectFromColumn = "column"
	// ReconnectFromText: the table has no Reconnect column, or leaves the
	// cell blank, and the code's explanation tells the client not to
	// reconnect ("Should not reconnect."), which makes Reconnect false.
	ReconnectFromText = "text"
	// ReconnectFromOverride: the user set it (Options.Reconnect), over
	// whatever the documents say.
	ReconnectFromOverride = "override"
)

// A VoiceOpcode is one row of the voice gateway's opcode table.
type VoiceOpcode struct {
	Code int `json:"code"`
	// Name is the wire-style name in UPPER_SNAKE_CASE, such as
	// "DAVE_MLS_EXTERNAL_SENDER".
	Name        string `json:"name"`
	GoName      string `json:"go_name"`
	SentBy      Sender `json:"sent_by"`
	Description string `json:"description"`
	// Binary is set for opcodes whose payloads are binary, not JSON.
	Binary bool `json:"binary"`
	// BinaryKnown is set when a document says whether the payloads are
	// binary (it has a Binary or Format column), so that Build can tell a
	// conflict between documents from one that is silent. It is not part
	// of the IR: after Build, Binary is false where no document says.
	BinaryKnown bool     `json:"-"`
	Deprecated  bool     `json:"deprecated"`
	Removed     bool     `json:"removed"`
	Kept        bool     `json:"kept,omitempty"` // as for Opcode
	Sources     []Source `json:"sources"`
}

// An Intent is one Gateway intent: a bit of the intents field of Identify.
type Intent struct {
	Bit int `json:"bit"` // the intent's value is 1 << Bit
	// Name is the name in UPPER_SNAKE_CASE, such as "GUILD_MEMBERS".
	Name        string `json:"name"`
	GoName      string `json:"go_name"`
	Description string `json:"description"`
	// Privileged is set for intents an application must be approved for.
	Privileged bool `json:"privileged"`
	// Events are the wire names of the dispatch events the intent enables,
	// in document order. An event may be under several intents.
	Events []string `json:"events"`
	// EventSources, when the parser sets it, holds where each of Events is
	// listed, so that a message about one event can point at its line
	// rather than at the intent's. A Spec's intents do not have it.
	EventSources []Source `json:"-"`
	Deprecated   bool     `json:"deprecated"`
	Removed      bool     `json:"removed"`
	Kept         bool     `json:"kept,omitempty"` // as for Opcode
	Sources      []Source `json:"sources"`
}

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
}

// IRVersion is the version of the JSON form of a Spec, the "version" field
// of an IR. It changes when a field is removed or renamed or changes
// meaning; adding a field does not change it, so consumers should ignore
// fields they do not know.
const IRVersion = 1

// An IR is the JSON document "gatewaygen ir" prints: a Spec, whose fields it
// shares, and the version of their schema. See the package documentation.
type IR struct {
	Version int `json:"version"`
	*Spec
}

// NewIR returns the IR of spec at the current IRVersion.
func NewIR(spec *Spec) IR {
	return IR{Version: IRVersion, Spec: spec}
}
