package model

// This file holds the IR of payload structures: the objects the Gateway's
// opcodes and dispatch events carry (Hello, Identify, Ready, Message...),
// read from the docs' field tables, and the enum tables their fields link
// to. The package documentation describes their JSON.

// StructuresKey is the IR key of the payload structures. Structures are no
// table of the registry (they have fields, not constants), but a
// configuration that lists the tables to generate lists them by this key
// too, so that a library that keeps its own payload types can leave them
// out.
const StructuresKey = "structures"

// A Structure is one object of the protocol: a table of fields under a
// heading such as "User Structure", "Ready Event Fields" or "Message Create
// Extra Fields".
type Structure struct {
	// Name is the heading in words without its closing word ("Structure",
	// "Object", "Event Fields", "Extra Fields"...): "User", "Ready",
	// "Message Create", "Guild Scheduled Event Recurrence Rule - N_Weekday".
	// It is the structure's key in the IR: fields, payloads and bases name
	// structures by it.
	Name string `json:"name"`
	// GoName is the Go form of Name, such as "GuildMember". Build fills it
	// in.
	GoName string `json:"go_name"`
	// Anchors are the page-qualified anchors a link may use to reach the
	// table: the page's path without its extension, "#", and a
	// <ManualAnchor id> above the heading, the heading's slug, or the slug
	// of the "X Object" section the table is first in:
	// "developers/resources/user#user-object-user-structure",
	// "developers/resources/user#user-structure",
	// "developers/resources/user#user-object". Sorted, without repeats.
	Anchors []string `json:"anchors"`
	// Base is the Name of the structure an "Extra Fields" (or "Additional
	// Fields") table extends: "Message" for "Message Create". The Go type
	// embeds its base. Empty for an ordinary structure.
	Base string `json:"base"`
	// Description is the prose between the heading and the table, or,
	// for the first table of a message's section whose heading has none,
	// the section's prose, as plain text; "" when there is none.
	Description string `json:"description"`
	// Fields are the table's rows, in document order. A structure with a
	// base lists only the fields it adds.
	Fields []Field `json:"fields"`
	// BaseLink, in a Document, is the link the section's prose gives to
	// the structure an extra fields table extends; Build resolves it
	// into Base.
	BaseLink string `json:"-"`
	// Sources lists every table that describes the structure.
	Sources []Source `json:"sources"`
}

// A Field is one row of a structure table: a key of the JSON object.
type Field struct {
	// Name is the JSON key as the docs write it, without the "?" that
	// marks it optional and without footnote markers ("author \[1\]",
	// "member?\*\*" → "author", "member").
	Name string `json:"name"`
	// GoName is the Go form of Name ("guild_id" → "GuildID"). Build fills
	// it in.
	GoName string `json:"go_name"`
	// Type is the docs' Type cell as plain text, links reduced to their
	// words and the leading "?" kept: "?array of user objects".
	Type string `json:"type"`
	// Optional is set when the key may be absent ("?" after the name);
	// Nullable when the value may be null ("?" before the type). A field
	// may be both, and then has three states: absent, null and a value.
	Optional bool `json:"optional"`
	Nullable bool `json:"nullable"`
	// Resolved is Type read by the type grammar, its links resolved.
	Resolved *TypeRef `json:"resolved"`
	// Description is the Description cell as plain text.
	Description string `json:"description"`
	// DescriptionLinks, in a Document, are the links of the Description
	// cell, which Build follows when Type says only "integer", "string"
	// or "object" (the enum or structure is linked from the prose).
	DescriptionLinks []string `json:"-"`
	// Deprecated is set when the docs mark the field deprecated; Kept when
	// the docs no longer list it and a lock file keeps it (Deprecated
	// too, with the lock file's line as its one source).
	Deprecated bool     `json:"deprecated"`
	Kept       bool     `json:"kept,omitempty"`
	Sources    []Source `json:"sources"`
}

// A TypeKind is the shape of a resolved type.
type TypeKind string

const (
	// TypePrimitive is a JSON scalar: TypeRef.Primitive says which.
	TypePrimitive TypeKind = "primitive"
	// TypeArray is a JSON array of TypeRef.Elem.
	TypeArray TypeKind = "array"
	// TypeMap is a JSON object whose keys are TypeRef.Key (a primitive,
	// "snowflake" or "string", or an enum) and whose values are
	// TypeRef.Elem.
	TypeMap TypeKind = "map"
	// TypeStructure is an object described by the structure
	// TypeRef.Structure.
	TypeStructure TypeKind = "structure"
	// TypeEnum is a value of an enum table: TypeRef.Table names one of the
	// Spec's protocol tables by its IR key ("intents", "opcodes"), or
	// TypeRef.Enum names an entry of Spec.Enums. TypeRef.Primitive is the
	// enum's JSON representation ("integer" or "string").
	TypeEnum TypeKind = "enum"
	// TypeRaw is any JSON value the IR does not type: unions ("snowflake
	// or integer"), tuples ("array of two integers"), "mixed", a bare
	// "object" without a link, a link that resolves nowhere or to an enum
	// of unknown values. TypeRef.Why says which.
	TypeRaw TypeKind = "raw"
	// TypeLink appears only in a Document: a link the parser could not
	// tell the target of, TypeRef.Link, which Build resolves to a
	// TypeStructure, a TypeEnum or, with a warning, a TypeRaw. Primitive
	// holds the primitive the docs wrote beside the link, if any
	// ("integer" for an enum linked from the Description).
	TypeLink TypeKind = "link"
)

