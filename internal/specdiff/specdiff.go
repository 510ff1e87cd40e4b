// Package specdiff compares two versions of a Gateway spec and lists what a
// refresh of the docs did to each entry of each table (see model.Tables)
// and to each payload structure and its fields: added, removed, renamed,
// re-coded or changed. It is what a reviewer of a regenerated package needs
// to read, since any change but an addition can break code downstream.
//
// Opcodes are matched by wire name first, then, among those left, by code:
// an opcode whose name survives is the same opcode even if its code moved
// (re-coded), and a code that survives under another name is the same opcode
// renamed. Every table keyed by a code or a bit is matched the same way; a
// name that several codes of a table named in words share (two close codes
// called "Disconnected") is matched by code only. Events have no code, so they are matched by name alone, and a
// renamed event is one removed and one added.
//
// Package specdiff only computes; the formats users read are templates in
// package templates, and the JSON form is that of the types here.
package specdiff

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gatewaygen/gatewaygen/model"
)

// A Kind is what happened to an entry.
type Kind int

// The kinds, in the order Changes lists them.
const (
	Added   Kind = iota + 1 // only in the new spec
	Removed                 // only in the old spec
	Renamed                 // an entry with the same code (or bit) and a new name
	Recoded                 // an entry with the same name and a new code (or bit)
	Changed                 // the same entry with another field, such as its sender, description or status
)

var kindNames = map[Kind]string{
	Added:   "added",
	Removed: "removed",
	Renamed: "renamed",
	Recoded: "re-coded",
	Changed: "changed",
}

// String returns "added", "removed", "renamed", "re-coded" or "changed".
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// MarshalText writes the String form, so JSON output reads as words.
func (k Kind) MarshalText() ([]byte, error) {
	if _, ok := kindNames[k]; !ok {
		return nil, fmt.Errorf("invalid change kind %d", int(k))
	}
	return []byte(k.String()), nil
}

// An Entry is an entry of any table of a Spec.
type Entry interface {
	model.Opcode | model.Event | model.CloseCode | model.VoiceOpcode | model.Intent
}

// A Change is what happened to one entry. Old is nil for an added entry
// and New for a removed one.
type Change[T Entry] struct {
	Kind Kind `json:"kind"`
	Old  *T   `json:"old,omitempty"`
	New  *T   `json:"new,omitempty"`
	// Fields lists the fields that differ, for every kind but Added and
	// Removed: a renamed opcode may also have a new description.
	Fields []Field `json:"fields,omitempty"`
}

// A Field is one field that differs between the old and the new version of
// an entry, with both values as text.
type Field struct {
	// Name is "sender" (opcodes and voice opcodes), "reconnect" (close
	// codes: true, false or unspecified), "binary" (voice opcodes: binary
	// or JSON), "privileged" (intents: yes or no), "events" (intents: the
	// wire names, space-separated), "description" or "status"; of a
	// payload structure, "base", and of its fields, "type", "optional",
	// "nullable" (yes or no) or "status" (see structures.go).
	Name string `json:"name"`
	Old  string `json:"old"`
	New  string `json:"new"`
	// Added and Removed, for a field that is a set (an intent's events),
	// are the members only New has and those only Old has, in the order
	// each lists them: what a reader wants rather than both lists.
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
}

// Changes is everything that differs between two specs. It is empty when
// the specs describe the same entries, even if the documents differ in
// layout, order of rows or line numbers.
type Changes struct {
	// Old and New name the documents of each spec.
	Old []string `json:"old"`
	New []string `json:"new"`
	// Each table's changes are sorted by kind, in the order of the Kind
	// constants, then by code (the old code for a removed entry) or, for
	// intents, bit, and events by name.
	Opcodes         []Change[model.Opcode]      `json:"opcodes"`
	Events          []Change[model.Event]       `json:"events"`
	CloseCodes      []Change[model.CloseCode]   `json:"close_codes"`
	VoiceOpcodes    []Change[model.VoiceOpcode] `json:"voice_opcodes"`
	VoiceCloseCodes []Change[model.CloseCode]   `json:"voice_close_codes"`
	Intents         []Change[model.Intent]      `json:"intents"`
	// Structures are the payload structures added, removed or changed,
	// by kind, then name (see structures.go).
	Structures []StructureChange `json:"structures"`
}

