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
	// Sources lists every row that describes this opcode, in document order.
	Sources []Source `json:"sources"`
}

// An Event is one dispatch event: a value of the "t" field of a payload whose
// opcode is DISPATCH.
type Event struct {
	// Name is the wire name, such as "MESSAGE_CREATE".
	Name        string   `json:"name"`
	GoName      string   `json:"go_name"`
	Description string   `json:"description"`
	Deprecated  bool     `json:"deprecated"`
	Removed     bool     `json:"removed"`
	Kept        bool     `json:"kept,omitempty"` // as for Opcode
	Sources     []Source `json:"sources"`
}

// A Document is what the parser found in one source file. Each entry has
// exactly one Source, and GoName is not yet set.
type Document struct {
	File    string
	Opcodes []Opcode
	Events  []Event
}

// A Spec is the merged, validated model of a set of documents: what the
// generator renders. Build never leaves its slices nil, so that in JSON they
// are arrays, possibly empty, and never null.
type Spec struct {
	// Sources names the documents, in the order they were merged.
	Sources []string `json:"sources"`
	// Opcodes are sorted by code.
	Opcodes []Opcode `json:"opcodes"`
	// Events are in the order they first appear in the documents; the
	// generator numbers them densely from 1 in that order.
	Events []Event `json:"events"`
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