// The primitives of TypeRef.Primitive.
const (
	PrimitiveString    = "string"
	PrimitiveInteger   = "integer"
	PrimitiveFloat     = "float" // the docs' "float" and "double"
	PrimitiveBoolean   = "boolean"
	PrimitiveSnowflake = "snowflake" // an ID: a uint64 sent as a decimal string
	PrimitiveTimestamp = "timestamp" // an ISO8601 timestamp string
	PrimitiveNull      = "null"      // a field whose only value is null
)

// A TypeRef is the resolved type of a field, or of an element of one.
type TypeRef struct {
	Kind TypeKind `json:"kind"`
	// Primitive is the primitive of a TypePrimitive (one of the Primitive
	// constants), or the JSON representation of a TypeEnum.
	Primitive string `json:"primitive,omitempty"`
	// Elem is the element type of a TypeArray and the value type of a
	// TypeMap.
	Elem *TypeRef `json:"elem,omitempty"`
	// Key is the key type of a TypeMap.
	Key *TypeRef `json:"key,omitempty"`
	// Structure is the Name of the structure of a TypeStructure.
	Structure string `json:"structure,omitempty"`
	// Partial is set on a TypeStructure the docs call partial: any of its
	// fields may be absent. It decodes into the same Go type.
	Partial bool `json:"partial,omitempty"`
	// Table is the IR key of the protocol table of a TypeEnum whose values
	// are one of the Spec's own tables ("intents").
	Table string `json:"table,omitempty"`
	// Enum is the Name of the Spec.Enums entry of a TypeEnum. On a
	// TypePrimitive it names, for documentation only, an enum the IR does
	// not type (a table it could not read as integer, flag or string
	// values).
	Enum string `json:"enum,omitempty"`
	// Link is the docs' link the type was resolved through, as written:
	// "/developers/resources/user#user-object".
	Link string `json:"link,omitempty"`
	// Why says, for a TypeRaw, why the IR leaves the value untyped:
	// "union", "tuple", "mixed", "object", "unresolved link", "enum" (a
	// linked enum whose values the parser could not read, with no
	// primitive beside it) or "unknown type".
	Why string `json:"why,omitempty"`
}

// String writes t in words, as diffs and kept fields show it: "string",
// "array of User", "map of snowflake to partial Channel", "Channel Types
// (integer)", "raw JSON (union)". Links do not show: a link that moved to
// another page without changing what it leads to is the same type.
func (t *TypeRef) String() string {
	if t == nil {
		return "raw JSON"
	}
	switch t.Kind {
	case TypePrimitive:
		if t.Enum != "" {
			return t.Primitive + " (" + t.Enum + ")"
		}
		return t.Primitive
	case TypeArray:
		return "array of " + t.Elem.String()
	case TypeMap:
		return "map of " + t.Key.String() + " to " + t.Elem.String()
	case TypeStructure:
		if t.Partial {
			return "partial " + t.Structure
		}
		return t.Structure
	case TypeEnum:
		name := t.Enum
		if name == "" {
			name = t.Table
		}
		return name + " (" + t.Primitive + ")"
	case TypeLink:
		return "link " + t.Link
	}
	if t.Why != "" {
		return "raw JSON (" + t.Why + ")"
	}
	return "raw JSON"
}

// EnumShape says how an enum's values are written in JSON.
type EnumShape string

const (
	EnumInteger EnumShape = "integer" // distinct integer values
	EnumFlags   EnumShape = "flags"   // bit flags, combined in one integer
	EnumString  EnumShape = "string"  // distinct strings
)

// An Enum is an enum table a structure's field links to that is not one of
// the Spec's protocol tables: "Channel Types", "Message Flags", "Status
// Types".
type Enum struct {
	// Name is the heading in words, as for Structure: "Channel Types".
	Name   string `json:"name"`
	GoName string `json:"go_name"`
	// Anchors are as for Structure.
	Anchors     []string    `json:"anchors"`
	Shape       EnumShape   `json:"shape"`
	Description string      `json:"description"`
	Members     []EnumValue `json:"members"`
	Sources     []Source    `json:"sources"`
}

// An EnumValue is one member of an Enum.
type EnumValue struct {
	// Name is the member's name as the docs write it: "GUILD_TEXT",
	// "Crossposted", "online".
	Name   string `json:"name"`
	GoName string `json:"go_name"`
	// Value is the member's value: the integer of an integer enum, the
	// flag's value (1 << bit) of a flags enum. Wire is the string of a
	// string enum.
	Value       int64    `json:"value"`
	Wire        string   `json:"wire,omitempty"`
	Description string   `json:"description"`
	Deprecated  bool     `json:"deprecated"`
	Sources     []Source `json:"sources"`
}

// A PayloadSection is a section of a document about one Gateway message,
// such as "#### Message Create" on the Gateway Events page: the parser's
// account of what the message's "d" holds, which Build matches to an opcode
// or event by its heading.
type PayloadSection struct {
	// Heading is the section's heading, as plain text: "Message Create",
	// "Update Presence".
	Heading string
	// Structure is the index in Document.Structures of the first structure
	// table in the section, or -1.
	Structure int
	// Link is the link of the prose that names the payload's object ("The
	// inner payload is a [channel](...) object"), or "".
	Link   string
	Source Source
}

// An Anchor is a place in a document that a link can reach, a
// <ManualAnchor> id or a heading's slug, and the table it leads to: the
// first table of the heading's section. One of Structure, Enum and Table
// says which.
type Anchor struct {
	ID string
	// Structure and Enum are indexes in Document.Structures and
	// Document.Enums, or -1.
	Structure, Enum int
	// Table is the IR key of a protocol table ("intents"), or "".
	Table string
}