// Empty reports whether nothing changed.
func (c *Changes) Empty() bool {
	return len(c.Opcodes)+len(c.Events)+len(c.CloseCodes)+len(c.VoiceOpcodes)+len(c.VoiceCloseCodes)+len(c.Intents)+len(c.Structures) == 0
}

// Compare returns what changed from old to new.
func Compare(old, new *model.Spec) *Changes {
	// Changes has a field for each table, under the table's key; how
	// entries compare follows from the table (see compareKeyed) and from
	// the fields of its entry type.
	return &Changes{
		Old:             nonNil(old.Sources),
		New:             nonNil(new.Sources),
		Opcodes:         compareKeyed(table("opcodes"), old.Opcodes, new.Opcodes, opcodeFields),
		Events:          compareEvents(old.Events, new.Events),
		CloseCodes:      compareKeyed(table("close_codes"), old.CloseCodes, new.CloseCodes, closeCodeFields),
		VoiceOpcodes:    compareKeyed(table("voice_opcodes"), old.VoiceOpcodes, new.VoiceOpcodes, voiceOpcodeFields),
		VoiceCloseCodes: compareKeyed(table("voice_close_codes"), old.VoiceCloseCodes, new.VoiceCloseCodes, closeCodeFields),
		Intents:         compareKeyed(table("intents"), old.Intents, new.Intents, intentFields),
		Structures:      nonNil(compareStructures(old.Structures, new.Structures)),
	}
}

// table returns the table whose key is key.
func table(key string) *model.Table {
	if t := model.TableByKey(key); t != nil {
		return t
	}
	panic("specdiff: no table " + key)
}

// nonNil makes JSON print an empty list as [], not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// The fields particular to each entry type that differ.

func opcodeFields(o, n *model.Opcode) []Field { return senderField(nil, o.SentBy, n.SentBy) }

func voiceOpcodeFields(o, n *model.VoiceOpcode) []Field {
	fields := senderField(nil, o.SentBy, n.SentBy)
	if o.Binary != n.Binary {
		fields = append(fields, Field{Name: "binary", Old: Payloads(o.Binary), New: Payloads(n.Binary)})
	}
	return fields
}

func closeCodeFields(o, n *model.CloseCode) []Field {
	if a, b := Reconnect(o.Reconnect), Reconnect(n.Reconnect); a != b {
		return []Field{{Name: "reconnect", Old: a, New: b}}
	}
	return nil
}

func intentFields(o, n *model.Intent) []Field {
	var fields []Field
	if o.Privileged != n.Privileged {
		fields = append(fields, Field{Name: "privileged", Old: yesNo(o.Privileged), New: yesNo(n.Privileged)})
	}
	// An intent's events are a set: listed in another order, they are
	// the same events.
	if added, removed := missing(o.Events, n.Events), missing(n.Events, o.Events); len(added)+len(removed) > 0 {
		fields = append(fields, Field{Name: "events", Old: strings.Join(o.Events, " "), New: strings.Join(n.Events, " "), Added: added, Removed: removed})
	}
	return fields
}

// missing returns the members of b that a lacks, in b's order.
func missing(a, b []string) []string {
	var out []string
	for _, s := range b {
		if !slices.Contains(a, s) {
			out = append(out, s)
		}
	}
	return out
}

func senderField(fields []Field, o, n model.Sender) []Field {
	if o != n {
		fields = append(fields, Field{Name: "sender", Old: o.String(), New: n.String()})
	}
	return fields
}

// Reconnect returns a close code's reconnect flag as a word: "true",
// "false", or "unspecified" when the docs do not say.
func Reconnect(r *bool) string {
	if r == nil {
		return "unspecified"
	}
	return strconv.FormatBool(*r)
}

