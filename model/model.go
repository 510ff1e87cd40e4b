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

// An Entry is what every entry of every table has: its name, its Go name,
// its description, how the documents stand behind it, and where they
// describe it. Each table's entry type embeds it, and encoding/json
// flattens it into the entry's object.
type Entry struct {
	// Name is the name the documents give the entry: a wire name in
	// UPPER_SNAKE_CASE, such as "HEARTBEAT_ACK", or, in a table named in
	// words (AttrNamedInWords), the words as plain text, such as
	// "Authentication failed".
	Name string `json:"name"`
	// GoName is the Go form of Name, such as "HeartbeatACK", without the
	// type prefix. Build fills it in.
	GoName      string `json:"go_name"`
	Description string `json:"description"`
	// Deprecated is set when a document marks the entry deprecated or
	// removed; Removed only when it is struck out as no longer in use.
	Deprecated bool `json:"deprecated"`
	Removed    bool `json:"removed"`
	// Kept is set on an entry the documents no longer list, which a lock
	// file keeps so that generated code using it still builds. It is also
	// Deprecated, and its one Source is its entry in the lock file.
	Kept bool `json:"kept,omitempty"`
	// Sources lists every row that describes the entry, in document
	// order.
	Sources []Source `json:"sources"`
}

// Common returns e itself: through an entry type that embeds Entry, the
// part every entry has, for code that handles the entries of any table.
func (e *Entry) Common() *Entry { return e }

// A Status is how the documents stand behind an entry, from its flags.
type Status int

const (
	StatusCurrent    Status = iota
	StatusDeprecated        // a document marks it deprecated
	StatusRemoved           // a document strikes it out as no longer in use
	StatusKept              // the documents no longer list it; a lock file keeps it
)

// Status returns the entry's status: kept before removed before
// deprecated, as each implies the next.
func (e *Entry) Status() Status {
	switch {
	case e.Kept:
		return StatusKept
	case e.Removed:
		return StatusRemoved
	case e.Deprecated:
		return StatusDeprecated
	}
	return StatusCurrent
}

// An Opcode is one row of a Gateway opcode table.
type Opcode struct {
	Code int `json:"code"`
	Entry
	SentBy Sender `json:"sent_by"`
	// Payload is the Name of the structure the opcode's "d" holds, such as
	// "Identify" or "Hello"; "" when the specs describe none (Heartbeat's
	// "d" is an integer).
	Payload string `json:"payload"`
	// Aliases are earlier wire names of this opcode that a lock file keeps
	// after the docs renamed it: generated code keeps each old Go name as a
	// deprecated alias of the constant, and parsing the old name still works.
	Aliases []Alias `json:"aliases,omitempty"`
}

// Key returns the opcode's code, its key in its table.
func (o *Opcode) Key() int { return o.Code }

// An Alias is an earlier name of an entry, kept for code written against it.
type Alias struct {
	Name   string `json:"name"`
	GoName string `json:"go_name"`
	// Source is where the alias is recorded, such as the lock file's line.
	Source Source `json:"source"`
}

// An Event is one dispatch event: a value of the "t" field of a payload whose
// opcode is DISPATCH. Its Name is the wire name, such as "MESSAGE_CREATE".
type Event struct {
	Entry
	// Value is the value of the event's generated constant, at least 1.
	// Build numbers events densely from 1 in spec order; a lock file keeps
	// each event's value across refreshes, so values may then have gaps.
	Value int `json:"value"`
	// Payload is the Name of the structure the event's "d" holds, such as
	// "Ready", "Channel" (the inner payload is a channel object) or
	// "Message Create" (a message plus extra fields: a structure whose
	// Base is "Message"); "" when the specs describe none.
	Payload string `json:"payload"`
}

// A CloseCode is one row of a close event code table: a code the Gateway,
// or the voice gateway, closes a connection with. Its Name is the name the
// docs give the code, as plain text, such as "Authentication failed" or
// "Invalid seq" (the official docs' Description column), and its
// Description the docs' explanation of the code.
type CloseCode struct {
	Code int `json:"code"`
	Entry
	// Reconnect says whether a client may reconnect after the code; nil
	// where the docs do not say.
	Reconnect *bool `json:"reconnect"`
	// ReconnectFrom says where Reconnect comes from: one of the
	// ReconnectFrom constants, or "" when Reconnect is nil.
	ReconnectFrom string `json:"reconnect_from,omitempty"`
}

// Key returns the close code, its key in its table.
func (c *CloseCode) Key() int { return c.Code }

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
	// ReconnectFromLock: the documents no longer list the code, and a lock
	// file keeps it with the flag it had (CloseCode.Kept).
	ReconnectFromLock = "lock"
)

// A VoiceOpcode is one row of the voice gateway's opcode table. Its Name is
// the wire-style name in UPPER_SNAKE_CASE, such as
// "DAVE_MLS_EXTERNAL_SENDER".
type VoiceOpcode struct {
	Code int `json:"code"`
	Entry
	SentBy Sender `json:"sent_by"`
	// Binary is set for opcodes whose payloads are binary, not JSON.
	Binary bool `json:"binary"`
	// BinaryKnown is set when a document says whether the payloads are
	// binary (it has a Binary or Format column), so that Build can tell a
	// conflict between documents from one that is silent. It is not part
	// of the IR: after Build, Binary is false where no document says.
	BinaryKnown bool `json:"-"`
}

// Key returns the voice opcode's code, its key in its table.
func (o *VoiceOpcode) Key() int { return o.Code }

// An Intent is one Gateway intent: a bit of the intents field of Identify.
// Its Name is in UPPER_SNAKE_CASE, such as "GUILD_MEMBERS".
type Intent struct {
	Bit int `json:"bit"` // the intent's value is 1 << Bit
	Entry
	// Privileged is set for intents an application must be approved for.
	Privileged bool `json:"privileged"`
	// Events are the wire names of the dispatch events the intent enables,
	// in document order. An event may be under several intents.
	Events []string `json:"events"`
	// EventSources, when the parser sets it, holds where each of Events is
	// listed, so that a message about one event can point at its line
	// rather than at the intent's. A Spec's intents do not have it.
	EventSources []Source `json:"-"`
}

// Key returns the intent's bit, its key in its table.
func (in *Intent) Key() int { return in.Bit }

// Keyed is the constraint of a pointer to an entry type keyed by an
// integer, a code or a bit, for code that handles such tables alike:
// every entry type but Event, which is keyed by its name.
type Keyed[E any] interface {
	*E
	Common() *Entry
	Key() int
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