// Payloads returns "binary" or "JSON".
func Payloads(binary bool) string {
	if binary {
		return "binary"
	}
	return "JSON"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// compareKeyed pairs the entries of two versions of a table. Entries are
// matched by name first, then, among those left, by key: an entry whose
// name survives is the same entry even if its code moved (re-coded), and a
// code that survives under another name is the same entry renamed. A name
// that several entries share on either side (two close codes called
// "Disconnected") says nothing of identity, so only their codes match them.
func compareKeyed[T Entry, P model.Keyed[T]](t *model.Table, old, new []T, fieldsOf func(o, n *T) []Field) []Change[T] {
	// name is what entries are matched by: a table named in words is
	// matched by the wire form of the words ("Invalid seq" is "Invalid
	// Seq"), and a change of the name as written is still a rename.
	name := func(v *T) string {
		if t.Has(model.AttrNamedInWords) {
			return model.WireFromTitle(P(v).Common().Name)
		}
		return P(v).Common().Name
	}
	display := func(v *T) string { return P(v).Common().Name }
	key := func(v *T) int { return P(v).Key() }
	changes := []Change[T]{}
	pairedOld := make([]bool, len(old))
	pairedNew := make([]bool, len(new))
	pair := func(i, j int) {
		pairedOld[i], pairedNew[j] = true, true
		o, n := &old[i], &new[j]
		fields := append(fieldsOf(o, n), commonFields(P(o).Common(), P(n).Common())...)
		kind := Changed
		switch {
		case display(o) != display(n):
			kind = Renamed
		case key(o) != key(n):
			kind = Recoded
		case len(fields) == 0:
			return
		}
		changes = append(changes, Change[T]{Kind: kind, Old: o, New: n, Fields: fields})
	}

	names := make(map[string]int) // how many entries have a name, on both sides
	newByName := make(map[string]int, len(new))
	newByKey := make(map[int]int, len(new))
	for i := range old {
		names[name(&old[i])]++
	}
	for j := range new {
		names[name(&new[j])+"\x00new"]++
		newByName[name(&new[j])] = j
		newByKey[key(&new[j])] = j
	}
	for i := range old {
		name := name(&old[i])
		if j, ok := newByName[name]; ok && names[name] == 1 && names[name+"\x00new"] == 1 {
			pair(i, j)
		}
	}
	for i := range old {
		if j, ok := newByKey[key(&old[i])]; ok && !pairedOld[i] && !pairedNew[j] {
			pair(i, j)
		}
	}
	for i := range old {
		if !pairedOld[i] {
			changes = append(changes, Change[T]{Kind: Removed, Old: &old[i]})
		}
	}
	for j := range new {
		if !pairedNew[j] {
			changes = append(changes, Change[T]{Kind: Added, New: &new[j]})
		}
	}
	slices.SortFunc(changes, func(a, b Change[T]) int {
		ea, eb := either(a), either(b)
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(key(ea), key(eb)), cmp.Compare(display(ea), display(eb)))
	})
	return changes
}

func compareEvents(old, new []model.Event) []Change[model.Event] {
	changes := []Change[model.Event]{}
	newByName := make(map[string]int, len(new))
	for j, n := range new {
		newByName[n.Name] = j
	}
	paired := make([]bool, len(new))
	for i := range old {
		o := &old[i]
		j, ok := newByName[o.Name]
		if !ok {
			changes = append(changes, Change[model.Event]{Kind: Removed, Old: o})
			continue
		}
		paired[j] = true
		n := &new[j]
		if fields := commonFields(&o.Entry, &n.Entry); len(fields) > 0 {
			changes = append(changes, Change[model.Event]{Kind: Changed, Old: o, New: n, Fields: fields})
		}
	}
	for j := range new {
		if !paired[j] {
			changes = append(changes, Change[model.Event]{Kind: Added, New: &new[j]})
		}
	}
	slices.SortFunc(changes, func(a, b Change[model.Event]) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(either(a).Name, either(b).Name))
	})
	return changes
}

// either returns the new version of the entry, or the old one if it was
// removed: the version a change is sorted by.
func either[T Entry](c Change[T]) *T {
	if c.New != nil {
		return c.New
	}
	return c.Old
}

// commonFields compares the fields every entry has.
func commonFields(o, n *model.Entry) []Field {
	var fields []Field
	if o.Description != n.Description {
		fields = append(fields, Field{Name: "description", Old: o.Description, New: n.Description})
	}
	if o, n := Status(o.Deprecated, o.Removed), Status(n.Deprecated, n.Removed); o != n {
		fields = append(fields, Field{Name: "status", Old: o, New: n})
	}
	return fields
}

// Status returns the status of an entry as one word: "removed" if the docs
// strike it out, else "deprecated" if they say so, else "active".
func Status(deprecated, removed bool) string {
	switch {
	case removed:
		return "removed"
	case deprecated:
		return "deprecated"
	}
	return "active"
}
